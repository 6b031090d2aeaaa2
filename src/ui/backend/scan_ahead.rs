//! Scanning a selected transaction's attachments ahead: the clerk sees "karanteeni" on the row as
//! soon as the scanner finds malware, before opening anything, and the filing finds each verdict
//! remembered. Nothing is shown here: a file the scanner could not check is told when it is
//! opened or filed.

use super::{Backend, Reply};
use crate::contract::outbox::LeftOutFile;
use crate::domain::{Transaction, TransactionId};
use crate::scan::{ScannerStatus, Verdict};

impl Backend {
    /// Scans every attachment of `transaction` in the background (nothing when scanning is off or
    /// missing); each one with malware comes back as [`Reply::Infected`], and its detection is
    /// logged when it is new.
    pub fn scan_ahead(&self, transaction: &Transaction) {
        if !matches!(self.scanner.status(), ScannerStatus::On(_)) {
            return;
        }
        for attachment in &transaction.attachments {
            let (outbox, scanner, access) = (self.outbox.clone(), self.scanner.clone(), self.access.clone());
            let (replies, repaint) = (self.replies.clone(), std::sync::Arc::clone(&self.repaint));
            let (id, service, attachment) =
                (transaction.id.clone(), transaction.service.id.clone(), attachment.clone());
            let check = crate::export::scanning::check_attachment(&scanner, &outbox, &id, &attachment);
            self.runtime.spawn(async move {
                let Ok(checked) = check.await else { return };
                let Verdict::Infected { signature } = checked.verdict else { return };
                let file = LeftOutFile { attachment_id: attachment.id, filename: attachment.filename, signature };
                if checked.fresh {
                    let event = crate::export::scanning::detection(&id, &service, &file);
                    if let Err(e) = access.record_async(event).await {
                        tracing::error!(transaction = %id, "a detection could not be logged: {}", crate::error_chain(&e));
                    }
                }
                if replies.send(Reply::Infected(TransactionId::new(id), file)).is_ok() {
                    repaint();
                }
            });
        }
    }
}
