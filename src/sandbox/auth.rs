//! Authentication as the two services demand it: TWeb takes HTTP Basic or a Bearer token, the
//! outbox a Bearer token.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::credentials::Credentials;
use super::error::ApiError;
use super::shared::Shared;

fn unauthorized(detail: &str, challenge: &'static str) -> Response {
    let mut response = ApiError::unauthorized(detail).into_response();
    response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
    response
}

fn authorization(request: &Request) -> Option<&str> {
    request.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok())
}

/// Who a TWeb request comes from, as the middleware found it (a request extension).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The user name (the main user for a Bearer token).
    pub user: String,
    /// Whether the user may only read.
    pub read_only: bool,
}

fn tweb_caller(credentials: &Credentials, value: &str) -> Option<Caller> {
    if let Some(token) = value.strip_prefix("Bearer ") {
        return (token.trim() == credentials.tweb_token)
            .then(|| Caller { user: credentials.tweb_user.clone(), read_only: false });
    }
    let raw = STANDARD.decode(value.strip_prefix("Basic ")?.trim()).ok()?;
    let pair = String::from_utf8(raw).ok()?;
    let (user, password) = pair.split_once(':')?;
    if password != credentials.tweb_password {
        return None;
    }
    if user == credentials.tweb_user {
        Some(Caller { user: user.to_owned(), read_only: false })
    } else if user == credentials.limited_tweb_user {
        Some(Caller { user: user.to_owned(), read_only: true })
    } else {
        None
    }
}

/// Middleware: TWeb accepts Basic user:password or a Bearer token; a read-only user may only GET.
pub async fn require_tweb(State(shared): State<Arc<Shared>>, mut request: Request, next: Next) -> Response {
    let Some(value) = authorization(&request) else {
        return unauthorized("TWeb needs HTTP Basic credentials or a Bearer API token", "Basic realm=\"TWeb\"");
    };
    let Some(caller) = tweb_caller(&shared.credentials, value) else {
        return unauthorized("the TWeb user name, password or API token is wrong", "Basic realm=\"TWeb\"");
    };
    if caller.read_only && request.method() != axum::http::Method::GET {
        let detail = format!("the user {} may read but not create cases, documents or assignments", caller.user);
        return ApiError::forbidden(detail).into_response();
    }
    request.extensions_mut().insert(caller);
    next.run(request).await
}

/// Middleware: the outbox accepts only its Bearer token.
pub async fn require_outbox(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    match authorization(&request) {
        Some(value) if value.starts_with("Bearer ") => {
            let token = value["Bearer ".len()..].trim();
            if token == shared.credentials.outbox_token {
                next.run(request).await
            } else if token == shared.credentials.foreign_outbox_token {
                ApiError::forbidden("this token belongs to another organisation and has no access to this outbox")
                    .into_response()
            } else {
                unauthorized("the ePalvelu outbox token is wrong or has expired", "Bearer realm=\"ePalvelu\"")
            }
        }
        _ => unauthorized("the ePalvelu outbox needs a Bearer token", "Bearer realm=\"ePalvelu\""),
    }
}
