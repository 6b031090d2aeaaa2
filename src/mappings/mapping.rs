//! One e-service's filing defaults.

use serde::{Deserialize, Serialize};

/// What a clerk's default filing does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DefaultAction {
    /// Open a new case.
    NewCase,
    /// Add to an existing case the clerk picks.
    ExistingCase,
    /// Only send an assignment.
    AssignmentOnly,
}

/// The assignment sent at the end of a filing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignmentDefaults {
    /// TWeb user ids.
    #[serde(default)]
    pub users: Vec<String>,
    /// TWeb group ids.
    #[serde(default)]
    pub groups: Vec<String>,
    /// Subject template.
    pub subject: String,
    /// Message template.
    #[serde(default)]
    pub message: Option<String>,
    /// Due this many days after filing.
    #[serde(default)]
    pub due_in_days: Option<u32>,
}

/// The defaults of one e-service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceMapping {
    /// Format version, 1.
    pub schema: u32,
    /// ePalvelu service id.
    pub service: String,
    /// Service name, for people.
    pub name: String,
    /// Default action.
    pub action: DefaultAction,
    /// Whether `kirjaamo export --auto` files this service's transactions unattended.
    #[serde(default)]
    pub automatic: bool,
    /// Case group code for new cases.
    #[serde(default)]
    pub case_group: Option<String>,
    /// Case title template, e.g. `{service} – {submitter}`.
    #[serde(default = "default_title")]
    pub title: String,
    /// Document type of the form PDF.
    pub form_document_type: String,
    /// Document type of the attachments no rule matches.
    pub attachment_document_type: String,
    /// Document types of attachments by content type or file name, first match wins.
    #[serde(default)]
    pub attachment_rules: Vec<super::AttachmentRule>,
    /// Document type of the separate document that carries the address of a submitter with a
    /// protection order (turvakielto); the records plan must make it secret. Without one, such
    /// an address is not filed at all.
    #[serde(default)]
    pub secret_address_document_type: Option<String>,
    /// Whether the submitter becomes the case's applicant party.
    #[serde(default = "yes")]
    pub submitter_is_party: bool,
    /// Assignment at the end, if any.
    #[serde(default)]
    pub assignment: Option<AssignmentDefaults>,
    /// The handling deadline in days from the day the transaction was received (Helsinki time),
    /// e.g. 14 for an information request (JulkL 14 §); the inbox marks rows due soon or overdue.
    #[serde(default)]
    pub deadline_days: Option<u32>,
}

fn default_title() -> String {
    "{service} – {submitter}".to_owned()
}

fn yes() -> bool {
    true
}
