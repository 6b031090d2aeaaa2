//! The two OpenAPI contracts, generated from the wire types and the sandbox's handlers. The
//! committed copies live in `assets/api/`; a test fails when they drift from the code.

use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::openapi_exact::Exact;
use super::{outbox_api, tweb_api};

struct TwebSecurity;

impl Modify for TwebSecurity {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme("basic", SecurityScheme::Http(Http::new(HttpAuthScheme::Basic)));
            components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
        }
    }
}

struct OutboxSecurity;

impl Modify for OutboxSecurity {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
        }
    }
}

/// The TWeb 5.6 REST API as Kirjaamo uses it.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "TWeb REST API (Kirjaamo contract)",
        version = "5.6.0",
        description = "The part of TWeb's REST API that Kirjaamo uses: the catalog of the records plan (TOS), case \
search, cases, documents and assignments. TWeb inherits publicity, secrecy and retention from the case group and the \
document type; clients never set them. Every error is RFC 9457 problem+json with a `detail` a clerk can act on. \
Objects created with an `external_ref` are unique by it (409 with `existing_id` on a repeat), which makes filings \
idempotent."
    ),
    servers((url = "http://127.0.0.1:8700/tweb", description = "Kirjaamo sandbox (`kirjaamo sandbox`)")),
    paths(
        tweb_api::me,
        tweb_api::case_groups,
        tweb_api::document_types,
        tweb_api::users,
        tweb_api::groups,
        tweb_api::search_cases,
        tweb_api::get_case,
        tweb_api::create_case,
        tweb_api::withdraw_case,
        tweb_api::add_document,
        tweb_api::add_unregistered_document,
        tweb_api::find_documents,
        tweb_api::case_documents,
        tweb_api::get_document,
        tweb_api::document_content,
        tweb_api::create_assignment,
        tweb_api::find_assignments,
        tweb_api::case_assignments,
        tweb_api::get_assignment,
    ),
    components(schemas(crate::contract::FieldProblem)),
    modifiers(&TwebSecurity, &Exact),
    security(("basic" = []), ("bearer" = [])),
    tags(
        (name = "catalog", description = "Records plan, document types, users and groups"),
        (name = "cases", description = "Case search and registration"),
        (name = "documents", description = "Documents on cases and unregistered documents"),
        (name = "assignments", description = "Assignments (toimeksiannot)"),
    )
)]
pub struct TwebApi;

/// The ePalvelu outbox API.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "ePalvelu outbox API (Kirjaamo contract)",
        version = "1.0.0",
        description = "Submitted e-service transactions waiting to be filed. A clerk claims a transaction (a lease \
that expires unless renewed), files it, and completes it with the filing result; a completed transaction leaves the \
pending list and answers 410 to claim and complete. Every error is RFC 9457 problem+json."
    ),
    servers((url = "http://127.0.0.1:8700/epalvelu", description = "Kirjaamo sandbox (`kirjaamo sandbox`)")),
    paths(
        outbox_api::list,
        outbox_api::services,
        outbox_api::completed,
        outbox_api::get,
        outbox_api::attachment,
        outbox_api::claim,
        outbox_api::release,
        outbox_api::reopen,
        outbox_api::complete,
    ),
    components(schemas(crate::contract::FieldProblem)),
    modifiers(&OutboxSecurity, &Exact),
    security(("bearer" = [])),
    tags((name = "outbox", description = "Pending transactions, claims and completion"))
)]
pub struct OutboxApi;

/// Error rendering a contract.
#[derive(Debug, thiserror::Error)]
#[error("the OpenAPI document could not be written as YAML")]
pub struct ContractError(#[source] serde_norway::Error);

/// The TWeb contract as YAML.
pub fn tweb_yaml() -> Result<String, ContractError> {
    TwebApi::openapi().to_yaml().map(link_keys).map_err(ContractError)
}

/// The outbox contract as YAML.
pub fn outbox_yaml() -> Result<String, ContractError> {
    OutboxApi::openapi().to_yaml().map(link_keys).map_err(ContractError)
}

/// utoipa 5.5 writes a Link object's fields in snake case (`operation_id`), which no OpenAPI tool
/// reads; OpenAPI names them `operationId`, `operationRef` and `requestBody`. Those snake-case
/// keys occur nowhere else in the contracts (operations are written `operationId` already).
fn link_keys(yaml: String) -> String {
    yaml.lines()
        .map(|line| {
            let key = line.trim_start();
            let indent = &line[..line.len() - key.len()];
            for (snake, camel) in [
                ("operation_id:", "operationId:"),
                ("operation_ref:", "operationRef:"),
                ("request_body:", "requestBody:"),
            ] {
                if let Some(rest) = key.strip_prefix(snake) {
                    return format!("{indent}{camel}{rest}\n");
                }
            }
            format!("{line}\n")
        })
        .collect()
}
