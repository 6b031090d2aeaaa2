//! [`CaseSystem`] over TWeb's REST API.

use reqwest::multipart::{Form, Part};

use super::{CaseSystem, Upload};
use crate::contract::tweb::{
    CaseDetail, CasePage, CaseQuery, CreateAssignment, CreateCase, DocumentMetadata, RefQuery,
};
use crate::domain::{Assignment, Case, CaseGroup, Document, DocumentType, Group, User};
use crate::remote::{Action, REQUEST_TIMEOUT, RemoteError, read_json};

/// How to authenticate to TWeb.
#[derive(Clone, PartialEq, Eq)]
pub enum TwebAuth {
    /// HTTP Basic with a user name and password.
    Basic {
        /// User name.
        user: String,
        /// Password.
        password: String,
    },
    /// An API token.
    Bearer(String),
}

impl std::fmt::Debug for TwebAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Basic { user, .. } => write!(f, "Basic({user}, ****)"),
            Self::Bearer(_) => f.write_str("Bearer(****)"),
        }
    }
}

/// A TWeb client for one base URL (e.g. `https://tweb.kunta.fi/tweb`).
#[derive(Debug, Clone)]
pub struct TwebClient {
    http: reqwest::Client,
    base: String,
    auth: TwebAuth,
}

impl TwebClient {
    /// A client for `base` (with or without `/api/v1`: [`crate::remote::api_root`]).
    pub fn new(http: reqwest::Client, base: &str, auth: TwebAuth) -> Self {
        Self { http, base: crate::remote::api_root(base), auth }
    }

    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let builder = self.http.request(method, format!("{}/api/v1{path}", self.base));
        match &self.auth {
            TwebAuth::Basic { user, password } => builder.basic_auth(user, Some(password)),
            TwebAuth::Bearer(token) => builder.bearer_auth(token),
        }
    }

    async fn get<T: serde::de::DeserializeOwned>(&self, action: Action, path: &str) -> Result<T, RemoteError> {
        read_json(action, self.request(reqwest::Method::GET, path).timeout(REQUEST_TIMEOUT).send().await).await
    }

    async fn find<T: serde::de::DeserializeOwned>(
        &self,
        action: Action,
        path: &str,
        external_ref: &str,
    ) -> Result<Option<T>, RemoteError> {
        let query = RefQuery { external_ref: external_ref.to_owned(), case_id: None };
        let request = self.request(reqwest::Method::GET, path).query(&query).timeout(REQUEST_TIMEOUT);
        let mut found: Vec<T> = read_json(action, request.send().await).await?;
        Ok(if found.is_empty() { None } else { Some(found.swap_remove(0)) })
    }
}

impl CaseSystem for TwebClient {
    async fn me(&self) -> Result<crate::contract::tweb::Me, RemoteError> {
        self.get(Action::ReadMe, "/me").await
    }

    async fn case_groups(&self) -> Result<Vec<CaseGroup>, RemoteError> {
        self.get(Action::ReadCaseGroups, "/catalog/case-groups").await
    }

    async fn document_types(&self) -> Result<Vec<DocumentType>, RemoteError> {
        self.get(Action::ReadDocumentTypes, "/catalog/document-types").await
    }

    async fn users(&self) -> Result<Vec<User>, RemoteError> {
        self.get(Action::ReadUsers, "/catalog/users").await
    }

    async fn groups(&self) -> Result<Vec<Group>, RemoteError> {
        self.get(Action::ReadGroups, "/catalog/groups").await
    }

    async fn search_cases(&self, query: &CaseQuery) -> Result<CasePage, RemoteError> {
        let request = self.request(reqwest::Method::GET, "/cases").query(query).timeout(REQUEST_TIMEOUT);
        read_json(Action::SearchCases, request.send().await).await
    }

    async fn get_case(&self, id: u64) -> Result<Case, RemoteError> {
        let detail: CaseDetail = self.get(Action::ReadCase, &format!("/cases/{id}")).await?;
        Ok(detail.case)
    }

    async fn create_case(&self, request: &CreateCase) -> Result<Case, RemoteError> {
        let send = self.request(reqwest::Method::POST, "/cases").json(request).timeout(REQUEST_TIMEOUT).send().await;
        read_json(Action::OpenCase, send).await
    }

    async fn add_document(
        &self,
        case_id: Option<u64>,
        metadata: &DocumentMetadata,
        upload: Upload,
    ) -> Result<Document, RemoteError> {
        let action = Action::UploadDocument;
        let json = serde_json::to_string(metadata).map_err(|e| RemoteError::protocol(action, e.to_string()))?;
        let meta = Part::text(json).mime_str("application/json").map_err(|e| RemoteError::from_reqwest(action, e))?;
        let file = Part::stream_with_length(reqwest::Body::wrap_stream(upload.body), upload.length)
            .file_name(upload.filename)
            .mime_str(&upload.content_type)
            .map_err(|e| RemoteError::from_reqwest(action, e))?;
        let path = match case_id {
            Some(id) => format!("/cases/{id}/documents"),
            None => "/documents".to_owned(),
        };
        // No overall timeout: a large upload takes as long as it takes; stalls break the connection.
        let send = self
            .request(reqwest::Method::POST, &path)
            .multipart(Form::new().part("metadata", meta).part("file", file))
            .send()
            .await;
        read_json(action, send).await
    }

    async fn create_assignment(&self, request: &CreateAssignment) -> Result<Assignment, RemoteError> {
        let send =
            self.request(reqwest::Method::POST, "/assignments").json(request).timeout(REQUEST_TIMEOUT).send().await;
        read_json(Action::SendAssignment, send).await
    }

    async fn withdraw_case(&self, id: u64, reason: &str) -> Result<Case, RemoteError> {
        let body = crate::contract::tweb::WithdrawCase { reason: reason.to_owned() };
        let path = format!("/cases/{id}/withdraw");
        let send = self.request(reqwest::Method::POST, &path).json(&body).timeout(REQUEST_TIMEOUT).send().await;
        read_json(Action::WithdrawCase, send).await
    }

    async fn case_by_ref(&self, external_ref: &str) -> Result<Option<Case>, RemoteError> {
        let query = CaseQuery { external_ref: Some(external_ref.to_owned()), ..CaseQuery::default() };
        let mut page = self.search_cases(&query).await?;
        Ok(if page.items.is_empty() { None } else { Some(page.items.swap_remove(0)) })
    }

    async fn document_by_ref(&self, external_ref: &str) -> Result<Option<Document>, RemoteError> {
        self.find(Action::LookUpDocument, "/documents", external_ref).await
    }

    async fn assignment_by_ref(&self, external_ref: &str) -> Result<Option<Assignment>, RemoteError> {
        self.find(Action::LookUpAssignment, "/assignments", external_ref).await
    }
}
