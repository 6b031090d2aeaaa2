//! The export engine: files one transaction by its plan, step by step, exactly once. The outbox
//! decides whether a transaction is still to be filed and TWeb holds what exists; the journal only
//! remembers where a filing got to.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use tokio::sync::mpsc::UnboundedSender;
use tokio_util::sync::CancellationToken;

use super::events::{EventKind, ExportEvent, Step};
use super::journal::{FilingState, Journal};
use super::place::{Found, Place};
use super::plan::{FilingPlan, refs};
use super::{ExportConfig, ExportError, Filed, FiledHow};
use crate::audit::{Action as Access, Event as AccessEvent};
use crate::contract::outbox::{Completion, FiledAssignment, FilingResult, TransactionDetail};
use crate::contract::tweb::{CreateAssignment, DocumentMetadata};
use crate::domain::{Transaction, helsinki};
use crate::outbox::OutboxClient;
use crate::plain::Told;
use crate::remote::{RemoteError, RemoteErrorKind};
use crate::tweb::{CaseSystem, Upload};

/// Files transactions into a [`CaseSystem`] from an [`OutboxClient`], journaling every step.
pub struct Exporter<C> {
    pub(super) tweb: Arc<C>,
    pub(super) outbox: OutboxClient,
    pub(super) journal: Journal,
    pub(super) config: ExportConfig,
    pub(super) events: Option<UnboundedSender<ExportEvent>>,
    pub(super) pace: super::pace::Pace,
}

/// Aborts the claim-renewal task when the filing ends, however it ends.
struct Renewal(tokio::task::JoinHandle<()>);

impl Drop for Renewal {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl<C: CaseSystem + 'static> Exporter<C> {
    /// An exporter; `events` receives progress when given.
    pub fn new(
        tweb: Arc<C>,
        outbox: OutboxClient,
        journal: Journal,
        config: ExportConfig,
        events: Option<UnboundedSender<ExportEvent>>,
    ) -> Self {
        let pace = super::pace::Pace::new(config.parallel);
        Self { tweb, outbox, journal, config, events, pace }
    }

    /// Filings at once.
    pub fn parallel(&self) -> usize {
        self.pace.parallel()
    }

    /// The journal this exporter writes.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    pub(super) fn emit(&self, transaction_id: &str, kind: EventKind) {
        if let Some(events) = &self.events {
            let _ = events.send(ExportEvent { transaction_id: transaction_id.to_owned(), kind });
        }
    }

    /// Files the transaction of `plan`. Returns once every step succeeded and the outbox records
    /// it, or when the outbox already records it as this clerk's; any failure leaves the filing
    /// "failed — resumable" in the journal.
    pub async fn file(&self, plan: &FilingPlan, cancel: &CancellationToken) -> Result<Filed, ExportError> {
        self.file_with_pdf(plan, cancel, None).await
    }

    /// As [`Exporter::file`], with the form PDF already rendered (the desk renders it for the
    /// preview); `None` renders it here.
    pub async fn file_with_pdf(
        &self,
        plan: &FilingPlan,
        cancel: &CancellationToken,
        pdf: Option<Bytes>,
    ) -> Result<Filed, ExportError> {
        self.file_inner(plan, cancel, pdf, None).await
    }

    /// As [`Exporter::file`], with the transaction as this run read it from the outbox just now
    /// ([`Exporter::read`]) to make `plan`: the outbox is not asked again before the claim, which
    /// answers for itself whether the transaction is still pending.
    pub async fn file_read(
        &self,
        plan: &FilingPlan,
        detail: TransactionDetail,
        cancel: &CancellationToken,
    ) -> Result<Filed, ExportError> {
        self.file_inner(plan, cancel, None, Some(detail)).await
    }

    /// Reads transaction `id` from the outbox, retried like a step.
    pub async fn read(&self, id: &str) -> Result<TransactionDetail, RemoteError> {
        self.retry(id, &Step::Read, || self.outbox.get(id)).await
    }

    async fn file_inner(
        &self,
        plan: &FilingPlan,
        cancel: &CancellationToken,
        pdf: Option<Bytes>,
        read: Option<TransactionDetail>,
    ) -> Result<Filed, ExportError> {
        let id = plan.transaction_id.as_str();
        // At most so many filings at once; one that waits for its turn can be cancelled.
        let turn = tokio::select! {
            biased;
            () = cancel.cancelled() => return Err(ExportError::Cancelled { diary_number: None }),
            turn = self.pace.turn(id) => turn,
        };
        // Another filing of it ran meanwhile: what was read before is read again.
        let read = read.filter(|_| !turn.waited());
        let _slot = tokio::select! {
            biased;
            () = cancel.cancelled() => return Err(ExportError::Cancelled { diary_number: None }),
            slot = self.pace.slot() => slot,
        };
        let previous = self.journal.filing(id).await?;
        // The outbox decides whether anything is left to do; the journal's "done" is not asked.
        let detail = match read {
            Some(detail) => Ok(detail),
            None => self.read(id).await,
        };
        let detail = match detail {
            Ok(detail) => detail,
            Err(e) => {
                let error = ExportError::step(Step::Read, e);
                if previous.as_ref().is_some_and(|r| r.state == FilingState::Done) {
                    // Unknown now; the next run asks again. A done record is not turned into a failure.
                    return Err(error);
                }
                self.journal.begin(plan, &self.config.clerk).await?;
                return Err(self.failed(id, None, error).await);
            }
        };
        if let Some(completion) = detail.completion {
            return self.completed_elsewhere(id, previous.is_some(), completion).await;
        }
        if let Some(stale) =
            previous.as_ref().filter(|r| matches!(r.state, FilingState::Done | FilingState::FiledByOther))
        {
            tracing::warn!(
                transaction = %id, journal = %self.journal.path().display(), state = ?stale.state,
                "the journal says filed, but the outbox holds the transaction as pending: filing it, checking every \
                 object the journal remembers against TWeb"
            );
        }
        // Nothing is made, claimed or journaled before every attachment the plan files is scanned.
        self.scan_attachments(plan, &detail.transaction).await?;
        // The disclosure to TWeb is logged before it starts; a log that cannot take it stops it.
        let service = Some(detail.transaction.service.id.clone());
        if let Some(audit) = &self.config.audit {
            let started = AccessEvent::ok(Access::File, id, service.clone()).result("started");
            audit.record_async(started).await?;
        }
        let record = self.journal.begin(plan, &self.config.clerk).await?;
        let mut token = record.claim_token.clone();
        let outcome = self.run(&record.plan, detail.transaction, &mut token, cancel, pdf).await;
        let outcome = match outcome {
            Ok(filed) => {
                match filed.how {
                    FiledHow::Now => self.journal.finish(id, Ok(&filed.result)).await?,
                    FiledHow::Earlier => self.journal.resolve(id, &filed.result, None).await?,
                }
                self.emit(id, EventKind::Done(filed.result.clone()));
                Ok(filed)
            }
            Err(error) => Err(self.failed(id, token, error).await),
        };
        self.log_outcome(id, service, &outcome).await;
        outcome
    }

    /// Records how a filing ended, with its receipt. The filing has happened (or failed) already:
    /// a log that cannot take this is said in the technical log and does not undo it.
    async fn log_outcome(&self, id: &str, service: Option<String>, outcome: &Result<Filed, ExportError>) {
        let Some(audit) = &self.config.audit else { return };
        let event = match outcome {
            Ok(filed) => AccessEvent::ok(Access::File, id, service).detail(crate::audit::receipt(&filed.result)),
            Err(ExportError::Cancelled { .. }) => AccessEvent::ok(Access::File, id, service).result("interrupted"),
            Err(error) => AccessEvent::ok(Access::File, id, service).result(format!("failed: {error}")),
        };
        if let Err(e) = audit.record_async(event).await {
            tracing::error!(transaction = %id, "the end of the filing could not be logged: {}", crate::error_chain(&e));
        }
    }

    /// The outbox already records the transaction as filed: this clerk's earlier filing, or another
    /// clerk's. The journal's record (if it has one) takes what the outbox says.
    async fn completed_elsewhere(
        &self,
        id: &str,
        journaled: bool,
        completion: Completion,
    ) -> Result<Filed, ExportError> {
        let ours = completion.completed_by == self.config.clerk;
        if journaled {
            let by = (!ours).then_some(completion.completed_by.as_str());
            self.journal.resolve(id, &completion.result, by).await?;
        }
        if ours {
            return Ok(Filed { result: completion.result, how: FiledHow::Earlier });
        }
        Err(ExportError::AlreadyFiled { id: id.to_owned(), by: completion.completed_by })
    }

    /// Records that another clerk completed the transaction while this filing ran, and says so.
    async fn filed_by_other(&self, id: &str, completion: Completion) -> ExportError {
        let error = ExportError::AlreadyFiled { id: id.to_owned(), by: completion.completed_by.clone() };
        match self.journal.resolve(id, &completion.result, Some(&completion.completed_by)).await {
            Ok(()) => error,
            Err(journal) => ExportError::Unjournaled { error: Box::new(error), journal },
        }
    }

    /// Ends a filing that stopped on `error`: the claim is released first (another clerk may take
    /// it) unless the filing can go on as it stands ([`ExportError::resumable_as_is`]), then the
    /// failure is journaled; a journal that cannot record it is said beside the filing's own
    /// error, never instead of it.
    async fn failed(&self, id: &str, token: Option<String>, error: ExportError) -> ExportError {
        if let ExportError::AlreadyFiled { .. } = &error {
            // Recorded as filed by them where the completion was read (`filed_by_other`).
            self.emit(id, EventKind::Failed { step: None, message: error.to_string() });
            return error;
        }
        if let Some(token) = token.filter(|_| !error.resumable_as_is()) {
            // Let another clerk take it; a failed release only means the lease runs out.
            if let Err(e) = self.outbox.release(id, &token).await {
                tracing::info!(transaction = %id, "releasing the claim failed: {}", crate::error_chain(&e));
            }
            if let Err(journal) = self.journal.set_claim(id, None).await {
                return ExportError::Unjournaled { error: Box::new(error), journal };
            }
        }
        let told = Told::of(&error);
        self.emit(id, EventKind::Failed { step: error.failed_step(), message: told.detail.clone() });
        let ended = match &error {
            ExportError::Cancelled { .. } => self.journal.interrupt(id, &told).await,
            _ => self.journal.finish(id, Err(&told)).await,
        };
        match ended {
            Ok(()) => error,
            Err(journal) => ExportError::Unjournaled { error: Box::new(error), journal },
        }
    }

    async fn run(
        &self,
        plan: &FilingPlan,
        transaction: Transaction,
        token: &mut Option<String>,
        cancel: &CancellationToken,
        pdf: Option<Bytes>,
    ) -> Result<Filed, ExportError> {
        let id = plan.transaction_id.as_str();
        let problems = super::validate::problems(id, &transaction);
        if !problems.is_empty() {
            return Err(ExportError::BadTransaction { id: id.to_owned(), problems });
        }
        self.emit(id, EventKind::Started(Step::Claim));
        let lease = self.config.lease_seconds;
        let claimed =
            self.retry(id, &Step::Claim, || self.outbox.claim(id, &self.config.clerk, lease, token.as_deref())).await;
        let claim = match claimed {
            Ok(claim) => claim,
            Err(e) if e.kind == RemoteErrorKind::Conflict && e.holder().is_some() => {
                let holder = e.holder().unwrap_or_default().to_owned();
                return Err(ExportError::ClaimedBy { id: id.to_owned(), holder });
            }
            // Completed between our read and our claim: by another clerk, or by this clerk elsewhere.
            Err(e) if e.kind == RemoteErrorKind::Gone => {
                let detail = self.retry(id, &Step::Claim, || self.outbox.get(id)).await;
                return match detail.map(|d| d.completion) {
                    Ok(Some(completion)) if completion.completed_by == self.config.clerk => {
                        Ok(Filed { result: completion.result, how: FiledHow::Earlier })
                    }
                    Ok(Some(completion)) => Err(self.filed_by_other(id, completion).await),
                    Ok(None) => Err(ExportError::step(Step::Claim, e)),
                    Err(read) => Err(ExportError::step(Step::Claim, read)),
                };
            }
            Err(e) => return Err(ExportError::step(Step::Claim, e)),
        };
        *token = Some(claim.token.clone());
        self.journal.set_claim(id, Some(&claim.token)).await?;
        self.emit(id, EventKind::Finished { step: Step::Claim, object_id: None, adopted: false });
        let _renewal = self.renew(id, &claim.token);

        let interrupted = |diary_number: &Option<String>| ExportError::Cancelled { diary_number: diary_number.clone() };
        if cancel.is_cancelled() {
            return Err(interrupted(&None));
        }
        let (case_id, diary_number, case_title) = self.case(plan, &transaction).await?;
        let check = || if cancel.is_cancelled() { Err(interrupted(&diary_number)) } else { Ok(()) };
        check()?;
        let pdf = match pdf {
            Some(pdf) => pdf,
            None => {
                let source = transaction.clone();
                let rendered = tokio::task::spawn_blocking(move || crate::pdf::render(&source))
                    .await
                    .map_err(|e| ExportError::Pdf(e.to_string()))?
                    .map_err(|e| ExportError::Pdf(crate::error_chain(&e)))?;
                Bytes::from(rendered.bytes)
            }
        };
        let form_meta = DocumentMetadata {
            title: transaction.service.name.clone(),
            document_type: plan.form_document_type.clone(),
            filename: Some(format!("{id}.pdf")),
            received_date: Some(helsinki::date_of(transaction.submitted_at)),
            sha256: Some(hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&pdf))),
            external_ref: Some(refs::form(id)),
        };
        let form_id = self
            .until_cancelled(
                cancel,
                &diary_number,
                self.create_once(
                    id,
                    Step::Form,
                    Place::OnCase(case_id),
                    || self.document_by_ref(refs::form(id)),
                    || async {
                        let upload = Upload::from_bytes(&format!("{id}.pdf"), "application/pdf", pdf.clone());
                        Ok(self.tweb.add_document(case_id, &form_meta, upload).await?.id)
                    },
                ),
            )
            .await?;
        let mut document_ids = vec![form_id];
        for attachment in plan.filed_attachments(&transaction) {
            check()?;
            // A long upload stops in the middle when the clerk cancels; the next try looks the
            // document up by its external ref before sending it again.
            let upload = self.attachment(plan, &transaction, attachment, case_id);
            document_ids.push(self.until_cancelled(cancel, &diary_number, upload).await?);
        }
        if let Some(document_type) = plan.secret_address_type(&transaction) {
            check()?;
            let upload = self.secret_address(plan, &transaction, document_type, case_id);
            document_ids.push(self.until_cancelled(cancel, &diary_number, upload).await?);
        }
        check()?;
        let mut assignment_receipt = None;
        let assignment_id = match &plan.assignment {
            Some(assignment) => {
                let request = CreateAssignment {
                    subject: assignment.subject.clone(),
                    message: assignment.message.clone(),
                    // Relative to the day it is sent, not to the day the plan was first made.
                    due_date: assignment.due_date_on(helsinki::today()),
                    recipients: assignment.recipients.clone(),
                    case_id,
                    document_ids: if case_id.is_some() { Vec::new() } else { document_ids.clone() },
                    external_ref: Some(refs::assignment(id)),
                };
                let created = self
                    .create_once(
                        id,
                        Step::Assignment,
                        Place::OnCase(case_id),
                        || async {
                            let found = self.tweb.assignment_by_ref(&refs::assignment(id)).await?;
                            Ok(found.map(|a| Found { id: a.id, case_id: a.case_id }))
                        },
                        || async { Ok(self.tweb.create_assignment(&request).await?.id) },
                    )
                    .await?;
                assignment_receipt =
                    Some(FiledAssignment { recipients: request.recipients.clone(), due_date: request.due_date });
                Some(created)
            }
            None => None,
        };
        check()?;
        let documents = plan.receipt_documents(&transaction, &document_ids);
        let result = FilingResult {
            action: plan.action(),
            case_id,
            diary_number,
            document_ids,
            assignment_id,
            case_title,
            documents,
            assignment: assignment_receipt,
            left_out: plan.left_out_files(&transaction),
        };
        self.complete(id, &claim.token, &result).await?;
        Ok(Filed { result, how: FiledHow::Now })
    }

    fn renew(&self, id: &str, token: &str) -> Renewal {
        let (outbox, id, token, clerk) =
            (self.outbox.clone(), id.to_owned(), token.to_owned(), self.config.clerk.clone());
        let lease = self.config.lease_seconds;
        Renewal(tokio::spawn(async move {
            let every = Duration::from_secs(u64::from(lease.max(3)) / 3);
            loop {
                tokio::time::sleep(every).await;
                if let Err(e) = outbox.claim(&id, &clerk, lease, Some(&token)).await {
                    tracing::warn!(transaction = %id, "renewing the claim failed: {}", crate::error_chain(&e));
                }
            }
        }))
    }

    /// Marks the transaction filed. A lost or cut-off answer is retried; the outbox then answers
    /// that it is filed already, and its record must name this filing's result.
    async fn complete(&self, id: &str, token: &str, result: &FilingResult) -> Result<(), ExportError> {
        self.journal.step_started(id, &Step::Complete).await?;
        self.emit(id, EventKind::Started(Step::Complete));
        match self.retry(id, &Step::Complete, || self.outbox.complete(id, token, result)).await {
            Ok(_) => {}
            Err(e) if matches!(e.kind, RemoteErrorKind::Gone | RemoteErrorKind::Conflict) => {
                let detail = self
                    .retry(id, &Step::Complete, || self.outbox.get(id))
                    .await
                    .map_err(|e| ExportError::step(Step::Complete, e))?;
                match detail.completion {
                    Some(c) if c.result == *result => {}
                    Some(c) => return Err(self.filed_by_other(id, c).await),
                    None => return Err(ExportError::step(Step::Complete, e)),
                }
            }
            Err(e) => return Err(ExportError::step(Step::Complete, e)),
        }
        self.journal.step_done(id, &Step::Complete, None).await?;
        self.emit(id, EventKind::Finished { step: Step::Complete, object_id: None, adopted: false });
        Ok(())
    }
}
