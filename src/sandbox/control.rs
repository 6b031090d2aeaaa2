//! The sandbox's own control endpoints under `/_sandbox` (not part of either contract): fault
//! injection and inspection for tests and trainers.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use super::error::ApiResult;
use super::extract::{ApiJson, ApiQuery};
use super::faults::{FaultConfig, FaultStatus};
use super::shared::Shared;

type AppState = State<Arc<Shared>>;

/// `GET /_sandbox/health`.
pub async fn health() -> &'static str {
    "ok"
}

/// `GET /_sandbox/faults`: the configuration and how often each rule fired.
pub async fn faults(State(shared): AppState) -> Json<FaultStatus> {
    Json(shared.faults.status())
}

/// `PUT /_sandbox/faults`: replaces the configuration.
pub async fn set_faults(State(shared): AppState, ApiJson(config): ApiJson<FaultConfig>) -> StatusCode {
    shared.faults.set(config);
    StatusCode::NO_CONTENT
}

/// `DELETE /_sandbox/faults`: no more faults.
pub async fn clear_faults(State(shared): AppState) -> StatusCode {
    shared.faults.set(FaultConfig::default());
    StatusCode::NO_CONTENT
}

/// Query of `GET /_sandbox/external-refs`.
#[derive(Debug, Deserialize)]
pub struct RefCountQuery {
    /// The external ref.
    #[serde(rename = "ref")]
    pub external_ref: String,
}

/// How many objects carry one external ref.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefCount {
    /// Cases.
    pub cases: usize,
    /// Documents.
    pub documents: usize,
    /// Assignments.
    pub assignments: usize,
}

/// `GET /_sandbox/external-refs?ref=…`: counts objects per external ref, to prove no duplicates.
pub async fn external_refs(
    State(shared): AppState,
    ApiQuery(query): ApiQuery<RefCountQuery>,
) -> ApiResult<Json<RefCount>> {
    let (cases, documents, assignments) = shared.count_external_ref(&query.external_ref);
    Ok(Json(RefCount { cases, documents, assignments }))
}
