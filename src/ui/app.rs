//! The desk window: inbox on the left, the transaction in the middle, filing on the right.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Key, Panel};

use super::backend::{Backend, PreviewPage, Reply};

/// Width in pixels at which preview pages are drawn (scaled to the panel when shown).
const PREVIEW_WIDTH: u32 = 1000;
use super::filing::FilingView;
use super::request::RequestState;
use super::{detail, filing, inbox};
use crate::contract::outbox::TransactionSummary;
use crate::domain::Transaction;
use crate::export::EventKind;

/// The clerk desk.
pub struct DeskApp {
    pub(super) backend: Backend,
    pub(super) inbox: RequestState<Vec<TransactionSummary>>,
    pub(super) filter: String,
    pub(super) selected: Option<String>,
    pub(super) detail: RequestState<Transaction>,
    pub(super) filings: HashMap<String, FilingView>,
    pub(super) focus_filter: bool,
    pub(super) preview: Option<PreviewState>,
    pub(super) show_fields: bool,
    pub(super) unfinished: RequestState<Vec<crate::export::FilingRecord>>,
}

/// The preview of the selected transaction's form PDF.
pub struct PreviewState {
    /// The transaction.
    pub transaction_id: String,
    /// Its PDF.
    pub pdf: Arc<Vec<u8>>,
    /// Page shown, from 1.
    pub page: usize,
    /// Pages in all.
    pub pages: usize,
    /// The drawn page, or the error.
    pub texture: Result<egui::TextureHandle, String>,
}

impl DeskApp {
    /// A desk on `backend`; asks for the inbox at once.
    pub fn new(backend: Backend) -> Self {
        let mut app = Self {
            backend,
            inbox: RequestState::default(),
            filter: String::new(),
            selected: None,
            detail: RequestState::default(),
            filings: HashMap::new(),
            focus_filter: false,
            preview: None,
            show_fields: false,
            unfinished: RequestState::default(),
        };
        app.refresh();
        app
    }

    /// Uses Liberation Sans (the PDF's font, which covers Finnish, Swedish and the symbols the
    /// desk shows) before egui's own fonts.
    pub fn install_fonts(ctx: &egui::Context) {
        let mut fonts = egui::FontDefinitions::default();
        for (name, data) in [
            ("liberation-sans", &include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf")[..]),
            ("liberation-sans-bold", &include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf")[..]),
        ] {
            fonts.font_data.insert(name.to_owned(), std::sync::Arc::new(egui::FontData::from_static(data)));
        }
        if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
            family.insert(0, "liberation-sans".to_owned());
        }
        ctx.set_fonts(fonts);
    }

    /// Asks for the inbox again; the current list stays until the answer.
    pub fn refresh(&mut self) {
        self.inbox.start();
        self.backend.refresh_inbox();
        self.unfinished.start();
        self.backend.refresh_unfinished();
    }

    /// Selects a transaction and asks for its details.
    pub fn select(&mut self, id: &str) {
        if self.selected.as_deref() == Some(id) {
            return;
        }
        self.selected = Some(id.to_owned());
        self.preview = None;
        self.detail.start();
        self.backend.load(id);
    }

    /// Files the selected transaction with its service's defaults.
    pub fn file_selected(&mut self) {
        let Some(transaction) = self.detail.value().filter(|t| Some(&t.id) == self.selected.as_ref()).cloned() else {
            return;
        };
        let view = self.filings.entry(transaction.id.clone()).or_default();
        if view.running {
            return;
        }
        *view = FilingView { running: true, ..FilingView::default() };
        let pdf = self.preview.as_ref().filter(|p| p.transaction_id == transaction.id).map(|p| Arc::clone(&p.pdf));
        if let Err(message) = self.backend.file_default(&transaction, pdf) {
            *view = FilingView { result: Some(Err(message)), ..FilingView::default() };
        }
    }

    /// Shows page `page` of the current preview.
    pub fn preview_page(&mut self, page: usize) {
        let Some(preview) = &self.preview else { return };
        let Some(transaction) = self.detail.value().filter(|t| t.id == preview.transaction_id) else { return };
        if page >= 1 && page <= preview.pages {
            self.backend.preview(transaction, Some(Arc::clone(&preview.pdf)), page, PREVIEW_WIDTH);
        }
    }

    fn take_replies(&mut self, ctx: &egui::Context) {
        for reply in self.backend.poll() {
            match reply {
                Reply::Inbox(result) => {
                    self.inbox.finish(result);
                }
                Reply::Transaction(id, result) => {
                    if self.selected.as_deref() == Some(id.as_str()) {
                        if let Ok(transaction) = &result {
                            self.backend.preview(transaction, None, 1, PREVIEW_WIDTH);
                        }
                        self.detail.finish(result.map(|t| *t));
                    }
                }
                Reply::Preview(page) => {
                    if self.selected.as_deref() == Some(page.transaction_id.as_str()) {
                        let texture = page.raster.map(|raster| {
                            let size = [raster.width as usize, raster.height as usize];
                            let image = egui::ColorImage::from_rgba_premultiplied(size, &raster.rgba);
                            ctx.load_texture("form-preview", image, egui::TextureOptions::LINEAR)
                        });
                        let PreviewPage { transaction_id, pdf, page, pages, .. } = *page;
                        self.preview = Some(PreviewState { transaction_id, pdf, page, pages, texture });
                    }
                }
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
                    let view = self.filings.entry(id).or_default();
                    view.running = false;
                    view.result = Some(result);
                    self.refresh();
                }
                Reply::Unfinished(result) => self.unfinished.finish(result),
            }
        }
    }

    fn keyboard(&mut self, ui: &egui::Ui) {
        if ui.ctx().egui_wants_keyboard_input() {
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                ui.ctx().memory_mut(|m| m.stop_text_input());
            }
            return;
        }
        let (down, up, enter, slash) = ui.input(|i| {
            (
                i.key_pressed(Key::ArrowDown) || i.key_pressed(Key::J),
                i.key_pressed(Key::ArrowUp) || i.key_pressed(Key::K),
                i.key_pressed(Key::Enter),
                i.key_pressed(Key::Slash),
            )
        });
        if down || up {
            let rows = inbox::visible(self);
            let at = self.selected.as_ref().and_then(|s| rows.iter().position(|r| &r.id == s));
            let next = match (at, down) {
                (None, _) => 0,
                (Some(i), true) => (i + 1).min(rows.len().saturating_sub(1)),
                (Some(i), false) => i.saturating_sub(1),
            };
            if let Some(id) = rows.get(next).map(|row| row.id.clone()) {
                self.select(&id);
            }
        }
        if enter {
            self.file_selected();
        }
        if slash {
            self.focus_filter = true;
        }
    }

    /// Draws the desk; shared by the window and the tests.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.take_replies(&ui.ctx().clone());
        self.keyboard(ui);
        Panel::top("desk-top").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Kirjaamo");
                ui.label(format!("Yhteys: {}", self.backend.label));
                if ui.button("Päivitä").clicked() {
                    self.refresh();
                }
                if self.inbox.is_pending() {
                    ui.spinner();
                }
            });
        });
        Panel::left("desk-inbox").resizable(true).default_size(380.0).show(ui, |ui| inbox::show(self, ui));
        Panel::right("desk-filing").resizable(true).default_size(320.0).show(ui, |ui| filing::show(self, ui));
        egui::CentralPanel::default().show(ui, |ui| detail::show(self, ui));
    }
}

impl eframe::App for DeskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}
