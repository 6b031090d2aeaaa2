//! The scanner a connection names, as IT writes it in the profile, the central configuration or
//! on the command line (`--scanner`): `clamd://127.0.0.1:3310`, `clamd:///run/clamav/clamd.ctl`
//! (a Unix socket), `amsi` (the Windows antivirus) or `none`, each clamd one optionally with
//! `?timeout=SECONDS` (30 by default).

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use super::clamd::Address;

/// How long clamd may take for one file by default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The scanner of a connection; written as its text in settings files.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum ScannerChoice {
    /// None chosen: nothing with attachments is opened or filed.
    #[default]
    NotConfigured,
    /// Scanning turned off explicitly (`none`).
    Off,
    /// ClamAV's clamd.
    Clamd {
        /// Where it listens.
        address: Address,
        /// How long one file may take.
        timeout: Duration,
    },
    /// The installed Windows antivirus through AMSI.
    Amsi,
}

/// A scanner that is not written as one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{given:?} is not a scanner: write clamd://HOST:PORT, clamd:///path/to/clamd.socket, amsi or none \
     (clamd with ?timeout=SECONDS if needed)"
)]
pub struct ChoiceError {
    /// What was written.
    pub given: String,
}

impl FromStr for ScannerChoice {
    type Err = ChoiceError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || ChoiceError { given: text.to_owned() };
        let trimmed = text.trim();
        match trimmed.to_ascii_lowercase().as_str() {
            "none" | "off" => return Ok(Self::Off),
            "amsi" => return Ok(Self::Amsi),
            _ => {}
        }
        let rest = trimmed.strip_prefix("clamd://").ok_or_else(bad)?;
        let (place, query) = rest.split_once('?').unwrap_or((rest, ""));
        let mut timeout = DEFAULT_TIMEOUT;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            match pair.split_once('=') {
                Some(("timeout", seconds)) => {
                    let seconds: f64 = seconds.parse().ok().ok_or_else(bad)?;
                    if !(seconds > 0.0 && seconds <= 3600.0) {
                        return Err(bad());
                    }
                    timeout = Duration::from_secs_f64(seconds);
                }
                _ => return Err(bad()),
            }
        }
        let address = if place.starts_with('/') {
            Address::Unix(place.into())
        } else {
            let (host, port) = place.rsplit_once(':').ok_or_else(bad)?;
            if host.is_empty() || port.parse::<u16>().is_err() {
                return Err(bad());
            }
            Address::Tcp(place.to_owned())
        };
        Ok(Self::Clamd { address, timeout })
    }
}

impl TryFrom<String> for ScannerChoice {
    type Error = ChoiceError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<ScannerChoice> for String {
    fn from(choice: ScannerChoice) -> Self {
        choice.to_string()
    }
}

impl fmt::Display for ScannerChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotConfigured => f.write_str(""),
            Self::Off => f.write_str("none"),
            Self::Amsi => f.write_str("amsi"),
            Self::Clamd { address, timeout } => {
                match address {
                    Address::Tcp(place) => write!(f, "clamd://{place}")?,
                    Address::Unix(path) => write!(f, "clamd://{}", path.display())?,
                }
                if *timeout != DEFAULT_TIMEOUT {
                    write!(f, "?timeout={}", timeout.as_secs_f64())?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_to_name_a_scanner_reads_and_writes_back() {
        for text in [
            "none",
            "amsi",
            "clamd://127.0.0.1:3310",
            "clamd:///run/clamav/clamd.ctl",
            "clamd://av.kunta.fi:3310?timeout=2.5",
        ] {
            let choice: ScannerChoice = text.parse().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(choice.to_string(), text);
        }
        assert_eq!("OFF".parse(), Ok(ScannerChoice::Off));
        let unix = "clamd:///tmp/c.sock?timeout=5".parse::<ScannerChoice>();
        assert_eq!(
            unix,
            Ok(ScannerChoice::Clamd { address: Address::Unix("/tmp/c.sock".into()), timeout: Duration::from_secs(5) })
        );
        for bad in [
            "",
            "clamav",
            "clamd://",
            "clamd://host",
            "clamd://:3310",
            "clamd://h:99999",
            "clamd://h:1?timeout=0",
            "clamd://h:1?x=1",
            "defender",
        ] {
            assert!(bad.parse::<ScannerChoice>().is_err(), "{bad}");
        }
    }
}
