//! Requests and answers of the ePalvelu outbox API (`/api/v1`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::domain::{Language, Service, Transaction};

/// Header carrying an attachment's SHA-256 (lower-case hex) on download.
pub const SHA256_HEADER: &str = "x-content-sha256";

/// Default length of a claim's lease in seconds.
pub const DEFAULT_LEASE_SECONDS: u32 = 300;

/// Query of `GET /transactions`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TransactionQuery {
    /// Only transactions of this e-service id.
    pub service: Option<String>,
    /// Opaque cursor from a previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// Items per page, 1–200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

/// Who holds a transaction and until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ClaimInfo {
    /// Display name of the clerk holding the claim.
    pub holder: String,
    /// When the lease ends unless renewed.
    pub expires_at: DateTime<Utc>,
}

/// A pending transaction in a list: enough for an inbox row, without form data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TransactionSummary {
    /// Transaction id.
    pub id: String,
    /// E-service.
    pub service: Service,
    /// Submission time.
    pub submitted_at: DateTime<Utc>,
    /// Language of the form.
    pub language: Language,
    /// Title.
    pub title: String,
    /// Submitter's name (the personal id is only in the full transaction).
    pub submitter_name: String,
    /// Number of attachments.
    pub attachment_count: u32,
    /// Total attachment size in bytes.
    pub attachment_bytes: u64,
    /// Current claim, if a clerk holds one.
    pub claim: Option<ClaimInfo>,
    /// Whether the transaction carries a henkilötunnus (the submitter's, or one typed in a field).
    #[serde(default)]
    pub holds_personal_id: bool,
    /// Whether the submitter has a protection order (turvakielto): their address is secret.
    #[serde(default)]
    pub protection_order: bool,
    /// Opaque, stable reference to the identified submitter: the same person or organisation has
    /// the same reference in every transaction. Never the henkilötunnus, nor derivable from it
    /// without the server's key.
    #[serde(default)]
    pub submitter_ref: String,
    /// Digest of the service and the field values: two transactions with the same digest carry
    /// the same answers (a possible duplicate).
    #[serde(default)]
    pub content_digest: String,
}

/// One page of pending transactions, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TransactionPage {
    /// Transactions on this page.
    pub items: Vec<TransactionSummary>,
    /// Cursor of the next page; `None` on the last page.
    pub next_cursor: Option<String>,
}

/// A transaction with its outbox state (`GET /transactions/{id}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TransactionDetail {
    /// The transaction.
    pub transaction: Transaction,
    /// Current claim, if any.
    pub claim: Option<ClaimInfo>,
    /// The filing result, once completed.
    pub completion: Option<Completion>,
}

/// An e-service with its number of pending transactions (`GET /services`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ServiceSummary {
    /// Service id.
    pub id: String,
    /// Service name in Finnish.
    pub name: String,
    /// Pending (not completed) transactions.
    pub pending: u32,
}

/// Body of `POST /transactions/{id}/claim`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimRequest {
    /// Display name of the clerk, shown to other clerks: 1–100 characters, not only white space.
    #[schema(
        min_length = 1,
        max_length = 100,
        pattern = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
    )]
    pub clerk: String,
    /// Lease length, 1–3600 seconds, default 300.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 3600)]
    pub lease_seconds: Option<u32>,
    /// Token of a claim this clerk already holds, to renew it.
    #[serde(default)]
    pub token: Option<String>,
}

/// A granted claim (lease) on a transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Claim {
    /// Secret that release and complete must present.
    pub token: String,
    /// Display name of the holder.
    pub holder: String,
    /// When the lease ends unless renewed.
    pub expires_at: DateTime<Utc>,
}

/// Body of `POST /transactions/{id}/release`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReleaseRequest {
    /// Token of the claim to release.
    pub token: String,
}

/// How a transaction was filed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FilingAction {
    /// A new case was opened.
    NewCase,
    /// Documents were added to an existing case.
    ExistingCase,
    /// Only an assignment (with an unregistered document) was made.
    AssignmentOnly,
}

/// What a filing produced in TWeb.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FilingResult {
    /// The action taken.
    pub action: FilingAction,
    /// Case the transaction was filed on.
    #[serde(default)]
    pub case_id: Option<u64>,
    /// Its diary number.
    #[serde(default)]
    pub diary_number: Option<String>,
    /// Documents created, form first.
    #[serde(default)]
    pub document_ids: Vec<u64>,
    /// Assignment created.
    #[serde(default)]
    pub assignment_id: Option<u64>,
    /// The case's title, for the receipt.
    #[serde(default)]
    pub case_title: Option<String>,
    /// The documents made, in `document_ids` order, for the receipt. When given, their ids
    /// must be `document_ids`.
    #[serde(default)]
    pub documents: Vec<FiledDocument>,
    /// The assignment's recipients and due date, for the receipt; given with `assignment_id`.
    #[serde(default)]
    pub assignment: Option<FiledAssignment>,
    /// Attachments left out of the filing because the virus scanner found malware in them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<LeftOutFile>,
}

/// An attachment a filing left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LeftOutFile {
    /// The attachment's id in the transaction.
    pub attachment_id: String,
    /// Its file name.
    pub filename: String,
    /// The malware the virus scanner found, by its signature name.
    pub signature: String,
}

/// A document a filing made, as its receipt names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FiledDocument {
    /// TWeb's document id.
    pub id: u64,
    /// Its title.
    pub title: String,
    /// Its document type code.
    pub document_type: String,
    /// Whether it is the form (otherwise an attachment).
    #[serde(default)]
    pub form: bool,
}

/// The assignment a filing sent, as its receipt names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FiledAssignment {
    /// Who received it.
    pub recipients: crate::domain::Recipients,
    /// Its due date.
    #[serde(default)]
    pub due_date: Option<chrono::NaiveDate>,
}

/// Query of `GET /completed`: completed transactions by the Helsinki date they were completed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CompletedQuery {
    /// First day, inclusive (`YYYY-MM-DD`, Helsinki time); today when left out.
    pub from: Option<chrono::NaiveDate>,
    /// Last day, inclusive; `from` when left out. At most 93 days after `from`.
    pub to: Option<chrono::NaiveDate>,
    /// Only transactions of this e-service id.
    pub service: Option<String>,
    /// Opaque cursor from a previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// Items per page, 1–200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

/// A completed transaction with its filing result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CompletedTransaction {
    /// The transaction as the pending list showed it (without a claim).
    pub transaction: TransactionSummary,
    /// Who filed it, when, and what it made.
    pub completion: Completion,
}

/// One page of completed transactions, latest completion first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CompletedPage {
    /// Completed transactions on this page.
    pub items: Vec<CompletedTransaction>,
    /// Cursor of the next page; `None` on the last page.
    pub next_cursor: Option<String>,
}

/// How long after completing a transaction its clerk may reopen it, in minutes.
pub const REOPEN_MINUTES: i64 = 15;

/// Body of `POST /transactions/{id}/reopen`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReopenRequest {
    /// Display name of the clerk who completed it.
    #[schema(
        min_length = 1,
        max_length = 100,
        pattern = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
    )]
    pub clerk: String,
}

/// Body of `POST /transactions/{id}/complete`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompleteRequest {
    /// Token of the claim the clerk holds.
    pub token: String,
    /// The filing result to record.
    pub result: FilingResult,
}

/// A recorded completion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Completion {
    /// Who completed it.
    pub completed_by: String,
    /// When.
    pub completed_at: DateTime<Utc>,
    /// What the filing produced.
    pub result: FilingResult,
}
