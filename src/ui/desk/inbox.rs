//! The inbox: pending transactions with state badges, filters, sort and per-service counts,
//! virtualised so thousands scroll smoothly; ticked rows of one service file together. A view
//! over [`InboxView`] (its own filter state is the model's options) that returns
//! [`InboxCommand`]s; the desk applies them.

use crate::domain::TransactionId;
use std::collections::BTreeSet;

mod row;

use super::inbox_model::{InboxModel, RowState, Sort, StateFilter};
use crate::domain::waiting::{Urgency, Waiting};
use crate::i18n::Texts;
use crate::ui::widgets::tokens::Tone;

fn state_id(filter: StateFilter) -> &'static str {
    match filter {
        StateFilter::All => "state-all",
        StateFilter::New => "state-new",
        StateFilter::Claimed => "state-claimed",
        StateFilter::Failed => "state-failed",
        StateFilter::Filed => "state-filed",
        StateFilter::Urgent => "state-urgent",
    }
}

fn sort_id(sort: Sort) -> &'static str {
    match sort {
        Sort::Oldest => "sort-oldest",
        Sort::Newest => "sort-newest",
        Sort::Service => "sort-service",
        Sort::Submitter => "sort-submitter",
        Sort::Deadline => "sort-deadline",
    }
}

/// The badge of a row: its text and what it says.
pub fn badge(t: &Texts, state: &RowState) -> (String, Tone) {
    match state {
        RowState::New => (t.get("badge-new"), Tone::Neutral),
        RowState::ClaimedByMe => (t.get("badge-claimed-by-me"), Tone::Info),
        RowState::ClaimedBy(name) => (t.with("badge-claimed-by", &[("name", name.into())]), Tone::Warning),
        RowState::Filing => (t.get("badge-filing"), Tone::Info),
        RowState::Failed => (t.get("badge-failed"), Tone::Danger),
        RowState::Interrupted => (t.get("badge-interrupted"), Tone::Warning),
        RowState::Quarantined => (t.get("badge-quarantined"), Tone::Danger),
        RowState::NotScanned => (t.get("badge-not-scanned"), Tone::Warning),
        RowState::Filed => (t.get("badge-filed"), Tone::Success),
    }
}

/// The deadline's badge: overdue (by how many days) or due soon (on which day), with the law's
/// provision when the deadline is the law's default; "unknown" when no mapping or law gives one;
/// none when calm.
fn due_badge(t: &Texts, waiting: &Waiting, today: chrono::NaiveDate) -> Option<(String, Tone)> {
    if !waiting.known {
        return Some((t.get("badge-deadline-unknown"), Tone::Neutral));
    }
    let left = waiting.days_left(today)?;
    let (text, tone) = match waiting.urgency {
        Urgency::Overdue => {
            let late = usize::try_from(-left).unwrap_or(0);
            (t.with("badge-overdue", &[("days", late.into())]), Tone::Danger)
        }
        Urgency::Soon => {
            let due = waiting.due.map(|d| d.format("%-d.%-m.").to_string()).unwrap_or_default();
            (t.with("badge-due-soon", &[("date", (&due).into())]), Tone::Warning)
        }
        Urgency::Calm => return None,
    };
    Some((waiting.basis.map_or_else(|| text.clone(), |basis| format!("{text} ({basis})")), tone))
}

/// What the inbox shows, and its own state (the model with the filter, sort and rows).
pub struct InboxView<'a> {
    /// The UI texts.
    pub texts: &'a Texts,
    /// The rows and the clerk's filter, state filter and sort.
    pub model: &'a mut InboxModel,
    /// Whether the filter field should take the keyboard (the `/` key) this frame.
    pub focus_filter: bool,
    /// Why the inbox could not be fetched, if it could not.
    pub error: Option<&'a crate::plain::Told>,
    /// Rows ticked for bulk filing.
    pub checked: &'a BTreeSet<TransactionId>,
    /// The selected row.
    pub selected: Option<&'a str>,
    /// The mappings, whose names the service filter shows (as Oletukset does).
    pub mappings: &'a [crate::mappings::ServiceMapping],
    /// Whether to scroll the list so the selected row is in view (after a key moved the selection
    /// or the rows were refreshed); only as far as needed.
    pub scroll_to_selected: bool,
    /// The ticked rows' bulk filing: what it would file, or why not (a Fluent id), and progress.
    pub bulk: Bulk,
    /// Whether the selection moves on to the next row after a filing.
    pub move_on: bool,
}

/// Why the ticked rows cannot be filed together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkRefusal {
    /// None is ticked.
    NoneTicked,
    /// They belong to more than one e-service.
    SeveralServices,
    /// Their e-service has no default that files without a clerk's choice.
    NoDefault,
}

impl BulkRefusal {
    /// The Fluent id of what the inbox says.
    pub fn text_id(self) -> &'static str {
        match self {
            Self::NoneTicked => "bulk-none",
            Self::SeveralServices => "bulk-one-service",
            Self::NoDefault => "bulk-no-default",
        }
    }
}

/// The bulk filing of the ticked rows as the inbox shows it.
pub struct Bulk {
    /// The transactions it would file, or why it cannot.
    pub ids: Result<Vec<TransactionId>, BulkRefusal>,
    /// Ticked rows whose filing the clerk stopped.
    pub interrupted: usize,
    /// Ticked rows filing now.
    pub running: usize,
    /// Ticked rows whose filing ended.
    pub done: usize,
    /// Ticked rows whose filing failed.
    pub failed: usize,
}

/// What the clerk asked of the inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InboxCommand {
    /// Select this transaction.
    Select(TransactionId),
    /// Tick or untick this row for bulk filing.
    Toggle(TransactionId),
    /// File the ticked rows with their defaults.
    FileChecked,
    /// Untick every row.
    ClearChecked,
    /// Stop the ticked rows' filings: those running end as interrupted where they stand, those
    /// waiting for their turn do not start.
    CancelChecked,
    /// The filter took the keyboard.
    FilterFocused,
    /// Move on to the next row after a filing, or stay.
    MoveOn(bool),
}

fn filters(view: &mut InboxView<'_>, ui: &mut egui::Ui, commands: &mut Vec<InboxCommand>) {
    let t = view.texts;
    let options = &mut view.model.options;
    ui.horizontal(|ui| {
        let label = ui.label(t.get("inbox-filter"));
        let edit = egui::TextEdit::singleline(&mut options.text).hint_text(t.get("inbox-filter-hint"));
        let edit = ui.add(edit).labelled_by(label.id);
        if view.focus_filter {
            edit.request_focus();
            commands.push(InboxCommand::FilterFocused);
        }
    });
    // One name per e-service across the desk: the mapping's (as Oletukset shows it), else the
    // outbox's.
    let mappings = view.mappings;
    let counts: Vec<_> = view
        .model
        .counts()
        .iter()
        .map(|c| {
            let name = mappings.iter().find(|m| m.service == c.id).map_or(&c.name, |m| &m.name);
            super::inbox_model::ServiceCount { id: c.id.clone(), name: name.clone(), pending: c.pending }
        })
        .collect();
    let options = &mut view.model.options;
    egui::Grid::new("inbox-filters").num_columns(2).show(ui, |ui| {
        let label = ui.label(t.get("inbox-service"));
        let all = t.with("inbox-service-all", &[("count", counts.iter().map(|c| c.pending).sum::<usize>().into())]);
        let selected = options
            .service
            .as_ref()
            .and_then(|s| counts.iter().find(|c| &c.id == s))
            .map_or(all.clone(), |c| format!("{} ({})", c.name, c.pending));
        egui::ComboBox::from_id_salt("inbox-service")
            .selected_text(selected)
            .width(ui.available_width().clamp(120.0, 240.0))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut options.service, None, all);
                for count in &counts {
                    let text = format!("{} ({})", count.name, count.pending);
                    ui.selectable_value(&mut options.service, Some(count.id.clone()), text);
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
        menu(ui, "inbox-state", &t.get("inbox-state"), &mut options.state, &StateFilter::ALL, |c| t.get(state_id(c)));
        menu(ui, "inbox-sort", &t.get("inbox-sort"), &mut options.sort, &Sort::ALL, |c| t.get(sort_id(c)));
    });
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut options.hide_filed, t.get("inbox-hide-filed"));
        let mut move_on = view.move_on;
        if ui.checkbox(&mut move_on, t.get("inbox-move-on")).on_hover_text(t.get("inbox-move-on-hint")).changed() {
            commands.push(InboxCommand::MoveOn(move_on));
        }
    });
}

/// A labelled drop-down of `choices` in a two-column grid.
fn menu<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    id: &str,
    label: &str,
    value: &mut T,
    choices: &[T],
    text: impl Fn(T) -> String,
) {
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(text(*value))
        .width(240.0)
        .show_ui(ui, |ui| {
            for &choice in choices {
                ui.selectable_value(value, choice, text(choice));
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
}

fn bulk_bar(view: &InboxView<'_>, ui: &mut egui::Ui, commands: &mut Vec<InboxCommand>) {
    if view.checked.is_empty() {
        return;
    }
    let checked = view.checked.len();
    let Bulk { ids, running, done, failed, interrupted } = &view.bulk;
    ui.group(|ui| {
        let t = view.texts;
        ui.horizontal_wrapped(|ui| {
            ui.label(t.with("bulk-checked", &[("count", checked.into())]));
            match ids {
                Ok(ids) => {
                    let text = t.with("bulk-file", &[("count", ids.len().into())]);
                    if ui.add_enabled(!ids.is_empty(), egui::Button::new(text)).clicked() {
                        commands.push(InboxCommand::FileChecked);
                    }
                }
                Err(reason) => {
                    ui.colored_label(ui.visuals().warn_fg_color, t.get(reason.text_id()));
                }
            }
            if ui.button(t.get("bulk-clear")).clicked() {
                commands.push(InboxCommand::ClearChecked);
            }
            if *running > 0 && ui.button(t.get("bulk-cancel")).clicked() {
                commands.push(InboxCommand::CancelChecked);
            }
        });
        if *running > 0 || *done > 0 {
            let progress = *done as f32 / checked.max(1) as f32;
            let text = t.with(
                "bulk-progress",
                &[
                    ("done", (*done).into()),
                    ("count", checked.into()),
                    ("failed", (*failed).into()),
                    ("interrupted", (*interrupted).into()),
                ],
            );
            ui.add(egui::ProgressBar::new(progress).text(text));
        }
    });
}

/// Draws the inbox panel.
pub fn show(view: &mut InboxView<'_>, ui: &mut egui::Ui) -> Vec<InboxCommand> {
    let mut commands = Vec::new();
    filters(view, ui, &mut commands);
    if let Some(error) = view.error {
        crate::ui::widgets::told(ui, view.texts, "inbox-error", error);
    }
    if !view.checked.is_empty() {
        // At the bottom: ticking a row must not push the list down under the pointer.
        egui::Panel::bottom("inbox-bulk").show(ui, |ui| bulk_bar(view, ui, &mut commands));
    }
    let shown = view.model.visible().len();
    let pending = view.model.pending();
    ui.label(view.texts.with("inbox-pending", &[("count", pending.into()), ("shown", shown.into())]));
    ui.separator();
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let row_height = body * 2.0 + ui.spacing().item_spacing.y + 4.0;
    let t = view.texts;
    view.model.visible();
    let model = &*view.model;
    let visible = model.visible_cached();
    let rows = model.rows();
    let wanted =
        view.selected.filter(|_| view.scroll_to_selected).and_then(|id| visible.iter().position(|&i| rows[i].id == id));
    egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, row_height, visible.len(), |ui, range| {
        if let Some(at) = wanted {
            // The rows drawn start at `range.start`; a row above or below them is scrolled to,
            // by just enough to show it whole.
            let step = row_height + ui.spacing().item_spacing.y;
            let top = ui.max_rect().top() + (at as f32 - range.start as f32) * step;
            let rect = egui::Rect::from_x_y_ranges(ui.max_rect().x_range(), top..=top + row_height);
            ui.scroll_to_rect(rect, None);
        }
        for &index in &visible[range] {
            let row = &model.rows()[index];
            let state = model.state(row);
            let (badge_text, tone) = badge(t, &state);
            let waiting = model.waiting(row);
            let meta = format!(
                "{} · {} · {} · {}",
                t.with("inbox-waited", &[("days", usize::try_from(waiting.days).unwrap_or(0).into())]),
                t.timestamp(row.submitted_at),
                row.submitter_name,
                t.with("inbox-attachments", &[("count", row.attachment_count.into())])
            );
            let mut flags: Vec<(String, Tone)> = Vec::new();
            if state != RowState::Filed {
                flags.extend(due_badge(t, &waiting, model.today()));
            }
            if model.secret(row).is_some() {
                let words = if model.secrecy_unknown(row) {
                    "inbox-secrecy-unknown"
                } else if model.wholly_secret(row) {
                    "inbox-secret"
                } else {
                    "inbox-partly-secret"
                };
                flags.push((t.get(words), Tone::Danger));
            }
            if row.protection_order {
                flags.push((t.get("inbox-protection-order"), Tone::Danger));
            }
            if row.holds_personal_id {
                flags.push((t.get("inbox-personal-id"), Tone::Neutral));
            }
            if !model.duplicates(&row.id).is_empty() && state != RowState::Filed {
                flags.push((t.get("inbox-duplicate"), Tone::Warning));
            }
            ui.horizontal(|ui| {
                let mut checked = view.checked.contains(row.id.as_str());
                let name = t.with("inbox-tick", &[("id", (&row.id).into())]);
                let tick = ui.checkbox(&mut checked, "");
                tick.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, checked, &name));
                if tick.on_hover_text(&name).changed() {
                    commands.push(InboxCommand::Toggle(TransactionId::new(row.id.clone())));
                }
                let selected = view.selected == Some(row.id.as_str());
                let shown =
                    row::Row { title: &row.title, meta: &meta, badge: &badge_text, tone, flags: &flags, selected };
                if row::show(ui, &shown, row_height).clicked() {
                    commands.push(InboxCommand::Select(TransactionId::new(row.id.clone())));
                }
            });
        }
    });
    commands
}
