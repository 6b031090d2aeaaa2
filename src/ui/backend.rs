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
    /// A page of a transaction's form PDF, drawn for the preview.
    Preview(Box<PreviewPage>),
    /// Filings of this machine that failed or were interrupted, newest first.
    Unfinished(Result<Vec<crate::export::FilingRecord>, String>),
}

/// One drawn page of a transaction's form PDF.
#[derive(Debug)]
pub struct PreviewPage {
    /// The transaction.
    pub transaction_id: String,
    /// The PDF, kept so other pages and the filing use the same bytes.
    pub pdf: Arc<Vec<u8>>,
    /// Page number from 1.
    pub page: usize,
    /// Pages in all.
    pub pages: usize,
    /// The drawn page, or why it could not be drawn.
    pub raster: Result<crate::preview::Raster, String>,
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

    /// Renders the form PDF of `transaction` (or reuses `pdf`) and draws `page` `width` pixels wide,
    /// on a blocking worker.
    pub fn preview(&self, transaction: &Transaction, pdf: Option<Arc<Vec<u8>>>, page: usize, width: u32) {
        let (replies, repaint, transaction) = (self.replies.clone(), Arc::clone(&self.repaint), transaction.clone());
        self.runtime.spawn_blocking(move || {
            let pdf = match pdf {
                Some(pdf) => Ok(pdf),
                None => crate::pdf::render(&transaction)
                    .map(|r| Arc::new(r.bytes))
                    .map_err(|e| format!("{:#}", anyhow::Error::from(e))),
            };
            let (pdf, pages, raster) = match pdf {
                Ok(pdf) => match crate::preview::PdfPreview::open(Arc::clone(&pdf)) {
                    Ok(mut preview) => {
                        let pages = preview.pages();
                        let raster = preview.render(page, width).map(|r| (*r).clone()).map_err(|e| e.to_string());
                        (pdf, pages, raster)
                    }
                    Err(e) => (pdf, 0, Err(e.to_string())),
                },
                Err(e) => (Arc::new(Vec::new()), 0, Err(e)),
            };
            let page = PreviewPage { transaction_id: transaction.id.clone(), pdf, page, pages, raster };
            let _ = replies.send(Reply::Preview(Box::new(page)));
            repaint();
        });
    }

    /// Asks the journal for the filings that failed or were interrupted.
    pub fn refresh_unfinished(&self) {
        let journal = self.exporter.journal().clone();
        self.send(async move {
            let records = journal.filings().await.map_err(|e| format!("{:#}", anyhow::Error::from(e)));
            Reply::Unfinished(
                records.map(|all| all.into_iter().filter(|r| r.state != crate::export::FilingState::Done).collect()),
            )
        });
    }

    /// Files again with the plan the journal kept; finished steps are reused.
    pub fn retry(&self, plan: FilingPlan) {
        let exporter = Arc::clone(&self.exporter);
        let id = plan.transaction_id.clone();
        self.send(async move {
            let result = exporter.file(&plan, &CancellationToken::new()).await;
            Reply::Filed(id, result.map_err(|e| format!("{:#}", anyhow::Error::from(e))))
        });
    }

    /// The mapping of a service, if there is one.
    pub fn mapping(&self, service: &str) -> Option<&ServiceMapping> {
        self.mappings.iter().find(|m| m.service == service)
    }

    /// Files `transaction` with its service's defaults; `pdf` is the form PDF the clerk previewed,
    /// so the record is exactly what was seen (rendered again when `None`).
    pub fn file_default(&self, transaction: &Transaction, pdf: Option<Arc<Vec<u8>>>) -> Result<(), String> {
        let mapping = self.mapping(&transaction.service.id).ok_or("tälle e-palvelulle ei ole oletuksia")?;
        let plan = FilingPlan::from_mapping(transaction, mapping, chrono::Utc::now().date_naive())
            .map_err(|e| e.to_string())?;
        let exporter = Arc::clone(&self.exporter);
        let id = transaction.id.clone();
        self.send(async move {
            let pdf = pdf.map(|p| bytes::Bytes::from(p.as_ref().clone()));
            let result = exporter.file_with_pdf(&plan, &CancellationToken::new(), pdf).await;
            Reply::Filed(id, result.map_err(|e| format!("{:#}", anyhow::Error::from(e))))
        });
        Ok(())
    }

    /// Replies that arrived since the last call.
    pub fn poll(&self) -> Vec<Reply> {
        self.inbox.try_iter().collect()
    }
}
