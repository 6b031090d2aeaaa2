//! Transactions that could not be read from the outbox to be planned: kept, so that `--resume`
//! reads them again, until a filing of theirs begins or the outbox no longer has them.

use chrono::Utc;
use rusqlite::params;

use super::{Journal, JournalError};

/// A transaction the last try could not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// Transaction id.
    pub transaction_id: String,
    /// Why, as the technical chain says it.
    pub error: String,
    /// When (RFC 3339).
    pub at: String,
}

impl Journal {
    /// Records that transaction `id` could not be read, with what was said of it.
    pub async fn record_unread(&self, id: &str, told: &crate::plain::Told) -> Result<(), JournalError> {
        let (id, now) = (id.to_owned(), Utc::now().to_rfc3339());
        let (error, plain) = (told.detail.clone(), told.plain.to_json().to_string());
        self.run(move |c| {
            c.execute(
                "INSERT INTO unread (transaction_id, error, told, at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(transaction_id) DO UPDATE SET error = excluded.error, told = excluded.told, at = excluded.at",
                params![id, error, plain, now],
            )
            .map(|_| ())
        })
        .await
    }

    /// The transactions still to be read, oldest first.
    pub async fn unread(&self) -> Result<Vec<Unread>, JournalError> {
        self.run(|c| {
            let mut statement = c.prepare("SELECT transaction_id, error, at FROM unread ORDER BY at")?;
            statement
                .query_map([], |r| Ok(Unread { transaction_id: r.get(0)?, error: r.get(1)?, at: r.get(2)? }))?
                .collect()
        })
        .await
    }

    /// Forgets transaction `id` as unread (the outbox no longer has it, or it was planned).
    pub async fn forget_unread(&self, id: &str) -> Result<(), JournalError> {
        let id = id.to_owned();
        self.run(move |c| c.execute("DELETE FROM unread WHERE transaction_id = ?1", params![id]).map(|_| ())).await
    }
}
