//! The selected transaction: header and form fields as submitted.

use super::app::DeskApp;
use crate::pdf::{field_value, timestamp};

/// Draws the detail panel.
pub fn show(app: &mut DeskApp, ui: &mut egui::Ui) {
    let Some(selected) = app.selected.clone() else {
        ui.label("Valitse asiointitapahtuma vasemmalta: nuolinäppäimet tai j ja k, Enter kirjaa.");
        return;
    };
    if let Some(error) = app.detail.error() {
        ui.colored_label(ui.visuals().error_fg_color, format!("Tapahtumaa ei saatu: {error}"));
    }
    let Some(transaction) = app.detail.value().filter(|t| t.id == selected) else {
        ui.spinner();
        return;
    };
    ui.heading(&transaction.service.name);
    let submitter = &transaction.submitter;
    let masked = submitter.personal_id.as_ref().map(|p| p.masked()).unwrap_or_default();
    ui.label(format!(
        "{} · {} · {} {masked}",
        transaction.id,
        timestamp(transaction.submitted_at, transaction.language),
        submitter.name
    ));
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let mut section: Option<&str> = None;
        for field in &transaction.fields {
            if field.section.as_deref() != section {
                section = field.section.as_deref();
                ui.add_space(6.0);
                ui.strong(section.unwrap_or("Lomake"));
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(format!("{}:", field.label)).strong());
                ui.label(field_value(field, transaction.language));
            });
        }
        ui.add_space(6.0);
        ui.strong(format!("Liitteet ({})", transaction.attachments.len()));
        for attachment in &transaction.attachments {
            ui.label(format!(
                "{} · {} · {}",
                attachment.filename,
                attachment.content_type,
                crate::pdf::format_size(attachment.size, transaction.language)
            ));
        }
    });
}
