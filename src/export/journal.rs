//! The local filing journal (SQLite, WAL): every step is written before it starts and after it
//! succeeds, with the ids it produced, so an interrupted filing resumes where it stopped and
//! nothing is created twice. It keeps ids, states and the plan; never form data or attachments.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::plan::FilingPlan;
use crate::contract::outbox::FilingResult;

/// Why the journal failed.
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
    /// A stored value could not be read back.
    #[error("the filing journal holds an unreadable entry for {0}")]
    Corrupt(String),
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
}

impl FilingState {
    fn as_str(self) -> &'static str {
        match self {
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Failed => "failed",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        match text {
            "in_progress" => Some(Self::InProgress),
            "done" => Some(Self::Done),
            "failed" => Some(Self::Failed),
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
    /// The last error, for a failed filing.
    pub error: Option<String>,
    /// The result, once done.
    pub result: Option<FilingResult>,
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
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS filings (
    transaction_id TEXT PRIMARY KEY,
    plan TEXT NOT NULL,
    state TEXT NOT NULL,
    clerk TEXT NOT NULL,
    error TEXT,
    result TEXT,
    claim_token TEXT,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS steps (
    transaction_id TEXT NOT NULL,
    step TEXT NOT NULL,
    state TEXT NOT NULL,
    object_id INTEGER,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (transaction_id, step)
);";

impl Journal {
    /// Opens (creating) the journal at `path`.
    pub fn open(path: &Path) -> Result<Self, JournalError> {
        let sqlite = |source| JournalError::Sqlite { path: path.to_owned(), source };
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let connection = Connection::open(path).map_err(sqlite)?;
        connection.pragma_update(None, "journal_mode", "WAL").map_err(sqlite)?;
        // NORMAL in WAL mode survives a crash of the process; after a power cut the last steps may be
        // lost, and the engine then finds their objects by external ref instead of creating them again.
        connection.pragma_update(None, "synchronous", "NORMAL").map_err(sqlite)?;
        connection.busy_timeout(std::time::Duration::from_secs(10)).map_err(sqlite)?;
        connection.execute_batch(SCHEMA).map_err(sqlite)?;
        Ok(Self { path: path.to_owned(), connection: Arc::new(Mutex::new(connection)) })
    }

    /// A journal that lives only as long as the process (demo mode, whose sandbox starts afresh).
    pub fn in_memory() -> Result<Self, JournalError> {
        let path = PathBuf::from(":memory:");
        let sqlite = |source| JournalError::Sqlite { path: PathBuf::from(":memory:"), source };
        let connection = Connection::open_in_memory().map_err(sqlite)?;
        connection.execute_batch(SCHEMA).map_err(sqlite)?;
        Ok(Self { path, connection: Arc::new(Mutex::new(connection)) })
    }

    /// The journal in the OS data directory (e.g. `~/.local/share/kirjaamo/journal.sqlite`).
    pub fn default_path() -> Option<PathBuf> {
        crate::settings::data_dir().map(|d| d.join("journal.sqlite"))
    }

    /// The journal of one connection profile in the OS data directory: filings to a test system
    /// and to production never share a journal.
    pub fn path_for_profile(profile: &str) -> Option<PathBuf> {
        crate::settings::data_dir().map(|d| d.join(Self::file_name_for_profile(profile)))
    }

    /// The file name of a profile's journal, e.g. `journal-tuotanto.sqlite`.
    pub fn file_name_for_profile(profile: &str) -> String {
        let slug: String = profile
            .chars()
            .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { '-' })
            .collect();
        format!("journal-{slug}.sqlite")
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, JournalError> {
        let connection = Arc::clone(&self.connection);
        let path = self.path.clone();
        tokio::task::spawn_blocking(move || {
            let connection = connection.lock().unwrap_or_else(PoisonError::into_inner);
            work(&connection).map_err(|source| JournalError::Sqlite { path, source })
        })
        .await?
    }

    /// Records the start of a filing and returns its record. A filing journaled before keeps its
    /// finished steps; unless it is done, it takes the new plan (a clerk may correct a choice).
    pub async fn begin(&self, plan: &FilingPlan, clerk: &str) -> Result<FilingRecord, JournalError> {
        let plan_json = serde_json::to_string(plan).map_err(|_| JournalError::Corrupt(plan.transaction_id.clone()))?;
        let (id, clerk) = (plan.transaction_id.clone(), clerk.to_owned());
        let now = Utc::now().to_rfc3339();
        self.run(move |c| {
            c.execute(
                "INSERT INTO filings (transaction_id, plan, state, clerk, started_at, updated_at) VALUES (?1, ?2, 'in_progress', ?3, ?4, ?4)
                 ON CONFLICT(transaction_id) DO UPDATE SET
                 plan = CASE WHEN state = 'done' THEN plan ELSE excluded.plan END,
                 clerk = CASE WHEN state = 'done' THEN clerk ELSE excluded.clerk END,
                 state = CASE WHEN state = 'done' THEN 'done' ELSE 'in_progress' END,
                 error = NULL, updated_at = ?4",
                params![id, plan_json, clerk, now],
            )?;
            Ok(())
        })
        .await?;
        self.filing(&plan.transaction_id).await?.ok_or_else(|| JournalError::Corrupt(plan.transaction_id.clone()))
    }

    /// The record of one filing.
    pub async fn filing(&self, transaction_id: &str) -> Result<Option<FilingRecord>, JournalError> {
        let id = transaction_id.to_owned();
        let row = self
            .run(move |c| {
                c.query_row(
                    "SELECT transaction_id, plan, state, clerk, error, result, claim_token, started_at, updated_at FROM filings WHERE transaction_id = ?1",
                    params![id],
                    row_tuple,
                )
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
        self.select("WHERE state != 'done'").await
    }

    async fn select(&self, filter: &'static str) -> Result<Vec<FilingRecord>, JournalError> {
        let rows = self
            .run(move |c| {
                let mut statement = c.prepare(&format!(
                    "SELECT transaction_id, plan, state, clerk, error, result, claim_token, started_at, updated_at FROM filings {filter} ORDER BY updated_at DESC"
                ))?;
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
    pub async fn step(&self, transaction_id: &str, step: &str) -> Result<Option<Option<u64>>, JournalError> {
        let (id, step) = (transaction_id.to_owned(), step.to_owned());
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
        Ok(found
            .map(|(state, object)| (state == "done").then(|| object.and_then(|v| u64::try_from(v).ok()).unwrap_or(0))))
    }

    /// Writes that a step starts.
    pub async fn step_started(&self, transaction_id: &str, step: &str) -> Result<(), JournalError> {
        self.write_step(transaction_id, step, "started", None).await
    }

    /// Writes that a step succeeded with the object it produced.
    pub async fn step_done(
        &self,
        transaction_id: &str,
        step: &str,
        object_id: Option<u64>,
    ) -> Result<(), JournalError> {
        self.write_step(transaction_id, step, "done", object_id).await
    }

    async fn write_step(
        &self,
        transaction_id: &str,
        step: &str,
        state: &'static str,
        object_id: Option<u64>,
    ) -> Result<(), JournalError> {
        let (id, step, now) = (transaction_id.to_owned(), step.to_owned(), Utc::now().to_rfc3339());
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

    /// Ends a filing: done with its result, or failed with the error shown to people.
    pub async fn finish(&self, transaction_id: &str, outcome: Result<&FilingResult, &str>) -> Result<(), JournalError> {
        let (state, result, error) = match outcome {
            Ok(result) => (FilingState::Done, serde_json::to_string(result).ok(), None),
            Err(error) => (FilingState::Failed, None, Some(error.to_owned())),
        };
        let (id, now) = (transaction_id.to_owned(), Utc::now().to_rfc3339());
        self.run(move |c| {
            c.execute(
                "UPDATE filings SET state = ?2, result = COALESCE(?3, result), error = ?4, claim_token = CASE WHEN ?2 = 'done' THEN NULL ELSE claim_token END, updated_at = ?5 WHERE transaction_id = ?1",
                params![id, state.as_str(), result, error, now],
            )
            .map(|_| ())
        })
        .await
    }
}

type Row = (String, String, String, String, Option<String>, Option<String>, Option<String>, String, String);

fn row_tuple(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?))
}

fn record(row: Row) -> Result<FilingRecord, JournalError> {
    let (transaction_id, plan, state, clerk, error, result, claim_token, started_at, updated_at) = row;
    let corrupt = || JournalError::Corrupt(transaction_id.clone());
    Ok(FilingRecord {
        plan: serde_json::from_str(&plan).map_err(|_| corrupt())?,
        state: FilingState::parse(&state).ok_or_else(corrupt)?,
        result: result.map(|r| serde_json::from_str(&r)).transpose().map_err(|_| corrupt())?,
        transaction_id,
        clerk,
        error,
        claim_token,
        started_at,
        updated_at,
    })
}
