//! A filing plan: what the clerk (or the service mapping) chose for one transaction.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::contract::outbox::FilingAction;
use crate::domain::{Party, PartyRole, Recipients, Transaction};
use crate::mappings::{DefaultAction, ServiceMapping, render_template};

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
    /// The assignment, if any (required for assignment-only).
    pub assignment: Option<AssignmentPlan>,
}

/// Why a plan could not be made from a mapping.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// The mapping has no case group for a new case.
    #[error("the mapping of {0} names no case group for new cases")]
    NoCaseGroup(String),
    /// The mapping's default needs the clerk to choose a case.
    #[error("the mapping of {0} files onto an existing case: a clerk must choose the case")]
    NeedsCase(String),
    /// Assignment-only without an assignment.
    #[error("the mapping of {0} files as an assignment only but names no assignment")]
    NoAssignment(String),
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

    /// The document type of an attachment.
    pub fn attachment_type(&self, filename: &str, content_type: &str) -> &str {
        crate::mappings::attachment_type(&self.attachment_rules, &self.attachment_document_type, filename, content_type)
    }

    /// The mapping's default filing of `transaction`, filed `today`.
    pub fn from_mapping(
        transaction: &Transaction,
        mapping: &ServiceMapping,
        today: NaiveDate,
    ) -> Result<Self, PlanError> {
        let service = || mapping.service.clone();
        let target = match mapping.action {
            DefaultAction::NewCase => Target::NewCase {
                case_group: mapping.case_group.clone().ok_or_else(|| PlanError::NoCaseGroup(service()))?,
                title: render_template(&mapping.title, transaction),
                submitter_party: mapping.submitter_is_party,
            },
            DefaultAction::ExistingCase => return Err(PlanError::NeedsCase(service())),
            DefaultAction::AssignmentOnly => Target::AssignmentOnly,
        };
        let assignment = mapping.assignment.as_ref().map(|a| AssignmentPlan {
            recipients: Recipients { users: a.users.clone(), groups: a.groups.clone() },
            subject: render_template(&a.subject, transaction),
            message: a.message.as_ref().map(|m| render_template(m, transaction)),
            due_date: a.due_in_days.map(|days| today + Duration::days(i64::from(days))),
            due_in_days: a.due_in_days,
        });
        if target == Target::AssignmentOnly && assignment.is_none() {
            return Err(PlanError::NoAssignment(service()));
        }
        Ok(Self {
            transaction_id: transaction.id.clone(),
            target,
            form_document_type: mapping.form_document_type.clone(),
            attachment_document_type: mapping.attachment_document_type.clone(),
            attachment_rules: mapping.attachment_rules.clone(),
            assignment,
        })
    }
}

/// The applicant party made from the submitter.
pub fn submitter_party(transaction: &Transaction) -> Party {
    let s = &transaction.submitter;
    Party {
        name: s.name.clone(),
        role: PartyRole::Applicant,
        personal_id: s.personal_id.clone(),
        email: s.email.clone(),
        phone: s.phone.clone(),
        address: s.address.clone(),
    }
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
    /// The assignment.
    pub fn assignment(transaction_id: &str) -> String {
        format!("epalvelu:{transaction_id}:assignment")
    }
}
