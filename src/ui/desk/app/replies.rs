//! The desk takes its answers at the start of each frame: each requested value polls its own
//! answer (and what follows from it), then the filings' news come from the backend's channel.

use super::command::{Arrived, Command};
use super::{DeskApp, DetailTab};
use crate::domain::TransactionId;
use crate::plain::{Plain, Told};
use crate::ui::backend::{AttachmentView, PreviewPage, Reply, Saved};
use crate::ui::desk::draft::Draft;
use crate::ui::request::RequestState;
use crate::ui::widgets::{Failure, PageState};

/// Who saved a mapping: its outcome is shown there only.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Saver {
    /// The admin view.
    Admin,
    /// The filing panel's "save as the default".
    Filing,
}

fn texture(ctx: &egui::Context, name: &str, image: egui::ColorImage) -> egui::TextureHandle {
    ctx.load_texture(name, image, egui::TextureOptions::LINEAR)
}

/// A drawn page of the form as the detail shows it (the texture made on the UI thread).
pub fn preview_page(ctx: &egui::Context, page: PreviewPage) -> PageState {
    let PreviewPage { transaction_id, pdf, page, pages, width, image } = page;
    let texture = image.map(|i| texture(ctx, "form-preview", i));
    PageState { transaction_id, attachment_id: None, bytes: Ok(pdf), page, pages, width, texture }
}

/// A drawn page of an attachment as the detail shows it.
pub fn attachment_page(ctx: &egui::Context, view: AttachmentView) -> PageState {
    let AttachmentView { transaction_id, attachment_id, bytes, page, pages, width, image, .. } = view;
    let texture = image.map(|i| texture(ctx, "attachment-preview", i));
    PageState { transaction_id, attachment_id: Some(attachment_id), bytes, page, pages, width, texture }
}

impl DeskApp {
    /// Takes every answer that arrived: each requested value polls its own, and the backend's
    /// channel brings the filings' news. Nothing here starts a request or changes what another
    /// value holds: what follows from an answer is queued ([`Arrived`]) and applied with the
    /// frame's other commands.
    pub(super) fn take_replies(&mut self, ctx: &egui::Context) {
        let mut arrived = Vec::new();
        let (model, checked) = (&mut self.model, &mut self.checked);
        if self.inbox.poll_with(|rows| model.replace(rows)) {
            checked.retain(|id| model.row(id).is_some());
            // The rows may have moved under the selection.
            self.scroll_to_selected = true;
        }
        if self.detail.poll_with(|t| *t) {
            arrived.push(Arrived::Transaction);
        }
        let backend = &mut self.backend;
        if self.catalog.poll_with(|answer| {
            let (catalog, checked) = *answer;
            backend.set_checked(checked);
            catalog
        }) {
            arrived.push(Arrived::Catalog);
        }
        if self.recent.poll() {
            arrived.push(Arrived::Recent);
        }
        for named in self.cases.named.values_mut() {
            named.poll();
        }
        self.cases.results.poll();
        for cases in self.cases.submitter.values_mut() {
            cases.poll();
        }
        if self.preview.poll_with(|page| preview_page(ctx, page))
            && let Some(page) = self.preview.value()
        {
            self.prefetch.pages.insert(page);
        }
        let mut infected = None;
        if self.attachment.poll_with(|view| {
            infected = view.infected.clone().map(|file| (TransactionId::new(view.transaction_id.clone()), file));
            attachment_page(ctx, view)
        }) && let Some(page) = self.attachment.value()
            && infected.is_none()
        {
            self.prefetch.pages.insert(page);
        }
        if let Some((id, file)) = infected {
            arrived.push(Arrived::Infected(id, file));
        }
        self.prefetch.poll(|page| preview_page(ctx, page));
        self.saved_copy.poll();
        if let Some(id) = self.revealed.poll()
            && self.selected.as_ref() == Some(&id)
            && self.tab == DetailTab::Attachments
        {
            self.open_first_attachment();
        }
        let _ = (self.views.poll(), self.fields.poll());
        self.day.saved.poll();
        for sample in self.admin.samples.values_mut() {
            sample.poll();
        }
        let admin = [
            (self.admin.saving.poll(), Arrived::AdminSaved),
            (self.default_saving.poll(), Arrived::DefaultSaved),
            (self.admin.importing.poll(), Arrived::Imported),
            (self.admin.exporting.poll(), Arrived::Exported),
        ];
        arrived.extend(admin.into_iter().filter_map(|(came, what)| came.then_some(what)));
        if self.unfinished.poll() {
            arrived.push(Arrived::Unfinished);
        }
        self.history.poll();
        let replies = self.backend.poll();
        self.queue(arrived.into_iter().map(Command::Arrived).chain(replies.into_iter().map(Command::Reply)));
    }

    /// What follows from an answer that arrived.
    pub(super) fn arrived(&mut self, what: Arrived) {
        match what {
            Arrived::Transaction => self.transaction_arrived(),
            Arrived::Catalog => {
                // A draft from a mapping that turned out wrong needs the clerk's confirmation; one
                // whose mapping has now passed the check may be filed by Enter.
                for draft in self.drafts.values_mut() {
                    let usable = self.backend.usable(&draft.service).is_ok();
                    draft.complete_default = usable && draft.plan().is_ok();
                }
                self.facts_changed = true;
            }
            Arrived::Recent => self.facts_changed = true,
            Arrived::Unfinished => {
                // As the journal keeps it: a filing the clerk cancelled is interrupted, not failed.
                let records: Vec<_> = self
                    .unfinished
                    .value()
                    .into_iter()
                    .flatten()
                    .map(|r| (TransactionId::new(r.transaction_id.clone()), r.state, r.told.clone()))
                    .collect();
                self.filings.journal(&records, self.unfinished_as_of);
            }
            Arrived::AdminSaved => self.admin.status = Some(self.mapping_saved(Saver::Admin)),
            Arrived::DefaultSaved => self.default_saved = Some(self.mapping_saved(Saver::Filing)),
            Arrived::Imported => match self.admin.importing.state() {
                RequestState::Ready(Some(mapping)) => {
                    self.admin.service = Some(mapping.service.clone());
                    self.admin.editing = Some((**mapping).clone());
                    self.admin.status = Some(Ok(self.texts.get("admin-imported")));
                }
                RequestState::Failed(error, _) => {
                    self.admin.status = Some(Err(Failure::new("admin-import-error", error.clone())));
                }
                _ => {}
            },
            Arrived::Exported => match self.admin.exporting.state() {
                RequestState::Ready(Some(path)) => {
                    let path = path.display().to_string();
                    self.admin.status = Some(Ok(self.texts.with("admin-exported", &[("path", (&path).into())])));
                }
                RequestState::Failed(error, _) => {
                    self.admin.status = Some(Err(Failure::new("admin-export-error", error.clone())));
                }
                _ => {}
            },
            Arrived::Infected(id, file) => self.filings.quarantine(&id, file, chrono::Utc::now()),
        }
    }

    /// The selected transaction's details came: its preview, its draft, its submitter's cases.
    pub(super) fn transaction_arrived(&mut self) {
        let Some(transaction) = self.detail.value() else { return };
        let id = transaction.id.clone();
        self.prefetch.remember(transaction);
        self.show_selected_form();
        if self.tab == super::DetailTab::Attachments && !self.is_closed(&id) {
            self.open_first_attachment();
        }
        let Some(transaction) = self.detail.value() else { return };
        self.backend.scan_ahead(transaction);
        if !self.drafts.contains_key(id.as_str()) {
            // Prefilled from a mapping that passed the check against TWeb's catalog, or from one
            // not checked yet (then filed only after confirmation); never from one with errors.
            let service = &transaction.service.id;
            let mapping = match self.backend.usable(service) {
                Ok(mapping) => Some(mapping),
                Err(crate::service::Unusable::NotChecked) => self.backend.mapping(service),
                Err(_) => None,
            };
            let mut draft = Draft::new(transaction, mapping, crate::domain::helsinki::today());
            draft.complete_default &= self.backend.usable(service).is_ok();
            self.drafts.insert(TransactionId::new(id.clone()), draft);
        }
        if !self.cases.submitter.contains_key(id.as_str()) {
            let work = self.backend.party_cases(&transaction.submitter.name);
            self.cases
                .submitter
                .entry(TransactionId::new(id.clone()))
                .or_default()
                .request(&self.backend.spawner(), work);
        }
        let references = transaction.references();
        if !references.is_empty() && !self.cases.named.contains_key(id.as_str()) {
            let work = self.backend.named_cases(references);
            self.cases.named.entry(TransactionId::new(id)).or_default().request(&self.backend.spawner(), work);
        }
    }

    /// A mapping saved, by the admin or from the filing panel: drafts not yet filed take the new
    /// default (the open one at once), and it is checked against TWeb's catalog again. The
    /// outcome in words, for the view that saved it.
    fn mapping_saved(&mut self, saver: Saver) -> Result<String, Failure> {
        let state = match saver {
            Saver::Admin => self.admin.saving.state(),
            Saver::Filing => self.default_saving.state(),
        };
        let (path, mapping) = match state {
            RequestState::Ready(Saved::Written(path, mapping)) => (path.display().to_string(), (**mapping).clone()),
            RequestState::Ready(Saved::Changed { fields, on_disk, told }) => {
                let told = told.clone();
                if saver == Saver::Admin {
                    self.admin.conflict = Some((fields.clone(), on_disk.clone()));
                }
                return Err(Failure::new("admin-save-error", told));
            }
            _ => {
                let told = state.error().cloned().unwrap_or_else(|| Told::new(Plain::new("error-unexpected"), ""));
                return Err(Failure::new("admin-save-error", told));
            }
        };
        if saver == Saver::Admin {
            self.admin.base = Some(mapping.clone());
            self.admin.conflict = None;
        }
        self.drafts.retain(|id, d| d.service != mapping.service || self.filings.knows(id));
        if let Some(t) = self.detail.value().filter(|t| t.service.id == mapping.service) {
            let today = crate::domain::helsinki::today();
            self.drafts.entry(TransactionId::new(t.id.clone())).or_insert_with(|| Draft::new(t, Some(&mapping), today));
        }
        self.backend.replace_mapping(mapping);
        self.facts_changed = true;
        self.catalog.request(&self.backend.spawner(), self.backend.catalog());
        Ok(self.texts.with("admin-saved", &[("path", (&path).into())]))
    }

    /// A filing's or an undo's news.
    pub(super) fn take(&mut self, reply: Reply) {
        match reply {
            Reply::Event(event) => self.filings.progress(event),
            Reply::Infected(id, file) => self.filings.quarantine(&id, file, chrono::Utc::now()),
            Reply::Filed(id, result) => {
                if let Ok(diary) = result.as_ref().map(|r| r.diary_number.as_deref()) {
                    self.model.set_diary(id.as_str(), diary.unwrap_or_default());
                }
                let filed = result.is_ok();
                if self.selected.as_deref() == Some(id.as_str()) {
                    // Its own receipt shows now, not the one before it.
                    self.previous = None;
                }
                self.filings.ended(&id, result, chrono::Utc::now());
                self.sync_states();
                if filed {
                    self.move_on(id.as_str());
                }
                if !self.filings.any_running() {
                    self.refresh();
                }
            }
            Reply::Lost(id) => {
                tracing::error!(transaction = %id, "a filing's work ended without an answer");
                self.filings.lost(&id, chrono::Utc::now());
                self.refresh();
            }
            Reply::Undone(id, result) => {
                let undone = result.is_ok();
                self.filings.undo_ended(&id, result);
                if undone {
                    self.refresh();
                }
            }
        }
    }
}
