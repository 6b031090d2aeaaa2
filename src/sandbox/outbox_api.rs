//! ePalvelu outbox API handlers (`/api/v1`), annotated for the OpenAPI contract.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use super::error::ApiResult;
use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::shared::Shared;
use crate::contract::Problem;
use crate::contract::outbox::{
    Claim, ClaimRequest, CompleteRequest, CompletedPage, CompletedQuery, Completion, ReleaseRequest, ReopenRequest,
    SHA256_HEADER, ServiceSummary, TransactionDetail, TransactionPage, TransactionQuery,
};

type AppState = State<Arc<Shared>>;

/// Pending transactions, oldest first, with cursor paging.
#[utoipa::path(get, path = "/api/v1/transactions", tag = "outbox", params(TransactionQuery),
    responses((status = 200, body = TransactionPage), (status = 400, body = Problem, content_type = "application/problem+json", description = "Bad cursor or limit"),
        (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, description = "The token has no access to this outbox", body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(shared): AppState,
    ApiQuery(query): ApiQuery<TransactionQuery>,
) -> ApiResult<Json<TransactionPage>> {
    shared.outbox().list(&query, Utc::now()).map(Json)
}

/// Completed transactions with their filing results, by the Helsinki day they were completed,
/// latest first, with cursor paging: the office's day for every clerk's desk.
#[utoipa::path(get, path = "/api/v1/completed", tag = "outbox", params(CompletedQuery),
    responses((status = 200, body = CompletedPage), (status = 400, body = Problem, content_type = "application/problem+json", description = "Bad cursor, limit or date range (`to` before `from`, or over 93 days)"),
        (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, description = "The token has no access to this outbox", body = Problem, content_type = "application/problem+json")))]
pub async fn completed(
    State(shared): AppState,
    ApiQuery(query): ApiQuery<CompletedQuery>,
) -> ApiResult<Json<CompletedPage>> {
    shared.outbox().completed(&query, crate::domain::helsinki::today()).map(Json)
}

/// E-services with their pending counts.
#[utoipa::path(get, path = "/api/v1/services", tag = "outbox",
    responses((status = 200, body = Vec<ServiceSummary>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, description = "The token has no access to this outbox", body = Problem, content_type = "application/problem+json")))]
pub async fn services(State(shared): AppState) -> Json<Vec<ServiceSummary>> {
    Json(shared.outbox().services())
}

/// One transaction with its form data, claim and completion.
#[utoipa::path(get, path = "/api/v1/transactions/{id}", tag = "outbox", params(("id" = String, Path, description = "Transaction id")),
    responses((status = 200, body = TransactionDetail), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, description = "The token has no access to this outbox", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get(State(shared): AppState, ApiPath(id): ApiPath<String>) -> ApiResult<Response> {
    let outbox = shared.outbox();
    if let Some(raw) = outbox.raw(&id) {
        return Ok(([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], raw).into_response());
    }
    outbox.detail(&id, Utc::now()).map(|d| Json::<TransactionDetail>(d).into_response())
}

/// Downloads an attachment; `Content-Length` and `X-Content-SHA256` let the client check it.
#[utoipa::path(get, path = "/api/v1/transactions/{id}/attachments/{attachment_id}", tag = "outbox",
    params(("id" = String, Path, description = "Transaction id"), ("attachment_id" = String, Path, description = "Attachment id")),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>,
            headers(("x-content-sha256" = String, description = "SHA-256 of the body, lower-case hex")),
            description = "The bytes, with the attachment's content type"),
        (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, description = "The token has no access to this outbox", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn attachment(
    State(shared): AppState,
    ApiPath((id, attachment_id)): ApiPath<(String, String)>,
) -> ApiResult<Response> {
    if let Some((bytes, sha256)) = shared.outbox().raw_file(&id, &attachment_id) {
        let mut response = bytes.into_response();
        if let Some(value) = sha256.and_then(|s| HeaderValue::from_str(&s).ok()) {
            response.headers_mut().insert(SHA256_HEADER, value);
        }
        return Ok(response);
    }
    let (attachment, bytes) = shared.outbox().attachment(&id, &attachment_id)?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&attachment.content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Ok(value) = HeaderValue::from_str(&attachment.sha256) {
        headers.insert(SHA256_HEADER, value);
    }
    Ok(response)
}

/// Claims a transaction for a clerk (a lease), or renews the clerk's own claim.
#[utoipa::path(post, path = "/api/v1/transactions/{id}/claim", tag = "outbox", params(("id" = String, Path, description = "Transaction id")),
    request_body = ClaimRequest,
    responses((status = 200, body = Claim), (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, description = "The token has no access to this outbox", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Another clerk holds it; `holder` names them"),
        (status = 410, body = Problem, content_type = "application/problem+json", description = "Already completed"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "Empty clerk name or lease out of range")))]
pub async fn claim(
    State(shared): AppState,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<ClaimRequest>,
) -> ApiResult<Json<Claim>> {
    let claim = shared.outbox().claim(&id, &request, Utc::now())?;
    shared.save().await?;
    Ok(Json(claim))
}

/// Releases a claim so another clerk can take the transaction.
#[utoipa::path(post, path = "/api/v1/transactions/{id}/release", tag = "outbox", params(("id" = String, Path, description = "Transaction id")),
    request_body = ReleaseRequest,
    responses((status = 204, description = "Released (also when the claim had already ended)"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, description = "The token has no access to this outbox", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Another clerk's claim")))]
pub async fn release(
    State(shared): AppState,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<ReleaseRequest>,
) -> ApiResult<StatusCode> {
    shared.outbox().release(&id, &request.token, Utc::now())?;
    shared.save().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes back a completion made by mistake: only the clerk who completed it, at most 15 minutes
/// (`REOPEN_MINUTES`) after; the transaction is pending again. A desk calls it after TWeb has
/// withdrawn what the filing made.
#[utoipa::path(post, path = "/api/v1/transactions/{id}/reopen", tag = "outbox", params(("id" = String, Path, description = "Transaction id")),
    request_body = ReopenRequest,
    responses((status = 204, description = "Pending again"), (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, description = "The token has no access to this outbox", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not completed, completed by another clerk, or over 15 minutes ago")))]
pub async fn reopen(
    State(shared): AppState,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<ReopenRequest>,
) -> ApiResult<StatusCode> {
    shared.outbox().reopen(&id, &request.clerk, Utc::now())?;
    shared.save().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Records the filing result; the transaction leaves the pending list for good.
#[utoipa::path(post, path = "/api/v1/transactions/{id}/complete", tag = "outbox", params(("id" = String, Path, description = "Transaction id")),
    request_body = CompleteRequest,
    responses((status = 200, body = Completion), (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, description = "The token has no access to this outbox", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not claimed with this token, or the claim expired"),
        (status = 410, body = Problem, content_type = "application/problem+json", description = "Already completed"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "The result is incomplete for its action")))]
pub async fn complete(
    State(shared): AppState,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<CompleteRequest>,
) -> ApiResult<Json<Completion>> {
    let completion = shared.outbox().complete(&id, request, Utc::now())?;
    shared.save().await?;
    Ok(Json(completion))
}
