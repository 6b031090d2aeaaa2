//! The desk window: inbox on the left, the transaction in the middle, filing on the right; or the
//! failed filings and the journal's history in place of the middle.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use egui::Panel;

use super::backend::{Backend, Catalog};
use super::draft::Draft;
use super::filing::FilingView;
use super::inbox_model::InboxModel;
use super::request::{RequestState, Requested};
use super::widgets::{PageState, Zoom};
use super::{detail, failed, filing, inbox, top};
use crate::domain::{Case, Transaction};
use crate::export::FilingRecord;
use crate::i18n::{Texts, UiLanguage};

/// Width in pixels at which preview pages are drawn (scaled to the panel when shown).
pub const PREVIEW_WIDTH: u32 = 1200;

pub use super::top::View;

pub use super::detail::DetailTab;

/// The case search of the existing-case filing.
#[derive(Debug, Default)]
pub struct CaseSearch {
    /// Text typed.
    pub query: String,
    /// Number of the last search sent.
    pub seq: u64,
    /// Results of the last search answered.
    pub results: RequestState<Vec<Case>>,
    /// Cases of each transaction's submitter, by transaction id.
    pub submitter: HashMap<String, RequestState<Vec<Case>>>,
}

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
    pub(super) inbox: RequestState<()>,
    pub(super) model: InboxModel,
    pub(super) checked: BTreeSet<String>,
    pub(super) selected: Option<String>,
    pub(super) detail: RequestState<Transaction>,
    pub(super) tab: DetailTab,
    pub(super) zoom: Zoom,
    pub(super) preview: Option<PageState>,
    pub(super) attachment: Option<PageState>,
    pub(super) attachment_wanted: Option<String>,
    pub(super) filings: HashMap<String, FilingView>,
    pub(super) drafts: HashMap<String, Draft>,
    pub(super) catalog: RequestState<Catalog>,
    pub(super) cases: CaseSearch,
    pub(super) view: View,
    pub(super) unfinished: Requested<Vec<FilingRecord>>,
    pub(super) history: Requested<Vec<FilingRecord>>,
    pub(super) focus: Option<Focus>,
    pub(super) confirm: Option<String>,
    pub(super) notice: Option<Result<String, String>>,
    pub(super) admin: super::admin::AdminState,
    pub(super) wants_connections: bool,
}

impl DeskApp {
    /// A desk on `backend` speaking `language`; asks for the inbox and the catalog at once.
    pub fn new(backend: Backend, language: UiLanguage) -> Self {
        let model = InboxModel::new(backend.clerk());
        let mut app = Self {
            backend,
            texts: Texts::new(language),
            inbox: RequestState::default(),
            model,
            checked: BTreeSet::new(),
            selected: None,
            detail: RequestState::default(),
            tab: DetailTab::default(),
            zoom: Zoom::FitWidth,
            preview: None,
            attachment: None,
            attachment_wanted: None,
            filings: HashMap::new(),
            drafts: HashMap::new(),
            catalog: RequestState::default(),
            cases: CaseSearch::default(),
            view: View::default(),
            unfinished: Requested::default(),
            history: Requested::default(),
            focus: None,
            confirm: None,
            notice: None,
            admin: super::admin::AdminState::default(),
            wants_connections: false,
        };
        app.catalog.start();
        app.backend.catalog();
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
            ("liberation-sans", &include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf")[..]),
            ("liberation-sans-bold", &include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf")[..]),
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
            self.catalog.start();
            self.backend.catalog();
        }
        self.inbox.start();
        self.backend.refresh_inbox();
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
        self.preview = None;
        self.attachment = None;
        self.attachment_wanted = None;
        self.confirm = None;
        self.view = View::Desk;
        self.detail.start();
        self.backend.load(id);
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
                inbox::InboxCommand::FileChecked => self.file_checked(),
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
                    if let Some(Ok(pdf)) = self.preview.as_ref().map(|p| &p.bytes) {
                        self.backend.preview(transaction, Some(Arc::clone(pdf)), page, PREVIEW_WIDTH);
                    }
                }
                detail::DetailCommand::OpenAttachment(id) => {
                    self.backend.attachment(transaction, &id, None, 1, PREVIEW_WIDTH);
                    self.attachment = None;
                    self.notice = None;
                    self.attachment_wanted = Some(id);
                }
                detail::DetailCommand::AttachmentPage(page) => {
                    if let Some((Ok(bytes), Some(id))) = self.attachment.as_ref().map(|a| (&a.bytes, &a.attachment_id))
                    {
                        self.backend.attachment(transaction, id, Some(Arc::clone(bytes)), page, PREVIEW_WIDTH);
                    }
                }
                detail::DetailCommand::SaveCopy(bytes, name) => self.backend.save_copy(bytes, &name),
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
                        bulk,
                    };
                    inbox::show(&mut view, ui)
                })
                .inner;
            self.apply_inbox(commands);
        }
        if self.view == View::Desk {
            Panel::right("desk-filing").resizable(true).min_size(300.0).default_size(380.0).show(ui, |ui| {
                // A panel is as wide as its content unless told otherwise; keep the width chosen.
                ui.set_min_width(ui.available_width());
                filing::show(self, ui);
            });
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
                    preview: self.preview.as_ref(),
                    attachment: self.attachment.as_ref(),
                    attachment_wanted: self.attachment_wanted.is_some(),
                    notice: self.notice.as_ref(),
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
            View::Admin => super::admin::show(self, ui),
        });
    }
}

impl eframe::App for DeskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // Only the language: nothing of the data or the connection is kept in eframe's storage.
        eframe::set_value(storage, super::LANGUAGE_KEY, &self.language());
    }
}
