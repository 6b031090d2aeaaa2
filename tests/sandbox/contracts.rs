//! The committed OpenAPI contracts match the code and describe every endpoint and error.

use kirjaamo::contract::documents;
use kirjaamo::sandbox::openapi;

fn committed(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/api").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `KIRJAAMO_WRITE_CONTRACTS=1 cargo test --test sandbox contracts` rewrites `assets/api/` from
/// the code; the program carries the committed copies (`kirjaamo::contract::documents`).
#[test]
fn committed_contracts_match_the_code() {
    let generated = [
        (documents::TWEB, openapi::tweb_yaml().expect("TWeb YAML")),
        (documents::OUTBOX, openapi::outbox_yaml().expect("outbox YAML")),
    ];
    if std::env::var_os("KIRJAAMO_WRITE_CONTRACTS").is_some() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/api");
        for (document, text) in &generated {
            std::fs::write(dir.join(document.name), text).expect("write the contract");
        }
        return;
    }
    let hint = "the contract drifted from the code: run `KIRJAAMO_WRITE_CONTRACTS=1 cargo test --test sandbox \
                contracts` and commit assets/api/";
    for (document, text) in &generated {
        assert!(committed(document.name) == *text, "{}: {hint}", document.name);
        // What the program carries is the committed file of this build.
        assert!(document.text == text, "{}: the embedded copy is not the committed file", document.name);
    }
}

fn operations(yaml: &str) -> Vec<(String, String, serde_json::Value)> {
    let doc: serde_json::Value = serde_norway::from_str(yaml).expect("YAML parses");
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("path item") {
            out.push((method.clone(), path.clone(), operation.clone()));
        }
    }
    out
}

#[test]
fn every_operation_documents_auth_errors_as_problem_json() {
    // Signed in without the right: every TWeb write (a read-only user), every outbox call (a
    // token of another organisation).
    for (yaml, expected, forbidden_on_reads) in
        [(openapi::tweb_yaml().expect("yaml"), 19, false), (openapi::outbox_yaml().expect("yaml"), 9, true)]
    {
        let ops = operations(&yaml);
        assert_eq!(ops.len(), expected, "{:?}", ops.iter().map(|o| format!("{} {}", o.0, o.1)).collect::<Vec<_>>());
        for (method, path, operation) in ops {
            let responses = operation["responses"].as_object().expect("responses");
            assert!(responses.contains_key("401"), "{method} {path} documents 401");
            if method == "post" || forbidden_on_reads {
                assert!(responses.contains_key("403"), "{method} {path} documents 403");
            }
            assert!(
                operation["description"].is_string() || operation["summary"].is_string(),
                "{method} {path} is described"
            );
            for (status, response) in responses {
                let described = response["description"].as_str().is_some_and(|d| !d.trim().is_empty());
                assert!(described, "{method} {path} {status} says what it means");
                if status.starts_with('4') {
                    assert!(
                        response["content"]["application/problem+json"].is_object(),
                        "{method} {path} {status} is problem+json"
                    );
                }
            }
        }
        assert!(yaml.contains("securitySchemes"));
    }
}

/// Files are any media type, declared the OpenAPI 3.1 way: the answers list `*/*`
/// without a JSON schema (a file is not an array of integers), the upload's `file` part is a
/// string with a `contentMediaType`, and each part's content type is in `encoding`.
#[test]
fn files_are_declared_the_openapi_3_1_way_and_links_use_operation_ids() {
    let tweb: serde_json::Value = serde_norway::from_str(&openapi::tweb_yaml().expect("yaml")).expect("parses");
    let outbox: serde_json::Value = serde_norway::from_str(&openapi::outbox_yaml().expect("yaml")).expect("parses");
    let content = &tweb["paths"]["/api/v1/documents/{id}/content"]["get"]["responses"]["200"]["content"];
    assert_eq!(content.as_object().map(|c| c.keys().cloned().collect::<Vec<_>>()), Some(vec!["*/*".to_owned()]));
    let attachment =
        &outbox["paths"]["/api/v1/transactions/{id}/attachments/{attachment_id}"]["get"]["responses"]["200"];
    assert!(attachment["content"]["*/*"].is_object(), "{attachment}");
    assert!(attachment["content"]["*/*"]["schema"].is_null());
    let upload =
        &tweb["paths"]["/api/v1/cases/{id}/documents"]["post"]["requestBody"]["content"]["multipart/form-data"];
    assert_eq!(upload["encoding"]["metadata"]["contentType"], "application/json");
    assert_eq!(upload["encoding"]["file"]["contentType"], "*/*");
    let file = &tweb["components"]["schemas"]["DocumentUpload"];
    assert_eq!(file["properties"]["file"]["contentMediaType"], "application/octet-stream");
    assert_eq!(file["additionalProperties"], false);
    let links = &tweb["paths"]["/api/v1/cases"]["post"]["responses"]["201"]["links"];
    assert_eq!(links["GetCase"]["operationId"], "get_case");
    assert_eq!(links["GetCase"]["parameters"]["id"], "$response.body#/id");
    assert!(!openapi::tweb_yaml().expect("yaml").contains("operation_id:"));
}
