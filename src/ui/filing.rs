//! The filing panel: the service's default filing, progress and the result.

use super::app::DeskApp;
use crate::contract::outbox::FilingResult;
use crate::export::Step;
use crate::mappings::DefaultAction;

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

fn step_text(step: &Step) -> String {
    match step {
        Step::Claim => "Varattu".to_owned(),
        Step::Case => "Asia".to_owned(),
        Step::Form => "Lomake".to_owned(),
        Step::Attachment(id) => format!("Liite {id}"),
        Step::Assignment => "Toimeksianto".to_owned(),
        Step::Complete => "Merkitty kirjatuksi".to_owned(),
    }
}

/// Draws the filing panel.
pub fn show(app: &mut DeskApp, ui: &mut egui::Ui) {
    ui.heading("Kirjaus");
    let Some(transaction) = app.detail.value().filter(|t| Some(&t.id) == app.selected.as_ref()).cloned() else {
        ui.label("Ei valittua tapahtumaa.");
        return;
    };
    match app.backend.mapping(&transaction.service.id) {
        Some(mapping) => {
            let action = match mapping.action {
                DefaultAction::NewCase => {
                    format!("Uusi asia, asiaryhmä {}", mapping.case_group.as_deref().unwrap_or("–"))
                }
                DefaultAction::ExistingCase => "Olemassa olevaan asiaan".to_owned(),
                DefaultAction::AssignmentOnly => "Vain toimeksianto".to_owned(),
            };
            ui.label(action);
            ui.label(format!(
                "Lomake: {} · liitteet: {}",
                mapping.form_document_type, mapping.attachment_document_type
            ));
            if let Some(assignment) = &mapping.assignment {
                let to: Vec<&str> = assignment.users.iter().chain(&assignment.groups).map(String::as_str).collect();
                ui.label(format!("Toimeksianto: {}", to.join(", ")));
            }
        }
        None => {
            ui.colored_label(ui.visuals().warn_fg_color, "Tälle e-palvelulle ei ole oletuksia.");
        }
    }
    let view = app.filings.get(&transaction.id).cloned().unwrap_or_default();
    ui.add_space(8.0);
    let label = if view.result.as_ref().is_some_and(Result::is_err) { "Yritä uudelleen" } else { "Kirjaa (Enter)" };
    let done = view.result.as_ref().is_some_and(Result::is_ok);
    if ui.add_enabled(!view.running && !done, egui::Button::new(label)).clicked() {
        app.file_selected();
    }
    if view.running {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Kirjataan…");
        });
    }
    for step in &view.done {
        ui.label(format!("Valmis: {}", step_text(step)));
    }
    if let (true, Some((sent, total))) = (view.running, view.bytes) {
        ui.add(egui::ProgressBar::new(sent as f32 / total.max(1) as f32).show_percentage());
    }
    if let (true, Some(retry)) = (view.running, &view.retry) {
        ui.label(format!("Yritetään uudelleen: {retry}"));
    }
    match &view.result {
        Some(Ok(result)) => {
            let diary = result.diary_number.clone().unwrap_or_else(|| "ilman asiaa".to_owned());
            ui.strong(format!("Kirjattu: {diary}"));
            if ui.button("Kopioi diaarinumero").clicked() {
                ui.ctx().copy_text(diary);
            }
        }
        Some(Err(error)) => {
            ui.colored_label(ui.visuals().error_fg_color, format!("Kirjaus epäonnistui: {error}"));
        }
        None => {}
    }
}
