//! Fault soak: the whole seed outbox filed through injected faults (errors before and after the
//! change is made, connection resets in the middle of uploads and downloads), then checked for
//! duplicates and missing documents by external ref.

use kirjaamo::sandbox::{FaultConfig, FaultEffect, FaultRule};
use tokio_util::sync::CancellationToken;

use crate::common::start;

fn rule(method: Option<&str>, path: &str, probability: f64, effect: FaultEffect) -> FaultRule {
    FaultRule {
        api: None,
        method: method.map(str::to_owned),
        path: Some(path.to_owned()),
        probability,
        latency_ms: 0,
        effect,
        times: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_transaction_is_filed_once_through_twenty_percent_faults() {
    // One round files the 63 seed transactions; `KIRJAAMO_SOAK_ROUNDS=16` files 1,008.
    let rounds: u64 = std::env::var("KIRJAAMO_SOAK_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(1);
    let mut total = (0, 0);
    for round in 0..rounds {
        let (filed, fired) = soak_round(20 + round).await;
        total = (total.0 + filed, total.1 + fired);
    }
    eprintln!("{rounds} rounds: {} transactions filed through {} injected faults", total.0, total.1);
}

async fn soak_round(seed: u64) -> (usize, u32) {
    let env = start().await;
    let ids = env.pending(None).await;
    let transactions = {
        let mut all = Vec::new();
        for id in &ids {
            all.push(env.transaction(id).await);
        }
        all
    };
    env.sandbox.set_faults(FaultConfig {
        seed,
        rules: vec![
            rule(Some("POST"), "/cases", 0.2, FaultEffect::Status { status: 504, after: true }),
            rule(Some("POST"), "/documents", 0.2, FaultEffect::ResetRequest),
            rule(Some("POST"), "/assignments", 0.2, FaultEffect::Status { status: 502, after: true }),
            rule(None, "/attachments/", 0.2, FaultEffect::ResetResponse),
            rule(Some("POST"), "/complete", 0.2, FaultEffect::Status { status: 503, after: true }),
            rule(Some("POST"), "/claim", 0.2, FaultEffect::Status { status: 500, after: false }),
            rule(Some("GET"), "/", 0.2, FaultEffect::Status { status: 503, after: false }),
        ],
    });
    let exporter = env.exporter("Soak", "soak.sqlite");
    let mut failures = Vec::new();
    for transaction in &transactions {
        let plan = env.plan(transaction);
        // A transaction that ran out of retries is resumed, as a clerk would from the Failed view.
        let mut outcome = exporter.file(&plan, &CancellationToken::new()).await;
        for _ in 0..5 {
            if outcome.is_ok() {
                break;
            }
            outcome = exporter.file(&plan, &CancellationToken::new()).await;
        }
        if let Err(e) = outcome {
            failures.push(format!("{}: {:#}", transaction.id, anyhow::Error::from(e)));
        }
    }
    let fired: u32 = env.sandbox.fault_status().fired.iter().sum();
    env.sandbox.set_faults(FaultConfig::default());
    assert!(fired >= 100, "only {fired} faults fired");
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(env.pending(None).await.is_empty(), "every transaction completed");
    for transaction in &transactions {
        env.assert_filed_once(transaction);
    }
    (transactions.len(), fired)
}
