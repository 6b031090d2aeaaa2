//! Unknown fields refused at any depth where the contract closes the object. A request
//! body is checked against the schemas the contract is made of (the same `ToSchema` types), so the
//! server and the contract cannot disagree about which fields exist.

use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::error::ApiError;

/// A JSON request body, named by its schema in the contracts (none for the sandbox's own control
/// API, which is not part of them).
pub trait Body: serde::de::DeserializeOwned {
    /// The schema in `components/schemas` the body is checked against.
    const SCHEMA: Option<&'static str>;
}

macro_rules! bodies {
    ($($type:ty => $name:expr),* $(,)?) => {
        $(impl Body for $type {
            const SCHEMA: Option<&'static str> = $name;
        })*
    };
}

bodies! {
    crate::contract::tweb::CreateCase => Some("CreateCase"),
    crate::contract::tweb::CreateAssignment => Some("CreateAssignment"),
    crate::contract::tweb::WithdrawCase => Some("WithdrawCase"),
    crate::contract::outbox::ClaimRequest => Some("ClaimRequest"),
    crate::contract::outbox::ReleaseRequest => Some("ReleaseRequest"),
    crate::contract::outbox::ReopenRequest => Some("ReopenRequest"),
    crate::contract::outbox::CompleteRequest => Some("CompleteRequest"),
    crate::contract::tweb::DocumentMetadata => Some("DocumentMetadata"),
    super::faults::FaultConfig => None,
    Value => None,
}

/// The request bodies' schemas and every schema they name, made once from the contract types
/// themselves (as the contracts are). An object with named properties is closed unless it has an
/// `additionalProperties` schema: the rule `openapi_exact` writes into the contracts.
fn schemas() -> &'static Map<String, Value> {
    static SCHEMAS: OnceLock<Map<String, Value>> = OnceLock::new();
    SCHEMAS.get_or_init(|| {
        use crate::contract::{outbox, tweb};
        let mut list = Vec::new();
        collect::<tweb::CreateCase>(&mut list);
        collect::<tweb::CreateAssignment>(&mut list);
        collect::<tweb::WithdrawCase>(&mut list);
        collect::<tweb::DocumentMetadata>(&mut list);
        collect::<outbox::ClaimRequest>(&mut list);
        collect::<outbox::ReleaseRequest>(&mut list);
        collect::<outbox::ReopenRequest>(&mut list);
        collect::<outbox::CompleteRequest>(&mut list);
        list.into_iter().filter_map(|(name, schema)| Some((name, serde_json::to_value(schema).ok()?))).collect()
    })
}

type Schemas = Vec<(String, utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>)>;

fn collect<T: utoipa::ToSchema>(list: &mut Schemas) {
    T::schemas(list);
    list.push((T::name().into_owned(), T::schema()));
}

/// Refuses (400, naming its JSON pointer) the first field of `value` that schema `name` of the
/// contracts does not name, at any depth.
pub fn refuse_unknown(value: &Value, name: &str) -> Result<(), ApiError> {
    let Some(schema) = schemas().get(name) else { return Ok(()) };
    match unknown(value, schema, "") {
        Some(pointer) => Err(ApiError::bad_request(format!("unknown field {pointer}: the contract does not name it"))),
        None => Ok(()),
    }
}

/// The pointer of the first field `schema` does not allow, if any.
fn unknown(value: &Value, schema: &Value, at: &str) -> Option<String> {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let target = schemas().get(reference.rsplit('/').next()?)?;
        return unknown(value, target, at);
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(Value::Array(alternatives)) = schema.get(key) {
            // `Option<T>` is `oneOf: [null, T]`: the value is fine when one alternative of its own
            // kind (an object for an object, an array for an array) allows it.
            let kind: Vec<&Value> = alternatives.iter().filter(|s| same_kind(value, s)).collect();
            let found: Vec<String> = kind.iter().filter_map(|s| unknown(value, s, at)).collect();
            return if !kind.is_empty() && found.len() == kind.len() { found.into_iter().next() } else { None };
        }
    }
    match value {
        Value::Object(map) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            let extra = schema.get("additionalProperties").filter(|a| **a != Value::Bool(false));
            let closed = properties.is_some() && extra.is_none();
            map.iter().find_map(|(key, field)| {
                let inner = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                match properties.and_then(|p| p.get(key)) {
                    Some(property) => unknown(field, property, &inner),
                    None if closed => Some(inner),
                    None => extra.and_then(|s| unknown(field, s, &inner)),
                }
            })
        }
        Value::Array(items) => {
            let item = schema.get("items")?;
            items.iter().enumerate().find_map(|(i, v)| unknown(v, item, &format!("{at}/{i}")))
        }
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => None,
    }
}

/// Whether `schema` can describe `value`'s kind of JSON (a reference can describe any).
fn same_kind(value: &Value, schema: &Value) -> bool {
    if schema.get("$ref").is_some() || schema.get("oneOf").is_some() || schema.get("anyOf").is_some() {
        return true;
    }
    let kind = match value {
        Value::Object(_) => "object",
        Value::Array(_) => "array",
        Value::Null => "null",
        Value::Bool(_) | Value::Number(_) | Value::String(_) => return false,
    };
    match schema.get("type") {
        Some(Value::String(t)) => t == kind,
        Some(Value::Array(types)) => types.iter().any(|t| t == kind),
        _ => schema.get("properties").is_some() && kind == "object",
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn unknown_fields_are_found_at_any_depth_and_known_ones_pass() {
        let case = json!({"case_group": "02.05.01", "title": "Avustus", "parties": [
            {"name": "Aino", "role": "applicant", "address": {"street": "Katu 1", "postal_code": "00100", "city": "Helsinki"}}
        ]});
        assert!(super::refuse_unknown(&case, "CreateCase").is_ok());
        let mut extra = case.clone();
        extra["parties"][0]["address"]["extra"] = json!(1);
        let detail = super::refuse_unknown(&extra, "CreateCase").expect_err("refused").0.detail;
        assert!(detail.contains("/parties/0/address/extra"), "{detail}");
        let mut address = case.clone();
        address["parties"][0]["address"]["x-unknown"] = json!(42);
        assert!(super::refuse_unknown(&address, "CreateCase").is_err(), "inside an optional object too");
        let recipients = json!({"subject": "x", "recipients": {"users": [], "extra": []}, "case_id": 1});
        let detail = super::refuse_unknown(&recipients, "CreateAssignment").expect_err("refused").0.detail;
        assert!(detail.contains("/recipients/extra"), "{detail}");
    }
}
