//! Several clerks filing the same outbox at once: claims keep any transaction from being filed twice.

use std::sync::Arc;

use futures_util::StreamExt;
use kirjaamo::export::{ExportError, refs};
use tokio_util::sync::CancellationToken;

use crate::common::start;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_clerks_at_once_file_each_transaction_exactly_once() {
    // Each clerk one filing at a time, then four and eight at once (`export --parallel`).
    for parallel in [1, 4, 8] {
        four_clerks(parallel).await;
    }
}

async fn four_clerks(parallel: usize) {
    let env = Arc::new(start().await);
    let ids = env.pending(None).await;
    let mut transactions = Vec::new();
    for id in &ids {
        transactions.push(env.transaction(id).await);
    }
    let transactions = Arc::new(transactions);
    let mut handles = Vec::new();
    for clerk in 0..4 {
        let (env, transactions) = (Arc::clone(&env), Arc::clone(&transactions));
        handles.push(tokio::spawn(async move {
            let exporter = env.exporter_at_once(&format!("Clerk {clerk}"), &format!("clerk{clerk}.sqlite"), parallel);
            // Each clerk walks the outbox from a different point, as people do.
            let n = transactions.len();
            let file = |i: usize| {
                let (env, exporter, transaction) = (&env, &exporter, &transactions[(i + clerk * n / 4) % n]);
                async move {
                    match exporter.file(&env.plan(transaction), &CancellationToken::new()).await {
                        Ok(_) => 1,
                        Err(ExportError::ClaimedBy { .. } | ExportError::AlreadyFiled { .. }) => 0,
                        Err(other) => panic!("{}: {:#}", transaction.id, anyhow::Error::from(other)),
                    }
                }
            };
            futures_util::stream::iter(0..n).map(file).buffer_unordered(parallel).collect::<Vec<usize>>().await
        }));
    }
    let mut filed_total = 0;
    for handle in handles {
        filed_total += handle.await.expect("clerk task").iter().sum::<usize>();
    }
    assert_eq!(filed_total, transactions.len(), "N={parallel}: each transaction filed by exactly one clerk");
    assert!(env.pending(None).await.is_empty());
    for transaction in transactions.iter() {
        assert_eq!(env.sandbox.count_external_ref(&refs::form(&transaction.id)).documents, 1, "{}", transaction.id);
        assert!(env.sandbox.count_external_ref(&refs::case(&transaction.id)).cases <= 1);
    }
}
