//! Storage limitation (tiedonhallintalaki 21 §, GDPR art. 5(1)(e)): a set number of days after a
//! filing was verified (the outbox recorded it, by this clerk or another), the personal data of
//! its plan and receipt leaves the journal: the case title (which holds the citizen's name), the
//! assignment's subject and message, the documents' titles, and what was said of it. The
//! transaction id, the states, the diary number and the ids of what was made stay, so a filing
//! is never made twice. The old contents are overwritten (`secure_delete`) and the write-ahead
//! log emptied, so they are in no file of the data folder afterwards.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::{Journal, JournalError, open};

/// The keys whose values carry personal data, in a plan or a receipt.
const PERSONAL: &[&str] = &["title", "case_title", "subject", "message"];

/// `value` with every [`PERSONAL`] string emptied (and optional ones nulled), at any depth.
fn redacted(mut value: serde_json::Value) -> serde_json::Value {
    fn walk(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, inner) in map.iter_mut() {
                    if PERSONAL.contains(&key.as_str()) {
                        if inner.is_string() {
                            *inner = serde_json::Value::String(String::new());
                        }
                    } else {
                        walk(inner);
                    }
                }
                // An optional value is left out rather than kept empty.
                for key in ["case_title", "message"] {
                    if map.get(key).is_some_and(|v| v.as_str() == Some("")) {
                        map.insert(key.to_owned(), serde_json::Value::Null);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut value);
    value
}

fn redact_text(text: &str) -> String {
    serde_json::from_str::<serde_json::Value>(text)
        .map(|v| redacted(v).to_string())
        // Text that is not JSON cannot be sorted into kept and removed: all of it goes.
        .unwrap_or_else(|_| "{}".to_owned())
}

/// Purges on `connection`; the transactions purged (or, with `dry_run`, that would be).
fn purge_on(connection: &Connection, before: DateTime<Utc>, dry_run: bool) -> rusqlite::Result<Vec<String>> {
    let cutoff = before.to_rfc3339();
    let rows: Vec<(String, String, Option<String>)> = {
        let mut statement = connection.prepare(
            "SELECT transaction_id, plan, result FROM filings
             WHERE state IN ('done', 'filed_by_other') AND updated_at < ?1 AND purged_at IS NULL
             ORDER BY updated_at",
        )?;
        statement.query_map(params![cutoff], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<_, _>>()?
    };
    let ids: Vec<String> = rows.iter().map(|(id, _, _)| id.clone()).collect();
    if dry_run || rows.is_empty() {
        return Ok(ids);
    }
    // Freed and overwritten contents are zeroed, not left in the file's free pages.
    connection.pragma_update(None, "secure_delete", "ON")?;
    let now = Utc::now().to_rfc3339();
    let transaction = connection.unchecked_transaction()?;
    for (id, plan, result) in &rows {
        transaction.execute(
            "UPDATE filings SET plan = ?2, result = ?3, error = NULL, told = NULL, purged_at = ?4 WHERE transaction_id = ?1",
            params![id, redact_text(plan), result.as_deref().map(redact_text), now],
        )?;
    }
    transaction.commit()?;
    // Rows rewritten before (each filing's steps) left old copies in the pages' free space, and
    // the write-ahead log holds the old pages: the file is rebuilt, then the log emptied.
    connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    connection.execute_batch("VACUUM")?;
    connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(ids)
}

impl Journal {
    /// Removes the personal data of the filings verified before `before` (see the module); the
    /// transactions purged, or with `dry_run` those that would be. Blocking.
    pub fn purge_blocking(&self, before: DateTime<Utc>, dry_run: bool) -> Result<Vec<String>, JournalError> {
        let connection = self.connection.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        purge_on(&connection, before, dry_run).map_err(|source| open::classify(&self.path, source))
    }

    /// Purges the journal file at `path`, whichever servers it belongs to (`kirjaamo purge`).
    /// Blocking.
    pub fn purge_file(path: &Path, before: DateTime<Utc>, dry_run: bool) -> Result<Vec<String>, JournalError> {
        let (connection, _) = open::open(path, None)?;
        purge_on(&connection, before, dry_run).map_err(|source| open::classify(path, source))
    }
}

#[cfg(test)]
mod tests {
    use super::redacted;

    #[test]
    fn titles_subjects_and_messages_go_and_ids_states_and_types_stay() {
        let plan = serde_json::json!({
            "transaction_id": "TX-2026-000001",
            "target": { "new_case": { "case_group": "02.05.01", "title": "Terassilupa – Virtanen Matti", "submitter_party": true } },
            "assignment": { "subject": "Käsittele: Virtanen Matti", "message": "Hakija Virtanen", "due_date": null },
            "documents": [{ "id": 10133, "title": "Matti_Virtanen_passi.pdf", "document_type": "liite" }],
            "case_title": "Terassilupa – Virtanen Matti",
            "diary_number": "13/02.05.01/2026",
        });
        let text = redacted(plan).to_string();
        assert!(!text.contains("Virtanen"), "{text}");
        for kept in ["TX-2026-000001", "02.05.01", "10133", "liite", "13/02.05.01/2026", "submitter_party"] {
            assert!(text.contains(kept), "{kept}: {text}");
        }
        assert!(text.contains("\"message\":null") && text.contains("\"case_title\":null"), "{text}");
    }
}
