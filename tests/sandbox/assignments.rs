//! Assignments (toimeksiannot).

use chrono::{Duration, Utc};
use reqwest::Method;
use serde_json::json;

use crate::common::{ok_json, problem, start};

#[tokio::test]
async fn an_assignment_reaches_users_and_groups_about_a_case() {
    let env = start().await;
    let case_id = env.create_case("05.12.01", None).await["id"].as_u64().expect("id");
    let due = (Utc::now() + Duration::days(14)).date_naive().to_string();
    let body = json!({
        "subject": "Omaishoidon tuen hakemus käsiteltäväksi",
        "message": "Uusi hakemus ePalvelusta.",
        "due_date": due,
        "recipients": {"users": ["tmakinen"], "groups": ["sosiaalipalvelut"]},
        "case_id": case_id,
        "external_ref": "epalvelu:TX-A1:assignment",
    });
    let response = env.tweb(Method::POST, "/assignments").json(&body).send().await.expect("request");
    assert_eq!(response.status().as_u16(), 201);
    let assignment = ok_json(response).await;
    assert_eq!(assignment["status"], "open");
    assert_eq!(assignment["due_date"], due.as_str());
    assert_eq!(assignment["recipients"]["groups"][0], "sosiaalipalvelut");
    let id = assignment["id"].as_u64().expect("id");
    assert_eq!(env.tweb_get(&format!("/assignments/{id}")).await["case_id"], case_id);
    let by_ref = env.tweb_get("/assignments?external_ref=epalvelu:TX-A1:assignment").await;
    assert_eq!(by_ref[0]["id"], id);
    let by_case = env.tweb_get(&format!("/cases/{case_id}/assignments")).await;
    assert_eq!(by_case.as_array().map(Vec::len), Some(1));
    let again = env.tweb(Method::POST, "/assignments").json(&body).send().await.expect("request");
    assert_eq!(problem(again, 409, "epalvelu:TX-A1:assignment").await["existing_id"], id);
}

#[tokio::test]
async fn an_assignment_can_target_an_unregistered_document_only() {
    let env = start().await;
    let document =
        ok_json(env.upload(None, json!({"title": "Hakemus", "document_type": "HAKEMUS"}), b"%PDF-1.4".to_vec()).await)
            .await;
    let body =
        json!({"subject": "Liitä asiaan", "recipients": {"users": ["mvirtanen"]}, "document_ids": [document["id"]]});
    let assignment = ok_json(env.tweb(Method::POST, "/assignments").json(&body).send().await.expect("request")).await;
    assert!(assignment["case_id"].is_null());
    assert_eq!(assignment["document_ids"][0], document["id"]);
}

#[tokio::test]
async fn assignments_are_validated() {
    let env = start().await;
    let case_id = env.create_case("02.05.01", None).await["id"].as_u64().expect("id");
    let other_case = env.create_case("02.05.01", None).await["id"].as_u64().expect("id");
    let doc = ok_json(
        env.upload(Some(other_case), json!({"title": "Liite", "document_type": "HAKLIITE"}), b"x".to_vec()).await,
    )
    .await;
    let post = |body: serde_json::Value| env.tweb(Method::POST, "/assignments").json(&body).send();
    let with = |patch: serde_json::Value| {
        let mut body = json!({"subject": "Käsiteltäväksi", "recipients": {"users": ["mvirtanen"]}, "case_id": case_id});
        if let (Some(b), Some(p)) = (body.as_object_mut(), patch.as_object()) {
            b.extend(p.clone());
        }
        body
    };
    let unknown_user =
        problem(post(with(json!({"recipients": {"users": ["nobody"]}}))).await.expect("request"), 422, "nobody").await;
    assert_eq!(unknown_user["errors"][0]["pointer"], "/recipients/users/0");
    problem(
        post(with(json!({"recipients": {"groups": ["kirjaamo", "tuntematon"]}}))).await.expect("request"),
        422,
        "tuntematon",
    )
    .await;
    problem(post(with(json!({"recipients": {}}))).await.expect("request"), 422, "at least one user or group").await;
    problem(post(with(json!({"case_id": null}))).await.expect("request"), 422, "target").await;
    problem(post(with(json!({"case_id": 999_999}))).await.expect("request"), 422, "999999").await;
    problem(post(with(json!({"document_ids": [999_998]}))).await.expect("request"), 422, "999998").await;
    problem(post(with(json!({"document_ids": [doc["id"]]}))).await.expect("request"), 422, "not on case").await;
    problem(post(with(json!({"due_date": "2020-01-01"}))).await.expect("request"), 422, "past").await;
    problem(post(with(json!({"subject": ""}))).await.expect("request"), 422, "subject").await;
    problem(post(with(json!({"due_date": "31.12.2030"}))).await.expect("request"), 400, "could not be read").await;
    problem(env.tweb(Method::GET, "/assignments/77").send().await.expect("request"), 404, "77").await;
    problem(env.tweb(Method::GET, "/assignments").send().await.expect("request"), 400, "external_ref").await;
}
