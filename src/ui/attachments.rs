//! The attachments tab: the list, a preview of PDFs and images, and saving a copy.

use std::sync::Arc;

use super::app::{DeskApp, PREVIEW_WIDTH};
use super::widgets::pages::{self, PageCommand};
use crate::pdf::format_size;

/// Draws the attachments of the selected transaction.
pub fn show(app: &mut DeskApp, ui: &mut egui::Ui) {
    let Some(transaction) = app.selected_transaction().cloned() else { return };
    let t = &app.texts;
    if transaction.attachments.is_empty() {
        ui.label(t.get("attachments-none"));
        return;
    }
    let shown = app.attachment.as_ref().filter(|a| a.transaction_id == transaction.id);
    let shown_id = shown.and_then(|a| a.attachment_id.clone());
    let mut open = None;
    let mut save = None;
    for attachment in &transaction.attachments {
        let text = format!(
            "{} · {} · {}",
            attachment.filename,
            attachment.content_type,
            format_size(attachment.size, transaction.language)
        );
        let selected = shown_id.as_deref() == Some(attachment.id.as_str());
        if ui.add(egui::Button::selectable(selected, text).truncate()).clicked() {
            open = Some(attachment.id.clone());
        }
    }
    if let Some((Ok(bytes), Some(attachment))) =
        shown.map(|a| (&a.bytes, transaction.attachments.iter().find(|x| Some(&x.id) == a.attachment_id.as_ref())))
        && ui.button(t.get("attachment-save")).clicked()
    {
        save = Some((Arc::clone(bytes), attachment.filename.clone()));
    }
    match &app.notice {
        Some(Ok(path)) => {
            ui.label(t.with("attachment-saved", &[("path", path.into())]));
        }
        Some(Err(error)) => {
            ui.colored_label(ui.visuals().error_fg_color, t.with("attachment-save-error", &[("error", error.into())]));
        }
        None => {}
    }
    ui.separator();
    if let Some(id) = open {
        app.attachment = None;
        app.notice = None;
        app.attachment_wanted = Some(id.clone());
        app.backend.attachment(&transaction, &id, None, 1, PREVIEW_WIDTH);
    }
    if let Some((bytes, name)) = save {
        app.backend.save_copy(bytes, &name);
    }
    match app.attachment.as_ref().filter(|a| a.transaction_id == transaction.id) {
        Some(state) => {
            let name = transaction
                .attachments
                .iter()
                .find(|a| Some(&a.id) == state.attachment_id.as_ref())
                .map(|a| a.filename.clone())
                .unwrap_or_default();
            let alt = app.texts.with("attachment-alt", &[("name", (&name).into()), ("page", state.page.into())]);
            if let Err(error) = &state.bytes {
                ui.colored_label(ui.visuals().error_fg_color, app.texts.with("page-error", &[("error", error.into())]));
                return;
            }
            let command = pages::show(ui, &app.texts, state, &mut app.zoom, &alt);
            if let (Some(PageCommand::GoTo(page)), Some(id), Ok(bytes)) = (command, &state.attachment_id, &state.bytes)
            {
                app.backend.attachment(&transaction, id, Some(Arc::clone(bytes)), page, PREVIEW_WIDTH);
            }
        }
        None if app.attachment_wanted.is_some() => {
            ui.spinner();
        }
        None => {
            ui.label(app.texts.get("attachments-pick"));
        }
    }
}
