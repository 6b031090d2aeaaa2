//! The ePalvelu outbox: listing, reading, attachments, claims and completion.

use std::collections::HashSet;
use std::time::Duration;

use reqwest::Method;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::common::{Env, ok_json, problem, start};

async fn all_pending(env: &Env, query: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/transactions?limit=10{query}&cursor={c}"),
            None => format!("/transactions?limit=10{query}"),
        };
        let page = env.outbox_get(&path).await;
        items.extend(page["items"].as_array().expect("items").iter().cloned());
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return items,
        }
    }
}

async fn claim(env: &Env, id: &str, clerk: &str) -> reqwest::Response {
    env.outbox(Method::POST, &format!("/transactions/{id}/claim"))
        .json(&json!({"clerk": clerk}))
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn cursor_paging_walks_every_pending_transaction_once_oldest_first() {
    let env = start().await;
    let items = all_pending(&env, "").await;
    assert!(items.len() >= 60, "{} transactions", items.len());
    let ids: HashSet<&str> = items.iter().filter_map(|t| t["id"].as_str()).collect();
    assert_eq!(ids.len(), items.len(), "no transaction twice");
    let times: Vec<&str> = items.iter().filter_map(|t| t["submitted_at"].as_str()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "oldest first");
    assert!(items.iter().all(|t| t.get("submitter_name").is_some() && t["claim"].is_null()));

    let parking = all_pending(&env, "&service=asukaspysakointi").await;
    assert!(!parking.is_empty());
    assert!(parking.iter().all(|t| t["service"]["id"] == "asukaspysakointi"));
    let services = env.outbox_get("/services").await;
    let services = services.as_array().expect("services");
    assert!(services.len() >= 8);
    let counted: u64 = services.iter().filter_map(|s| s["pending"].as_u64()).sum();
    assert_eq!(counted, items.len() as u64);

    problem(env.outbox(Method::GET, "/transactions?cursor=!!").send().await.expect("request"), 400, "cursor").await;
    problem(env.outbox(Method::GET, "/transactions?limit=0").send().await.expect("request"), 400, "limit").await;
    problem(env.outbox(Method::GET, "/transactions?limit=x").send().await.expect("request"), 400, "query").await;
}

#[tokio::test]
async fn the_outbox_requires_its_bearer_token() {
    let env = start().await;
    let url = format!("{}/api/v1/transactions", env.sandbox.outbox_url());
    let none = env.http.get(&url).send().await.expect("request");
    assert_eq!(none.headers()["www-authenticate"], "Bearer realm=\"ePalvelu\"");
    problem(none, 401, "Bearer token").await;
    problem(env.http.get(&url).bearer_auth("tweb-demo-token").send().await.expect("request"), 401, "wrong").await;
    problem(env.http.get(&url).basic_auth("kirjaamo", Some("demo")).send().await.expect("request"), 401, "Bearer")
        .await;
}

#[tokio::test]
async fn a_transaction_and_its_attachments_download_with_checksums() {
    let env = start().await;
    let items = all_pending(&env, "").await;
    let with_files =
        items.iter().find(|t| t["attachment_count"].as_u64() >= Some(3)).expect("a transaction with attachments");
    let id = with_files["id"].as_str().expect("id");
    let detail = env.outbox_get(&format!("/transactions/{id}")).await;
    let transaction = &detail["transaction"];
    assert_eq!(transaction["id"], id);
    assert!(transaction["fields"].as_array().is_some_and(|f| f.len() >= 5));
    for attachment in transaction["attachments"].as_array().expect("attachments") {
        let path = format!("/transactions/{id}/attachments/{}", attachment["id"].as_str().expect("id"));
        let response = env.outbox(Method::GET, &path).send().await.expect("request");
        assert_eq!(response.status().as_u16(), 200);
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("bytes");
        assert_eq!(headers["content-length"].to_str().ok(), Some(bytes.len().to_string().as_str()));
        assert_eq!(headers["content-type"].to_str().ok(), attachment["content_type"].as_str());
        let sha = hex::encode(Sha256::digest(&bytes));
        assert_eq!(headers["x-content-sha256"].to_str().ok(), Some(sha.as_str()));
        assert_eq!(attachment["sha256"].as_str(), Some(sha.as_str()));
        assert_eq!(attachment["size"].as_u64(), Some(bytes.len() as u64));
    }
    problem(
        env.outbox(Method::GET, &format!("/transactions/{id}/attachments/A99")).send().await.expect("request"),
        404,
        "A99",
    )
    .await;
    problem(env.outbox(Method::GET, "/transactions/TX-0").send().await.expect("request"), 404, "TX-0").await;
}

#[tokio::test]
async fn claims_are_leases_that_name_their_holder() {
    let env = start().await;
    let id = all_pending(&env, "").await[0]["id"].as_str().expect("id").to_owned();
    let maija = ok_json(claim(&env, &id, "Maija Virtanen").await).await;
    let token = maija["token"].as_str().expect("token").to_owned();
    assert_eq!(maija["holder"], "Maija Virtanen");
    let listed = env.outbox_get("/transactions?limit=1").await;
    assert_eq!(listed["items"][0]["claim"]["holder"], "Maija Virtanen");

    let juha = problem(claim(&env, &id, "Juha Korhonen").await, 409, "Maija Virtanen").await;
    assert_eq!(juha["holder"], "Maija Virtanen");
    let renewed = ok_json(claim(&env, &id, "Maija Virtanen").await).await;
    assert_eq!(renewed["token"], token.as_str());
    assert!(renewed["expires_at"].as_str() >= maija["expires_at"].as_str());

    let release = |token: &str| {
        env.outbox(Method::POST, &format!("/transactions/{id}/release")).json(&json!({"token": token})).send()
    };
    problem(release("not-the-token").await.expect("request"), 409, "Maija Virtanen").await;
    assert_eq!(release(&token).await.expect("request").status().as_u16(), 204);
    assert_eq!(release(&token).await.expect("request").status().as_u16(), 204, "releasing twice is harmless");
    ok_json(claim(&env, &id, "Juha Korhonen").await).await;

    let bad_lease = env
        .outbox(Method::POST, &format!("/transactions/{id}/claim"))
        .json(&json!({"clerk": "X", "lease_seconds": 0}))
        .send();
    problem(bad_lease.await.expect("request"), 422, "lease_seconds").await;
    problem(claim(&env, &id, " ").await, 422, "clerk").await;
    problem(claim(&env, "TX-0", "Maija").await, 404, "TX-0").await;
}

#[tokio::test]
async fn an_expired_lease_can_be_taken_over() {
    let env = start().await;
    let id = all_pending(&env, "").await[1]["id"].as_str().expect("id").to_owned();
    let short = env
        .outbox(Method::POST, &format!("/transactions/{id}/claim"))
        .json(&json!({"clerk": "Maija", "lease_seconds": 1}));
    ok_json(short.send().await.expect("request")).await;
    problem(claim(&env, &id, "Juha").await, 409, "Maija").await;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(ok_json(claim(&env, &id, "Juha").await).await["holder"], "Juha");
}

#[tokio::test]
async fn completion_records_the_result_and_removes_the_transaction() {
    let env = start().await;
    let before = all_pending(&env, "").await;
    let id = before[2]["id"].as_str().expect("id").to_owned();
    let result = json!({"action": "new_case", "case_id": 10001, "diary_number": "1/02.05.01/2026", "document_ids": [10002, 10003]});
    let complete = |token: &str, result: &Value| {
        env.outbox(Method::POST, &format!("/transactions/{id}/complete"))
            .json(&json!({"token": token, "result": result}))
            .send()
    };
    problem(complete("nothing", &result).await.expect("request"), 409, "not claimed").await;
    let token = ok_json(claim(&env, &id, "Maija").await).await["token"].as_str().expect("token").to_owned();
    problem(complete("other", &result).await.expect("request"), 409, "Maija").await;
    let incomplete = json!({"action": "new_case", "document_ids": [1]});
    problem(complete(&token, &incomplete).await.expect("request"), 422, "diary number").await;
    let no_docs = json!({"action": "assignment_only", "assignment_id": 5, "document_ids": []});
    problem(complete(&token, &no_docs).await.expect("request"), 422, "form document").await;
    let bad_action = json!({"action": "shred", "document_ids": [1]});
    problem(complete(&token, &bad_action).await.expect("request"), 400, "could not be read").await;

    let completion = ok_json(complete(&token, &result).await.expect("request")).await;
    assert_eq!(completion["completed_by"], "Maija");
    assert_eq!(completion["result"]["diary_number"], "1/02.05.01/2026");
    let after = all_pending(&env, "").await;
    assert_eq!(after.len(), before.len() - 1);
    assert!(after.iter().all(|t| t["id"] != id.as_str()));
    let detail = env.outbox_get(&format!("/transactions/{id}")).await;
    assert_eq!(detail["completion"]["result"]["case_id"], 10001);
    assert!(detail["claim"].is_null());
    problem(claim(&env, &id, "Maija").await, 410, "already been filed").await;
    problem(complete(&token, &result).await.expect("request"), 410, "already been filed").await;
}
