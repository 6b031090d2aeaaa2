//! Crash: a child process filing a transaction is killed with SIGKILL at a random point; then
//! `kirjaamo export --resume` finishes it. Every time there is exactly one case and one of each
//! document. Every third trial also restores both servers (a fresh sandbox on the same address)
//! between the kill and the resume, so the journal remembers what the servers no longer hold.
//! 12 trials by default; `KIRJAAMO_CRASH_TRIALS=100` for the full run.

use std::path::Path;
use std::time::Duration;

use kirjaamo::export::refs;
use kirjaamo::sandbox::seed::SeedRng;

use kirjaamo::sandbox::FaultConfig;

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
        let slow = FaultConfig::slow(25, 1);
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

/// A batch filing eight at once is killed at a random point, four times over; `--resume` with
/// eight at once, then the same batch again, leave exactly one of everything.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_parallel_batch_resumes_to_exactly_one_of_everything() {
    let mut rng = SeedRng::new(4321);
    let env = start().await;
    env.sandbox.set_faults(FaultConfig::slow(20, 2));
    let journal = env.dir.path().join("batch.sqlite");
    let ids = env.pending(None).await;
    let mut interrupted = 0;
    for batch in ids.chunks(12).take(4) {
        let mut child = command(&env, &journal).args(["--parallel", "8", "--id"]).args(batch).spawn().expect("starts");
        tokio::time::sleep(Duration::from_millis(rng.range(100, 900))).await;
        let _ = child.start_kill();
        if !child.wait().await.expect("child ends").success() {
            interrupted += 1;
        }
        let resume = command(&env, &journal).args(["--parallel", "8", "--resume"]).output().await.expect("resume");
        assert!(resume.status.success(), "resume failed: {}", String::from_utf8_lossy(&resume.stderr));
        // What the kill caught before its journal knew of it is filed by the batch run again.
        let again = command(&env, &journal).args(["--parallel", "8", "--id"]).args(batch).output().await.expect("runs");
        assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
        for id in batch {
            exactly_once(&env, id).await;
        }
    }
    assert!(interrupted > 0, "some kills must land in the middle of a batch");
}
