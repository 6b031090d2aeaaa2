//! The desk window: inbox on the left, the transaction in the middle, filing on the right; or the
//! failed filings and the journal's history in place of the middle.

mod actions;
mod command;
mod day;
mod fonts;
mod keys;
mod panels;
mod previews;
mod replies;
mod runner;
mod triage;
mod undo;
mod views;

use std::collections::{BTreeSet, HashMap};

use egui::Panel;

use self::views::Views;
use super::case_editor::CaseSearch;
use super::draft::Draft;
use super::filings::Filings;
use super::inbox_model::InboxModel;
use super::{bulk_confirm, detail, failed, filing, inbox, top};
use crate::contract::outbox::TransactionSummary;
use crate::domain::{Transaction, TransactionId};
use crate::export::FilingRecord;
use crate::i18n::{Texts, UiLanguage};
use crate::service::CheckedMappings;
use crate::ui::admin;
use crate::ui::backend::{AttachmentView, Backend, Catalog, PreviewPage};
use crate::ui::request::Requested;
use crate::ui::widgets::{PageState, Zoom};

/// The narrowest the preview between the side panels gets, in points.
const CENTRAL_MIN: f32 = 380.0;

/// Width in pixels pages are drawn for until the desk is laid out (then as wide as shown).
pub const PREVIEW_WIDTH: u32 = 1200;

pub use super::top::View;

use command::Command;

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
    pub(super) checked: BTreeSet<TransactionId>,
    pub(super) selected: Option<TransactionId>,
    pub(super) detail: Requested<Transaction, Box<Transaction>>,
    pub(super) tab: DetailTab,
    pub(super) zoom: Zoom,
    /// How pages are drawn, from the last frame's layout (`None` before the first).
    pub(super) drawn_fit: Option<crate::preview::Fit>,
    pub(super) preview: Requested<PageState, PreviewPage>,
    pub(super) attachment: Requested<PageState, AttachmentView>,
    /// Every filing's life: the one owner of what the rows, the panel and the failed view say.
    pub(super) filings: Filings,
    /// The [`Filings::version`] the inbox's row states were last taken at.
    pub(super) states_seen: Option<u64>,
    /// [`Filings::ends`] when the journal's unfinished filings were last asked for.
    pub(super) unfinished_as_of: u64,
    pub(super) drafts: HashMap<TransactionId, Draft>,
    pub(super) catalog: Requested<Catalog, Box<(Catalog, CheckedMappings)>>,
    pub(super) cases: CaseSearch,
    pub(super) view: View,
    pub(super) unfinished: Requested<Vec<FilingRecord>>,
    pub(super) history: Requested<Vec<FilingRecord>>,
    pub(super) focus: Option<Focus>,
    pub(super) bulk_confirm: Option<super::bulk_confirm::BulkConfirm>,
    pub(super) scroll_to_selected: bool,
    pub(super) saved_copy: Requested<crate::ui::backend::SavedCopy>,
    pub(super) admin: admin::AdminState,
    pub(super) default_saving: Requested<crate::ui::backend::Saved>,
    pub(super) default_service: Option<String>,
    pub(super) default_saved: Option<Result<String, crate::ui::widgets::Failure>>,
    pub(super) wants_connections: bool,
    /// The office's filings of the last [`triage::RECENT_DAYS`] days (repeats, the day list).
    pub(super) recent: Requested<Vec<crate::contract::outbox::CompletedTransaction>>,
    /// Whether the inbox must weigh its rows again (the catalog, the mappings or the office's
    /// filings changed).
    pub(super) facts_changed: bool,
    /// Whether the selection moves on to the next row after a filing (on by default).
    pub(super) move_on: bool,
    /// The filing the selection moved on from, whose receipt stays in sight.
    pub(super) previous: Option<TransactionId>,
    /// Secret transactions whose content the clerk opened (each reveal logged before it opens).
    pub(super) revealed: Views,
    /// The form previews and the raw fields the access log holds as seen: shown only then.
    pub(super) views: Views,
    pub(super) fields: Views,
    /// The day list's own state.
    pub(super) day: super::day::DayState,
    /// Whether the key overlay (`?`) is open.
    pub(super) keys_help: bool,
    /// The neighbours' details and pages drawn ahead, and the pages drawn lately.
    pub(super) prefetch: super::prefetch::Prefetch,
    /// Which transaction's content has been on screen, and since when.
    pub(super) sight: super::sight::Sight,
    /// What the keys, the panels and the answers asked for this frame, applied at its end.
    pub(super) queue: Vec<Command>,
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
            drawn_fit: None,
            preview: Requested::default(),
            attachment: Requested::default(),
            filings: Filings::default(),
            states_seen: None,
            unfinished_as_of: 0,
            drafts: HashMap::new(),
            catalog: Requested::default(),
            cases: CaseSearch::default(),
            view: View::default(),
            unfinished: Requested::default(),
            history: Requested::default(),
            focus: None,
            bulk_confirm: None,
            scroll_to_selected: false,
            saved_copy: Requested::default(),
            admin: admin::AdminState::default(),
            default_saving: Requested::default(),
            default_service: None,
            default_saved: None,
            wants_connections: false,
            recent: Requested::default(),
            facts_changed: true,
            move_on: true,
            previous: None,
            revealed: Views::default(),
            views: Views::default(),
            fields: Views::default(),
            day: super::day::DayState::default(),
            keys_help: false,
            prefetch: super::prefetch::Prefetch::default(),
            sight: super::sight::Sight::default(),
            queue: Vec::new(),
        };
        app.refresh();
        app
    }

    /// The name this desk files under (claims, the history).
    pub fn clerk(&self) -> &str {
        self.backend.clerk()
    }

    /// The language shown.
    pub fn language(&self) -> UiLanguage {
        self.texts.language()
    }

    /// The preview's zoom (kept between sessions).
    pub fn zoom(&self) -> Zoom {
        self.zoom
    }

    /// Uses `zoom` for the previews.
    pub fn set_zoom(&mut self, zoom: Zoom) {
        self.zoom = zoom;
    }

    /// Shows the desk in `language` from the next frame on.
    pub fn set_language(&mut self, language: UiLanguage) {
        if language != self.texts.language() {
            self.texts = Texts::new(language);
        }
    }

    /// Asks for the inbox and the journal again (and TWeb's catalog when it has not come yet, e.g.
    /// after the network was down at start); what is shown stays until the answers.
    pub fn refresh(&mut self) {
        if self.catalog.value().is_none() && !self.catalog.is_pending() {
            self.catalog.request(&self.backend.spawner(), self.backend.catalog());
        }
        self.inbox.request(&self.backend.spawner(), self.backend.pending());
        self.unfinished.request(&self.backend.spawner(), self.backend.unfinished());
        self.unfinished_as_of = self.filings.ends();
        let today = crate::domain::helsinki::today();
        let from = today - chrono::Duration::days(triage::RECENT_DAYS);
        self.recent.request(&self.backend.spawner(), self.backend.completed(from, today));
        if self.view == View::Failed {
            self.history.request(&self.backend.spawner(), self.backend.history());
        }
    }

    /// Selects a transaction and asks for its details.
    pub fn select(&mut self, id: &str) {
        if self.selected.as_deref() == Some(id) {
            return;
        }
        self.selected = Some(TransactionId::new(id));
        self.prefetch.selected_at = Some((std::time::Instant::now(), false));
        self.previous = None;
        // The page left stays on screen, dimmed, until this one's is drawn: never a blank frame.
        self.attachment.clear();
        self.saved_copy.clear();
        self.filings.forget_question();
        // The case search is the selected transaction's: another's text would find nothing.
        self.cases.query.clear();
        self.cases.results.clear();
        self.view = View::Desk;
        // Details fetched ahead are shown at once (with their page, if it was drawn ahead too).
        match self.prefetch.transaction(id).cloned() {
            Some(transaction) => {
                self.detail.set(transaction);
                self.transaction_arrived();
            }
            None => self.detail.request(&self.backend.spawner(), self.backend.load(id)),
        }
    }

    /// The mapping of `service` once it passed the check against TWeb's catalog; none before
    /// the catalog has arrived (drafts made meanwhile are prefilled but wait for confirmation).
    pub fn usable_mapping(&self, service: &str) -> Option<&crate::mappings::ServiceMapping> {
        self.backend.usable(service).ok()
    }

    /// Whether the inbox's rows have come and were drawn (the shell logs the demo's start).
    pub fn inbox_shown(&self) -> bool {
        self.inbox.value().is_some()
    }

    /// Transactions in the inbox not filed yet, as the top bar counts them.
    pub fn pending(&self) -> usize {
        self.model.pending()
    }

    /// Rows not filed that are overdue, and that carry the secret, henkilötunnus and duplicate
    /// badges (benchmarks and tests check the badges are there).
    pub fn flagged(&self) -> (usize, usize, usize, usize) {
        let (secret, personal, duplicates) = self.model.flagged();
        (self.model.overdue(), secret, personal, duplicates)
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
        self.filings.any_running()
    }

    /// The journal's unfinished filings as the desk last read them: transaction and state.
    pub fn unfinished_states(&self) -> Vec<(String, crate::export::FilingState)> {
        self.unfinished.value().into_iter().flatten().map(|r| (r.transaction_id.clone(), r.state)).collect()
    }

    /// The selected transaction, once its details are here.
    pub fn selected_transaction(&self) -> Option<&Transaction> {
        self.detail.value().filter(|t| Some(t.id.as_str()) == self.selected.as_deref())
    }

    /// Takes the answers that arrived: each requested value its own, then the filings' news;
    /// what follows from them is queued for the frame. Runs before each frame ([`eframe::App::logic`]),
    /// also while the window is hidden.
    pub fn logic(&mut self, ctx: &egui::Context) {
        self.take_replies(ctx);
        self.log_views();
    }

    /// The form's preview and the raw fields show a transaction's data only once the access log
    /// holds that it was seen: asked here, once a transaction, while its tab is on it and its
    /// content is open.
    fn log_views(&mut self) {
        let Some(transaction) = self.selected_transaction() else { return };
        let id = TransactionId::new(transaction.id.clone());
        let (action, views) = match self.tab {
            DetailTab::Preview => (crate::audit::Action::ViewForm, &self.views),
            DetailTab::Fields => (crate::audit::Action::ViewFields, &self.fields),
            DetailTab::Attachments => return,
        };
        if views.wants(&id) && !self.is_closed(id.as_str()) {
            let event = crate::audit::Event::ok(action, transaction.id.clone(), Some(transaction.service.id.clone()));
            let work = self.backend.record(&id, vec![event]);
            let spawner = self.backend.spawner();
            match self.tab {
                DetailTab::Preview => self.views.ask(id, &spawner, work),
                _ => self.fields.ask(id, &spawner, work),
            }
        }
    }

    /// Draws the desk and applies, at the end of the frame, what its keys, panels and answers
    /// asked for; shared by the window and the tests (which call [`DeskApp::logic`] first).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.sync_states();
        self.keyboard(ui);
        let commands = Panel::top("desk-top").show(ui, |ui| top::show(&self.top_bar(), ui)).inner;
        self.queue(commands.into_iter().map(Command::Top));
        if self.view != View::Admin {
            let hint = super::keymap::hint_line(&self.texts, super::keys_help::is_mac(ui.ctx()));
            Panel::bottom("desk-keys").show(ui, |ui| {
                ui.add(egui::Label::new(egui::RichText::new(hint).weak()).truncate());
            });
        }
        // Side panels take a share of the window, and always leave the preview room to read.
        let width = ui.available_width();
        let (inbox_width, filing_width) = ((width * 0.3).clamp(280.0, 460.0), (width * 0.28).clamp(300.0, 440.0));
        let inbox_max = (width - 300.0 - CENTRAL_MIN).max(240.0);
        let filing_max = (width - inbox_width.min(inbox_max) - CENTRAL_MIN).max(280.0);
        let deadlines = self.backend.mappings().iter().map(|m| (m.service.clone(), m.deadline_days)).collect();
        self.model.set_deadlines(deadlines, crate::domain::helsinki::today());
        if std::mem::take(&mut self.facts_changed) {
            let facts = self.triage_facts();
            self.model.set_facts(facts);
        }
        if self.view != View::Admin {
            let bulk = self.bulk();
            let commands = Panel::left("desk-inbox")
                .resizable(true)
                .default_size(inbox_width)
                .size_range(240.0..=inbox_max)
                .show(ui, |ui| {
                    ui.set_min_width(ui.available_width());
                    let mut view = inbox::InboxView {
                        texts: &self.texts,
                        model: &mut self.model,
                        focus_filter: self.focus == Some(Focus::Filter),
                        error: self.inbox.error(),
                        checked: &self.checked,
                        selected: self.selected.as_deref(),
                        scroll_to_selected: self.scroll_to_selected,
                        mappings: self.backend.mappings(),
                        bulk,
                        move_on: self.move_on,
                    };
                    inbox::show(&mut view, ui)
                })
                .inner;
            self.scroll_to_selected = false;
            self.queue(commands.into_iter().map(Command::Inbox));
        }
        if self.view == View::Desk {
            let shown = self.selected_transaction().map(|t| crate::domain::TransactionId::new(t.id.clone()));
            let commands = Panel::right("desk-filing")
                .resizable(true)
                .default_size(filing_width)
                .size_range(280.0..=filing_max)
                .show(ui, |ui| {
                    // A panel is as wide as its content unless told otherwise; keep the width chosen.
                    ui.set_min_width(ui.available_width());
                    let mut panel = self.filing_panel();
                    filing::show(&mut panel, ui)
                })
                .inner;
            if let Some(id) = shown {
                self.queue(commands.into_iter().map(|c| Command::Filing(id.clone(), c)));
            }
        }
        egui::CentralPanel::default().show(ui, |ui| match self.view {
            View::Desk => {
                let selected = self.selected.as_deref();
                let row = selected.and_then(|id| self.model.row(id));
                let closed = row
                    .and_then(|r| self.model.secret(r))
                    .filter(|_| selected.is_some_and(|id| !self.revealed.seen(id)));
                let duplicates = selected.map(|id| self.duplicate_words(id)).unwrap_or_default();
                let shown = crate::ui::widgets::shown_width(ui.available_width(), self.zoom);
                let width = crate::ui::widgets::drawing_width(shown, ui.ctx().pixels_per_point());
                let fit = crate::preview::Fit::new(width, ui.ctx().input(|i| i.max_texture_side) as u32);
                let mut view = detail::DetailView {
                    texts: &self.texts,
                    selected: selected.is_some(),
                    error: self.detail.error(),
                    transaction: self.detail.value().filter(|t| Some(t.id.as_str()) == selected),
                    tab: self.tab,
                    preview: self
                        .preview
                        .value()
                        .filter(|p| Some(p.transaction_id.as_str()) == selected)
                        .filter(|_| selected.is_some_and(|id| self.views.seen(id))),
                    stale: Self::stale_page(&self.preview, &self.model, selected),
                    attachment: self.attachment.value(),
                    attachment_wanted: self.attachment.is_pending(),
                    saved_copy: self.saved_copy.state(),
                    zoom: &mut self.zoom,
                    closed,
                    duplicates,
                    fields_logged: selected.is_some_and(|id| self.fields.seen(id)),
                    logging_view: selected.is_some_and(|id| {
                        !self.views.seen(id) && self.preview.value().is_some_and(|p| p.transaction_id == id)
                    }),
                    disclosure_error: self.revealed.error(selected).or_else(|| match self.tab {
                        DetailTab::Fields => self.fields.error(selected),
                        _ => self.views.error(selected),
                    }),
                };
                // What the clerk sees of the selection: its page, its closed notice, or the tab
                // chosen; in a row the inbox shows.
                let content = view.closed.is_some()
                    || view.transaction.is_some() && (view.tab != DetailTab::Preview || view.preview.is_some());
                let commands = detail::show(&mut view, ui);
                let listed = selected.is_some_and(|id| {
                    let rows = self.model.rows();
                    self.model.visible_cached().iter().any(|&i| rows.get(i).is_some_and(|r| r.id == id))
                });
                self.sight.frame(selected, content, listed, std::time::Instant::now());
                self.log_drawn();
                if let Some(id) = self.selected_transaction().map(|t| crate::domain::TransactionId::new(t.id.clone())) {
                    self.queue(commands.into_iter().map(|c| Command::Detail(id.clone(), c)));
                }
                self.follow_width(fit);
            }
            View::Failed => {
                self.sight.frame(None, false, false, std::time::Instant::now());
                let filings = &self.filings;
                let running = |id: &str| filings.running(id);
                let told = self.unfinished.value().into_iter().flatten();
                let view = failed::FailedView {
                    texts: &self.texts,
                    unfinished: self.unfinished.state(),
                    history: self.history.state(),
                    running: &running,
                    told: told
                        .filter_map(|r| Some((r.transaction_id.as_str(), filings.told(&r.transaction_id)?)))
                        .collect(),
                };
                let commands = failed::show(&view, ui);
                self.queue(commands.into_iter().map(Command::Failed));
            }
            View::Day => {
                self.sight.frame(None, false, false, std::time::Instant::now());
                self.show_day(ui);
            }
            View::Admin => {
                self.sight.frame(None, false, false, std::time::Instant::now());
                let mut view = self.admin_view();
                let commands = admin::show(&mut view, ui);
                self.queue(commands.into_iter().map(Command::Admin));
            }
        });
        if self.keys_help && super::keys_help::show(&self.texts, ui.ctx()) {
            self.queue([Command::CloseHelp]);
        }
        if let Some(answer) = self.bulk_confirm.as_ref().and_then(|c| bulk_confirm::show(&self.texts, c, ui.ctx())) {
            self.queue([Command::Bulk(answer)]);
        }
        self.apply_queue(ui.ctx());
        // With the frame's commands applied: the neighbours' pages drawn ahead, when idle.
        self.look_ahead();
    }
}

impl eframe::App for DeskApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        DeskApp::logic(self, ctx);
    }

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
