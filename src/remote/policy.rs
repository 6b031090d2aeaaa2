//! Where the clients may connect: https everywhere except the loopback address (the sandbox and
//! local tests), and the municipality's own CA trusted in addition to the system's roots.

use std::path::{Path, PathBuf};

/// Why an address or a CA bundle is refused.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// Not a URL.
    #[error("\"{0}\" is not a web address")]
    Invalid(String, #[source] url::ParseError),
    /// Plain http to a host that is not this machine.
    #[error("{0} is not encrypted: use https:// (plain http is allowed only to 127.0.0.1 and localhost)")]
    NotHttps(String),
    /// Another scheme.
    #[error("{0}: only https:// addresses are supported")]
    Scheme(String),
    /// The CA bundle could not be read.
    #[error("reading the CA bundle {path}")]
    CaRead {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The CA bundle holds no certificate.
    #[error("the CA bundle {0} holds no PEM certificate")]
    CaEmpty(PathBuf),
    /// The proxy setting is not an http:// or https:// address of a proxy.
    #[error("\"{0}\" is not a proxy address (http://host:port)")]
    ProxyInvalid(String, #[source] Option<url::ParseError>),
    /// The proxy address carries a password, which would be kept in the settings file.
    #[error("the proxy address {0} carries a password; passwords are kept only in the keyring")]
    ProxyPassword(String),
    /// A certificate in the bundle is damaged.
    #[error("the CA bundle {path} is not valid PEM")]
    CaInvalid {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: reqwest::Error,
    },
}

/// Accepts `https://…`, and `http://` only to 127.0.0.1, ::1 or localhost.
pub fn check_base_url(url: &str) -> Result<(), PolicyError> {
    let parsed = reqwest::Url::parse(url).map_err(|e| PolicyError::Invalid(url.to_owned(), e))?;
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(&parsed) => Ok(()),
        "http" => Err(PolicyError::NotHttps(url.to_owned())),
        _ => Err(PolicyError::Scheme(url.to_owned())),
    }
}

/// The root an API's paths are joined to: the base URL as typed, without a trailing `/` and
/// without a trailing `/api/v1`. A base URL may be given either way
/// (`https://tweb.kunta.fi/tweb` and `https://tweb.kunta.fi/tweb/api/v1/` are the same API).
pub fn api_root(base: &str) -> String {
    let base = base.trim().trim_end_matches('/');
    base.strip_suffix("/api/v1").unwrap_or(base).trim_end_matches('/').to_owned()
}

/// Whether `url` names this machine: 127.0.0.0/8, ::1 or localhost.
pub(crate) fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// Accepts a proxy setting: `direct`, or an http:// or https:// proxy address without a password
/// (secrets live only in the keyring; the settings file is plain text).
pub fn check_proxy(proxy: &str) -> Result<(), PolicyError> {
    let proxy = proxy.trim();
    if proxy.is_empty() || proxy.eq_ignore_ascii_case("direct") {
        return Ok(());
    }
    let parsed = url::Url::parse(proxy).map_err(|e| PolicyError::ProxyInvalid(proxy.to_owned(), Some(e)))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
        return Err(PolicyError::ProxyInvalid(proxy.to_owned(), None));
    }
    if parsed.password().is_some() {
        let mut shown = parsed.clone();
        let _ = shown.set_password(None);
        return Err(PolicyError::ProxyPassword(shown.to_string()));
    }
    Ok(())
}

/// Reads the certificates of a PEM bundle (the municipality's own CA).
pub fn read_ca_bundle(path: &Path) -> Result<Vec<reqwest::Certificate>, PolicyError> {
    let pem = std::fs::read(path).map_err(|source| PolicyError::CaRead { path: path.to_owned(), source })?;
    if !pem.windows(27).any(|w| w == b"-----BEGIN CERTIFICATE-----") {
        return Err(PolicyError::CaEmpty(path.to_owned()));
    }
    reqwest::Certificate::from_pem_bundle(&pem)
        .map_err(|source| PolicyError::CaInvalid { path: path.to_owned(), source })
}

impl crate::plain::Explain for PolicyError {
    fn plain(&self) -> crate::plain::Plain {
        use crate::plain::Plain;
        match self {
            Self::Invalid(url, _) => Plain::new("policy-invalid").text("url", url.clone()),
            Self::NotHttps(url) => Plain::new("policy-not-https").text("url", url.clone()),
            Self::Scheme(url) => Plain::new("policy-scheme").text("url", url.clone()),
            Self::CaRead { path, .. } => Plain::new("policy-ca-read").text("path", path.display().to_string()),
            Self::CaEmpty(path) => Plain::new("policy-ca-empty").text("path", path.display().to_string()),
            Self::CaInvalid { path, .. } => Plain::new("policy-ca-invalid").text("path", path.display().to_string()),
            Self::ProxyInvalid(proxy, _) => Plain::new("policy-proxy-invalid").text("url", proxy.clone()),
            Self::ProxyPassword(proxy) => Plain::new("policy-proxy-password").text("url", proxy.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{PolicyError, api_root, check_base_url, check_proxy};

    #[test]
    fn a_base_url_may_end_in_api_v1_or_not() {
        for typed in [
            "https://tweb.kunta.fi/tweb",
            "https://tweb.kunta.fi/tweb/",
            "https://tweb.kunta.fi/tweb/api/v1",
            "https://tweb.kunta.fi/tweb/api/v1/",
            " https://tweb.kunta.fi/tweb/api/v1 ",
        ] {
            assert_eq!(api_root(typed), "https://tweb.kunta.fi/tweb", "{typed:?}");
        }
        assert_eq!(api_root("http://127.0.0.1:8700"), "http://127.0.0.1:8700");
        assert_eq!(api_root("http://127.0.0.1:8700/api/v1"), "http://127.0.0.1:8700");
        assert_eq!(api_root("https://x.fi/api/v10"), "https://x.fi/api/v10", "only /api/v1 itself");
    }

    #[test]
    fn a_proxy_is_an_http_address_without_a_password() {
        for ok in
            ["", "direct", "DIRECT", "http://proxy.kunta.fi:8080", "https://proxy:3128", "http://kirjaamo@proxy:8080"]
        {
            assert!(check_proxy(ok).is_ok(), "{ok}");
        }
        assert!(matches!(check_proxy("proxy.kunta.fi:8080"), Err(PolicyError::ProxyInvalid(..))));
        assert!(matches!(check_proxy("socks5://proxy:1080"), Err(PolicyError::ProxyInvalid(..))));
        let Err(PolicyError::ProxyPassword(shown)) = check_proxy("http://kirjaamo:salainen@proxy:8080") else {
            panic!("a password is refused")
        };
        assert!(!shown.contains("salainen"), "{shown}");
    }

    #[test]
    fn plain_http_only_to_this_machine() {
        for ok in
            ["https://tweb.kunta.fi/api", "http://127.0.0.1:8700/tweb", "http://localhost:9/x", "http://[::1]:80/"]
        {
            assert!(check_base_url(ok).is_ok(), "{ok}");
        }
        assert!(matches!(check_base_url("http://tweb.kunta.fi/api"), Err(PolicyError::NotHttps(_))));
        assert!(matches!(check_base_url("http://10.0.0.5/api"), Err(PolicyError::NotHttps(_))));
        assert!(matches!(check_base_url("http://127.0.0.1.evil.fi/"), Err(PolicyError::NotHttps(_))));
        assert!(matches!(check_base_url("ftp://tweb.kunta.fi"), Err(PolicyError::Scheme(_))));
        assert!(matches!(check_base_url("tweb.kunta.fi"), Err(PolicyError::Invalid(..))));
    }
}
