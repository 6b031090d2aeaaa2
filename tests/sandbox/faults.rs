//! Fault injection: statuses, lost responses, latency, resets, repeatability and the control API.

use std::time::{Duration, Instant};

use kirjaamo::sandbox::{FaultConfig, FaultEffect, FaultRule};
use reqwest::Method;
use serde_json::json;

use crate::common::{problem, start};

fn rule(path: &str, effect: FaultEffect) -> FaultRule {
    FaultRule {
        api: None,
        method: None,
        path: Some(path.to_owned()),
        probability: 1.0,
        latency_ms: 0,
        effect,
        times: None,
    }
}

#[tokio::test]
async fn a_status_fault_fires_the_given_number_of_times() {
    let env = start().await;
    let mut limited = rule("/catalog/users", FaultEffect::Status { status: 503, after: false });
    limited.times = Some(2);
    env.sandbox.set_faults(FaultConfig { seed: 1, rules: vec![limited] });
    for _ in 0..2 {
        problem(env.tweb(Method::GET, "/catalog/users").send().await.expect("request"), 503, "fault injected").await;
    }
    assert!(env.tweb(Method::GET, "/catalog/users").send().await.expect("request").status().is_success());
    assert!(
        env.tweb(Method::GET, "/catalog/groups").send().await.expect("request").status().is_success(),
        "other paths unaffected"
    );
}

#[tokio::test]
async fn a_lost_response_still_makes_the_change() {
    let env = start().await;
    let mut lost = rule("/cases", FaultEffect::Status { status: 504, after: true });
    lost.method = Some("POST".to_owned());
    lost.times = Some(1);
    env.sandbox.set_faults(FaultConfig { seed: 1, rules: vec![lost] });
    let body = json!({"case_group": "02.05.01", "title": "Avustus", "external_ref": "epalvelu:TX-LOST"});
    problem(env.tweb(Method::POST, "/cases").json(&body).send().await.expect("request"), 504, "fault injected").await;
    assert_eq!(
        env.sandbox.count_external_ref("epalvelu:TX-LOST").cases,
        1,
        "the case was made although the answer was lost"
    );
    let retry = env.tweb(Method::POST, "/cases").json(&body).send().await.expect("request");
    let conflict = problem(retry, 409, "epalvelu:TX-LOST").await;
    assert!(conflict["existing_id"].as_u64().is_some());
    assert_eq!(env.sandbox.count_external_ref("epalvelu:TX-LOST").cases, 1);
}

#[tokio::test]
async fn latency_is_added_before_the_answer() {
    let env = start().await;
    let mut slow = rule("/services", FaultEffect::Delay);
    slow.latency_ms = 300;
    env.sandbox.set_faults(FaultConfig { seed: 1, rules: vec![slow] });
    let started = Instant::now();
    assert!(env.outbox(Method::GET, "/services").send().await.expect("request").status().is_success());
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn a_response_reset_breaks_the_body_midway() {
    let env = start().await;
    let page = env.outbox_get("/transactions?limit=200").await;
    let with_file = page["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|t| t["attachment_count"].as_u64() > Some(0))
        .expect("attachment");
    let path = format!("/transactions/{}/attachments/A1", with_file["id"].as_str().expect("id"));
    env.sandbox.set_faults(FaultConfig { seed: 1, rules: vec![rule("/attachments/", FaultEffect::ResetResponse)] });
    let response = env.outbox(Method::GET, &path).send().await.expect("headers arrive");
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.bytes().await.is_err(), "the body must break off");
}

#[tokio::test]
async fn a_request_reset_drops_the_upload() {
    let env = start().await;
    env.sandbox.set_faults(FaultConfig { seed: 1, rules: vec![rule("/documents", FaultEffect::ResetRequest)] });
    let metadata = json!({"title": "Hakemus", "document_type": "HAKEMUS", "external_ref": "r:reset"});
    let form = reqwest::multipart::Form::new()
        .text("metadata", metadata.to_string())
        .part("file", reqwest::multipart::Part::bytes(vec![7u8; 1_000_000]).file_name("iso.pdf"));
    let outcome = env.tweb(Method::POST, "/documents").multipart(form).send().await;
    let failed = match outcome {
        Err(_) => true,
        Ok(response) => response.bytes().await.is_err(),
    };
    assert!(failed, "the client must see a broken connection");
    assert_eq!(env.sandbox.count_external_ref("r:reset").documents, 0);
}

#[tokio::test]
async fn probabilistic_faults_repeat_from_their_seed() {
    let env = start().await;
    let mut flaky = rule("/catalog/groups", FaultEffect::Status { status: 500, after: false });
    flaky.probability = 0.5;
    let config = FaultConfig { seed: 42, rules: vec![flaky] };
    let mut runs = Vec::new();
    for _ in 0..2 {
        env.sandbox.set_faults(config.clone());
        let mut pattern = Vec::new();
        for _ in 0..24 {
            pattern.push(env.tweb(Method::GET, "/catalog/groups").send().await.expect("request").status().as_u16());
        }
        runs.push(pattern);
    }
    assert_eq!(runs[0], runs[1]);
    assert!(runs[0].contains(&500) && runs[0].contains(&200), "{:?}", runs[0]);
}

#[tokio::test]
async fn the_control_endpoint_sets_reports_and_clears_faults() {
    let env = start().await;
    let control = format!("http://{}/_sandbox/faults", env.sandbox.addr());
    let config = json!({"seed": 3, "rules": [{"api": "outbox", "path": "/services", "effect": {"kind": "status", "status": 429}}]});
    assert_eq!(env.http.put(&control).json(&config).send().await.expect("request").status().as_u16(), 204);
    problem(env.outbox(Method::GET, "/services").send().await.expect("request"), 429, "fault injected").await;
    let status: serde_json::Value = env.http.get(&control).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(status["fired"], json!([1]));
    assert!(
        env.tweb(Method::GET, "/catalog/groups").send().await.expect("request").status().is_success(),
        "TWeb untouched"
    );
    assert_eq!(env.http.delete(&control).send().await.expect("request").status().as_u16(), 204);
    assert!(env.outbox(Method::GET, "/services").send().await.expect("request").status().is_success());
    let refs = format!("http://{}/_sandbox/external-refs?ref=nothing", env.sandbox.addr());
    let counts: serde_json::Value = env.http.get(&refs).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(counts, json!({"cases": 0, "documents": 0, "assignments": 0}));
    let bad = env
        .http
        .put(&control)
        .json(&json!({"rules": [{"effect": {"kind": "explode"}}]}))
        .send()
        .await
        .expect("request");
    problem(bad, 400, "could not be read").await;
}
