//! Logs of `kirjaamo export` run by a scheduler: plain text when stderr is not a terminal, and a
//! first start in a fresh data folder says nothing about a missing log folder.

use crate::common::{cli, start};

#[tokio::test]
async fn a_first_run_in_a_fresh_data_folder_logs_plain_text_and_no_folder_errors() {
    let env = start().await;
    let id = env.pending(Some("liikuntavuoro")).await[0].clone();
    let data = env.dir.path().join("fresh-data");
    assert!(!data.exists());
    let output = cli(&env, &env.dir.path().join("journal.sqlite"), "Kirjaamo (automaattinen)")
        .args(["--id", &id])
        .env("RUST_LOG", "debug")
        .env("KIRJAAMO_DATA_DIR", &data)
        .env_remove("KIRJAAMO_LOG_DIR")
        .output()
        .await
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("DEBUG"), "logging ran: {stderr}");
    assert!(!stderr.contains('\u{1b}'), "no colour codes in a pipe: {stderr:?}");
    assert!(!stderr.contains("Error reading the log"), "{stderr}");
    // The user name `kirjaamo` (KIRJAAMO_TWEB_USER) is no secret: log targets stay readable.
    assert!(stderr.contains("kirjaamo::cli::export: filing journal opened"), "{stderr}");
    assert!(!stderr.contains("[redacted]::"), "{stderr}");
    let logs = crate::common::files_under(&data.join("logs"));
    assert_eq!(logs.len(), 1, "{logs:?}");
    let text = std::fs::read_to_string(&logs[0]).expect("log file");
    assert!(text.contains("DEBUG") && !text.contains('\u{1b}'), "{text:?}");
}
