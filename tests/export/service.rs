//! `kirjaamo service`, the automatic export that keeps running: it files what arrives while it
//! runs, survives the servers going away, stops mid-upload and finishes exactly once at the next
//! start, and runs once per pair of servers.

use std::path::Path;
use std::time::{Duration, Instant};

use futures_util::TryStreamExt as _;
use kirjaamo::export::refs;
use kirjaamo::sandbox::{FaultConfig, FaultEffect};

use crate::common::{Env, kirjaamo_command, start};
use crate::faults::fault;

/// The service on `journal`, a round a second, its status beside the journal.
fn service(env: &Env, journal: &Path) -> tokio::process::Child {
    let mut command = kirjaamo_command(env, "service", "Kirjaamo (automaattinen)");
    command.arg("--journal").arg(journal).args(["--interval", "1"]);
    command.spawn().expect("the service starts")
}

fn status(journal: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(journal.with_file_name("service-status.json")).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_default()
}

/// Waits up to 60 s for `done`.
async fn until(what: &str, mut done: impl AsyncFnMut() -> bool) {
    let end = Instant::now() + Duration::from_secs(60);
    while Instant::now() < end {
        if done().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("never: {what}");
}

/// The pending transactions whose mapping is automatic.
async fn automatic(env: &Env) -> Vec<String> {
    let pending = env.outbox.list_all(None).await.expect("pending");
    pending.into_iter().filter(|t| env.mapping(&t.service.id).automatic).map(|t| t.id).collect()
}

/// A copy of pending transaction `id` under `new_id`, with its attachments' bytes.
async fn copy_of(env: &Env, id: &str, new_id: &str) -> (kirjaamo::domain::Transaction, Vec<Vec<u8>>) {
    let mut transaction = env.transaction(id).await;
    let mut files = Vec::new();
    for attachment in &transaction.attachments {
        let download = env.outbox.attachment(id, &attachment.id).await.expect("attachment");
        let chunks: Vec<bytes::Bytes> = download.body.try_collect().await.expect("bytes");
        files.push(chunks.concat());
    }
    transaction.id = new_id.to_owned();
    transaction.submitted_at = chrono::Utc::now();
    (transaction, files)
}

async fn stop(child: &mut tokio::process::Child) -> std::process::ExitStatus {
    let pid = child.id().expect("running");
    let _ = std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    tokio::time::timeout(Duration::from_secs(30), child.wait()).await.expect("stops within 30 s").expect("status")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_service_files_what_arrives_and_goes_on_after_the_servers_were_down() {
    let env = start().await;
    let journal = env.dir.path().join("service.sqlite");
    let first = automatic(&env).await;
    assert!(!first.is_empty());
    let (later, files) = copy_of(&env, &first[0], "TX-2026-990001").await;
    let (again, again_files) = copy_of(&env, &first[0], "TX-2026-990002").await;
    let mut child = service(&env, &journal);
    until("the automatic transactions are filed", async || automatic(&env).await.is_empty()).await;
    // The status is written when the round ends, after the outbox records the last filing.
    until("the round's status says waiting", async || status(&journal)["state"] == "waiting").await;
    // One arrives while it runs: the next round files it.
    env.sandbox.add_transaction(later.clone(), files);
    until("the new one is filed", async || !automatic(&env).await.contains(&later.id)).await;
    env.assert_filed_once(&later);
    // The servers go away (every request 503) and come back.
    let down = FaultEffect::Status { status: 503, after: false };
    env.sandbox.set_faults(FaultConfig { seed: 1, rules: vec![fault("GET", "/", down, None)] });
    until("the service backs off", async || status(&journal)["state"] == "backing_off").await;
    env.sandbox.add_transaction(again.clone(), again_files);
    env.sandbox.set_faults(FaultConfig::default());
    until("filed after the outage", async || !automatic(&env).await.contains(&again.id)).await;
    env.assert_filed_once(&again);
    let filed: usize = first.len() + 2;
    until("the status counts every filing", async || status(&journal)["filed_total"] == filed).await;
    assert!(stop(&mut child).await.success());
    assert_eq!(status(&journal)["state"], "stopped");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_mid_upload_is_finished_exactly_once_by_the_next_start() {
    let env = start().await;
    let journal = env.dir.path().join("stop.sqlite");
    let first = automatic(&env).await;
    let slow =
        kirjaamo::sandbox::FaultRule { latency_ms: 3_000, ..fault("POST", "/documents", FaultEffect::Delay, None) };
    env.sandbox.set_faults(FaultConfig { seed: 1, rules: vec![slow] });
    let mut child = service(&env, &journal);
    // The first transaction's case is made, its form upload is under way: stop.
    let id = first[0].clone();
    until("a case is opened", async || env.sandbox.count_external_ref(&refs::case(&id)).cases == 1).await;
    let stopped = Instant::now();
    assert!(stop(&mut child).await.success());
    assert!(stopped.elapsed() < Duration::from_secs(10), "stopped where it stood: {:?}", stopped.elapsed());
    assert_eq!(env.sandbox.count_external_ref(&refs::form(&id)).documents, 0, "stopped mid-upload");
    let record = kirjaamo::export::Journal::open(&journal, &env.endpoint()).expect("journal").filing(&id).await;
    assert_eq!(record.expect("read").map(|r| r.state), Some(kirjaamo::export::FilingState::Interrupted));
    env.sandbox.set_faults(FaultConfig::default());
    let mut child = service(&env, &journal);
    until("everything automatic is filed", async || automatic(&env).await.is_empty()).await;
    assert!(stop(&mut child).await.success());
    for id in &first {
        env.assert_filed_once(&env.transaction(id).await);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_service_for_the_same_servers_refuses_to_start() {
    let env = start().await;
    let journal = env.dir.path().join("one.sqlite");
    let mut child = service(&env, &journal);
    until("the first one runs", async || !status(&journal).is_null()).await;
    let second = kirjaamo_command(&env, "service", "Kirjaamo (automaattinen)")
        .arg("--journal")
        .arg(&journal)
        .output()
        .await
        .expect("runs");
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(!second.status.success(), "{stderr}");
    assert!(stderr.contains("another kirjaamo service already runs for these servers"), "{stderr}");
    assert!(stop(&mut child).await.success());
}
