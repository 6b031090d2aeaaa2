//! Secrets (TWeb password or token, outbox token) live only in the OS keyring: the Secret Service
//! on Linux, the Windows Credential Manager, the macOS Keychain (keyring v4). Nothing here writes
//! a secret anywhere else. Every call may block on the keyring, so callers run it off the UI
//! thread.

use std::collections::HashMap;
use std::sync::Mutex;

/// The keyring service name of every Kirjaamo secret.
pub const SERVICE: &str = "fi.kirjaamo";

/// Which secret of a connection profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecretKind {
    /// TWeb password (with a user name in the profile).
    TwebPassword,
    /// TWeb API token.
    TwebToken,
    /// ePalvelu outbox token.
    OutboxToken,
}

impl SecretKind {
    fn suffix(self) -> &'static str {
        match self {
            Self::TwebPassword => "tweb-password",
            Self::TwebToken => "tweb-token",
            Self::OutboxToken => "outbox-token",
        }
    }
}

/// The keyring account name of one secret of `profile`, e.g. `Tuotanto/outbox-token`.
pub fn account(profile: &str, kind: SecretKind) -> String {
    format!("{profile}/{}", kind.suffix())
}

/// Why a secret could not be stored or read.
#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    /// There is no keyring (e.g. a server without a desktop session).
    #[error(
        "no keyring is available on this computer ({0}); the headless export reads secrets from environment variables instead"
    )]
    NoKeyring(String),
    /// The keyring refused or failed.
    #[error("the keyring failed")]
    Keyring(#[source] keyring::Error),
}

/// Where secrets are kept.
pub trait SecretStore: Send + Sync {
    /// The secret, or `None` when none is stored.
    fn get(&self, profile: &str, kind: SecretKind) -> Result<Option<String>, CredentialError>;
    /// Stores (or replaces) the secret.
    fn set(&self, profile: &str, kind: SecretKind, secret: &str) -> Result<(), CredentialError>;
    /// Forgets the secret; forgetting one that is not there is fine.
    fn forget(&self, profile: &str, kind: SecretKind) -> Result<(), CredentialError>;
}

/// The OS keyring.
#[derive(Debug, Default, Clone, Copy)]
pub struct OsKeyring;

fn entry(profile: &str, kind: SecretKind) -> Result<keyring::Entry, CredentialError> {
    keyring::Entry::new(SERVICE, &account(profile, kind)).map_err(|e| match e {
        keyring::Error::NoDefaultStore | keyring::Error::NoStorageAccess(_) | keyring::Error::PlatformFailure(_) => {
            CredentialError::NoKeyring(e.to_string())
        }
        other => CredentialError::Keyring(other),
    })
}

impl SecretStore for OsKeyring {
    fn get(&self, profile: &str, kind: SecretKind) -> Result<Option<String>, CredentialError> {
        match entry(profile, kind)?.get_password() {
            Ok(secret) => Ok(Some(secret)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(CredentialError::Keyring(e)),
        }
    }

    fn set(&self, profile: &str, kind: SecretKind, secret: &str) -> Result<(), CredentialError> {
        entry(profile, kind)?.set_password(secret).map_err(CredentialError::Keyring)
    }

    fn forget(&self, profile: &str, kind: SecretKind) -> Result<(), CredentialError> {
        match entry(profile, kind)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(CredentialError::Keyring(e)),
        }
    }
}

/// Secrets in memory only, for tests and for the demo (whose secrets are public anyway).
#[derive(Debug, Default)]
pub struct MemoryStore(Mutex<HashMap<String, String>>);

impl SecretStore for MemoryStore {
    fn get(&self, profile: &str, kind: SecretKind) -> Result<Option<String>, CredentialError> {
        Ok(self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(&account(profile, kind)).cloned())
    }

    fn set(&self, profile: &str, kind: SecretKind, secret: &str) -> Result<(), CredentialError> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(account(profile, kind), secret.to_owned());
        Ok(())
    }

    fn forget(&self, profile: &str, kind: SecretKind) -> Result<(), CredentialError> {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).remove(&account(profile, kind));
        Ok(())
    }
}

impl crate::plain::Explain for CredentialError {
    fn plain(&self) -> crate::plain::Plain {
        match self {
            Self::NoKeyring(_) => crate::plain::Plain::new("keyring-unavailable"),
            Self::Keyring(_) => crate::plain::Plain::new("keyring-failed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{MemoryStore, SecretKind, SecretStore, account};

    #[test]
    fn each_profile_has_its_own_secrets() {
        let store = MemoryStore::default();
        assert_eq!(account("Tuotanto", SecretKind::OutboxToken), "Tuotanto/outbox-token");
        store.set("Testi", SecretKind::TwebToken, "t1").unwrap_or_else(|e| panic!("{e}"));
        store.set("Tuotanto", SecretKind::TwebToken, "t2").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(store.get("Testi", SecretKind::TwebToken).ok().flatten().as_deref(), Some("t1"));
        store.forget("Testi", SecretKind::TwebToken).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(store.get("Testi", SecretKind::TwebToken).ok().flatten(), None);
        assert_eq!(store.get("Tuotanto", SecretKind::TwebToken).ok().flatten().as_deref(), Some("t2"));
    }
}
