//! A batch of filings for `export` and `service`: several at once (the exporter's pace caps
//! them), each transaction read, planned by its mapping and filed by one worker, and what each
//! did said and counted.

use futures_util::StreamExt;
use kirjaamo::export::{ExportError, Exporter, FiledHow, FilingPlan};
use kirjaamo::outbox::OutboxClient;
use kirjaamo::service::CheckedMappings;
use kirjaamo::tweb::TwebClient;
use tokio_util::sync::CancellationToken;

use super::said::{emit, now, say};

/// One transaction to file.
#[derive(Debug, Clone)]
pub(super) enum Job {
    /// Read it from the outbox and plan it by its service's mapping.
    Read(String),
    /// File it with the plan the journal kept.
    Planned(Box<FilingPlan>),
}

impl Job {
    /// The transaction.
    pub(super) fn id(&self) -> &str {
        match self {
            Self::Read(id) => id,
            Self::Planned(plan) => &plan.transaction_id,
        }
    }
}

/// The pending transactions whose mapping files them automatically, and how many pending ones
/// are not automatic.
pub(super) async fn auto_jobs(outbox: &OutboxClient, mappings: &CheckedMappings) -> anyhow::Result<(Vec<Job>, usize)> {
    let pending = outbox.list_all(None).await?;
    let automatic = |service: &str| mappings.usable(service).ok().is_some_and(|m| m.automatic);
    let skipped = pending.iter().filter(|t| !automatic(&t.service.id)).count();
    let jobs = pending.into_iter().filter(|t| automatic(&t.service.id)).map(|t| Job::Read(t.id)).collect();
    Ok((jobs, skipped))
}

/// How one job ended.
enum Ended {
    /// Filed, now or earlier.
    Filed(FiledHow),
    /// The engine stopped it.
    Stopped(ExportError),
    /// It could not be read or planned: nothing was made.
    Unplanned(String),
}

/// Files `jobs`, as many at once as the exporter's pace allows, until `cancel` (running filings
/// stop where they stand and are kept as interrupted; the rest do not start). A journal that
/// cannot be written stops the whole batch the same way.
pub(super) async fn file_jobs(
    exporter: &Exporter<TwebClient>,
    mappings: Option<&CheckedMappings>,
    jobs: Vec<Job>,
    cancel: &CancellationToken,
) -> Counts {
    let stop = cancel.child_token();
    let today = kirjaamo::domain::helsinki::today();
    let total = jobs.len();
    let mut progress = super::progress_line::ProgressLine::new(total);
    let one = |job: Job| {
        let stop = stop.clone();
        async move {
            let id = job.id().to_owned();
            if stop.is_cancelled() {
                return (id, None);
            }
            let ended = match job {
                Job::Planned(plan) => match exporter.file(&plan, &stop).await {
                    Ok(filed) => Ended::Filed(filed.how),
                    Err(e) => Ended::Stopped(e),
                },
                Job::Read(id) => read_and_file(exporter, mappings, &id, today, &stop).await,
            };
            (id, Some(ended))
        }
    };
    let mut running = futures_util::stream::iter(jobs).map(one).buffer_unordered(exporter.parallel());
    let mut count = Counts::default();
    while let Some((id, ended)) = running.next().await {
        let Some(ended) = ended else { continue };
        if count.take(&id, ended) {
            say!("Stopped: nothing more is filed until the journal can be written.");
            stop.cancel();
        }
        progress.update(count.ended(), count.filed + count.earlier, count.failed);
    }
    progress.finish();
    count
}

async fn read_and_file(
    exporter: &Exporter<TwebClient>,
    mappings: Option<&CheckedMappings>,
    id: &str,
    today: chrono::NaiveDate,
    cancel: &CancellationToken,
) -> Ended {
    let Some(mappings) = mappings else { return Ended::Unplanned(format!("{id}: no mappings to plan it by")) };
    // A stop (SIGTERM, the service stopped) does not wait for a read's retries.
    let read = tokio::select! {
        biased;
        () = cancel.cancelled() => return Ended::Stopped(ExportError::Cancelled { diary_number: None }),
        read = exporter.read(id) => read,
    };
    let detail = match read {
        Ok(detail) => detail,
        Err(e) => {
            let message = format!("{id}: {}", kirjaamo::error_chain(&e));
            // Kept for `--resume` unless the outbox has no such transaction.
            let journal = exporter.journal();
            let kept = if e.kind == kirjaamo::remote::RemoteErrorKind::NotFound {
                journal.forget_unread(id).await
            } else {
                journal.record_unread(id, &kirjaamo::plain::Told::of(&e)).await
            };
            return match kept {
                Ok(()) => Ended::Unplanned(message),
                Err(journal) => Ended::Stopped(ExportError::Unjournaled {
                    error: Box::new(ExportError::Remote { step: kirjaamo::export::Step::Read, source: e }),
                    journal,
                }),
            };
        }
    };
    let transaction = &detail.transaction;
    let plan = match mappings.usable(&transaction.service.id) {
        Ok(mapping) => kirjaamo::service::from_mapping(transaction, mapping, today).map_err(|e| format!("{id}: {e}")),
        Err(why) => Err(format!("{id}: {why}")),
    };
    match plan {
        Ok(plan) => match exporter.file_read(&plan, detail, cancel).await {
            Ok(filed) => Ended::Filed(filed.how),
            Err(e) => Ended::Stopped(e),
        },
        Err(message) => Ended::Unplanned(message),
    }
}

/// What one run did; only `filed` counts filings this run made.
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub(super) struct Counts {
    pub(super) filed: usize,
    pub(super) earlier: usize,
    pub(super) by_others: usize,
    pub(super) held: usize,
    pub(super) failed: usize,
    pub(super) interrupted: usize,
    pub(super) skipped: usize,
    /// Left pending: an attachment could not be scanned (the scanner was down or too slow).
    pub(super) not_scanned: usize,
    /// Left for a clerk: malware in an attachment.
    pub(super) quarantined: usize,
}

impl Counts {
    /// Counts and says how transaction `id` ended; `true` when the batch must stop.
    fn take(&mut self, id: &str, ended: Ended) -> bool {
        let e = match ended {
            Ended::Filed(FiledHow::Now) => {
                self.filed += 1;
                return false;
            }
            Ended::Filed(FiledHow::Earlier) => {
                self.earlier += 1;
                return false;
            }
            Ended::Unplanned(message) => {
                self.failed += 1;
                say!("{message}");
                return false;
            }
            Ended::Stopped(e) => e,
        };
        match e {
            ExportError::AlreadyFiled { .. } => {
                self.by_others += 1;
                say!("{e}");
            }
            ExportError::ClaimedBy { .. } => {
                self.held += 1;
                say!("{e}");
            }
            // Nothing was made: the transaction stays pending until the scanner answers.
            ExportError::NotScanned { .. } => {
                self.not_scanned += 1;
                say!("{id}: not filed, left pending: {}", kirjaamo::error_chain(&e));
            }
            // A clerk decides whether to file it without the infected files.
            ExportError::Quarantined { .. } => {
                self.quarantined += 1;
                say!("{id}: in quarantine, left for a clerk: {e}");
            }
            ExportError::Cancelled { .. } => {
                self.interrupted += 1;
                say!("{id}: interrupted; the next run goes on from there");
            }
            e if e.stops_run() => {
                self.failed += 1;
                say!("{id}: FAILED: {}", kirjaamo::error_chain(&e));
                return true;
            }
            e => {
                self.failed += 1;
                let error = kirjaamo::error_chain(&e);
                emit(&serde_json::json!({
                    "event": "failed", "at": now(), "transaction": id, "error": error,
                    "message": kirjaamo::i18n::english(&kirjaamo::plain::Told::of(&e).plain),
                    "retry_as_is": e.resumable_as_is(),
                }));
                say!("{id}: FAILED: {error}");
            }
        }
        false
    }

    /// Transactions that ended, however.
    pub(super) fn ended(&self) -> usize {
        self.filed
            + self.earlier
            + self.by_others
            + self.held
            + self.failed
            + self.interrupted
            + self.not_scanned
            + self.quarantined
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "filed {}, already filed {} (by this clerk earlier {}, by others {}), held by other clerks {}, failed {}, interrupted {}, skipped {} (not automatic), not scanned {} (left pending), in quarantine {} (malware; left for a clerk)",
            self.filed,
            self.earlier + self.by_others,
            self.earlier,
            self.by_others,
            self.held,
            self.failed,
            self.interrupted,
            self.skipped,
            self.not_scanned,
            self.quarantined
        )
    }
}
