//! What the desk draws ahead: the neighbouring transactions' details and form pages, fetched and
//! drawn on the runtime while the clerk reads the selected one, and the pages drawn lately, kept
//! within a memory budget (the least recently used dropped first). Moving to the next transaction
//! then shows its page in the same frame, and pages of transactions left behind are freed (their
//! textures go when the last handle does) instead of being kept per transaction.

use crate::domain::TransactionId;
use std::collections::{HashMap, VecDeque};
use std::time::Instant;

use crate::domain::Transaction;
use crate::ui::backend::PreviewPage;
use crate::ui::request::{Requested, Spawner};
use crate::ui::widgets::PageState;

/// The width pages are drawn for until the desk is laid out, in pixels.
const FIRST_WIDTH: u32 = 1200;

/// Transactions' details kept (a few kilobytes each).
const TRANSACTIONS: usize = 16;

/// Which page: of a transaction's form PDF (`attachment_id` `None`) or of one of its attachments.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageKey {
    /// The transaction.
    pub transaction_id: String,
    /// The attachment, or `None` for the form PDF.
    pub attachment_id: Option<String>,
    /// The page, from 1.
    pub page: usize,
    /// The width in pixels it was drawn for: after a resize or a zoom, pages drawn for the old
    /// width are not used and age out.
    pub width: u32,
}

impl PageKey {
    /// Page `page` of the form PDF of `transaction_id`, drawn for `width` pixels.
    pub fn form(transaction_id: &str, page: usize, width: u32) -> Self {
        Self { transaction_id: transaction_id.to_owned(), attachment_id: None, page, width }
    }

    /// The key of a drawn page.
    pub fn of(state: &PageState) -> Self {
        Self {
            transaction_id: state.transaction_id.clone(),
            attachment_id: state.attachment_id.clone(),
            page: state.page,
            width: state.width,
        }
    }
}

/// Drawn pages within a byte budget, least recently used dropped first.
pub struct PageCache {
    entries: VecDeque<(PageKey, PageState, usize)>,
    used: usize,
    budget: usize,
}

impl PageCache {
    /// An empty cache holding at most `budget` bytes (the newest page is always kept).
    pub fn new(budget: usize) -> Self {
        Self { entries: VecDeque::new(), used: 0, budget }
    }

    /// The page, now the most recently used.
    pub fn get(&mut self, key: &PageKey) -> Option<PageState> {
        let at = self.entries.iter().position(|(k, _, _)| k == key)?;
        let entry = self.entries.remove(at)?;
        let state = entry.1.clone();
        self.entries.push_back(entry);
        Some(state)
    }

    /// Whether the page is here (without using it).
    pub fn contains(&self, key: &PageKey) -> bool {
        self.entries.iter().any(|(k, _, _)| k == key)
    }

    /// Keeps a drawn page (one that could not be drawn is not kept: it is asked for again).
    pub fn insert(&mut self, state: &PageState) {
        if state.texture.is_err() {
            return;
        }
        let key = PageKey::of(state);
        if let Some(at) = self.entries.iter().position(|(k, _, _)| *k == key)
            && let Some((_, _, cost)) = self.entries.remove(at)
        {
            self.used -= cost;
        }
        let cost = cost(state);
        self.entries.push_back((key, state.clone(), cost));
        self.used += cost;
        self.trim();
    }

    /// Makes room for a page of `bytes` about to be drawn: the pages it will displace go now, so
    /// their textures are freed before it comes, not in the frame that makes its texture.
    pub fn make_room(&mut self, bytes: usize) {
        while self.used + bytes > self.budget
            && let Some((_, _, cost)) = self.entries.pop_front()
        {
            self.used -= cost;
        }
    }

    /// Holds at most `budget` bytes from now on (see [`budget_for`]).
    pub fn set_budget(&mut self, budget: usize) {
        self.budget = budget;
        self.trim();
    }

    fn trim(&mut self) {
        while self.used > self.budget && self.entries.len() > 1 {
            if let Some((_, _, cost)) = self.entries.pop_front() {
                self.used -= cost;
            }
        }
    }

    /// Bytes held.
    pub fn used(&self) -> usize {
        self.used
    }

    /// Pages held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

/// The budget for pages drawn `width` pixels wide: three A4 pages (the selection's and its two
/// neighbours') and 2 MiB for their files: 20 MiB at 1050 px (1920×1080), 25 MiB at 1200 px.
/// Without `look_ahead` (on the attachments tab, where no form page is drawn ahead), one page
/// and 2 MiB: the attachment shown, or the one left when it does not fit beside the next.
pub fn budget_for(width: u32, look_ahead: bool) -> usize {
    let pages = if look_ahead { 3 } else { 1 };
    pages * page_cost(width) + 2 * 1024 * 1024
}

/// The texture of an A4 page drawn `width` pixels wide, in bytes.
pub fn page_cost(width: u32) -> usize {
    let width = width as usize;
    width * (width * 1415 / 1000) * 4
}

/// What a page holds in memory: its texture (4 bytes a pixel) and the file it was drawn from.
fn cost(state: &PageState) -> usize {
    let texture = state.texture.as_ref().map_or(0, |t| t.size()[0] * t.size()[1] * 4);
    let bytes = state.bytes.as_ref().map_or(0, |b| b.len());
    texture + bytes
}

/// The desk's look-ahead: details and form pages of the transactions next to the selection, and
/// the pages drawn lately.
pub struct Prefetch {
    /// Whether neighbours are drawn ahead (`KIRJAAMO_PREFETCH=off` turns it off, for the cold
    /// figure of `scripts/bench-desk.py`).
    pub enabled: bool,
    /// Drawn pages, of the selection and of its neighbours.
    pub pages: PageCache,
    transactions: HashMap<TransactionId, Transaction>,
    order: VecDeque<TransactionId>,
    loading: HashMap<TransactionId, Requested<Transaction, Box<Transaction>>>,
    drawing: HashMap<TransactionId, Requested<PageState, PreviewPage>>,
    /// Transactions whose details or page could not be had ahead: not asked again while they
    /// stay next to the selection (selecting one asks, and says why).
    failed: Vec<TransactionId>,
    /// When the selection changed, until its form page is drawn, and whether that page was here
    /// already (logged at debug level for `scripts/bench-desk.py`).
    pub selected_at: Option<(Instant, bool)>,
    /// When an attachment was asked for, until it is drawn (logged likewise).
    pub attachment_at: Option<Instant>,
}

impl Default for Prefetch {
    fn default() -> Self {
        let enabled = std::env::var("KIRJAAMO_PREFETCH").map_or(true, |v| v != "off");
        Self {
            enabled,
            pages: PageCache::new(budget_for(FIRST_WIDTH, true)),
            transactions: HashMap::new(),
            order: VecDeque::new(),
            loading: HashMap::new(),
            drawing: HashMap::new(),
            failed: Vec::new(),
            selected_at: None,
            attachment_at: None,
        }
    }
}

impl Prefetch {
    /// The details of `id`, if fetched lately.
    pub fn transaction(&self, id: &str) -> Option<&Transaction> {
        self.transactions.get(id)
    }

    /// Keeps the details of a transaction (the oldest of more than a few are dropped).
    pub fn remember(&mut self, transaction: &Transaction) {
        let id = TransactionId::new(transaction.id.clone());
        self.order.retain(|o| *o != id);
        self.order.push_back(id.clone());
        self.transactions.insert(id, transaction.clone());
        while self.order.len() > TRANSACTIONS {
            if let Some(old) = self.order.pop_front() {
                self.transactions.remove(&old);
            }
        }
    }

    /// Takes the answers that came: details are kept, drawn pages made into textures by `page`
    /// (on the UI thread) and kept.
    pub fn poll(&mut self, mut page: impl FnMut(PreviewPage) -> PageState) {
        let (mut came, mut failed) = (Vec::new(), Vec::new());
        self.loading.retain(|id, request| {
            if !request.poll_with(|t| *t) {
                return true;
            }
            match request.value() {
                Some(transaction) => came.push(transaction.clone()),
                None => failed.push(id.clone()),
            }
            false
        });
        for transaction in &came {
            self.remember(transaction);
        }
        let mut drawn = Vec::new();
        self.drawing.retain(|id, request| {
            if !request.poll_with(&mut page) {
                return true;
            }
            match request.value() {
                Some(state) if state.texture.is_ok() => drawn.push(state.clone()),
                _ => failed.push(id.clone()),
            }
            false
        });
        for state in &drawn {
            self.pages.insert(state);
        }
        self.failed.extend(failed);
    }

    /// Whether the details of `id` or the drawing of its form page are on their way.
    pub fn is_busy(&self, id: &str) -> bool {
        self.loading.contains_key(id) || self.drawing.contains_key(id) || self.failed.iter().any(|f| f == id)
    }

    /// Whether a form page is being drawn ahead (one at a time, so the selection's own drawing
    /// keeps a core).
    pub fn is_drawing(&self) -> bool {
        !self.drawing.is_empty()
    }

    /// Fetches the details of `id` ahead.
    pub fn load(
        &mut self,
        id: &str,
        spawner: &Spawner,
        work: impl Future<Output = Result<Box<Transaction>, crate::plain::Told>> + Send + 'static,
    ) {
        self.loading.entry(TransactionId::new(id)).or_default().request(spawner, work);
    }

    /// Draws the form page of `id` ahead.
    pub fn draw(
        &mut self,
        id: &str,
        spawner: &Spawner,
        work: impl Future<Output = Result<PreviewPage, crate::plain::Told>> + Send + 'static,
    ) {
        self.drawing.entry(TransactionId::new(id)).or_default().request(spawner, work);
    }

    /// Drops the work ahead for transactions that are no longer next to the selection (their
    /// answers are dropped when they come).
    pub fn keep_only(&mut self, ids: &[String]) {
        let near = |id: &TransactionId| ids.iter().any(|i| i == id);
        self.loading.retain(|id, _| near(id));
        self.drawing.retain(|id, _| near(id));
        self.failed.retain(near);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::{PageCache, PageKey};
    use crate::ui::widgets::PageState;

    fn page(ctx: &egui::Context, id: &str, page: usize, side: usize) -> PageState {
        let image = egui::ColorImage::filled([side, side], egui::Color32::WHITE);
        let texture = ctx.load_texture(format!("{id}-{page}"), image, egui::TextureOptions::LINEAR);
        PageState {
            transaction_id: id.to_owned(),
            attachment_id: None,
            bytes: Ok(Arc::new(vec![0; 1000])),
            page,
            pages: 2,
            width: 1000,
            texture: Ok(texture),
        }
    }

    #[test]
    fn room_is_made_before_a_page_is_drawn_and_the_budget_follows_the_width() {
        let ctx = egui::Context::default();
        let mut cache = PageCache::new(125_000);
        for id in ["a", "b", "c"] {
            cache.insert(&page(&ctx, id, 1, 100));
        }
        assert_eq!(cache.len(), 3);
        cache.make_room(41_000);
        assert_eq!(cache.len(), 2, "one page goes before the next is drawn");
        assert!(!cache.contains(&PageKey::form("a", 1, 1000)), "the least recently used");
        cache.make_room(1_000_000);
        assert_eq!(cache.len(), 0);
        assert_eq!(super::page_cost(1000), 1000 * 1415 * 4);
        assert!(super::budget_for(1050, true) < super::budget_for(1200, true));
        assert!(super::budget_for(1050, true) >= 3 * super::page_cost(1050));
        assert!(super::budget_for(1050, false) < 2 * super::page_cost(1050));
        let mut cache = PageCache::new(super::budget_for(1200, true));
        cache.insert(&page(&ctx, "x", 1, 1000));
        cache.insert(&page(&ctx, "y", 1, 1000));
        cache.set_budget(4_100_000);
        assert_eq!(cache.len(), 1, "a smaller budget drops pages at once");
    }

    #[test]
    fn pages_stay_within_the_budget_and_the_least_recently_used_goes_first() {
        let ctx = egui::Context::default();
        // Each page is 100×100×4 + 1000 = 41,000 bytes: three fit in 125,000.
        let mut cache = PageCache::new(125_000);
        for id in ["a", "b", "c"] {
            cache.insert(&page(&ctx, id, 1, 100));
        }
        assert_eq!((cache.len(), cache.used()), (3, 123_000));
        // "a" is used again, so "b" is the least recently used when "d" comes.
        assert!(cache.get(&PageKey::form("a", 1, 1000)).is_some());
        cache.insert(&page(&ctx, "d", 1, 100));
        assert_eq!(cache.len(), 3);
        assert!(!cache.contains(&PageKey::form("b", 1, 1000)), "the least recently used page went");
        for id in ["a", "c", "d"] {
            assert!(cache.contains(&PageKey::form(id, 1, 1000)), "{id} stays");
        }
        // The same page drawn again replaces the old one.
        cache.insert(&page(&ctx, "d", 1, 100));
        assert_eq!((cache.len(), cache.used()), (3, 123_000));
        // A page larger than the budget is kept alone (the one on screen is never dropped).
        cache.insert(&page(&ctx, "e", 1, 200));
        assert_eq!(cache.len(), 1);
        assert!(cache.contains(&PageKey::form("e", 1, 1000)));
    }

    #[test]
    fn a_dropped_page_frees_its_texture() {
        let ctx = egui::Context::default();
        let mut cache = PageCache::new(50_000);
        cache.insert(&page(&ctx, "a", 1, 100));
        let before = ctx.tex_manager().read().num_allocated();
        cache.insert(&page(&ctx, "b", 1, 100));
        // "a" went out of the cache and no other handle held it: egui freed its texture.
        assert_eq!(ctx.tex_manager().read().num_allocated(), before);
    }
}
