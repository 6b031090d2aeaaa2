//! The export engine: files transactions into TWeb by the three actions, exactly once across
//! retries, crashes and several clerks. See [`Exporter`].

mod case;
mod documents;
mod engine;
mod events;
mod explain;
mod journal;
pub mod pace;
mod place;
mod plan;
mod retry;
pub mod scanning;
mod steps;
pub mod validate;

use std::time::Duration;

pub use engine::Exporter;
pub use events::{EventKind, ExportEvent, Step};
pub use journal::{Endpoint, FilingRecord, FilingState, Journal, JournalError, JournalNotice, SCHEMA_VERSION, Unread};
pub use plan::{AssignmentPlan, FilingPlan, LeftOut, Target, refs, submitter_party};

use crate::contract::outbox::FilingResult;
use crate::remote::RemoteError;

/// A transaction the outbox records as filed, as [`Exporter::file`] found or made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filed {
    /// What the filing produced, as the outbox records it.
    pub result: FilingResult,
    /// Whether this call filed it.
    pub how: FiledHow,
}

/// Whether a [`Filed`] transaction was filed by this call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FiledHow {
    /// Every step of it ran now, and the outbox accepted the completion.
    Now,
    /// The outbox already recorded it as this clerk's (an earlier run, or an answer lost in a crash).
    Earlier,
}

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
    /// The access log every filing is recorded in before it starts and when it ends (the desk
    /// and the export always have one: `service::Services`).
    pub audit: Option<crate::audit::Recorder>,
    /// The virus scanner every attachment passes before anything of the filing is made.
    pub scanner: crate::scan::Scanner,
    /// Filings at once, however many are asked for (1 to [`pace::MAX_PARALLEL`]).
    pub parallel: usize,
}

impl ExportConfig {
    /// Defaults for `clerk`.
    pub fn new(clerk: &str) -> Self {
        Self {
            clerk: clerk.to_owned(),
            lease_seconds: 120,
            retry: RetryPolicy::default(),
            audit: None,
            scanner: crate::scan::Scanner::new(crate::scan::ScannerChoice::NotConfigured),
            parallel: pace::DEFAULT_PARALLEL,
        }
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
    /// The access log could not record the filing: it was not started.
    #[error("the access log failed")]
    Audit(#[from] crate::audit::AuditError),
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
    /// TWeb holds an object under this transaction's external ref, but not where this filing puts
    /// it: it is not adopted, and nothing is filed into a case that is not the transaction's.
    #[error(
        "TWeb already holds {} as object {object_id} under this transaction's external ref, but {}; it was not reused",
        step_name(.step),
        placement(*.found, *.expected)
    )]
    Misplaced {
        /// The step.
        step: Step,
        /// The object TWeb holds.
        object_id: u64,
        /// Its case.
        found: Option<u64>,
        /// The case this filing puts it on.
        expected: Option<u64>,
    },
    /// The chosen case now has another diary number: TWeb was restored or replaced since the
    /// clerk chose it. Nothing is filed into it.
    #[error("case {case_id} is now {found}, not {expected} as chosen; choose the case again")]
    CaseChanged {
        /// The case id.
        case_id: u64,
        /// The diary number the clerk chose.
        expected: String,
        /// Its diary number now.
        found: String,
    },
    /// The filing stopped on `error`, and the journal could not record it: the run must stop.
    #[error("{}; the journal could not record this", crate::error_chain(.error.as_ref()))]
    Unjournaled {
        /// Why the filing stopped.
        error: Box<ExportError>,
        /// Why the journal failed.
        #[source]
        journal: JournalError,
    },
    /// The form PDF could not be made.
    #[error("the form PDF could not be made: {0}")]
    Pdf(String),
    /// An attachment could not be scanned: nothing of the filing was made, and the transaction
    /// stays pending until the scanner answers.
    #[error("{file} could not be scanned for malware")]
    NotScanned {
        /// The attachment's file name.
        file: String,
        /// Why.
        #[source]
        source: crate::scan::ScanError,
    },
    /// The scanner found malware in attachments the plan files: nothing was made. A clerk may file
    /// the transaction leaving them out.
    #[error("malware in {}: the transaction is in quarantine", infected(.files))]
    Quarantined {
        /// The transaction.
        id: String,
        /// The infected attachments.
        files: Vec<crate::contract::outbox::LeftOutFile>,
    },
    /// The plan leaves out an attachment in which the scanner found nothing: only malware is left out.
    #[error("{file} is left out, but the virus scanner found nothing in it")]
    LeftOutClean {
        /// The attachment's file name.
        file: String,
    },
    /// The clerk cancelled: the finished steps stay (in TWeb and the journal) and a new try goes
    /// on from there. The diary number of the case opened, if one was.
    #[error("the filing was interrupted")]
    Cancelled {
        /// The partial case's diary number.
        diary_number: Option<String>,
    },
}

fn infected(files: &[crate::contract::outbox::LeftOutFile]) -> String {
    files.iter().map(|f| format!("{} ({})", f.filename, f.signature)).collect::<Vec<_>>().join(", ")
}

fn step_name(step: &Step) -> String {
    match step {
        Step::Read => "reading the transaction".to_owned(),
        Step::Claim => "claiming the transaction".to_owned(),
        Step::Case => "the case".to_owned(),
        Step::Form => "uploading the form".to_owned(),
        Step::Attachment(id) => format!("uploading attachment {id}"),
        Step::SecretAddress => "uploading the secret address document".to_owned(),
        Step::Assignment => "the assignment".to_owned(),
        Step::Complete => "marking the transaction filed".to_owned(),
    }
}

fn placement(found: Option<u64>, expected: Option<u64>) -> String {
    let case = |id: Option<u64>| id.map_or_else(|| "on no case".to_owned(), |id| format!("in case {id}"));
    match (found, expected) {
        (None, None) => "it does not carry that ref".to_owned(),
        _ => format!("{} instead of {}", case(found), case(expected)),
    }
}

impl ExportError {
    fn step(step: Step, source: RemoteError) -> Self {
        Self::Remote { step, source }
    }

    /// The step that failed, if the failure belongs to one.
    pub fn failed_step(&self) -> Option<Step> {
        match self {
            Self::Remote { step, .. } | Self::Misplaced { step, .. } => Some(step.clone()),
            Self::CaseChanged { .. } => Some(Step::Case),
            Self::Unjournaled { error, .. } => error.failed_step(),
            _ => None,
        }
    }

    /// Whether filing again as it stands can finish it: a server was down, busy or too slow.
    /// Then the claim is kept for the retry (its lease runs out if none comes). A failure that
    /// needs someone to change something first, or a stop the clerk asked for, releases the
    /// claim, so another clerk may take the transaction (and finds what was made, by its refs).
    pub fn resumable_as_is(&self) -> bool {
        match self {
            Self::Remote { source, .. } => source.is_retryable(),
            _ => false,
        }
    }

    /// Whether the journal or the access log failed: then nothing more may be filed in this run,
    /// since a filing whose steps cannot be remembered could not be resumed safely, and one that
    /// cannot be logged may not happen.
    pub fn stops_run(&self) -> bool {
        matches!(self, Self::Journal(_) | Self::Unjournaled { .. } | Self::Audit(_))
    }
}
