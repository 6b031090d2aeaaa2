//! Malware scanning of citizens' attachments before anyone opens, previews, copies or files them.
//!
//! A connection names its scanner ([`ScannerChoice`]): ClamAV's clamd ([`clamd`]), the installed
//! Windows antivirus through AMSI ([`amsi`]), or none, chosen explicitly. A profile that names none
//! has no scanner at all, and then no attachment is opened or filed: the safe default. The
//! [`Scanner`] remembers each verdict by the file's SHA-256 and the scanner's signature database
//! version, so a file is scanned once per database.

pub mod amsi;
mod choice;
pub mod clamd;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;
use futures_util::StreamExt;
use futures_util::future::BoxFuture;
use futures_util::stream::BoxStream;
use sha2::{Digest, Sha256};

pub use choice::{ChoiceError, ScannerChoice};

/// A file's bytes as they are read, in chunks.
pub type Body = BoxStream<'static, std::io::Result<Bytes>>;

/// What scanning a file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing found.
    Clean,
    /// Malware, by the scanner's signature name (e.g. `Win.Test.EICAR_HDB-1`).
    Infected {
        /// The signature.
        signature: String,
    },
    /// Not scanned: the connection's profile turned scanning off explicitly.
    Off,
}

/// Why a file was not scanned. Never "clean": whatever was not scanned is not opened or filed.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// The connection names no scanner.
    #[error("no virus scanner is chosen for this connection")]
    NotConfigured,
    /// The scanner could not be reached.
    #[error("the virus scanner at {address} cannot be reached")]
    Unreachable {
        /// Where it was looked for.
        address: String,
        /// The connection's error.
        #[source]
        source: std::io::Error,
    },
    /// The connection broke while the file was being sent, before an answer.
    #[error(
        "the virus scanner at {address} closed the connection before answering (the file may be over its size limit)"
    )]
    Cut {
        /// The scanner.
        address: String,
        /// The connection's error.
        #[source]
        source: std::io::Error,
    },
    /// The scanner did not answer in time.
    #[error("the virus scanner at {address} did not answer within {seconds} s")]
    TimedOut {
        /// The scanner.
        address: String,
        /// The time allowed.
        seconds: u64,
    },
    /// The file is over the size the scanner takes (clamd's `StreamMaxLength`).
    #[error("the file is larger than the virus scanner at {address} takes: it was not scanned")]
    TooLarge {
        /// The scanner.
        address: String,
    },
    /// The scanner answered something other than a verdict.
    #[error("the virus scanner answered {answer:?}")]
    Refused {
        /// Its answer.
        answer: String,
    },
    /// The Windows antivirus interface cannot be used on this machine.
    #[error("the Windows antivirus interface (AMSI) is not available: {reason}")]
    AmsiUnavailable {
        /// Why, as Windows or this build says it.
        reason: String,
    },
    /// The file could not be read to be scanned.
    #[error("the file could not be read for scanning")]
    Source(#[source] std::io::Error),
    /// The bytes scanned are not the ones the outbox lists.
    #[error("the bytes scanned are not the ones the outbox lists (SHA-256 {found}, listed {expected})")]
    Checksum {
        /// The SHA-256 the outbox lists.
        expected: String,
        /// The SHA-256 of what was scanned.
        found: String,
    },
}

/// One way to scan: a scanner program or interface.
pub trait Scan: Send + Sync + std::fmt::Debug {
    /// The scanner as IT names it, e.g. `clamd 127.0.0.1:3310`.
    fn describe(&self) -> String;
    /// The engine and signature database version: a verdict is remembered for as long as it holds.
    fn version(&self) -> BoxFuture<'_, Result<String, ScanError>>;
    /// Scans `body`, streamed in chunks.
    fn scan(&self, body: Body) -> BoxFuture<'_, Result<Verdict, ScanError>>;
}

/// What the desk's top bar says of scanning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScannerStatus {
    /// Turned off explicitly: "virustarkistus pois".
    Off,
    /// No scanner is chosen: nothing with attachments can be opened or filed.
    NotConfigured,
    /// Scanning with this scanner.
    On(String),
}

type Verdicts = HashMap<(String, String), Verdict>;

/// Files one scanner scans at once, from every filing and the desk together: clamd scans each on
/// a thread of its own (ten by default) and queues the rest.
pub const SCANS_AT_ONCE: usize = 8;

/// A connection's scanner with its memory of verdicts; clones share both.
#[derive(Debug, Clone)]
pub struct Scanner {
    choice: ScannerChoice,
    engine: Option<Arc<dyn Scan>>,
    verdicts: Arc<Mutex<Verdicts>>,
    slots: Arc<tokio::sync::Semaphore>,
}

impl PartialEq for Scanner {
    fn eq(&self, other: &Self) -> bool {
        self.choice == other.choice
    }
}

impl Eq for Scanner {}

impl Scanner {
    /// The scanner `choice` names.
    pub fn new(choice: ScannerChoice) -> Self {
        let engine: Option<Arc<dyn Scan>> = match &choice {
            ScannerChoice::NotConfigured | ScannerChoice::Off => None,
            ScannerChoice::Clamd { address, timeout } => Some(Arc::new(clamd::Clamd::new(address.clone(), *timeout))),
            ScannerChoice::Amsi => Some(Arc::new(amsi::Amsi)),
        };
        Self { choice, engine, verdicts: Arc::default(), slots: Arc::new(tokio::sync::Semaphore::new(SCANS_AT_ONCE)) }
    }

    /// Scanning turned off explicitly.
    pub fn off() -> Self {
        Self::new(ScannerChoice::Off)
    }

    /// What it is.
    pub fn choice(&self) -> &ScannerChoice {
        &self.choice
    }

    /// What the top bar says.
    pub fn status(&self) -> ScannerStatus {
        match (&self.choice, &self.engine) {
            (ScannerChoice::Off, _) => ScannerStatus::Off,
            (_, Some(engine)) => ScannerStatus::On(engine.describe()),
            (_, None) => ScannerStatus::NotConfigured,
        }
    }

    /// Whether the scanner answers, for the connection check: its version, or `None` when
    /// scanning is off by choice.
    pub async fn ping(&self) -> Result<Option<String>, ScanError> {
        match &self.engine {
            Some(engine) => engine.version().await.map(Some),
            None if self.choice == ScannerChoice::Off => Ok(None),
            None => Err(ScanError::NotConfigured),
        }
    }

    /// The verdict on the file of `sha256` whose bytes `body` reads: remembered, or scanned now
    /// (then the bytes must hash to `sha256`, so the file filed later, which TWeb checks against
    /// the same hash, is the file scanned). `Verdict::Off` without reading when scanning is off.
    pub async fn check<F>(&self, sha256: &str, body: F) -> Result<Checked, ScanError>
    where
        F: FnOnce() -> BoxFuture<'static, Result<Body, ScanError>>,
    {
        let Some(engine) = &self.engine else {
            return match self.choice {
                ScannerChoice::Off => Ok(Checked { verdict: Verdict::Off, fresh: false }),
                _ => Err(ScanError::NotConfigured),
            };
        };
        let version = engine.version().await?;
        let key = (sha256.to_ascii_lowercase(), version);
        if let Some(verdict) = self.verdicts.lock().unwrap_or_else(PoisonError::into_inner).get(&key) {
            return Ok(Checked { verdict: verdict.clone(), fresh: false });
        }
        // The semaphore is never closed; without a permit the scan waits for none.
        let _slot = self.slots.acquire().await.ok();
        let hasher = Arc::new(Mutex::new(Sha256::new()));
        let seen = Arc::clone(&hasher);
        let body = body().await?.inspect(move |chunk| {
            if let Ok(chunk) = chunk {
                seen.lock().unwrap_or_else(PoisonError::into_inner).update(chunk);
            }
        });
        let verdict = engine.scan(body.boxed()).await?;
        let found = hex::encode(hasher.lock().unwrap_or_else(PoisonError::into_inner).clone().finalize());
        if !found.eq_ignore_ascii_case(&key.0) {
            return Err(ScanError::Checksum { expected: key.0, found });
        }
        self.verdicts.lock().unwrap_or_else(PoisonError::into_inner).insert(key, verdict.clone());
        Ok(Checked { verdict, fresh: true })
    }
}

/// A verdict, and whether it was found now (a remembered one was logged when it was found).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The verdict.
    pub verdict: Verdict,
    /// Scanned now rather than remembered.
    pub fresh: bool,
}

/// A body of bytes already in memory (a test's, or a PDF's), in one chunk.
pub fn body_of(bytes: Bytes) -> Body {
    futures_util::stream::once(async move { Ok(bytes) }).boxed()
}

impl crate::plain::Explain for ScanError {
    fn plain(&self) -> crate::plain::Plain {
        use crate::plain::Plain;
        match self {
            Self::NotConfigured => Plain::new("scan-not-configured"),
            Self::Unreachable { address, .. } | Self::Cut { address, .. } => {
                Plain::new("scan-unreachable").text("address", address.clone())
            }
            Self::TimedOut { address, seconds } => Plain::new("scan-timed-out")
                .text("address", address.clone())
                .number("seconds", usize::try_from(*seconds).unwrap_or(usize::MAX)),
            Self::TooLarge { .. } => Plain::new("scan-too-large"),
            Self::Refused { .. } => Plain::new("scan-refused"),
            Self::AmsiUnavailable { .. } => Plain::new("scan-amsi-unavailable"),
            Self::Source(_) | Self::Checksum { .. } => Plain::new("scan-source"),
        }
    }
}
