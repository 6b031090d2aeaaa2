//! The clerk's filing choices for one transaction, prefilled from the service mapping and edited
//! in the filing panel. Pure state: it turns into a [`FilingPlan`] or says what is missing.

use chrono::{Duration, NaiveDate};

use crate::domain::{Recipients, Transaction};
use crate::export::{AssignmentPlan, FilingPlan, Target};
use crate::mappings::{DefaultAction, ServiceMapping, render_template};

/// The three ways to file, numbered as the keys 1, 2 and 3 choose them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// A new case.
    NewCase,
    /// A document on an existing case.
    ExistingCase,
    /// An assignment without a case.
    AssignmentOnly,
}

impl Action {
    /// In key order.
    pub const ALL: [Self; 3] = [Self::NewCase, Self::ExistingCase, Self::AssignmentOnly];

    /// The Fluent id of its name.
    pub fn text_id(self) -> &'static str {
        match self {
            Self::NewCase => "action-new-case",
            Self::ExistingCase => "action-existing-case",
            Self::AssignmentOnly => "action-assignment-only",
        }
    }
}

/// The case the clerk picked for an existing-case filing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickedCase {
    /// TWeb id.
    pub id: u64,
    /// Diary number.
    pub diary_number: String,
    /// Title.
    pub title: String,
}

/// Something the plan still needs (the service layer's rules, shown by its Fluent id).
pub use crate::service::Missing;

/// The filing choices for one transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The transaction.
    pub transaction_id: String,
    /// Service id.
    pub service: String,
    /// Chosen action.
    pub action: Action,
    /// Case group of a new case.
    pub case_group: String,
    /// Title of a new case.
    pub title: String,
    /// Whether the submitter becomes the new case's party.
    pub submitter_party: bool,
    /// Case for an existing-case filing.
    pub case: Option<PickedCase>,
    /// Document type of the form PDF.
    pub form_document_type: String,
    /// Document type of the attachments no rule matches.
    pub attachment_document_type: String,
    /// The mapping's rules for attachment document types.
    pub attachment_rules: Vec<crate::mappings::AttachmentRule>,
    /// The mapping's document type for the secret address of a submitter with a protection order.
    pub secret_address_document_type: Option<String>,
    /// Attachments the clerk chose to leave out because the scanner found malware in them.
    pub left_out: Vec<crate::export::LeftOut>,
    /// Whether an assignment is made (always for assignment-only).
    pub assign: bool,
    /// Assignment's users.
    pub users: Vec<String>,
    /// Assignment's groups.
    pub groups: Vec<String>,
    /// Assignment's subject.
    pub subject: String,
    /// Assignment's message.
    pub message: String,
    /// Due date as typed, `d.m.yyyy`; empty for none.
    pub due: String,
    /// The mapping's `due_in_days` and the date it gave: while `due` still shows that date, the
    /// due date is recomputed when the assignment is sent (a retry days later is not overdue).
    pub due_default: Option<(u32, String)>,
    /// Whether the mapping gave a complete default, so Enter files without asking.
    pub complete_default: bool,
    /// The Helsinki date the draft was made for: a due date before it is refused.
    pub today: NaiveDate,
}

/// Formats a date the way the due-date field takes it.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%-d.%-m.%Y").to_string()
}

/// Reads `d.m.yyyy` (also with a trailing dot or spaces).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim().trim_end_matches('.');
    let mut parts = text.split('.').map(|p| p.trim().parse::<u32>().ok());
    let (day, month, year) = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

impl Draft {
    /// The mapping's default for `transaction`, filed `today`; an empty new-case draft without one.
    pub fn new(transaction: &Transaction, mapping: Option<&ServiceMapping>, today: NaiveDate) -> Self {
        let mut draft = Self {
            transaction_id: transaction.id.clone(),
            service: transaction.service.id.clone(),
            action: Action::NewCase,
            case_group: String::new(),
            title: transaction.title.clone(),
            submitter_party: true,
            case: None,
            form_document_type: String::new(),
            attachment_document_type: String::new(),
            attachment_rules: Vec::new(),
            secret_address_document_type: None,
            left_out: Vec::new(),
            assign: false,
            users: Vec::new(),
            groups: Vec::new(),
            subject: transaction.title.clone(),
            message: String::new(),
            due: String::new(),
            due_default: None,
            complete_default: false,
            today,
        };
        let Some(mapping) = mapping else { return draft };
        draft.action = match mapping.action {
            DefaultAction::NewCase => Action::NewCase,
            DefaultAction::ExistingCase => Action::ExistingCase,
            DefaultAction::AssignmentOnly => Action::AssignmentOnly,
        };
        draft.case_group = mapping.case_group.clone().unwrap_or_default();
        draft.title = render_template(&mapping.title, transaction);
        draft.submitter_party = mapping.submitter_is_party;
        draft.form_document_type = mapping.form_document_type.clone();
        draft.attachment_document_type = mapping.attachment_document_type.clone();
        draft.attachment_rules = mapping.attachment_rules.clone();
        draft.secret_address_document_type = mapping.secret_address_document_type.clone();
        if let Some(a) = &mapping.assignment {
            draft.assign = true;
            draft.users = a.users.clone();
            draft.groups = a.groups.clone();
            draft.subject = render_template(&a.subject, transaction);
            draft.message = a.message.as_ref().map(|m| render_template(m, transaction)).unwrap_or_default();
            draft.due = a.due_in_days.map(|d| format_date(today + Duration::days(i64::from(d)))).unwrap_or_default();
            draft.due_default = a.due_in_days.map(|d| (d, draft.due.clone()));
        }
        draft.complete_default = draft.plan().is_ok();
        draft
    }

    /// Chooses the action; an assignment-only filing always has an assignment.
    pub fn set_action(&mut self, action: Action) {
        self.action = action;
        if action == Action::AssignmentOnly {
            self.assign = true;
        }
    }

    /// The plan, or everything that is missing for it: what only the editor can lack (a case
    /// not chosen, a due date that is not a date), then the rules every plan meets
    /// ([`crate::service::plan::problems`]).
    pub fn plan(&self) -> Result<FilingPlan, Vec<Missing>> {
        let mut missing = Vec::new();
        let target = match self.action {
            Action::NewCase => Target::NewCase {
                case_group: self.case_group.trim().to_owned(),
                title: self.title.trim().to_owned(),
                submitter_party: self.submitter_party,
            },
            Action::ExistingCase => match &self.case {
                Some(case) => Target::ExistingCase { case_id: case.id, diary_number: Some(case.diary_number.clone()) },
                None => {
                    missing.push(Missing::Case);
                    Target::ExistingCase { case_id: 0, diary_number: None }
                }
            },
            Action::AssignmentOnly => Target::AssignmentOnly,
        };
        let assignment = (self.assign || self.action == Action::AssignmentOnly).then(|| {
            let due_date = match self.due.trim() {
                "" => None,
                text => {
                    let date = parse_date(text);
                    match date {
                        None => missing.push(Missing::DueDate),
                        Some(date) if date < self.today => missing.push(Missing::DuePast),
                        Some(_) => {}
                    }
                    date
                }
            };
            AssignmentPlan {
                recipients: Recipients { users: self.users.clone(), groups: self.groups.clone() },
                subject: self.subject.trim().to_owned(),
                message: Some(self.message.trim().to_owned()).filter(|m| !m.is_empty()),
                due_date,
                due_in_days: self.due_default.as_ref().filter(|(_, shown)| *shown == self.due.trim()).map(|(d, _)| *d),
            }
        });
        let plan = FilingPlan {
            transaction_id: self.transaction_id.clone(),
            target,
            form_document_type: self.form_document_type.trim().to_owned(),
            attachment_document_type: self.attachment_document_type.trim().to_owned(),
            attachment_rules: self.attachment_rules.clone(),
            secret_address_document_type: self.secret_address_document_type.clone(),
            assignment,
            left_out: self.left_out.clone(),
        };
        missing.extend(crate::service::plan::problems(&plan));
        missing.sort();
        missing.dedup();
        if missing.is_empty() { Ok(plan) } else { Err(missing) }
    }
}

#[cfg(test)]
mod tests;
