//! The error of a remote call, classified so callers know whether to retry and what to tell people.

use super::Action;
use crate::contract::Problem;
use crate::plain::{Explain, Plain};

/// What kind of failure a remote call met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteErrorKind {
    /// 401: the credentials are wrong or missing. Permanent.
    Unauthorized,
    /// 403: signed in, but without the right to do this. Permanent.
    Forbidden,
    /// 400/422: the server refused the request's content. Permanent.
    Validation,
    /// 404: no such object.
    NotFound,
    /// 409: the object is in another state, or already exists.
    Conflict,
    /// 410: the object is gone for good (an outbox transaction already filed).
    Gone,
    /// 5xx or 429: the server cannot serve now. Retryable.
    Unavailable,
    /// The call timed out. Retryable.
    Timeout,
    /// The connection failed or broke. Retryable.
    Connection,
    /// The TLS handshake or certificate failed. Permanent.
    Tls,
    /// The answer could not be read (not the contract). Permanent.
    Protocol,
    /// The address is not allowed (plain http to another machine). Permanent.
    Insecure,
}

/// A failed remote call: what was being done, the kind, and the server's problem detail if any.
#[derive(Debug, thiserror::Error)]
#[error("{action}: {message}")]
pub struct RemoteError {
    /// What was being done, e.g. opening the case.
    pub action: Action,
    /// Kind of failure.
    pub kind: RemoteErrorKind,
    /// Plain-words summary, the server's detail when it sent one.
    pub message: String,
    /// The server's problem document.
    pub problem: Option<Box<Problem>>,
    /// The underlying transport error.
    #[source]
    pub source: Option<reqwest::Error>,
    /// The answer broke off after a success status (the change may have been made).
    pub cut: bool,
    /// How long the server asked to be left alone (`Retry-After` on a 429 or 503).
    pub retry_after: Option<std::time::Duration>,
}

impl RemoteError {
    /// Whether trying again may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self.kind, RemoteErrorKind::Unavailable | RemoteErrorKind::Timeout | RemoteErrorKind::Connection)
    }

    /// An error for an answer with a problem body (or none).
    pub fn from_status(action: Action, status: u16, problem: Option<Problem>) -> Self {
        let kind = match status {
            401 => RemoteErrorKind::Unauthorized,
            403 => RemoteErrorKind::Forbidden,
            400 | 413 | 415 | 422 => RemoteErrorKind::Validation,
            404 => RemoteErrorKind::NotFound,
            409 => RemoteErrorKind::Conflict,
            410 => RemoteErrorKind::Gone,
            429 | 500..=599 => RemoteErrorKind::Unavailable,
            _ => RemoteErrorKind::Protocol,
        };
        let message =
            problem.as_ref().map_or_else(|| format!("the server answered HTTP {status}"), |p| p.detail.clone());
        Self { action, kind, message, problem: problem.map(Box::new), source: None, cut: false, retry_after: None }
    }

    /// An error from the HTTP client itself.
    pub fn from_reqwest(action: Action, error: reqwest::Error) -> Self {
        let chain = {
            let mut text = String::new();
            let mut source: Option<&dyn std::error::Error> = Some(&error);
            while let Some(e) = source {
                text.push_str(&e.to_string().to_lowercase());
                text.push(' ');
                source = e.source();
            }
            text
        };
        let (kind, message) = if error.is_timeout() {
            (RemoteErrorKind::Timeout, "the server did not answer in time")
        } else if chain.contains("certificate") || chain.contains("tls") || chain.contains("handshake") {
            (RemoteErrorKind::Tls, "the secure connection failed (certificate or TLS)")
        } else if error.is_connect() {
            (RemoteErrorKind::Connection, "the server could not be reached")
        } else if error.is_decode() {
            (RemoteErrorKind::Protocol, "the answer could not be read")
        } else if error.is_request() || error.is_body() {
            (RemoteErrorKind::Connection, "the connection broke during the request")
        } else {
            (RemoteErrorKind::Connection, "the request failed")
        };
        Self {
            action,
            kind,
            message: message.to_owned(),
            problem: None,
            source: Some(error),
            cut: false,
            retry_after: None,
        }
    }

    /// An answer whose body broke off after a success status: the server may have made the change,
    /// so the caller retries (creating steps through their lookup by external ref).
    pub fn cut_off(action: Action, error: reqwest::Error) -> Self {
        let message = "the answer was cut off before it ended".to_owned();
        Self {
            action,
            kind: RemoteErrorKind::Connection,
            message,
            problem: None,
            source: Some(error),
            cut: true,
            retry_after: None,
        }
    }

    /// An address the policy refuses (see [`super::check_base_url`]).
    pub fn insecure(action: Action, error: &super::PolicyError) -> Self {
        let message = crate::error_chain(error);
        Self {
            action,
            kind: RemoteErrorKind::Insecure,
            message,
            problem: None,
            source: None,
            cut: false,
            retry_after: None,
        }
    }

    /// An answer that does not follow the contract.
    pub fn protocol(action: Action, message: impl Into<String>) -> Self {
        Self {
            action,
            kind: RemoteErrorKind::Protocol,
            message: message.into(),
            problem: None,
            source: None,
            cut: false,
            retry_after: None,
        }
    }

    /// The id the server says already carries the external ref (a 409 on creation).
    pub fn existing_id(&self) -> Option<u64> {
        self.problem.as_ref().and_then(|p| p.existing_id)
    }

    /// Who holds the claim (a 409 on an outbox claim).
    pub fn holder(&self) -> Option<&str> {
        self.problem.as_ref().and_then(|p| p.holder.as_deref())
    }
}

impl RemoteErrorKind {
    /// The message id that says it (`remote-…` in `assets/i18n/*.ftl`).
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Unauthorized => "remote-unauthorized",
            Self::Forbidden => "remote-forbidden",
            Self::Validation => "remote-validation",
            Self::NotFound => "remote-not-found",
            Self::Conflict => "remote-conflict",
            Self::Gone => "remote-gone",
            Self::Unavailable => "remote-unavailable",
            Self::Timeout => "remote-timeout",
            Self::Connection => "remote-connection",
            Self::Tls => "remote-tls",
            Self::Protocol => "remote-protocol",
            Self::Insecure => "remote-insecure",
        }
    }

    /// Every kind (the texts' tests check each has its message).
    pub const ALL: [Self; 12] = [
        Self::Unauthorized,
        Self::Forbidden,
        Self::Validation,
        Self::NotFound,
        Self::Conflict,
        Self::Gone,
        Self::Unavailable,
        Self::Timeout,
        Self::Connection,
        Self::Tls,
        Self::Protocol,
        Self::Insecure,
    ];
}

impl Explain for RemoteError {
    /// "{action} failed: {what the kind means}"; a cut-off answer has words of its own. The
    /// server's detail and the transport chain stay in the technical detail.
    fn plain(&self) -> Plain {
        if let Some(field) = self.field_plain() {
            return field;
        }
        let id = if self.cut { "remote-cut-off" } else { self.kind.message_id() };
        Plain::new(id).said("action", Plain::new(self.action.message_id()))
    }
}

impl RemoteError {
    /// A refusal that names the value and says what is wrong with it in a code this program
    /// knows (problem+json `errors[0]`), as the field's own words; `None` for any other error.
    fn field_plain(&self) -> Option<Plain> {
        let problem = self.problem.as_ref().filter(|_| self.kind == RemoteErrorKind::Validation && !self.cut)?;
        let field = problem.errors.first()?;
        let id = match field.code.as_deref()? {
            "too_long" => "remote-field-too-long",
            "empty" => "remote-field-empty",
            "past" => "remote-field-past",
            "unknown" => "remote-field-unknown",
            "closed" => "remote-field-closed",
            _ => return None,
        };
        let name = match field.pointer.trim_start_matches('/').split('/').next()? {
            "title" => "field-title",
            "subject" => "field-subject",
            "message" => "field-message",
            "due_date" => "field-due-date",
            "case_group" => "field-case-group",
            "document_type" => "field-document-type",
            "recipients" => "field-recipients",
            "parties" => "field-party-name",
            _ => return None,
        };
        let plain = Plain::new(id).said("field", Plain::new(name)).said("action", Plain::new(self.action.message_id()));
        Some(match field.limit.and_then(|l| usize::try_from(l).ok()) {
            Some(limit) => plain.number("limit", limit),
            None => plain,
        })
    }
}

/// Reads an answer: the JSON body on success, a [`RemoteError`] otherwise.
pub(crate) async fn read_json<T: serde::de::DeserializeOwned>(
    action: Action,
    response: Result<reqwest::Response, reqwest::Error>,
) -> Result<T, RemoteError> {
    let response = check(action, response).await?;
    let bytes = response.bytes().await.map_err(|e| RemoteError::cut_off(action, e))?;
    serde_json::from_slice(&bytes)
        .map_err(|e| RemoteError::protocol(action, format!("the answer is not what the contract says: {e}")))
}

/// Checks the status of an answer; a non-success status becomes a [`RemoteError`] with its problem.
pub(crate) async fn check(
    action: Action,
    response: Result<reqwest::Response, reqwest::Error>,
) -> Result<reqwest::Response, RemoteError> {
    let response = response.map_err(|e| RemoteError::from_reqwest(action, e))?;
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    let retry_after = matches!(status.as_u16(), 429 | 503)
        .then(|| response.headers().get(reqwest::header::RETRY_AFTER)?.to_str().ok().and_then(retry_after))
        .flatten();
    let body = response.bytes().await.unwrap_or_default();
    let problem = serde_json::from_slice::<Problem>(&body).ok();
    Err(RemoteError { retry_after, ..RemoteError::from_status(action, status.as_u16(), problem) })
}

/// A `Retry-After` value: seconds, or an HTTP date (the time from now until then).
pub(crate) fn retry_after(value: &str) -> Option<std::time::Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(std::time::Duration::from_secs(seconds));
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = at.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(wait.to_std().unwrap_or_default())
}
