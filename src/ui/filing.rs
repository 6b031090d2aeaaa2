//! The filing panel: the action, its choices prefilled from the mapping, File, progress and the
//! result.

use super::app::DeskApp;
use super::draft::Action;
use crate::contract::outbox::FilingResult;
use crate::export::Step;
use crate::i18n::Texts;

/// Progress and outcome of one filing as the desk shows it.
#[derive(Debug, Default, Clone)]
pub struct FilingView {
    /// Whether it is running.
    pub running: bool,
    /// Finished steps.
    pub done: Vec<Step>,
    /// Upload progress of the current attachment.
    pub bytes: Option<(u64, u64)>,
    /// The last retry's reason.
    pub retry: Option<String>,
    /// The outcome.
    pub result: Option<Result<FilingResult, String>>,
}

fn step_text(t: &Texts, step: &Step) -> String {
    match step {
        Step::Claim => t.get("step-claim"),
        Step::Case => t.get("step-case"),
        Step::Form => t.get("step-form"),
        Step::Attachment(id) => t.with("step-attachment", &[("id", id.into())]),
        Step::Assignment => t.get("step-assignment"),
        Step::Complete => t.get("step-complete"),
    }
}

/// Draws the filing panel.
pub fn show(app: &mut DeskApp, ui: &mut egui::Ui) {
    ui.heading(app.texts.get("filing-heading"));
    let Some(id) = app.selected_transaction().map(|t| t.id.clone()) else {
        ui.label(app.texts.get("filing-none"));
        return;
    };
    let view = app.filings.get(&id).cloned().unwrap_or_default();
    let done = view.result.as_ref().is_some_and(Result::is_ok);
    if !view.running && !done {
        egui::ScrollArea::vertical().max_height(ui.available_height() - 160.0).show(ui, |ui| edit(app, ui, &id));
        ui.separator();
    }
    let t = &app.texts;
    let Some(draft) = app.drafts.get(&id) else { return };
    let plan = draft.plan();
    if let Err(missing) = &plan {
        for m in missing {
            ui.colored_label(ui.visuals().warn_fg_color, t.get(m.text_id()));
        }
    }
    if app.confirm.as_deref() == Some(id.as_str()) {
        ui.colored_label(ui.visuals().warn_fg_color, t.get("filing-confirm"));
    }
    let (mut file, mut cancel) = (false, false);
    if !done {
        ui.horizontal(|ui| {
            let label = if view.result.as_ref().is_some_and(Result::is_err) { "filing-retry" } else { "filing-file" };
            let enabled = !view.running && !done && plan.is_ok();
            file = ui.add_enabled(enabled, egui::Button::new(t.get(label))).clicked();
            cancel = view.running && ui.button(t.get("filing-cancel")).clicked();
        });
    }
    if file {
        // A click is the confirmation itself.
        app.confirm = Some(id.clone());
        app.file_selected();
    }
    if cancel {
        app.cancel_selected();
    }
    progress(app, ui, &view);
}

fn progress(app: &DeskApp, ui: &mut egui::Ui, view: &FilingView) {
    let t = &app.texts;
    if view.running {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t.get("filing-running"));
        });
    }
    for step in &view.done {
        ui.label(t.with("filing-step-done", &[("step", (&step_text(t, step)).into())]));
    }
    if let (true, Some((sent, total))) = (view.running, view.bytes) {
        let text = format!(
            "{} / {}",
            crate::pdf::format_size(sent, crate::domain::Language::Fi),
            crate::pdf::format_size(total, crate::domain::Language::Fi)
        );
        ui.add(egui::ProgressBar::new(sent as f32 / total.max(1) as f32).text(text));
    }
    if let (true, Some(retry)) = (view.running, &view.retry) {
        ui.label(t.with("filing-retrying", &[("error", retry.into())]));
    }
    match &view.result {
        Some(Ok(result)) => {
            let diary = result.diary_number.clone().unwrap_or_else(|| t.get("filing-no-case"));
            let text = egui::RichText::new(t.with("filing-done", &[("diary", (&diary).into())])).heading();
            ui.label(text.color(egui::Color32::from_rgb(0x2e, 0x8b, 0x57)));
            ui.horizontal(|ui| {
                if result.diary_number.is_some() && ui.button(t.get("filing-copy")).clicked() {
                    ui.ctx().copy_text(diary.clone());
                }
                if let Some(url) = result.diary_number.as_ref().and_then(|d| app.backend.case_url(result.case_id, d)) {
                    ui.hyperlink_to(t.get("filing-open-tweb"), url);
                }
            });
        }
        Some(Err(error)) => {
            ui.colored_label(ui.visuals().error_fg_color, t.with("filing-failed", &[("error", error.into())]));
        }
        None => {}
    }
}

/// The editable choices of the selected transaction's filing.
fn edit(app: &mut DeskApp, ui: &mut egui::Ui, id: &str) {
    let t = &app.texts;
    let service = app.drafts.get(id).map(|d| d.service.clone()).unwrap_or_default();
    match app.backend.usable(&service) {
        Err(crate::service::Unusable::Errors(problems)) => {
            ui.colored_label(ui.visuals().error_fg_color, t.get("filing-mapping-invalid"));
            for problem in problems {
                ui.label(format!("• {problem}"));
            }
        }
        Ok(mapping) => {
            ui.weak(t.with("filing-default-from", &[("service", (&mapping.name).into())]));
        }
        Err(crate::service::Unusable::NotChecked) => {
            ui.colored_label(ui.visuals().warn_fg_color, t.get("filing-mapping-unchecked"));
        }
        Err(crate::service::Unusable::NoMapping) => {
            ui.colored_label(ui.visuals().warn_fg_color, t.get("filing-no-mapping"));
        }
    }
    let unusable = app.usable_mapping(&service).is_none();
    let ready = app.drafts.get(id).is_some_and(|d| d.plan().is_ok());
    if unusable
        && ready
        && app.backend.mappings_dir().is_some()
        && ui.button(app.texts.get("filing-save-default")).clicked()
    {
        app.save_draft_as_default();
    }
    if let Some(status) = app.admin.status.as_ref().filter(|_| app.admin.service.as_deref() == Some(service.as_str())) {
        match status {
            Ok(text) => ui.label(text),
            Err(error) => ui.colored_label(ui.visuals().error_fg_color, error),
        };
    }
    let t = &app.texts;
    let Some(draft) = app.drafts.get(id) else { return };
    let mut action = draft.action;
    ui.horizontal_wrapped(|ui| {
        for (key, choice) in Action::ALL.into_iter().enumerate() {
            ui.selectable_value(&mut action, choice, format!("{} {}", key + 1, t.get(choice.text_id())));
        }
    });
    if action != draft.action {
        app.choose_action(action);
    }
    if let Some(error) = app.catalog.error() {
        ui.colored_label(ui.visuals().error_fg_color, app.texts.with("catalog-error", &[("error", error.into())]));
        if ui.button(app.texts.get("catalog-retry")).clicked() {
            app.catalog.start();
            app.backend.catalog();
        }
    }
    ui.separator();
    match action {
        Action::NewCase => super::case_editor::new_case(app, ui, id),
        Action::ExistingCase => super::case_editor::existing_case(app, ui, id),
        Action::AssignmentOnly => {}
    }
    super::case_editor::document_types(app, ui, id);
    super::assign::show(app, ui, id);
}
