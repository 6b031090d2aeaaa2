//! What to tell a person, kept apart from the words: an error or a finding names a message of
//! the desk's texts (`assets/i18n/*.ftl`) and its arguments, and the UI says it in the clerk's
//! language ([`crate::i18n::Texts::say`]). The technical chain (English, for logs and support)
//! travels beside it, folded away under "Näytä tiedot".

use std::fmt;

mod stored;

/// A message of the texts with its arguments, e.g. `remote-unavailable` with `action`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plain {
    /// The message id in `assets/i18n/*.ftl`.
    pub id: &'static str,
    /// Named arguments.
    pub args: Vec<(&'static str, PlainArg)>,
}

/// An argument of a [`Plain`] message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlainArg {
    /// Text shown as it is: a name, a code, a diary number (never English prose).
    Text(String),
    /// A count (plural rules apply).
    Number(u64),
    /// Another message, said in the same language first (a step inside an error).
    Said(Plain),
}

impl Plain {
    /// The message `id` without arguments.
    pub fn new(id: &'static str) -> Self {
        Self { id, args: Vec::new() }
    }

    /// Adds a text argument.
    #[must_use]
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, PlainArg::Text(value.into())));
        self
    }

    /// Adds a count argument.
    #[must_use]
    pub fn number(mut self, name: &'static str, value: usize) -> Self {
        self.args.push((name, PlainArg::Number(u64::try_from(value).unwrap_or(u64::MAX))));
        self
    }

    /// Adds another message as an argument.
    #[must_use]
    pub fn said(mut self, name: &'static str, value: Plain) -> Self {
        self.args.push((name, PlainArg::Said(value)));
        self
    }
}

/// An error that can say in plain words what went wrong and what to do.
pub trait Explain: std::error::Error {
    /// The plain words.
    fn plain(&self) -> Plain;
}

/// An error as it is told to a person: the plain words and the technical chain beside them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Told {
    /// What to say.
    pub plain: Plain,
    /// The technical chain ([`crate::error_chain`]), for the disclosure and the log.
    pub detail: String,
}

impl Told {
    /// `error` told: its plain words and its chain.
    pub fn of<E: Explain + 'static>(error: &E) -> Self {
        Self { plain: error.plain(), detail: crate::error_chain(error) }
    }

    /// Plain words with a technical detail of their own.
    pub fn new(plain: Plain, detail: impl Into<String>) -> Self {
        Self { plain, detail: detail.into() }
    }
}

impl fmt::Display for Told {
    /// The technical chain: what a log line holds.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
}

impl Explain for std::io::Error {
    fn plain(&self) -> Plain {
        use std::io::ErrorKind;
        let id = match self.kind() {
            ErrorKind::NotFound => "io-not-found",
            ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => "io-denied",
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "io-full",
            _ => "io-failed",
        };
        Plain::new(id)
    }
}

impl Explain for tokio::task::JoinError {
    fn plain(&self) -> Plain {
        Plain::new("error-unexpected")
    }
}

#[cfg(test)]
mod tests;
