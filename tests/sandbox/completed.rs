//! The office's day: `GET /completed` over the seed's earlier filings and a filing made now, the
//! triage fields of the pending list, and the receipt a completion carries.

use std::collections::HashMap;

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::{Env, ok_json, problem, start};

async fn completed(env: &Env, query: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/completed?limit=3{query}&cursor={c}"),
            None => format!("/completed?limit=3{query}"),
        };
        let page = env.outbox_get(&path).await;
        items.extend(page["items"].as_array().expect("items").iter().cloned());
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return items,
        }
    }
}

/// Claims transaction `id` for `clerk`; the granted claim.
async fn claim(env: &Env, id: &str, clerk: &str) -> Value {
    let request = env.outbox(Method::POST, &format!("/transactions/{id}/claim")).json(&json!({"clerk": clerk}));
    ok_json(request.send().await.expect("claim")).await
}

fn days_ago(days: i64) -> String {
    (kirjaamo::domain::helsinki::today() - chrono::Duration::days(days)).to_string()
}

#[tokio::test]
async fn the_seed_filings_are_listed_latest_first_with_their_receipts_and_cases_in_tweb() {
    let env = start().await;
    let items = completed(&env, &format!("&from={}&to={}", days_ago(3), days_ago(0))).await;
    assert_eq!(items.len(), 8, "the seed's earlier filings");
    let times: Vec<&str> = items.iter().filter_map(|i| i["completion"]["completed_at"].as_str()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "latest first: {times:?}");
    for item in &items {
        let result = &item["completion"]["result"];
        let diary = result["diary_number"].as_str().expect("diary number");
        let case = env.tweb_get(&format!("/cases/{}", result["case_id"])).await;
        assert_eq!(case["case"]["diary_number"], diary, "the outbox's receipt names TWeb's case");
        assert_eq!(case["case"]["title"], result["case_title"]);
        let documents: Vec<u64> =
            case["documents"].as_array().expect("docs").iter().filter_map(|d| d["id"].as_u64()).collect();
        let receipt: Vec<u64> =
            result["documents"].as_array().expect("receipt").iter().filter_map(|d| d["id"].as_u64()).collect();
        assert_eq!(documents, receipt);
        assert_eq!(result["documents"][0]["form"], true);
        assert!(item["completion"]["completed_by"].as_str().is_some_and(|c| !c.is_empty()));
        assert!(item["transaction"]["claim"].is_null());
        // A completed transaction is not pending any more.
        let pending = env.outbox_get("/transactions?limit=200").await;
        assert!(pending["items"].as_array().expect("items").iter().all(|p| p["id"] != item["transaction"]["id"]));
    }
    // Today only (the default) is a part of it.
    let today = completed(&env, "").await;
    assert!(today.iter().all(|i| items.contains(i)));
    problem(
        env.outbox(Method::GET, &format!("/completed?from={}&to={}", days_ago(0), days_ago(1)))
            .send()
            .await
            .expect("request"),
        400,
        "before",
    )
    .await;
    problem(
        env.outbox(Method::GET, &format!("/completed?from={}&to={}", days_ago(100), days_ago(0)))
            .send()
            .await
            .expect("request"),
        400,
        "93",
    )
    .await;
    problem(env.outbox(Method::GET, "/completed?cursor=!!").send().await.expect("request"), 400, "cursor").await;
    problem(env.outbox(Method::GET, "/completed?from=eilen").send().await.expect("request"), 400, "query").await;
}

#[tokio::test]
async fn the_pending_list_marks_personal_ids_and_lets_repeats_be_recognised() {
    let env = start().await;
    let page = env.outbox_get("/transactions?limit=200").await;
    let items = page["items"].as_array().expect("items");
    assert!(items.iter().any(|t| t["holds_personal_id"] == true));
    assert!(items.iter().any(|t| t["holds_personal_id"] == false));
    let text = serde_json::to_string(items).expect("json");
    assert!(!text.contains("-****") && !text.contains("\"personal_id\""), "no henkilötunnus in the list");
    // The double submission: same submitter, same service, same answers.
    let mut by_digest: HashMap<&str, Vec<&Value>> = HashMap::new();
    for t in items {
        by_digest.entry(t["content_digest"].as_str().expect("digest")).or_default().push(t);
    }
    let twice = by_digest.values().find(|v| v.len() == 2).expect("a double submission");
    assert_eq!(twice[0]["submitter_ref"], twice[1]["submitter_ref"]);
    assert_eq!(twice[0]["service"], twice[1]["service"]);
    assert_ne!(twice[0]["id"], twice[1]["id"]);
    // A repeat of what another clerk filed: its digest is in the completed list.
    let filed = completed(&env, &format!("&from={}&to={}", days_ago(3), days_ago(0))).await;
    assert!(filed.iter().any(|f| by_digest.contains_key(f["transaction"]["content_digest"].as_str().expect("digest"))));
    let refs: std::collections::HashSet<&str> = items.iter().filter_map(|t| t["submitter_ref"].as_str()).collect();
    assert!(refs.len() > items.len() / 2, "refs tell submitters apart");
}

#[tokio::test]
async fn a_completion_s_receipt_must_list_the_documents_it_names() {
    let env = start().await;
    let page = env.outbox_get("/transactions?limit=1").await;
    let id = page["items"][0]["id"].as_str().expect("id").to_owned();
    let claim = claim(&env, &id, "Testi").await;
    let token = claim["token"].as_str().expect("token");
    let case = env.create_case("02.05.01", None).await;
    let mut result = json!({"action": "new_case", "case_id": case["id"], "diary_number": case["diary_number"],
        "document_ids": [1, 2], "documents": [{"id": 2, "title": "x", "document_type": "HAKEMUS"}]});
    let complete = |body: Value| env.outbox(Method::POST, &format!("/transactions/{id}/complete")).json(&body).send();
    problem(complete(json!({"token": token, "result": result})).await.expect("request"), 422, "documents").await;
    result["documents"] = json!([{"id": 1, "title": "Lomake", "document_type": "HAKEMUS", "form": true},
        {"id": 2, "title": "liite.pdf", "document_type": "HAKLIITE"}]);
    result["assignment"] = json!({"recipients": {"users": ["mvirtanen"]}});
    problem(complete(json!({"token": token, "result": result})).await.expect("request"), 422, "assignment").await;
    result["assignment"] = Value::Null;
    result["case_title"] = case["title"].clone();
    ok_json(complete(json!({"token": token, "result": result})).await.expect("request")).await;
    let today = completed(&env, "").await;
    let mine = today.iter().find(|i| i["transaction"]["id"] == id.as_str()).expect("listed today");
    assert_eq!(mine["completion"]["completed_by"], "Testi");
    assert_eq!(mine["completion"]["result"]["documents"][1]["title"], "liite.pdf");
    assert_eq!(today[0]["transaction"]["id"], id.as_str(), "the latest first");
}

/// Undo where TWeb's contract allows it: a case opened through the API minutes ago, holding only
/// the documents its filing made and no assignment, is withdrawn (its documents removed, its refs
/// released, the diary number kept); the outbox reopens only its own clerk's completion.
#[tokio::test]
async fn a_just_opened_case_is_withdrawn_and_its_transaction_reopened_only_by_its_clerk() {
    let env = start().await;
    let page = env.outbox_get("/transactions?limit=1").await;
    let id = page["items"][0]["id"].as_str().expect("id").to_owned();
    let case_ref = format!("epalvelu:{id}");
    let case = env.create_case("02.05.01", Some(&case_ref)).await;
    let case_id = case["id"].as_u64().expect("case id");
    let meta = |r: &str| json!({"title": "Lomake", "document_type": "HAKEMUS", "external_ref": r});
    ok_json(env.upload(Some(case_id), meta(&format!("{case_ref}:form")), b"%PDF-1.7 x".to_vec()).await).await;
    let withdraw =
        |case_id: u64, body: Value| env.tweb(Method::POST, &format!("/cases/{case_id}/withdraw")).json(&body).send();

    // A case holding another filing's document stays.
    let other = env.create_case("02.05.01", Some("epalvelu:TX-2026-999999")).await;
    let other_id = other["id"].as_u64().expect("id");
    ok_json(env.upload(Some(other_id), meta("somebody-else"), b"%PDF-1.7 y".to_vec()).await).await;
    problem(withdraw(other_id, json!({"reason": "x"})).await.expect("request"), 409, "other filings").await;
    // A case opened in TWeb itself (no external ref) stays.
    let cases = env.tweb_get("/cases?per_page=100").await;
    let cases = cases["items"].as_array().expect("items");
    let seed_id = cases.iter().find(|c| c["external_ref"].is_null()).and_then(|c| c["id"].as_u64()).expect("seed case");
    problem(withdraw(seed_id, json!({"reason": "x"})).await.expect("request"), 409, "API").await;
    // Another clerk's filing of hours ago stays (the seed files today's from midnight on, so just
    // after midnight some are minutes old: the test takes one opened over 15 minutes ago).
    let ours = [case["id"].clone(), other["id"].clone()];
    let old = |c: &&Value| {
        c["created_at"]
            .as_str()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .is_some_and(|t| chrono::Utc::now() - t.with_timezone(&chrono::Utc) > chrono::Duration::minutes(20))
    };
    let filed = cases
        .iter()
        .filter(old)
        .find(|c| c["external_ref"].is_string() && !ours.contains(&c["id"]))
        .and_then(|c| c["id"].as_u64());
    problem(withdraw(filed.expect("a seed filing"), json!({"reason": "x"})).await.expect("request"), 409, "15 minutes")
        .await;
    problem(withdraw(case_id, json!({"reason": " "})).await.expect("request"), 422, "reason").await;

    let withdrawn = ok_json(withdraw(case_id, json!({"reason": "Avattu erehdyksessä"})).await.expect("request")).await;
    assert_eq!(withdrawn["status"], "withdrawn");
    assert_eq!(withdrawn["diary_number"], case["diary_number"], "the diary number stays");
    assert!(withdrawn["external_ref"].is_null(), "the ref is released");
    let detail = env.tweb_get(&format!("/cases/{case_id}")).await;
    assert_eq!(detail["documents"].as_array().map(Vec::len), Some(0), "its documents are removed");
    let again = env.tweb_get(&format!("/documents?external_ref={case_ref}:form")).await;
    assert_eq!(again.as_array().map(Vec::len), Some(0));
    // Nothing more goes onto it, and the matter can be opened anew under the same ref.
    let refused = env.upload(Some(case_id), meta("late"), b"%PDF-1.7 z".to_vec()).await;
    problem(refused, 409, "withdrawn").await;
    let anew = env.create_case("02.05.01", Some(&case_ref)).await;
    assert_ne!(anew["diary_number"], case["diary_number"]);

    // The outbox: only a completed transaction, only by its clerk.
    let reopen = |clerk: &str| {
        env.outbox(Method::POST, &format!("/transactions/{id}/reopen")).json(&json!({"clerk": clerk})).send()
    };
    problem(reopen("Testi").await.expect("request"), 409, "not completed").await;
    let claim = claim(&env, &id, "Testi").await;
    let result =
        json!({"action": "new_case", "case_id": anew["id"], "diary_number": anew["diary_number"], "document_ids": [1]});
    let body = json!({"token": claim["token"], "result": result});
    ok_json(
        env.outbox(Method::POST, &format!("/transactions/{id}/complete")).json(&body).send().await.expect("complete"),
    )
    .await;
    problem(reopen("Maija Virtanen").await.expect("request"), 409, "only they").await;
    let response = reopen("Testi").await.expect("request");
    assert_eq!(response.status().as_u16(), 204);
    let pending = env.outbox_get("/transactions?limit=200").await;
    assert!(pending["items"].as_array().expect("items").iter().any(|t| t["id"] == id.as_str()), "pending again");
}
