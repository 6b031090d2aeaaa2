//! The filing panel: the action, its choices prefilled from the mapping, File, progress and the
//! result. A view over the selected transaction's draft and filing that returns commands.

use super::case_editor::{self, CaseSearch};
use super::draft::{Action, Draft};
use crate::contract::outbox::FilingResult;
use crate::domain::Catalog;
use crate::export::Step;
use crate::i18n::Texts;
use crate::mappings::ServiceMapping;
use crate::service::Unusable;
use crate::ui::backend::Ended;
use crate::ui::widgets::tokens::{self, Tone};

/// Progress and outcome of one filing as the desk shows it.
#[derive(Debug, Default, Clone)]
pub struct FilingView {
    /// Finished steps.
    pub done: Vec<Step>,
    /// Upload progress of the current attachment.
    pub bytes: Option<(u64, u64)>,
    /// The step being tried again, the try that comes next and the technical cause (shown on
    /// hover only).
    pub retry: Option<(Step, u32, crate::plain::Told)>,
    /// The outcome.
    pub result: Option<Result<FilingResult, Ended>>,
    /// When it was filed (for the minutes in which it can be undone).
    pub filed_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// What the clerk asked of the filing panel this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilingCommand {
    /// File the selected transaction (a click is the confirmation itself).
    File,
    /// Stop its filing.
    Cancel,
    /// Make these choices the service's default mapping.
    SaveDefault,
    /// Choose the action.
    Action(Action),
    /// Ask for TWeb's catalog again.
    RetryCatalog,
    /// Send the case search for the text typed.
    SearchCases,
    /// The case search took the focus it was given.
    CaseSearchFocused,
    /// Open the filed case in TWeb.
    OpenUrl(String),
    /// File onto this case (a suggestion: the form named it, or a repeat was filed onto it).
    Pick(super::draft::PickedCase),
    /// Undo the filing of this transaction.
    Undo(crate::domain::TransactionId),
    /// File leaving out these attachments, in which the virus scanner found malware.
    FileWithout(Vec<crate::export::LeftOut>),
}

/// A case the desk suggests filing onto, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Why, in words ("Kenttä Aiempi asia mainitsee asian 12/…").
    pub why: String,
    /// The case.
    pub case: super::draft::PickedCase,
}

/// What the filing panel shows: read-only, except the draft and the case search it edits.
pub struct FilingPanel<'a> {
    /// The desk's texts.
    pub texts: &'a Texts,
    /// The selected transaction's id, once its details are here.
    pub transaction: Option<&'a str>,
    /// How many attachments it has.
    pub attachments: usize,
    /// Its filing, if one was started.
    pub view: Option<&'a FilingView>,
    /// Its filing choices.
    pub draft: Option<&'a mut Draft>,
    /// Its service's mapping, or why it cannot be used.
    pub mapping: Result<&'a ServiceMapping, Unusable>,
    /// Whether a mappings folder is set (so the choices can be saved as the default).
    pub can_save_default: bool,
    /// The outcome of saving this service's default.
    pub saved: Option<&'a Result<String, crate::ui::widgets::Failure>>,
    /// TWeb's catalog, once here.
    pub catalog: Option<&'a Catalog>,
    /// Why the catalog could not be fetched.
    pub catalog_error: Option<&'a crate::plain::Told>,
    /// Another clerk's live claim on the transaction: nothing can be started until it ends.
    pub held: Option<&'a crate::contract::outbox::ClaimInfo>,
    /// Whether the desk waits for the clerk to confirm this filing, and if so whether its choices
    /// are not a complete default.
    pub confirm: Option<bool>,
    /// Whether its filing is running.
    pub running: bool,
    /// Whether the clerk asked the running filing to stop.
    pub cancelling: bool,
    /// Why the last Enter or click filed nothing (the Fluent id): not seen long enough, or hidden.
    pub unseen: Option<&'static str>,
    /// The existing-case search.
    pub cases: &'a mut CaseSearch,
    /// Whether the case search takes the keyboard focus this frame.
    pub focus_case_search: bool,
    /// The filed case's address in TWeb's own UI.
    pub case_url: Option<String>,
    /// The receipt of the filing the selection moved on from: its transaction, its case's
    /// address and whether it can be undone.
    pub previous: Option<(&'a str, &'a FilingResult, Option<String>, super::receipt::Undo)>,
    /// Whether this transaction's filing can be undone.
    pub undo: super::receipt::Undo,
    /// The diary number of the case this transaction's filing was undone from, when it was.
    pub undone: Option<String>,
    /// Cases to file onto: named in the form, or holding a repeat of this transaction.
    pub suggestions: Vec<Suggestion>,
    /// What the clerk confirms by filing (the secrecy basis, a case of another party).
    pub asks: Vec<String>,
    /// The secrecy the filing's records plan gives it, in words, when not public.
    pub secrecy: Option<String>,
}

fn step_text(t: &Texts, step: &Step) -> String {
    match step {
        Step::Read => t.get("step-read"),
        Step::Claim => t.get("step-claim"),
        Step::Case => t.get("step-case"),
        Step::Form => t.get("step-form"),
        Step::Attachment(id) => t.with("step-attachment", &[("id", id.into())]),
        Step::SecretAddress => t.get("step-secret-address"),
        Step::Assignment => t.get("step-assignment"),
        Step::Complete => t.get("step-complete"),
    }
}

/// Draws the filing panel; returns what the clerk asked for.
pub fn show(panel: &mut FilingPanel<'_>, ui: &mut egui::Ui) -> Vec<FilingCommand> {
    let mut commands = Vec::new();
    let t = panel.texts;
    ui.heading(t.get("filing-heading"));
    let Some(id) = panel.transaction else {
        ui.label(t.get("filing-none"));
        return commands;
    };
    let idle = FilingView::default();
    let view = panel.view.unwrap_or(&idle);
    let done = view.result.as_ref().is_some_and(Result::is_ok);
    let full = ui.available_height();
    if let Some((previous, result, url, undo)) = &panel.previous {
        // The selection moved on after a filing: its receipt stays in sight, in at most a third
        // of the panel, so the next transaction's choices keep their room.
        egui::ScrollArea::vertical().id_salt("filing-previous").max_height(full * 0.3).show(ui, |ui| {
            ui.group(|ui| {
                ui.weak(t.get("filing-previous"));
                for command in super::receipt::show(t, panel.catalog, result, url.as_deref(), undo, ui) {
                    commands.push(match command {
                        super::receipt::ReceiptCommand::OpenUrl(url) => FilingCommand::OpenUrl(url),
                        super::receipt::ReceiptCommand::Undo => FilingCommand::Undo((*previous).into()),
                    });
                }
            });
        });
    }
    if let (Some(diary), None | Some(FilingView { result: None, .. })) = (&panel.undone, panel.view) {
        ui.strong(t.with("receipt-undone", &[("diary", diary.into())]));
    }
    if !panel.running && !done {
        // The scroll bar always shows: at 1366x768 the assignment's Viesti and Määräpäivä lie
        // below the fold in existing-case mode, and a hidden bar hid them.
        // Never less than two fifths of the panel (under a receipt it shrank to one line).
        let room = (ui.available_height() - 160.0).max(full * 0.4);
        egui::ScrollArea::vertical()
            .id_salt("filing-choices")
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .max_height(room)
            .show(ui, |ui| edit(panel, ui, id, &mut commands));
        ui.separator();
    }
    // The checks, the button, the progress and the outcome scroll on their own when they outgrow
    // the panel (an error's details opened at 1024x700).
    egui::ScrollArea::vertical()
        .id_salt("filing_status")
        .auto_shrink([false, true])
        .show(ui, |ui| status(panel, ui, view, done, &mut commands));
    commands
}

/// What the filing will do and how it went: what is missing, what the clerk confirms, the button,
/// the progress and the outcome.
fn status(
    panel: &mut FilingPanel<'_>,
    ui: &mut egui::Ui,
    view: &FilingView,
    done: bool,
    commands: &mut Vec<FilingCommand>,
) {
    let t = panel.texts;
    let Some(draft) = panel.draft.as_deref() else { return };
    let plan = draft.plan();
    if let Err(missing) = &plan {
        for m in missing {
            ui.colored_label(ui.visuals().warn_fg_color, t.get(m.text_id()));
        }
    }
    if let Some(secrecy) = &panel.secrecy {
        let text = t.with("filing-secrecy", &[("publicity", secrecy.into())]);
        ui.colored_label(tokens::text(Tone::Danger, ui.visuals()), text);
    }
    if let Some(incomplete) = panel.confirm {
        for ask in &panel.asks {
            ui.colored_label(ui.visuals().warn_fg_color, ask);
        }
        let again = if incomplete { "filing-confirm" } else { "filing-confirm-again" };
        ui.colored_label(ui.visuals().warn_fg_color, t.get(again));
    }
    if let Some(unseen) = panel.unseen {
        ui.colored_label(ui.visuals().warn_fg_color, t.get(unseen));
    }
    if let Some(claim) = panel.held {
        let until = t.timestamp(claim.expires_at);
        let text = t.with("filing-held-by", &[("name", (&claim.holder).into()), ("until", (&until).into())]);
        ui.colored_label(ui.visuals().warn_fg_color, text);
    }
    if !done {
        ui.horizontal(|ui| {
            let label = match &view.result {
                Some(Err(Ended::Interrupted { .. })) => "filing-resume",
                Some(Err(Ended::Failed(_) | Ended::NotScanned(_))) => "filing-retry",
                _ => "filing-file",
            };
            let enabled = !panel.running && plan.is_ok() && panel.held.is_none();
            if ui.add_enabled(enabled, egui::Button::new(t.get(label))).clicked() {
                commands.push(FilingCommand::File);
            }
            if panel.running && ui.add_enabled(!panel.cancelling, egui::Button::new(t.get("filing-cancel"))).clicked() {
                commands.push(FilingCommand::Cancel);
            }
        });
    }
    progress(panel, ui, view, commands);
}

fn progress(panel: &FilingPanel<'_>, ui: &mut egui::Ui, view: &FilingView, commands: &mut Vec<FilingCommand>) {
    let (t, url) = (panel.texts, panel.case_url.as_deref());
    if panel.running {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t.get("filing-running"));
        });
    }
    for step in &view.done {
        ui.label(t.with("filing-step-done", &[("step", (&step_text(t, step)).into())]));
    }
    if let (true, Some((sent, total))) = (panel.running, view.bytes) {
        let (sent_text, total_text) = (t.size(sent), t.size(total));
        let args = [("sent", sent_text.as_str().into()), ("total", total_text.as_str().into())];
        let text = t.with("filing-upload-progress", &args);
        ui.add(egui::ProgressBar::new(sent as f32 / total.max(1) as f32).text(text));
    }
    if let (true, Some((step, attempt, cause))) = (panel.running, &view.retry) {
        // A lost answer or a busy server is retried: said plainly, never as a failure.
        let text = t.with("filing-retrying", &[("step", (&step_text(t, step)).into()), ("attempt", (*attempt).into())]);
        ui.label(text).on_hover_text(t.say(&cause.plain));
    }
    match &view.result {
        Some(Ok(result)) => {
            for command in super::receipt::show(t, panel.catalog, result, url, &panel.undo, ui) {
                commands.push(match command {
                    super::receipt::ReceiptCommand::OpenUrl(url) => FilingCommand::OpenUrl(url),
                    super::receipt::ReceiptCommand::Undo => {
                        FilingCommand::Undo(panel.transaction.unwrap_or_default().into())
                    }
                });
            }
        }
        Some(Err(Ended::Failed(error))) => {
            crate::ui::widgets::told(ui, t, "filing-failed", error);
        }
        Some(Err(Ended::NotScanned(error))) => {
            crate::ui::widgets::told(ui, t, "filing-not-scanned", error);
        }
        Some(Err(Ended::Quarantined(files))) => quarantine(panel, ui, files, commands),
        Some(Err(Ended::Interrupted { diary_number })) => {
            // Not a failure: what exists stays, and Enter goes on from there.
            ui.strong(t.get("filing-interrupted"));
            match diary_number {
                Some(diary) => ui.label(t.with("filing-interrupted-case", &[("diary", diary.into())])),
                None => ui.label(t.get("filing-interrupted-no-case")),
            };
            let assignment = panel.draft.as_deref().is_some_and(|d| d.assign || d.action == Action::AssignmentOnly);
            let missing = missing_steps(t, view, panel.attachments, assignment);
            ui.label(t.with("filing-interrupted-missing", &[("missing", (&missing).into())]));
        }
        None => {}
    }
}

/// Karanteeni: which files hold which malware, and the choice to file without them (the receipt and
/// the access log name them).
fn quarantine(
    panel: &FilingPanel<'_>,
    ui: &mut egui::Ui,
    files: &[crate::contract::outbox::LeftOutFile],
    commands: &mut Vec<FilingCommand>,
) {
    let t = panel.texts;
    ui.colored_label(
        tokens::text(Tone::Danger, ui.visuals()),
        egui::RichText::new(t.get("filing-quarantined")).strong(),
    );
    for file in files {
        let args = [("file", (&file.filename).into()), ("signature", (&file.signature).into())];
        ui.label(t.with("filing-quarantined-file", &args));
    }
    let left_out: Vec<crate::export::LeftOut> = files
        .iter()
        .map(|f| crate::export::LeftOut { attachment_id: f.attachment_id.clone(), signature: f.signature.clone() })
        .collect();
    let ready = !panel.running && panel.draft.as_deref().is_some_and(|d| d.plan().is_ok()) && panel.held.is_none();
    let button = egui::Button::new(t.with("filing-file-without", &[("count", files.len().into())]));
    if ui.add_enabled(ready, button).clicked() {
        commands.push(FilingCommand::FileWithout(left_out));
    }
}

/// What an interrupted filing has still to do, in words: the steps it had not finished.
fn missing_steps(t: &Texts, view: &FilingView, attachments: usize, assignment: bool) -> String {
    let done = |step: &Step| view.done.contains(step);
    let mut missing = Vec::new();
    if !done(&Step::Form) {
        missing.push(step_text(t, &Step::Form));
    }
    let sent = view.done.iter().filter(|s| matches!(s, Step::Attachment(_))).count();
    if sent < attachments {
        missing.push(t.with("filing-interrupted-attachments", &[("count", (attachments - sent).into())]));
    }
    if assignment && !done(&Step::Assignment) {
        missing.push(step_text(t, &Step::Assignment));
    }
    missing.join(", ")
}

/// The mapping the choices came from, or why there is none to use.
fn mapping_state(panel: &FilingPanel<'_>, ui: &mut egui::Ui) {
    let t = panel.texts;
    match &panel.mapping {
        Err(Unusable::Errors(problems)) => {
            ui.colored_label(ui.visuals().error_fg_color, t.get("filing-mapping-invalid"));
            for problem in problems {
                ui.label(format!("• {}", t.say(problem)));
            }
        }
        Ok(mapping) => {
            ui.weak(t.with("filing-default-from", &[("service", (&mapping.name).into())]));
        }
        Err(Unusable::NotChecked) => {
            ui.colored_label(ui.visuals().warn_fg_color, t.get("filing-mapping-unchecked"));
        }
        Err(Unusable::NoMapping) => {
            ui.colored_label(ui.visuals().warn_fg_color, t.get("filing-no-mapping"));
        }
    }
}

/// The editable choices of the selected transaction's filing.
fn edit(panel: &mut FilingPanel<'_>, ui: &mut egui::Ui, id: &str, commands: &mut Vec<FilingCommand>) {
    let t = panel.texts;
    mapping_state(panel, ui);
    let ready = panel.draft.as_deref().is_some_and(|d| d.plan().is_ok());
    if panel.mapping.is_err() && ready && panel.can_save_default && ui.button(t.get("filing-save-default")).clicked() {
        commands.push(FilingCommand::SaveDefault);
    }
    match panel.saved {
        Some(Ok(text)) => {
            ui.label(text);
        }
        Some(Err(failure)) => failure.show(ui, t),
        None => {}
    }
    for suggestion in &panel.suggestions {
        ui.group(|ui| {
            ui.label(&suggestion.why);
            let picked = panel.draft.as_deref().and_then(|d| d.case.as_ref()).map(|c| c.id);
            let here = picked == Some(suggestion.case.id)
                && panel.draft.as_deref().is_some_and(|d| d.action == Action::ExistingCase);
            if !here && ui.button(t.with("filing-pick", &[("diary", (&suggestion.case.diary_number).into())])).clicked()
            {
                commands.push(FilingCommand::Pick(suggestion.case.clone()));
            }
        });
    }
    let Some(draft) = panel.draft.as_deref_mut() else { return };
    let mut action = draft.action;
    ui.horizontal_wrapped(|ui| {
        for (key, choice) in Action::ALL.into_iter().enumerate() {
            ui.selectable_value(&mut action, choice, format!("{} {}", key + 1, t.get(choice.text_id())));
        }
    });
    if action != draft.action {
        commands.push(FilingCommand::Action(action));
    }
    if let Some(error) = panel.catalog_error {
        crate::ui::widgets::told(ui, t, "catalog-error", error);
        if ui.button(t.get("catalog-retry")).clicked() {
            commands.push(FilingCommand::RetryCatalog);
        }
    }
    ui.separator();
    let empty = Catalog::default();
    let catalog = panel.catalog.unwrap_or(&empty);
    match draft.action {
        Action::NewCase => case_editor::new_case(t, catalog, draft, ui),
        Action::ExistingCase => {
            let search = case_editor::CaseSearchView {
                texts: t,
                transaction: id,
                cases: &mut *panel.cases,
                focus: panel.focus_case_search,
            };
            for command in case_editor::existing_case(search, draft, ui) {
                commands.push(match command {
                    case_editor::SearchCommand::Search => FilingCommand::SearchCases,
                    case_editor::SearchCommand::Focused => FilingCommand::CaseSearchFocused,
                });
            }
        }
        Action::AssignmentOnly => {}
    }
    case_editor::document_types(t, catalog, draft, ui);
    super::assign::show(t, catalog, draft, ui);
}

#[cfg(test)]
mod tests;
