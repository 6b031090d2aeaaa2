//! Raw HTTP for the conformance checks: every answer kept whole (status, media type, body) and
//! timed, so a check can say exactly what the server sent where the contract expects otherwise.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use bytes::Bytes;
use serde::de::DeserializeOwned;

use crate::contract::{PROBLEM_CONTENT_TYPE, Problem};
use crate::remote::{Action, RemoteError, RemoteErrorKind};
use crate::tweb::TwebAuth;

/// How long one probe waits for an answer.
const PROBE_TIMEOUT: Duration = Duration::from_secs(30);

/// How a probe signs in.
#[derive(Clone)]
pub(super) enum Auth {
    /// TWeb's Basic or Bearer sign-in.
    Tweb(TwebAuth),
    /// A Bearer token (the outbox).
    Bearer(String),
}

/// One API under test: its base URL (without `/api/v1`), sign-in, and the times of its answers.
pub(super) struct Probe {
    http: reqwest::Client,
    base: String,
    auth: Auth,
    times: Mutex<Vec<Duration>>,
}

/// A whole answer.
pub(super) struct Answer {
    pub status: u16,
    pub content_type: String,
    pub headers: reqwest::header::HeaderMap,
    pub body: Bytes,
}

/// What a request met instead of an answer, in words, and whether it was the TLS handshake.
pub(super) struct NoAnswer {
    pub words: String,
    pub tls: bool,
}

impl Probe {
    pub(super) fn new(http: reqwest::Client, base: &str, auth: Auth) -> Self {
        Self { http, base: crate::remote::api_root(base), auth, times: Mutex::new(Vec::new()) }
    }

    /// The base URL.
    pub(super) fn base(&self) -> &str {
        &self.base
    }

    /// A request to `path` under `/api/v1`, signed in unless `signed_in` is false.
    pub(super) fn request(&self, method: reqwest::Method, path: &str, signed_in: bool) -> reqwest::RequestBuilder {
        let builder = self.http.request(method, format!("{}/api/v1{path}", self.base)).timeout(PROBE_TIMEOUT);
        match (&self.auth, signed_in) {
            (_, false) => builder,
            (Auth::Tweb(TwebAuth::Basic { user, password }), true) => builder.basic_auth(user, Some(password)),
            (Auth::Tweb(TwebAuth::Bearer(token)) | Auth::Bearer(token), true) => builder.bearer_auth(token),
        }
    }

    /// Sends `request` and reads the whole answer, timing it.
    pub(super) async fn send(&self, request: reqwest::RequestBuilder) -> Result<Answer, NoAnswer> {
        let started = Instant::now();
        let result = Self::read(request).await;
        self.times.lock().unwrap_or_else(PoisonError::into_inner).push(started.elapsed());
        result.map_err(|error| {
            let kind = RemoteError::from_reqwest(Action::Connect, error.without_url()).kind;
            let what = match kind {
                RemoteErrorKind::Tls => "the TLS handshake failed (is the certificate trusted?)",
                RemoteErrorKind::Timeout => "no answer within 30 s",
                RemoteErrorKind::Connection => "no connection (wrong address, server down, or a firewall)",
                _ => "the request failed",
            };
            NoAnswer { words: what.to_owned(), tls: kind == RemoteErrorKind::Tls }
        })
    }

    async fn read(request: reqwest::RequestBuilder) -> Result<Answer, reqwest::Error> {
        let response = request.send().await?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let content_type =
            headers.get(reqwest::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        let body = response.bytes().await?;
        Ok(Answer { status, content_type, headers, body })
    }

    /// A signed-in GET of `path` with `query`.
    pub(super) async fn get(&self, path: &str, query: &[(&str, String)]) -> Result<Answer, NoAnswer> {
        self.send(self.request(reqwest::Method::GET, path, true).query(query)).await
    }

    /// A signed-in POST of the JSON `body` to `path`.
    pub(super) async fn post_json(&self, path: &str, body: &serde_json::Value) -> Result<Answer, NoAnswer> {
        self.send(self.request(reqwest::Method::POST, path, true).json(body)).await
    }

    /// The answer times so far: (count, median, slowest).
    pub(super) fn timing(&self) -> (usize, Duration, Duration) {
        let mut times = self.times.lock().unwrap_or_else(PoisonError::into_inner).clone();
        times.sort();
        let median = times.get(times.len() / 2).copied().unwrap_or_default();
        (times.len(), median, times.last().copied().unwrap_or_default())
    }
}

fn media_type(content_type: &str) -> String {
    content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

/// The first characters of a body, for a report line.
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut shown: String = text.chars().filter(|c| !c.is_control()).take(120).collect();
    if text.chars().count() > 120 {
        shown.push('…');
    }
    shown
}

impl Answer {
    /// The body as `T`, when the status is `status` and the media type JSON.
    pub(super) fn json<T: DeserializeOwned>(&self, status: u16) -> Result<T, String> {
        if self.status != status {
            return Err(self.unexpected(&format!("{status}")));
        }
        if media_type(&self.content_type) != "application/json" {
            return Err(format!("answered {status} as {:?}, not application/json", self.content_type));
        }
        serde_json::from_slice(&self.body).map_err(|e| format!("the {status} answer is not the contract's shape: {e}"))
    }

    /// The problem details of an error answer whose status is one of `statuses`: the media type
    /// `application/problem+json`, the shape of the contract's Problem, its `status` the answer's,
    /// and a `detail`.
    pub(super) fn problem(&self, statuses: &[u16]) -> Result<Problem, String> {
        let wanted = statuses.iter().map(u16::to_string).collect::<Vec<_>>().join(" or ");
        if !statuses.contains(&self.status) {
            return Err(self.unexpected(&wanted));
        }
        if media_type(&self.content_type) != PROBLEM_CONTENT_TYPE {
            return Err(format!(
                "answered {} as {:?}, not {PROBLEM_CONTENT_TYPE}: {}",
                self.status,
                self.content_type,
                excerpt(&self.body)
            ));
        }
        let problem: Problem = serde_json::from_slice(&self.body)
            .map_err(|e| format!("the {} problem is not RFC 9457 as the contract says: {e}", self.status))?;
        if problem.status != self.status {
            return Err(format!("the problem says status {} in a {} answer", problem.status, self.status));
        }
        if problem.detail.trim().is_empty() {
            return Err(format!("the {} problem has no detail a person can act on", self.status));
        }
        Ok(problem)
    }

    /// "answered 500 (…)" for a status that was not expected.
    pub(super) fn unexpected(&self, wanted: &str) -> String {
        let detail =
            serde_json::from_slice::<Problem>(&self.body).map(|p| p.detail).unwrap_or_else(|_| excerpt(&self.body));
        format!("answered {} where the contract says {wanted}: {detail}", self.status)
    }
}
