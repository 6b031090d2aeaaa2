//! Nothing secret is written to disk: a headless export with known secrets, logging at trace
//! level to files, then the log files and the journal (with its WAL) are searched for the
//! secrets and for the full henkilötunnus of every transaction filed.

use std::path::Path;

use crate::common::{files_under, start};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_leaves_no_secret_and_no_personal_id_on_disk() {
    let env = start().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let (logs, journal) = (dir.path().join("logs"), dir.path().join("journal.sqlite"));
    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"))
        .args(["export", "--auto", "--scanner", "none", "--mappings"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings"))
        .arg("--journal")
        .arg(&journal)
        .env("KIRJAAMO_TWEB_URL", env.sandbox.tweb_url())
        .env("KIRJAAMO_OUTBOX_URL", env.sandbox.outbox_url())
        .env("KIRJAAMO_TWEB_USER", "kirjaamo")
        .env("KIRJAAMO_TWEB_PASSWORD", "demo")
        .env("KIRJAAMO_OUTBOX_TOKEN", "epalvelu-demo-token")
        .env("KIRJAAMO_LOG_DIR", &logs)
        .env("RUST_LOG", "trace")
        .output()
        .await
        .expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));

    // The personal ids of the transactions that were filed (they are no longer pending).
    let data = kirjaamo::sandbox::seed::seed_data(kirjaamo::sandbox::seed::DEFAULT_SEED);
    let pending = env.pending(None).await;
    let filed_ids: Vec<String> = data
        .transactions
        .iter()
        .filter(|t| !pending.contains(&t.transaction.id))
        .filter_map(|t| t.transaction.submitter.personal_id.as_ref().map(|p| p.expose().to_owned()))
        .collect();
    assert!(filed_ids.len() >= 3, "filed transactions with a henkilötunnus: {}", filed_ids.len());

    let files = files_under(dir.path());
    assert!(files.iter().any(|f| f.starts_with(&logs)), "a log file was written: {files:?}");
    let mut log_bytes = 0;
    for file in &files {
        let bytes = std::fs::read(file).expect("read");
        if file.starts_with(&logs) {
            log_bytes += bytes.len();
        }
        let text = String::from_utf8_lossy(&bytes);
        // The demo password "demo" is too short to search for; its Basic header is not.
        for secret in ["epalvelu-demo-token", "a2lyamFhbW86ZGVtbw==", "Basic a2ly"] {
            assert!(!text.contains(secret), "{secret} in {}", file.display());
        }
        for id in &filed_ids {
            assert!(!text.contains(id.as_str()), "a henkilötunnus in {}", file.display());
        }
    }
    assert!(log_bytes > 10_000, "trace logging wrote {log_bytes} bytes: the search had something to search");
}
