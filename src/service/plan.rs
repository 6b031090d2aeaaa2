//! The one set of rules a filing plan must meet, and the one way a service mapping becomes a
//! plan. The desk's editor (`ui::draft`), bulk filing and `kirjaamo export` all go through here.

use chrono::{Duration, NaiveDate};

use crate::domain::{Recipients, Transaction};
use crate::export::{AssignmentPlan, FilingPlan, Target};
use crate::mappings::{DefaultAction, ServiceMapping, render_template};

/// Something a plan still needs before it may be filed, in the order the desk lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Missing {
    /// No case group for a new case.
    CaseGroup,
    /// An empty case title.
    Title,
    /// No case chosen for an existing-case filing.
    Case,
    /// No document type for the form.
    FormType,
    /// No document type for attachments.
    AttachmentType,
    /// An assignment without recipients (or an assignment-only filing without an assignment).
    Recipients,
    /// An assignment without a subject.
    Subject,
    /// A due date that is not a date.
    DueDate,
    /// A due date before today (Helsinki): TWeb refuses it.
    DuePast,
    /// A case title over TWeb's limit ([`TITLE_MAX`] characters).
    TitleTooLong,
    /// An assignment subject over TWeb's limit ([`SUBJECT_MAX`] characters).
    SubjectTooLong,
}

/// The longest case title TWeb's contract accepts, in characters.
pub const TITLE_MAX: usize = 500;

/// The longest assignment subject TWeb's contract accepts, in characters.
pub const SUBJECT_MAX: usize = 200;

impl Missing {
    /// The Fluent id of its explanation.
    pub fn text_id(self) -> &'static str {
        match self {
            Self::CaseGroup => "missing-case-group",
            Self::Title => "missing-title",
            Self::Case => "missing-case",
            Self::FormType => "missing-form-type",
            Self::AttachmentType => "missing-attachment-type",
            Self::Recipients => "missing-recipients",
            Self::Subject => "missing-subject",
            Self::DueDate => "missing-due-date",
            Self::DuePast => "missing-due-date-past",
            Self::TitleTooLong => "missing-title-too-long",
            Self::SubjectTooLong => "missing-subject-too-long",
        }
    }

    /// In plain English, for the CLI and logs (the desk shows its Fluent text).
    pub fn describe(self) -> &'static str {
        match self {
            Self::CaseGroup => "no case group for the new case",
            Self::Title => "no case title",
            Self::Case => "no case chosen",
            Self::FormType => "no document type for the form",
            Self::AttachmentType => "no document type for attachments",
            Self::Recipients => "an assignment without recipients",
            Self::Subject => "an assignment without a subject",
            Self::DueDate => "a due date that is not a date",
            Self::DuePast => "a due date in the past",
            Self::TitleTooLong => "a case title over 500 characters",
            Self::SubjectTooLong => "an assignment subject over 200 characters",
        }
    }
}

/// Why a mapping gives no plan for a transaction.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// The mapping files onto an existing case: a clerk must choose it.
    #[error("the mapping of {0} files onto an existing case: a clerk must choose the case")]
    NeedsCase(String),
    /// The mapping's default lacks what every plan needs.
    #[error("the mapping of {service} gives no complete filing: {}", describe(.missing))]
    Incomplete {
        /// The e-service.
        service: String,
        /// What is missing.
        missing: Vec<Missing>,
    },
}

fn describe(missing: &[Missing]) -> String {
    missing.iter().map(|m| m.describe()).collect::<Vec<_>>().join(", ")
}

/// What `plan` lacks: the rules every filing meets, whoever made the plan.
pub fn problems(plan: &FilingPlan) -> Vec<Missing> {
    let mut missing = Vec::new();
    if let Target::NewCase { case_group, title, .. } = &plan.target {
        if case_group.trim().is_empty() {
            missing.push(Missing::CaseGroup);
        }
        if title.trim().is_empty() {
            missing.push(Missing::Title);
        }
        if title.trim().chars().count() > TITLE_MAX {
            missing.push(Missing::TitleTooLong);
        }
    }
    if plan.form_document_type.trim().is_empty() {
        missing.push(Missing::FormType);
    }
    if plan.attachment_document_type.trim().is_empty() {
        missing.push(Missing::AttachmentType);
    }
    match &plan.assignment {
        Some(assignment) => {
            if assignment.recipients.is_empty() {
                missing.push(Missing::Recipients);
            }
            if assignment.subject.trim().is_empty() {
                missing.push(Missing::Subject);
            }
            if assignment.subject.trim().chars().count() > SUBJECT_MAX {
                missing.push(Missing::SubjectTooLong);
            }
        }
        None if plan.target == Target::AssignmentOnly => missing.extend([Missing::Recipients, Missing::Subject]),
        None => {}
    }
    missing
}

/// The mapping's default filing of `transaction`, planned `today` (Helsinki): templates filled
/// from the form, the due date counted from today and recomputed when the assignment is sent.
pub fn from_mapping(
    transaction: &Transaction,
    mapping: &ServiceMapping,
    today: NaiveDate,
) -> Result<FilingPlan, PlanError> {
    let target = match mapping.action {
        DefaultAction::NewCase => Target::NewCase {
            case_group: mapping.case_group.clone().unwrap_or_default(),
            title: render_template(&mapping.title, transaction),
            submitter_party: mapping.submitter_is_party,
        },
        DefaultAction::ExistingCase => return Err(PlanError::NeedsCase(mapping.service.clone())),
        DefaultAction::AssignmentOnly => Target::AssignmentOnly,
    };
    let assignment = mapping.assignment.as_ref().map(|a| AssignmentPlan {
        recipients: Recipients { users: a.users.clone(), groups: a.groups.clone() },
        subject: render_template(&a.subject, transaction),
        message: a.message.as_ref().map(|m| render_template(m, transaction)),
        due_date: a.due_in_days.map(|days| today + Duration::days(i64::from(days))),
        due_in_days: a.due_in_days,
    });
    let plan = FilingPlan {
        transaction_id: transaction.id.clone(),
        target,
        form_document_type: mapping.form_document_type.clone(),
        attachment_document_type: mapping.attachment_document_type.clone(),
        attachment_rules: mapping.attachment_rules.clone(),
        secret_address_document_type: mapping.secret_address_document_type.clone(),
        assignment,
        left_out: Vec::new(),
    };
    let missing = problems(&plan);
    if !missing.is_empty() {
        return Err(PlanError::Incomplete { service: mapping.service.clone(), missing });
    }
    Ok(plan)
}

impl crate::plain::Explain for PlanError {
    fn plain(&self) -> crate::plain::Plain {
        use crate::plain::Plain;
        match self {
            Self::NeedsCase(service) => Plain::new("plan-needs-case").text("service", service.clone()),
            Self::Incomplete { service, missing } => {
                let first = missing.first().map_or("plan-incomplete", |m| m.text_id());
                Plain::new("plan-incomplete").text("service", service.clone()).said("first", Plain::new(first))
            }
        }
    }
}
