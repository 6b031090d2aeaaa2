//! The TWeb REST client behind the [`CaseSystem`] trait: the one seam where a municipality's real
//! TWeb endpoint is adapted. [`TwebClient`] speaks the contract in `assets/api/tweb.openapi.yaml`.

mod client;

use std::future::Future;

use bytes::Bytes;
use futures_util::stream::BoxStream;

pub use client::{TwebAuth, TwebClient};

use crate::contract::tweb::{CasePage, CaseQuery, CreateAssignment, CreateCase, DocumentMetadata};
use crate::domain::{Assignment, Case, CaseGroup, Document, DocumentType, Group, User};
use crate::remote::RemoteError;

/// Reads the whole catalog at once.
pub async fn fetch_catalog(tweb: &impl CaseSystem) -> Result<crate::domain::Catalog, RemoteError> {
    let (case_groups, document_types, users, groups) =
        tokio::try_join!(tweb.case_groups(), tweb.document_types(), tweb.users(), tweb.groups())?;
    Ok(crate::domain::Catalog { case_groups, document_types, users, groups })
}

/// A document's bytes to upload, streamed.
pub struct Upload {
    /// File name stored with the document.
    pub filename: String,
    /// MIME type.
    pub content_type: String,
    /// Exact length in bytes.
    pub length: u64,
    /// The bytes.
    pub body: BoxStream<'static, Result<Bytes, std::io::Error>>,
}

impl Upload {
    /// An upload of bytes already in memory (the form PDF).
    pub fn from_bytes(filename: &str, content_type: &str, bytes: Bytes) -> Self {
        let length = bytes.len() as u64;
        let body = Box::pin(futures_util::stream::once(async move { Ok(bytes) }));
        Self { filename: filename.to_owned(), content_type: content_type.to_owned(), length, body }
    }
}

/// What Kirjaamo needs from a case management system.
pub trait CaseSystem: Send + Sync {
    /// The signed-in user and their rights.
    fn me(&self) -> impl Future<Output = Result<crate::contract::tweb::Me, RemoteError>> + Send;
    /// Case groups of the records plan.
    fn case_groups(&self) -> impl Future<Output = Result<Vec<CaseGroup>, RemoteError>> + Send;
    /// Document types.
    fn document_types(&self) -> impl Future<Output = Result<Vec<DocumentType>, RemoteError>> + Send;
    /// Users.
    fn users(&self) -> impl Future<Output = Result<Vec<User>, RemoteError>> + Send;
    /// Groups.
    fn groups(&self) -> impl Future<Output = Result<Vec<Group>, RemoteError>> + Send;
    /// Searches cases, newest first.
    fn search_cases(&self, query: &CaseQuery) -> impl Future<Output = Result<CasePage, RemoteError>> + Send;
    /// One case.
    fn get_case(&self, id: u64) -> impl Future<Output = Result<Case, RemoteError>> + Send;
    /// Opens a case.
    fn create_case(&self, request: &CreateCase) -> impl Future<Output = Result<Case, RemoteError>> + Send;
    /// Adds a document to a case, or an unregistered document when `case_id` is `None`.
    fn add_document(
        &self,
        case_id: Option<u64>,
        metadata: &DocumentMetadata,
        upload: Upload,
    ) -> impl Future<Output = Result<Document, RemoteError>> + Send;
    /// Sends an assignment.
    fn create_assignment(
        &self,
        request: &CreateAssignment,
    ) -> impl Future<Output = Result<Assignment, RemoteError>> + Send;
    /// The case carrying `external_ref`, if any.
    fn case_by_ref(&self, external_ref: &str) -> impl Future<Output = Result<Option<Case>, RemoteError>> + Send;
    /// The document carrying `external_ref`, if any.
    fn document_by_ref(&self, external_ref: &str)
    -> impl Future<Output = Result<Option<Document>, RemoteError>> + Send;
    /// The assignment carrying `external_ref`, if any.
    fn assignment_by_ref(
        &self,
        external_ref: &str,
    ) -> impl Future<Output = Result<Option<Assignment>, RemoteError>> + Send;
    /// Withdraws a case opened by mistake (minutes ago, holding only what its filing made).
    fn withdraw_case(&self, id: u64, reason: &str) -> impl Future<Output = Result<Case, RemoteError>> + Send;
}
