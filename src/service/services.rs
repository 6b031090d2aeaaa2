//! A connection's clients, exporter and journal, built the same way for the desk and the CLI.

use std::path::Path;
use std::sync::Arc;

use tokio::sync::mpsc::UnboundedSender;

use crate::audit::{AccessLog, Actor, AuditError, Recorder};
use crate::connection::Connection;
use crate::export::{Endpoint, ExportConfig, ExportEvent, Exporter, Journal, JournalError};
use crate::outbox::OutboxClient;
use crate::remote::RemoteError;
use crate::tweb::TwebClient;

/// Why the services of a connection could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The HTTP client (addresses, CA bundle) could not be made.
    #[error("the connection {label} could not be set up")]
    Client {
        /// The connection's name.
        label: String,
        /// The cause.
        #[source]
        source: RemoteError,
    },
    /// The access log could not be opened: nothing is shown or filed without it.
    #[error("the access log could not be opened")]
    Audit(#[source] AuditError),
}

/// What one connection files with: TWeb, the outbox and the exporter with its journal.
pub struct Services {
    /// TWeb.
    pub tweb: Arc<TwebClient>,
    /// The outbox.
    pub outbox: OutboxClient,
    /// The export engine over both, journaling into the connection's journal.
    pub exporter: Arc<Exporter<TwebClient>>,
    /// The access log beside the journal, with who acts on this connection.
    pub access: Recorder,
    /// The connection's virus scanner, shared with the exporter (one memory of verdicts).
    pub scanner: crate::scan::Scanner,
}

impl Services {
    /// The services of `connection`, filing as its clerk into `journal`; `events` receives the
    /// filings' progress. Reads the connection's CA bundle: call it off the UI thread.
    pub fn new(
        connection: &Connection,
        journal: Journal,
        events: Option<UnboundedSender<ExportEvent>>,
    ) -> Result<Self, ServiceError> {
        let log = log_beside(journal.path())?;
        Self::with_log(connection, journal, log, events)
    }

    /// As [`Services::new`], recording into `log` (the demo keeps its log apart from a journal in
    /// memory, for training and its checks).
    pub fn with_log(
        connection: &Connection,
        journal: Journal,
        log: AccessLog,
        events: Option<UnboundedSender<ExportEvent>>,
    ) -> Result<Self, ServiceError> {
        let http = connection
            .http_client()
            .map_err(|source| ServiceError::Client { label: connection.label.clone(), source })?;
        let outbox = OutboxClient::new(http.clone(), &connection.outbox_url, &connection.outbox_token);
        let tweb = Arc::new(TwebClient::new(http, &connection.tweb_url, connection.tweb_auth.clone()));
        let access = recorder(connection, log);
        let mut config = ExportConfig::new(&connection.clerk);
        config.audit = Some(access.clone());
        let scanner = crate::scan::Scanner::new(connection.scanner.clone());
        config.scanner = scanner.clone();
        config.parallel = connection.parallel;
        let exporter = Arc::new(Exporter::new(Arc::clone(&tweb), outbox.clone(), journal, config, events));
        Ok(Self { tweb, outbox, exporter, access, scanner })
    }
}

/// The access log in the journal's folder; in memory for a journal in memory (tests). Blocking.
fn log_beside(journal: &Path) -> Result<AccessLog, ServiceError> {
    match journal.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        Some(dir) => AccessLog::open(&AccessLog::path_in(dir)),
        None => AccessLog::in_memory(),
    }
    .map_err(ServiceError::Audit)
}

/// `log` recording as the OS account and the TWeb user this connection signs in as (never
/// typed).
fn recorder(connection: &Connection, log: AccessLog) -> Recorder {
    let tweb_user = match &connection.tweb_auth {
        crate::tweb::TwebAuth::Basic { user, .. } => Some(user.clone()),
        crate::tweb::TwebAuth::Bearer(_) => None,
    };
    Recorder { log, actor: Actor::here(crate::connection::os_account(), tweb_user) }
}

/// The journal of `connection` in `data_dir`: one for each pair of servers, named by the
/// connection's label (the profile) and the servers' key. Blocking: call it off the UI thread.
pub fn journal_for(connection: &Connection, data_dir: &Path) -> Result<Journal, JournalError> {
    let endpoint = Endpoint::new(&connection.tweb_url, &connection.outbox_url);
    let journal = Journal::open(&endpoint.journal_path(data_dir, &connection.label), &endpoint)?;
    for notice in journal.notices() {
        tracing::info!("{notice}");
    }
    purge_expired(&journal);
    Ok(journal)
}

/// Removes from `journal` the personal data of filings verified longer ago than this machine's
/// retention period ([`crate::settings::retention_days`]); run at every start. A purge that
/// fails is said in the log and tried again at the next start. Blocking.
pub fn purge_expired(journal: &Journal) {
    let days = crate::settings::retention_days();
    let before = chrono::Utc::now() - chrono::Duration::days(i64::from(days));
    match journal.purge_blocking(before, false) {
        Ok(purged) if !purged.is_empty() => tracing::info!(
            "the personal data of {} filings verified over {days} days ago was removed from {}",
            purged.len(),
            crate::paths::shown(journal.path())
        ),
        Ok(_) => {}
        Err(e) => tracing::warn!("the journal's old personal data could not be removed: {}", crate::error_chain(&e)),
    }
}

impl crate::plain::Explain for ServiceError {
    fn plain(&self) -> crate::plain::Plain {
        match self {
            Self::Client { label, source } => {
                crate::plain::Plain::new("service-client").text("label", label.clone()).said("cause", source.plain())
            }
            Self::Audit(source) => source.plain(),
        }
    }
}
