//! The export engine: files transactions into TWeb by the three actions, exactly once across
//! retries, crashes and several clerks. See [`Exporter`].

mod engine;
mod events;
mod journal;
mod plan;
pub mod validate;

use std::time::Duration;

pub use engine::Exporter;
pub use events::{EventKind, ExportEvent, Step};
pub use journal::{FilingRecord, FilingState, Journal, JournalError};
pub use plan::{AssignmentPlan, FilingPlan, PlanError, Target, refs, submitter_party};

use crate::remote::RemoteError;

/// How failed calls are retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Tries in all, the first included.
    pub attempts: u32,
    /// Delay before the second try; doubles each time.
    pub base: Duration,
    /// Longest delay.
    pub cap: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self { attempts: 8, base: Duration::from_millis(200), cap: Duration::from_secs(10) }
    }
}

/// Settings of an exporter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportConfig {
    /// The clerk's display name, shown to other clerks on claims.
    pub clerk: String,
    /// Claim lease in seconds; renewed every third of it while a filing runs.
    pub lease_seconds: u32,
    /// Retries.
    pub retry: RetryPolicy,
}

impl ExportConfig {
    /// Defaults for `clerk`.
    pub fn new(clerk: &str) -> Self {
        Self { clerk: clerk.to_owned(), lease_seconds: 120, retry: RetryPolicy::default() }
    }
}

/// Why a filing stopped. The filing stays in the journal as failed and can be resumed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A remote call failed at a step.
    #[error("{} failed", step_name(.step))]
    Remote {
        /// The step.
        step: Step,
        /// The call's error.
        #[source]
        source: RemoteError,
    },
    /// The journal could not be written.
    #[error("the filing journal failed")]
    Journal(#[from] JournalError),
    /// Another clerk holds the transaction.
    #[error("transaction {id} is being handled by {holder}")]
    ClaimedBy {
        /// Transaction id.
        id: String,
        /// The other clerk.
        holder: String,
    },
    /// Someone else already filed the transaction.
    #[error("transaction {id} has already been filed by {by}")]
    AlreadyFiled {
        /// Transaction id.
        id: String,
        /// Who filed it.
        by: String,
    },
    /// The transaction from the outbox cannot be filed as it is.
    #[error("transaction {id} cannot be filed: {}", .problems.join("; "))]
    BadTransaction {
        /// Transaction id.
        id: String,
        /// What is wrong.
        problems: Vec<String>,
    },
    /// The form PDF could not be made.
    #[error("the form PDF could not be made: {0}")]
    Pdf(String),
    /// The clerk cancelled.
    #[error("the filing was cancelled")]
    Cancelled,
}

fn step_name(step: &Step) -> String {
    match step {
        Step::Claim => "claiming the transaction".to_owned(),
        Step::Case => "the case".to_owned(),
        Step::Form => "uploading the form".to_owned(),
        Step::Attachment(id) => format!("uploading attachment {id}"),
        Step::Assignment => "the assignment".to_owned(),
        Step::Complete => "marking the transaction filed".to_owned(),
    }
}

impl ExportError {
    fn step(step: Step, source: RemoteError) -> Self {
        Self::Remote { step, source }
    }

    /// The step that failed, if the failure belongs to one.
    pub fn failed_step(&self) -> Option<Step> {
        match self {
            Self::Remote { step, .. } => Some(step.clone()),
            _ => None,
        }
    }
}
