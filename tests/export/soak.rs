//! Fault soak: the whole seed outbox filed through injected faults (errors before and after the
//! change is made, connection resets in the middle of uploads and downloads), then checked for
//! duplicates and missing documents by external ref. Then both servers are restored (a fresh
//! sandbox on the same address) and the same journal, now remembering what the servers no longer
//! hold, files everything again through the same faults: again exactly once.

use futures_util::StreamExt;
use kirjaamo::domain::Transaction;
use kirjaamo::export::{Exporter, FiledHow};
use kirjaamo::sandbox::{FaultConfig, FaultEffect, FaultRule};
use kirjaamo::tweb::TwebClient;
use tokio_util::sync::CancellationToken;

use crate::common::{Env, start};

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
        // Four and eight filings at once, as `export --parallel` runs them.
        for parallel in [4, 8] {
            let (filed, fired) = soak_round(20 + round, parallel).await;
            total = (total.0 + filed, total.1 + fired);
        }
    }
    eprintln!("{rounds} rounds: {} transactions filed through {} injected faults", total.0, total.1);
}

fn soak_faults(seed: u64) -> FaultConfig {
    FaultConfig {
        seed,
        rules: vec![
            rule(Some("POST"), "/cases", 0.2, FaultEffect::Status { status: 504, after: true }),
            rule(Some("POST"), "/documents", 0.2, FaultEffect::ResetRequest),
            rule(Some("POST"), "/assignments", 0.2, FaultEffect::Status { status: 502, after: true }),
            rule(None, "/attachments/", 0.2, FaultEffect::ResetResponse),
            rule(Some("POST"), "/complete", 0.2, FaultEffect::Status { status: 503, after: true }),
            rule(Some("POST"), "/claim", 0.2, FaultEffect::Status { status: 500, after: false }),
            rule(Some("POST"), "/", 0.05, FaultEffect::ResetResponse),
            rule(Some("GET"), "/", 0.2, FaultEffect::Status { status: 503, after: false }),
        ],
    }
}

/// Files every transaction through the faults, `parallel` at once; returns the ones that still
/// failed after five tries.
async fn pass(
    env: &Env,
    exporter: &Exporter<TwebClient>,
    transactions: &[Transaction],
    parallel: usize,
) -> Vec<String> {
    futures_util::stream::iter(transactions)
        .map(|transaction| file_retrying(env, exporter, transaction))
        .buffer_unordered(parallel)
        .filter_map(std::future::ready)
        .collect()
        .await
}

/// Files `transaction`, resumed up to five times as a clerk would from the Failed view; what went
/// wrong, if anything.
async fn file_retrying(env: &Env, exporter: &Exporter<TwebClient>, transaction: &Transaction) -> Option<String> {
    let plan = env.plan(transaction);
    let mut outcome = exporter.file(&plan, &CancellationToken::new()).await;
    for _ in 0..5 {
        if outcome.is_ok() {
            break;
        }
        outcome = exporter.file(&plan, &CancellationToken::new()).await;
    }
    match outcome {
        Ok(filed) if filed.how == FiledHow::Now => None,
        Ok(_) => Some(format!("{}: believed filed, not filed now", transaction.id)),
        Err(e) => Some(format!("{}: {}", transaction.id, kirjaamo::error_chain(&e))),
    }
}

async fn soak_round(seed: u64, parallel: usize) -> (usize, u32) {
    let mut env = start().await;
    let ids = env.pending(None).await;
    let transactions = {
        let mut all = Vec::new();
        for id in &ids {
            all.push(env.transaction(id).await);
        }
        all
    };
    let exporter = env.exporter_at_once("Soak", "soak.sqlite", parallel);
    let mut fired = 0;
    for restored in [false, true] {
        if restored {
            env.restore().await;
        }
        env.sandbox.set_faults(soak_faults(seed));
        let failures = pass(&env, &exporter, &transactions, parallel).await;
        let round: u32 = env.sandbox.fault_status().fired.iter().sum();
        env.sandbox.set_faults(FaultConfig::default());
        fired += round;
        assert!(round >= 100, "only {round} faults fired");
        assert!(failures.is_empty(), "N={parallel}, restored: {restored}: {failures:#?}");
        assert!(env.pending(None).await.is_empty(), "every transaction completed");
        for transaction in &transactions {
            env.assert_filed_once(transaction);
        }
    }
    (transactions.len() * 2, fired)
}
