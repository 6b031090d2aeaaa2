//! Päivän kirjaukset: what the whole office filed on a day, from the outbox's completed list,
//! searchable by diary number, title, submitter and clerk; a row opens its receipt and the case
//! in TWeb; the day exports to CSV (UTF-8 with BOM, `;` between fields as Excel in Finnish and
//! Swedish expects, no henkilötunnus).

use chrono::NaiveDate;

use super::receipt;
use crate::contract::outbox::{CompletedTransaction, FilingAction};
use crate::domain::Catalog;
use crate::domain::reference::mask_personal_ids;
use crate::i18n::Texts;

/// The day list's own state.
#[derive(Default)]
pub struct DayState {
    /// Days back from today (0 today).
    pub back: i64,
    /// Text typed into the search.
    pub text: String,
    /// The transaction whose receipt is open.
    pub selected: Option<String>,
    /// The CSV export's outcome.
    pub saved: crate::ui::request::Requested<crate::ui::backend::SavedCopy>,
}

/// What the day list shows.
pub struct DayView<'a> {
    /// The desk's texts.
    pub texts: &'a Texts,
    /// The day shown.
    pub day: NaiveDate,
    /// The office's filings of the recent days, latest first; none before they came.
    pub items: Option<&'a [CompletedTransaction]>,
    /// Why they could not be read.
    pub error: Option<&'a crate::plain::Told>,
    /// Whether they are being read.
    pub pending: bool,
    /// TWeb's catalog, for the document types' and recipients' names.
    pub catalog: Option<&'a Catalog>,
    /// A case's page in TWeb's UI.
    pub case_url: &'a dyn Fn(Option<u64>, &str) -> Option<String>,
    /// How far back the list reaches, in days.
    pub reach: i64,
    /// Whether a filing can be undone from here (only this desk's, minutes after).
    pub undo_of: &'a dyn Fn(&CompletedTransaction) -> receipt::Undo,
    /// Its own state: search, selection, day.
    pub state: &'a mut DayState,
}

/// What the clerk asked of the day list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayCommand {
    /// Read the office's filings again.
    Refresh,
    /// Open a case in TWeb's UI.
    OpenUrl(String),
    /// Undo this transaction's filing.
    Undo(crate::domain::TransactionId),
    /// Save the day's rows shown as CSV, where the clerk chooses.
    ExportCsv(Vec<u8>, String, Vec<(String, String)>),
    /// Save them into the downloads folder, without a dialog.
    ExportCsvToDownloads(Vec<u8>, String, Vec<(String, String)>),
}

fn action(t: &Texts, action: FilingAction) -> String {
    t.get(match action {
        FilingAction::NewCase => "action-new-case",
        FilingAction::ExistingCase => "action-existing-case",
        FilingAction::AssignmentOnly => "action-assignment-only",
    })
}

/// The rows of `day` that every word of `text` matches (diary number, titles, submitter, clerk,
/// transaction id), latest first.
pub fn matching<'a>(items: &'a [CompletedTransaction], day: NaiveDate, text: &str) -> Vec<&'a CompletedTransaction> {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    items
        .iter()
        .filter(|i| crate::domain::helsinki::date_of(i.completion.completed_at) == day)
        .filter(|i| {
            let r = &i.completion.result;
            let hay = format!(
                "{} {} {} {} {} {}",
                r.diary_number.as_deref().unwrap_or_default(),
                r.case_title.as_deref().unwrap_or_default(),
                i.transaction.title,
                i.transaction.submitter_name,
                i.completion.completed_by,
                i.transaction.id
            )
            .to_lowercase();
            words.iter().all(|w| hay.contains(w))
        })
        .collect()
}

fn cell(text: &str) -> String {
    let text = mask_personal_ids(text);
    // A cell that starts like a formula is read as text, not run.
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text };
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The transactions a CSV of `rows` discloses, with their services, for the access log.
fn listed(rows: &[&CompletedTransaction]) -> Vec<(String, String)> {
    rows.iter().map(|r| (r.transaction.id.clone(), r.transaction.service.id.clone())).collect()
}

/// The rows as CSV: UTF-8 with a BOM, `;` between fields, CRLF line ends, every henkilötunnus
/// masked.
pub fn csv(t: &Texts, catalog: Option<&Catalog>, rows: &[&CompletedTransaction]) -> Vec<u8> {
    let header = [
        "day-col-time",
        "day-col-clerk",
        "day-col-action",
        "day-col-diary",
        "day-col-case-title",
        "day-col-transaction",
        "day-col-service",
        "day-col-submitter",
        "day-col-documents",
        "day-col-assignment",
    ];
    let mut out = String::from("\u{feff}");
    out.push_str(&header.iter().map(|h| cell(&t.get(h))).collect::<Vec<_>>().join(";"));
    out.push_str("\r\n");
    for row in rows {
        let r = &row.completion.result;
        let documents = r.documents.iter().map(|d| format!("{} ({})", d.title, d.document_type)).collect::<Vec<_>>();
        let documents = if documents.is_empty() { r.document_ids.len().to_string() } else { documents.join(", ") };
        let assignment = r.assignment.as_ref().map(|a| receipt::recipients(catalog, &a.recipients)).unwrap_or_default();
        let fields = [
            crate::domain::helsinki::local(row.completion.completed_at).format("%-d.%-m.%Y %-H.%M").to_string(),
            row.completion.completed_by.clone(),
            action(t, r.action),
            r.diary_number.clone().unwrap_or_default(),
            r.case_title.clone().unwrap_or_default(),
            row.transaction.id.clone(),
            row.transaction.service.name.clone(),
            row.transaction.submitter_name.clone(),
            documents,
            assignment,
        ];
        out.push_str(&fields.iter().map(|f| cell(f)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// Draws the day list; returns what the clerk asked for.
pub fn show(view: &mut DayView<'_>, ui: &mut egui::Ui) -> Vec<DayCommand> {
    let mut commands = Vec::new();
    let t = view.texts;
    let day = view.day.format("%-d.%-m.%Y").to_string();
    ui.heading(t.with("day-heading", &[("date", (&day).into())]));
    let items = view.items.unwrap_or_default();
    let rows = matching(items, view.day, &view.state.text);
    ui.horizontal_wrapped(|ui| {
        if ui.add_enabled(view.state.back < view.reach, egui::Button::new(t.get("day-earlier"))).clicked() {
            view.state.back += 1;
        }
        if ui.add_enabled(view.state.back > 0, egui::Button::new(t.get("day-later"))).clicked() {
            view.state.back -= 1;
        }
        let label = ui.label(t.get("day-search"));
        let edit = egui::TextEdit::singleline(&mut view.state.text).hint_text(t.get("day-search-hint"));
        ui.add(edit).labelled_by(label.id);
        if ui.button(t.get("day-refresh")).clicked() {
            commands.push(DayCommand::Refresh);
        }
        let name = format!("kirjaukset-{}.csv", view.day.format("%Y-%m-%d"));
        if ui.add_enabled(!rows.is_empty(), egui::Button::new(t.get("day-export"))).clicked() {
            commands.push(DayCommand::ExportCsv(csv(t, view.catalog, &rows), name.clone(), listed(&rows)));
        }
        if view.pending {
            ui.spinner();
        }
    });
    use crate::ui::backend::SavedCopy;
    use crate::ui::request::RequestState;
    match view.state.saved.state() {
        RequestState::Ready(SavedCopy::Chosen(path) | SavedCopy::Downloads(path)) => {
            ui.label(t.with("day-exported", &[("path", (&path.display().to_string()).into())]));
        }
        RequestState::Ready(SavedCopy::NoDialog(path)) => {
            ui.label(t.with("attachment-saved-no-dialog", &[("path", (&path.display().to_string()).into())]));
        }
        RequestState::Ready(SavedCopy::Cancelled) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(t.get("attachment-save-cancelled"));
                if ui.button(t.get("attachment-save-downloads")).clicked() {
                    let name = format!("kirjaukset-{}.csv", view.day.format("%Y-%m-%d"));
                    commands.push(DayCommand::ExportCsvToDownloads(csv(t, view.catalog, &rows), name, listed(&rows)));
                }
            });
        }
        RequestState::Failed(told, _) => crate::ui::widgets::told(ui, t, "day-export-error", told),
        _ => {}
    }
    if let Some(error) = view.error {
        crate::ui::widgets::told(ui, t, "day-error", error);
    }
    ui.label(t.with("day-count", &[("count", rows.len().into())]));
    ui.separator();
    let selected = view.state.selected.clone();
    let chosen = selected.as_deref().and_then(|id| rows.iter().find(|r| r.transaction.id == id)).copied();
    let list_height = if chosen.is_some() { ui.available_height() * 0.55 } else { ui.available_height() };
    egui::ScrollArea::vertical().id_salt("day-rows").max_height(list_height).auto_shrink([false, true]).show(
        ui,
        |ui| {
            for row in &rows {
                let r = &row.completion.result;
                let time = crate::domain::helsinki::local(row.completion.completed_at).format("%-H.%M").to_string();
                let diary = r.diary_number.clone().unwrap_or_else(|| t.get("filing-no-case"));
                let text = format!(
                    "{time} · {diary} · {}\n{} · {} · {}",
                    r.case_title.as_deref().unwrap_or(&row.transaction.title),
                    row.transaction.submitter_name,
                    action(t, r.action),
                    row.completion.completed_by
                );
                let is = selected.as_deref() == Some(row.transaction.id.as_str());
                if ui.selectable_label(is, text).clicked() {
                    view.state.selected = (!is).then(|| row.transaction.id.clone());
                }
            }
            if rows.is_empty() && !view.pending {
                ui.weak(t.get("day-none"));
            }
        },
    );
    if let Some(row) = chosen {
        ui.separator();
        ui.strong(&row.transaction.title);
        ui.label(t.with(
            "day-by",
            &[
                ("clerk", (&row.completion.completed_by).into()),
                ("at", (&t.timestamp(row.completion.completed_at)).into()),
            ],
        ));
        let r = &row.completion.result;
        let url = r.diary_number.as_deref().and_then(|d| (view.case_url)(r.case_id, d));
        let undo = (view.undo_of)(row);
        for command in receipt::show(t, view.catalog, r, url.as_deref(), &undo, ui) {
            commands.push(match command {
                receipt::ReceiptCommand::OpenUrl(url) => DayCommand::OpenUrl(url),
                receipt::ReceiptCommand::Undo => DayCommand::Undo(row.transaction.id.as_str().into()),
            });
        }
    }
    commands
}
