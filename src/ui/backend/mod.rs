//! The desk's link to the outbox and TWeb: requests run on the tokio runtime, replies come back
//! over a channel and wake the UI.

mod admin;
mod copy;
mod files;
mod filing;
mod reply;
mod scan_ahead;
mod triage;

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use tokio::runtime::Handle;

pub use admin::Saved;
pub use copy::SavedCopy;
pub use reply::{AttachmentView, Catalog, Ended, PreviewPage, Reply};
pub use triage::NamedCase;

use crate::contract::outbox::TransactionSummary;
use crate::contract::tweb::CaseQuery;
use crate::domain::{Case, Transaction, TransactionId};
use crate::export::{Exporter, Journal};
use crate::mappings::ServiceMapping;
use crate::outbox::OutboxClient;
use crate::plain::Told;
use crate::service::{CheckedMappings, ServiceError, Services, Unusable};
use crate::tweb::{CaseSystem as _, TwebClient};

pub use crate::connection::Connection;

/// Runs the desk's requests on the runtime.
pub struct Backend {
    runtime: Handle,
    outbox: OutboxClient,
    tweb: Arc<TwebClient>,
    exporter: Arc<Exporter<TwebClient>>,
    mappings: CheckedMappings,
    replies: Sender<Reply>,
    inbox: Receiver<Reply>,
    repaint: Arc<dyn Fn() + Send + Sync>,
    connection: Connection,
    access: crate::audit::Recorder,
    scanner: crate::scan::Scanner,
    mappings_dir: Option<std::path::PathBuf>,
    downloads_dir: Option<std::path::PathBuf>,
    demo: bool,
}

/// An error as the UI tells it: plain words in the clerk's language and the chain beside them.
fn plain<E: crate::plain::Explain + 'static>(error: E) -> Told {
    Told::of(&error)
}

impl Backend {
    /// A backend for `connection`; `repaint` wakes the UI when a reply arrives. Reads the
    /// connection's CA bundle, if any.
    pub fn new(
        runtime: Handle,
        connection: Connection,
        journal: Journal,
        mappings: Vec<ServiceMapping>,
        repaint: Arc<dyn Fn() + Send + Sync>,
    ) -> Result<Self, ServiceError> {
        Self::with_log(runtime, connection, journal, None, mappings, repaint)
    }

    /// As [`Backend::new`], recording into `log` when given (the demo's), else beside the
    /// journal.
    pub fn with_log(
        runtime: Handle,
        connection: Connection,
        journal: Journal,
        log: Option<crate::audit::AccessLog>,
        mappings: Vec<ServiceMapping>,
        repaint: Arc<dyn Fn() + Send + Sync>,
    ) -> Result<Self, ServiceError> {
        let (replies, inbox) = channel();
        let (events, mut received) = tokio::sync::mpsc::unbounded_channel();
        let forward = (replies.clone(), Arc::clone(&repaint));
        runtime.spawn(async move {
            while let Some(event) = received.recv().await {
                if forward.0.send(Reply::Event(event)).is_err() {
                    break;
                }
                (forward.1)();
            }
        });
        let services = match log {
            Some(log) => Services::with_log(&connection, journal, log, Some(events))?,
            None => Services::new(&connection, journal, Some(events))?,
        };
        let Services { tweb, outbox, exporter, access, scanner } = services;
        Ok(Self {
            runtime,
            outbox,
            tweb,
            exporter,
            mappings: CheckedMappings::unchecked(Arc::new(mappings)),
            replies,
            inbox,
            repaint,
            connection,
            access,
            scanner,
            mappings_dir: None,
            downloads_dir: crate::paths::downloads_dir(),
            demo: false,
        })
    }

    /// Starts work on this backend's runtime and wakes the UI when it ends ([`crate::ui::request::Requested`]).
    pub fn spawner(&self) -> crate::ui::request::Spawner {
        crate::ui::request::Spawner::new(self.runtime.clone(), Arc::clone(&self.repaint))
    }

    /// Whether this is the demo's session.
    pub fn is_demo(&self) -> bool {
        self.demo
    }

    /// Marks the session as the demo's (its name follows the UI's language).
    pub fn set_demo(&mut self) {
        self.demo = true;
    }

    /// The connection's name.
    pub fn label(&self) -> &str {
        &self.connection.label
    }

    /// The clerk's name as claims show it.
    pub fn clerk(&self) -> &str {
        &self.connection.clerk
    }

    /// The address of a case in TWeb's web UI, when the connection has a template.
    pub fn case_url(&self, case_id: Option<u64>, diary_number: &str) -> Option<String> {
        let template = self.connection.case_url.as_deref()?;
        let id = case_id.map(|id| id.to_string()).unwrap_or_default();
        Some(template.replace("{id}", &id).replace("{diary}", diary_number))
    }

    /// Records `events` in the access log, as work for a `Requested` value: its answer is the
    /// transaction, once every entry is on the disk (the disclosure waits for it).
    pub fn record(
        &self,
        id: &TransactionId,
        events: Vec<crate::audit::Event>,
    ) -> impl Future<Output = Result<TransactionId, Told>> + Send + 'static {
        let (access, id) = (self.access.clone(), id.clone());
        async move {
            for event in events {
                access.record_async(event).await.map_err(plain)?;
            }
            Ok(id)
        }
    }

    /// What the top bar says of the connection's virus scanner.
    pub fn scanner_status(&self) -> crate::scan::ScannerStatus {
        self.scanner.status()
    }

    /// The connection's virus scanner (shared with the filings: one memory of verdicts).
    pub(crate) fn scanner(&self) -> &crate::scan::Scanner {
        &self.scanner
    }

    /// The access log's recorder (for work that records before it discloses).
    pub(crate) fn access(&self) -> &crate::audit::Recorder {
        &self.access
    }

    fn send(&self, future: impl Future<Output = Reply> + Send + 'static) {
        let (replies, repaint) = (self.replies.clone(), Arc::clone(&self.repaint));
        self.runtime.spawn(async move {
            let _ = replies.send(future.await);
            repaint();
        });
    }

    /// The pending transactions, as work for a `Requested` value.
    pub fn pending(&self) -> impl Future<Output = Result<Vec<TransactionSummary>, Told>> + Send + 'static {
        let outbox = self.outbox.clone();
        async move { outbox.list_all(None).await.map_err(plain) }
    }

    /// One transaction, as work for a `Requested` value.
    pub fn load(&self, id: &str) -> impl Future<Output = Result<Box<Transaction>, Told>> + Send + 'static {
        let (outbox, id) = (self.outbox.clone(), id.to_owned());
        async move { outbox.get(&id).await.map(|d| Box::new(d.transaction)).map_err(plain) }
    }

    /// TWeb's catalog (case groups, document types, users and groups) and the mappings checked
    /// against it, as work for a `Requested` value: until the answer is applied
    /// ([`Backend::set_checked`]) no mapping is a usable default, and one with errors never is.
    pub fn catalog(&self) -> impl Future<Output = Result<Box<(Catalog, CheckedMappings)>, Told>> + Send + 'static {
        let (tweb, mappings, dir) =
            (Arc::clone(&self.tweb), Arc::clone(self.mappings.all()), self.mappings_dir.clone());
        async move {
            // A mappings folder is read again each time: another admin may have changed it.
            let checked = match dir {
                Some(dir) => crate::service::fetch_and_check_dir(tweb.as_ref(), dir).await,
                None => crate::service::fetch_and_check(tweb.as_ref(), mappings).await.map_err(Into::into),
            };
            checked.map(Box::new).map_err(plain)
        }
    }

    /// Uses the mappings as checked against the catalog.
    pub fn set_checked(&mut self, checked: CheckedMappings) {
        self.mappings = checked;
    }

    /// The mapping of `service` if it may be used as a default, else why not.
    pub fn usable(&self, service: &str) -> Result<&ServiceMapping, Unusable> {
        self.mappings.usable(service)
    }

    /// TWeb's cases matching `text` (diary number, title or party), as work for a `Requested`
    /// value (a newer search drops the older one's answer).
    pub fn search_cases(&self, text: &str) -> impl Future<Output = Result<Vec<Case>, Told>> + Send + 'static {
        let tweb = Arc::clone(&self.tweb);
        let text = text.trim().to_owned();
        async move {
            let query =
                CaseQuery { q: Some(text).filter(|t| !t.is_empty()), per_page: Some(30), ..CaseQuery::default() };
            tweb.search_cases(&query).await.map(|page| page.items).map_err(plain)
        }
    }

    /// The cases where `party` is a party, as work for a `Requested` value.
    pub fn party_cases(&self, party: &str) -> impl Future<Output = Result<Vec<Case>, Told>> + Send + 'static {
        let tweb = Arc::clone(&self.tweb);
        let query = CaseQuery { party: Some(party.to_owned()), per_page: Some(20), ..CaseQuery::default() };
        async move { tweb.search_cases(&query).await.map(|p| p.items).map_err(plain) }
    }

    /// The mapping of a service, if there is one.
    pub fn mapping(&self, service: &str) -> Option<&ServiceMapping> {
        self.mappings.all().iter().find(|m| m.service == service)
    }

    /// Replies that arrived since the last call.
    pub fn poll(&self) -> Vec<Reply> {
        self.inbox.try_iter().collect()
    }
}
