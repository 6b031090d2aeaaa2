//! The attachments tab: the list, a preview of PDFs and images, and saving a copy. Part of the
//! detail's view: it adds to the detail's commands.

use std::sync::Arc;

use super::{DetailCommand, DetailView};
use crate::domain::Transaction;
use crate::ui::backend::SavedCopy;
use crate::ui::request::RequestState;
use crate::ui::widgets::pages::{self, PageCommand};

/// Draws the attachments of `transaction`.
pub fn show(
    view: &mut DetailView<'_>,
    transaction: &Transaction,
    ui: &mut egui::Ui,
    commands: &mut Vec<DetailCommand>,
) {
    let t = view.texts;
    if transaction.attachments.is_empty() {
        ui.label(t.get("attachments-none"));
        return;
    }
    let shown = view.attachment.filter(|a| a.transaction_id == transaction.id);
    let shown_id = shown.and_then(|a| a.attachment_id.as_deref());
    for attachment in &transaction.attachments {
        let text =
            format!("{} · {} · {}", attachment.filename, attachment.content_type, view.texts.size(attachment.size));
        let selected = shown_id == Some(attachment.id.as_str());
        if ui.add(egui::Button::selectable(selected, text).truncate()).clicked() {
            commands.push(DetailCommand::OpenAttachment(attachment.id.clone()));
        }
    }
    let name = shown
        .and_then(|a| transaction.attachments.iter().find(|x| Some(x.id.as_str()) == a.attachment_id.as_deref()))
        .map(|a| a.filename.clone());
    if let (Some(Ok(bytes)), Some(name)) = (shown.map(|a| &a.bytes), &name)
        && ui.button(t.get("attachment-save")).clicked()
    {
        commands.push(DetailCommand::SaveCopy(Arc::clone(bytes), name.clone()));
    }
    match view.saved_copy {
        RequestState::Ready(SavedCopy::Chosen(path) | SavedCopy::Downloads(path)) => {
            ui.label(t.with("attachment-saved", &[("path", (&path.display().to_string()).into())]));
        }
        RequestState::Ready(SavedCopy::NoDialog(path)) => {
            ui.label(t.with("attachment-saved-no-dialog", &[("path", (&path.display().to_string()).into())]));
        }
        RequestState::Ready(SavedCopy::Cancelled) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(t.get("attachment-save-cancelled"));
                if let (Some(Ok(bytes)), Some(name)) = (shown.map(|a| &a.bytes), &name)
                    && ui.button(t.get("attachment-save-downloads")).clicked()
                {
                    commands.push(DetailCommand::SaveCopyToDownloads(Arc::clone(bytes), name.clone()));
                }
            });
        }
        RequestState::Pending(_) => {
            ui.spinner();
        }
        RequestState::Failed(error, _) => {
            crate::ui::widgets::told(ui, t, "attachment-save-error", error);
        }
        _ => {}
    }
    ui.separator();
    match shown {
        Some(state) => {
            let name = name.unwrap_or_default();
            let alt = t.with("attachment-alt", &[("name", (&name).into()), ("page", state.page.into())]);
            if let Err(error) = &state.bytes {
                crate::ui::widgets::told(ui, t, "page-error", error);
                return;
            }
            if let Some(PageCommand::GoTo(page)) = pages::show(ui, t, state, view.zoom, &alt) {
                commands.push(DetailCommand::AttachmentPage(page));
            }
        }
        None if view.attachment_wanted => {
            ui.spinner();
        }
        None => {
            ui.label(t.get("attachments-pick"));
        }
    }
}
