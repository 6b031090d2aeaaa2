//! Before anything of a filing is made, every attachment passes the virus scanner: streamed from
//! the outbox in chunks, its bytes checked against the SHA-256 the outbox lists (the same hash
//! TWeb checks the upload against, so the file filed is the file scanned). A file that could not be
//! scanned stops the filing with nothing made; malware puts the transaction in quarantine unless the
//! clerk chose to leave that file out. Each detection is logged with the file and the signature.

use futures_util::{FutureExt, StreamExt};

use super::ExportError;
use super::engine::Exporter;
use super::plan::FilingPlan;
use crate::audit::{Action as Access, Event as AccessEvent};
use crate::contract::outbox::LeftOutFile;
use crate::domain::Transaction;
use crate::scan::{ScanError, Verdict};
use crate::tweb::CaseSystem;

impl<C: CaseSystem + 'static> Exporter<C> {
    /// Scans every attachment of `transaction`; `Ok` when the plan files none with malware.
    pub(super) async fn scan_attachments(
        &self,
        plan: &FilingPlan,
        transaction: &Transaction,
    ) -> Result<(), ExportError> {
        let id = transaction.id.as_str();
        // All at once: the scanner itself takes only so many at a time, from every filing.
        let scans: Vec<_> = transaction
            .attachments
            .iter()
            .map(|attachment| self.scan_one(id, attachment).map(move |checked| (attachment, checked)).boxed())
            .collect();
        let verdicts: Vec<_> = futures_util::future::join_all(scans).await;
        let mut infected = Vec::new();
        for (attachment, checked) in verdicts {
            let checked =
                checked.map_err(|source| ExportError::NotScanned { file: attachment.filename.clone(), source })?;
            if let Verdict::Infected { signature } = checked.verdict {
                let file = LeftOutFile {
                    attachment_id: attachment.id.clone(),
                    filename: attachment.filename.clone(),
                    signature,
                };
                if checked.fresh {
                    self.log_detection(transaction, &file).await?;
                }
                infected.push(file);
            }
        }
        for left in &plan.left_out {
            if !infected.iter().any(|i| i.attachment_id == left.attachment_id) {
                let file = transaction.attachments.iter().find(|a| a.id == left.attachment_id);
                let file = file.map_or_else(|| left.attachment_id.clone(), |a| a.filename.clone());
                return Err(ExportError::LeftOutClean { file });
            }
        }
        infected.retain(|i| !plan.left_out.iter().any(|l| l.attachment_id == i.attachment_id));
        if infected.is_empty() { Ok(()) } else { Err(ExportError::Quarantined { id: id.to_owned(), files: infected }) }
    }

    fn scan_one(
        &self,
        id: &str,
        attachment: &crate::domain::Attachment,
    ) -> futures_util::future::BoxFuture<'static, Result<crate::scan::Checked, ScanError>> {
        check_attachment(&self.config.scanner, &self.outbox, id, attachment)
    }

    /// Logs a detection with the transaction, the file, the signature and who was working; a log
    /// that cannot take it stops the filing like any unlogged action.
    async fn log_detection(&self, transaction: &Transaction, file: &LeftOutFile) -> Result<(), ExportError> {
        tracing::warn!(
            transaction = %transaction.id, attachment = %file.attachment_id, signature = %file.signature,
            "the virus scanner found malware in an attachment"
        );
        let Some(audit) = &self.config.audit else { return Ok(()) };
        audit.record_async(detection(&transaction.id, &transaction.service.id, file)).await?;
        Ok(())
    }
}

/// The verdict on `attachment` of transaction `id`: remembered, or scanned now as it streams from
/// the outbox (the desk's scanning ahead and the filing use the same memory).
pub fn check_attachment(
    scanner: &crate::scan::Scanner,
    outbox: &crate::outbox::OutboxClient,
    id: &str,
    attachment: &crate::domain::Attachment,
) -> futures_util::future::BoxFuture<'static, Result<crate::scan::Checked, ScanError>> {
    let (outbox, transaction_id, attachment_id) = (outbox.clone(), id.to_owned(), attachment.id.clone());
    let (scanner, sha256) = (scanner.clone(), attachment.sha256.clone());
    let body = move || {
        async move {
            let download = outbox
                .attachment(&transaction_id, &attachment_id)
                .await
                .map_err(|e| ScanError::Source(std::io::Error::other(e)))?;
            Ok(download.body.boxed())
        }
        .boxed()
    };
    async move { scanner.check(&sha256, body).await }.boxed()
}

/// The access-log entry of malware found in `file` of transaction `id` of `service`.
pub fn detection(id: &str, service: &str, file: &LeftOutFile) -> AccessEvent {
    AccessEvent::ok(Access::DetectMalware, id, Some(service.to_owned()))
        .result("infected")
        .detail(format!("{} {}: {}", file.attachment_id, file.filename, file.signature))
}
