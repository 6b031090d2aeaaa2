//! The id of an asiointitapahtuma as the outbox names it (`TX-2026-000123`).

use std::borrow::Borrow;
use std::fmt;

/// A transaction's id: the key of every map and set that holds something per transaction.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TransactionId(String);

impl TransactionId {
    /// The id `id`, as the outbox gave it.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TransactionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::ops::Deref for TransactionId {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for TransactionId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for TransactionId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for TransactionId {
    fn from(id: &str) -> Self {
        Self(id.to_owned())
    }
}

impl From<String> for TransactionId {
    fn from(id: String) -> Self {
        Self(id)
    }
}

impl PartialEq<str> for TransactionId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<String> for TransactionId {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl PartialEq<TransactionId> for String {
    fn eq(&self, other: &TransactionId) -> bool {
        self == &other.0
    }
}

impl PartialEq<TransactionId> for str {
    fn eq(&self, other: &TransactionId) -> bool {
        self == other.0
    }
}
