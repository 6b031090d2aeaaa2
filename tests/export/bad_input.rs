//! Bad input from the outbox: a committed corpus of broken payloads and attachments. Each gives a
//! clear error on its own transaction, no panic, nothing filed as done, and the rest unaffected.

use std::path::{Path, PathBuf};

use kirjaamo::export::{ExportError, FilingPlan, FilingState, Target, refs};
use tokio_util::sync::CancellationToken;

use crate::common::start;

fn corpus() -> Vec<(PathBuf, serde_json::Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/export_bad");
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("corpus").filter_map(|e| Some(e.ok()?.path())).collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let case = serde_json::from_str(&std::fs::read_to_string(&p).expect("read")).expect("case JSON");
            (p, case)
        })
        .collect()
}

fn expand(body: &str, id: &str) -> String {
    let ten_thousand: Vec<serde_json::Value> = (0..10_000)
        .map(|i| serde_json::json!({"key": format!("k{i}"), "label": format!("Kenttä {i}"), "value": "x", "kind": "text", "section": null}))
        .collect();
    body.replace("{{ID}}", id)
        .replace("\"{{TEN_MB}}\"", &format!("\"{}\"", "A".repeat(10_000_000)))
        .replace("\"{{TEN_THOUSAND_FIELDS}}\"", &serde_json::Value::Array(ten_thousand).to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bad_payload_fails_clearly_on_its_own_transaction() {
    let corpus = corpus();
    assert!(corpus.len() >= 30, "{} cases", corpus.len());
    let env = start().await;
    let ids = env.pending(None).await;
    assert!(ids.len() > corpus.len());
    let exporter = env.exporter("Maija Virtanen", "bad.sqlite");
    for ((path, case), id) in corpus.iter().zip(&ids) {
        let body = expand(case["body"].as_str().expect("body"), id);
        env.sandbox.set_raw_transaction(id, body.into_bytes());
        for (attachment, file) in case["attachments"].as_object().expect("attachments") {
            let bytes = file["text"].as_str().expect("text").as_bytes().to_vec();
            let sha = file["sha256_header"].as_str().map(str::to_owned);
            env.sandbox.set_raw_attachment(id, attachment, bytes, sha);
        }
        let plan = FilingPlan {
            transaction_id: id.clone(),
            target: Target::NewCase { case_group: "08.01.04".into(), title: "Testi".into(), submitter_party: true },
            form_document_type: "HAKEMUS".into(),
            attachment_document_type: "HAKLIITE".into(),
            attachment_rules: Vec::new(),
            secret_address_document_type: None,
            assignment: None,
            left_out: Vec::new(),
        };
        let error =
            exporter.file(&plan, &CancellationToken::new()).await.expect_err(&format!("{} must fail", path.display()));
        let message = format!("{:#}", anyhow::Error::from(error));
        let expect = case["expect"].as_str().expect("expect");
        assert!(message.contains(expect), "{}: {message:?} should say {expect:?}", path.display());
        assert!(message.len() < 2_000, "{}: the message stays readable ({} bytes)", path.display(), message.len());
        let record = exporter.journal().filing(id).await.expect("journal").expect("record");
        assert_eq!(record.state, FilingState::Failed, "{}", path.display());
        assert_eq!(
            env.sandbox.count_external_ref(&refs::attachment(id, "A1")).documents,
            0,
            "{}: no bad attachment filed",
            path.display()
        );
        assert!(env.pending(None).await.contains(id), "{}: still pending for a person to look at", path.display());
    }
    // Nothing else was affected: an untouched transaction files normally.
    let good = env.transaction(ids.last().expect("one more")).await;
    exporter.file(&env.plan(&good), &CancellationToken::new()).await.expect("a good transaction still files");
}

#[tokio::test]
async fn a_transaction_that_disappears_mid_filing_fails_clearly() {
    let env = start().await;
    let id = env.pending(Some("yhdistysavustus")).await[0].clone();
    let transaction = env.transaction(&id).await;
    let (events, mut received) = tokio::sync::mpsc::unbounded_channel();
    let journal =
        kirjaamo::export::Journal::open(&env.dir.path().join("gone.sqlite"), &env.endpoint()).expect("journal");
    let exporter = kirjaamo::export::Exporter::new(
        std::sync::Arc::clone(&env.tweb),
        env.outbox.clone(),
        journal,
        crate::common::Env::config("Maija Virtanen"),
        Some(events),
    );
    let plan = env.plan(&transaction);
    let cancel = CancellationToken::new();
    let filing = exporter.file(&plan, &cancel);
    let withdraw = async {
        while let Some(event) = received.recv().await {
            if matches!(event.kind, kirjaamo::export::EventKind::Finished { step: kirjaamo::export::Step::Form, .. }) {
                assert!(env.sandbox.remove_transaction(&id));
                break;
            }
        }
    };
    let (outcome, ()) = tokio::join!(filing, withdraw);
    let error = outcome.expect_err("cannot finish");
    assert!(matches!(error, ExportError::Remote { .. }));
    let message = format!("{:#}", anyhow::Error::from(error));
    assert!(message.contains(&format!("no transaction with id {id}")), "{message}");
    let record = exporter.journal().filing(&id).await.expect("journal").expect("record");
    assert_eq!(record.state, FilingState::Failed);
}

/// An outbox whose every page names the same next cursor (Prism's mock does; so could a real
/// server's paging bug): listing stops with an error instead of asking for ever.
#[tokio::test]
async fn a_cursor_given_twice_ends_the_listing_with_an_error() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let asked = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = std::sync::Arc::clone(&asked);
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let count = std::sync::Arc::clone(&count);
            tokio::spawn(async move {
                let mut buffer = vec![0u8; 8192];
                let mut head = Vec::new();
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match socket.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buffer[..n]),
                    }
                }
                count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let body = br#"{"items":[],"next_cursor":"sama"}"#;
                let answer = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = socket.write_all(answer.as_bytes()).await;
                let _ = socket.write_all(body).await;
            });
        }
    });
    let http = kirjaamo::remote::http_client().expect("client");
    let outbox = kirjaamo::outbox::OutboxClient::new(http, &format!("http://127.0.0.1:{port}"), "t");
    let listing = tokio::time::timeout(std::time::Duration::from_secs(10), outbox.list_all(None)).await;
    let error = listing.expect("the listing ends").expect_err("a repeated cursor is an error");
    assert_eq!(error.kind, kirjaamo::remote::RemoteErrorKind::Protocol);
    assert!(error.message.contains("same page cursor twice"), "{}", error.message);
    assert_eq!(asked.load(std::sync::atomic::Ordering::SeqCst), 2, "the first page, then the repeat");
    let today = kirjaamo::domain::helsinki::today();
    let completed = tokio::time::timeout(std::time::Duration::from_secs(10), outbox.completed(today, today)).await;
    assert!(completed.expect("ends").is_err());
}
