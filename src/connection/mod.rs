//! A connection to the two services: where they are, who signs in, and the secrets that go with
//! it. Built from a settings [`Profile`] and the keyring, or for the demo from the sandbox; checked
//! with [`check`] before use ("Test connection").

mod check;
mod identity;

use std::path::PathBuf;

pub use check::{ConnectionCheck, Found, ServiceCheck, Verdict, check};
pub use identity::{Identity, IdentitySource, identity, os_account};

use crate::credentials::{CredentialError, SecretKind, SecretStore};
use crate::remote::RemoteError;
use crate::settings::{Profile, TwebSignIn};
use crate::tweb::TwebAuth;

/// Where the desk or the export connects and as whom. `Debug` shows no secret.
#[derive(Clone)]
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
    /// Name of the connection shown in the window, e.g. "Tuotanto".
    pub label: String,
    /// Address of a case in TWeb's web UI, with `{id}` and `{diary}` placeholders.
    pub case_url: Option<String>,
    /// The municipality's own CA bundle (PEM), trusted besides the system roots.
    pub ca_bundle: Option<PathBuf>,
    /// The proxy the profile names (`direct` for none); the OS's settings when `None`. Servers on
    /// this machine are always reached straight ([`crate::remote::ProxyChoice`]).
    pub proxy: Option<String>,
    /// The virus scanner the profile names; none chosen when it names none.
    pub scanner: crate::scan::ScannerChoice,
    /// Filings at once against these servers.
    pub parallel: usize,
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("label", &self.label)
            .field("tweb_url", &self.tweb_url)
            .field("tweb_auth", &self.tweb_auth)
            .field("outbox_url", &self.outbox_url)
            .field("outbox_token", &"****")
            .field("clerk", &self.clerk)
            .field("proxy", &self.proxy)
            .finish_non_exhaustive()
    }
}

/// The secrets of a profile: the TWeb password or token and the outbox token.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secrets {
    /// TWeb password (password sign-in) or API token.
    pub tweb: Option<String>,
    /// Outbox token.
    pub outbox: Option<String>,
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Secrets")
            .field("tweb", &self.tweb.as_ref().map(|_| "…"))
            .field("outbox", &self.outbox.as_ref().map(|_| "…"))
            .finish()
    }
}

/// Why a connection could not be made from a profile.
#[derive(Debug, thiserror::Error)]
pub enum ConnectionError {
    /// Secrets are not in the keyring.
    #[error("profile {profile}: {} not saved in the keyring; enter it in the connection settings", missing_names(.missing))]
    Missing {
        /// The profile.
        profile: String,
        /// Which secrets.
        missing: Vec<SecretKind>,
    },
    /// The keyring failed or is not there.
    #[error("profile {profile}: the secrets could not be read")]
    Keyring {
        /// The profile.
        profile: String,
        /// Why.
        #[source]
        source: CredentialError,
    },
}

fn missing_names(missing: &[SecretKind]) -> String {
    missing.iter().map(|k| secret_name(*k)).collect::<Vec<_>>().join(" and ")
}

/// The secret's name in plain words, e.g. "the TWeb password".
pub fn secret_name(kind: SecretKind) -> &'static str {
    match kind {
        SecretKind::TwebPassword => "the TWeb password",
        SecretKind::TwebToken => "the TWeb API token",
        SecretKind::OutboxToken => "the outbox token",
    }
}

/// Which keyring entry holds the TWeb secret of `profile`.
pub fn tweb_secret_kind(profile: &Profile) -> SecretKind {
    match profile.tweb_sign_in {
        TwebSignIn::Password { .. } => SecretKind::TwebPassword,
        TwebSignIn::Token => SecretKind::TwebToken,
    }
}

/// Reads the secrets of `profile` from `store` (blocking: run it off the UI thread).
pub fn read_secrets(profile: &Profile, store: &dyn SecretStore) -> Result<Secrets, ConnectionError> {
    let keyring = |source| ConnectionError::Keyring { profile: profile.name.clone(), source };
    Ok(Secrets {
        tweb: store.get(&profile.name, tweb_secret_kind(profile)).map_err(keyring)?,
        outbox: store.get(&profile.name, SecretKind::OutboxToken).map_err(keyring)?,
    })
}

impl Connection {
    /// The connection of `profile` with `secrets`; names what is missing.
    pub fn from_profile(profile: &Profile, secrets: &Secrets) -> Result<Self, ConnectionError> {
        let mut missing = Vec::new();
        if secrets.tweb.as_deref().is_none_or(str::is_empty) {
            missing.push(tweb_secret_kind(profile));
        }
        if secrets.outbox.as_deref().is_none_or(str::is_empty) {
            missing.push(SecretKind::OutboxToken);
        }
        let (Some(tweb), Some(outbox), true) = (secrets.tweb.clone(), secrets.outbox.clone(), missing.is_empty())
        else {
            return Err(ConnectionError::Missing { profile: profile.name.clone(), missing });
        };
        for secret in [&tweb, &outbox] {
            crate::logging::register_secret(secret);
        }
        let tweb_auth = match &profile.tweb_sign_in {
            // A central profile leaves the user name empty: each clerk signs in as their own
            // account's user name.
            TwebSignIn::Password { user } if user.trim().is_empty() => {
                let account = identity::os_account().unwrap_or_default();
                let user = account.rsplit('\\').next().unwrap_or_default().to_owned();
                TwebAuth::Basic { user, password: tweb }
            }
            TwebSignIn::Password { user } => TwebAuth::Basic { user: user.clone(), password: tweb },
            TwebSignIn::Token => TwebAuth::Bearer(tweb),
        };
        Ok(Self {
            tweb_url: profile.tweb_url.clone(),
            tweb_auth,
            outbox_url: profile.outbox_url.clone(),
            outbox_token: outbox,
            clerk: profile.clerk.clone(),
            label: profile.name.clone(),
            case_url: profile.case_url.clone().filter(|u| !u.trim().is_empty()),
            ca_bundle: profile.ca_bundle.clone(),
            proxy: profile.proxy.clone(),
            scanner: profile.scanner.clone().unwrap_or_default(),
            parallel: profile.parallel.unwrap_or(crate::export::pace::DEFAULT_PARALLEL),
        })
    }

    /// Checks both addresses (https except to this machine) and builds the HTTP client, trusting
    /// the CA bundle besides the system roots, through the proxy the profile or the OS names.
    /// Reads the bundle: run it off the UI thread.
    pub fn http_client(&self) -> Result<reqwest::Client, RemoteError> {
        for url in [&self.tweb_url, &self.outbox_url] {
            crate::remote::check_base_url(url)
                .map_err(|e| RemoteError::insecure(crate::remote::Action::Connect, &e))?;
        }
        let roots = match &self.ca_bundle {
            Some(path) => crate::remote::read_ca_bundle(path)
                .map_err(|e| RemoteError::insecure(crate::remote::Action::Connect, &e))?,
            None => Vec::new(),
        };
        if let Some(proxy) = &self.proxy {
            crate::remote::check_proxy(proxy).map_err(|e| RemoteError::insecure(crate::remote::Action::Connect, &e))?;
        }
        let proxy = crate::remote::ProxyChoice::for_servers(self.proxy.as_deref(), &[&self.tweb_url, &self.outbox_url]);
        crate::remote::http_client_via(&roots, &proxy)
    }
}

impl crate::plain::Explain for ConnectionError {
    fn plain(&self) -> crate::plain::Plain {
        use crate::plain::Plain;
        match self {
            Self::Missing { profile, missing } => {
                let mut plain = Plain::new("connection-missing").text("profile", profile.clone());
                for (i, kind) in missing.iter().take(3).enumerate() {
                    plain = plain.said(["first", "second", "third"][i], Plain::new(secret_message(*kind)));
                }
                plain.number("count", missing.len())
            }
            Self::Keyring { profile, source } => {
                Plain::new("connection-keyring").text("profile", profile.clone()).said("cause", source.plain())
            }
        }
    }
}

/// The message naming a secret (`secret-…`).
pub fn secret_message(kind: SecretKind) -> &'static str {
    match kind {
        SecretKind::TwebPassword => "secret-tweb-password",
        SecretKind::TwebToken => "secret-tweb-token",
        SecretKind::OutboxToken => "secret-outbox-token",
    }
}

#[cfg(test)]
mod tests;
