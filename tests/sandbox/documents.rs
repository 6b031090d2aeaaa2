//! Document uploads onto cases and unregistered documents.

use reqwest::Method;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::common::{ok_json, problem, start};

fn pdf_bytes() -> Vec<u8> {
    b"%PDF-1.4\n% Kirjaamo test form\n".repeat(50)
}

#[tokio::test]
async fn a_document_on_a_case_inherits_the_stricter_records_and_keeps_its_bytes() {
    let env = start().await;
    let case = env.create_case("05.12.01", None).await;
    let case_id = case["id"].as_u64().expect("id");
    let bytes = pdf_bytes();
    let sha = hex::encode(Sha256::digest(&bytes));
    let metadata =
        json!({"title": "Hakemus", "document_type": "HAKEMUS", "sha256": sha, "external_ref": "epalvelu:TX-D1:form"});
    let response = env.upload(Some(case_id), metadata, bytes.clone()).await;
    assert_eq!(response.status().as_u16(), 201);
    let location = response.headers()["location"].to_str().expect("location").to_owned();
    let document = ok_json(response).await;
    assert_eq!(location, format!("/api/v1/documents/{}", document["id"]));
    assert_eq!(document["case_id"], case_id);
    assert_eq!(document["filename"], "lomake.pdf");
    assert_eq!(document["content_type"], "application/pdf");
    assert_eq!(document["size"], bytes.len());
    assert_eq!(document["sha256"], sha.as_str());
    // Public document type on a secret case: the case group's secrecy wins.
    assert_eq!(document["records"]["publicity"], "secret");

    let id = document["id"].as_u64().expect("id");
    let content = env.tweb(Method::GET, &format!("/documents/{id}/content")).send().await.expect("request");
    assert_eq!(content.headers()["content-type"], "application/pdf");
    assert_eq!(content.bytes().await.expect("bytes").to_vec(), bytes);
    assert_eq!(env.tweb_get(&format!("/documents/{id}")).await["id"], id);
    let by_ref = env.tweb_get("/documents?external_ref=epalvelu:TX-D1:form").await;
    assert_eq!(by_ref.as_array().map(Vec::len), Some(1));
    let by_case = env.tweb_get(&format!("/cases/{case_id}/documents")).await;
    assert_eq!(by_case[0]["id"], id);
    let detail = env.tweb_get(&format!("/cases/{case_id}")).await;
    assert_eq!(detail["documents"][0]["id"], id);
}

#[tokio::test]
async fn an_unregistered_document_has_no_case_and_the_type_records() {
    let env = start().await;
    let metadata = json!({"title": "Lääkärinlausunto", "document_type": "LAAKLAUS", "filename": "lausunto.pdf"});
    let document = ok_json(env.upload(None, metadata, pdf_bytes()).await).await;
    assert!(document["case_id"].is_null());
    assert_eq!(document["filename"], "lausunto.pdf");
    assert_eq!(document["records"]["publicity"], "secret");
    let public =
        ok_json(env.upload(None, json!({"title": "Hakemus", "document_type": "HAKEMUS"}), pdf_bytes()).await).await;
    assert_eq!(public["records"]["publicity"], "public");
}

#[tokio::test]
async fn bad_uploads_are_refused_with_the_reason() {
    let env = start().await;
    let case_id = env.create_case("02.05.01", None).await["id"].as_u64().expect("id");
    let meta = |extra: serde_json::Value| {
        let mut m = json!({"title": "Liite", "document_type": "HAKLIITE"});
        if let (Some(m), Some(extra)) = (m.as_object_mut(), extra.as_object()) {
            m.extend(extra.clone());
        }
        m
    };
    problem(env.upload(Some(case_id), meta(json!({"sha256": "00ff"})), pdf_bytes()).await, 422, "damaged").await;
    problem(env.upload(Some(case_id), meta(json!({"document_type": "HAKEMU"})), pdf_bytes()).await, 422, "HAKEMU")
        .await;
    problem(env.upload(Some(case_id), meta(json!({"publicity": "public"})), pdf_bytes()).await, 422, "inherited").await;
    problem(env.upload(Some(case_id), meta(json!({"title": ""})), pdf_bytes()).await, 422, "title").await;
    problem(env.upload(Some(case_id), meta(json!({})), Vec::new()).await, 422, "empty").await;
    problem(env.upload(Some(case_id), meta(json!({"size": 5})), pdf_bytes()).await, 400, "size").await;
    problem(env.upload(Some(999_999), meta(json!({})), pdf_bytes()).await, 404, "999999").await;

    let no_file = reqwest::multipart::Form::new().text("metadata", meta(json!({})).to_string());
    let response = env.tweb(Method::POST, &format!("/cases/{case_id}/documents")).multipart(no_file).send();
    problem(response.await.expect("request"), 400, "no `file` part").await;
    let no_meta = reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(pdf_bytes()));
    let response = env.tweb(Method::POST, "/documents").multipart(no_meta).send();
    problem(response.await.expect("request"), 400, "no `metadata` part").await;
    let not_multipart = env.tweb(Method::POST, "/documents").json(&meta(json!({}))).send();
    problem(not_multipart.await.expect("request"), 400, "multipart").await;

    let first = ok_json(env.upload(Some(case_id), meta(json!({"external_ref": "r:1"})), pdf_bytes()).await).await;
    let again =
        problem(env.upload(Some(case_id), meta(json!({"external_ref": "r:1"})), pdf_bytes()).await, 409, "r:1").await;
    assert_eq!(again["existing_id"], first["id"]);
    problem(env.tweb(Method::GET, "/documents").send().await.expect("request"), 400, "external_ref").await;
    problem(env.tweb(Method::GET, "/documents/4").send().await.expect("request"), 404, "4").await;
    problem(env.tweb(Method::GET, "/documents/4/content").send().await.expect("request"), 404, "4").await;
}
