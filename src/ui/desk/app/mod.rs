//! The desk window: inbox on the left, the transaction in the middle, filing on the right; or the
//! failed filings and the journal's history in place of the middle.

mod actions;
mod keys;
mod replies;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use egui::Panel;

use super::case_editor::CaseSearch;
use super::draft::Draft;
use super::filing::FilingView;
use super::inbox_model::InboxModel;
use super::{bulk_confirm, detail, failed, filing, inbox, top};
use crate::contract::outbox::TransactionSummary;
use crate::domain::Transaction;
use crate::export::FilingRecord;
use crate::i18n::{Texts, UiLanguage};
use crate::service::CheckedMappings;
use crate::ui::admin;
use crate::ui::backend::{AttachmentView, Backend, Catalog, PreviewPage};
use crate::ui::request::Requested;
use crate::ui::widgets::{PageState, Zoom};

/// Width in pixels at which preview pages are drawn (scaled to the panel when shown).
pub const PREVIEW_WIDTH: u32 = 1200;

pub use super::top::View;

pub use super::detail::DetailTab;

/// Which input gets the keyboard focus on the next frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The inbox filter.
    Filter,
    /// The case search.
    CaseSearch,
}

/// The clerk desk.
pub struct DeskApp {
    pub(super) backend: Backend,
    pub(super) texts: Texts,
    pub(super) inbox: Requested<(), Vec<TransactionSummary>>,
    pub(super) model: InboxModel,
    pub(super) checked: BTreeSet<String>,
    pub(super) selected: Option<String>,
    pub(super) detail: Requested<Transaction, Box<Transaction>>,
    pub(super) tab: DetailTab,
    pub(super) zoom: Zoom,
    pub(super) preview: Requested<PageState, PreviewPage>,
    pub(super) attachment: Requested<PageState, AttachmentView>,
    pub(super) filings: HashMap<String, FilingView>,
    pub(super) drafts: HashMap<String, Draft>,
    pub(super) catalog: Requested<Catalog, Box<(Catalog, CheckedMappings)>>,
    pub(super) cases: CaseSearch,
    pub(super) view: View,
    pub(super) unfinished: Requested<Vec<FilingRecord>>,
    pub(super) history: Requested<Vec<FilingRecord>>,
    pub(super) focus: Option<Focus>,
    pub(super) confirm: Option<String>,
    pub(super) bulk_confirm: Option<super::bulk_confirm::BulkConfirm>,
    pub(super) scroll_to_selected: bool,
    pub(super) saved_copy: Requested<Option<String>>,
    pub(super) admin: admin::AdminState,
    pub(super) wants_connections: bool,
}

impl DeskApp {
    /// A desk on `backend` speaking `language`; asks for the inbox and the catalog at once.
    pub fn new(backend: Backend, language: UiLanguage) -> Self {
        let model = InboxModel::new(backend.clerk());
        let mut app = Self {
            backend,
            texts: Texts::new(language),
            inbox: Requested::default(),
            model,
            checked: BTreeSet::new(),
            selected: None,
            detail: Requested::default(),
            tab: DetailTab::default(),
            zoom: Zoom::FitWidth,
            preview: Requested::default(),
            attachment: Requested::default(),
            filings: HashMap::new(),
            drafts: HashMap::new(),
            catalog: Requested::default(),
            cases: CaseSearch::default(),
            view: View::default(),
            unfinished: Requested::default(),
            history: Requested::default(),
            focus: None,
            confirm: None,
            bulk_confirm: None,
            scroll_to_selected: false,
            saved_copy: Requested::default(),
            admin: admin::AdminState::default(),
            wants_connections: false,
        };
        app.refresh();
        app
    }

    /// The language shown.
    pub fn language(&self) -> UiLanguage {
        self.texts.language()
    }

    /// Shows the desk in `language` from the next frame on.
    pub fn set_language(&mut self, language: UiLanguage) {
        if language != self.texts.language() {
            self.texts = Texts::new(language);
        }
    }

    /// Uses Liberation Sans (the PDF's font, which covers Finnish, Swedish and the symbols the
    /// desk shows) before egui's own fonts.
    pub fn install_fonts(ctx: &egui::Context) {
        let mut fonts = egui::FontDefinitions::default();
        for (name, data) in [
            ("liberation-sans", &include_bytes!("../../../../assets/fonts/LiberationSans-Regular.ttf")[..]),
            ("liberation-sans-bold", &include_bytes!("../../../../assets/fonts/LiberationSans-Bold.ttf")[..]),
        ] {
            fonts.font_data.insert(name.to_owned(), Arc::new(egui::FontData::from_static(data)));
        }
        if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
            family.insert(0, "liberation-sans".to_owned());
        }
        ctx.set_fonts(fonts);
    }

    /// Asks for the inbox and the journal again (and TWeb's catalog when it has not come yet, e.g.
    /// after the network was down at start); what is shown stays until the answers.
    pub fn refresh(&mut self) {
        if self.catalog.value().is_none() && !self.catalog.is_pending() {
            self.catalog.request(&self.backend.spawner(), self.backend.catalog());
        }
        self.inbox.request(&self.backend.spawner(), self.backend.pending());
        self.unfinished.request(&self.backend.spawner(), self.backend.unfinished());
        if self.view == View::Failed {
            self.history.request(&self.backend.spawner(), self.backend.history());
        }
    }

    /// Selects a transaction and asks for its details.
    pub fn select(&mut self, id: &str) {
        if self.selected.as_deref() == Some(id) {
            return;
        }
        self.selected = Some(id.to_owned());
        self.preview.clear();
        self.attachment.clear();
        self.saved_copy.clear();
        self.confirm = None;
        self.view = View::Desk;
        self.detail.request(&self.backend.spawner(), self.backend.load(id));
    }

    /// The mapping of `service` once it passed the check against TWeb's catalog; none before
    /// the catalog has arrived (drafts made meanwhile are prefilled but wait for confirmation).
    pub fn usable_mapping(&self, service: &str) -> Option<&crate::mappings::ServiceMapping> {
        self.backend.usable(service).ok()
    }

    /// Transactions in the inbox not filed yet, as the top bar counts them.
    pub fn pending(&self) -> usize {
        self.model.pending()
    }

    /// Rows the inbox's filters let through.
    pub fn shown(&mut self) -> usize {
        self.model.visible().len()
    }

    /// Whether the clerk asked for the connections dialog since the last call.
    pub fn take_connections_request(&mut self) -> bool {
        std::mem::take(&mut self.wants_connections)
    }

    /// Whether a filing is running (the connection must not be switched under it).
    pub fn filing_in_progress(&self) -> bool {
        self.filings.values().any(|f| f.running)
    }

    /// The selected transaction, once its details are here.
    pub fn selected_transaction(&self) -> Option<&Transaction> {
        self.detail.value().filter(|t| Some(&t.id) == self.selected.as_ref())
    }

    fn top_bar(&self) -> top::TopBar<'_> {
        top::TopBar {
            texts: &self.texts,
            connection: self.backend.label(),
            pending: self.model.pending(),
            failed: self.unfinished.value().map_or(0, Vec::len),
            view: self.view,
            language: self.language(),
            refreshing: self.inbox.is_pending(),
        }
    }

    /// Applies what the top bar asked for, in one place at the end of its part of the frame.
    fn apply_top(&mut self, commands: Vec<top::TopCommand>) {
        for command in commands {
            match command {
                top::TopCommand::Language(language) => self.set_language(language),
                top::TopCommand::Connections => self.wants_connections = true,
                top::TopCommand::Refresh => self.refresh(),
                top::TopCommand::View(view) => {
                    self.view = view;
                    if view == View::Failed {
                        self.history.request(&self.backend.spawner(), self.backend.history());
                    }
                }
            }
        }
    }

    /// The ticked rows' bulk filing as the inbox shows it.
    fn bulk(&self) -> inbox::Bulk {
        if self.checked.is_empty() {
            return inbox::Bulk { ids: Err("bulk-none"), running: 0, done: 0, failed: 0 };
        }
        let ended = |id: &&String| self.filings.get(*id).is_some_and(|f| !f.running && f.result.is_some());
        let failed = |id: &&String| self.filings.get(*id).is_some_and(|f| matches!(f.result, Some(Err(_))));
        inbox::Bulk {
            ids: self.bulk_ids(),
            running: self.checked.iter().filter(|id| self.filings.get(*id).is_some_and(|f| f.running)).count(),
            done: self.checked.iter().filter(ended).count(),
            failed: self.checked.iter().filter(failed).count(),
        }
    }

    /// Applies what the inbox asked for.
    fn apply_inbox(&mut self, commands: Vec<inbox::InboxCommand>) {
        for command in commands {
            match command {
                inbox::InboxCommand::Select(id) => self.select(&id),
                inbox::InboxCommand::Toggle(id) => self.toggle_checked(id),
                inbox::InboxCommand::FileChecked => self.ask_bulk(),
                inbox::InboxCommand::ClearChecked => self.checked.clear(),
                inbox::InboxCommand::FilterFocused => self.focus = None,
            }
        }
    }

    /// Applies what the detail asked for.
    fn apply_detail(&mut self, commands: Vec<detail::DetailCommand>) {
        for command in commands {
            let Some(transaction) = self.selected_transaction() else { return };
            match command {
                detail::DetailCommand::Tab(tab) => self.tab = tab,
                detail::DetailCommand::PreviewPage(page) => {
                    if let Some(Ok(pdf)) = self.preview.value().map(|p| &p.bytes) {
                        let work = self.backend.preview(transaction, Some(Arc::clone(pdf)), page, PREVIEW_WIDTH);
                        self.preview.request(&self.backend.spawner(), work);
                    }
                }
                detail::DetailCommand::OpenAttachment(id) => {
                    let work = self.backend.attachment(transaction, &id, None, 1, PREVIEW_WIDTH);
                    // Another attachment is not shown while this one is on its way.
                    self.attachment.clear();
                    self.saved_copy.clear();
                    self.attachment.request(&self.backend.spawner(), work);
                }
                detail::DetailCommand::AttachmentPage(page) => {
                    if let Some((Ok(bytes), Some(id))) = self.attachment.value().map(|a| (&a.bytes, &a.attachment_id)) {
                        let work =
                            self.backend.attachment(transaction, id, Some(Arc::clone(bytes)), page, PREVIEW_WIDTH);
                        self.attachment.request(&self.backend.spawner(), work);
                    }
                }
                detail::DetailCommand::SaveCopy(bytes, name) => {
                    self.saved_copy.request(&self.backend.spawner(), self.backend.save_copy(bytes, &name));
                }
            }
        }
    }

    /// The filing panel over the selected transaction's draft and filing.
    fn filing_panel(&mut self) -> filing::FilingPanel<'_> {
        let selected = self.selected.as_deref();
        let transaction = self.detail.value().filter(|t| Some(t.id.as_str()) == selected);
        let id = transaction.map(|t| t.id.as_str());
        let service = transaction.map_or("", |t| t.service.id.as_str());
        let view = id.and_then(|id| self.filings.get(id));
        let case_url = view
            .and_then(|v| v.result.as_ref()?.as_ref().ok())
            .and_then(|r| self.backend.case_url(r.case_id, r.diary_number.as_deref()?));
        filing::FilingPanel {
            texts: &self.texts,
            transaction: id,
            view,
            draft: id.and_then(|id| self.drafts.get_mut(id)),
            mapping: self.backend.usable(service),
            can_save_default: self.backend.mappings_dir().is_some(),
            saved: self.admin.status.as_ref().filter(|_| self.admin.service.as_deref() == Some(service)),
            catalog: self.catalog.value(),
            catalog_error: self.catalog.error(),
            confirm: id.is_some() && self.confirm.as_deref() == id,
            cases: &mut self.cases,
            focus_case_search: self.focus == Some(Focus::CaseSearch),
            case_url,
        }
    }

    /// Applies what the filing panel asked for.
    fn apply_filing(&mut self, ctx: &egui::Context, commands: Vec<filing::FilingCommand>) {
        for command in commands {
            match command {
                filing::FilingCommand::File => {
                    // A click is the confirmation itself.
                    self.confirm = self.selected.clone();
                    self.file_selected();
                }
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
    }

    /// The admin view over its own state and the mappings.
    fn admin_view(&mut self) -> admin::AdminView<'_> {
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
            services,
            catalog: self.catalog.value(),
            saved: self.admin.service.as_deref().and_then(|s| backend.mapping(s)),
            state: &mut self.admin,
        }
    }

    /// Applies what the admin view asked for.
    fn apply_admin(&mut self, commands: Vec<admin::AdminCommand>) {
        for command in commands {
            match command {
                admin::AdminCommand::Open(service, name) => {
                    let mapping =
                        self.backend.mapping(&service).cloned().unwrap_or_else(|| admin::blank(&service, &name));
                    self.admin.editing = Some(mapping);
                    self.admin.status = None;
                    if !self.admin.samples.contains_key(&service) {
                        let work = self.backend.sample(&service);
                        self.admin.samples.entry(service.clone()).or_default().request(&self.backend.spawner(), work);
                    }
                    self.admin.service = Some(service);
                }
                admin::AdminCommand::Save(mapping) => {
                    self.admin.saving.request(&self.backend.spawner(), self.backend.save_mapping(mapping));
                }
                admin::AdminCommand::Import => {
                    self.admin.importing.request(&self.backend.spawner(), Backend::import_mapping());
                }
                admin::AdminCommand::Export(mapping) => {
                    self.admin.exporting.request(&self.backend.spawner(), Backend::export_mapping(mapping));
                }
            }
        }
    }

    /// Applies what the failed view asked for.
    fn apply_failed(&mut self, commands: Vec<failed::FailedCommand>) {
        for command in commands {
            match command {
                failed::FailedCommand::RetryAll => self.retry_all(),
                failed::FailedCommand::Retry(plan) => self.retry(*plan),
            }
        }
    }

    /// Draws the desk; shared by the window and the tests.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.take_replies(&ui.ctx().clone());
        self.keyboard(ui);
        let commands = Panel::top("desk-top").show(ui, |ui| top::show(&self.top_bar(), ui)).inner;
        self.apply_top(commands);
        if self.view != View::Admin {
            let bulk = self.bulk();
            let commands = Panel::left("desk-inbox")
                .resizable(true)
                .default_size(400.0)
                .show(ui, |ui| {
                    let mut view = inbox::InboxView {
                        texts: &self.texts,
                        model: &mut self.model,
                        focus_filter: self.focus == Some(Focus::Filter),
                        error: self.inbox.error(),
                        checked: &self.checked,
                        selected: self.selected.as_deref(),
                        scroll_to_selected: self.scroll_to_selected,
                        bulk,
                    };
                    inbox::show(&mut view, ui)
                })
                .inner;
            self.scroll_to_selected = false;
            self.apply_inbox(commands);
        }
        if self.view == View::Desk {
            let commands = Panel::right("desk-filing")
                .resizable(true)
                .min_size(300.0)
                .default_size(380.0)
                .show(ui, |ui| {
                    // A panel is as wide as its content unless told otherwise; keep the width chosen.
                    ui.set_min_width(ui.available_width());
                    let mut panel = self.filing_panel();
                    filing::show(&mut panel, ui)
                })
                .inner;
            self.apply_filing(ui.ctx(), commands);
        }
        egui::CentralPanel::default().show(ui, |ui| match self.view {
            View::Desk => {
                let selected = self.selected.as_deref();
                let mut view = detail::DetailView {
                    texts: &self.texts,
                    selected: selected.is_some(),
                    error: self.detail.error(),
                    transaction: self.detail.value().filter(|t| Some(t.id.as_str()) == selected),
                    tab: self.tab,
                    preview: self.preview.value(),
                    attachment: self.attachment.value(),
                    attachment_wanted: self.attachment.is_pending(),
                    saved_copy: self.saved_copy.state(),
                    zoom: &mut self.zoom,
                };
                let commands = detail::show(&mut view, ui);
                self.apply_detail(commands);
            }
            View::Failed => {
                let filings = &self.filings;
                let running = |id: &str| filings.get(id).is_some_and(|f| f.running);
                let view = failed::FailedView {
                    texts: &self.texts,
                    unfinished: self.unfinished.state(),
                    history: self.history.state(),
                    running: &running,
                };
                let commands = failed::show(&view, ui);
                self.apply_failed(commands);
            }
            View::Admin => {
                let mut view = self.admin_view();
                let commands = admin::show(&mut view, ui);
                self.apply_admin(commands);
            }
        });
        if let Some(confirm) = &self.bulk_confirm {
            match bulk_confirm::show(&self.texts, confirm, ui.ctx()) {
                Some(bulk_confirm::ConfirmCommand::Confirm) => self.confirm_bulk(),
                Some(bulk_confirm::ConfirmCommand::Cancel) => self.bulk_confirm = None,
                None => {}
            }
        }
    }
}

impl eframe::App for DeskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // Only the language: nothing of the data or the connection is kept in eframe's storage.
        eframe::set_value(storage, crate::ui::LANGUAGE_KEY, &self.language());
    }
}

#[cfg(test)]
mod tests;
