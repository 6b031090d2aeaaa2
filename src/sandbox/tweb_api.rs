//! TWeb REST API handlers (`/api/v1`), annotated for the OpenAPI contract.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Multipart, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use chrono::Utc;

use super::error::{ApiError, ApiResult};
use super::extract::{ApiJson, ApiMultipart, ApiPath, ApiQuery};
use super::shared::Shared;
use super::tweb_state::Upload;
use crate::contract::Problem;
use crate::contract::tweb::{
    CaseDetail, CasePage, CaseQuery, CreateAssignment, CreateCase, DocumentMetadata, DocumentUpload,
    INHERITED_PROPERTIES, RefQuery, WithdrawCase,
};
use crate::domain::{Assignment, Case, CaseGroup, Document, DocumentType, Group, User};

type AppState = State<Arc<Shared>>;

fn created<T: serde::Serialize>(location: String, body: &T) -> Response {
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// Refuses records properties in a request body: TWeb inherits them from the records plan.
fn refuse_inherited(body: &serde_json::Value, what: &str) -> ApiResult<()> {
    if let Some(object) = body.as_object()
        && let Some(key) = INHERITED_PROPERTIES.iter().find(|k| object.contains_key(**k))
    {
        return Err(ApiError::invalid(
            &format!("/{key}"),
            format!("{key} is inherited from the records plan (TOS) by the {what}; a client may not set it"),
        ));
    }
    Ok(())
}

/// The signed-in user and their rights: what a client checks before it files anything.
#[utoipa::path(get, path = "/api/v1/me", tag = "catalog",
    responses((status = 200, body = crate::contract::tweb::Me), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn me(
    State(shared): AppState,
    caller: Option<axum::Extension<super::auth::Caller>>,
) -> ApiResult<Json<crate::contract::tweb::Me>> {
    use crate::contract::tweb::Right;
    let Some(axum::Extension(caller)) = caller else {
        return Err(ApiError::unauthorized("TWeb needs HTTP Basic credentials or a Bearer API token"));
    };
    // The integration users are not people in the catalog; they get descriptive names.
    let name = shared.tweb().catalog.users.iter().find(|u| u.id == caller.user).map(|u| u.name.clone());
    let name =
        name.or_else(|| Some(if caller.read_only { "Lukuoikeus (testi)" } else { "Kirjaamo-integraatio" }.to_owned()));
    let rights = if caller.read_only { vec![Right::ReadCases] } else { Right::ALL.to_vec() };
    Ok(Json(crate::contract::tweb::Me { name: name.unwrap_or_else(|| caller.user.clone()), user: caller.user, rights }))
}

/// Case groups of the records plan with their records properties.
#[utoipa::path(get, path = "/api/v1/catalog/case-groups", tag = "catalog",
    responses((status = 200, body = Vec<CaseGroup>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn case_groups(State(shared): AppState) -> Json<Vec<CaseGroup>> {
    Json(shared.tweb().catalog.case_groups.clone())
}

/// Document types with their records properties.
#[utoipa::path(get, path = "/api/v1/catalog/document-types", tag = "catalog",
    responses((status = 200, body = Vec<DocumentType>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn document_types(State(shared): AppState) -> Json<Vec<DocumentType>> {
    Json(shared.tweb().catalog.document_types.clone())
}

/// Users who can receive assignments.
#[utoipa::path(get, path = "/api/v1/catalog/users", tag = "catalog",
    responses((status = 200, body = Vec<User>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn users(State(shared): AppState) -> Json<Vec<User>> {
    Json(shared.tweb().catalog.users.clone())
}

/// Groups that can receive assignments.
#[utoipa::path(get, path = "/api/v1/catalog/groups", tag = "catalog",
    responses((status = 200, body = Vec<Group>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn groups(State(shared): AppState) -> Json<Vec<Group>> {
    Json(shared.tweb().catalog.groups.clone())
}

/// Searches cases, newest first.
#[utoipa::path(get, path = "/api/v1/cases", tag = "cases", params(CaseQuery),
    responses((status = 200, body = CasePage), (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn search_cases(State(shared): AppState, ApiQuery(query): ApiQuery<CaseQuery>) -> ApiResult<Json<CasePage>> {
    shared.tweb().search(&query).map(Json)
}

/// A case with its documents.
#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "cases", params(("id" = u64, Path, description = "Case id")),
    responses((status = 200, body = CaseDetail), (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_case(State(shared): AppState, ApiPath(id): ApiPath<u64>) -> ApiResult<Json<CaseDetail>> {
    shared.tweb().case_detail(id).map(Json)
}

/// Withdraws a case opened by mistake, at most 15 minutes (`WITHDRAW_MINUTES`) after it was
/// opened through the API and only while it holds nothing but the documents filed with it (their
/// external refs begin with the case's) and no assignment. Its documents are removed, its status
/// becomes `withdrawn`, the reason goes into its description, and its external ref and theirs are
/// released, so the matter can be filed again; the diary number is not used again.
#[utoipa::path(post, path = "/api/v1/cases/{id}/withdraw", tag = "cases", params(("id" = u64, Path, description = "Case id")),
    request_body = WithdrawCase,
    responses((status = 200, body = Case, description = "Withdrawn"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, description = "The user may read but not write", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not opened through the API, opened over 15 minutes ago, holding other documents, or with an assignment"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "An empty reason")))]
pub async fn withdraw_case(
    State(shared): AppState,
    ApiPath(id): ApiPath<u64>,
    ApiJson(request): ApiJson<WithdrawCase>,
) -> ApiResult<Json<Case>> {
    let case = shared.tweb().withdraw_case(id, &request.reason, Utc::now())?;
    shared.save().await?;
    Ok(Json(case))
}

/// Opens a case. The server assigns the diary number and inherits publicity, secrecy and retention
/// from the case group; a body that sets them is refused (422).
#[utoipa::path(post, path = "/api/v1/cases", tag = "cases", request_body = CreateCase,
    responses((status = 201, body = Case, description = "Created; `Location` names the case"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, description = "The user may read but not write", body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "A case already has this external ref; `existing_id` names it"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "Unknown or closed case group, empty title, or a records property set")))]
pub async fn create_case(State(shared): AppState, ApiJson(body): ApiJson<serde_json::Value>) -> ApiResult<Response> {
    refuse_inherited(&body, "case group")?;
    super::closed::refuse_unknown(&body, "CreateCase")?;
    let request: CreateCase =
        serde_json::from_value(body).map_err(|e| ApiError::bad_request(format!("the case could not be read: {e}")))?;
    let case = shared.tweb().create_case(request, Utc::now())?;
    shared.save().await?;
    Ok(created(format!("/api/v1/cases/{}", case.id), &case))
}

async fn read_upload(mut multipart: Multipart) -> ApiResult<Upload> {
    let mut metadata = None;
    let mut file = None;
    let bad = |e: axum::extract::multipart::MultipartError| {
        ApiError::bad_request(format!("the multipart body could not be read: {}", e.body_text()))
    };
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        match field.name() {
            Some("metadata") => {
                let text = field.bytes().await.map_err(bad)?;
                let mut value: serde_json::Value = serde_json::from_slice(&text)
                    .map_err(|e| ApiError::bad_request(format!("the metadata part is not JSON: {e}")))?;
                super::extract::as_json_schema_integers(&mut value, "/metadata")?;
                refuse_inherited(&value, "document type")?;
                super::closed::refuse_unknown(&value, "DocumentMetadata")?;
                let parsed: DocumentMetadata = serde_json::from_value(value)
                    .map_err(|e| ApiError::bad_request(format!("the metadata could not be read: {e}")))?;
                metadata = Some(parsed);
            }
            Some("file") => {
                let filename = field.file_name().map(str::to_owned);
                let content_type = field.content_type().unwrap_or("application/octet-stream").to_owned();
                let bytes: Bytes = field.bytes().await.map_err(bad)?;
                file = Some((filename, content_type, bytes));
            }
            other => {
                return Err(ApiError::bad_request(format!(
                    "unexpected multipart part {:?}; send `metadata` and `file`",
                    other.unwrap_or("")
                )));
            }
        }
    }
    let metadata = metadata.ok_or_else(|| ApiError::bad_request("the multipart body has no `metadata` part"))?;
    let (filename, content_type, bytes) =
        file.ok_or_else(|| ApiError::bad_request("the multipart body has no `file` part"))?;
    Ok(Upload { metadata, filename, content_type, bytes })
}

async fn store_document(shared: &Shared, case_id: Option<u64>, multipart: Multipart) -> ApiResult<Response> {
    let upload = read_upload(multipart).await?;
    let bytes = upload.bytes.clone();
    let document = shared.tweb().add_document(case_id, upload, Utc::now())?;
    shared.store_content(&document.sha256, bytes).await?;
    shared.save().await?;
    Ok(created(format!("/api/v1/documents/{}", document.id), &document))
}

/// Adds a document to a case. Publicity is inherited from the document type and the case group.
#[utoipa::path(post, path = "/api/v1/cases/{id}/documents", tag = "documents",
    params(("id" = u64, Path, description = "Case id")),
    request_body(content = DocumentUpload, content_type = "multipart/form-data"),
    responses((status = 201, body = Document), (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, description = "The user may read but not write", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No such case"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "A document already has this external ref"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "Unknown document type, empty file, SHA-256 mismatch or a records property set")))]
pub async fn add_document(
    State(shared): AppState,
    ApiPath(id): ApiPath<u64>,
    ApiMultipart(multipart): ApiMultipart,
) -> ApiResult<Response> {
    store_document(&shared, Some(id), multipart).await
}

/// Registers an unregistered document (no case yet), e.g. for an assignment-only filing.
#[utoipa::path(post, path = "/api/v1/documents", tag = "documents",
    request_body(content = DocumentUpload, content_type = "multipart/form-data"),
    responses((status = 201, body = Document), (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, description = "The user may read but not write", body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "A document already has this external ref"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn add_unregistered_document(
    State(shared): AppState,
    ApiMultipart(multipart): ApiMultipart,
) -> ApiResult<Response> {
    store_document(&shared, None, multipart).await
}

/// Finds the documents made with an external ref (on one case, with `case_id`).
#[utoipa::path(get, path = "/api/v1/documents", tag = "documents", params(RefQuery),
    responses((status = 200, body = Vec<Document>),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "No `external_ref`, or a bad `case_id`"),
        (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn find_documents(
    State(shared): AppState,
    ApiQuery(query): ApiQuery<RefQuery>,
) -> ApiResult<Json<Vec<Document>>> {
    let case_id = ref_case(&query)?;
    let tweb = shared.tweb();
    let found = tweb
        .documents
        .values()
        .filter(|d| d.external_ref.as_deref() == Some(query.external_ref.as_str()))
        .filter(|d| case_id.is_none() || d.case_id == case_id)
        .cloned()
        .collect();
    Ok(Json(found))
}

/// The case id of a ref query, within int64 as the contract bounds it; the ref not empty.
fn ref_case(query: &RefQuery) -> ApiResult<Option<u64>> {
    if query.external_ref.is_empty() {
        return Err(ApiError::bad_request("external_ref must not be empty"));
    }
    match query.case_id {
        Some(id) if i64::try_from(id).is_err() => Err(ApiError::bad_request("case_id is at most 9223372036854775807")),
        id => Ok(id),
    }
}

/// The documents of a case, oldest first.
#[utoipa::path(get, path = "/api/v1/cases/{id}/documents", tag = "documents", params(("id" = u64, Path, description = "Case id")),
    responses((status = 200, body = Vec<Document>), (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No such case")))]
pub async fn case_documents(State(shared): AppState, ApiPath(id): ApiPath<u64>) -> ApiResult<Json<Vec<Document>>> {
    shared.tweb().case_detail(id).map(|detail| Json(detail.documents))
}

/// A document's metadata.
#[utoipa::path(get, path = "/api/v1/documents/{id}", tag = "documents", params(("id" = u64, Path, description = "Document id")),
    responses((status = 200, body = Document), (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_document(State(shared): AppState, ApiPath(id): ApiPath<u64>) -> ApiResult<Json<Document>> {
    shared
        .tweb()
        .documents
        .get(&id)
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no document with id {id}")))
}

/// A document's content.
#[utoipa::path(get, path = "/api/v1/documents/{id}/content", tag = "documents", params(("id" = u64, Path, description = "Document id")),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>, description = "The bytes, with the stored content type"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn document_content(State(shared): AppState, ApiPath(id): ApiPath<u64>) -> ApiResult<Response> {
    let document = shared
        .tweb()
        .documents
        .get(&id)
        .cloned()
        .ok_or_else(|| ApiError::not_found(format!("no document with id {id}")))?;
    let bytes = shared
        .content(&document.sha256)
        .ok_or_else(|| ApiError::internal(format!("the content of document {id} is missing")))?;
    let content_type =
        HeaderValue::from_str(&document.content_type).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    Ok(([(header::CONTENT_TYPE, content_type)], bytes).into_response())
}

/// Sends an assignment to users and groups about a case, documents, or both.
#[utoipa::path(post, path = "/api/v1/assignments", tag = "assignments", request_body = CreateAssignment,
    responses((status = 201, body = Assignment), (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, description = "The user may read but not write", body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "An assignment already has this external ref"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "Unknown user, group, case or document; no recipient or target; due date past")))]
pub async fn create_assignment(
    State(shared): AppState,
    ApiJson(request): ApiJson<CreateAssignment>,
) -> ApiResult<Response> {
    let assignment = shared.tweb().create_assignment(request, Utc::now())?;
    shared.save().await?;
    Ok(created(format!("/api/v1/assignments/{}", assignment.id), &assignment))
}

/// Finds the assignments made with an external ref (on one case, with `case_id`).
#[utoipa::path(get, path = "/api/v1/assignments", tag = "assignments", params(RefQuery),
    responses((status = 200, body = Vec<Assignment>),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "No `external_ref`, or a bad `case_id`"),
        (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn find_assignments(
    State(shared): AppState,
    ApiQuery(query): ApiQuery<RefQuery>,
) -> ApiResult<Json<Vec<Assignment>>> {
    let case_id = ref_case(&query)?;
    let tweb = shared.tweb();
    let found = tweb
        .assignments
        .values()
        .filter(|a| a.external_ref.as_deref() == Some(query.external_ref.as_str()))
        .filter(|a| case_id.is_none() || a.case_id == case_id)
        .cloned()
        .collect();
    Ok(Json(found))
}

/// The assignments about a case, oldest first.
#[utoipa::path(get, path = "/api/v1/cases/{id}/assignments", tag = "assignments", params(("id" = u64, Path, description = "Case id")),
    responses((status = 200, body = Vec<Assignment>), (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No such case")))]
pub async fn case_assignments(State(shared): AppState, ApiPath(id): ApiPath<u64>) -> ApiResult<Json<Vec<Assignment>>> {
    let tweb = shared.tweb();
    tweb.case_detail(id)?;
    Ok(Json(tweb.assignments.values().filter(|a| a.case_id == Some(id)).cloned().collect()))
}

/// One assignment.
#[utoipa::path(get, path = "/api/v1/assignments/{id}", tag = "assignments", params(("id" = u64, Path, description = "Assignment id")),
    responses((status = 200, body = Assignment), (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_assignment(State(shared): AppState, ApiPath(id): ApiPath<u64>) -> ApiResult<Json<Assignment>> {
    shared
        .tweb()
        .assignments
        .get(&id)
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no assignment with id {id}")))
}
