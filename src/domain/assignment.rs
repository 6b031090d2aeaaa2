//! A TWeb assignment (toimeksianto).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Who receives an assignment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Recipients {
    /// User ids.
    #[serde(default)]
    pub users: Vec<String>,
    /// Group ids.
    #[serde(default)]
    pub groups: Vec<String>,
}

impl Recipients {
    /// True when nobody would receive the assignment.
    pub fn is_empty(&self) -> bool {
        self.users.is_empty() && self.groups.is_empty()
    }
}

/// Where an assignment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentStatus {
    /// Sent, not yet opened.
    Open,
    /// A recipient has taken it.
    Accepted,
    /// Done.
    Done,
}

/// A task sent to users or groups, about a case, some documents, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Assignment {
    /// TWeb's internal id.
    pub id: u64,
    /// Subject line.
    pub subject: String,
    /// Message to the recipients.
    pub message: Option<String>,
    /// Due date.
    pub due_date: Option<NaiveDate>,
    /// Recipients.
    pub recipients: Recipients,
    /// Target case.
    pub case_id: Option<u64>,
    /// Target documents.
    pub document_ids: Vec<u64>,
    /// Status.
    pub status: AssignmentStatus,
    /// When it was sent.
    pub created_at: DateTime<Utc>,
    /// Caller-chosen reference that makes creation idempotent, e.g. `epalvelu:TX-1:assignment`.
    pub external_ref: Option<String>,
}
