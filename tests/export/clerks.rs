//! Several clerks filing the same outbox at once: claims keep any transaction from being filed twice.

use std::sync::Arc;

use kirjaamo::export::{ExportError, refs};
use tokio_util::sync::CancellationToken;

use crate::common::start;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_clerks_at_once_file_each_transaction_exactly_once() {
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
            let exporter = env.exporter(&format!("Clerk {clerk}"), &format!("clerk{clerk}.sqlite"));
            let (mut filed, mut skipped) = (0, 0);
            // Each clerk walks the outbox from a different point, as people do.
            let n = transactions.len();
            for i in 0..n {
                let transaction = &transactions[(i + clerk * n / 4) % n];
                match exporter.file(&env.plan(transaction), &CancellationToken::new()).await {
                    Ok(_) => filed += 1,
                    Err(ExportError::ClaimedBy { .. } | ExportError::AlreadyFiled { .. }) => skipped += 1,
                    Err(other) => panic!("{}: {:#}", transaction.id, anyhow::Error::from(other)),
                }
            }
            (filed, skipped)
        }));
    }
    let mut filed_total = 0;
    for handle in handles {
        let (filed, _) = handle.await.expect("clerk task");
        filed_total += filed;
    }
    assert_eq!(filed_total, transactions.len(), "each transaction filed by exactly one clerk");
    assert!(env.pending(None).await.is_empty());
    for transaction in transactions.iter() {
        assert_eq!(env.sandbox.count_external_ref(&refs::form(&transaction.id)).documents, 1, "{}", transaction.id);
        assert!(env.sandbox.count_external_ref(&refs::case(&transaction.id)).cases <= 1);
    }
}
