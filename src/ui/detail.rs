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
    ui.horizontal(|ui| {
        ui.selectable_value(&mut app.show_fields, false, "Esikatselu");
        ui.selectable_value(&mut app.show_fields, true, "Kentät");
    });
    ui.separator();
    if !app.show_fields {
        preview(app, ui);
        return;
    }
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

fn preview(app: &mut DeskApp, ui: &mut egui::Ui) {
    let Some(state) = &app.preview else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Muodostetaan PDF:ää…");
        });
        return;
    };
    let (page, pages) = (state.page, state.pages);
    let mut go_to = None;
    ui.horizontal(|ui| {
        if ui.add_enabled(page > 1, egui::Button::new("Edellinen sivu")).clicked() {
            go_to = Some(page - 1);
        }
        ui.label(format!("Sivu {page} / {pages}"));
        if ui.add_enabled(page < pages, egui::Button::new("Seuraava sivu")).clicked() {
            go_to = Some(page + 1);
        }
    });
    match &state.texture {
        Ok(texture) => {
            let texture = texture.clone();
            egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
                let width = ui.available_width().max(200.0);
                let size = texture.size_vec2();
                let scaled = egui::vec2(width, size.y * width / size.x.max(1.0));
                ui.add(egui::Image::new((texture.id(), scaled)).alt_text(format!("Lomakkeen PDF, sivu {page}")));
            });
        }
        Err(error) => {
            ui.colored_label(ui.visuals().error_fg_color, format!("Esikatselua ei voitu näyttää: {error}"));
        }
    }
    if let Some(page) = go_to {
        app.preview_page(page);
    }
}
