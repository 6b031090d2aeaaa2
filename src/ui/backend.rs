//! The desk's link to the outbox and TWeb: requests run on the tokio runtime, replies come back
//! over a channel and wake the UI.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use tokio::runtime::Handle;
use tokio_util::sync::CancellationToken;

use crate::contract::outbox::{FilingResult, TransactionSummary};
use crate::domain::Transaction;
use crate::export::{ExportConfig, ExportEvent, Exporter, FilingPlan, Journal};
use crate::mappings::ServiceMapping;
use crate::outbox::OutboxClient;
use crate::remote::RemoteError;
use crate::tweb::{TwebAuth, TwebClient};

/// Where the desk connects and as whom.
#[derive(Debug, Clone)]
pub struct Connection {
    /// TWeb base URL.
    pub tweb_url: String,
    /// TWeb credentials.
    pub tweb_auth: TwebAuth,
    /// Outbox base URL.
    pub outbox_url: String,
    /// Outbox token.
    pub outbox_token: String,
    /// The clerk's display name.
    pub clerk: String,
    /// Name of the connection shown in the window, e.g. "Demo".
    pub label: String,
}

/// An answer for the UI.
#[derive(Debug)]
pub enum Reply {
    /// The pending transactions.
    Inbox(Result<Vec<TransactionSummary>, String>),
    /// One transaction.
    Transaction(String, Result<Box<Transaction>, String>),
    /// Progress of a filing.
    Event(ExportEvent),
    /// A filing ended.
    Filed(String, Result<FilingResult, String>),
}

/// Runs the desk's requests on the runtime.
pub struct Backend {
    runtime: Handle,
    outbox: OutboxClient,
    exporter: Arc<Exporter<TwebClient>>,
    mappings: Arc<Vec<ServiceMapping>>,
    replies: Sender<Reply>,
    inbox: Receiver<Reply>,
    repaint: Arc<dyn Fn() + Send + Sync>,
    /// Name of the connection for the window.
    pub label: String,
}

fn plain(error: RemoteError) -> String {
    format!("{:#}", anyhow::Error::from(error))
}

impl Backend {
    /// A backend for `connection`; `repaint` wakes the UI when a reply arrives.
    pub fn new(
        runtime: Handle,
        connection: Connection,
        journal: Journal,
        mappings: Vec<ServiceMapping>,
        repaint: Arc<dyn Fn() + Send + Sync>,
    ) -> Result<Self, RemoteError> {
        let http = crate::remote::http_client()?;
        let outbox = OutboxClient::new(http.clone(), &connection.outbox_url, &connection.outbox_token);
        let tweb = Arc::new(TwebClient::new(http, &connection.tweb_url, connection.tweb_auth));
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
        let exporter = Exporter::new(tweb, outbox.clone(), journal, ExportConfig::new(&connection.clerk), Some(events));
        Ok(Self {
            runtime,
            outbox,
            exporter: Arc::new(exporter),
            mappings: Arc::new(mappings),
            replies,
            inbox,
            repaint,
            label: connection.label,
        })
    }

    fn send(&self, future: impl Future<Output = Reply> + Send + 'static) {
        let (replies, repaint) = (self.replies.clone(), Arc::clone(&self.repaint));
        self.runtime.spawn(async move {
            let _ = replies.send(future.await);
            repaint();
        });
    }

    /// Asks for the pending transactions.
    pub fn refresh_inbox(&self) {
        let outbox = self.outbox.clone();
        self.send(async move { Reply::Inbox(outbox.list_all(None).await.map_err(plain)) });
    }

    /// Asks for one transaction.
    pub fn load(&self, id: &str) {
        let (outbox, id) = (self.outbox.clone(), id.to_owned());
        self.send(async move {
            let result = outbox.get(&id).await.map(|d| Box::new(d.transaction)).map_err(plain);
            Reply::Transaction(id, result)
        });
    }

    /// The mapping of a service, if there is one.
    pub fn mapping(&self, service: &str) -> Option<&ServiceMapping> {
        self.mappings.iter().find(|m| m.service == service)
    }

    /// Files `transaction` with its service's defaults.
    pub fn file_default(&self, transaction: &Transaction) -> Result<(), String> {
        let mapping = self.mapping(&transaction.service.id).ok_or("tälle e-palvelulle ei ole oletuksia")?;
        let plan = FilingPlan::from_mapping(transaction, mapping, chrono::Utc::now().date_naive())
            .map_err(|e| e.to_string())?;
        let exporter = Arc::clone(&self.exporter);
        let id = transaction.id.clone();
        self.send(async move {
            let result = exporter.file(&plan, &CancellationToken::new()).await;
            Reply::Filed(id, result.map_err(|e| format!("{:#}", anyhow::Error::from(e))))
        });
        Ok(())
    }

    /// Replies that arrived since the last call.
    pub fn poll(&self) -> Vec<Reply> {
        self.inbox.try_iter().collect()
    }
}
