//! The selected transaction: header, the form PDF, the attachments and the fields as submitted.

use std::sync::Arc;

use super::app::{DeskApp, DetailTab, PREVIEW_WIDTH};
use super::widgets::pages::{self, PageCommand};
use crate::pdf::{field_value, timestamp};

/// Draws the detail panel.
pub fn show(app: &mut DeskApp, ui: &mut egui::Ui) {
    let t = &app.texts;
    let Some(selected) = app.selected.clone() else {
        ui.label(t.get("detail-none"));
        return;
    };
    if let Some(error) = app.detail.error() {
        ui.colored_label(ui.visuals().error_fg_color, t.with("detail-error", &[("error", error.into())]));
    }
    let Some(transaction) = app.detail.value().filter(|tx| tx.id == selected) else {
        ui.spinner();
        return;
    };
    ui.add(egui::Label::new(egui::RichText::new(&transaction.service.name).heading()).truncate());
    let submitter = &transaction.submitter;
    let masked = submitter.personal_id.as_ref().map(crate::domain::PersonalId::masked).unwrap_or_default();
    ui.label(format!(
        "{} · {} · {} {masked}",
        transaction.id,
        timestamp(transaction.submitted_at, transaction.language),
        submitter.name
    ));
    let attachments = transaction.attachments.len();
    ui.horizontal(|ui| {
        ui.selectable_value(&mut app.tab, DetailTab::Preview, t.get("tab-preview"));
        ui.selectable_value(
            &mut app.tab,
            DetailTab::Attachments,
            t.with("tab-attachments", &[("count", attachments.into())]),
        );
        ui.selectable_value(&mut app.tab, DetailTab::Fields, t.get("tab-fields"));
    });
    ui.separator();
    match app.tab {
        DetailTab::Preview => preview(app, ui),
        DetailTab::Attachments => super::attachments::show(app, ui),
        DetailTab::Fields => fields(app, ui),
    }
}

fn fields(app: &DeskApp, ui: &mut egui::Ui) {
    let Some(transaction) = app.selected_transaction() else { return };
    let t = &app.texts;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let mut section: Option<&str> = None;
        for field in &transaction.fields {
            if field.section.as_deref() != section {
                section = field.section.as_deref();
                ui.add_space(6.0);
                ui.strong(section.map_or_else(|| t.get("fields-form"), str::to_owned));
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(format!("{}:", field.label)).strong());
                ui.label(field_value(field, transaction.language));
            });
        }
    });
}

fn preview(app: &mut DeskApp, ui: &mut egui::Ui) {
    let t = &app.texts;
    let Some(state) = &app.preview else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t.get("preview-rendering"));
        });
        return;
    };
    let alt = t.with("preview-alt", &[("page", state.page.into())]);
    let command = pages::show(ui, t, state, &mut app.zoom, &alt);
    let Some(PageCommand::GoTo(page)) = command else { return };
    let (Some(transaction), Ok(pdf)) = (app.selected_transaction(), &state.bytes) else { return };
    if page >= 1 && page <= state.pages {
        app.backend.preview(transaction, Some(Arc::clone(pdf)), page, PREVIEW_WIDTH);
    }
}
