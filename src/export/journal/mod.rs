//! The local filing journal (SQLite, WAL): every step is written before it starts and after it
//! succeeds, with the ids it produced, so an interrupted filing resumes where it stopped and
//! nothing is created twice. It keeps ids, states and the plan; never form data or attachments.
//!
//! The journal only remembers: TWeb and the outbox are the truth. The engine checks every id it
//! reuses against TWeb (by external ref) and every "done" against the outbox.

mod endpoint;
mod open;
mod purge;
mod unread;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

pub use endpoint::Endpoint;
pub use open::{JournalNotice, SCHEMA_VERSION};
pub use unread::Unread;

use super::events::Step;
use super::plan::FilingPlan;
use crate::contract::outbox::FilingResult;

/// Why the journal failed. Each of these stops a run: a filing whose steps cannot be journaled is
/// not started.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// SQLite failed.
    #[error("the filing journal {path} could not be used")]
    Sqlite {
        /// The journal file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: rusqlite::Error,
    },
    /// The journal (or its folder) cannot be written: read-only, or no permission.
    #[error("the filing journal {path} cannot be written")]
    Unwritable {
        /// The journal file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: rusqlite::Error,
    },
    /// The disk holding the journal is full.
    #[error("the disk holding the filing journal {path} is full")]
    DiskFull {
        /// The journal file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: rusqlite::Error,
    },
    /// The journal's folder could not be made.
    #[error("the folder {path} for the filing journal could not be made")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A damaged journal could not be moved aside.
    #[error("the damaged filing journal {path} could not be moved aside")]
    MoveAside {
        /// The journal file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The journal is still damaged after a new one was started in its place.
    #[error("the filing journal {path} is damaged ({reason})")]
    Damaged {
        /// The journal file.
        path: PathBuf,
        /// What SQLite said.
        reason: String,
    },
    /// The journal was written by a newer Kirjaamo.
    #[error("the filing journal {path} was written by a newer Kirjaamo (schema version {version})")]
    Newer {
        /// The journal file.
        path: PathBuf,
        /// Its schema version.
        version: u32,
    },
    /// The journal remembers filings to other servers; it is left alone.
    #[error("the filing journal {path} belongs to other servers ({recorded}); it is left alone")]
    OtherEndpoint {
        /// The journal file.
        path: PathBuf,
        /// The endpoint it records.
        recorded: String,
    },
    /// A stored value could not be read back.
    #[error("the filing journal holds an unreadable entry for {0}")]
    Corrupt(String),
    /// A stored plan or result could not be read or written as JSON.
    #[error("the filing journal's entry for {transaction} could not be read or written")]
    Unreadable {
        /// The transaction.
        transaction: String,
        /// The cause.
        #[source]
        source: serde_json::Error,
    },
    /// The worker running the query stopped.
    #[error("the journal worker stopped")]
    Worker(#[from] tokio::task::JoinError),
}

/// Where a filing stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilingState {
    /// Under way, or interrupted before it ended (a crash).
    InProgress,
    /// Every step succeeded and the outbox records it.
    Done,
    /// Stopped on an error; resumable.
    Failed,
    /// Stopped because the clerk cancelled it; resumable, and not a failure.
    Interrupted,
    /// Another clerk completed the transaction in the outbox; nothing is left to do here.
    FiledByOther,
}

impl FilingState {
    fn as_str(self) -> &'static str {
        match self {
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Failed => "failed",
            Self::Interrupted => "interrupted",
            Self::FiledByOther => "filed_by_other",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        match text {
            "in_progress" => Some(Self::InProgress),
            "done" => Some(Self::Done),
            "failed" => Some(Self::Failed),
            "interrupted" => Some(Self::Interrupted),
            "filed_by_other" => Some(Self::FiledByOther),
            _ => None,
        }
    }
}

/// One filing as the journal knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilingRecord {
    /// Transaction id.
    pub transaction_id: String,
    /// The plan.
    pub plan: FilingPlan,
    /// State.
    pub state: FilingState,
    /// Clerk who filed it.
    pub clerk: String,
    /// The last error's technical chain, for a failed or interrupted filing.
    pub error: Option<String>,
    /// What the clerk was told of it, in plain words with the chain beside them.
    pub told: Option<crate::plain::Told>,
    /// The result, once done (or as the other clerk's completion names it).
    pub result: Option<FilingResult>,
    /// Who completed it, when another clerk did.
    pub filed_by: Option<String>,
    /// Claim token in use.
    pub claim_token: Option<String>,
    /// When it started (RFC 3339).
    pub started_at: String,
    /// When it last changed (RFC 3339).
    pub updated_at: String,
}

/// The journal; cheap to clone, every call runs on a blocking worker.
#[derive(Debug, Clone)]
pub struct Journal {
    path: PathBuf,
    connection: Arc<Mutex<Connection>>,
    notices: Arc<Vec<JournalNotice>>,
}

const COLUMNS: &str =
    "transaction_id, plan, state, clerk, error, result, claim_token, started_at, updated_at, filed_by, told";

impl Journal {
    /// Opens (creating) the journal at `path` for the servers of `endpoint`. A damaged journal is
    /// moved aside and a new one started (see [`Journal::notices`]); one that belongs to other
    /// servers, or that cannot be written, is an error before anything is filed.
    pub fn open(path: &Path, endpoint: &Endpoint) -> Result<Self, JournalError> {
        let (connection, notices) = open::open(path, Some(endpoint))?;
        Ok(Self { path: path.to_owned(), connection: Arc::new(Mutex::new(connection)), notices: Arc::new(notices) })
    }

    /// A journal that lives only as long as the process (demo mode, whose sandbox starts afresh).
    pub fn in_memory() -> Result<Self, JournalError> {
        let connection = open::open_in_memory()?;
        Ok(Self {
            path: PathBuf::from(":memory:"),
            connection: Arc::new(Mutex::new(connection)),
            notices: Arc::default(),
        })
    }

    /// What opening the journal found worth saying once: a new journal, a damaged one moved
    /// aside, an older one updated.
    pub fn notices(&self) -> &[JournalNotice] {
        &self.notices
    }

    /// The journal file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(super) async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, JournalError> {
        let connection = Arc::clone(&self.connection);
        let path = self.path.clone();
        tokio::task::spawn_blocking(move || {
            let connection = connection.lock().unwrap_or_else(PoisonError::into_inner);
            work(&connection).map_err(|source| open::classify(&path, source))
        })
        .await?
    }

    /// Records the start (or restart) of a filing with `plan` and returns its record. Steps
    /// journaled before are kept as hints; the engine checks each against TWeb before reusing it.
    /// The engine calls this only once the outbox says the transaction is still pending, so a
    /// "done" from a journal that the servers contradict is reset here.
    pub async fn begin(&self, plan: &FilingPlan, clerk: &str) -> Result<FilingRecord, JournalError> {
        let plan_json = serde_json::to_string(plan)
            .map_err(|source| JournalError::Unreadable { transaction: plan.transaction_id.clone(), source })?;
        let (id, clerk) = (plan.transaction_id.clone(), clerk.to_owned());
        let now = Utc::now().to_rfc3339();
        self.run(move |c| {
            c.execute("DELETE FROM unread WHERE transaction_id = ?1", params![id])?;
            c.execute(
                "INSERT INTO filings (transaction_id, plan, state, clerk, started_at, updated_at) VALUES (?1, ?2, 'in_progress', ?3, ?4, ?4)
                 ON CONFLICT(transaction_id) DO UPDATE SET
                 plan = excluded.plan, clerk = excluded.clerk, state = 'in_progress',
                 error = NULL, result = NULL, filed_by = NULL, updated_at = ?4",
                params![id, plan_json, clerk, now],
            )?;
            Ok(())
        })
        .await?;
        self.filing(&plan.transaction_id).await?.ok_or_else(|| JournalError::Corrupt(plan.transaction_id.clone()))
    }

    /// Records what the outbox says of a transaction that is already completed: `Done` with its
    /// result when `by` is `None` (this clerk's), else filed by that other clerk. Only a filing
    /// the journal already holds is updated.
    pub async fn resolve(
        &self,
        transaction_id: &str,
        result: &FilingResult,
        by: Option<&str>,
    ) -> Result<(), JournalError> {
        let state = if by.is_some() { FilingState::FiledByOther } else { FilingState::Done };
        let result = serde_json::to_string(result)
            .map_err(|source| JournalError::Unreadable { transaction: transaction_id.to_owned(), source })?;
        let (id, by, now) = (transaction_id.to_owned(), by.map(str::to_owned), Utc::now().to_rfc3339());
        self.run(move |c| {
            c.execute(
                "UPDATE filings SET state = ?2, result = ?3, filed_by = ?4, error = NULL, claim_token = NULL, updated_at = ?5 WHERE transaction_id = ?1",
                params![id, state.as_str(), result, by, now],
            )
            .map(|_| ())
        })
        .await
    }

    /// The record of one filing.
    pub async fn filing(&self, transaction_id: &str) -> Result<Option<FilingRecord>, JournalError> {
        let id = transaction_id.to_owned();
        let row = self
            .run(move |c| {
                c.query_row(&format!("SELECT {COLUMNS} FROM filings WHERE transaction_id = ?1"), params![id], row_tuple)
                    .optional()
            })
            .await?;
        row.map(record).transpose()
    }

    /// Every filing, newest first.
    pub async fn filings(&self) -> Result<Vec<FilingRecord>, JournalError> {
        self.select("").await
    }

    /// Filings that failed or were interrupted, newest first: what `--resume` and the desk retry.
    pub async fn unfinished(&self) -> Result<Vec<FilingRecord>, JournalError> {
        self.select("WHERE state IN ('in_progress', 'failed', 'interrupted')").await
    }

    async fn select(&self, filter: &'static str) -> Result<Vec<FilingRecord>, JournalError> {
        let rows = self
            .run(move |c| {
                let mut statement =
                    c.prepare(&format!("SELECT {COLUMNS} FROM filings {filter} ORDER BY updated_at DESC"))?;
                statement.query_map([], row_tuple)?.collect::<rusqlite::Result<Vec<_>>>()
            })
            .await?;
        rows.into_iter().map(record).collect()
    }

    /// Keeps the claim token.
    pub async fn set_claim(&self, transaction_id: &str, token: Option<&str>) -> Result<(), JournalError> {
        let (id, token) = (transaction_id.to_owned(), token.map(str::to_owned));
        self.run(move |c| {
            c.execute("UPDATE filings SET claim_token = ?2 WHERE transaction_id = ?1", params![id, token]).map(|_| ())
        })
        .await
    }

    /// What the journal knows of a step: `None` if it never started, `Some(None)` if it started
    /// but did not finish, `Some(Some(id))` if it finished with that object (0 when it has none).
    pub async fn step(&self, transaction_id: &str, step: &Step) -> Result<Option<Option<u64>>, JournalError> {
        let (id, step) = (transaction_id.to_owned(), step.key());
        let found: Option<(String, Option<i64>)> = self
            .run(move |c| {
                c.query_row(
                    "SELECT state, object_id FROM steps WHERE transaction_id = ?1 AND step = ?2",
                    params![id, step],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
            })
            .await?;
        Ok(found.map(|(state, object)| {
            (state == StepState::Done.as_str()).then(|| object.and_then(|v| u64::try_from(v).ok()).unwrap_or(0))
        }))
    }

    /// Writes that a step starts.
    pub async fn step_started(&self, transaction_id: &str, step: &Step) -> Result<(), JournalError> {
        self.write_step(transaction_id, step, StepState::Started, None).await
    }

    /// Writes that a step succeeded with the object it produced.
    pub async fn step_done(
        &self,
        transaction_id: &str,
        step: &Step,
        object_id: Option<u64>,
    ) -> Result<(), JournalError> {
        self.write_step(transaction_id, step, StepState::Done, object_id).await
    }

    async fn write_step(
        &self,
        transaction_id: &str,
        step: &Step,
        state: StepState,
        object_id: Option<u64>,
    ) -> Result<(), JournalError> {
        let (id, step, now) = (transaction_id.to_owned(), step.key(), Utc::now().to_rfc3339());
        let state = state.as_str();
        let object = object_id.and_then(|v| i64::try_from(v).ok());
        self.run(move |c| {
            c.execute(
                "INSERT INTO steps (transaction_id, step, state, object_id, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(transaction_id, step) DO UPDATE SET state = ?3, object_id = ?4, updated_at = ?5",
                params![id, step, state, object, now],
            )
            .map(|_| ())
        })
        .await
    }

    /// Ends a filing: done with its result, or failed with what the clerk was told.
    pub async fn finish(
        &self,
        transaction_id: &str,
        outcome: Result<&FilingResult, &crate::plain::Told>,
    ) -> Result<(), JournalError> {
        match outcome {
            Ok(result) => self.end(transaction_id, FilingState::Done, serde_json::to_string(result).ok(), None).await,
            Err(told) => self.end(transaction_id, FilingState::Failed, None, Some(told)).await,
        }
    }

    /// Ends a filing the clerk cancelled: interrupted (resumable), with what was said.
    pub async fn interrupt(&self, transaction_id: &str, told: &crate::plain::Told) -> Result<(), JournalError> {
        self.end(transaction_id, FilingState::Interrupted, None, Some(told)).await
    }

    async fn end(
        &self,
        transaction_id: &str,
        state: FilingState,
        result: Option<String>,
        told: Option<&crate::plain::Told>,
    ) -> Result<(), JournalError> {
        let (id, now) = (transaction_id.to_owned(), Utc::now().to_rfc3339());
        let error = told.map(|t| t.detail.clone());
        let plain = told.map(|t| t.plain.to_json().to_string());
        self.run(move |c| {
            c.execute(
                "UPDATE filings SET state = ?2, result = COALESCE(?3, result), error = ?4, told = ?6, claim_token = CASE WHEN ?2 = 'done' THEN NULL ELSE claim_token END, updated_at = ?5 WHERE transaction_id = ?1",
                params![id, state.as_str(), result, error, now, plain],
            )
            .map(|_| ())
        })
        .await
    }
}

/// A step's state as the journal spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StepState {
    Started,
    Done,
}

impl StepState {
    fn as_str(self) -> &'static str {
        match self {
            Self::Started => "started",
            Self::Done => "done",
        }
    }
}

type Row = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
);

fn row_tuple(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
    ))
}

/// What the clerk was told, from the `told` and `error` columns; words this program no longer
/// has read as none (the failed view then shows the chain).
fn told(plain: Option<&str>, error: Option<&String>) -> Option<crate::plain::Told> {
    let value: serde_json::Value = serde_json::from_str(plain?).ok()?;
    let plain = crate::plain::Plain::from_json(&value, &crate::i18n::known_name)?;
    Some(crate::plain::Told::new(plain, error.cloned().unwrap_or_default()))
}

fn record(row: Row) -> Result<FilingRecord, JournalError> {
    let (transaction_id, plan, state, clerk, error, result, claim_token, started_at, updated_at, filed_by, plain) = row;
    let corrupt = || JournalError::Corrupt(transaction_id.clone());
    let unreadable = |source| JournalError::Unreadable { transaction: transaction_id.clone(), source };
    Ok(FilingRecord {
        plan: serde_json::from_str(&plan).map_err(unreadable)?,
        state: FilingState::parse(&state).ok_or_else(corrupt)?,
        result: result.map(|r| serde_json::from_str(&r)).transpose().map_err(unreadable)?,
        transaction_id,
        clerk,
        told: told(plain.as_deref(), error.as_ref()),
        error,
        claim_token,
        started_at,
        updated_at,
        filed_by,
    })
}
