//! Filing through the export engine: file, file by default, undo, and the journal's records.
//! Each filing runs with the cancel the desk's `Filings` holds; its answer always comes back,
//! as [`Reply::Lost`] when its work ended without one.

use crate::domain::TransactionId;
use crate::plain::Told;
use std::sync::Arc;

use tokio_util::sync::CancellationToken;

use super::{Backend, Ended, Reply, plain};
use crate::audit::{Action, Event};
use crate::export::{FilingPlan, FilingRecord};
use crate::tweb::CaseSystem as _;

impl Backend {
    /// Files with `plan`; `pdf` is the form PDF the clerk previewed, so the record is exactly what
    /// was seen (rendered again when `None`). It stops where it stands once `cancel` is cancelled;
    /// the engine keeps the finished steps for a retry.
    pub fn file(&self, plan: FilingPlan, pdf: Option<Arc<Vec<u8>>>, cancel: CancellationToken) {
        let id = TransactionId::new(plan.transaction_id.clone());
        let exporter = Arc::clone(&self.exporter);
        let reply_id = id.clone();
        self.send_filing(id, async move {
            let pdf = pdf.map(|p| bytes::Bytes::from(p.as_ref().clone()));
            let result = exporter.file_with_pdf(&plan, &cancel, pdf).await;
            Reply::Filed(reply_id, result.map(|filed| filed.result).map_err(Ended::of))
        });
    }

    /// Files transaction `id` with its service's default: reads it, makes the plan from the
    /// mapping (its templates need the fields) and files. For bulk filing.
    pub fn file_default(&self, id: &TransactionId, cancel: CancellationToken) {
        let (exporter, outbox, mappings, reply_id) =
            (Arc::clone(&self.exporter), self.outbox.clone(), self.mappings.clone(), id.clone());
        self.send_filing(id.clone(), async move {
            let result = async {
                let detail = outbox.get(reply_id.as_str()).await.map_err(|e| Ended::Failed(plain(e)))?;
                let transaction = &detail.transaction;
                // Only a mapping that passed the check against TWeb's catalog files by default.
                let mapping = mappings.usable(&transaction.service.id).map_err(|why| Ended::Failed(plain(why)))?;
                let plan = crate::service::from_mapping(transaction, mapping, crate::domain::helsinki::today())
                    .map_err(|e| Ended::Failed(plain(e)))?;
                // The transaction as just read: the engine does not read it again.
                exporter.file_read(&plan, detail, &cancel).await.map(|filed| filed.result).map_err(Ended::of)
            };
            let result = result.await;
            Reply::Filed(reply_id, result)
        });
    }

    /// Undoes the filing of transaction `id` onto the new case `case_id`: TWeb withdraws the case
    /// (it refuses unless the case is minutes old and holds only what this filing made), then the
    /// outbox takes the transaction back. The answer comes as [`Reply::Undone`] with the case's
    /// diary number.
    pub fn undo(&self, id: &TransactionId, case_id: u64, reason: String) {
        let (tweb, outbox, clerk, id) =
            (Arc::clone(&self.tweb), self.outbox.clone(), self.clerk().to_owned(), id.clone());
        let access = self.access().clone();
        self.send(async move {
            let result = async {
                // Logged before TWeb is asked: an undo that cannot be logged is not made.
                let started = Event::ok(Action::Undo, id.as_str(), None).result("started").detail(format!("case {case_id}"));
                access.record_async(started).await.map_err(plain)?;
                let undone = async {
                    let case = tweb.withdraw_case(case_id, &reason).await.map_err(plain)?;
                    outbox.reopen(id.as_str(), &clerk).await.map_err(plain)?;
                    Ok::<_, Told>(case.diary_number)
                }
                .await;
                let ended = match &undone {
                    Ok(diary) => Event::ok(Action::Undo, id.as_str(), None).detail(format!("case {diary} ({case_id})")),
                    Err(told) => Event::ok(Action::Undo, id.as_str(), None).result(format!("failed: {}", told.detail)),
                };
                if let Err(e) = access.record_async(ended).await {
                    tracing::error!(transaction = %id.as_str(), "the end of the undo could not be logged: {}", crate::error_chain(&e));
                }
                undone
            }
            .await;
            Reply::Undone(id, result)
        });
    }

    /// Runs a filing's work; if it ends without an answer (a panic), [`Reply::Lost`] says so.
    fn send_filing(&self, id: TransactionId, future: impl Future<Output = Reply> + Send + 'static) {
        let work = self.runtime.spawn(future);
        self.send(async move { work.await.unwrap_or(Reply::Lost(id)) });
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
