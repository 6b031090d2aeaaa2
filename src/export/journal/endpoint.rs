//! The identity of the servers a journal belongs to: filings to a test environment, production
//! and the demo never share one journal.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// The TWeb and outbox a journal remembers filings to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    tweb_url: String,
    outbox_url: String,
}

impl Endpoint {
    /// The endpoint of these two base URLs (a trailing `/` or `/api/v1` does not make another
    /// endpoint: [`crate::remote::api_root`]).
    pub fn new(tweb_url: &str, outbox_url: &str) -> Self {
        Self { tweb_url: crate::remote::api_root(tweb_url), outbox_url: crate::remote::api_root(outbox_url) }
    }

    /// How the journal records it: both base URLs.
    pub fn identity(&self) -> String {
        format!("tweb={} outbox={}", self.tweb_url, self.outbox_url)
    }

    /// A short stable key of the identity, for file names.
    pub fn key(&self) -> String {
        let digest = Sha256::digest(self.identity().as_bytes());
        hex::encode(&digest[..6])
    }

    /// The journal file of this endpoint in `data_dir`, named by `label` (a profile's name, or
    /// `export` without one) and the endpoint's key, e.g. `journal-tuotanto-1a2b3c4d5e6f.sqlite`.
    pub fn journal_path(&self, data_dir: &Path, label: &str) -> PathBuf {
        let slug: String = label
            .chars()
            .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { '-' })
            .collect();
        data_dir.join(format!("journal-{slug}-{}.sqlite", self.key()))
    }
}

impl std::fmt::Display for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TWeb {} and outbox {}", self.tweb_url, self.outbox_url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_server_is_another_journal() {
        let test = Endpoint::new("https://tweb-testi.kunta.fi/api", "https://epalvelu-testi.kunta.fi/api");
        let production = Endpoint::new("https://tweb.kunta.fi/api", "https://epalvelu.kunta.fi/api");
        let dir = Path::new("/data");
        assert_ne!(test.journal_path(dir, "Testi"), production.journal_path(dir, "Testi"));
        assert_eq!(
            test.journal_path(dir, "Testi"),
            Endpoint::new("https://tweb-testi.kunta.fi/api/", "https://epalvelu-testi.kunta.fi/api")
                .journal_path(dir, "Testi")
        );
        assert_eq!(
            test.journal_path(dir, "Testi"),
            Endpoint::new("https://tweb-testi.kunta.fi/api/api/v1", "https://epalvelu-testi.kunta.fi/api/api/v1/")
                .journal_path(dir, "Testi"),
            "a base URL typed with /api/v1 is the same server"
        );
        let name = test.journal_path(dir, "Tuotanto Espoo").file_name().map(|n| n.to_string_lossy().into_owned());
        assert_eq!(name, Some(format!("journal-tuotanto-espoo-{}.sqlite", test.key())));
        assert_eq!(test.key().len(), 12);
    }
}
