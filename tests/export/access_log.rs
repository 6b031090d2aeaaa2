//! The access log of a headless export: every filing is logged before it starts and when it ends,
//! as the OS account on this workstation; `kirjaamo audit verify` accepts the log and reports one
//! edited byte; `audit export` answers "who filed TX-…" as CSV; an access log that cannot be
//! written stops the export before anything is filed.

use std::path::Path;

use crate::common::{export, start};

fn audit(args: &[&str], file: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"))
        .arg("audit")
        .args(args)
        .arg("--file")
        .arg(file)
        .env("RUST_LOG", "off")
        .output()
        .expect("runs")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_filing_is_logged_and_the_log_answers_who_filed_it() {
    let env = start().await;
    let journal = env.dir.path().join("journal.sqlite");
    let (output, stdout, stderr) = export(&env, &journal, &["--auto"]).await;
    assert!(output.status.success(), "{stdout}{stderr}");
    let log_path = env.dir.path().join("access-log.sqlite");
    let log = kirjaamo::audit::AccessLog::open(&log_path).expect("the access log is beside the journal");
    let entries = log.entries().expect("entries");
    let files: Vec<_> = entries.iter().filter(|e| e.action == "file").collect();
    let filed: Vec<_> = files.iter().filter(|e| e.result == "ok").collect();
    assert!(filed.len() >= 3, "filed entries: {}", filed.len());
    // Each filing: "started" first, then its end with the receipt, by the account on this machine.
    for done in &filed {
        let started = files.iter().position(|e| e.transaction == done.transaction && e.result == "started");
        let ended = files.iter().position(|e| e.seq == done.seq);
        assert!(started < ended, "{} was not logged before it started", done.transaction);
        assert!(done.detail.contains("case ") && done.detail.contains("documents "), "{}", done.detail);
        assert_eq!(Some(done.os_user.clone()), kirjaamo::connection::os_account());
        assert_eq!(done.tweb_user.as_deref(), Some("kirjaamo"));
        assert_eq!(done.workstation, kirjaamo::audit::workstation());
    }
    // No form values, no henkilötunnus: a filed citizen's name is nowhere in the log.
    let data = kirjaamo::sandbox::seed::seed_data(kirjaamo::sandbox::seed::DEFAULT_SEED);
    let text = String::from_utf8_lossy(&std::fs::read(&log_path).expect("read")).into_owned();
    for t in data.transactions.iter().filter(|t| filed.iter().any(|e| e.transaction == t.transaction.id)) {
        assert!(!text.contains(&t.transaction.submitter.name), "{} is in the access log", t.transaction.submitter.name);
    }
    drop(log);

    let verified = audit(&["verify"], &log_path);
    assert!(verified.status.success(), "{}", String::from_utf8_lossy(&verified.stdout));
    let who = &filed[0].transaction;
    let csv = audit(&["export", "--transaction", who], &log_path);
    let csv = String::from_utf8_lossy(&csv.stdout).into_owned();
    assert_eq!(csv.lines().count(), 3, "header, started, ok: {csv}");
    assert!(csv.lines().skip(1).all(|l| l.contains(who.as_str()) && l.contains("\"file\"")), "{csv}");

    // One byte edited (the receipt's case number of the last entry): reported, with its entry.
    let mut bytes = std::fs::read(&log_path).expect("read");
    let last = entries.last().expect("entries");
    let needle = last.hash.as_bytes();
    let at = bytes.windows(needle.len()).position(|w| w == needle).expect("the last hash is in the file");
    bytes[at] = if bytes[at] == b'0' { b'1' } else { b'0' };
    std::fs::write(&log_path, &bytes).expect("write");
    let refused = audit(&["verify"], &log_path);
    let said = String::from_utf8_lossy(&refused.stdout).into_owned();
    assert_eq!(refused.status.code(), Some(1), "{said}");
    assert!(said.contains(&format!("entry {} was changed", last.seq)), "{said}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_access_log_that_cannot_be_written_stops_the_export_before_anything_is_filed() {
    let env = start().await;
    let journal = env.dir.path().join("journal.sqlite");
    // A folder where the log's file should be: SQLite cannot open it.
    std::fs::create_dir_all(env.dir.path().join("access-log.sqlite")).expect("dir");
    let before = env.pending(None).await;
    let (output, stdout, stderr) = export(&env, &journal, &["--auto"]).await;
    assert!(!output.status.success(), "{stdout}{stderr}");
    assert!(stderr.contains("access log"), "{stderr}");
    assert_eq!(env.pending(None).await, before, "something was filed without being logged");
}
