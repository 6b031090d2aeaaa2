//! Filing through the export engine: start, cancel, retry and the journal's records.

use crate::plain::Told;
use std::sync::Arc;

use tokio_util::sync::CancellationToken;

use super::{Backend, Ended, Reply, plain};
use crate::export::{FilingPlan, FilingRecord};

impl Backend {
    /// Files with `plan`; `pdf` is the form PDF the clerk previewed, so the record is exactly what
    /// was seen (rendered again when `None`). A filing of the same transaction already running is
    /// left alone.
    pub fn file(&mut self, plan: FilingPlan, pdf: Option<Arc<Vec<u8>>>) {
        let id = plan.transaction_id.clone();
        if self.cancels.get(&id).is_some_and(|c| !c.is_cancelled()) {
            return;
        }
        let cancel = CancellationToken::new();
        self.cancels.insert(id.clone(), cancel.clone());
        let exporter = Arc::clone(&self.exporter);
        self.send(async move {
            let pdf = pdf.map(|p| bytes::Bytes::from(p.as_ref().clone()));
            let result = exporter.file_with_pdf(&plan, &cancel, pdf).await;
            Reply::Filed(id, result.map(|filed| filed.result).map_err(Ended::of))
        });
    }

    /// Asks a running filing of `transaction_id` to stop; the engine releases the claim and
    /// the journal keeps the finished steps for a retry.
    pub fn cancel(&mut self, transaction_id: &str) {
        if let Some(cancel) = self.cancels.remove(transaction_id) {
            cancel.cancel();
        }
    }

    /// Forgets the cancel handle of a filing that ended.
    pub fn ended(&mut self, transaction_id: &str) {
        self.cancels.remove(transaction_id);
    }

    /// The journal's filings that failed or were interrupted, as work for a `Requested` value.
    pub fn unfinished(&self) -> impl Future<Output = Result<Vec<FilingRecord>, Told>> + Send + 'static {
        let journal = self.exporter.journal().clone();
        async move { journal.unfinished().await.map_err(plain) }
    }

    /// Every filing the journal holds, newest first, as work for a `Requested` value.
    pub fn history(&self) -> impl Future<Output = Result<Vec<FilingRecord>, Told>> + Send + 'static {
        let journal = self.exporter.journal().clone();
        async move { journal.filings().await.map_err(plain) }
    }
}

impl Backend {
    /// Files transaction `id` with its service's default: reads it, makes the plan from the
    /// mapping (its templates need the fields) and files. For bulk filing.
    pub fn file_default(&mut self, id: &str) {
        if self.cancels.get(id).is_some_and(|c| !c.is_cancelled()) {
            return;
        }
        let cancel = CancellationToken::new();
        self.cancels.insert(id.to_owned(), cancel.clone());
        let (exporter, outbox, mappings, id) =
            (Arc::clone(&self.exporter), self.outbox.clone(), self.mappings.clone(), id.to_owned());
        self.send(async move {
            let result = async {
                let transaction = outbox.get(&id).await.map_err(|e| Ended::Failed(plain(e)))?.transaction;
                // Only a mapping that passed the check against TWeb's catalog files by default.
                let mapping = mappings.usable(&transaction.service.id).map_err(|why| Ended::Failed(plain(why)))?;
                let plan = crate::service::from_mapping(&transaction, mapping, crate::domain::helsinki::today())
                    .map_err(|e| Ended::Failed(plain(e)))?;
                exporter.file(&plan, &cancel).await.map(|filed| filed.result).map_err(Ended::of)
            };
            let result = result.await;
            Reply::Filed(id, result)
        });
    }
}
