//! Reading the access log: checking its chain and answering a data protection officer's
//! questions ("who saw this citizen's application") as CSV.

use chrono::{DateTime, Utc};

use super::entry::{Entry, GENESIS};

/// The first place where the chain is broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tamper {
    /// The entry's fields no longer give its hash: it was changed.
    Changed {
        /// Its sequence number.
        seq: i64,
    },
    /// An entry is missing before this one (or this one was moved here).
    Missing {
        /// The sequence number expected.
        expected: i64,
        /// The one found.
        found: i64,
    },
    /// The entry does not follow the one before it: entries were removed, reordered or replaced.
    Broken {
        /// Its sequence number.
        seq: i64,
    },
}

impl std::fmt::Display for Tamper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Changed { seq } => write!(f, "entry {seq} was changed"),
            Self::Missing { expected, found } => {
                write!(f, "entry {expected} is missing (entry {found} comes after entry {})", expected - 1)
            }
            Self::Broken { seq } => {
                write!(f, "entry {seq} does not follow the entry before it (removed, reordered or replaced)")
            }
        }
    }
}

/// Checks `entries` (in stored order): the count when the chain is whole.
pub fn verify(entries: &[Entry]) -> Result<usize, Tamper> {
    let mut prev = GENESIS.to_owned();
    for (i, entry) in entries.iter().enumerate() {
        let expected = i64::try_from(i).unwrap_or(i64::MAX).saturating_add(1);
        if entry.seq != expected {
            return Err(Tamper::Missing { expected, found: entry.seq });
        }
        if entry.computed_hash() != entry.hash {
            return Err(Tamper::Changed { seq: entry.seq });
        }
        if entry.prev_hash != prev {
            return Err(Tamper::Broken { seq: entry.seq });
        }
        prev.clone_from(&entry.hash);
    }
    Ok(entries.len())
}

/// Which entries a question is about.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// From this time on.
    pub from: Option<DateTime<Utc>>,
    /// Before this time.
    pub to: Option<DateTime<Utc>>,
    /// Of this transaction.
    pub transaction: Option<String>,
    /// By this user (the OS account or the TWeb user, either; case-insensitive).
    pub user: Option<String>,
}

impl Filter {
    /// Whether `entry` answers the question.
    pub fn matches(&self, entry: &Entry) -> bool {
        let at = entry.time();
        let user = |u: &str| {
            let u = u.to_lowercase();
            entry.os_user.to_lowercase() == u
                || entry.os_user.to_lowercase().rsplit('\\').next() == Some(u.as_str())
                || entry.tweb_user.as_deref().is_some_and(|t| t.to_lowercase() == u)
        };
        self.from.is_none_or(|from| at.is_some_and(|at| at >= from))
            && self.to.is_none_or(|to| at.is_some_and(|at| at < to))
            && self.transaction.as_deref().is_none_or(|t| entry.transaction == t)
            && self.user.as_deref().is_none_or(user)
    }
}

fn cell(text: &str) -> String {
    // A cell that starts like a formula is read as text, not run.
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() };
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The entries as CSV for a spreadsheet: UTF-8 with a BOM, `;` between fields, CRLF line ends;
/// the time both in UTC and in Helsinki time.
pub fn csv<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Vec<u8> {
    let header = [
        "seq",
        "at_utc",
        "at_helsinki",
        "os_user",
        "tweb_user",
        "workstation",
        "action",
        "transaction",
        "service",
        "result",
        "detail",
        "hash",
    ];
    let mut out = String::from("\u{feff}");
    out.push_str(&header.map(cell).join(";"));
    out.push_str("\r\n");
    for e in entries {
        let local = e
            .time()
            .map(|t| crate::domain::helsinki::local(t).format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default();
        let fields = [
            e.seq.to_string(),
            e.at.clone(),
            local,
            e.os_user.clone(),
            e.tweb_user.clone().unwrap_or_default(),
            e.workstation.clone(),
            e.action.clone(),
            e.transaction.clone(),
            e.service.clone().unwrap_or_default(),
            e.result.clone(),
            e.detail.clone(),
            e.hash.clone(),
        ];
        out.push_str(&fields.iter().map(|f| cell(f)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}
