//! Opening a journal: SQLite settings before the first write, the integrity check, a damaged file
//! moved aside, the schema migrations and the endpoint the journal belongs to.

use std::path::{Path, PathBuf};

use chrono::Utc;
use rusqlite::{Connection, ErrorCode, OptionalExtension, params};

use super::{Endpoint, JournalError};

/// The schema, one migration a version: version N is reached by running the first N. Version 1 is
/// the schema the first releases made (without `user_version`); never edit a migration, add one.
const MIGRATIONS: &[&str] = &[
    // 1: filings and their steps.
    "CREATE TABLE IF NOT EXISTS filings (
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
    );",
    // 2: who filed a transaction another clerk completed; the endpoint the journal belongs to.
    "ALTER TABLE filings ADD COLUMN filed_by TEXT;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    // 3: a filing the clerk cancelled is kept as 'interrupted', which older programs do not
    // read; the unfinished filings are found by their state.
    "CREATE INDEX filings_state ON filings (state);",
    // 4: what the clerk was told of a failed or interrupted filing, in plain words (a message id
    // and its arguments as JSON), so the failed view says the same after a restart.
    "ALTER TABLE filings ADD COLUMN told TEXT;",
    // 5: when a verified filing's personal data was removed (purge.rs).
    "ALTER TABLE filings ADD COLUMN purged_at TEXT;",
    // 6: transactions that could not be read from the outbox to be planned (unread.rs).
    "CREATE TABLE unread (
        transaction_id TEXT PRIMARY KEY,
        error TEXT NOT NULL,
        told TEXT NOT NULL,
        at TEXT NOT NULL
    );",
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Something said once when a journal was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JournalNotice {
    /// There was no journal: the history starts empty (the servers still know what was filed).
    Created(PathBuf),
    /// The journal was damaged; it was moved aside and a new one started.
    MovedAside {
        /// The journal.
        path: PathBuf,
        /// Where the damaged file now is.
        aside: PathBuf,
        /// What SQLite said of it.
        reason: String,
    },
    /// The journal was made by an older version and has been brought up to date.
    Migrated {
        /// The journal.
        path: PathBuf,
        /// The version it had.
        from: u32,
    },
}

impl std::fmt::Display for JournalNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Created(path) => write!(f, "a new filing journal was started at {}", path.display()),
            Self::MovedAside { path, aside, reason } => {
                // SQLite's integrity check lists every bad page: the first finding and the count.
                let mut findings = reason.lines().map(str::trim).filter(|l| !l.is_empty());
                let first = findings.next().unwrap_or("unreadable");
                let more = findings.count();
                let more = if more > 0 { format!(" and {more} more findings") } else { String::new() };
                write!(
                    f,
                    "the filing journal {} was damaged ({first}{more}); it was moved to {} and a new one started. \
                     What was filed is checked against TWeb and the outbox, so nothing is filed twice",
                    path.display(),
                    aside.display()
                )
            }
            Self::Migrated { path, from } => {
                write!(f, "the filing journal {} was updated from version {from} to {SCHEMA_VERSION}", path.display())
            }
        }
    }
}

enum Attempt {
    Opened(Connection, Vec<JournalNotice>),
    Damaged(String),
}

/// Turns a SQLite error into the journal error people can act on.
pub(super) fn classify(path: &Path, source: rusqlite::Error) -> JournalError {
    let path = path.to_owned();
    match source.sqlite_error_code() {
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            JournalError::Unwritable { path, source }
        }
        Some(ErrorCode::DiskFull) => JournalError::DiskFull { path, source },
        _ => JournalError::Sqlite { path, source },
    }
}

fn damage(error: &rusqlite::Error) -> Option<String> {
    matches!(error.sqlite_error_code(), Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase))
        .then(|| error.to_string())
}

/// Opens the journal at `path` for `endpoint`, moving a damaged file aside once.
pub(super) fn open(path: &Path, endpoint: Option<&Endpoint>) -> Result<(Connection, Vec<JournalNotice>), JournalError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| JournalError::Folder { path: parent.to_owned(), source })?;
    }
    match attempt_patiently(path, endpoint)? {
        Attempt::Opened(connection, notices) => Ok((connection, notices)),
        Attempt::Damaged(reason) => {
            let aside = move_aside(path)?;
            // The whole of SQLite's verdict (its integrity check may list many pages) for support;
            // the notice says it in one line, once.
            tracing::debug!(journal = %path.display(), aside = %aside.display(), %reason, "moved a damaged journal aside");
            match attempt_patiently(path, endpoint)? {
                Attempt::Opened(connection, mut notices) => {
                    notices.retain(|n| !matches!(n, JournalNotice::Created(_)));
                    notices.insert(0, JournalNotice::MovedAside { path: path.to_owned(), aside, reason });
                    Ok((connection, notices))
                }
                Attempt::Damaged(again) => Err(JournalError::Damaged { path: path.to_owned(), reason: again }),
            }
        }
    }
}

/// An in-memory journal with the current schema.
pub(super) fn open_in_memory() -> Result<Connection, JournalError> {
    let path = Path::new(":memory:");
    let mut connection = Connection::open_in_memory().map_err(|e| classify(path, e))?;
    migrate(&mut connection, path, None).map_err(|e| lift(path, e))?;
    Ok(connection)
}

/// Opens, waiting out another process that is opening the same journal: switching a fresh file
/// to WAL and the first migration take locks that SQLite's busy handler does not always wait for.
fn attempt_patiently(path: &Path, endpoint: Option<&Endpoint>) -> Result<Attempt, JournalError> {
    let busy = |e: &JournalError| {
        matches!(e, JournalError::Sqlite { source, .. } if matches!(
            source.sqlite_error_code(),
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
        ))
    };
    crate::paths::patiently(|| attempt(path, endpoint), busy)
}

fn attempt(path: &Path, endpoint: Option<&Endpoint>) -> Result<Attempt, JournalError> {
    let sqlite = |e| classify(path, e);
    let mut connection = Connection::open(path).map_err(sqlite)?;
    // Before anything that locks: a second process opening the same fresh journal waits its turn
    // instead of failing with "database is locked".
    connection.busy_timeout(std::time::Duration::from_secs(10)).map_err(sqlite)?;
    match connection.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0)) {
        Ok(verdict) if verdict == "ok" => {}
        Ok(verdict) => return Ok(Attempt::Damaged(verdict)),
        Err(e) => return damage(&e).map(Attempt::Damaged).ok_or_else(|| sqlite(e)),
    }
    match connection.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0)) {
        Ok(_) => {}
        Err(e) => return damage(&e).map(Attempt::Damaged).ok_or_else(|| sqlite(e)),
    }
    // NORMAL in WAL mode survives a crash of the process; after a power cut the last steps may be
    // lost, and the engine then finds their objects by external ref instead of creating them again.
    connection.pragma_update(None, "synchronous", "NORMAL").map_err(sqlite)?;
    match migrate(&mut connection, path, endpoint) {
        Ok(notices) => Ok(Attempt::Opened(connection, notices)),
        Err(Migration::Sqlite(e)) if damage(&e).is_some() => Ok(Attempt::Damaged(e.to_string())),
        Err(other) => Err(lift(path, other)),
    }
}

enum Migration {
    Sqlite(rusqlite::Error),
    Newer(u32),
    OtherEndpoint(String),
}

impl From<rusqlite::Error> for Migration {
    fn from(e: rusqlite::Error) -> Self {
        Self::Sqlite(e)
    }
}

fn lift(path: &Path, error: Migration) -> JournalError {
    match error {
        Migration::Sqlite(e) => classify(path, e),
        Migration::Newer(version) => JournalError::Newer { path: path.to_owned(), version },
        Migration::OtherEndpoint(recorded) => JournalError::OtherEndpoint { path: path.to_owned(), recorded },
    }
}

/// Brings the schema up to date and checks (or records) the endpoint, in one write transaction:
/// a journal that cannot be written fails here, before anything is claimed.
fn migrate(
    connection: &mut Connection,
    path: &Path,
    endpoint: Option<&Endpoint>,
) -> Result<Vec<JournalNotice>, Migration> {
    let transaction = connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let version: u32 = transaction.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let had_tables: bool = transaction.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'filings')",
        [],
        |r| r.get(0),
    )?;
    if version > SCHEMA_VERSION {
        return Err(Migration::Newer(version));
    }
    let mut notices = Vec::new();
    // The first releases made version 1 without setting user_version.
    let from = if version == 0 && had_tables { 1 } else { version };
    if !had_tables {
        notices.push(JournalNotice::Created(path.to_owned()));
    } else if from < SCHEMA_VERSION {
        notices.push(JournalNotice::Migrated { path: path.to_owned(), from });
    }
    for migration in MIGRATIONS.iter().skip(from as usize) {
        transaction.execute_batch(migration)?;
    }
    transaction.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    if let Some(endpoint) = endpoint {
        let recorded: Option<String> =
            transaction.query_row("SELECT value FROM meta WHERE key = 'endpoint'", [], |r| r.get(0)).optional()?;
        match recorded {
            Some(recorded) if recorded != endpoint.identity() => return Err(Migration::OtherEndpoint(recorded)),
            _ => {}
        }
        transaction.execute(
            "INSERT INTO meta (key, value) VALUES ('endpoint', ?1) ON CONFLICT(key) DO NOTHING",
            params![endpoint.identity()],
        )?;
    }
    transaction.execute(
        "INSERT INTO meta (key, value) VALUES ('opened_at', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![Utc::now().to_rfc3339()],
    )?;
    transaction.commit()?;
    Ok(notices)
}

/// Moves a damaged journal and its WAL files aside, named with the time.
fn move_aside(path: &Path) -> Result<PathBuf, JournalError> {
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
    let aside = path.with_extension(format!("damaged-{stamp}.sqlite"));
    std::fs::rename(path, &aside).map_err(|source| JournalError::MoveAside { path: path.to_owned(), source })?;
    for suffix in ["-wal", "-shm"] {
        let mut companion = path.as_os_str().to_owned();
        companion.push(suffix);
        let mut moved = aside.as_os_str().to_owned();
        moved.push(suffix);
        let _ = std::fs::rename(PathBuf::from(companion), PathBuf::from(moved));
    }
    Ok(aside)
}

#[cfg(test)]
mod tests {
    /// No SQL can load native code into the desk, whatever SQLite's build options (the project's
    /// build leaves extension loading out altogether: `tests/profiles.rs`).
    #[test]
    fn the_journal_cannot_load_an_extension() {
        let connection = super::open_in_memory().expect("a journal in memory");
        let loaded = connection.query_row("SELECT load_extension('/nonexistent/x')", [], |row| row.get::<_, String>(0));
        assert!(loaded.is_err(), "{loaded:?}");
    }
}
