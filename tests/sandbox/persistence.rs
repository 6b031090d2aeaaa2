//! `--state FILE` across restarts and `--data DIR` instead of the built-in data.

use std::path::Path;

use kirjaamo::sandbox::{Sandbox, SandboxConfig};
use reqwest::Method;
use serde_json::json;

use crate::common::{ok_json, problem, start_with};

fn with_state(path: &Path) -> SandboxConfig {
    SandboxConfig { state_file: Some(path.to_owned()), ..SandboxConfig::default() }
}

#[tokio::test]
async fn state_survives_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("sandbox-state.json");
    let env = start_with(with_state(&state)).await;
    let case = env.create_case("02.05.01", Some("epalvelu:TX-P1")).await;
    let case_id = case["id"].as_u64().expect("id");
    let bytes = b"%PDF-1.4 persisted".to_vec();
    let document = ok_json(
        env.upload(Some(case_id), json!({"title": "Hakemus", "document_type": "HAKEMUS"}), bytes.clone()).await,
    )
    .await;
    let tx = env.outbox_get("/transactions?limit=1").await["items"][0]["id"].as_str().expect("id").to_owned();
    let claim = env.outbox(Method::POST, &format!("/transactions/{tx}/claim")).json(&json!({"clerk": "Maija"})).send();
    let token = ok_json(claim.await.expect("request")).await["token"].as_str().expect("token").to_owned();
    let result = json!({"action": "new_case", "case_id": case_id, "diary_number": case["diary_number"], "document_ids": [document["id"]]});
    let complete = env
        .outbox(Method::POST, &format!("/transactions/{tx}/complete"))
        .json(&json!({"token": token, "result": result}));
    ok_json(complete.send().await.expect("request")).await;
    env.sandbox.stop().await;

    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "atomic writes leave no temporary files");

    let env = start_with(with_state(&state)).await;
    let detail = env.tweb_get(&format!("/cases/{case_id}")).await;
    assert_eq!(detail["case"]["diary_number"], case["diary_number"]);
    let id = document["id"].as_u64().expect("id");
    let content = env.tweb(Method::GET, &format!("/documents/{id}/content")).send().await.expect("request");
    assert_eq!(content.bytes().await.expect("bytes").to_vec(), bytes);
    let listed = env.outbox_get("/transactions?limit=200").await;
    assert!(listed["items"].as_array().expect("items").iter().all(|t| t["id"] != tx.as_str()), "still completed");
    let claim_again =
        env.outbox(Method::POST, &format!("/transactions/{tx}/claim")).json(&json!({"clerk": "Juha"})).send();
    problem(claim_again.await.expect("request"), 410, "filed").await;
    // Diary numbers continue instead of starting over.
    let next = env.create_case("02.05.01", None).await;
    let number =
        |c: &serde_json::Value| c["diary_number"].as_str().and_then(|d| d.split('/').next()?.parse::<u32>().ok());
    assert_eq!(number(&next), number(&case).map(|n| n + 1));
    let duplicate = env
        .tweb(Method::POST, "/cases")
        .json(&json!({"case_group": "02.05.01", "title": "x", "external_ref": "epalvelu:TX-P1"}));
    problem(duplicate.send().await.expect("request"), 409, "epalvelu:TX-P1").await;
}

#[tokio::test]
async fn a_damaged_state_file_is_refused_with_its_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("broken.json");
    std::fs::write(&state, "{\"version\": 1, \"tweb\": ").expect("write");
    let error = Sandbox::start(with_state(&state)).await.expect_err("refused");
    let message = format!("{:#}", anyhow::Error::from(error));
    assert!(message.contains("broken.json") && message.contains("not a sandbox state file"), "{message}");
}

fn write_transaction(dir: &Path, name: &str, id: &str, attachment: Option<(&str, &[u8], Option<&str>)>) {
    let attachments = match attachment {
        Some((filename, bytes, sha)) => {
            let folder = dir.join(name);
            std::fs::create_dir_all(&folder).expect("folder");
            std::fs::write(folder.join(filename), bytes).expect("attachment");
            let mut a = json!({"id": "A1", "filename": filename, "content_type": "application/pdf"});
            if let Some(sha) = sha {
                a["sha256"] = json!(sha);
            }
            vec![a]
        }
        None => Vec::new(),
    };
    let transaction = json!({
        "id": id,
        "service": {"id": "kuntalaisaloite", "name": "Kuntalaisaloite"},
        "submitted_at": "2026-11-20T08:30:00Z",
        "language": "fi",
        "submitter": {"name": "Aino Aloitteellinen", "personal_id": null, "email": "aino@example.fi", "phone": null, "address": null},
        "title": "Kuntalaisaloite – Aloitteellinen Aino",
        "fields": [{"key": "aloite", "label": "Aloite", "value": "Lisää penkkejä rantaan.", "kind": "multiline", "section": "Aloite"}],
        "attachments": attachments,
    });
    std::fs::write(dir.join(format!("{name}.json")), transaction.to_string()).expect("transaction");
}

#[tokio::test]
async fn a_data_folder_replaces_the_built_in_transactions() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_transaction(dir.path(), "aloite-1", "TX-DATA-1", Some(("aloite.pdf", b"%PDF-1.4 aloite", None)));
    write_transaction(dir.path(), "aloite-2", "TX-DATA-2", None);
    let env = start_with(SandboxConfig { data_dir: Some(dir.path().to_owned()), ..SandboxConfig::default() }).await;
    let page = env.outbox_get("/transactions").await;
    let ids: Vec<&str> = page["items"].as_array().expect("items").iter().filter_map(|t| t["id"].as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"TX-DATA-1") && ids.contains(&"TX-DATA-2"));
    let detail = env.outbox_get("/transactions/TX-DATA-1").await;
    let attachment = &detail["transaction"]["attachments"][0];
    assert_eq!(attachment["size"], 15);
    let bytes = env
        .outbox(Method::GET, "/transactions/TX-DATA-1/attachments/A1")
        .send()
        .await
        .expect("request")
        .bytes()
        .await
        .expect("bytes");
    assert_eq!(&bytes[..], b"%PDF-1.4 aloite");
    assert_eq!(env.outbox_get("/services").await[0]["id"], "kuntalaisaloite");
}

#[tokio::test]
async fn a_bad_data_folder_is_refused_with_the_file_and_reason() {
    let wrong_sha = tempfile::tempdir().expect("temp dir");
    write_transaction(wrong_sha.path(), "x", "TX-X", Some(("a.pdf", b"abc", Some("00"))));
    let error =
        Sandbox::start(SandboxConfig { data_dir: Some(wrong_sha.path().to_owned()), ..SandboxConfig::default() })
            .await
            .expect_err("refused");
    let message = format!("{:#}", anyhow::Error::from(error));
    assert!(message.contains("sha256 in the JSON does not match"), "{message}");

    let escape = tempfile::tempdir().expect("temp dir");
    write_transaction(escape.path(), "y", "TX-Y", Some(("a.pdf", b"abc", None)));
    let text =
        std::fs::read_to_string(escape.path().join("y.json")).expect("read").replace("\"a.pdf\"", "\"../a.pdf\"");
    std::fs::write(escape.path().join("y.json"), text).expect("write");
    let error = Sandbox::start(SandboxConfig { data_dir: Some(escape.path().to_owned()), ..SandboxConfig::default() })
        .await
        .expect_err("refused");
    let message = format!("{:#}", anyhow::Error::from(error));
    assert!(message.contains("not a plain file name"), "{message}");

    let twice = tempfile::tempdir().expect("temp dir");
    write_transaction(twice.path(), "a", "TX-SAME", None);
    write_transaction(twice.path(), "b", "TX-SAME", None);
    let error = Sandbox::start(SandboxConfig { data_dir: Some(twice.path().to_owned()), ..SandboxConfig::default() })
        .await
        .expect_err("refused");
    let message = format!("{:#}", anyhow::Error::from(error));
    assert!(message.contains("appears twice"), "{message}");
}

/// Eight clients upload the same bytes at once, twenty times over: every upload is made, and each
/// content is stored once, with or without a state file.
#[tokio::test]
async fn concurrent_uploads_of_the_same_bytes_are_all_stored() {
    for state in [false, true] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sandbox-state.json");
        let env = start_with(if state { with_state(&path) } else { SandboxConfig::default() }).await;
        let blobs = dir.path().join("sandbox-state.json.blobs");
        let stored = || std::fs::read_dir(&blobs).map_or(0, |d| d.filter_map(Result::ok).count());
        let before = stored();
        let case = env.create_case("02.05.01", None).await;
        let case_id = case["id"].as_u64().expect("id");
        for round in 0..20 {
            let bytes = format!("%PDF-1.4 round {round}").into_bytes();
            let uploads = (0..8).map(|n| {
                let metadata = json!({"title": format!("Liite {round}-{n}"), "document_type": "HAKEMUS"});
                env.upload(Some(case_id), metadata, bytes.clone())
            });
            for response in futures_util::future::join_all(uploads).await {
                let status = response.status().as_u16();
                assert_eq!(status, 201, "round {round}, state {state}: {}", response.text().await.unwrap_or_default());
            }
        }
        let documents = env.tweb_get(&format!("/cases/{case_id}/documents")).await;
        let count = documents.as_array().map_or(0, Vec::len);
        assert_eq!(count, 160, "every upload is a document (state {state})");
        env.sandbox.stop().await;
        if state {
            assert_eq!(stored() - before, 20, "one blob for each content");
            let leftovers = std::fs::read_dir(&blobs)
                .expect("blobs")
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().contains("tmp"))
                .count();
            assert_eq!(leftovers, 0, "no temporary files are left");
        }
    }
}
