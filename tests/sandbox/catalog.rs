//! Catalog endpoints and authentication.

use reqwest::Method;

use crate::common::{problem, start};

#[tokio::test]
async fn catalog_holds_the_records_plan_with_inherited_properties() {
    let env = start().await;
    let groups = env.tweb_get("/catalog/case-groups").await;
    let groups = groups.as_array().expect("array");
    assert!(groups.len() >= 12, "{} case groups", groups.len());
    let care = groups.iter().find(|g| g["code"] == "05.12.01").expect("Omaishoidon tuki");
    assert_eq!(care["name"], "Omaishoidon tuki");
    assert_eq!(care["records"]["publicity"], "secret");
    assert_eq!(care["records"]["secrecy_basis"], "JulkL 24 § 1 mom 25 k");
    assert_eq!(care["records"]["secrecy_period_years"], 25);
    let grants = groups.iter().find(|g| g["code"] == "02.05.01").expect("Tuet ja avustukset");
    assert_eq!(grants["records"]["publicity"], "public");
    assert_eq!(grants["records"]["retention"]["kind"], "permanent");

    let types = env.tweb_get("/catalog/document-types").await;
    let names: Vec<&str> = types.as_array().expect("array").iter().filter_map(|t| t["name"].as_str()).collect();
    assert!(names.len() >= 12);
    for expected in ["Hakemus", "Hakemuksen liite", "Oikaisuvaatimus", "Valtakirja", "Lausunto", "Päätös"] {
        assert!(names.contains(&expected), "{expected} missing from {names:?}");
    }
    let users = env.tweb_get("/catalog/users").await;
    assert!(users.as_array().expect("array").len() >= 10);
    let groups = env.tweb_get("/catalog/groups").await;
    assert!(groups.as_array().expect("array").len() >= 4);
}

#[tokio::test]
async fn tweb_requires_basic_or_bearer_credentials() {
    let env = start().await;
    let url = format!("{}/api/v1/catalog/users", env.sandbox.tweb_url());
    let response = env.http.get(&url).send().await.expect("request");
    assert_eq!(response.headers()["www-authenticate"], "Basic realm=\"TWeb\"");
    problem(response, 401, "Basic credentials").await;
    let wrong = env.http.get(&url).basic_auth("kirjaamo", Some("wrong")).send().await.expect("request");
    problem(wrong, 401, "wrong").await;
    let outbox_token = env.http.get(&url).bearer_auth("epalvelu-demo-token").send().await.expect("request");
    problem(outbox_token, 401, "wrong").await;
    let token = env.http.get(&url).bearer_auth("tweb-demo-token").send().await.expect("request");
    assert!(token.status().is_success());
}

#[tokio::test]
async fn unknown_paths_and_methods_answer_problems() {
    let env = start().await;
    let missing = env.tweb(Method::GET, "/nothing-here").send().await.expect("request");
    problem(missing, 404, "no endpoint").await;
    let wrong_method = env.tweb(Method::DELETE, "/cases").send().await.expect("request");
    problem(wrong_method, 405, "HTTP method").await;
}

#[tokio::test]
async fn the_sandbox_refuses_to_listen_beyond_loopback() {
    let config = kirjaamo::sandbox::SandboxConfig { bind: "0.0.0.0:0".parse().expect("address"), ..Default::default() };
    let error = kirjaamo::sandbox::Sandbox::start(config).await.expect_err("not loopback");
    assert!(format!("{:#}", anyhow::Error::from(error)).contains("loopback"));
}
