//! Requests and answers of the TWeb REST API (`/api/v1`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::domain::{Case, Document, Party, Recipients};

/// Names of the records properties TWeb inherits and a client may never set.
pub const INHERITED_PROPERTIES: [&str; 6] =
    ["records", "publicity", "secrecy_basis", "secrecy_period_years", "retention", "personal_data"];

/// Body of `POST /cases`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCase {
    /// Case group code such as `02.05.01`; publicity, secrecy and retention are inherited from it.
    #[schema(pattern = "^[0-9]{2}(\\.[0-9]{2}){0,3}$", example = "05.12.01")]
    pub case_group: String,
    /// Title, 1–500 characters, not only white space.
    #[schema(
        min_length = 1,
        max_length = 500,
        pattern = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
    )]
    pub title: String,
    /// Longer description.
    #[serde(default)]
    pub description: Option<String>,
    /// Parties of the case.
    #[serde(default)]
    pub parties: Vec<Party>,
    /// When the matter arrived; today when left out.
    #[serde(default)]
    pub received_date: Option<NaiveDate>,
    /// Reference that makes creation idempotent: a second case with the same ref is refused (409).
    #[serde(default)]
    pub external_ref: Option<String>,
}

/// The `metadata` part of a document upload (`POST /cases/{id}/documents`, `POST /documents`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentMetadata {
    /// Title of the document, 1–500 characters, not only white space.
    #[schema(
        min_length = 1,
        max_length = 500,
        pattern = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
    )]
    pub title: String,
    /// Document type code; publicity is inherited from it (and from the case group).
    pub document_type: String,
    /// File name to store, 1–255 characters; the `file` part's name is used when left out.
    #[serde(default)]
    #[schema(
        min_length = 1,
        max_length = 255,
        pattern = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
    )]
    pub filename: Option<String>,
    /// When the document arrived; today when left out.
    #[serde(default)]
    pub received_date: Option<NaiveDate>,
    /// SHA-256 the client computed; the upload is refused (422) when the bytes differ.
    #[serde(default)]
    pub sha256: Option<String>,
    /// Reference that makes creation idempotent: a second document with the same ref is refused (409).
    #[serde(default)]
    pub external_ref: Option<String>,
}

/// Multipart body of a document upload, for the contract only.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct DocumentUpload {
    /// JSON [`DocumentMetadata`], content type `application/json`.
    #[schema(value_type = DocumentMetadata)]
    metadata: String,
    /// The document's bytes; its content type is stored with the document.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Body of `POST /assignments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateAssignment {
    /// Subject line, 1–200 characters, not only white space.
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
    )]
    pub subject: String,
    /// Message to the recipients.
    #[serde(default)]
    pub message: Option<String>,
    /// Due date.
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    /// Users and groups; at least one.
    pub recipients: Recipients,
    /// Target case; a case or at least one document is required.
    #[serde(default)]
    pub case_id: Option<u64>,
    /// Target documents.
    #[serde(default)]
    pub document_ids: Vec<u64>,
    /// Reference that makes creation idempotent: a second assignment with the same ref is refused (409).
    #[serde(default)]
    pub external_ref: Option<String>,
}

/// How long after opening a case the opener may withdraw it, in minutes.
pub const WITHDRAW_MINUTES: i64 = 15;

/// Body of `POST /cases/{id}/withdraw`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawCase {
    /// Why, 1–500 characters, not only white space; kept in the case's description.
    #[schema(
        min_length = 1,
        max_length = 500,
        pattern = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
    )]
    pub reason: String,
}

/// Query of `GET /cases`. All given filters must match.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseQuery {
    /// Free text matched against diary number, title, description and party names.
    pub q: Option<String>,
    /// Diary number, exact or its beginning, e.g. `12/02.05.01`.
    pub diary_number: Option<String>,
    /// Part of a party's name.
    pub party: Option<String>,
    /// External ref, exact.
    pub external_ref: Option<String>,
    /// Case group code, exact.
    pub case_group: Option<String>,
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 2147483647)]
    pub page: Option<u32>,
    /// Items per page, 1–100, default 20.
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u32>,
}

/// One page of cases, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CasePage {
    /// Cases on this page.
    pub items: Vec<Case>,
    /// This page's number, from 1.
    pub page: u32,
    /// Items per page.
    pub per_page: u32,
    /// Number of matching cases over all pages.
    pub total: u64,
}

/// A case with its documents (`GET /cases/{id}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CaseDetail {
    /// The case.
    pub case: Case,
    /// Its documents, oldest first.
    pub documents: Vec<Document>,
}

/// Query of `GET /documents` and `GET /assignments`: the objects made with an external ref (a
/// case's are listed by `GET /cases/{id}/documents` and `GET /cases/{id}/assignments`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RefQuery {
    /// External ref, exact.
    #[param(min_length = 1)]
    pub external_ref: String,
    /// Only those on this case.
    pub case_id: Option<u64>,
}

/// A right of a TWeb user that Kirjaamo's filings need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Right {
    /// Read and search cases and the catalog.
    ReadCases,
    /// Open new cases.
    CreateCases,
    /// Add documents to cases (and unregistered documents).
    AddDocuments,
    /// Send assignments.
    CreateAssignments,
}

impl Right {
    /// Every right a filing may need.
    pub const ALL: [Self; 4] = [Self::ReadCases, Self::CreateCases, Self::AddDocuments, Self::CreateAssignments];
}

/// The signed-in user and their rights (`GET /me`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Me {
    /// User name.
    pub user: String,
    /// Full name.
    pub name: String,
    /// What the user may do.
    pub rights: Vec<Right>,
}
