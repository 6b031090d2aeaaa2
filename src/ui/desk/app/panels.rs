//! The panels' views as the desk builds them each frame, and their commands applied in one
//! place (as egui's `wrap_app.rs` and rerun's `command_sender.rs` do).

use super::{DeskApp, DetailTab, Focus, View};
use crate::audit::{Action, Event};
use crate::domain::TransactionId;
use crate::ui::admin;
use crate::ui::backend::{Backend, Ended};
use crate::ui::desk::{detail, failed, filing, inbox, top};

impl DeskApp {
    pub(super) fn top_bar(&self) -> top::TopBar<'_> {
        top::TopBar {
            texts: &self.texts,
            // The demo is named in the language shown now, not the one it was opened in.
            connection: if self.backend.is_demo() {
                self.texts.get("demo-label")
            } else {
                self.backend.label().to_owned()
            },
            pending: self.model.pending(),
            failed: self.unfinished.value().map_or(0, |records| {
                records.iter().filter(|r| r.state != crate::export::FilingState::Interrupted).count()
            }),
            view: self.view,
            language: self.language(),
            refreshing: self.inbox.is_pending(),
            overdue: self.model.overdue(),
            scanner: self.backend.scanner_status(),
        }
    }

    /// Applies what the top bar asked for, in one place at the end of its part of the frame.
    pub(super) fn on_top(&mut self, command: top::TopCommand) {
        match command {
            top::TopCommand::Language(language) => self.set_language(language),
            top::TopCommand::Connections => self.wants_connections = true,
            top::TopCommand::Urgent => {
                self.model.options.state = crate::ui::desk::inbox_model::StateFilter::Urgent;
                self.model.options.sort = crate::ui::desk::inbox_model::Sort::Deadline;
                self.view = View::Desk;
            }
            top::TopCommand::Refresh => {
                // Päivitä also reads TWeb's catalog and the mapping files again: another
                // admin may have changed a shared mappings folder.
                if !self.catalog.is_pending() {
                    self.catalog.request(&self.backend.spawner(), self.backend.catalog());
                }
                self.refresh();
            }
            top::TopCommand::View(view) => {
                self.view = view;
                if view == View::Failed {
                    self.history.request(&self.backend.spawner(), self.backend.history());
                }
            }
        }
    }

    /// The ticked rows' bulk filing as the inbox shows it.
    pub(super) fn bulk(&self) -> inbox::Bulk {
        if self.checked.is_empty() {
            let ids = Err(inbox::BulkRefusal::NoneTicked);
            return inbox::Bulk { ids, running: 0, done: 0, failed: 0, interrupted: 0 };
        }
        let filings = &self.filings;
        let ended = |id: &&TransactionId| !filings.running(id) && filings.view(id).is_some_and(|f| f.result.is_some());
        let result = |id: &TransactionId| filings.view(id).and_then(|f| f.result.as_ref());
        let interrupted = |id: &&TransactionId| matches!(result(id), Some(Err(Ended::Interrupted { .. })));
        let failed =
            |id: &&TransactionId| matches!(result(id), Some(Err(e)) if !matches!(e, Ended::Interrupted { .. }));
        inbox::Bulk {
            ids: self.bulk_ids(),
            running: self.checked.iter().filter(|id| filings.running(id)).count(),
            done: self.checked.iter().filter(ended).count(),
            failed: self.checked.iter().filter(failed).count(),
            interrupted: self.checked.iter().filter(interrupted).count(),
        }
    }

    /// Applies what the inbox asked for.
    pub(super) fn on_inbox(&mut self, command: inbox::InboxCommand) {
        match command {
            inbox::InboxCommand::Select(id) => self.select(&id),
            inbox::InboxCommand::Toggle(id) => self.toggle_checked(id),
            inbox::InboxCommand::FileChecked => self.ask_bulk(),
            inbox::InboxCommand::ClearChecked => self.checked.clear(),
            inbox::InboxCommand::CancelChecked => {
                for id in &self.checked {
                    self.filings.cancel(id);
                }
            }
            inbox::InboxCommand::FilterFocused => self.focus = None,
            inbox::InboxCommand::MoveOn(on) => self.move_on = on,
        }
    }

    /// Applies what the detail asked for.
    pub(super) fn on_detail(&mut self, command: detail::DetailCommand) {
        let Some((id, service)) = self.selected_transaction().map(|t| (t.id.clone(), Some(t.service.id.clone())))
        else {
            return;
        };
        match command {
            detail::DetailCommand::Tab(tab) => {
                self.tab = tab;
                if tab == DetailTab::Attachments && !self.is_closed(&id) {
                    self.open_first_attachment();
                }
                // The form page is not drawn on the attachments tab: it is when the clerk
                // turns to the preview.
                self.show_selected_form();
            }
            detail::DetailCommand::Reveal => {
                // Opened once the access log holds it (`replies`), never before.
                let target = TransactionId::new(id.clone());
                let work = self.backend.record(&target, vec![Event::ok(Action::RevealSecret, id.clone(), service)]);
                self.revealed.ask(target, &self.backend.spawner(), work);
            }
            detail::DetailCommand::Select(other) => {
                self.select(&other);
                self.scroll_to_selected = true;
            }
            detail::DetailCommand::PreviewPage(page) => self.show_form_page(page),
            detail::DetailCommand::OpenAttachment(attachment) => self.open_attachment(&attachment, 1, None),
            detail::DetailCommand::AttachmentPage(page) => {
                if let Some((Ok(bytes), Some(attachment))) =
                    self.attachment.value().map(|a| (a.bytes.clone(), a.attachment_id.clone()))
                {
                    self.open_attachment(&attachment, page, Some(bytes));
                }
            }
            detail::DetailCommand::SaveCopy(bytes, name) => {
                let access = vec![Event::ok(Action::SaveCopy, id.clone(), service)];
                self.saved_copy.request(&self.backend.spawner(), self.backend.save_copy(bytes, &name, access));
            }
            detail::DetailCommand::SaveCopyToDownloads(bytes, name) => {
                let access = vec![Event::ok(Action::SaveCopy, id.clone(), service)];
                let work = self.backend.save_copy_to_downloads(bytes, &name, access);
                self.saved_copy.request(&self.backend.spawner(), work);
            }
        }
    }

    /// The filing panel over the selected transaction's draft and filing.
    pub(super) fn filing_panel(&mut self) -> filing::FilingPanel<'_> {
        let selected = self.selected.as_deref();
        let transaction = self.detail.value().filter(|t| Some(t.id.as_str()) == selected);
        let id = transaction.map(|t| t.id.as_str());
        let service = transaction.map_or("", |t| t.service.id.as_str());
        let view = id.and_then(|id| self.filings.view(id));
        let case_url = view
            .and_then(|v| v.result.as_ref()?.as_ref().ok())
            .and_then(|r| self.backend.case_url(r.case_id, r.diary_number.as_deref()?));
        let previous_undo = self.previous.as_deref().map(|p| self.undo_state(p));
        let (filings, backend) = (&self.filings, &self.backend);
        let previous = self.previous.as_deref().zip(previous_undo).and_then(|(p, undo)| {
            let r = filings.view(p)?.result.as_ref()?.as_ref().ok()?;
            let url = r.diary_number.as_deref().and_then(|d| backend.case_url(r.case_id, d));
            Some((p, r, url, undo))
        });
        let undo = id.map_or(crate::ui::desk::receipt::Undo::No(crate::ui::desk::receipt::NoUndo::NotThisDesk), |id| {
            self.undo_state(id)
        });
        // The selected transaction's undone filing, or the one the selection moved on from.
        let undone =
            id.and_then(|id| self.undone(id)).or_else(|| self.previous.as_deref().and_then(|p| self.undone(p)));
        let draft = id.and_then(|id| self.drafts.get(id));
        let secrecy = draft.and_then(|draft| self.draft_secrecy(draft));
        let question = id.and_then(|id| self.filings.question(id));
        let suggestions = id.map(|id| self.suggestions(id)).unwrap_or_default();
        filing::FilingPanel {
            texts: &self.texts,
            transaction: id,
            attachments: transaction.map_or(0, |t| t.attachments.len()),
            view,
            draft: id.and_then(|id| self.drafts.get_mut(id)),
            mapping: self.backend.usable(service),
            can_save_default: self.backend.mappings_dir().is_some(),
            saved: self.default_saved.as_ref().filter(|_| self.default_service.as_deref() == Some(service)),
            catalog: self.catalog.value(),
            catalog_error: self.catalog.error(),
            confirm: question.map(|(_, incomplete)| incomplete),
            running: id.is_some_and(|id| self.filings.running(id)),
            cancelling: id.is_some_and(|id| self.filings.cancelling(id)),
            unseen: id.and_then(|id| self.filings.refused(id)).and_then(crate::ui::desk::filings::Refusal::text_id),
            held: id.and_then(|id| super::actions::held_by_other(&self.model, self.backend.clerk(), id)),
            cases: &mut self.cases,
            focus_case_search: self.focus == Some(Focus::CaseSearch),
            case_url,
            previous,
            undo,
            undone,
            suggestions,
            asks: question.map(|(asks, _)| asks.to_vec()).unwrap_or_default(),
            secrecy,
        }
    }

    /// Applies what the filing panel asked for.
    pub(super) fn on_filing(&mut self, ctx: &egui::Context, command: filing::FilingCommand) {
        match command {
            filing::FilingCommand::File => self.request_filing(true),
            filing::FilingCommand::FileWithout(left_out) => {
                if let Some(draft) = self.selected.as_ref().and_then(|id| self.drafts.get_mut(id)) {
                    draft.left_out = left_out;
                }
                self.request_filing(true);
            }
            filing::FilingCommand::Pick(case) => self.pick_case(case),
            filing::FilingCommand::Undo(id) => self.undo(&id),
            filing::FilingCommand::Cancel => self.cancel_selected(),
            filing::FilingCommand::SaveDefault => self.save_draft_as_default(),
            filing::FilingCommand::Action(action) => self.choose_action(action),
            filing::FilingCommand::RetryCatalog => {
                self.catalog.request(&self.backend.spawner(), self.backend.catalog());
            }
            filing::FilingCommand::SearchCases => self.search_cases(),
            filing::FilingCommand::CaseSearchFocused => self.focus = None,
            filing::FilingCommand::OpenUrl(url) => ctx.open_url(egui::OpenUrl::new_tab(url)),
        }
    }

    /// The admin view over its own state and the mappings.
    pub(super) fn admin_view(&mut self) -> admin::AdminView<'_> {
        let backend = &self.backend;
        let pending = self.model.counts().iter().map(|c| (c.id.clone(), c.name.clone(), c.pending));
        let problems = |id: &str| match backend.usable(id) {
            Err(crate::service::Unusable::Errors(errors)) => errors.len(),
            _ => 0,
        };
        let services = admin::services(backend.mappings(), pending, problems);
        admin::AdminView {
            texts: &self.texts,
            folder: backend.mappings_dir(),
            practice: backend.is_demo(),
            services,
            catalog: self.catalog.value(),
            saved: self.admin.service.as_deref().and_then(|s| backend.mapping(s)),
            state: &mut self.admin,
        }
    }

    /// Applies what the admin view asked for.
    pub(super) fn on_admin(&mut self, command: admin::AdminCommand) {
        match command {
            admin::AdminCommand::Open(service, name) => {
                let base = self.backend.mapping(&service).cloned();
                let mapping = base.clone().unwrap_or_else(|| admin::blank(&service, &name));
                self.admin.editing = Some(mapping);
                self.admin.base = base;
                self.admin.status = None;
                self.admin.conflict = None;
                if !self.admin.samples.contains_key(&service) {
                    let work = self.backend.sample(&service);
                    self.admin.samples.entry(service.clone()).or_default().request(&self.backend.spawner(), work);
                }
                self.admin.service = Some(service);
            }
            admin::AdminCommand::Save(mapping) => {
                let work = self.backend.save_mapping(mapping, self.admin.base.clone(), false);
                self.admin.saving.request(&self.backend.spawner(), work);
            }
            admin::AdminCommand::Overwrite(mapping) => {
                self.admin.conflict = None;
                let work = self.backend.save_mapping(mapping, None, true);
                self.admin.saving.request(&self.backend.spawner(), work);
            }
            admin::AdminCommand::Reload => {
                if let Some((_, Some(on_disk))) = self.admin.conflict.take() {
                    self.admin.editing = Some((*on_disk).clone());
                    self.admin.base = Some((*on_disk).clone());
                    self.admin.status = None;
                    // The desk files by what the file holds now, checked again.
                    self.backend.replace_mapping(*on_disk);
                    self.catalog.request(&self.backend.spawner(), self.backend.catalog());
                }
            }
            admin::AdminCommand::Import => {
                self.admin.importing.request(&self.backend.spawner(), Backend::import_mapping());
            }
            admin::AdminCommand::Export(mapping) => {
                self.admin.exporting.request(&self.backend.spawner(), Backend::export_mapping(mapping));
            }
        }
    }

    /// Applies what the failed view asked for.
    pub(super) fn on_failed(&mut self, command: failed::FailedCommand) {
        match command {
            failed::FailedCommand::RetryAll => self.retry_all(),
            failed::FailedCommand::Retry(plan) => self.retry(*plan),
        }
    }

    /// Applies what the day list asked for.
    pub(super) fn on_day(&mut self, ctx: &egui::Context, command: crate::ui::desk::day::DayCommand) {
        use crate::ui::desk::day::DayCommand;
        match command {
            DayCommand::Refresh => {
                let today = crate::domain::helsinki::today();
                let from = today - chrono::Duration::days(super::triage::RECENT_DAYS);
                self.recent.request(&self.backend.spawner(), self.backend.completed(from, today));
            }
            DayCommand::OpenUrl(url) => ctx.open_url(egui::OpenUrl::new_tab(url)),
            DayCommand::Undo(id) => self.undo(&id),
            DayCommand::ExportCsv(bytes, name, listed) => {
                let work = self.backend.save_copy(std::sync::Arc::new(bytes), &name, day_list_access(listed));
                self.day.saved.request(&self.backend.spawner(), work);
            }
            DayCommand::ExportCsvToDownloads(bytes, name, listed) => {
                let work =
                    self.backend.save_copy_to_downloads(std::sync::Arc::new(bytes), &name, day_list_access(listed));
                self.day.saved.request(&self.backend.spawner(), work);
            }
        }
    }
}

/// The access log's entries for a day list saved as CSV: one for each transaction in it.
fn day_list_access(listed: Vec<(String, String)>) -> Vec<Event> {
    listed.into_iter().map(|(id, service)| Event::ok(Action::ExportDayList, id, Some(service))).collect()
}
