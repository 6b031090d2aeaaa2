//! What the backend sends back to the UI.

use std::sync::Arc;

use crate::contract::outbox::{FilingResult, TransactionSummary};
pub use crate::domain::Catalog;
use crate::domain::{Case, Transaction};
use crate::export::ExportEvent;
use crate::preview::Raster;

/// An answer for the UI.
#[derive(Debug)]
pub enum Reply {
    /// The pending transactions.
    Inbox(Result<Vec<TransactionSummary>, String>),
    /// One transaction.
    Transaction(String, Result<Box<Transaction>, String>),
    /// The TWeb catalog, and the mappings checked against it.
    Catalog(Result<Box<(Catalog, crate::service::CheckedMappings)>, String>),
    /// Cases found by the search numbered `.0`.
    Cases(u64, Result<Vec<Case>, String>),
    /// Cases where the submitter of transaction `.0` is a party.
    SubmitterCases(String, Result<Vec<Case>, String>),
    /// Progress of a filing.
    Event(ExportEvent),
    /// A filing ended.
    Filed(String, Result<FilingResult, String>),
    /// A page of a transaction's form PDF, drawn for the preview.
    Preview(Box<PreviewPage>),
    /// An attachment, downloaded and drawn.
    Attachment(Box<AttachmentView>),
    /// A copy of an attachment was saved (the path), or why not; `None` when the clerk cancelled.
    Saved(Option<Result<String, String>>),
    /// A pending transaction of service `.0` for previewing its templates (`None`: none pending).
    Sample(String, Result<Option<Box<Transaction>>, String>),
    /// A mapping was saved to this file, or why not.
    MappingSaved(Result<Box<(std::path::PathBuf, crate::mappings::ServiceMapping)>, String>),
    /// A mapping file the admin picked, read; `None` when cancelled.
    MappingImported(Option<Result<Box<crate::mappings::ServiceMapping>, String>>),
}

/// One drawn page of a transaction's form PDF.
#[derive(Debug)]
pub struct PreviewPage {
    /// The transaction.
    pub transaction_id: String,
    /// The PDF, kept so other pages and the filing use the same bytes.
    pub pdf: Arc<Vec<u8>>,
    /// Page number from 1.
    pub page: usize,
    /// Pages in all.
    pub pages: usize,
    /// The drawn page, or why it could not be drawn.
    pub raster: Result<Raster, String>,
}

/// An attachment as the detail shows it.
#[derive(Debug)]
pub struct AttachmentView {
    /// The transaction.
    pub transaction_id: String,
    /// The attachment's id.
    pub attachment_id: String,
    /// Its bytes (for another page and for saving), or why they could not be fetched.
    pub bytes: Result<Arc<Vec<u8>>, String>,
    /// Page shown, from 1.
    pub page: usize,
    /// Pages in all (1 for an image).
    pub pages: usize,
    /// The drawn page, or why it could not be drawn.
    pub raster: Result<Raster, String>,
}
