//! The sandbox: a strict simulator of TWeb's REST API and ePalvelu's outbox API over real HTTP on
//! 127.0.0.1, with realistic seed data, validation and fault injection.
//!
//! One listener serves TWeb under `/tweb`, the outbox under `/epalvelu` and the sandbox's own
//! control endpoints under `/_sandbox`.

mod auth;
mod closed;
mod completed;
mod control;
mod credentials;
mod data_dir;
pub mod error;
mod extract;
mod fault_inject;
pub mod faults;
pub mod file_content;
pub mod openapi;
mod openapi_exact;
mod outbox_api;
mod outbox_state;
mod persist;
pub mod seed;
mod seed_filings;
mod shared;
mod tweb_api;
mod tweb_state;
mod web_page;

use crate::sandbox::file_content::FileContent;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use bytes::Bytes;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use control::RefCount;
pub use credentials::Credentials;
pub use data_dir::{DataError, load_one as load_transaction_file};
pub use faults::{Api, FaultConfig, FaultEffect, FaultRule};
pub use persist::PersistError;

use error::ApiError;
use faults::Faults;
use outbox_state::OutboxState;
use persist::Persister;
use shared::Shared;
use tweb_state::TwebState;

/// Largest request body the sandbox takes (a document upload).
const MAX_UPLOAD_BYTES: usize = 2 * 1024 * 1024 * 1024;

/// How to start a sandbox.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Address to listen on; must be a loopback address. Port 0 picks a free port.
    pub bind: SocketAddr,
    /// Seed of the built-in data.
    pub seed: u64,
    /// Load transactions from this folder instead of the built-in seed.
    pub data_dir: Option<PathBuf>,
    /// Persist state in this file across restarts.
    pub state_file: Option<PathBuf>,
    /// Faults to inject from the start.
    pub faults: FaultConfig,
    /// Credentials to accept.
    pub credentials: Credentials,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            seed: seed::DEFAULT_SEED,
            data_dir: None,
            state_file: None,
            faults: FaultConfig::default(),
            credentials: Credentials::demo(),
        }
    }
}

/// Why a sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// The bind address is not a loopback address.
    #[error("the sandbox listens only on loopback addresses, not {0}")]
    NotLoopback(SocketAddr),
    /// The address could not be bound.
    #[error("could not listen on {addr}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The data folder could not be loaded.
    #[error("could not load the transactions")]
    Data(#[from] DataError),
    /// The state file could not be read.
    #[error("could not open the state file")]
    State(#[from] PersistError),
}

/// A running sandbox; stops when [`Sandbox::stop`] is called or it is dropped.
#[derive(Debug)]
pub struct Sandbox {
    addr: SocketAddr,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

fn build_state(config: &SandboxConfig) -> Result<Shared, SandboxError> {
    let data = seed::seed_data(config.seed);
    let transactions = match &config.data_dir {
        Some(dir) => data_dir::load(dir)?,
        None => data.transactions.clone(),
    };
    let mut outbox = OutboxState::default();
    for t in transactions {
        outbox.insert(t.transaction, t.files);
    }
    let (persister, saved) = match &config.state_file {
        Some(path) => {
            let (persister, saved) = Persister::open(path)?;
            (Some(persister), saved)
        }
        None => (None, None),
    };
    let (tweb, contents) = match saved {
        Some((state, contents)) => {
            if config.data_dir.is_none() {
                for t in &data.filed {
                    outbox.insert(t.transaction.clone(), t.files.clone());
                }
            }
            outbox.marks = state.outbox;
            (state.tweb, contents)
        }
        None => {
            let cases = &data.cases;
            let mut contents: HashMap<String, FileContent> =
                cases.documents.iter().map(|(d, c)| (d.sha256.clone(), FileContent::from(c.clone()))).collect();
            let documents = cases.documents.iter().map(|(d, _)| d.clone()).collect();
            let mut tweb = TwebState::new(data.catalog.clone(), cases.cases.clone(), documents, cases.counters.clone());
            if config.data_dir.is_none() {
                seed_filings::file_all(&mut tweb, &mut outbox, &mut contents, &data.filed, chrono::Utc::now());
            }
            if let Some(persister) = &persister {
                persister.save_blobs_now(&contents)?;
            }
            (tweb, contents)
        }
    };
    Ok(Shared::new(tweb, outbox, contents, persister, Faults::new(config.faults.clone()), config.credentials.clone()))
}

fn router(shared: Arc<Shared>) -> Router {
    let tweb = Router::new()
        .route("/api/v1/me", get(tweb_api::me))
        .route("/api/v1/catalog/case-groups", get(tweb_api::case_groups))
        .route("/api/v1/catalog/document-types", get(tweb_api::document_types))
        .route("/api/v1/catalog/users", get(tweb_api::users))
        .route("/api/v1/catalog/groups", get(tweb_api::groups))
        .route("/api/v1/cases", get(tweb_api::search_cases).post(tweb_api::create_case))
        .route("/api/v1/cases/{id}", get(tweb_api::get_case))
        .route("/api/v1/cases/{id}/withdraw", post(tweb_api::withdraw_case))
        .route("/api/v1/cases/{id}/documents", get(tweb_api::case_documents).post(tweb_api::add_document))
        .route("/api/v1/cases/{id}/assignments", get(tweb_api::case_assignments))
        .route("/api/v1/documents", get(tweb_api::find_documents).post(tweb_api::add_unregistered_document))
        .route("/api/v1/documents/{id}", get(tweb_api::get_document))
        .route("/api/v1/documents/{id}/content", get(tweb_api::document_content))
        .route("/api/v1/assignments", get(tweb_api::find_assignments).post(tweb_api::create_assignment))
        .route("/api/v1/assignments/{id}", get(tweb_api::get_assignment))
        .layer(from_fn_with_state(Arc::clone(&shared), auth::require_tweb))
        .layer(from_fn_with_state((Arc::clone(&shared), Api::Tweb), fault_inject::inject));
    let outbox = Router::new()
        .route("/api/v1/transactions", get(outbox_api::list))
        .route("/api/v1/services", get(outbox_api::services))
        .route("/api/v1/completed", get(outbox_api::completed))
        .route("/api/v1/transactions/{id}", get(outbox_api::get))
        .route("/api/v1/transactions/{id}/attachments/{attachment_id}", get(outbox_api::attachment))
        .route("/api/v1/transactions/{id}/claim", post(outbox_api::claim))
        .route("/api/v1/transactions/{id}/release", post(outbox_api::release))
        .route("/api/v1/transactions/{id}/reopen", post(outbox_api::reopen))
        .route("/api/v1/transactions/{id}/complete", post(outbox_api::complete))
        .layer(from_fn_with_state(Arc::clone(&shared), auth::require_outbox))
        .layer(from_fn_with_state((Arc::clone(&shared), Api::Outbox), fault_inject::inject));
    let control = Router::new()
        .route("/health", get(control::health))
        .route("/faults", get(control::faults).put(control::set_faults).delete(control::clear_faults))
        .route("/external-refs", get(control::external_refs));
    Router::new()
        .route("/tweb/asia/{id}", get(web_page::case_page))
        .nest("/tweb", tweb)
        .nest("/epalvelu", outbox)
        .nest("/_sandbox", control)
        .fallback(|uri: axum::http::Uri| async move { ApiError::not_found(format!("no endpoint at {uri}")) })
        .method_not_allowed_fallback(|| async { ApiError::method_not_allowed() })
        .layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES))
        .with_state(shared)
}

impl Sandbox {
    /// Builds the state and starts serving on the runtime this is called from.
    pub async fn start(config: SandboxConfig) -> Result<Self, SandboxError> {
        if !config.bind.ip().is_loopback() {
            return Err(SandboxError::NotLoopback(config.bind));
        }
        let building = config.clone();
        let shared = tokio::task::spawn_blocking(move || build_state(&building))
            .await
            .map_err(|e| SandboxError::Bind { addr: config.bind, source: std::io::Error::other(e) })??;
        let shared = Arc::new(shared);
        let listener = tokio::net::TcpListener::bind(config.bind)
            .await
            .map_err(|source| SandboxError::Bind { addr: config.bind, source })?;
        let addr = listener.local_addr().map_err(|source| SandboxError::Bind { addr: config.bind, source })?;
        let (shutdown, stopped) = oneshot::channel::<()>();
        let app = router(Arc::clone(&shared));
        let task = tokio::spawn(async move {
            let serve = axum::serve(listener, app).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(e) = serve.await {
                tracing::error!("the sandbox stopped serving: {e:#}");
            }
        });
        tracing::info!(%addr, "sandbox listening");
        Ok(Self { addr, shared, shutdown: Some(shutdown), task: Some(task) })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Base URL of the TWeb API (append `/api/v1/...`).
    pub fn tweb_url(&self) -> String {
        format!("http://{}/tweb", self.addr)
    }

    /// Address template of the read-only case page that stands in for TWeb's web UI, with `{id}`.
    pub fn case_page_template(&self) -> String {
        format!("http://{}/tweb/asia/{{id}}", self.addr)
    }

    /// Base URL of the outbox API (append `/api/v1/...`).
    pub fn outbox_url(&self) -> String {
        format!("http://{}/epalvelu", self.addr)
    }

    /// Replaces the fault configuration (as `PUT /_sandbox/faults` does).
    pub fn set_faults(&self, config: FaultConfig) {
        self.shared.faults.set(config);
    }

    /// Adds a transaction to the outbox, with its attachment bytes in `attachments` order.
    pub fn add_transaction(&self, transaction: crate::domain::Transaction, files: Vec<impl Into<FileContent>>) {
        self.shared.outbox().insert(transaction, files.into_iter().map(Into::into).collect());
    }

    /// Serves `body` as-is for `GET /transactions/{id}` (bad-input tests).
    pub fn set_raw_transaction(&self, id: &str, body: Vec<u8>) {
        self.shared.outbox().set_raw(id, Bytes::from(body));
    }

    /// Serves `body` with the checksum header `sha256` for an attachment (bad-input tests).
    pub fn set_raw_attachment(&self, id: &str, attachment_id: &str, body: Vec<u8>, sha256: Option<String>) {
        self.shared.outbox().set_raw_file(id, attachment_id, Bytes::from(body), sha256);
    }

    /// Withdraws a transaction from the outbox; true when it existed.
    pub fn remove_transaction(&self, id: &str) -> bool {
        self.shared.outbox().remove(id)
    }

    /// The fault configuration and how often each rule fired.
    pub fn fault_status(&self) -> faults::FaultStatus {
        self.shared.faults.status()
    }

    /// Counts cases, documents and assignments carrying `external_ref`.
    pub fn count_external_ref(&self, external_ref: &str) -> RefCount {
        let (cases, documents, assignments) = self.shared.count_external_ref(external_ref);
        RefCount { cases, documents, assignments }
    }

    /// Stops serving and waits for open connections to finish.
    pub async fn stop(mut self) {
        self.shut_down().await;
    }

    /// Stops serving and waits until the address is free (a restore test starts a fresh sandbox
    /// on it); the value stays, answering nothing.
    pub async fn shut_down(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}
