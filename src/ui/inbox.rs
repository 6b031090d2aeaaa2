//! The inbox: pending transactions with state badges, filters, sort and per-service counts,
//! virtualised so thousands scroll smoothly; ticked rows of one service file together.

use egui::text::LayoutJob;
use egui::{Color32, FontId, TextFormat};

use super::app::{DeskApp, Focus};
use super::inbox_model::{RowState, Sort, StateFilter};
use crate::i18n::Texts;
use crate::pdf::timestamp;

fn state_id(filter: StateFilter) -> &'static str {
    match filter {
        StateFilter::All => "state-all",
        StateFilter::New => "state-new",
        StateFilter::Claimed => "state-claimed",
        StateFilter::Failed => "state-failed",
        StateFilter::Filed => "state-filed",
    }
}

fn sort_id(sort: Sort) -> &'static str {
    match sort {
        Sort::Oldest => "sort-oldest",
        Sort::Newest => "sort-newest",
        Sort::Service => "sort-service",
        Sort::Submitter => "sort-submitter",
    }
}

/// The badge of a row: its text and colour.
pub fn badge(t: &Texts, state: &RowState, visuals: &egui::Visuals) -> (String, Color32) {
    match state {
        RowState::New => (t.get("badge-new"), visuals.weak_text_color()),
        RowState::ClaimedByMe => (t.get("badge-claimed-by-me"), Color32::from_rgb(0x2a, 0x7a, 0xd4)),
        RowState::ClaimedBy(name) => (t.with("badge-claimed-by", &[("name", name.into())]), visuals.warn_fg_color),
        RowState::Filing => (t.get("badge-filing"), Color32::from_rgb(0x2a, 0x7a, 0xd4)),
        RowState::Failed => (t.get("badge-failed"), visuals.error_fg_color),
        RowState::Filed => (t.get("badge-filed"), Color32::from_rgb(0x2e, 0x8b, 0x57)),
    }
}

fn filters(app: &mut DeskApp, ui: &mut egui::Ui) {
    let t = &app.texts;
    let options = &mut app.model.options;
    ui.horizontal(|ui| {
        let label = ui.label(t.get("inbox-filter"));
        let edit = egui::TextEdit::singleline(&mut options.text).hint_text(t.get("inbox-filter-hint"));
        let edit = ui.add(edit).labelled_by(label.id);
        if app.focus == Some(Focus::Filter) {
            edit.request_focus();
            app.focus = None;
        }
    });
    let counts = app.model.counts().to_vec();
    let options = &mut app.model.options;
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
            .width(240.0)
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

fn bulk_bar(app: &mut DeskApp, ui: &mut egui::Ui) {
    if app.checked.is_empty() {
        return;
    }
    let (mut file, mut clear) = (false, false);
    let checked = app.checked.len();
    let running = app.checked.iter().filter(|id| app.filings.get(*id).is_some_and(|f| f.running)).count();
    ui.group(|ui| {
        let t = &app.texts;
        ui.horizontal_wrapped(|ui| {
            ui.label(t.with("bulk-checked", &[("count", checked.into())]));
            match app.bulk_ids() {
                Ok(ids) => {
                    let text = t.with("bulk-file", &[("count", ids.len().into())]);
                    file = ui.add_enabled(!ids.is_empty(), egui::Button::new(text)).clicked();
                }
                Err(reason) => {
                    ui.colored_label(ui.visuals().warn_fg_color, t.get(reason));
                }
            }
            clear = ui.button(t.get("bulk-clear")).clicked();
        });
        let done = app
            .checked
            .iter()
            .filter(|id| app.filings.get(*id).is_some_and(|f| !f.running && f.result.is_some()))
            .count();
        if running > 0 || done > 0 {
            let failed = app
                .checked
                .iter()
                .filter(|id| app.filings.get(*id).is_some_and(|f| matches!(f.result, Some(Err(_)))))
                .count();
            let progress = done as f32 / checked.max(1) as f32;
            let text =
                t.with("bulk-progress", &[("done", done.into()), ("count", checked.into()), ("failed", failed.into())]);
            ui.add(egui::ProgressBar::new(progress).text(text));
        }
    });
    if file {
        app.file_checked();
    }
    if clear {
        app.checked.clear();
    }
}

/// Draws the inbox panel.
pub fn show(app: &mut DeskApp, ui: &mut egui::Ui) {
    filters(app, ui);
    if let Some(error) = app.inbox.error() {
        ui.colored_label(ui.visuals().error_fg_color, app.texts.with("inbox-error", &[("error", error.into())]));
    }
    bulk_bar(app, ui);
    let shown = app.model.visible().len();
    ui.label(app.texts.with("inbox-pending", &[("count", app.model.pending().into()), ("shown", shown.into())]));
    ui.separator();
    let mut clicked = None;
    let mut toggled = None;
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let row_height = body * 2.0 + ui.spacing().item_spacing.y + 4.0;
    let (t, visuals) = (&app.texts, ui.visuals().clone());
    app.model.visible();
    let visible = app.model.visible_cached();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, row_height, visible.len(), |ui, range| {
        for &index in &visible[range] {
            let row = &app.model.rows()[index];
            let state = app.model.state(row);
            let (badge_text, badge_color) = badge(t, &state, &visuals);
            let mut job = LayoutJob::default();
            let plain = |color| TextFormat { font_id: FontId::proportional(body), color, ..TextFormat::default() };
            job.append(&row.title, 0.0, plain(visuals.strong_text_color()));
            let meta = format!(
                "\n{} · {} · {}",
                timestamp(row.submitted_at, crate::domain::Language::Fi),
                row.submitter_name,
                t.with("inbox-attachments", &[("count", row.attachment_count.into())])
            );
            job.append(&meta, 0.0, plain(visuals.text_color()));
            job.append(&badge_text, 8.0, plain(badge_color));
            ui.horizontal(|ui| {
                let mut checked = app.checked.contains(&row.id);
                let name = t.with("inbox-tick", &[("id", (&row.id).into())]);
                let tick = ui.checkbox(&mut checked, "");
                tick.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, checked, &name));
                if tick.on_hover_text(&name).changed() {
                    toggled = Some(row.id.clone());
                }
                let selected = app.selected.as_deref() == Some(row.id.as_str());
                if ui.selectable_label(selected, job).clicked() {
                    clicked = Some(row.id.clone());
                }
            });
        }
    });
    if let Some(id) = toggled {
        app.toggle_checked(id);
    }
    if let Some(id) = clicked {
        app.select(&id);
    }
}
