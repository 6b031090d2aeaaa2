//! ClamAV's clamd, over TCP or a Unix socket, with the `INSTREAM` protocol: the file is streamed
//! in chunks, never held whole in memory (clamav-client). A file over clamd's `StreamMaxLength` is
//! answered "size limit exceeded", and is not scanned; never clean.

use std::path::PathBuf;
use std::time::Duration;

use futures_util::FutureExt;
use futures_util::future::BoxFuture;

use super::{Body, Scan, ScanError, Verdict};

/// Bytes sent in one INSTREAM chunk.
const CHUNK: usize = 64 * 1024;

/// Where clamd listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// `host:port`.
    Tcp(String),
    /// A Unix socket (not on Windows).
    Unix(PathBuf),
}

impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Tcp(place) => f.write_str(place),
            Self::Unix(path) => write!(f, "{}", path.display()),
        }
    }
}

/// A clamd.
#[derive(Debug, Clone)]
pub struct Clamd {
    address: Address,
    timeout: Duration,
}

/// What clamd's answer to INSTREAM says.
pub fn verdict_of(answer: &[u8], address: &Address) -> Result<Verdict, ScanError> {
    let text = String::from_utf8_lossy(answer);
    let text = text.trim_end_matches(['\0', '\n']).trim();
    let body = text.strip_prefix("stream:").map(str::trim);
    match body {
        Some("OK") => Ok(Verdict::Clean),
        Some(found) if found.ends_with(" FOUND") => {
            let signature = found.trim_end_matches(" FOUND").trim().to_owned();
            Ok(Verdict::Infected { signature })
        }
        _ if text.contains("size limit exceeded") => Err(ScanError::TooLarge { address: address.to_string() }),
        _ => Err(ScanError::Refused { answer: text.to_owned() }),
    }
}

impl Clamd {
    /// A clamd at `address`, allowed `timeout` for one file.
    pub fn new(address: Address, timeout: Duration) -> Self {
        Self { address, timeout }
    }

    async fn within<T>(&self, work: impl Future<Output = Result<T, ScanError>>) -> Result<T, ScanError> {
        tokio::time::timeout(self.timeout, work).await.unwrap_or_else(|_| {
            Err(ScanError::TimedOut { address: self.address.to_string(), seconds: self.timeout.as_secs().max(1) })
        })
    }

    async fn version_now(&self) -> Result<String, ScanError> {
        let unreachable = |source| ScanError::Unreachable { address: self.address.to_string(), source };
        let answer = match &self.address {
            Address::Tcp(place) => {
                clamav_client::tokio::get_version(clamav_client::tokio::Tcp { host_address: place.as_str() }).await
            }
            #[cfg(unix)]
            Address::Unix(path) => {
                clamav_client::tokio::get_version(clamav_client::tokio::Socket { socket_path: path.as_path() }).await
            }
            #[cfg(not(unix))]
            Address::Unix(_) => Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "no Unix sockets here")),
        }
        .map_err(unreachable)?;
        let version = String::from_utf8_lossy(&answer).trim_end_matches(['\0', '\n']).trim().to_owned();
        if version.is_empty() {
            return Err(ScanError::Refused { answer: version });
        }
        Ok(version)
    }

    async fn scan_now(&self, body: Body) -> Result<Verdict, ScanError> {
        let address = self.address.to_string();
        let answer = match &self.address {
            Address::Tcp(place) => {
                let connection = clamav_client::tokio::Tcp { host_address: place.as_str() };
                clamav_client::tokio::scan_stream(body, connection, Some(CHUNK)).await
            }
            #[cfg(unix)]
            Address::Unix(path) => {
                let connection = clamav_client::tokio::Socket { socket_path: path.as_path() };
                clamav_client::tokio::scan_stream(body, connection, Some(CHUNK)).await
            }
            #[cfg(not(unix))]
            Address::Unix(_) => Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "no Unix sockets here")),
        };
        use std::io::ErrorKind;
        match answer {
            Ok(answer) => verdict_of(&answer, &self.address),
            Err(source) if source.kind() == ErrorKind::Other && source.get_ref().is_some() => {
                Err(ScanError::Source(source))
            }
            // Not there at all: "cannot be reached", not a cut transfer.
            Err(source)
                if matches!(
                    source.kind(),
                    ErrorKind::ConnectionRefused | ErrorKind::NotFound | ErrorKind::AddrNotAvailable
                ) =>
            {
                Err(ScanError::Unreachable { address, source })
            }
            Err(source) => Err(ScanError::Cut { address, source }),
        }
    }
}

impl Scan for Clamd {
    fn describe(&self) -> String {
        format!("clamd {}", self.address)
    }

    fn version(&self) -> BoxFuture<'_, Result<String, ScanError>> {
        self.within(self.version_now()).boxed()
    }

    fn scan(&self, body: Body) -> BoxFuture<'_, Result<Verdict, ScanError>> {
        self.within(self.scan_now(body)).boxed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamd_s_answers_are_read_as_verdicts_and_never_a_doubt_as_clean() {
        let at = Address::Tcp("127.0.0.1:3310".to_owned());
        assert_eq!(verdict_of(b"stream: OK\0", &at).ok(), Some(Verdict::Clean));
        let found = verdict_of(b"stream: Win.Test.EICAR_HDB-1 FOUND\0", &at).ok();
        assert_eq!(found, Some(Verdict::Infected { signature: "Win.Test.EICAR_HDB-1".to_owned() }));
        assert!(matches!(verdict_of(b"INSTREAM size limit exceeded. ERROR\0", &at), Err(ScanError::TooLarge { .. })));
        for doubtful in [&b""[..], b"stream: ERROR\0", b"OK", b"stream: OK FOUND?\0", b"UNKNOWN COMMAND\0"] {
            assert!(verdict_of(doubtful, &at).is_err_and(|e| !matches!(e, ScanError::TooLarge { .. })), "{doubtful:?}");
        }
    }
}
