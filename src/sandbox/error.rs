//! Errors the sandbox answers with, as RFC 9457 problem+json.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::contract::{FieldProblem, PROBLEM_CONTENT_TYPE, Problem};

/// An API error answer; converts into a problem+json response.
#[derive(Debug, Clone)]
pub struct ApiError(pub Box<Problem>);

impl ApiError {
    /// 400: the request could not be read (bad JSON, wrong types, missing fields, bad query).
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self(Box::new(Problem::new(400, "malformed-request", "Malformed request", detail)))
    }

    /// 401: no or wrong credentials.
    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self(Box::new(Problem::new(401, "unauthorized", "Unauthorized", detail)))
    }

    /// 403: signed in, but without the right to do this.
    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self(Box::new(Problem::new(403, "forbidden", "Forbidden", detail)))
    }

    /// 404: no such object.
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self(Box::new(Problem::new(404, "not-found", "Not found", detail)))
    }

    /// 405: the endpoint exists but not for this method.
    pub fn method_not_allowed() -> Self {
        Self(Box::new(Problem::new(
            405,
            "method-not-allowed",
            "Method not allowed",
            "this endpoint does not take that HTTP method",
        )))
    }

    /// 409: the object is in a state that does not allow the request.
    pub fn conflict(detail: impl Into<String>) -> Self {
        Self(Box::new(Problem::new(409, "conflict", "Conflict", detail)))
    }

    /// 409 for an external ref that another object already carries.
    pub fn duplicate_ref(kind: &str, external_ref: &str, existing_id: u64) -> Self {
        let mut problem = Problem::new(
            409,
            "duplicate-external-ref",
            "Duplicate external ref",
            format!("{kind} {existing_id} already has the external ref {external_ref}"),
        );
        problem.existing_id = Some(existing_id);
        Self(Box::new(problem))
    }

    /// 410: the transaction has been completed and can no longer be claimed or completed.
    pub fn gone(detail: impl Into<String>) -> Self {
        Self(Box::new(Problem::new(410, "completed", "Already completed", detail)))
    }

    /// 422: the request was read but a value is not acceptable.
    pub fn invalid(pointer: &str, detail: impl Into<String>) -> Self {
        Self::refused(FieldProblem::new(pointer, detail))
    }

    /// 422 for the value `field` names, with its code.
    pub fn refused(field: FieldProblem) -> Self {
        let mut problem = Problem::new(422, "validation", "Validation failed", field.detail.clone());
        problem.errors.push(field);
        Self(Box::new(problem))
    }

    /// 500 for a failure inside the sandbox itself.
    pub fn internal(detail: impl Into<String>) -> Self {
        Self(Box::new(Problem::new(500, "internal", "Internal error", detail)))
    }

    /// A problem with a status chosen by fault injection.
    pub fn injected(status: u16) -> Self {
        let title = StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("Injected fault");
        Self(Box::new(Problem::new(
            status,
            "injected-fault",
            title,
            format!("fault injected by the sandbox (HTTP {status})"),
        )))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self.0).unwrap_or_default();
        let mut response = (status, body).into_response();
        response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_CONTENT_TYPE));
        response
    }
}

/// Result of a sandbox handler.
pub type ApiResult<T> = Result<T, ApiError>;
