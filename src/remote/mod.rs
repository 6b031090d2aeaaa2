//! What the TWeb and outbox clients share: the HTTP client with its timeouts and TLS, and the
//! typed error every remote call returns.

mod action;
mod error;
mod policy;
mod proxy;

pub(crate) use error::{check, read_json};

use std::time::Duration;

pub use action::{Action, Server};
pub use error::{RemoteError, RemoteErrorKind};
pub use policy::{PolicyError, api_root, check_base_url, check_proxy, read_ca_bundle};
pub use proxy::ProxyChoice;

/// Connect timeout of every remote call.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Timeout of a call without a body to stream.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// Builds the HTTP client both APIs use: rustls with the ring provider and the platform's roots,
/// a connect timeout, straight to the servers (no proxy: for servers on this machine and tools
/// given plain addresses).
pub fn http_client() -> Result<reqwest::Client, RemoteError> {
    http_client_trusting(&[])
}

/// Like [`http_client`], also trusting `extra_roots` (e.g. the municipality's own CA, from
/// [`read_ca_bundle`]) in addition to the system's roots.
pub fn http_client_trusting(extra_roots: &[reqwest::Certificate]) -> Result<reqwest::Client, RemoteError> {
    http_client_via(extra_roots, &ProxyChoice::Direct)
}

/// Like [`http_client_trusting`], with requests going the way `proxy` says.
pub fn http_client_via(
    extra_roots: &[reqwest::Certificate],
    proxy: &ProxyChoice,
) -> Result<reqwest::Client, RemoteError> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut builder = reqwest::Client::builder();
    for root in extra_roots {
        builder = builder.add_root_certificate(root.clone());
    }
    builder = match proxy {
        // reqwest reads the environment and the OS's settings itself when given no proxy.
        ProxyChoice::System => builder,
        ProxyChoice::Direct => builder.no_proxy(),
        ProxyChoice::Named(url) => builder.proxy(
            reqwest::Proxy::all(url.as_str())
                .map_err(|e| RemoteError::from_reqwest(Action::BuildClient, e))?
                .no_proxy(reqwest::NoProxy::from_string("localhost,127.0.0.1,::1")),
        ),
    };
    builder
        .connect_timeout(CONNECT_TIMEOUT)
        .user_agent(concat!("Kirjaamo/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| RemoteError::from_reqwest(Action::BuildClient, e))
}
