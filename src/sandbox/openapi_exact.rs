//! What the handlers' annotations cannot say, added to both contracts so that they state exactly
//! what the sandbox enforces: closed objects, binary bodies the OpenAPI 3.1 way, a
//! description on every answer, and the links a stateful client follows.

use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::schema::{AdditionalProperties, ArrayItems, Schema};
use utoipa::openapi::{Content, RefOr};

/// The media range of a stored file (an attachment, a document's content): answered with the
/// content type it was uploaded with, whatever that is.
pub const ANY_FILE: &str = "*/*";

/// Adds to a generated contract what the annotations cannot say.
pub struct Exact;

impl utoipa::Modify for Exact {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            for schema in components.schemas.values_mut() {
                close(schema);
            }
            if let Some(RefOr::T(Schema::Object(upload))) = components.schemas.get_mut("DocumentUpload")
                && let Some(RefOr::T(Schema::Object(file))) = upload.properties.get_mut("file")
            {
                // OpenAPI 3.1: a file part is a string of bytes with a media type, not `format: binary`.
                *file = utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .content_media_type("application/octet-stream")
                    .description(Some("The document's bytes; the part's own Content-Type is stored with it"))
                    .build();
            }
        }
        for (path, item) in &mut openapi.paths.paths {
            for operation in operations(item) {
                binary_bodies(operation);
                busy(operation);
                describe_answers(operation);
                links(path, operation);
            }
        }
    }
}

/// Closes every object with named properties (`additionalProperties: false`): the sandbox refuses
/// unknown fields in requests at any depth (`super::closed`) and sends none in its answers. Maps
/// (objects with an `additionalProperties` schema) stay open.
fn close(schema: &mut RefOr<Schema>) {
    let RefOr::T(schema) = schema else { return };
    match schema {
        Schema::Object(object) => {
            if !object.properties.is_empty() && object.additional_properties.is_none() {
                object.additional_properties = Some(Box::new(AdditionalProperties::FreeForm(false)));
            }
            object.properties.values_mut().for_each(close);
        }
        Schema::Array(array) => {
            if let ArrayItems::RefOrSchema(items) = &mut array.items {
                close(items);
            }
        }
        Schema::OneOf(one) => one.items.iter_mut().for_each(close),
        Schema::AllOf(all) => all.items.iter_mut().for_each(close),
        Schema::AnyOf(any) => any.items.iter_mut().for_each(close),
        _ => {}
    }
}

/// Any call may be answered "too busy" (429) or "unavailable for a moment" (503), with the
/// seconds to wait in `Retry-After`: a client waits that long before it calls that server again.
fn busy(operation: &mut Operation) {
    let answers = [
        ("429", "Too many requests: call this server again after the seconds in `Retry-After`"),
        ("503", "Unavailable for a moment: call this server again after the seconds in `Retry-After`, when given"),
    ];
    for (code, words) in answers {
        if operation.responses.responses.contains_key(code) {
            continue;
        }
        let seconds = utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Integer)
            .minimum(Some(0))
            .build();
        let retry_after = utoipa::openapi::HeaderBuilder::new()
            .schema(seconds)
            .description(Some("Seconds to wait before calling this server again"))
            .build();
        let problem = Content::new(Some(RefOr::<Schema>::Ref(utoipa::openapi::Ref::from_schema_name("Problem"))));
        let answer = utoipa::openapi::ResponseBuilder::new()
            .description(words)
            .header("Retry-After", retry_after)
            .content("application/problem+json", problem)
            .build();
        operation.responses.responses.insert(code.to_owned(), RefOr::T(answer));
    }
}

fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [&mut item.get, &mut item.post, &mut item.put, &mut item.delete, &mut item.patch].into_iter().flatten()
}

/// A file answer (`application/octet-stream` in the annotations) is any media type, with no JSON
/// schema; a multipart upload names each part's content type in `encoding`.
fn binary_bodies(operation: &mut Operation) {
    for response in operation.responses.responses.values_mut() {
        let RefOr::T(response) = response else { continue };
        if response.content.shift_remove("application/octet-stream").is_some() {
            response.content.insert(ANY_FILE.to_owned(), Content::new(None::<RefOr<Schema>>));
        }
    }
    if let Some(body) = operation.request_body.as_mut()
        && let Some(multipart) = body.content.get_mut("multipart/form-data")
    {
        for (part, content_type) in [("metadata", "application/json"), ("file", ANY_FILE)] {
            let mut encoding = utoipa::openapi::encoding::Encoding::default();
            encoding.content_type = Some(content_type.to_owned());
            multipart.encoding.insert(part.to_owned(), encoding);
        }
    }
}

/// Every answer says what it means; the annotations give most, these fill the rest.
fn describe_answers(operation: &mut Operation) {
    for (status, response) in &mut operation.responses.responses {
        let RefOr::T(response) = response else { continue };
        if !response.description.is_empty() {
            continue;
        }
        response.description = match status.as_str() {
            "200" => "OK",
            "201" => "Created; `Location` names the new object",
            "204" => "Done; no body",
            "400" => {
                "Malformed request: not JSON or multipart as described, a missing or unknown field, a value of \
the wrong type or out of the schema's bounds"
            }
            "401" => "No credentials, or wrong ones; `WWW-Authenticate` says which scheme",
            "403" => "The user may read but not write",
            "404" => "No such object",
            "409" => "In conflict with the current state; `detail` names the rule",
            "410" => "Already completed",
            "422" => {
                "Well-formed but refused: a value unknown to the catalog or against a rule; `errors[].pointer` \
names it"
            }
            _ => "See `detail`",
        }
        .to_owned();
    }
}

/// Links from what a create answers to what a client does next with it, for stateful clients
/// (schemathesis follows them).
fn links(path: &str, operation: &mut Operation) {
    let id = |pointer: &str| serde_json::Value::String(format!("$response.body#{pointer}"));
    let (status, to): (&str, &[(&str, &str, &str)]) = match (path, operation.operation_id.as_deref()) {
        ("/api/v1/cases", Some("create_case")) => (
            "201",
            &[
                ("GetCase", "get_case", "/id"),
                ("AddDocument", "add_document", "/id"),
                ("CaseDocuments", "case_documents", "/id"),
                ("CaseAssignments", "case_assignments", "/id"),
                ("WithdrawCase", "withdraw_case", "/id"),
            ],
        ),
        (_, Some("add_document" | "add_unregistered_document")) => {
            ("201", &[("GetDocument", "get_document", "/id"), ("DocumentContent", "document_content", "/id")])
        }
        ("/api/v1/assignments", Some("create_assignment")) => ("201", &[("GetAssignment", "get_assignment", "/id")]),
        ("/api/v1/transactions", Some("list")) => {
            ("200", &[("GetTransaction", "get", "/items/0/id"), ("ClaimTransaction", "claim", "/items/0/id")])
        }
        _ => return,
    };
    let Some(RefOr::T(response)) = operation.responses.responses.get_mut(status) else { return };
    for (name, operation_id, pointer) in to {
        let mut link = utoipa::openapi::link::Link::default();
        link.operation_id = (*operation_id).to_owned();
        link.parameters.insert("id".to_owned(), id(pointer));
        response.links.insert((*name).to_owned(), RefOr::T(link));
    }
}
