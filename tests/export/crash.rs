//! Crash: a child process filing a transaction is killed with SIGKILL at a random point; then
//! `kirjaamo export --resume` finishes it. Every time there is exactly one case and one of each
//! document. Every third trial also restores both servers (a fresh sandbox on the same address)
//! between the kill and the resume, so the journal remembers what the servers no longer hold.
//! 12 trials by default; `KIRJAAMO_CRASH_TRIALS=100` for the full run.

use std::path::Path;
use std::time::Duration;

use kirjaamo::export::refs;
use kirjaamo::sandbox::seed::SeedRng;
use kirjaamo::sandbox::{FaultConfig, FaultEffect, FaultRule};

use crate::common::{Env, start};

fn command(env: &Env, journal: &Path) -> tokio::process::Command {
    crate::common::cli(env, journal, "Crash")
}

async fn exactly_once(env: &Env, id: &str) {
    env.assert_filed_once(&env.transaction(id).await);
    assert!(!env.pending(None).await.iter().any(|p| p == id), "{id} completed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_export_resumes_to_exactly_one_of_everything() {
    let trials: usize = std::env::var("KIRJAAMO_CRASH_TRIALS").ok().and_then(|v| v.parse().ok()).unwrap_or(12);
    let mut rng = SeedRng::new(1234);
    let (mut before_start, mut resumed, mut finished_before_kill, mut restored) = (0, 0, 0, 0);
    let mut trial = 0;
    while trial < trials {
        // A fresh sandbox every 60 trials: the seed outbox has 63 transactions.
        let mut env = start().await;
        let delay = FaultRule {
            api: None,
            method: None,
            path: Some("/".into()),
            probability: 1.0,
            latency_ms: 25,
            effect: FaultEffect::Delay,
            times: None,
        };
        let slow = FaultConfig { seed: 1, rules: vec![delay] };
        env.sandbox.set_faults(slow.clone());
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
            if trial % 3 == 0 {
                env.restore().await;
                env.sandbox.set_faults(slow.clone());
                restored += 1;
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
            } else if !status.success() || trial % 3 == 0 {
                resumed += 1;
            }
            exactly_once(&env, id).await;
        }
    }
    eprintln!(
        "{trials} trials: {resumed} resumed, {before_start} killed before starting or restored away, {finished_before_kill} finished before the kill, {restored} with both servers restored before the resume"
    );
    assert!(restored > 0);
    assert!(resumed > 0, "some kills must land in the middle of a filing");
}
