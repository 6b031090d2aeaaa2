//! Crash: a child process filing a transaction is killed with SIGKILL at a random point; then
//! `kirjaamo export --resume` finishes it. Every time there is exactly one case and one of each
//! document. 12 trials by default; `KIRJAAMO_CRASH_TRIALS=100` for the full run.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use kirjaamo::export::refs;
use kirjaamo::sandbox::seed::SeedRng;
use kirjaamo::sandbox::{FaultConfig, FaultEffect, FaultRule};

use crate::common::{Env, start};

fn command(env: &Env, journal: &Path) -> tokio::process::Command {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"));
    command
        .arg("export")
        .arg("--journal")
        .arg(journal)
        .arg("--mappings")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings"))
        .args(["--clerk", "Crash"])
        .env("KIRJAAMO_TWEB_URL", env.sandbox.tweb_url())
        .env("KIRJAAMO_OUTBOX_URL", env.sandbox.outbox_url())
        .env("KIRJAAMO_TWEB_USER", "kirjaamo")
        .env("KIRJAAMO_TWEB_PASSWORD", "demo")
        .env("KIRJAAMO_OUTBOX_TOKEN", "epalvelu-demo-token")
        .env("RUST_LOG", "off")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    command
}

async fn exactly_once(env: &Env, id: &str) {
    env.assert_filed_once(&env.transaction(id).await);
    assert!(!env.pending(None).await.iter().any(|p| p == id), "{id} completed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_export_resumes_to_exactly_one_of_everything() {
    let trials: usize = std::env::var("KIRJAAMO_CRASH_TRIALS").ok().and_then(|v| v.parse().ok()).unwrap_or(12);
    let mut rng = SeedRng::new(1234);
    let (mut before_start, mut resumed, mut finished_before_kill) = (0, 0, 0);
    let mut trial = 0;
    while trial < trials {
        // A fresh sandbox every 60 trials: the seed outbox has 63 transactions.
        let env = start().await;
        let delay = FaultRule {
            api: None,
            method: None,
            path: Some("/".into()),
            probability: 1.0,
            latency_ms: 25,
            effect: FaultEffect::Delay,
            times: None,
        };
        env.sandbox.set_faults(FaultConfig { seed: 1, rules: vec![delay] });
        let journal = env.dir.path().join("crash.sqlite");
        let ids = env.pending(None).await;
        for id in ids.iter().take((trials - trial).min(60)) {
            trial += 1;
            let mut child = command(&env, &journal).args(["--id", id]).spawn().expect("export starts");
            tokio::time::sleep(Duration::from_millis(rng.range(0, 500))).await;
            let _ = child.start_kill();
            let status = child.wait().await.expect("child ends");
            if status.success() {
                finished_before_kill += 1;
            }
            let resume = command(&env, &journal).arg("--resume").output().await.expect("resume runs");
            assert!(resume.status.success(), "{id}: resume failed: {}", String::from_utf8_lossy(&resume.stderr));
            if env.pending(None).await.iter().any(|p| p == id) {
                // Killed before the journal saw the filing: then nothing may exist yet.
                before_start += 1;
                let counts = env.sandbox.count_external_ref(&refs::form(id));
                assert_eq!(counts.documents, 0, "{id}: nothing created before the journal knew");
                assert_eq!(env.sandbox.count_external_ref(&refs::case(id)).cases, 0, "{id}");
                let again = command(&env, &journal).args(["--id", id]).output().await.expect("runs");
                assert!(again.status.success(), "{id}: {}", String::from_utf8_lossy(&again.stderr));
            } else if !status.success() {
                resumed += 1;
            }
            exactly_once(&env, id).await;
        }
    }
    eprintln!(
        "{trials} trials: {resumed} resumed mid-filing, {before_start} killed before starting, {finished_before_kill} finished before the kill"
    );
    assert!(resumed > 0, "some kills must land in the middle of a filing");
}
