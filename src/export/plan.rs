//! A filing plan: what the clerk (or the service mapping) chose for one transaction.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::contract::outbox::FilingAction;
use crate::domain::{Party, PartyRole, Recipients, Transaction};

/// The assignment made at the end of a filing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentPlan {
    /// Recipients.
    pub recipients: Recipients,
    /// Subject.
    pub subject: String,
    /// Message.
    pub message: Option<String>,
    /// Due date: the clerk's explicit choice, or the date `due_in_days` gave when the plan was made
    /// (shown to the clerk; recomputed when the assignment is sent).
    pub due_date: Option<NaiveDate>,
    /// Days from the day the assignment is sent (the mapping's `due_in_days`); when set, the due
    /// date is computed when the step runs, so a filing resumed days later is not sent overdue.
    #[serde(default)]
    pub due_in_days: Option<u32>,
}

impl AssignmentPlan {
    /// The due date to send when the assignment is made `today` (Helsinki).
    pub fn due_date_on(&self, today: NaiveDate) -> Option<NaiveDate> {
        match self.due_in_days {
            Some(days) => Some(today + Duration::days(i64::from(days))),
            None => self.due_date,
        }
    }
}

/// Where the transaction goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    /// A new case in this group with this title; the submitter becomes a party when `submitter_party`.
    NewCase {
        /// Case group code.
        case_group: String,
        /// Case title.
        title: String,
        /// Whether the submitter becomes the applicant party.
        submitter_party: bool,
    },
    /// An existing case.
    ExistingCase {
        /// Its id.
        case_id: u64,
        /// Its diary number as the clerk saw it: the filing stops if TWeb's case of that id has
        /// another (a restored or replaced TWeb), instead of filing into someone else's case.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        diary_number: Option<String>,
    },
    /// No case: an unregistered document and an assignment.
    AssignmentOnly,
}

/// Everything the export engine needs to file one transaction. It holds no form data, so the
/// journal may keep it for resuming.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilingPlan {
    /// The transaction.
    pub transaction_id: String,
    /// Where it goes.
    pub target: Target,
    /// Document type of the form PDF.
    pub form_document_type: String,
    /// Document type of attachments no rule matches.
    pub attachment_document_type: String,
    /// Document types by content type or file name, first match wins (from the mapping).
    #[serde(default)]
    pub attachment_rules: Vec<crate::mappings::AttachmentRule>,
    /// Document type of the separate secret document carrying the address of a submitter with a
    /// protection order; `None` files no such address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_address_document_type: Option<String>,
    /// The assignment, if any (required for assignment-only).
    pub assignment: Option<AssignmentPlan>,
    /// Attachments the clerk chose to leave out because the virus scanner found malware in them;
    /// the filing checks that each still is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<LeftOut>,
}

/// An attachment left out of a filing, by the malware found in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOut {
    /// The attachment's id.
    pub attachment_id: String,
    /// The signature the scanner named.
    pub signature: String,
}

impl FilingPlan {
    /// The action for the outbox's completion record.
    pub fn action(&self) -> FilingAction {
        match self.target {
            Target::NewCase { .. } => FilingAction::NewCase,
            Target::ExistingCase { .. } => FilingAction::ExistingCase,
            Target::AssignmentOnly => FilingAction::AssignmentOnly,
        }
    }

    /// The documents a filing made, for its receipt: the form first, then each attachment with the
    /// type the plan gave it, then the secret address document when one was made, in `ids` order.
    pub fn receipt_documents(
        &self,
        transaction: &Transaction,
        ids: &[u64],
    ) -> Vec<crate::contract::outbox::FiledDocument> {
        let form = (transaction.service.name.clone(), self.form_document_type.clone(), true);
        let attachments = self
            .filed_attachments(transaction)
            .map(|a| (a.filename.clone(), self.attachment_type(&a.filename, &a.content_type).to_owned(), false));
        let address = self
            .secret_address_type(transaction)
            .map(|document_type| (secret_address_title(transaction).to_owned(), document_type.to_owned(), false));
        std::iter::once(form)
            .chain(attachments)
            .chain(address)
            .zip(ids)
            .map(|((title, document_type, form), id)| crate::contract::outbox::FiledDocument {
                id: *id,
                title,
                document_type,
                form,
            })
            .collect()
    }

    /// The attachments this filing files: all but the ones left out.
    pub fn filed_attachments<'t>(
        &self,
        transaction: &'t Transaction,
    ) -> impl Iterator<Item = &'t crate::domain::Attachment> + use<'t, '_> {
        transaction.attachments.iter().filter(|a| !self.left_out.iter().any(|l| l.attachment_id == a.id))
    }

    /// The receipt's lines for the attachments left out.
    pub fn left_out_files(&self, transaction: &Transaction) -> Vec<crate::contract::outbox::LeftOutFile> {
        self.left_out
            .iter()
            .map(|l| crate::contract::outbox::LeftOutFile {
                attachment_id: l.attachment_id.clone(),
                filename: transaction
                    .attachments
                    .iter()
                    .find(|a| a.id == l.attachment_id)
                    .map_or_else(|| l.attachment_id.clone(), |a| a.filename.clone()),
                signature: l.signature.clone(),
            })
            .collect()
    }

    /// The document type of the separate secret address document this filing makes: only for a
    /// submitter with a protection order and an address, when the plan names a type.
    pub fn secret_address_type(&self, transaction: &Transaction) -> Option<&str> {
        let submitter = &transaction.submitter;
        let type_named = self.secret_address_document_type.as_deref().filter(|t| !t.trim().is_empty());
        type_named.filter(|_| submitter.protection_order && submitter.address.is_some())
    }

    /// The document type of an attachment.
    pub fn attachment_type(&self, filename: &str, content_type: &str) -> &str {
        crate::mappings::attachment_type(&self.attachment_rules, &self.attachment_document_type, filename, content_type)
    }
}

/// The title of the secret address document, in the transaction's language: it names what the
/// document is, never the address.
pub fn secret_address_title(transaction: &Transaction) -> &'static str {
    crate::pdf::secret_address_title(transaction.language)
}

/// The applicant party made from the submitter.
pub fn submitter_party(transaction: &Transaction) -> Party {
    Party::of(&transaction.submitter, PartyRole::Applicant)
}

/// External refs of the objects one transaction's filing creates.
pub mod refs {
    /// The case.
    pub fn case(transaction_id: &str) -> String {
        format!("epalvelu:{transaction_id}")
    }
    /// The form PDF document.
    pub fn form(transaction_id: &str) -> String {
        format!("epalvelu:{transaction_id}:form")
    }
    /// An attachment document.
    pub fn attachment(transaction_id: &str, attachment_id: &str) -> String {
        format!("epalvelu:{transaction_id}:att:{attachment_id}")
    }
    /// The secret document carrying the address of a submitter with a protection order.
    pub fn secret_address(transaction_id: &str) -> String {
        format!("epalvelu:{transaction_id}:secret-address")
    }
    /// The assignment.
    pub fn assignment(transaction_id: &str) -> String {
        format!("epalvelu:{transaction_id}:assignment")
    }
}
