//! What the TWeb and outbox clients share: the HTTP client with its timeouts and TLS, and the
//! typed error every remote call returns.

mod action;
mod error;
mod policy;

pub(crate) use error::{check, read_json};

use std::time::Duration;

pub use action::Action;
pub use error::{RemoteError, RemoteErrorKind};
pub use policy::{PolicyError, check_base_url, read_ca_bundle};

/// Connect timeout of every remote call.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Timeout of a call without a body to stream.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// Builds the HTTP client both APIs use: rustls with the ring provider and the platform's roots,
/// a connect timeout, no proxy from the environment (traffic goes only where configured).
pub fn http_client() -> Result<reqwest::Client, RemoteError> {
    http_client_trusting(&[])
}

/// Like [`http_client`], also trusting `extra_roots` (e.g. the municipality's own CA, from
/// [`read_ca_bundle`]) in addition to the system's roots.
pub fn http_client_trusting(extra_roots: &[reqwest::Certificate]) -> Result<reqwest::Client, RemoteError> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut builder = reqwest::Client::builder();
    for root in extra_roots {
        builder = builder.add_root_certificate(root.clone());
    }
    builder
        .connect_timeout(CONNECT_TIMEOUT)
        .no_proxy()
        .user_agent(concat!("Kirjaamo/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| RemoteError::from_reqwest(Action::BuildClient, e))
}
