//! The server enforces what the contracts say, no more and no less: limits the
//! schemas declare, integers as JSON Schema counts them, either-or lookups split into their own
//! operations. schemathesis found each of these as a valid request refused or an invalid one
//! accepted.

use reqwest::Method;
use serde_json::json;

use crate::common::{ok_json, problem, start};

#[tokio::test]
async fn lengths_count_every_character_and_a_blank_text_is_refused() {
    let env = start().await;
    let post = |body: serde_json::Value| env.tweb(Method::POST, "/cases").json(&body).send();
    let title = "a".repeat(500);
    ok_json(post(json!({"case_group": "02.05.01", "title": title})).await.expect("request")).await;
    // 501 characters, one of them a trailing space: over the schema's maxLength, so refused too.
    let long = format!("{title} ");
    problem(post(json!({"case_group": "02.05.01", "title": long})).await.expect("request"), 422, "longer than 500")
        .await;
    problem(post(json!({"case_group": "02.05.01", "title": " \t "})).await.expect("request"), 422, "empty").await;
    // A case group is a code of two-digit levels, as the contract's pattern says: a padded one is
    // refused, not trimmed.
    problem(post(json!({"case_group": " 02.05.01", "title": "Avustus"})).await.expect("request"), 422, "code").await;
    // Unknown fields are refused at any depth, as the closed objects of the contract say.
    let address = json!({"street": "Katu 1", "postal_code": "00100", "city": "Helsinki", "extra": 1});
    let party = json!({"name": "Aino Virtanen", "role": "applicant", "address": address});
    let nested = post(json!({"case_group": "02.05.01", "title": "Avustus", "parties": [party]}));
    problem(nested.await.expect("request"), 400, "/parties/0/address/extra").await;
    let id = env.outbox_get("/transactions?limit=1").await["items"][0]["id"].as_str().expect("id").to_owned();
    let claim = |clerk: String| {
        env.outbox(Method::POST, &format!("/transactions/{id}/claim")).json(&json!({"clerk": clerk})).send()
    };
    problem(claim(format!("{} ", "k".repeat(100))).await.expect("request"), 422, "1–100").await;
    ok_json(claim("k".repeat(100)).await.expect("request")).await;
}

#[tokio::test]
async fn integers_are_json_schema_integers_within_int64() {
    let env = start().await;
    let case = ok_json(
        env.tweb(Method::POST, "/cases")
            .json(&json!({"case_group": "02.05.01", "title": "Avustus"}))
            .send()
            .await
            .expect("request"),
    )
    .await;
    let case_id = case["id"].as_u64().expect("id");
    // 7.0 is the integer 7 in JSON Schema: a client that writes it so is not refused.
    let body =
        format!(r#"{{"subject": "Käsiteltäväksi", "recipients": {{"users": ["tmakinen"]}}, "case_id": {case_id}.0}}"#);
    let made = env.tweb(Method::POST, "/assignments").header("content-type", "application/json").body(body);
    assert_eq!(ok_json(made.send().await.expect("request")).await["case_id"], case_id);
    let beyond = r#"{"subject": "x", "recipients": {"users": ["tmakinen"]}, "case_id": 9223372036854775808}"#;
    let refused = env.tweb(Method::POST, "/assignments").header("content-type", "application/json").body(beyond);
    problem(refused.send().await.expect("request"), 400, "/case_id: integers are at most").await;
    let query = env.tweb(Method::GET, "/assignments?external_ref=x&case_id=9223372036854775808").send();
    problem(query.await.expect("request"), 400, "case_id").await;
    problem(env.tweb(Method::GET, "/cases?page=2147483648").send().await.expect("request"), 400, "page").await;
    problem(env.tweb(Method::GET, "/cases?page=0").send().await.expect("request"), 400, "page").await;
    // The last page the contract allows, 100 a page: it overflowed u32 and ended the connection.
    let last = env.tweb_get("/cases?page=2147483647&per_page=100").await;
    assert_eq!(last["items"], json!([]));
}

#[tokio::test]
async fn lookups_by_ref_need_the_ref_and_a_case_lists_its_own() {
    let env = start().await;
    for path in ["/documents", "/assignments"] {
        problem(env.tweb(Method::GET, path).send().await.expect("request"), 400, "external_ref").await;
        let empty = env.tweb(Method::GET, &format!("{path}?external_ref=")).send();
        problem(empty.await.expect("request"), 400, "external_ref").await;
        assert_eq!(env.tweb_get(&format!("{path}?external_ref=none")).await, json!([]));
    }
    let case = env.tweb_get("/cases?per_page=1").await["items"][0]["id"].as_u64().expect("a case");
    let documents = env.tweb_get(&format!("/cases/{case}/documents")).await;
    assert_eq!(documents, env.tweb_get(&format!("/cases/{case}")).await["documents"]);
    assert!(env.tweb_get(&format!("/cases/{case}/assignments")).await.is_array());
    let missing = env.tweb(Method::GET, "/cases/999999999/assignments").send();
    problem(missing.await.expect("request"), 404, "999999999").await;
}
