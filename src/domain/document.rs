//! A TWeb document (asiakirja).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::RecordsProperties;

/// A registered document, on a case or unregistered (no case yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Document {
    /// TWeb's internal id.
    pub id: u64,
    /// The case it belongs to; `None` for an unregistered document.
    pub case_id: Option<u64>,
    /// Title of the document.
    pub title: String,
    /// Code of the document type.
    pub document_type: String,
    /// Records properties inherited from the document type (and the case group, when on a case).
    pub records: RecordsProperties,
    /// File name of the content.
    pub filename: String,
    /// MIME type of the content.
    pub content_type: String,
    /// Size of the content in bytes.
    pub size: u64,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
    /// When the document arrived (saapumispäivä).
    pub received_date: NaiveDate,
    /// When the document was registered.
    pub created_at: DateTime<Utc>,
    /// Caller-chosen reference that makes creation idempotent, e.g. `epalvelu:TX-1:att:A2`.
    pub external_ref: Option<String>,
}
