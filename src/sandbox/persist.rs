//! `--state FILE`: the sandbox's mutable state saved across restarts with atomic writes. Document
//! contents are stored once each beside the file, in `FILE.blobs/<sha256>`.

use crate::sandbox::file_content::FileContent;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use bytes::Bytes;
use serde::{Deserialize, Serialize};

use super::outbox_state::OutboxMark;
use super::tweb_state::TwebState;

/// Format version of the state file.
const STATE_VERSION: u32 = 1;

/// Why the state could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum PersistError {
    /// Reading or writing a file failed.
    #[error("{action} {path}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The state file is not a sandbox state of this version.
    #[error("{path} is not a sandbox state file")]
    Format {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: serde_json::Error,
    },
    /// The state file is of another version.
    #[error("{path} has state version {found}, this sandbox reads version {STATE_VERSION}")]
    Version {
        /// The file.
        path: PathBuf,
        /// Its version.
        found: u32,
    },
    /// A blob file does not hold what its name says.
    #[error("document content {path} is damaged (its SHA-256 does not match its name)")]
    Blob {
        /// The file.
        path: PathBuf,
    },
    /// A background write task failed.
    #[error("the state writer stopped unexpectedly")]
    Task(#[from] tokio::task::JoinError),
}

/// What the state file holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PersistedState {
    /// Format version.
    pub version: u32,
    /// TWeb's cases, documents and assignments.
    pub tweb: TwebState,
    /// Outbox claims and completions by transaction id.
    pub outbox: BTreeMap<String, OutboxMark>,
}

impl PersistedState {
    /// A state of the current version.
    pub fn new(tweb: TwebState, outbox: BTreeMap<String, OutboxMark>) -> Self {
        Self { version: STATE_VERSION, tweb, outbox }
    }
}

/// A saved state and the document contents it refers to, by SHA-256.
pub type Saved = (PersistedState, HashMap<String, FileContent>);

/// Writes the state file and blobs; one write at a time, never an older state over a newer one.
#[derive(Debug)]
pub struct Persister {
    path: PathBuf,
    blobs: PathBuf,
    written: tokio::sync::Mutex<u64>,
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> PersistError {
    let path = path.to_owned();
    move |source| PersistError::Io { action, path, source }
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed, then renamed over it.
/// Each write has a temporary file of its own, so that writers of the same path never share one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), PersistError> {
    use std::io::Write;
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = path.with_extension(format!("tmp-{}-{n}", std::process::id()));
    let mut file = std::fs::File::create(&tmp).map_err(io("creating", &tmp))?;
    file.write_all(bytes).map_err(io("writing", &tmp))?;
    file.sync_all().map_err(io("flushing", &tmp))?;
    drop(file);
    std::fs::rename(&tmp, path).map_err(io("replacing", path))?;
    Ok(())
}

impl Persister {
    /// Opens `path`: returns the persister and, when the file exists, the state and blobs it holds.
    pub fn open(path: &Path) -> Result<(Self, Option<Saved>), PersistError> {
        let blobs = PathBuf::from(format!("{}.blobs", path.display()));
        std::fs::create_dir_all(&blobs).map_err(io("creating", &blobs))?;
        let persister = Self { path: path.to_owned(), blobs: blobs.clone(), written: tokio::sync::Mutex::new(0) };
        let text = match std::fs::read(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((persister, None)),
            Err(e) => return Err(io("reading", path)(e)),
        };
        let state: PersistedState =
            serde_json::from_slice(&text).map_err(|source| PersistError::Format { path: path.to_owned(), source })?;
        if state.version != STATE_VERSION {
            return Err(PersistError::Version { path: path.to_owned(), found: state.version });
        }
        let mut contents = HashMap::new();
        for document in state.tweb.documents.values() {
            if contents.contains_key(&document.sha256) {
                continue;
            }
            let file = blobs.join(&document.sha256);
            let bytes = std::fs::read(&file).map_err(io("reading", &file))?;
            if hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&bytes)) != document.sha256 {
                return Err(PersistError::Blob { path: file });
            }
            contents.insert(document.sha256.clone(), FileContent::from(bytes));
        }
        Ok((persister, Some((state, contents))))
    }

    /// Stores the contents a fresh state starts with (the seed's documents), before serving.
    pub fn save_blobs_now(&self, contents: &HashMap<String, FileContent>) -> Result<(), PersistError> {
        for (sha256, content) in contents {
            let path = self.blobs.join(sha256);
            if !path.exists() {
                write_atomic(&path, &content.bytes())?;
            }
        }
        Ok(())
    }

    /// Saves snapshot number `seq` unless a newer one has been saved already.
    pub async fn save(&self, seq: u64, json: Vec<u8>) -> Result<(), PersistError> {
        let mut written = self.written.lock().await;
        if seq <= *written {
            return Ok(());
        }
        let path = self.path.clone();
        tokio::task::spawn_blocking(move || write_atomic(&path, &json)).await??;
        *written = seq;
        Ok(())
    }

    /// Stores a document's content under its SHA-256 (once).
    pub async fn save_blob(&self, sha256: &str, bytes: Bytes) -> Result<(), PersistError> {
        let path = self.blobs.join(sha256);
        tokio::task::spawn_blocking(move || if path.exists() { Ok(()) } else { write_atomic(&path, &bytes) }).await?
    }
}
