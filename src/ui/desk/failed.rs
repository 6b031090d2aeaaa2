//! The failed view: filings of this machine that failed or were interrupted, with retry one and
//! retry all, and the journal's history of every filing (who, when, what, result). A view over
//! [`FailedView`] that returns [`FailedCommand`]s; the desk applies them.

use crate::export::{FilingPlan, FilingRecord, FilingState, Target};
use crate::i18n::Texts;
use crate::plain::{Plain, Told};
use crate::ui::request::RequestState;

/// What the failed view shows.
pub struct FailedView<'a> {
    /// The UI texts.
    pub texts: &'a Texts,
    /// The journal's failed and interrupted filings.
    pub unfinished: &'a RequestState<Vec<FilingRecord>>,
    /// The journal's every filing.
    pub history: &'a RequestState<Vec<FilingRecord>>,
    /// Whether a filing of this transaction is running now (its Retry is disabled).
    pub running: &'a dyn Fn(&str) -> bool,
    /// Why each filing failed, in plain words, as this session or the journal tells it (a filing
    /// journaled by an older program has only the technical chain, under "Näytä tiedot").
    pub told: std::collections::HashMap<&'a str, &'a Told>,
}

/// What the clerk asked of the failed view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailedCommand {
    /// File this plan again (finished steps are found, not repeated).
    Retry(Box<FilingPlan>),
    /// File every failed or interrupted filing again.
    RetryAll,
}

fn what(t: &Texts, record: &FilingRecord) -> String {
    match &record.plan.target {
        Target::NewCase { case_group, .. } => t.with("history-new-case", &[("group", case_group.into())]),
        Target::ExistingCase { case_id, diary_number } => {
            let shown = diary_number.clone().unwrap_or_else(|| case_id.to_string());
            t.with("history-existing-case", &[("id", shown.as_str().into())])
        }
        Target::AssignmentOnly => t.get("history-assignment-only"),
    }
}

fn when(t: &Texts, rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|d| t.timestamp(d.with_timezone(&chrono::Utc)))
        .unwrap_or_else(|_| rfc3339.to_owned())
}

/// Draws the failed view.
pub fn show(view: &FailedView<'_>, ui: &mut egui::Ui) -> Vec<FailedCommand> {
    let t = view.texts;
    let records: &[FilingRecord] = view.unfinished.value().map_or(&[], Vec::as_slice);
    ui.heading(t.with("failed-heading", &[("count", records.len().into())]));
    if let Some(error) = view.unfinished.error() {
        crate::ui::widgets::told(ui, t, "journal-error", error);
    }
    let mut commands = Vec::new();
    if records.is_empty() {
        ui.label(t.get("failed-none"));
    } else if ui.button(t.with("failed-retry-all", &[("count", records.len().into())])).clicked() {
        commands.push(FailedCommand::RetryAll);
    }
    egui::Grid::new("failed-grid").striped(true).num_columns(4).show(ui, |ui| {
        for record in records {
            ui.strong(&record.transaction_id);
            ui.label(what(t, record));
            ui.vertical(|ui| {
                // Wide enough to read the reason in a line or two, not a word a line.
                ui.set_min_width(320.0);
                reason(ui, t, record, view.told.get(record.transaction_id.as_str()).copied());
            });
            let running = (view.running)(&record.transaction_id);
            let button = egui::Button::new(t.get("failed-retry"));
            if ui.add_enabled(!running, button).on_hover_text(&record.transaction_id).clicked() {
                commands.push(FailedCommand::Retry(Box::new(record.plan.clone())));
            }
            ui.end_row();
        }
    });
    ui.add_space(12.0);
    ui.heading(t.get("history-heading"));
    if view.history.is_pending() {
        ui.spinner();
    }
    let history: &[FilingRecord] = view.history.value().map_or(&[], Vec::as_slice);
    egui::ScrollArea::vertical().id_salt("history").auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("history-grid").striped(true).num_columns(5).show(ui, |ui| {
            for header in ["history-when", "history-who", "history-transaction", "history-what", "history-result"] {
                ui.strong(t.get(header));
            }
            ui.end_row();
            for record in history {
                ui.label(when(t, &record.updated_at));
                ui.label(&record.clerk);
                ui.label(&record.transaction_id);
                ui.label(what(t, record));
                let result = match (record.state, &record.result) {
                    (FilingState::Done, Some(r)) => r
                        .diary_number
                        .clone()
                        .map_or_else(|| t.get("history-done"), |d| t.with("history-filed", &[("diary", (&d).into())])),
                    (FilingState::Done, None) => t.get("history-done"),
                    (FilingState::Failed, _) => t.get("history-failed"),
                    (FilingState::Interrupted, _) => t.get("history-interrupted"),
                    (FilingState::InProgress, _) => t.get("history-in-progress"),
                    (FilingState::FiledByOther, _) => {
                        let by = record.filed_by.clone().unwrap_or_default();
                        t.with("history-filed-by-other", &[("clerk", by.as_str().into())])
                    }
                };
                ui.label(result);
                ui.end_row();
            }
        });
    });
    commands
}

/// Why a filing is in the failed list: interrupted (neutral), failed in this session (its plain
/// words), or failed earlier (the journal's chain under the details).
fn reason(ui: &mut egui::Ui, t: &Texts, record: &FilingRecord, told: Option<&Told>) {
    match (&record.error, told) {
        (None, _) => {
            ui.label(t.get("failed-interrupted"));
        }
        _ if record.state == FilingState::Interrupted => {
            ui.label(t.get("failed-interrupted"));
        }
        (Some(_), Some(told)) => crate::ui::widgets::told(ui, t, "failed-reason", told),
        (Some(chain), None) => {
            let told = Told::new(Plain::new("failed-earlier"), chain.clone());
            crate::ui::widgets::told(ui, t, "failed-reason", &told);
        }
    }
}
