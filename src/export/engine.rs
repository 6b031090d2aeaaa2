//! The export engine: files one transaction by its plan, step by step, exactly once.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::StreamExt;
use tokio::sync::mpsc::UnboundedSender;
use tokio_util::sync::CancellationToken;

use super::events::{EventKind, ExportEvent, Step};
use super::journal::{FilingState, Journal};
use super::plan::{FilingPlan, Target, refs, submitter_party};
use super::{ExportConfig, ExportError};
use crate::contract::outbox::FilingResult;
use crate::contract::tweb::{CreateAssignment, CreateCase, DocumentMetadata};
use crate::domain::{Attachment, Transaction};
use crate::outbox::OutboxClient;
use crate::remote::{RemoteError, RemoteErrorKind};
use crate::tweb::{CaseSystem, Upload};

/// Files transactions into a [`CaseSystem`] from an [`OutboxClient`], journaling every step.
pub struct Exporter<C> {
    tweb: Arc<C>,
    outbox: OutboxClient,
    journal: Journal,
    config: ExportConfig,
    events: Option<UnboundedSender<ExportEvent>>,
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
        Self { tweb, outbox, journal, config, events }
    }

    /// The journal this exporter writes.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    fn emit(&self, transaction_id: &str, kind: EventKind) {
        if let Some(events) = &self.events {
            let _ = events.send(ExportEvent { transaction_id: transaction_id.to_owned(), kind });
        }
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let policy = &self.config.retry;
        let exponential = policy.base.saturating_mul(1u32 << attempt.min(16)).min(policy.cap);
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        // Jitter between half and all of the delay, so several clerks do not retry in step.
        exponential.mul_f64(0.5 + f64::from(nanos % 1_000_003) / 2_000_006.0)
    }

    /// Runs `call` with retries on retryable errors.
    async fn retry<T, F, Fut>(&self, id: &str, step: &Step, call: F) -> Result<T, RemoteError>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, RemoteError>>,
    {
        let mut attempt = 1;
        loop {
            match call().await {
                Err(e) if e.is_retryable() && attempt < self.config.retry.attempts => {
                    self.emit(
                        id,
                        EventKind::Retrying { step: step.clone(), message: e.to_string(), attempt: attempt + 1 },
                    );
                    tokio::time::sleep(self.backoff(attempt)).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    /// One creating step, exactly once: a journaled result is reused; after an interrupted or
    /// failed try the object is first looked up by its external ref and adopted; only then created.
    async fn create_once<L, LF, K, KF>(&self, id: &str, step: Step, lookup: L, create: K) -> Result<u64, ExportError>
    where
        L: Fn() -> LF,
        LF: Future<Output = Result<Option<u64>, RemoteError>>,
        K: Fn() -> KF,
        KF: Future<Output = Result<u64, RemoteError>>,
    {
        let key = step.key();
        let known = self.journal.step(id, &key).await?;
        if let Some(Some(object_id)) = known {
            self.emit(id, EventKind::Finished { step, object_id: Some(object_id), adopted: true });
            return Ok(object_id);
        }
        self.journal.step_started(id, &key).await?;
        self.emit(id, EventKind::Started(step.clone()));
        let mut may_exist = known.is_some();
        let mut attempt = 1;
        loop {
            let outcome = async {
                if may_exist && let Some(existing) = lookup().await? {
                    return Ok((existing, true));
                }
                create().await.map(|created| (created, false))
            }
            .await;
            let (object_id, adopted) = match outcome {
                Ok(found) => found,
                Err(e) if e.kind == RemoteErrorKind::Conflict && e.existing_id().is_some() => {
                    (e.existing_id().unwrap_or_default(), true)
                }
                Err(e) if e.is_retryable() && attempt < self.config.retry.attempts => {
                    self.emit(
                        id,
                        EventKind::Retrying { step: step.clone(), message: e.to_string(), attempt: attempt + 1 },
                    );
                    tokio::time::sleep(self.backoff(attempt)).await;
                    attempt += 1;
                    may_exist = true;
                    continue;
                }
                Err(e) => return Err(ExportError::step(step, e)),
            };
            self.journal.step_done(id, &key, Some(object_id)).await?;
            self.emit(id, EventKind::Finished { step, object_id: Some(object_id), adopted });
            return Ok(object_id);
        }
    }

    /// Files the transaction of `plan`. Returns the result once every step succeeded and the outbox
    /// records it; any failure leaves the filing "failed — resumable" in the journal.
    pub async fn file(&self, plan: &FilingPlan, cancel: &CancellationToken) -> Result<FilingResult, ExportError> {
        self.file_with_pdf(plan, cancel, None).await
    }

    /// As [`Exporter::file`], with the form PDF already rendered (the desk renders it for the
    /// preview); `None` renders it here.
    pub async fn file_with_pdf(
        &self,
        plan: &FilingPlan,
        cancel: &CancellationToken,
        pdf: Option<Bytes>,
    ) -> Result<FilingResult, ExportError> {
        let id = plan.transaction_id.as_str();
        let record = self.journal.begin(plan, &self.config.clerk).await?;
        if let (FilingState::Done, Some(result)) = (record.state, &record.result) {
            return Ok(result.clone());
        }
        let plan = &record.plan;
        let mut token = record.claim_token.clone();
        let outcome = self.run(plan, &mut token, cancel, pdf).await;
        match &outcome {
            Ok(result) => {
                self.journal.finish(id, Ok(result)).await?;
                self.emit(id, EventKind::Done(result.clone()));
            }
            Err(error) => {
                let message = format!("{error:#}");
                self.journal.finish(id, Err(&message)).await?;
                if let Some(token) = token.filter(|_| !matches!(error, ExportError::AlreadyFiled { .. })) {
                    // Let another clerk take it; a failed release only means the lease runs out.
                    let _ = self.outbox.release(id, &token).await;
                    self.journal.set_claim(id, None).await?;
                }
                self.emit(id, EventKind::Failed { step: error.failed_step(), message });
            }
        }
        outcome
    }

    async fn run(
        &self,
        plan: &FilingPlan,
        token: &mut Option<String>,
        cancel: &CancellationToken,
        pdf: Option<Bytes>,
    ) -> Result<FilingResult, ExportError> {
        let id = plan.transaction_id.as_str();
        let detail = self
            .retry(id, &Step::Claim, || self.outbox.get(id))
            .await
            .map_err(|e| ExportError::step(Step::Claim, e))?;
        if let Some(completion) = detail.completion {
            // Our own completion whose answer was lost counts as done; anyone else's does not.
            if completion.completed_by == self.config.clerk && completion.result.action == plan.action() {
                return Ok(completion.result);
            }
            return Err(ExportError::AlreadyFiled { id: id.to_owned(), by: completion.completed_by });
        }
        let transaction = detail.transaction;
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
            // Another clerk completed it between our read and our claim.
            Err(e) if e.kind == RemoteErrorKind::Gone => {
                let by = match self.outbox.get(id).await {
                    Ok(detail) => detail.completion.map(|c| c.completed_by),
                    Err(_) => None,
                };
                return Err(ExportError::AlreadyFiled {
                    id: id.to_owned(),
                    by: by.unwrap_or_else(|| "another clerk".to_owned()),
                });
            }
            Err(e) => return Err(ExportError::step(Step::Claim, e)),
        };
        *token = Some(claim.token.clone());
        self.journal.set_claim(id, Some(&claim.token)).await?;
        self.emit(id, EventKind::Finished { step: Step::Claim, object_id: None, adopted: false });
        let _renewal = self.renew(id, &claim.token);

        let check = || if cancel.is_cancelled() { Err(ExportError::Cancelled) } else { Ok(()) };
        check()?;
        let (case_id, diary_number) = self.case(plan, &transaction).await?;
        check()?;
        let pdf = match pdf {
            Some(pdf) => pdf,
            None => {
                let source = transaction.clone();
                let rendered = tokio::task::spawn_blocking(move || crate::pdf::render(&source))
                    .await
                    .map_err(|e| ExportError::Pdf(e.to_string()))?
                    .map_err(|e| ExportError::Pdf(format!("{e:#}")))?;
                Bytes::from(rendered.bytes)
            }
        };
        let form_meta = DocumentMetadata {
            title: transaction.service.name.clone(),
            document_type: plan.form_document_type.clone(),
            filename: Some(format!("{id}.pdf")),
            received_date: Some(transaction.submitted_at.date_naive()),
            sha256: Some(hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&pdf))),
            external_ref: Some(refs::form(id)),
        };
        let form_id = self
            .create_once(
                id,
                Step::Form,
                || async { Ok(self.tweb.document_by_ref(&refs::form(id)).await?.map(|d| d.id)) },
                || async {
                    let upload = Upload::from_bytes(&format!("{id}.pdf"), "application/pdf", pdf.clone());
                    Ok(self.tweb.add_document(case_id, &form_meta, upload).await?.id)
                },
            )
            .await?;
        let mut document_ids = vec![form_id];
        for attachment in &transaction.attachments {
            check()?;
            document_ids.push(self.attachment(plan, &transaction, attachment, case_id).await?);
        }
        check()?;
        let assignment_id = match &plan.assignment {
            Some(assignment) => {
                let request = CreateAssignment {
                    subject: assignment.subject.clone(),
                    message: assignment.message.clone(),
                    due_date: assignment.due_date,
                    recipients: assignment.recipients.clone(),
                    case_id,
                    document_ids: if case_id.is_some() { Vec::new() } else { document_ids.clone() },
                    external_ref: Some(refs::assignment(id)),
                };
                let created = self
                    .create_once(
                        id,
                        Step::Assignment,
                        || async { Ok(self.tweb.assignment_by_ref(&refs::assignment(id)).await?.map(|a| a.id)) },
                        || async { Ok(self.tweb.create_assignment(&request).await?.id) },
                    )
                    .await?;
                Some(created)
            }
            None => None,
        };
        check()?;
        let result = FilingResult { action: plan.action(), case_id, diary_number, document_ids, assignment_id };
        self.complete(id, &claim.token, &result).await?;
        Ok(result)
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
                    tracing::warn!(transaction = %id, "renewing the claim failed: {e:#}");
                }
            }
        }))
    }

    async fn case(
        &self,
        plan: &FilingPlan,
        transaction: &Transaction,
    ) -> Result<(Option<u64>, Option<String>), ExportError> {
        let id = plan.transaction_id.as_str();
        match &plan.target {
            Target::NewCase { case_group, title, submitter_party: party } => {
                let request = CreateCase {
                    case_group: case_group.clone(),
                    title: title.clone(),
                    description: None,
                    parties: if *party { vec![submitter_party(transaction)] } else { Vec::new() },
                    received_date: Some(transaction.submitted_at.date_naive()),
                    external_ref: Some(refs::case(id)),
                };
                let case_id = self
                    .create_once(
                        id,
                        Step::Case,
                        || async { Ok(self.tweb.case_by_ref(&refs::case(id)).await?.map(|c| c.id)) },
                        || async { Ok(self.tweb.create_case(&request).await?.id) },
                    )
                    .await?;
                let case = self
                    .retry(id, &Step::Case, || self.tweb.get_case(case_id))
                    .await
                    .map_err(|e| ExportError::step(Step::Case, e))?;
                Ok((Some(case.id), Some(case.diary_number)))
            }
            Target::ExistingCase { case_id } => {
                self.emit(id, EventKind::Started(Step::Case));
                let case = self
                    .retry(id, &Step::Case, || self.tweb.get_case(*case_id))
                    .await
                    .map_err(|e| ExportError::step(Step::Case, e))?;
                self.emit(id, EventKind::Finished { step: Step::Case, object_id: Some(case.id), adopted: true });
                Ok((Some(case.id), Some(case.diary_number)))
            }
            Target::AssignmentOnly => Ok((None, None)),
        }
    }

    async fn attachment(
        &self,
        plan: &FilingPlan,
        transaction: &Transaction,
        attachment: &Attachment,
        case_id: Option<u64>,
    ) -> Result<u64, ExportError> {
        let id = plan.transaction_id.as_str();
        let step = Step::Attachment(attachment.id.clone());
        let external_ref = refs::attachment(id, &attachment.id);
        let meta = DocumentMetadata {
            title: attachment.filename.clone(),
            document_type: plan.attachment_type(&attachment.filename, &attachment.content_type).to_owned(),
            filename: Some(attachment.filename.clone()),
            received_date: Some(transaction.submitted_at.date_naive()),
            // TWeb refuses the upload unless the bytes it received hash to this: end-to-end check.
            sha256: Some(attachment.sha256.clone()),
            external_ref: Some(external_ref.clone()),
        };
        self.create_once(
            id,
            step.clone(),
            || async { Ok(self.tweb.document_by_ref(&external_ref).await?.map(|d| d.id)) },
            || async {
                let download = self.outbox.attachment(id, &attachment.id).await?;
                let action = "downloading the attachment";
                if download.sha256.as_deref().is_some_and(|sha| !sha.eq_ignore_ascii_case(&attachment.sha256)) {
                    return Err(RemoteError::protocol(
                        action,
                        format!("{} does not match the checksum the outbox lists for it", attachment.filename),
                    ));
                }
                if download.length.is_some_and(|length| length != attachment.size) {
                    return Err(RemoteError::protocol(
                        action,
                        format!("{} is not the {} bytes the outbox lists for it", attachment.filename, attachment.size),
                    ));
                }
                let (events, transaction_id, total, progress_step) =
                    (self.events.clone(), id.to_owned(), attachment.size, step.clone());
                let mut sent = 0u64;
                let mut reported = 0u64;
                let body = download
                    .body
                    .inspect(move |chunk| {
                        if let (Ok(chunk), Some(events)) = (chunk, &events) {
                            sent += chunk.len() as u64;
                            if sent - reported >= 256 * 1024 || sent == total {
                                reported = sent;
                                let kind = EventKind::Progress { step: progress_step.clone(), sent, total };
                                let _ = events.send(ExportEvent { transaction_id: transaction_id.clone(), kind });
                            }
                        }
                    })
                    .boxed();
                let upload = Upload {
                    filename: attachment.filename.clone(),
                    content_type: attachment.content_type.clone(),
                    length: attachment.size,
                    body,
                };
                Ok(self.tweb.add_document(case_id, &meta, upload).await?.id)
            },
        )
        .await
    }

    async fn complete(&self, id: &str, token: &str, result: &FilingResult) -> Result<(), ExportError> {
        self.journal.step_started(id, "complete").await?;
        self.emit(id, EventKind::Started(Step::Complete));
        match self.retry(id, &Step::Complete, || self.outbox.complete(id, token, result)).await {
            Ok(_) => {}
            Err(e) if e.kind == RemoteErrorKind::Gone => {
                // A completion whose answer was lost: the outbox already has ours.
                let detail = self.outbox.get(id).await.map_err(|e| ExportError::step(Step::Complete, e))?;
                match detail.completion {
                    Some(c) if c.result == *result => {}
                    Some(c) => return Err(ExportError::AlreadyFiled { id: id.to_owned(), by: c.completed_by }),
                    None => return Err(ExportError::step(Step::Complete, e)),
                }
            }
            Err(e) => return Err(ExportError::step(Step::Complete, e)),
        }
        self.journal.step_done(id, "complete", None).await?;
        self.emit(id, EventKind::Finished { step: Step::Complete, object_id: None, adopted: false });
        Ok(())
    }
}
