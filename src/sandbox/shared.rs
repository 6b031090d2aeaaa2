//! The state every sandbox handler shares.

use crate::sandbox::file_content::FileContent;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use bytes::Bytes;

use super::credentials::Credentials;
use super::error::{ApiError, ApiResult};
use super::faults::Faults;
use super::outbox_state::OutboxState;
use super::persist::{PersistedState, Persister};
use super::tweb_state::TwebState;

/// Shared sandbox state behind the router.
#[derive(Debug)]
pub struct Shared {
    tweb: Mutex<TwebState>,
    outbox: Mutex<OutboxState>,
    contents: Mutex<HashMap<String, FileContent>>,
    persister: Option<Persister>,
    seq: AtomicU64,
    /// Fault injection.
    pub faults: Faults,
    /// Accepted credentials.
    pub credentials: Credentials,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A handler that panicked mid-update leaves plain data behind; keep serving it.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// Shared state from its parts.
    pub fn new(
        tweb: TwebState,
        outbox: OutboxState,
        contents: HashMap<String, FileContent>,
        persister: Option<Persister>,
        faults: Faults,
        credentials: Credentials,
    ) -> Self {
        Self {
            tweb: Mutex::new(tweb),
            outbox: Mutex::new(outbox),
            contents: Mutex::new(contents),
            persister,
            seq: AtomicU64::new(0),
            faults,
            credentials,
        }
    }

    /// TWeb's state, locked. Never hold it across an `.await`.
    pub fn tweb(&self) -> MutexGuard<'_, TwebState> {
        lock(&self.tweb)
    }

    /// The outbox, locked. Never hold it across an `.await`.
    pub fn outbox(&self) -> MutexGuard<'_, OutboxState> {
        lock(&self.outbox)
    }

    /// A stored document's content.
    pub fn content(&self, sha256: &str) -> Option<Bytes> {
        lock(&self.contents).get(sha256).map(FileContent::bytes)
    }

    /// Keeps a document's content (and writes it beside the state file).
    pub async fn store_content(&self, sha256: &str, bytes: Bytes) -> ApiResult<()> {
        lock(&self.contents).insert(sha256.to_owned(), FileContent::from(bytes.clone()));
        if let Some(persister) = &self.persister {
            persister.save_blob(sha256, bytes).await.map_err(|e| ApiError::internal(format!("{e:#}")))?;
        }
        Ok(())
    }

    /// Writes the state file after a change, when `--state` is in use.
    pub async fn save(&self) -> ApiResult<()> {
        let Some(persister) = &self.persister else { return Ok(()) };
        let (seq, json) = {
            let tweb = self.tweb();
            let outbox = self.outbox();
            let seq = self.seq.fetch_add(1, Ordering::SeqCst) + 1;
            let state = PersistedState::new(tweb.clone(), outbox.marks.clone());
            (seq, serde_json::to_vec_pretty(&state).map_err(|e| ApiError::internal(e.to_string()))?)
        };
        persister.save(seq, json).await.map_err(|e| {
            tracing::error!("saving the sandbox state failed: {e:#}");
            ApiError::internal(format!("the sandbox could not save its state: {e:#}"))
        })
    }

    /// How many cases, documents and assignments carry `external_ref` (tests prove no duplicates).
    pub fn count_external_ref(&self, external_ref: &str) -> (usize, usize, usize) {
        let tweb = self.tweb();
        let is = |r: &Option<String>| r.as_deref() == Some(external_ref);
        (
            tweb.cases.values().filter(|c| is(&c.external_ref)).count(),
            tweb.documents.values().filter(|d| is(&d.external_ref)).count(),
            tweb.assignments.values().filter(|a| is(&a.external_ref)).count(),
        )
    }
}
