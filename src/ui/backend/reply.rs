//! What the backend sends back to the UI over its channel: the filings' progress and ends (many
//! filings run at once, each keyed by its transaction), and the drawn pages of the previews.

use crate::plain::Told;
use std::sync::Arc;

use crate::contract::outbox::FilingResult;
pub use crate::domain::Catalog;
use crate::domain::TransactionId;
use crate::export::ExportEvent;

/// News of the filings for the UI.
#[derive(Debug)]
pub enum Reply {
    /// Progress of a filing.
    Event(ExportEvent),
    /// A filing ended.
    Filed(TransactionId, Result<FilingResult, Ended>),
    /// A filing's work ended without an answer.
    Lost(TransactionId),
    /// An undo ended: the withdrawn case's diary number, or why not.
    Undone(TransactionId, Result<String, Told>),
    /// Scanning ahead found malware in an attachment: the transaction goes into quarantine.
    Infected(TransactionId, crate::contract::outbox::LeftOutFile),
}

/// How a filing ended without being filed.
#[derive(Debug, Clone, PartialEq)]
pub enum Ended {
    /// It failed: what to tell the clerk.
    Failed(Told),
    /// The clerk interrupted it: the finished steps stay, and filing again goes on from them.
    Interrupted {
        /// The diary number of the case it opened, if it got that far.
        diary_number: Option<String>,
    },
    /// Nothing was made: the virus scanner found malware in these attachments (karanteeni). The
    /// clerk may file it leaving them out.
    Quarantined(Vec<crate::contract::outbox::LeftOutFile>),
    /// Nothing was made: an attachment could not be scanned (the scanner is down or too slow);
    /// filing again scans again.
    NotScanned(Told),
}

impl Ended {
    /// The end of a filing the engine reported as `error`.
    pub fn of(error: crate::export::ExportError) -> Self {
        match error {
            crate::export::ExportError::Cancelled { diary_number } => Self::Interrupted { diary_number },
            crate::export::ExportError::Quarantined { files, .. } => Self::Quarantined(files),
            error @ crate::export::ExportError::NotScanned { .. } => Self::NotScanned(Told::of(&error)),
            error => Self::Failed(Told::of(&error)),
        }
    }
}

/// One drawn page of a transaction's form PDF.
pub struct PreviewPage {
    /// The transaction.
    pub transaction_id: String,
    /// The PDF, kept so other pages and the filing use the same bytes.
    pub pdf: Arc<Vec<u8>>,
    /// Page number from 1.
    pub page: usize,
    /// Pages in all.
    pub pages: usize,
    /// The width in pixels it was drawn for.
    pub width: u32,
    /// The drawn page as egui takes it (made on the worker, so the UI thread only hands it to
    /// the painter), or why it could not be drawn.
    pub image: Result<egui::ColorImage, Told>,
}

/// An attachment as the detail shows it.
pub struct AttachmentView {
    /// The transaction.
    pub transaction_id: String,
    /// The attachment's id.
    pub attachment_id: String,
    /// Its bytes (for another page and for saving), or why they could not be fetched.
    pub bytes: Result<Arc<Vec<u8>>, Told>,
    /// Page shown, from 1.
    pub page: usize,
    /// Pages in all (1 for an image).
    pub pages: usize,
    /// The width in pixels it was drawn for (an image narrower than that keeps its own).
    pub width: u32,
    /// The drawn page as egui takes it (made on the worker, so the UI thread only hands it to
    /// the painter), or why it could not be drawn.
    pub image: Result<egui::ColorImage, Told>,
    /// Malware the virus scanner found in it (then there are no bytes and no page).
    pub infected: Option<crate::contract::outbox::LeftOutFile>,
}
