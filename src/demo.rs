//! The demo wiring: an embedded sandbox on an ephemeral 127.0.0.1 port with made-up data, its
//! demo credentials, and a session's own copy of the built-in mappings. Besides `main` and the
//! tests, this is the only code that uses the [`crate::sandbox`]: the desk's "Kokeile demoa"
//! and `kirjaamo mappings check` without a TWeb come through here.

use std::path::PathBuf;

use crate::connection::Connection;
use crate::domain::{Catalog, Transaction};
use crate::sandbox::{Credentials, Sandbox, SandboxConfig, SandboxError};
use crate::tweb::TwebAuth;

/// Why the demo could not start.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The embedded sandbox did not start.
    #[error("the demo servers could not start")]
    Sandbox(#[from] SandboxError),
    /// The demo's copy of the mappings could not be written.
    #[error("the demo's mappings could not be written")]
    Mappings(#[from] crate::mappings::MappingError),
    /// No temporary folder for them.
    #[error("no temporary folder for the demo's mappings")]
    Folder(#[from] std::io::Error),
}

/// A running demo: stops its sandbox and removes its mappings copy when dropped.
#[derive(Debug)]
pub struct Demo {
    /// The embedded sandbox.
    pub sandbox: Sandbox,
    /// A connection to it with the demo credentials.
    pub connection: Connection,
    /// The demo's own practice mappings: never the folder of a real connection.
    pub mappings_dir: PathBuf,
    _copy: Option<tempfile::TempDir>,
}

impl Demo {
    /// Starts a demo for `clerk`, shown as `label`, on its practice mappings in `practice` (kept
    /// across restarts; the built-in mappings are written there when it holds none), or on a
    /// fresh copy of the built-in mappings that lasts as long as the demo when `None`.
    pub async fn start(clerk: &str, label: &str, practice: Option<PathBuf>) -> Result<Self, DemoError> {
        let sandbox = Sandbox::start(SandboxConfig::default()).await?;
        let credentials = Credentials::demo();
        // Not the password: it is the word "demo" (published in docs/sandbox.md), and redacting
        // it blanked that word in every log line ("[redacted] inbox drawn"). The tokens are kept
        // out of the logs as any connection's are.
        for secret in [&credentials.tweb_token, &credentials.outbox_token] {
            crate::logging::register_secret(secret);
        }
        let connection = connection(&sandbox, clerk, label);
        let (mappings_dir, copy) = match practice {
            Some(dir) => {
                std::fs::create_dir_all(&dir)?;
                if crate::mappings::mapping_files(&dir).map_err(DemoError::Mappings)?.is_empty() {
                    crate::mappings::write_demo_files(&dir)?;
                }
                (dir, None)
            }
            None => {
                let copy = tempfile::tempdir()?;
                crate::mappings::write_demo_files(copy.path())?;
                (copy.path().to_owned(), Some(copy))
            }
        };
        Ok(Self { sandbox, connection, mappings_dir, _copy: copy })
    }
}

/// A connection to `sandbox` with its demo credentials (demo mode, tests and benchmarks), its
/// read-only case page as "Avaa TWebissä".
pub fn connection(sandbox: &Sandbox, clerk: &str, label: &str) -> Connection {
    let credentials = Credentials::demo();
    Connection {
        tweb_url: sandbox.tweb_url(),
        tweb_auth: TwebAuth::Basic { user: credentials.tweb_user, password: credentials.tweb_password },
        outbox_url: sandbox.outbox_url(),
        outbox_token: credentials.outbox_token,
        clerk: clerk.to_owned(),
        label: label.to_owned(),
        case_url: Some(sandbox.case_page_template()),
        ca_bundle: None,
        proxy: None,
        // The demo's citizens and files are made up: scanning is off, and the top bar says so.
        scanner: crate::scan::ScannerChoice::Off,
        parallel: crate::export::pace::DEFAULT_PARALLEL,
    }
}

/// The demo's built-in TWeb catalog and the transactions its outbox starts with (`kirjaamo
/// mappings check` without a TWeb checks against these).
pub fn builtin_catalog() -> (Catalog, Vec<Transaction>) {
    let data = crate::sandbox::seed::seed_data(crate::sandbox::seed::DEFAULT_SEED);
    let transactions = data.transactions.iter().map(|t| t.transaction.clone()).collect();
    (crate::sandbox::seed::catalog(), transactions)
}

impl crate::plain::Explain for DemoError {
    fn plain(&self) -> crate::plain::Plain {
        use crate::plain::Plain;
        match self {
            Self::Sandbox(_) => Plain::new("demo-sandbox"),
            Self::Mappings(error) => Plain::new("demo-mappings").said("cause", error.plain()),
            Self::Folder(error) => Plain::new("demo-folder").said("cause", error.plain()),
        }
    }
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn the_demo_keeps_its_tokens_out_of_the_logs_but_not_the_word_demo() {
        let demo = super::Demo::start("Testi", "Demo", None).await.unwrap_or_else(|e| panic!("{e}"));
        let token = super::Credentials::demo().outbox_token;
        let line = crate::logging::redacted(&format!("demo inbox drawn; Bearer-less {token}"));
        assert!(line.starts_with("demo inbox drawn"), "{line}");
        assert!(!line.contains(&token), "{line}");
        drop(demo);
    }
}
