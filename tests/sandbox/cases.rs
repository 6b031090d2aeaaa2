//! Case search, reading and creation.

use chrono::Datelike;
use reqwest::Method;
use serde_json::json;

use crate::common::{problem, start};

#[tokio::test]
async fn search_pages_newest_first_and_filters() {
    let env = start().await;
    let all = env.tweb_get("/cases?per_page=100").await;
    let total = all["total"].as_u64().expect("total");
    assert!(total >= 40, "{total} cases");
    let items = all["items"].as_array().expect("items");
    let created: Vec<&str> = items.iter().filter_map(|c| c["created_at"].as_str()).collect();
    let mut sorted = created.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(created, sorted, "newest first");

    let first = env.tweb_get("/cases?per_page=7&page=1").await;
    let second = env.tweb_get("/cases?per_page=7&page=2").await;
    assert_eq!(first["total"], total);
    assert_eq!(first["items"].as_array().map(Vec::len), Some(7));
    assert_ne!(first["items"][0]["id"], second["items"][0]["id"]);
    assert_eq!(second["items"][0]["id"], items[7]["id"]);

    // Party name, free text, diary number prefix and case group filters.
    let party = items[3]["parties"][0]["name"].as_str().expect("party").to_owned();
    let last_name = party.split(' ').next_back().expect("last name").to_lowercase();
    let by_party = env.tweb_get(&format!("/cases?party={last_name}&per_page=100")).await;
    let hits = by_party["items"].as_array().expect("items");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|c| c["parties"].to_string().to_lowercase().contains(&last_name)));
    let by_q = env.tweb_get(&format!("/cases?q={}&per_page=100", last_name.to_uppercase())).await;
    assert!(by_q["total"].as_u64() >= by_party["total"].as_u64());
    let diary = items[0]["diary_number"].as_str().expect("diary number").to_owned();
    let by_diary = env.tweb_get(&format!("/cases?diary_number={diary}")).await;
    assert_eq!(by_diary["items"][0]["diary_number"], diary.as_str());
    let group = items[0]["case_group"].as_str().expect("group").to_owned();
    let by_group = env.tweb_get(&format!("/cases?case_group={group}&per_page=100")).await;
    assert!(by_group["items"].as_array().expect("items").iter().all(|c| c["case_group"] == group.as_str()));

    problem(env.tweb(Method::GET, "/cases?per_page=0").send().await.expect("request"), 400, "per_page").await;
    problem(env.tweb(Method::GET, "/cases?page=0").send().await.expect("request"), 400, "page").await;
    problem(env.tweb(Method::GET, "/cases?page=abc").send().await.expect("request"), 400, "query").await;
}

#[tokio::test]
async fn get_case_returns_documents_or_404() {
    let env = start().await;
    let page = env.tweb_get("/cases?per_page=1").await;
    let id = page["items"][0]["id"].as_u64().expect("id");
    let detail = env.tweb_get(&format!("/cases/{id}")).await;
    assert_eq!(detail["case"]["id"], id);
    assert!(!detail["documents"].as_array().expect("documents").is_empty());
    assert!(detail["documents"].as_array().expect("documents").iter().all(|d| d["case_id"] == id));
    problem(env.tweb(Method::GET, "/cases/999999").send().await.expect("request"), 404, "999999").await;
    problem(env.tweb(Method::GET, "/cases/abc").send().await.expect("request"), 404, "no such object").await;
}

#[tokio::test]
async fn creating_a_case_assigns_diary_numbers_per_group_and_inherits_records() {
    let env = start().await;
    let year = chrono::Utc::now().year();
    let first = env.create_case("05.12.01", Some("epalvelu:TX-T-1")).await;
    let second = env.create_case("05.12.01", None).await;
    let other_group = env.create_case("02.05.01", None).await;
    let number = |case: &serde_json::Value| -> u32 {
        let diary = case["diary_number"].as_str().expect("diary number");
        let parts: Vec<&str> = diary.split('/').collect();
        assert_eq!(parts.len(), 3, "{diary}");
        assert_eq!(parts[2], year.to_string());
        parts[0].parse().expect("running number")
    };
    assert!(first["diary_number"].as_str().expect("diary").ends_with(&format!("/05.12.01/{year}")));
    assert_eq!(number(&second), number(&first) + 1);
    assert!(other_group["diary_number"].as_str().expect("diary").contains("/02.05.01/"));
    assert_eq!(first["records"]["publicity"], "secret");
    assert_eq!(first["records"]["secrecy_basis"], "JulkL 24 § 1 mom 25 k");
    assert_eq!(first["status"], "pending");
    let found = env.tweb_get("/cases?external_ref=epalvelu:TX-T-1").await;
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["id"], first["id"]);
}

#[tokio::test]
async fn case_creation_is_validated_like_a_real_server() {
    let env = start().await;
    let post = |body: serde_json::Value| env.tweb(Method::POST, "/cases").json(&body).send();
    let base = json!({"case_group": "02.05.01", "title": "Avustus"});

    let mut with_publicity = base.clone();
    with_publicity["publicity"] = json!("public");
    let body = problem(post(with_publicity).await.expect("request"), 422, "inherited").await;
    assert_eq!(body["errors"][0]["pointer"], "/publicity");
    let mut with_retention = base.clone();
    with_retention["retention"] = json!({"kind": "permanent"});
    problem(post(with_retention).await.expect("request"), 422, "retention").await;

    problem(post(json!({"case_group": "02.05.1", "title": "x"})).await.expect("request"), 422, "02.05.1").await;
    problem(post(json!({"case_group": "02.05.00", "title": "x"})).await.expect("request"), 422, "closed").await;
    problem(post(json!({"case_group": "02.05.01", "title": "  "})).await.expect("request"), 422, "title").await;
    problem(post(json!({"case_group": "02.05.01"})).await.expect("request"), 400, "title").await;
    problem(
        post(json!({"case_group": "02.05.01", "title": "x", "colour": "red"})).await.expect("request"),
        400,
        "colour",
    )
    .await;
    problem(post(json!({"case_group": 5, "title": "x"})).await.expect("request"), 400, "could not be read").await;
    let raw = env.tweb(Method::POST, "/cases").header("content-type", "application/json").body("{not json").send();
    problem(raw.await.expect("request"), 400, "JSON").await;
    let text = env.tweb(Method::POST, "/cases").body("title=x").send();
    problem(text.await.expect("request"), 400, "Content-Type").await;

    let first = env.create_case("02.05.01", Some("epalvelu:TX-DUP")).await;
    let mut again = base.clone();
    again["external_ref"] = json!("epalvelu:TX-DUP");
    let conflict = problem(post(again).await.expect("request"), 409, "epalvelu:TX-DUP").await;
    assert_eq!(conflict["existing_id"], first["id"]);
    assert_eq!(env.sandbox.count_external_ref("epalvelu:TX-DUP").cases, 1);
}
