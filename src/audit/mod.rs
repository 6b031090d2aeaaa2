//! The access log (tiedonhallintalaki 17 §): an append-only record of every use and disclosure of
//! a transaction's personal data, who did it (the OS account and the TWeb user, never typed),
//! where, when and with what result. It is not the technical log: it holds no form values and no
//! henkilötunnus, only the transaction's id and service.
//!
//! SQLite (`access-log.sqlite` in the machine's data folder), written with a full sync before the
//! action goes on: an entry that was acknowledged survives a crash, and an entry that cannot be
//! written stops the action. Each entry carries the hash of the one before it, so
//! [`AccessLog::verify`] finds the first entry that was changed, removed or reordered; triggers
//! refuse updates and deletes made through SQLite.

mod entry;
pub mod eventlog;
pub mod journald;
mod query;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, params};

pub use entry::{Action, Actor, Entry, Event, GENESIS, workstation};
pub use query::{Filter, Tamper, csv};

/// The access log's file name in the data folder.
pub const FILE_NAME: &str = "access-log.sqlite";

/// Why the access log could not be used. Each stops the action it was to record.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    /// The log cannot be written: read-only, no permission.
    #[error("the access log {path} cannot be written")]
    Unwritable {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: rusqlite::Error,
    },
    /// The disk is full (or fails to write).
    #[error("the disk holding the access log {path} is full or cannot be written")]
    DiskFull {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: rusqlite::Error,
    },
    /// Any other SQLite failure.
    #[error("the access log {path} could not be used")]
    Sqlite {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: rusqlite::Error,
    },
    /// The worker writing the entry ended without an answer.
    #[error("the access log {path} was not written: its writer ended without an answer")]
    Lost {
        /// The file.
        path: PathBuf,
    },
    /// Its folder could not be made.
    #[error("the folder {path} of the access log could not be made")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

impl crate::plain::Explain for AuditError {
    fn plain(&self) -> crate::plain::Plain {
        use crate::plain::Plain;
        match self {
            Self::Unwritable { path, .. } => Plain::new("audit-unwritable").text("path", path.display().to_string()),
            Self::DiskFull { path, .. } => Plain::new("audit-disk-full").text("path", path.display().to_string()),
            Self::Sqlite { path, .. } | Self::Folder { path, .. } | Self::Lost { path } => {
                Plain::new("audit-failed").text("path", path.display().to_string())
            }
        }
    }
}

/// The access log of one data folder; clones share the connection.
#[derive(Debug, Clone)]
pub struct AccessLog {
    path: PathBuf,
    connection: Arc<Mutex<Connection>>,
    /// Whether each entry also goes to the system journal or the Windows Event Log.
    copies: bool,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS entries (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    os_user TEXT NOT NULL,
    tweb_user TEXT,
    workstation TEXT NOT NULL,
    action TEXT NOT NULL,
    transaction_id TEXT NOT NULL,
    service TEXT,
    result TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_transaction ON entries (transaction_id);
CREATE TRIGGER IF NOT EXISTS entries_no_update BEFORE UPDATE ON entries
    BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS entries_no_delete BEFORE DELETE ON entries
    BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
";

/// Two handles are the same log when they write the same file.
impl PartialEq for AccessLog {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
    }
}

impl Eq for AccessLog {}

impl AccessLog {
    /// `access-log.sqlite` in `data_dir`.
    pub fn path_in(data_dir: &Path) -> PathBuf {
        data_dir.join(FILE_NAME)
    }

    /// Opens (or makes) the log at `path`, waiting out another process that is making it: switching
    /// a fresh file to WAL takes a lock that SQLite's busy handler does not always wait for.
    pub fn open(path: &Path) -> Result<Self, AuditError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| AuditError::Folder { path: dir.to_owned(), source })?;
        }
        let busy = |e: &AuditError| {
            matches!(e, AuditError::Sqlite { source, .. } if matches!(
                source.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ))
        };
        crate::paths::patiently(|| Self::attempt(path), busy)
    }

    fn attempt(path: &Path) -> Result<Self, AuditError> {
        let failed = |source| classify(path, source);
        let connection = Connection::open(path).map_err(failed)?;
        connection.busy_timeout(std::time::Duration::from_secs(10)).map_err(failed)?;
        // Every append is synced to the disk before the action it records goes on.
        connection.pragma_update(None, "journal_mode", "WAL").map_err(failed)?;
        connection.pragma_update(None, "synchronous", "FULL").map_err(failed)?;
        connection.execute_batch(SCHEMA).map_err(failed)?;
        Ok(Self { path: path.to_owned(), connection: Arc::new(Mutex::new(connection)), copies: true })
    }

    /// A log in memory only, for a journal in memory (the demo's made-up citizens, tests).
    pub fn in_memory() -> Result<Self, AuditError> {
        let path = PathBuf::from(":memory:");
        let failed = |source| classify(&path, source);
        let connection = Connection::open_in_memory().map_err(failed)?;
        connection.execute_batch(SCHEMA).map_err(failed)?;
        Ok(Self { path: path.clone(), connection: Arc::new(Mutex::new(connection)), copies: false })
    }

    /// The same log, its entries kept in the file only: the demo's made-up citizens do not belong
    /// where the municipality collects the logs of real ones.
    #[must_use]
    pub fn without_copies(mut self) -> Self {
        self.copies = false;
        self
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `event` done by `actor` now; returns the entry once it is on the disk. Blocking.
    pub fn append(&self, actor: &Actor, event: &Event) -> Result<Entry, AuditError> {
        let mut connection = self.connection.lock().unwrap_or_else(PoisonError::into_inner);
        let failed = |source| classify(&self.path, source);
        // IMMEDIATE: another process appending at the same time waits, so the chain stays one.
        let tx = connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(failed)?;
        let last: Option<(i64, String)> = tx
            .query_row("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(failed)?;
        let (seq, prev) = last.map_or((1, GENESIS.to_owned()), |(seq, hash)| (seq + 1, hash));
        let entry = Entry::new(seq, Utc::now(), actor, event, &prev);
        tx.execute(
            "INSERT INTO entries (seq, at, os_user, tweb_user, workstation, action, transaction_id, service, result, detail, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                entry.seq,
                entry.at,
                entry.os_user,
                entry.tweb_user,
                entry.workstation,
                entry.action,
                entry.transaction,
                entry.service,
                entry.result,
                entry.detail,
                entry.prev_hash,
                entry.hash
            ],
        )
        .map_err(failed)?;
        tx.commit().map_err(failed)?;
        if self.copies {
            journald::send(&entry);
            eventlog::send(&entry);
        }
        Ok(entry)
    }

    /// Every entry in the order stored (by sequence number).
    pub fn entries(&self) -> Result<Vec<Entry>, AuditError> {
        let connection = self.connection.lock().unwrap_or_else(PoisonError::into_inner);
        let failed = |source| classify(&self.path, source);
        let mut statement = connection
            .prepare(
                "SELECT seq, at, os_user, tweb_user, workstation, action, transaction_id, service, result, detail, prev_hash, hash
                 FROM entries ORDER BY rowid",
            )
            .map_err(failed)?;
        let rows = statement
            .query_map([], |r| {
                Ok(Entry {
                    seq: r.get(0)?,
                    at: r.get(1)?,
                    os_user: r.get(2)?,
                    tweb_user: r.get(3)?,
                    workstation: r.get(4)?,
                    action: r.get(5)?,
                    transaction: r.get(6)?,
                    service: r.get(7)?,
                    result: r.get(8)?,
                    detail: r.get(9)?,
                    prev_hash: r.get(10)?,
                    hash: r.get(11)?,
                })
            })
            .map_err(failed)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(failed)
    }

    /// Checks the chain: `Ok(n)` with the number of entries when it is whole, else the first
    /// entry that was changed, removed or reordered.
    pub fn verify(&self) -> Result<Result<usize, Tamper>, AuditError> {
        Ok(query::verify(&self.entries()?))
    }
}

/// A filing's receipt for the log, without personal data: the diary number and the ids of what
/// was made (`case 123/02.05.01/2026 (4711); documents 10133, 10134; assignment 10135`).
pub fn receipt(result: &crate::contract::outbox::FilingResult) -> String {
    let mut parts = Vec::new();
    if let Some(diary) = &result.diary_number {
        parts.push(match result.case_id {
            Some(id) => format!("case {diary} ({id})"),
            None => format!("case {diary}"),
        });
    } else if let Some(id) = result.case_id {
        parts.push(format!("case {id}"));
    }
    if !result.document_ids.is_empty() {
        let ids: Vec<String> = result.document_ids.iter().map(ToString::to_string).collect();
        parts.push(format!("documents {}", ids.join(", ")));
    }
    if let Some(id) = result.assignment_id {
        parts.push(format!("assignment {id}"));
    }
    parts.join("; ")
}

/// The access log with the actor of one connection: what the desk's and the export's actions write
/// through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorder {
    /// The log.
    pub log: AccessLog,
    /// Who acts.
    pub actor: Actor,
}

impl Recorder {
    /// Appends `event` (blocking: a full sync).
    pub fn record(&self, event: &Event) -> Result<Entry, AuditError> {
        self.log.append(&self.actor, event)
    }

    /// Appends `event` off the async runtime's threads; the action it records goes on only
    /// after this returns `Ok`.
    pub async fn record_async(&self, event: Event) -> Result<Entry, AuditError> {
        let recorder = self.clone();
        match tokio::task::spawn_blocking(move || recorder.record(&event)).await {
            Ok(result) => result,
            Err(e) => {
                tracing::error!("the access log's writer ended: {e}");
                Err(AuditError::Lost { path: self.log.path.clone() })
            }
        }
    }
}

fn classify(path: &Path, source: rusqlite::Error) -> AuditError {
    use rusqlite::ErrorCode;
    let code = match &source {
        rusqlite::Error::SqliteFailure(e, _) => Some(e.code),
        _ => None,
    };
    match code {
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied | ErrorCode::CannotOpen) => {
            AuditError::Unwritable { path: path.to_owned(), source }
        }
        // A full disk often shows as an I/O error (the shared-memory file cannot grow).
        Some(ErrorCode::DiskFull | ErrorCode::SystemIoFailure) => {
            AuditError::DiskFull { path: path.to_owned(), source }
        }
        _ => AuditError::Sqlite { path: path.to_owned(), source },
    }
}

#[cfg(test)]
mod tests;
