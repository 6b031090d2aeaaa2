//! The pace of parallel filings: a server's "too busy, come back in N s" holds back every filing
//! of the run, and a transaction that could not even be read is kept for `--resume`.

use std::time::{Duration, Instant};

use futures_util::StreamExt;
use kirjaamo::sandbox::{Api, FaultConfig, FaultEffect, FaultRule};
use tokio_util::sync::CancellationToken;

use crate::common::{cli, start};

/// A 429 with `Retry-After: 1` on one upload: for that second no filing calls TWeb at all, then
/// every filing goes on and each transaction is filed once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_after_holds_back_every_filing_of_the_run() {
    let env = start().await;
    let busy = FaultRule {
        api: Some(Api::Tweb),
        method: Some("POST".into()),
        path: Some("/documents".into()),
        probability: 1.0,
        latency_ms: 0,
        effect: FaultEffect::Busy { status: 429, retry_after_s: 1 },
        times: Some(1),
    };
    // Counts every other TWeb request, each a little slow so that the filings overlap.
    let counted = FaultRule { api: Some(Api::Tweb), ..FaultConfig::slow(30, 1).rules[0].clone() };
    env.sandbox.set_faults(FaultConfig { seed: 1, rules: vec![busy, counted] });
    let ids: Vec<String> = env.pending(Some("asukaspysakointi")).await.into_iter().take(4).collect();
    let mut transactions = Vec::new();
    for id in &ids {
        transactions.push(env.transaction(id).await);
    }
    let exporter = env.exporter_at_once("Maija Virtanen", "pace.sqlite", 4);
    let started = Instant::now();
    let filing = futures_util::stream::iter(&transactions)
        .map(|t| {
            let (env, exporter) = (&env, &exporter);
            async move { exporter.file(&env.plan(t), &CancellationToken::new()).await }
        })
        .buffer_unordered(4)
        .collect::<Vec<_>>();
    let watch = async {
        while env.sandbox.fault_status().fired[0] == 0 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
        let before = env.sandbox.fault_status().fired[1];
        tokio::time::sleep(Duration::from_millis(600)).await;
        (before, env.sandbox.fault_status().fired[1])
    };
    let (outcomes, (before, after)) = tokio::join!(filing, watch);
    for (transaction, outcome) in transactions.iter().zip(outcomes) {
        outcome.unwrap_or_else(|e| panic!("{}: {}", transaction.id, kirjaamo::error_chain(&e)));
        env.assert_filed_once(transaction);
    }
    assert_eq!(before, after, "no filing called TWeb while it asked to be left alone");
    assert!(started.elapsed() >= Duration::from_secs(1), "the second was waited out");
}

/// `export --id` whose read of the transaction keeps failing (the connection breaks each time,
/// through every retry: some 20 s) keeps it in the journal: `--resume` reads it again and files it, once. Before, the failure left nothing
/// to resume and the transaction waited for somebody to notice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transaction_that_could_not_be_read_is_filed_by_resume() {
    let env = start().await;
    let id = env.pending(Some("asukaspysakointi")).await[0].clone();
    let cut = FaultRule {
        api: Some(Api::Outbox),
        method: Some("GET".into()),
        path: Some(format!("/transactions/{id}")),
        probability: 1.0,
        latency_ms: 0,
        effect: FaultEffect::ResetResponse,
        times: None,
    };
    env.sandbox.set_faults(FaultConfig { seed: 1, rules: vec![cut] });
    let journal = env.dir.path().join("unread.sqlite");
    let first = cli(&env, &journal, "Ajo").args(["--id", &id]).output().await.expect("runs");
    assert!(!first.status.success(), "the read failed: {}", String::from_utf8_lossy(&first.stderr));
    assert!(env.sandbox.fault_status().fired[0] > 1, "the read was retried");
    env.sandbox.set_faults(FaultConfig::default());
    let resume = cli(&env, &journal, "Ajo").arg("--resume").output().await.expect("runs");
    assert!(resume.status.success(), "{}", String::from_utf8_lossy(&resume.stderr));
    assert!(
        String::from_utf8_lossy(&resume.stdout).starts_with("filed 1,"),
        "{}",
        String::from_utf8_lossy(&resume.stdout)
    );
    env.assert_filed_once(&env.transaction(&id).await);
    let again = cli(&env, &journal, "Ajo").arg("--resume").output().await.expect("runs");
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("filed 0,"), "nothing is left to resume");
}
