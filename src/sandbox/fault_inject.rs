//! The middleware that applies the fault rules to each request (see [`super::faults`]).

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;

use super::error::ApiError;
use super::faults::{Api, FaultEffect};
use super::shared::Shared;

/// A body that sends `prefix`, lets it reach the client, then fails, which makes the server drop
/// the connection.
fn broken_body(prefix: bytes::Bytes) -> Body {
    let first = futures_util::stream::iter([Ok::<_, std::io::Error>(prefix)]);
    let reset = futures_util::stream::once(async {
        tokio::time::sleep(Duration::from_millis(50)).await;
        Err(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "fault injected by the sandbox"))
    });
    Body::from_stream(first.chain(reset))
}

/// Largest JSON body [`FaultEffect::IgnoreExternalRef`] reads; a larger one arrives empty.
const REWRITE_LIMIT: usize = 1 << 20;

/// `request` with the `external_ref` of its JSON object body taken out.
async fn without_external_ref(request: Request) -> Request {
    let (mut parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, REWRITE_LIMIT).await else {
        return Request::from_parts(parts, Body::empty());
    };
    let rewritten = match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(serde_json::Value::Object(mut object)) => {
            object.remove("external_ref");
            serde_json::to_vec(&object).map(bytes::Bytes::from).unwrap_or(bytes)
        }
        _ => bytes,
    };
    parts.headers.insert(header::CONTENT_LENGTH, header::HeaderValue::from(rewritten.len()));
    Request::from_parts(parts, Body::from(rewritten))
}

/// Middleware that applies the fault rules to one API.
pub async fn inject(State((shared, api)): State<(Arc<Shared>, Api)>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let Some((latency, effect)) = shared.faults.decide(api, request.method().as_str(), &path) else {
        return next.run(request).await;
    };
    tracing::info!(?api, %path, ?effect, latency, "injecting a fault");
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    match effect {
        FaultEffect::Delay => next.run(request).await,
        FaultEffect::Status { status, after: false } => ApiError::injected(status).into_response(),
        FaultEffect::Status { status, after: true } => {
            let _lost = next.run(request).await;
            ApiError::injected(status).into_response()
        }
        FaultEffect::Busy { status, retry_after_s } => {
            let mut response = ApiError::injected(status).into_response();
            response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(retry_after_s));
            response
        }
        FaultEffect::ResetRequest => {
            let mut body = request.into_body().into_data_stream();
            let _first_chunk = body.next().await;
            let mut response = Response::new(broken_body(bytes::Bytes::new()));
            response.headers_mut().insert(header::CONTENT_LENGTH, header::HeaderValue::from_static("1"));
            response
        }
        FaultEffect::IgnoreExternalRef => next.run(without_external_ref(request).await).await,
        FaultEffect::ResetResponse => {
            let response = next.run(request).await;
            let (mut parts, body) = response.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
            parts.headers.insert(header::CONTENT_LENGTH, header::HeaderValue::from(bytes.len().max(1)));
            let half = bytes.slice(..bytes.len() / 2);
            Response::from_parts(parts, broken_body(half))
        }
    }
}
