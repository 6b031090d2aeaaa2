//! Shared test set-up: a sandbox on an ephemeral port and an HTTP client speaking to it.

use kirjaamo::sandbox::{Sandbox, SandboxConfig};
use reqwest::{Client, RequestBuilder, Response, StatusCode};
use serde_json::Value;

/// A running sandbox with a client.
pub struct Env {
    pub sandbox: Sandbox,
    pub http: Client,
}

pub fn client() -> Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    Client::builder().build().expect("an HTTP client without TLS settings builds")
}

pub async fn start() -> Env {
    start_with(SandboxConfig::default()).await
}

pub async fn start_with(config: SandboxConfig) -> Env {
    let sandbox = Sandbox::start(config).await.expect("sandbox starts");
    Env { sandbox, http: client() }
}

impl Env {
    /// A TWeb request with the demo Basic credentials.
    pub fn tweb(&self, method: reqwest::Method, path: &str) -> RequestBuilder {
        self.http
            .request(method, format!("{}/api/v1{path}", self.sandbox.tweb_url()))
            .basic_auth("kirjaamo", Some("demo"))
    }

    /// An outbox request with the demo token.
    pub fn outbox(&self, method: reqwest::Method, path: &str) -> RequestBuilder {
        self.http
            .request(method, format!("{}/api/v1{path}", self.sandbox.outbox_url()))
            .bearer_auth("epalvelu-demo-token")
    }

    pub async fn tweb_get(&self, path: &str) -> Value {
        ok_json(self.tweb(reqwest::Method::GET, path).send().await.expect("request")).await
    }

    pub async fn outbox_get(&self, path: &str) -> Value {
        ok_json(self.outbox(reqwest::Method::GET, path).send().await.expect("request")).await
    }

    /// Opens a case in `group` with `external_ref`, returning the case JSON.
    pub async fn create_case(&self, group: &str, external_ref: Option<&str>) -> Value {
        let body = serde_json::json!({
            "case_group": group,
            "title": "Testiasia",
            "parties": [{"name": "Aino Testinen", "role": "applicant", "personal_id": null, "email": null, "phone": null, "address": null}],
            "external_ref": external_ref,
        });
        let response = self.tweb(reqwest::Method::POST, "/cases").json(&body).send().await.expect("request");
        assert_eq!(response.status(), StatusCode::CREATED);
        response.json().await.expect("case JSON")
    }

    /// Uploads `bytes` as a document; `case_id` None makes an unregistered document.
    pub async fn upload(&self, case_id: Option<u64>, metadata: Value, bytes: Vec<u8>) -> Response {
        let path = match case_id {
            Some(id) => format!("/cases/{id}/documents"),
            None => "/documents".to_owned(),
        };
        let form = reqwest::multipart::Form::new()
            .part(
                "metadata",
                reqwest::multipart::Part::text(metadata.to_string()).mime_str("application/json").expect("mime"),
            )
            .part(
                "file",
                reqwest::multipart::Part::bytes(bytes)
                    .file_name("lomake.pdf")
                    .mime_str("application/pdf")
                    .expect("mime"),
            );
        self.tweb(reqwest::Method::POST, &path).multipart(form).send().await.expect("request")
    }
}

pub async fn ok_json(response: Response) -> Value {
    let status = response.status();
    let text = response.text().await.expect("body");
    assert!(status.is_success(), "expected success, got {status}: {text}");
    serde_json::from_str(&text).expect("JSON body")
}

/// Asserts an RFC 9457 problem with `status` whose detail contains `needle`; returns the problem.
pub async fn problem(response: Response, status: u16, needle: &str) -> Value {
    assert_eq!(response.status().as_u16(), status, "status");
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(content_type, "application/problem+json");
    let body: Value = response.json().await.expect("problem JSON");
    assert_eq!(body["status"], status);
    let detail = body["detail"].as_str().unwrap_or_default();
    assert!(detail.contains(needle), "detail {detail:?} should mention {needle:?}");
    assert!(body["type"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()));
    body
}
