//! The selected transaction: header, the form PDF, the attachments and the fields as submitted.
//! A view over [`DetailView`] that returns [`DetailCommand`]s; the desk applies them.

mod attachments;

use std::sync::Arc;

use crate::domain::Transaction;
use crate::i18n::Texts;
use crate::pdf::field_value;
use crate::ui::request::RequestState;
use crate::ui::widgets::pages::{self, PageCommand, PageState, Zoom};

/// Tabs of the detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DetailTab {
    /// The form PDF.
    #[default]
    Preview,
    /// The attachments.
    Attachments,
    /// The raw fields.
    Fields,
}

/// What the detail shows, and its own small state (the zoom of the page view).
pub struct DetailView<'a> {
    /// The UI texts.
    pub texts: &'a Texts,
    /// Whether a transaction is selected.
    pub selected: bool,
    /// Why the selected transaction could not be fetched, if it could not.
    pub error: Option<&'a crate::plain::Told>,
    /// The selected transaction, once it is here.
    pub transaction: Option<&'a Transaction>,
    /// The tab shown.
    pub tab: DetailTab,
    /// The form PDF's drawn page, once drawn.
    pub preview: Option<&'a PageState>,
    /// The page of the transaction left, shown dimmed until the selection's is drawn (never a
    /// blank frame between two transactions).
    pub stale: Option<&'a PageState>,
    /// The attachment's drawn page, once drawn.
    pub attachment: Option<&'a PageState>,
    /// Whether an attachment was asked for and is on its way.
    pub attachment_wanted: bool,
    /// What became of the last "save a copy": the path, or why not.
    pub saved_copy: &'a RequestState<crate::ui::backend::SavedCopy>,
    /// How pages are scaled.
    pub zoom: &'a mut Zoom,
    /// The secrecy in words while the content of a secret transaction stays closed: it opens
    /// only after a click, so nothing secret shows while the clerk moves through the list.
    pub closed: Option<&'a str>,
    /// Possible duplicates, each with its words and whether it is in the inbox to select.
    pub duplicates: Vec<(String, String, bool)>,
    /// Whether the access log holds that this transaction's raw fields were seen (they are
    /// shown only then).
    pub fields_logged: bool,
    /// Whether the selection's page is drawn and waits only for its entry in the access log.
    pub logging_view: bool,
    /// Why a reveal or the raw fields could not be logged (and so stay closed).
    pub disclosure_error: Option<&'a crate::plain::Told>,
}

/// What the clerk asked of the detail.
#[derive(Debug, Clone, PartialEq)]
pub enum DetailCommand {
    /// Show this tab.
    Tab(DetailTab),
    /// Draw this page of the form PDF.
    PreviewPage(usize),
    /// Show this attachment from its first page.
    OpenAttachment(String),
    /// Draw this page of the attachment shown.
    AttachmentPage(usize),
    /// Save a copy of these bytes where the clerk chooses, under this name.
    SaveCopy(Arc<Vec<u8>>, String),
    /// Save a copy into the downloads folder, without a dialog.
    SaveCopyToDownloads(Arc<Vec<u8>>, String),
    /// Show the content of the secret transaction selected.
    Reveal,
    /// Select this other transaction (a possible duplicate).
    Select(crate::domain::TransactionId),
}

/// Draws the detail panel.
pub fn show(view: &mut DetailView<'_>, ui: &mut egui::Ui) -> Vec<DetailCommand> {
    let t = view.texts;
    let mut commands = Vec::new();
    if !view.selected {
        ui.label(t.get("detail-none"));
        return commands;
    }
    if let Some(error) = view.error {
        crate::ui::widgets::told(ui, t, "detail-error", error);
    }
    let Some(transaction) = view.transaction else {
        waiting(view, ui);
        return commands;
    };
    ui.add(egui::Label::new(egui::RichText::new(&transaction.service.name).heading()).truncate());
    let submitter = &transaction.submitter;
    let masked = submitter.personal_id.as_ref().map(crate::domain::PersonalId::masked).unwrap_or_default();
    ui.label(format!("{} · {} · {} {masked}", transaction.id, t.timestamp(transaction.submitted_at), submitter.name));
    let attachments = transaction.attachments.len();
    let mut tab = view.tab;
    ui.horizontal(|ui| {
        ui.selectable_value(&mut tab, DetailTab::Preview, t.get("tab-preview"));
        let text = t.with("tab-attachments", &[("count", attachments.into())]);
        ui.selectable_value(&mut tab, DetailTab::Attachments, text);
        ui.selectable_value(&mut tab, DetailTab::Fields, t.get("tab-fields"));
    });
    if tab != view.tab {
        commands.push(DetailCommand::Tab(tab));
    }
    if !view.duplicates.is_empty() {
        ui.group(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, t.get("detail-duplicate"));
            for (id, words, selectable) in &view.duplicates {
                if *selectable {
                    if ui.link(words).clicked() {
                        commands.push(DetailCommand::Select(id.as_str().into()));
                    }
                } else {
                    ui.label(words);
                }
            }
        });
    }
    ui.separator();
    if let Some(secrecy) = view.closed {
        ui.add_space(12.0);
        ui.colored_label(ui.visuals().warn_fg_color, t.with("detail-secret", &[("publicity", secrecy.into())]));
        if ui.button(t.get("detail-reveal")).clicked() {
            commands.push(DetailCommand::Reveal);
        }
        if let Some(told) = view.disclosure_error {
            crate::ui::widgets::told(ui, t, "detail-disclosure-refused", told);
        }
        return commands;
    }
    match view.tab {
        DetailTab::Preview => match (view.preview, view.disclosure_error) {
            (None, Some(told)) => crate::ui::widgets::told(ui, t, "detail-disclosure-refused", told),
            _ => preview(view, ui, &mut commands),
        },
        DetailTab::Attachments => attachments::show(view, transaction, ui, &mut commands),
        DetailTab::Fields if view.fields_logged => fields(t, transaction, ui),
        DetailTab::Fields => match view.disclosure_error {
            Some(told) => crate::ui::widgets::told(ui, t, "detail-disclosure-refused", told),
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(t.get("detail-logging"));
                });
            }
        },
    }
    commands
}

/// While the selection's page is on its way: a spinner, and the page left dimmed under it.
fn waiting(view: &mut DetailView<'_>, ui: &mut egui::Ui) {
    let t = view.texts;
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(t.get("preview-rendering"));
    });
    if let Some(stale) = view.stale {
        pages::show_stale(ui, stale, *view.zoom, &t.get("preview-stale-alt"));
    }
}

fn fields(t: &Texts, transaction: &Transaction, ui: &mut egui::Ui) {
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
                let value = field_value(field, transaction.language);
                if transaction.shows_secret_address(&value) {
                    ui.label(t.get("detail-address-secret"));
                } else {
                    ui.label(value);
                }
            });
        }
    });
}

fn preview(view: &mut DetailView<'_>, ui: &mut egui::Ui, commands: &mut Vec<DetailCommand>) {
    let t = view.texts;
    let Some(state) = view.preview else {
        if view.logging_view {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t.get("detail-logging"));
            });
        } else {
            waiting(view, ui);
        }
        return;
    };
    let alt = t.with("preview-alt", &[("page", state.page.into())]);
    if let Some(PageCommand::GoTo(page)) = pages::show(ui, t, state, view.zoom, &alt)
        && page >= 1
        && page <= state.pages
    {
        commands.push(DetailCommand::PreviewPage(page));
    }
}
