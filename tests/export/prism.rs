//! Prism 5.14 (Stoplight's OpenAPI mock and validating proxy) holds the project's own clients to
//! the contracts: an integrator who mocks TWeb or the outbox from `assets/api/` gets
//! the same requests Kirjaamo sends, uploads included.
//!
//! - Proxy: Prism in front of the sandbox validates every request and every answer and refuses
//!   (`--errors`) what breaks the contract: the desk's reads, claims, a case with its refused
//!   repeat (409 with `existing_id`), an assignment, a withdrawal. Binary bodies stay out: Prism
//!   5.14's proxy reads every answer that is not JSON as UTF-8 text (prism-http's
//!   `parseResponse.js`, `response.text()`), so a PDF or a photo arrives changed.
//! - Mock: Prism alone, answering from the contracts; every client call must pass its request
//!   validation (the answers are Prism's inventions, so what the client makes of them is not
//!   asked).
//!
//! Prism is not a Rust dependency: these tests are ignored unless run with `--ignored` and
//! `KIRJAAMO_PRISM` naming the `prism` command (`scripts/prism.sh` installs the pinned version
//! and runs them; so does `.ci/run`).

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use bytes::Bytes;
use kirjaamo::contract::tweb::{CaseQuery, CreateAssignment, CreateCase, DocumentMetadata};
use kirjaamo::sandbox::openapi::{OutboxApi, TwebApi};
use kirjaamo::tweb::{CaseSystem, Upload};
use sha2::{Digest, Sha256};
use utoipa::OpenApi;

use crate::common::{clients, start};

/// One running Prism and the file its log goes to.
struct Prism {
    url: String,
    log: PathBuf,
    _process: tokio::process::Child,
}

impl Prism {
    /// `prism <args…> <contract> -p PORT --errors`, once it listens.
    async fn start(mode: &[&str], contract: &Path, dir: &Path, name: &str) -> Self {
        let prism = std::env::var("KIRJAAMO_PRISM")
            .expect("KIRJAAMO_PRISM names the prism command (scripts/prism.sh installs it)");
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("addr").port();
        let log = dir.join(format!("prism-{name}.log"));
        let file = std::fs::File::create(&log).expect("log file");
        let process = tokio::process::Command::new(prism)
            .arg(mode[0])
            .arg(contract)
            .args(&mode[1..])
            .args(["--host", "127.0.0.1", "--port", &port.to_string(), "--errors"])
            .stdout(file.try_clone().expect("log"))
            .stderr(file)
            .stdin(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("prism starts");
        let prism = Self { url: format!("http://127.0.0.1:{port}"), log, _process: process };
        for _ in 0..600 {
            if prism.log_text().contains("Prism is listening on") {
                return prism;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("prism {name} did not start:\n{}", prism.log_text());
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// How many requests Prism validated, and every line that names a violation or an error.
    fn verdict(&self) -> (usize, Vec<String>) {
        let text = self.log_text();
        let checked = text.matches("Request received").count();
        let violations = text
            .lines()
            .filter(|line| line.contains("Violation") || line.contains("✖") || line.contains("[ERROR]"))
            .map(str::to_owned)
            .collect();
        (checked, violations)
    }

    fn assert_clean(&self, name: &str, at_least: usize) {
        let (checked, violations) = self.verdict();
        assert!(violations.is_empty(), "Prism found {name} traffic off the contract:\n{}", violations.join("\n"));
        assert!(checked >= at_least, "{name}: Prism saw {checked} requests, expected at least {at_least}");
    }
}

/// The contracts as Prism reads them. Prism 5.14 hands every multipart part to its validator as a
/// string and never parses a part whose `encoding` says `application/json`, so the upload's
/// `metadata` part is restated the JSON Schema 2020-12 way for a string carrying JSON
/// (`contentMediaType` + `contentSchema`): the same part, in words Prism reads. Nothing else
/// changes.
fn contracts_for_prism(dir: &Path) -> (PathBuf, PathBuf) {
    let mut tweb = serde_json::to_value(TwebApi::openapi()).expect("tweb contract");
    let metadata =
        tweb.pointer_mut("/components/schemas/DocumentUpload/properties/metadata").expect("the upload's metadata part");
    *metadata = serde_json::json!({
        "type": "string",
        "contentMediaType": "application/json",
        "contentSchema": { "$ref": "#/components/schemas/DocumentMetadata" },
    });
    let outbox = serde_json::to_value(OutboxApi::openapi()).expect("outbox contract");
    let write = |name: &str, value: &serde_json::Value| {
        let path = dir.join(name);
        std::fs::write(&path, serde_json::to_vec_pretty(value).expect("json")).expect("write contract");
        path
    };
    (write("tweb.json", &tweb), write("outbox.json", &outbox))
}

#[tokio::test]
#[ignore = "needs Prism: scripts/prism.sh"]
async fn prism_in_front_of_the_sandbox_passes_the_clients_json_traffic_both_ways() {
    let env = start().await;
    let (tweb_contract, outbox_contract) = contracts_for_prism(env.dir.path());
    let tweb_proxy = Prism::start(&["proxy", &env.sandbox.tweb_url()], &tweb_contract, env.dir.path(), "tweb").await;
    let outbox_proxy =
        Prism::start(&["proxy", &env.sandbox.outbox_url()], &outbox_contract, env.dir.path(), "outbox").await;
    let (tweb, outbox) = clients(&tweb_proxy.url, &outbox_proxy.url);

    // The desk's reads.
    tweb.me().await.expect("me");
    let catalog = kirjaamo::tweb::fetch_catalog(tweb.as_ref()).await.expect("catalog");
    assert!(!catalog.case_groups.is_empty() && !catalog.users.is_empty());
    let page = tweb.search_cases(&CaseQuery { per_page: Some(5), ..CaseQuery::default() }).await.expect("search");
    let existing = page.items.first().expect("a seeded case").clone();
    tweb.get_case(existing.id).await.expect("case");
    let query = CaseQuery { q: Some("Virtanen".into()), page: Some(2), per_page: Some(3), ..CaseQuery::default() };
    tweb.search_cases(&query).await.expect("search by text");
    assert!(tweb.case_by_ref("kirjaamo-prism:none").await.expect("lookup").is_none());
    outbox.services().await.expect("services");
    let pending = outbox.list_all(None).await.expect("pending");
    assert!(pending.len() > 20, "the whole list, page by page");
    outbox.get(&pending[0].id).await.expect("detail");

    // A claim renewed and given back.
    let claim = outbox.claim(&pending[1].id, "Juha Korhonen", 60, None).await.expect("claim");
    outbox.claim(&pending[1].id, "Juha Korhonen", 60, Some(&claim.token)).await.expect("renew");
    outbox.release(&pending[1].id, &claim.token).await.expect("release");

    // A case opened, its repeat refused with 409 and the existing id, found by its ref, an
    // assignment on a seeded case, and the test case withdrawn.
    let request = case_request("kirjaamo-prism:case");
    let case = tweb.create_case(&request).await.expect("case opened");
    let repeat = tweb.create_case(&request).await.expect_err("a repeat is refused");
    assert_eq!(repeat.existing_id(), Some(case.id));
    assert_eq!(tweb.case_by_ref("kirjaamo-prism:case").await.expect("lookup").map(|c| c.id), Some(case.id));
    let assignment = tweb.create_assignment(&assignment_request(existing.id)).await.expect("assignment");
    let found = tweb.assignment_by_ref("kirjaamo-prism:assignment").await.expect("lookup");
    assert_eq!(found.map(|a| a.id), Some(assignment.id));
    tweb.withdraw_case(case.id, "Avattu Prism-testissä").await.expect("withdrawn");
    let today = kirjaamo::domain::helsinki::today();
    outbox.completed(today, today).await.expect("completed");

    tweb_proxy.assert_clean("TWeb", 15);
    outbox_proxy.assert_clean("outbox", 7);
}

#[tokio::test]
#[ignore = "needs Prism: scripts/prism.sh"]
async fn a_prism_mock_of_each_contract_accepts_every_request_of_the_clients() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (tweb_contract, outbox_contract) = contracts_for_prism(dir.path());
    let tweb_mock = Prism::start(&["mock"], &tweb_contract, dir.path(), "tweb-mock").await;
    let outbox_mock = Prism::start(&["mock"], &outbox_contract, dir.path(), "outbox-mock").await;
    let (tweb, outbox) = clients(&tweb_mock.url, &outbox_mock.url);

    // The answers are Prism's own inventions (ids 0, "string" digests), so only whether Prism
    // accepted each request is asked, by its log; a refused request would also be an error here.
    let _ = tweb.me().await;
    let _ = kirjaamo::tweb::fetch_catalog(tweb.as_ref()).await;
    let _ =
        tweb.search_cases(&CaseQuery { q: Some("Virtanen".into()), per_page: Some(5), ..CaseQuery::default() }).await;
    let _ = tweb.get_case(7).await;
    let _ = tweb.case_by_ref("kirjaamo:ET-1:case").await;
    let _ = tweb.document_by_ref("kirjaamo:ET-1:form").await;
    let _ = tweb.assignment_by_ref("kirjaamo:ET-1:assignment").await;
    let _ = tweb.create_case(&case_request("kirjaamo:ET-1:case")).await;
    let metadata = DocumentMetadata {
        title: "Hakemus: Omaishoidon tuki".into(),
        document_type: "HAKEMUS".into(),
        external_ref: Some("kirjaamo:ET-1:form".into()),
        filename: Some("hakemus.pdf".into()),
        received_date: Some(kirjaamo::domain::helsinki::today()),
        sha256: Some(hex::encode(Sha256::digest(b"%PDF-1.7 test"))),
    };
    let upload = || Upload::from_bytes("hakemus.pdf", "application/pdf", Bytes::from_static(b"%PDF-1.7 test"));
    let _ = tweb.add_document(Some(7), &metadata, upload()).await;
    let _ = tweb.add_document(None, &metadata, upload()).await;
    let _ = tweb.create_assignment(&assignment_request(7)).await;
    let _ = tweb.withdraw_case(7, "Avattu vahingossa").await;

    let _ = outbox.services().await;
    let _ = outbox.list(&Default::default()).await;
    // The mock names the same next cursor on every page: the client stops, not loops.
    assert!(outbox.list_all(Some("omaishoidontuki")).await.is_err(), "a repeated cursor ends the listing");
    let _ = outbox.get("ET-2026-000123").await;
    let _ = outbox.attachment("ET-2026-000123", "liite-1").await;
    let _ = outbox.claim("ET-2026-000123", "Maija Virtanen", 300, None).await;
    let _ = outbox.release("ET-2026-000123", "c0ffee").await;
    let _ = outbox.reopen("ET-2026-000123", "Maija Virtanen").await;
    let today = kirjaamo::domain::helsinki::today();
    // One page: the mock's cursor is always there, so `completed` would follow it forever.
    let query = kirjaamo::contract::outbox::CompletedQuery {
        from: Some(today),
        to: Some(today),
        limit: Some(200),
        ..Default::default()
    };
    let _ = outbox.completed_page(&query).await;
    let result: kirjaamo::contract::outbox::FilingResult = serde_json::from_value(serde_json::json!({
        "action": "new_case",
        "case_id": 7,
        "diary_number": "7/05.12.01/2026",
        "document_ids": [11, 12],
        "assignment_id": 3,
    }))
    .expect("filing result");
    let _ = outbox.complete("ET-2026-000123", "c0ffee", &result).await;

    tweb_mock.assert_clean("TWeb (mock)", 15);
    outbox_mock.assert_clean("outbox (mock)", 11);
}

fn case_request(external_ref: &str) -> CreateCase {
    serde_json::from_value(serde_json::json!({
        "title": "Omaishoidon tuki: Virtanen",
        "case_group": "05.12.01",
        "external_ref": external_ref,
        "parties": [{ "name": "Maija Virtanen", "role": "applicant" }],
    }))
    .expect("case request")
}

fn assignment_request(case_id: u64) -> CreateAssignment {
    serde_json::from_value(serde_json::json!({
        "subject": "Käsiteltävä: omaishoidon tuki",
        "case_id": case_id,
        "recipients": { "users": ["tmakinen"], "groups": [] },
        "external_ref": "kirjaamo-prism:assignment",
    }))
    .expect("assignment request")
}
