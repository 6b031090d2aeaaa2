//! Progress events of a filing, for the GUI and the CLI.

use crate::contract::outbox::FilingResult;

/// A step of a filing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    /// Reading the transaction from the outbox, before anything else.
    Read,
    /// Claiming the transaction in the outbox.
    Claim,
    /// Opening (or finding) the case.
    Case,
    /// Uploading the form PDF.
    Form,
    /// Uploading one attachment.
    Attachment(String),
    /// Uploading the secret document with a protected address.
    SecretAddress,
    /// Sending the assignment.
    Assignment,
    /// Marking the transaction filed in the outbox.
    Complete,
}

impl Step {
    /// The step's journal key.
    pub fn key(&self) -> String {
        match self {
            Self::Read => "read".to_owned(),
            Self::Claim => "claim".to_owned(),
            Self::Case => "case".to_owned(),
            Self::Form => "form".to_owned(),
            Self::Attachment(id) => format!("att:{id}"),
            Self::SecretAddress => "protected-address".to_owned(),
            Self::Assignment => "assignment".to_owned(),
            Self::Complete => "complete".to_owned(),
        }
    }

    /// The server the step's calls go to.
    pub fn server(&self) -> crate::remote::Server {
        match self {
            Self::Read | Self::Claim | Self::Complete => crate::remote::Server::Outbox,
            Self::Case | Self::Form | Self::Attachment(_) | Self::SecretAddress | Self::Assignment => {
                crate::remote::Server::Tweb
            }
        }
    }
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// A step began.
    Started(Step),
    /// Bytes of an upload sent so far, of the total.
    Progress {
        /// The uploading step.
        step: Step,
        /// Bytes sent.
        sent: u64,
        /// Bytes in all.
        total: u64,
    },
    /// A step finished; `adopted` when an object from an earlier try was found and reused.
    Finished {
        /// The step.
        step: Step,
        /// Id of the object it produced.
        object_id: Option<u64>,
        /// Whether the object already existed.
        adopted: bool,
    },
    /// A try failed and will be retried after a pause.
    Retrying {
        /// The step.
        step: Step,
        /// The error: plain words and the chain.
        message: crate::plain::Told,
        /// Which try comes next.
        attempt: u32,
    },
    /// The filing stopped on an error.
    Failed {
        /// The step that failed.
        step: Option<Step>,
        /// The error with its chain.
        message: String,
    },
    /// Everything succeeded.
    Done(FilingResult),
}

/// An event of one transaction's filing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportEvent {
    /// The transaction.
    pub transaction_id: String,
    /// What happened.
    pub kind: EventKind,
}
