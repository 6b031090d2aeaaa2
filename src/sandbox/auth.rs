//! Authentication as the two services demand it: TWeb takes HTTP Basic or a Bearer token, the
//! outbox a Bearer token.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::error::ApiError;
use super::shared::Shared;

/// The credentials the sandbox accepts.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// TWeb user name for Basic authentication.
    pub tweb_user: String,
    /// TWeb password for Basic authentication.
    pub tweb_password: String,
    /// TWeb API token for Bearer authentication.
    pub tweb_token: String,
    /// ePalvelu outbox token.
    pub outbox_token: String,
}

impl Credentials {
    /// The demo credentials, printed by `kirjaamo sandbox` and used by `--demo`.
    pub fn demo() -> Self {
        Self {
            tweb_user: "kirjaamo".to_owned(),
            tweb_password: "demo".to_owned(),
            tweb_token: "tweb-demo-token".to_owned(),
            outbox_token: "epalvelu-demo-token".to_owned(),
        }
    }
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials").field("tweb_user", &self.tweb_user).finish_non_exhaustive()
    }
}

fn unauthorized(detail: &str, challenge: &'static str) -> Response {
    let mut response = ApiError::unauthorized(detail).into_response();
    response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
    response
}

fn authorization(request: &Request) -> Option<&str> {
    request.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok())
}

/// Middleware: TWeb accepts Basic user:password or a Bearer token.
pub async fn require_tweb(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let credentials = &shared.credentials;
    let ok = match authorization(&request) {
        Some(value) if value.starts_with("Bearer ") => value["Bearer ".len()..].trim() == credentials.tweb_token,
        Some(value) if value.starts_with("Basic ") => STANDARD
            .decode(value["Basic ".len()..].trim())
            .ok()
            .and_then(|raw| String::from_utf8(raw).ok())
            .is_some_and(|pair| pair == format!("{}:{}", credentials.tweb_user, credentials.tweb_password)),
        Some(_) => false,
        None => {
            return unauthorized("TWeb needs HTTP Basic credentials or a Bearer API token", "Basic realm=\"TWeb\"");
        }
    };
    if ok {
        next.run(request).await
    } else {
        unauthorized("the TWeb user name, password or API token is wrong", "Basic realm=\"TWeb\"")
    }
}

/// Middleware: the outbox accepts only its Bearer token.
pub async fn require_outbox(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    match authorization(&request) {
        Some(value) if value.starts_with("Bearer ") => {
            if value["Bearer ".len()..].trim() == shared.credentials.outbox_token {
                next.run(request).await
            } else {
                unauthorized("the ePalvelu outbox token is wrong or has expired", "Bearer realm=\"ePalvelu\"")
            }
        }
        _ => unauthorized("the ePalvelu outbox needs a Bearer token", "Bearer realm=\"ePalvelu\""),
    }
}
