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
        "http" => {
            let loopback = match parsed.host() {
                Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
                Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                None => false,
            };
            if loopback { Ok(()) } else { Err(PolicyError::NotHttps(url.to_owned())) }
        }
        _ => Err(PolicyError::Scheme(url.to_owned())),
    }
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{PolicyError, check_base_url};

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
