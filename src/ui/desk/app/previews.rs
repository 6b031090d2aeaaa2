//! Pages without waiting: each frame the desk takes what its look-ahead brought and, once the
//! selected transaction's form page is drawn, fetches and draws its neighbours' (the next one,
//! then the one before) one at a time; with nothing selected, the first row's. The page left stays on screen, dimmed, until the next one
//! is drawn; the timings are logged at debug level (`kirjaamo::timing`) for the benches.

use std::sync::Arc;

use super::{DeskApp, DetailTab, PREVIEW_WIDTH};
use crate::preview::Fit;

/// The longest texture side assumed before the first frame (any OpenGL 3 takes it).
const FIRST_MAX_SIDE: u32 = 2048;
use crate::ui::backend::PreviewPage;
use crate::ui::desk::inbox_model::InboxModel;
use crate::ui::desk::prefetch::PageKey;
use crate::ui::request::Requested;
use crate::ui::widgets::PageState;

impl DeskApp {
    /// Whether the form page of transaction `id` is drawn and kept (ahead of the clerk, or from
    /// a visit): selecting it shows the page in the same frame. For tests and benches.
    pub fn drawn_ahead(&self, id: &str) -> bool {
        self.prefetch.pages.contains(&PageKey::form(id, 1, self.draw_width()))
    }

    /// The width the selected transaction's form page on screen was drawn for, and its texture's
    /// width in pixels. For tests and benches.
    pub fn page_widths(&self) -> Option<(u32, usize)> {
        let page = self.preview.value().filter(|p| Some(p.transaction_id.as_str()) == self.selected.as_deref())?;
        Some((page.width, page.texture.as_ref().ok()?.size()[0]))
    }

    /// The width in pixels pages are drawn for now: as wide as the detail shows them (see
    /// [`crate::ui::widgets::drawing_width`]).
    pub fn draw_width(&self) -> u32 {
        self.fit().width
    }

    /// How pages are drawn now: [`Self::draw_width`] wide, within the largest texture.
    pub(super) fn fit(&self) -> Fit {
        self.drawn_fit.unwrap_or(Fit::new(PREVIEW_WIDTH, FIRST_MAX_SIDE))
    }

    /// Draws pages to `fit` from now on (the detail's width in this frame; the pages kept get the
    /// budget of three pages that wide). Checked every frame, not only when the width changes: the
    /// page on screen drawn for another width (also one that was on its way during a resize) is
    /// drawn again, and stays shown meanwhile.
    pub(super) fn follow_width(&mut self, fit: Fit) {
        let width = fit.width;
        if self.drawn_fit != Some(fit) {
            self.drawn_fit = Some(fit);
            tracing::debug!(target: "kirjaamo::timing", width, "pages drawn {width} px wide from now on");
        }
        // On the attachments tab no form page is drawn ahead: the budget shrinks to one page.
        let look_ahead = self.tab != DetailTab::Attachments;
        self.prefetch.pages.set_budget(crate::ui::desk::prefetch::budget_for(width, look_ahead));
        let selected = self.selected.as_deref();
        let other_width = |p: &&PageState| Some(p.transaction_id.as_str()) == selected && p.width != width;
        let form = self.preview.value().filter(other_width).filter(|_| !self.preview.is_pending());
        let form = form.and_then(|p| Some((Arc::clone(p.bytes.as_ref().ok()?), p.page)));
        let attachment = self.attachment.value().filter(other_width).filter(|_| !self.attachment.is_pending());
        let attachment =
            attachment.and_then(|p| Some((Arc::clone(p.bytes.as_ref().ok()?), p.attachment_id.clone()?, p.page)));
        if form.is_none() && attachment.is_none() {
            return;
        }
        let Some(transaction) = self.selected_transaction().cloned() else { return };
        if let Some((pdf, page)) = form {
            let work = self.backend.preview(&transaction, Some(pdf), page, fit);
            self.preview.request(&self.backend.spawner(), work);
        }
        if let Some((bytes, id, page)) = attachment {
            let work = self.backend.attachment(&transaction, &id, Some(bytes), page, fit);
            self.attachment.request(&self.backend.spawner(), work);
        }
    }

    /// Turns drawing ahead on or off (on by default; `KIRJAAMO_PREFETCH=off` starts it off).
    pub fn set_prefetch(&mut self, on: bool) {
        self.prefetch.enabled = on;
    }

    /// The rows next to the selection in the inbox's order: the next one, then the one before.
    /// With nothing selected, the first row (the one ↓ selects).
    fn neighbours(&mut self) -> Vec<String> {
        self.model.visible();
        let (visible, rows) = (self.model.visible_cached(), self.model.rows());
        let id = |i: usize| visible.get(i).and_then(|&row| rows.get(row)).map(|r| r.id.clone());
        let Some(selected) = self.selected.as_deref() else { return id(0).into_iter().collect() };
        // Found without a copy of any id: this runs every frame while something is left to draw.
        let Some(at) = visible.iter().position(|&row| rows.get(row).is_some_and(|r| r.id == selected)) else {
            return Vec::new();
        };
        let before = at.checked_sub(1).and_then(id);
        [id(at + 1), before].into_iter().flatten().collect()
    }

    /// Asks for the next piece of look-ahead (what was fetched and drawn ahead is taken with the
    /// other answers).
    pub(super) fn look_ahead(&mut self) {
        // Nothing is drawn ahead before the desk is laid out and the width known.
        if !self.prefetch.enabled || self.drawn_fit.is_none() {
            return;
        }
        // On the attachments tab the clerk looks at attachments: no form page is drawn there.
        if self.tab == DetailTab::Attachments {
            return;
        }
        // The selection's own page first: nothing is drawn ahead while it is on its way.
        if let Some(selected) = &self.selected {
            let drawn = self.preview.value().is_some_and(|p| &p.transaction_id == selected);
            if !drawn || self.preview.is_pending() || self.detail.is_pending() {
                return;
            }
        }
        let ids = self.neighbours();
        self.prefetch.keep_only(&ids);
        for id in &ids {
            if self.prefetch.is_busy(id) || self.prefetch.pages.contains(&PageKey::form(id, 1, self.draw_width())) {
                continue;
            }
            let spawner = self.backend.spawner();
            match self.prefetch.transaction(id).cloned() {
                None => {
                    let work = self.backend.load(id);
                    self.prefetch.load(id, &spawner, work);
                }
                Some(transaction) if !self.prefetch.is_drawing() => {
                    self.prefetch.pages.make_room(crate::ui::desk::prefetch::page_cost(self.draw_width()));
                    let work = self.backend.preview(&transaction, None, 1, self.fit());
                    self.prefetch.draw(id, &spawner, work);
                }
                Some(_) => {}
            }
        }
    }

    /// The page of the transaction left, shown dimmed until the selection's is drawn; never one
    /// of a secret transaction (opened or not), whose content shows only after a click.
    /// (A function of the fields it reads, so the detail can borrow the zoom beside it.)
    pub(super) fn stale_page<'a>(
        preview: &'a Requested<PageState, PreviewPage>,
        model: &InboxModel,
        selected: Option<&str>,
    ) -> Option<&'a PageState> {
        let page = preview.value()?;
        let left = selected != Some(page.transaction_id.as_str());
        let row = model.row(&page.transaction_id)?;
        (left && model.secret(row).is_none()).then_some(page)
    }

    /// Whether the selected transaction `id` is secret and its content not opened yet.
    pub(super) fn is_closed(&self, id: &str) -> bool {
        let secret = self.model.row(id).and_then(|r| self.model.secret(r)).is_some();
        secret && !self.revealed.seen(id)
    }

    /// Shows attachment `attachment_id` of the selected transaction from `page`: at once when it
    /// was drawn lately, else fetched (or from `bytes`) and drawn.
    pub(super) fn open_attachment(&mut self, attachment_id: &str, page: usize, bytes: Option<Arc<Vec<u8>>>) {
        let Some(transaction) = self.selected_transaction().cloned() else { return };
        let (id, fit) = (transaction.id.clone(), self.fit());
        let width = fit.width;
        let key = PageKey { transaction_id: id, attachment_id: Some(attachment_id.to_owned()), page, width };
        self.prefetch.attachment_at = Some(std::time::Instant::now());
        if let Some(state) = self.prefetch.pages.get(&key) {
            self.attachment.set(state);
            return;
        }
        self.prefetch.pages.make_room(crate::ui::desk::prefetch::page_cost(width));
        let work = self.backend.attachment(&transaction, attachment_id, bytes, page, fit);
        if page == 1 {
            // Another attachment is not shown while this one is on its way.
            self.attachment.clear();
            self.saved_copy.clear();
        }
        self.attachment.request(&self.backend.spawner(), work);
    }

    /// On the attachments tab, the first attachment that has a preview (else the first) opens by
    /// itself when none is shown yet.
    pub(super) fn open_first_attachment(&mut self) {
        let Some(transaction) = self.selected_transaction() else { return };
        let shown = self.attachment.value().is_some_and(|a| a.transaction_id == transaction.id);
        let attachments = &transaction.attachments;
        let first = attachments.iter().find(|a| crate::preview::previewable(&a.content_type)).or(attachments.first());
        if let Some(first) = first.map(|a| a.id.clone())
            && !shown
            && !self.attachment.is_pending()
        {
            self.open_attachment(&first, 1, None);
        }
    }

    /// Shows the selected transaction's form page unless one of its pages is shown already: at
    /// once when it was drawn ahead or lately, else drawn. Not on the attachments tab, where it is
    /// not seen (it is drawn when the clerk turns to the preview).
    pub(super) fn show_selected_form(&mut self) {
        let Some(transaction) = self.detail.value() else { return };
        let id = transaction.id.as_str();
        let shown = self.preview.value().is_some_and(|p| p.transaction_id == id);
        if self.tab == DetailTab::Attachments || shown {
            return;
        }
        match self.prefetch.pages.get(&PageKey::form(id, 1, self.draw_width())) {
            Some(page) => {
                self.preview.set(page);
                if let Some((_, hit)) = &mut self.prefetch.selected_at {
                    *hit = true;
                }
            }
            None => {
                let work = self.backend.preview(transaction, None, 1, self.fit());
                self.preview.request(&self.backend.spawner(), work);
            }
        }
    }

    /// Shows page `page` of the form PDF: at once when it was drawn lately, else drawn.
    pub(super) fn show_form_page(&mut self, page: usize) {
        let Some(transaction) = self.selected_transaction().cloned() else { return };
        if let Some(state) = self.prefetch.pages.get(&PageKey::form(&transaction.id, page, self.draw_width())) {
            self.preview.set(state);
            return;
        }
        let pdf =
            self.preview.value().filter(|p| p.transaction_id == transaction.id).and_then(|p| p.bytes.clone().ok());
        if let Some(pdf) = pdf {
            let work = self.backend.preview(&transaction, Some(pdf), page, self.fit());
            self.preview.request(&self.backend.spawner(), work);
        }
    }

    /// Logs (at debug level, for `scripts/bench-desk.py`) how long the selected transaction's
    /// form page, or the attachment asked for, took to be drawn, once it has been.
    pub(super) fn log_drawn(&mut self) {
        let selected = self.selected.as_deref();
        if self.tab != DetailTab::Preview || selected.is_some_and(|id| self.is_closed(id)) {
            // Not on screen: nothing to time.
            self.prefetch.selected_at = None;
        }
        let form = self.preview.value().is_some_and(|p| Some(p.transaction_id.as_str()) == selected);
        if self.tab == DetailTab::Preview
            && form
            && let Some((at, hit)) = self.prefetch.selected_at.take()
        {
            let ms = at.elapsed().as_secs_f64() * 1000.0;
            let ahead = if hit { "drawn ahead" } else { "drawn on selection" };
            let (kept, mib) = (self.prefetch.pages.len(), self.prefetch.pages.used() / (1024 * 1024));
            let width = self.draw_width();
            tracing::debug!(
                target: "kirjaamo::timing",
                ms,
                "preview drawn {ms:.1} ms after the selection ({ahead}); {kept} pages kept, {mib} MiB, {width} px wide"
            );
        }
        let attachment = self.attachment.value().is_some_and(|a| Some(a.transaction_id.as_str()) == selected);
        if self.tab == DetailTab::Attachments
            && attachment
            && !self.attachment.is_pending()
            && let Some(at) = self.prefetch.attachment_at.take()
        {
            let ms = at.elapsed().as_secs_f64() * 1000.0;
            let what = self.attachment.value().and_then(|a| {
                let file = self.detail.value()?.attachments.iter().find(|f| Some(&f.id) == a.attachment_id.as_ref())?;
                let size = a.texture.as_ref().ok()?.size();
                Some(format!("{}, {} bytes, drawn {}×{}", file.content_type, file.size, size[0], size[1]))
            });
            let what = what.unwrap_or_default();
            tracing::debug!(target: "kirjaamo::timing", ms, "attachment drawn {ms:.1} ms after it was asked for ({what})");
        }
    }
}
