//! The ePalvelu outbox client: list, read, stream attachments, claim, release, complete.
//! Speaks the contract in `assets/api/epalvelu-outbox.openapi.yaml`.

use bytes::Bytes;
use futures_util::StreamExt;
use futures_util::stream::BoxStream;

use crate::contract::outbox::{
    Claim, ClaimRequest, CompleteRequest, CompletedPage, CompletedQuery, CompletedTransaction, Completion,
    FilingResult, ReleaseRequest, SHA256_HEADER, ServiceSummary, TransactionDetail, TransactionPage, TransactionQuery,
    TransactionSummary,
};
use crate::remote::{Action, REQUEST_TIMEOUT, RemoteError, check, read_json};

/// An attachment download: its declared length and checksum, and the bytes as they arrive.
pub struct Download {
    /// `Content-Length` of the answer.
    pub length: Option<u64>,
    /// The `X-Content-SHA256` the outbox sent.
    pub sha256: Option<String>,
    /// The bytes.
    pub body: BoxStream<'static, Result<Bytes, std::io::Error>>,
}

/// A client of one outbox (e.g. `https://epalvelu.kunta.fi/outbox`).
#[derive(Clone)]
pub struct OutboxClient {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl std::fmt::Debug for OutboxClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboxClient").field("base", &self.base).finish_non_exhaustive()
    }
}

/// `id` escaped as one path segment: letters, digits and `-_.` as they are, every other byte
/// percent-encoded.
pub fn path_segment(id: &str) -> String {
    id.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

impl OutboxClient {
    /// A client for `base` (with or without `/api/v1`: [`crate::remote::api_root`]) with a Bearer `token`.
    pub fn new(http: reqwest::Client, base: &str, token: &str) -> Self {
        Self { http, base: crate::remote::api_root(base), token: token.to_owned() }
    }

    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.http.request(method, format!("{}/api/v1{path}", self.base)).bearer_auth(&self.token)
    }

    fn path(id: &str) -> String {
        // Ids come from the outbox itself but are still escaped for the path.
        format!("/transactions/{}", path_segment(id))
    }

    /// One page of pending transactions.
    pub async fn list(&self, query: &TransactionQuery) -> Result<TransactionPage, RemoteError> {
        let request = self.request(reqwest::Method::GET, "/transactions").query(query).timeout(REQUEST_TIMEOUT);
        read_json(Action::ListOutbox, request.send().await).await
    }

    /// Every pending transaction, following the cursor. A cursor the outbox gives twice is an
    /// error: the list would never end.
    pub async fn list_all(&self, service: Option<&str>) -> Result<Vec<TransactionSummary>, RemoteError> {
        let mut query = TransactionQuery { service: service.map(str::to_owned), cursor: None, limit: Some(200) };
        let mut all = Vec::new();
        let mut seen = Cursors::default();
        loop {
            let page = self.list(&query).await?;
            all.extend(page.items);
            match page.next_cursor {
                Some(cursor) => query.cursor = Some(seen.next(Action::ListOutbox, cursor)?),
                None => return Ok(all),
            }
        }
    }

    /// One page of completed transactions.
    pub async fn completed_page(&self, query: &CompletedQuery) -> Result<CompletedPage, RemoteError> {
        let request = self.request(reqwest::Method::GET, "/completed").query(query).timeout(REQUEST_TIMEOUT);
        read_json(Action::ListCompleted, request.send().await).await
    }

    /// Every transaction completed on the Helsinki days `from`..=`to`, latest first, following
    /// the cursor (a cursor given twice is an error, as in [`Self::list_all`]).
    pub async fn completed(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<CompletedTransaction>, RemoteError> {
        let mut query =
            CompletedQuery { from: Some(from), to: Some(to), limit: Some(200), ..CompletedQuery::default() };
        let mut all = Vec::new();
        let mut seen = Cursors::default();
        loop {
            let page = self.completed_page(&query).await?;
            all.extend(page.items);
            match page.next_cursor {
                Some(cursor) => query.cursor = Some(seen.next(Action::ListCompleted, cursor)?),
                None => return Ok(all),
            }
        }
    }

    /// E-services with pending counts.
    pub async fn services(&self) -> Result<Vec<ServiceSummary>, RemoteError> {
        let request = self.request(reqwest::Method::GET, "/services").timeout(REQUEST_TIMEOUT);
        read_json(Action::ListServices, request.send().await).await
    }

    /// One transaction.
    pub async fn get(&self, id: &str) -> Result<TransactionDetail, RemoteError> {
        let request = self.request(reqwest::Method::GET, &Self::path(id)).timeout(REQUEST_TIMEOUT);
        read_json(Action::ReadTransaction, request.send().await).await
    }

    /// Starts downloading an attachment.
    pub async fn attachment(&self, id: &str, attachment_id: &str) -> Result<Download, RemoteError> {
        let action = Action::DownloadAttachment;
        let path = format!("{}/attachments/{attachment_id}", Self::path(id));
        let response = check(action, self.request(reqwest::Method::GET, &path).send().await).await?;
        let sha256 = response.headers().get(SHA256_HEADER).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let length = response.content_length();
        let body = response.bytes_stream().map(|chunk| chunk.map_err(std::io::Error::other)).boxed();
        Ok(Download { length, sha256, body })
    }

    /// Claims (or renews, with `token`) a transaction for `clerk`.
    pub async fn claim(
        &self,
        id: &str,
        clerk: &str,
        lease_seconds: u32,
        token: Option<&str>,
    ) -> Result<Claim, RemoteError> {
        let body = ClaimRequest {
            clerk: clerk.to_owned(),
            lease_seconds: Some(lease_seconds),
            token: token.map(str::to_owned),
        };
        let request = self
            .request(reqwest::Method::POST, &format!("{}/claim", Self::path(id)))
            .json(&body)
            .timeout(REQUEST_TIMEOUT);
        read_json(Action::Claim, request.send().await).await
    }

    /// Releases a claim.
    pub async fn release(&self, id: &str, token: &str) -> Result<(), RemoteError> {
        let body = ReleaseRequest { token: token.to_owned() };
        let request = self
            .request(reqwest::Method::POST, &format!("{}/release", Self::path(id)))
            .json(&body)
            .timeout(REQUEST_TIMEOUT);
        check(Action::Release, request.send().await).await.map(|_| ())
    }

    /// Returns a transaction `clerk` completed minutes ago to the pending list.
    pub async fn reopen(&self, id: &str, clerk: &str) -> Result<(), RemoteError> {
        let body = crate::contract::outbox::ReopenRequest { clerk: clerk.to_owned() };
        let request = self
            .request(reqwest::Method::POST, &format!("{}/reopen", Self::path(id)))
            .json(&body)
            .timeout(REQUEST_TIMEOUT);
        check(Action::Reopen, request.send().await).await.map(|_| ())
    }

    /// Records the filing result.
    pub async fn complete(&self, id: &str, token: &str, result: &FilingResult) -> Result<Completion, RemoteError> {
        let body = CompleteRequest { token: token.to_owned(), result: result.clone() };
        let request = self
            .request(reqwest::Method::POST, &format!("{}/complete", Self::path(id)))
            .json(&body)
            .timeout(REQUEST_TIMEOUT);
        read_json(Action::Complete, request.send().await).await
    }
}

/// The cursors a listing has followed: an outbox that hands one out again would be followed
/// forever (Prism's mock does, and so could a real server's paging bug).
#[derive(Default)]
struct Cursors(std::collections::HashSet<String>);

impl Cursors {
    fn next(&mut self, action: Action, cursor: String) -> Result<String, RemoteError> {
        if self.0.insert(cursor.clone()) {
            Ok(cursor)
        } else {
            Err(RemoteError::protocol(
                action,
                "the outbox gave the same page cursor twice, so its list would never end",
            ))
        }
    }
}
