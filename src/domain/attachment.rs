//! A file the citizen attached to a transaction.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Metadata of an attachment; the bytes are downloaded from the outbox separately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Attachment {
    /// Id of the attachment within its transaction, e.g. `A1`.
    pub id: String,
    /// File name as the citizen's file had it. Never use it as a local path.
    pub filename: String,
    /// MIME type, e.g. `application/pdf`.
    pub content_type: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
}
