//! One entry of the access log: who did what to which transaction's personal data, when, where,
//! and with what result; chained to the entry before it by a SHA-256 hash.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What was done with a transaction's personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The form's PDF preview was opened.
    ViewForm,
    /// An attachment was opened.
    ViewAttachment,
    /// The raw form fields were shown.
    ViewFields,
    /// A secret transaction's contents were revealed.
    RevealSecret,
    /// A copy (of the form or an attachment) was saved to a file.
    SaveCopy,
    /// The day list was exported as CSV.
    ExportDayList,
    /// The transaction was filed into TWeb (disclosure to the case system).
    File,
    /// A filing was undone.
    Undo,
    /// The virus scanner found malware in an attachment.
    DetectMalware,
}

impl Action {
    /// The name in the log and in its CSV (`view_form`, `file`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ViewForm => "view_form",
            Self::ViewAttachment => "view_attachment",
            Self::ViewFields => "view_fields",
            Self::RevealSecret => "reveal_secret",
            Self::SaveCopy => "save_copy",
            Self::ExportDayList => "export_day_list",
            Self::File => "file",
            Self::Undo => "undo",
            Self::DetectMalware => "detect_malware",
        }
    }
}

/// Who acts, never typed: the OS account, the TWeb user that `GET /me` named (where the clerk
/// signs in as themselves), and the workstation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Actor {
    /// The OS account (`KUNTA\llaine` on Windows).
    pub os_user: String,
    /// The TWeb user name, when TWeb named one.
    pub tweb_user: Option<String>,
    /// The computer's name.
    pub workstation: String,
}

impl Actor {
    /// The actor on this computer: the OS account and the computer's name, with `tweb_user`.
    pub fn here(os_user: Option<String>, tweb_user: Option<String>) -> Self {
        Self {
            os_user: os_user.unwrap_or_else(|| "(unknown)".to_owned()),
            tweb_user: tweb_user.filter(|u| !u.trim().is_empty()),
            workstation: workstation(),
        }
    }
}

/// This computer's name: `COMPUTERNAME` on Windows, the kernel's host name on Linux.
pub fn workstation() -> String {
    let var = |name: &str| std::env::var(name).ok().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let found = if cfg!(windows) {
        var("COMPUTERNAME")
    } else {
        std::fs::read_to_string("/proc/sys/kernel/hostname")
            .ok()
            .map(|h| h.trim().to_owned())
            .filter(|h| !h.is_empty())
            .or_else(|| var("HOSTNAME"))
    };
    found.unwrap_or_else(|| "(unknown)".to_owned())
}

/// What a caller logs: the rest (sequence number, time, actor, hashes) the log adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// What was done.
    pub action: Action,
    /// The transaction (`TX-…`); its id and service are enough, never its values.
    pub transaction: String,
    /// The e-service's id.
    pub service: Option<String>,
    /// `ok`, or what went wrong in a few words.
    pub result: String,
    /// A receipt without personal data: a diary number, document ids, a file name's extension.
    pub detail: String,
}

impl Event {
    /// A successful `action` on `transaction`.
    pub fn ok(action: Action, transaction: impl Into<String>, service: Option<String>) -> Self {
        Self { action, transaction: transaction.into(), service, result: "ok".to_owned(), detail: String::new() }
    }

    /// With `detail`.
    #[must_use]
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }

    /// With `result` instead of `ok`.
    #[must_use]
    pub fn result(mut self, result: impl Into<String>) -> Self {
        self.result = result.into();
        self
    }
}

/// An entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// 1, 2, 3, … without gaps.
    pub seq: i64,
    /// When (UTC, RFC 3339 with microseconds).
    pub at: String,
    /// The OS account.
    pub os_user: String,
    /// The TWeb user, if known.
    pub tweb_user: Option<String>,
    /// The computer.
    pub workstation: String,
    /// `view_form`, `file`, …
    pub action: String,
    /// The transaction.
    pub transaction: String,
    /// The e-service.
    pub service: Option<String>,
    /// `ok` or what went wrong.
    pub result: String,
    /// A receipt without personal data.
    pub detail: String,
    /// The hash of the entry before (or [`GENESIS`]).
    pub prev_hash: String,
    /// This entry's hash: SHA-256 of `prev_hash` and every field above.
    pub hash: String,
}

impl Entry {
    /// A new entry after `prev_hash` with sequence number `seq`.
    pub fn new(seq: i64, at: DateTime<Utc>, actor: &Actor, event: &Event, prev_hash: &str) -> Self {
        let mut entry = Self {
            seq,
            at: at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            os_user: actor.os_user.clone(),
            tweb_user: actor.tweb_user.clone(),
            workstation: actor.workstation.clone(),
            action: event.action.as_str().to_owned(),
            transaction: event.transaction.clone(),
            service: event.service.clone(),
            result: event.result.clone(),
            detail: event.detail.clone(),
            prev_hash: prev_hash.to_owned(),
            hash: String::new(),
        };
        entry.hash = entry.computed_hash();
        entry
    }

    /// The hash the entry's fields give (compare with [`Entry::hash`]).
    pub fn computed_hash(&self) -> String {
        // A JSON array: every field delimited and escaped, so no two entries hash the same text.
        let fields = serde_json::json!([
            self.prev_hash,
            self.seq,
            self.at,
            self.os_user,
            self.tweb_user,
            self.workstation,
            self.action,
            self.transaction,
            self.service,
            self.result,
            self.detail,
        ]);
        let digest = Sha256::digest(fields.to_string().as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// When, as a time.
    pub fn time(&self) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(&self.at).ok().map(|t| t.with_timezone(&Utc))
    }
}
