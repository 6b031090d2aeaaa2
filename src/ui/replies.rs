//! The desk takes the backend's answers at the start of each frame.

use super::app::DeskApp;
use super::backend::{PreviewPage, Reply};
use super::draft::Draft;
use super::inbox_model::RowState;
use super::widgets::PageState;
use crate::export::EventKind;

fn texture(ctx: &egui::Context, name: &str, raster: crate::preview::Raster) -> egui::TextureHandle {
    let size = [raster.width as usize, raster.height as usize];
    let image = egui::ColorImage::from_rgba_premultiplied(size, &raster.rgba);
    ctx.load_texture(name, image, egui::TextureOptions::LINEAR)
}

impl DeskApp {
    pub(super) fn take_replies(&mut self, ctx: &egui::Context) {
        for reply in self.backend.poll() {
            self.take(ctx, reply);
        }
        // Values that own their answers.
        if self.unfinished.poll() {
            for record in self.unfinished.value().into_iter().flatten() {
                if !self.filings.get(&record.transaction_id).is_some_and(|f| f.running) {
                    self.model.set_local(&record.transaction_id, Some(RowState::Failed));
                }
            }
        }
        self.history.poll();
    }

    fn take(&mut self, ctx: &egui::Context, reply: Reply) {
        match reply {
            Reply::Inbox(result) => {
                let result = result.map(|rows| {
                    self.model.replace(rows);
                    self.checked.retain(|id| self.model.row(id).is_some());
                });
                self.inbox.finish(result);
            }
            Reply::Transaction(id, result) => {
                if self.selected.as_deref() != Some(id.as_str()) {
                    return;
                }
                if let Ok(transaction) = &result {
                    self.backend.preview(transaction, None, 1, super::app::PREVIEW_WIDTH);
                    if !self.drafts.contains_key(&id) {
                        // Prefilled from a mapping that passed the check against TWeb's catalog, or
                        // from one not checked yet (then filed only after confirmation); never from
                        // one with errors.
                        let service = &transaction.service.id;
                        let mapping = match self.backend.usable(service) {
                            Ok(mapping) => Some(mapping),
                            Err(crate::service::Unusable::NotChecked) => self.backend.mapping(service),
                            Err(_) => None,
                        };
                        let mut draft = Draft::new(transaction, mapping, crate::domain::helsinki::today());
                        draft.complete_default &= self.usable_mapping(&transaction.service.id).is_some();
                        self.drafts.insert(id.clone(), draft);
                    }
                    if !self.cases.submitter.contains_key(&id) {
                        self.cases.submitter.entry(id.clone()).or_default().start();
                        self.backend.submitter_cases(&id, &transaction.submitter.name);
                    }
                }
                self.detail.finish(result.map(|t| *t));
            }
            Reply::Catalog(result) => {
                let result = result.map(|boxed| {
                    let (catalog, checked) = *boxed;
                    self.backend.set_checked(checked);
                    // A draft from a mapping that turned out wrong needs the clerk's confirmation;
                    // one whose mapping has now passed the check may be filed by Enter.
                    for draft in self.drafts.values_mut() {
                        let usable = self.backend.usable(&draft.service).is_ok();
                        draft.complete_default = usable && draft.plan().is_ok();
                    }
                    catalog
                });
                self.catalog.finish(result);
            }
            Reply::Cases(seq, result) => {
                if seq == self.cases.seq {
                    self.cases.results.finish(result);
                }
            }
            Reply::SubmitterCases(id, result) => self.cases.submitter.entry(id).or_default().finish(result),
            Reply::Preview(page) => {
                if self.selected.as_deref() == Some(page.transaction_id.as_str()) {
                    let PreviewPage { transaction_id, pdf, page, pages, raster } = *page;
                    let texture = raster.map(|r| texture(ctx, "form-preview", r));
                    let bytes = Ok(pdf);
                    self.preview = Some(PageState { transaction_id, attachment_id: None, bytes, page, pages, texture });
                }
            }
            Reply::Attachment(view) => {
                if self.selected.as_deref() == Some(view.transaction_id.as_str()) {
                    let view = *view;
                    let texture = view.raster.map(|r| texture(ctx, "attachment-preview", r));
                    self.attachment = Some(PageState {
                        transaction_id: view.transaction_id,
                        attachment_id: Some(view.attachment_id),
                        bytes: view.bytes,
                        page: view.page,
                        pages: view.pages,
                        texture,
                    });
                }
            }
            Reply::Saved(saved) => self.notice = saved,
            Reply::Event(event) => {
                let view = self.filings.entry(event.transaction_id.clone()).or_default();
                match event.kind {
                    EventKind::Finished { step, .. } => view.done.push(step),
                    EventKind::Progress { sent, total, .. } => view.bytes = Some((sent, total)),
                    EventKind::Retrying { message, .. } => view.retry = Some(message),
                    _ => {}
                }
            }
            Reply::Filed(id, result) => {
                self.backend.ended(&id);
                let state = if result.is_ok() { RowState::Filed } else { RowState::Failed };
                self.model.set_local(&id, Some(state));
                let view = self.filings.entry(id).or_default();
                view.running = false;
                view.result = Some(result);
                if !self.filings.values().any(|f| f.running) {
                    self.refresh();
                }
            }
            Reply::Sample(service, result) => self.admin.samples.entry(service).or_default().finish(result),
            Reply::MappingSaved(result) => {
                self.admin.status = Some(match result {
                    Ok(saved) => {
                        let (path, mapping) = *saved;
                        // Drafts not yet filed take the new default; the open one at once.
                        self.drafts.retain(|id, d| d.service != mapping.service || self.filings.contains_key(id));
                        if let Some(t) = self.detail.value().filter(|t| t.service.id == mapping.service) {
                            let today = crate::domain::helsinki::today();
                            self.drafts.entry(t.id.clone()).or_insert_with(|| Draft::new(t, Some(&mapping), today));
                        }
                        self.backend.replace_mapping(mapping);
                        Ok(self.texts.with("admin-saved", &[("path", (&path.display().to_string()).into())]))
                    }
                    Err(error) => Err(self.texts.with("admin-save-error", &[("error", (&error).into())])),
                });
            }
            Reply::MappingImported(Some(Ok(mapping))) => {
                self.admin.service = Some(mapping.service.clone());
                self.admin.editing = Some(*mapping);
                self.admin.status = Some(Ok(self.texts.get("admin-imported")));
            }
            Reply::MappingImported(Some(Err(error))) => {
                self.admin.status = Some(Err(self.texts.with("admin-import-error", &[("error", (&error).into())])));
            }
            Reply::MappingImported(None) => {}
        }
    }
}
