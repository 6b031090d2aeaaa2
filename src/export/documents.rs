//! The documents of a filing after the form: each attachment, streamed from the outbox to TWeb
//! with its checksum checked at both ends, and the secret address document of a submitter with a
//! protection order.

use bytes::Bytes;
use futures_util::StreamExt;

use super::ExportError;
use super::engine::Exporter;
use super::events::{EventKind, ExportEvent, Step};
use super::place::{Found, Place};
use super::plan::{FilingPlan, refs, secret_address_title};
use crate::contract::tweb::DocumentMetadata;
use crate::domain::{Attachment, Transaction, helsinki};
use crate::remote::{Action, RemoteError};
use crate::tweb::{CaseSystem, Upload};

impl<C: CaseSystem + 'static> Exporter<C> {
    pub(super) async fn document_by_ref(&self, external_ref: String) -> Result<Option<Found>, RemoteError> {
        let found = self.tweb.document_by_ref(&external_ref).await?;
        Ok(found.map(|d| Found { id: d.id, case_id: d.case_id }))
    }

    pub(super) async fn attachment(
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
            received_date: Some(helsinki::date_of(transaction.submitted_at)),
            // TWeb refuses the upload unless the bytes it received hash to this: end-to-end check.
            sha256: Some(attachment.sha256.clone()),
            external_ref: Some(external_ref.clone()),
        };
        self.create_once(
            id,
            step.clone(),
            Place::OnCase(case_id),
            || self.document_by_ref(external_ref.clone()),
            || async {
                let download = self.outbox.attachment(id, &attachment.id).await?;
                let action = Action::DownloadAttachment;
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

    /// Files the address of a submitter with a protection order as its own document of
    /// `document_type` (one the records plan makes secret), exactly once like every document.
    pub(super) async fn secret_address(
        &self,
        plan: &FilingPlan,
        transaction: &Transaction,
        document_type: &str,
        case_id: Option<u64>,
    ) -> Result<u64, ExportError> {
        let id = plan.transaction_id.as_str();
        let source = transaction.clone();
        let rendered = tokio::task::spawn_blocking(move || crate::pdf::render_secret_address(&source))
            .await
            .map_err(|e| ExportError::Pdf(e.to_string()))?
            .map_err(|e| ExportError::Pdf(crate::error_chain(&e)))?
            .ok_or_else(|| ExportError::Pdf("no protected address to file".to_owned()))?;
        let pdf = Bytes::from(rendered.bytes);
        let filename = format!("{id}-turvakielto.pdf");
        let external_ref = refs::secret_address(id);
        let meta = DocumentMetadata {
            title: secret_address_title(transaction).to_owned(),
            document_type: document_type.to_owned(),
            filename: Some(filename.clone()),
            received_date: Some(helsinki::date_of(transaction.submitted_at)),
            sha256: Some(hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&pdf))),
            external_ref: Some(external_ref.clone()),
        };
        self.create_once(
            id,
            Step::SecretAddress,
            Place::OnCase(case_id),
            || self.document_by_ref(external_ref.clone()),
            || async {
                let upload = Upload::from_bytes(&filename, "application/pdf", pdf.clone());
                Ok(self.tweb.add_document(case_id, &meta, upload).await?.id)
            },
        )
        .await
    }
}
