//! ePalvelu's side of the sandbox state: the outbox, its claims (leases) and completions.

use crate::sandbox::file_content::FileContent;
use std::collections::{BTreeMap, HashMap};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use bytes::Bytes;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::{ApiError, ApiResult};
use crate::contract::outbox::{
    Claim, ClaimInfo, ClaimRequest, CompleteRequest, Completion, DEFAULT_LEASE_SECONDS, FilingAction, REOPEN_MINUTES,
    ServiceSummary, TransactionDetail, TransactionPage, TransactionQuery, TransactionSummary,
};
use crate::domain::{Attachment, Transaction};

/// A claim as the outbox keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredClaim {
    /// Secret token.
    pub token: String,
    /// Holder's display name.
    pub holder: String,
    /// End of the lease.
    pub expires_at: DateTime<Utc>,
}

/// The mutable outbox state of one transaction, as persisted by `--state`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMark {
    /// Current or last claim.
    pub claim: Option<StoredClaim>,
    /// Completion, once completed.
    pub completion: Option<Completion>,
}

/// The outbox: transactions with their attachment bytes, and their marks.
#[derive(Debug, Default)]
pub struct OutboxState {
    pub(super) transactions: BTreeMap<String, Transaction>,
    files: HashMap<(String, String), FileContent>,
    /// Claims and completions by transaction id.
    pub marks: BTreeMap<String, OutboxMark>,
    issued: u64,
    /// Raw answers served instead of a transaction's JSON (bad-input tests).
    raw: HashMap<String, Bytes>,
    /// Raw attachment bytes and the checksum header to send with them (bad-input tests).
    raw_files: HashMap<(String, String), (Bytes, Option<String>)>,
}

fn live_claim(mark: Option<&OutboxMark>, now: DateTime<Utc>) -> Option<&StoredClaim> {
    mark.and_then(|m| m.claim.as_ref()).filter(|c| c.expires_at > now)
}

fn info(claim: &StoredClaim) -> ClaimInfo {
    ClaimInfo { holder: claim.holder.clone(), expires_at: claim.expires_at }
}

/// The key the outbox keeps to itself: submitter refs cannot be turned back into personal ids
/// without it.
const SUBMITTER_KEY: &str = "sandbox-outbox-submitter-key-2026";

/// The opaque reference of the identified submitter: by henkilötunnus when signed in strongly,
/// else by e-mail, else by name.
fn submitter_ref(t: &Transaction) -> String {
    let s = &t.submitter;
    let who = match (&s.personal_id, &s.email) {
        (Some(id), _) => format!("hetu:{}", id.expose()),
        (None, Some(email)) => format!("email:{}", email.trim().to_lowercase()),
        (None, None) => format!("name:{}", s.name.trim().to_lowercase()),
    };
    hex::encode(&Sha256::digest(format!("{SUBMITTER_KEY}|{who}").as_bytes())[..12])
}

/// The digest of the service and the answers (field keys and values, in form order).
fn content_digest(t: &Transaction) -> String {
    let mut hash = Sha256::new();
    hash.update(t.service.id.as_bytes());
    for field in &t.fields {
        hash.update([0]);
        hash.update(field.key.as_bytes());
        hash.update([1]);
        hash.update(field.value.trim().as_bytes());
    }
    hex::encode(&hash.finalize()[..12])
}

/// A transaction as a list shows it.
pub fn summary(t: &Transaction, claim: Option<ClaimInfo>) -> TransactionSummary {
    TransactionSummary {
        id: t.id.clone(),
        service: t.service.clone(),
        submitted_at: t.submitted_at,
        language: t.language,
        title: t.title.clone(),
        submitter_name: t.submitter.name.clone(),
        attachment_count: t.attachments.len() as u32,
        attachment_bytes: t.attachment_bytes(),
        claim,
        holds_personal_id: t.holds_personal_id(),
        protection_order: t.submitter.protection_order,
        submitter_ref: submitter_ref(t),
        content_digest: content_digest(t),
    }
}

fn cursor_key(t: &Transaction) -> String {
    format!("{}|{}", t.submitted_at.to_rfc3339(), t.id)
}

impl OutboxState {
    /// Adds a transaction and its attachment bytes (in `attachments` order).
    pub fn insert(&mut self, transaction: Transaction, files: Vec<FileContent>) {
        for (attachment, bytes) in transaction.attachments.iter().zip(files) {
            self.files.insert((transaction.id.clone(), attachment.id.clone()), bytes);
        }
        self.transactions.insert(transaction.id.clone(), transaction);
    }

    /// Serves `body` as-is for `GET /transactions/{id}`, whatever it holds.
    pub fn set_raw(&mut self, id: &str, body: Bytes) {
        self.raw.insert(id.to_owned(), body);
    }

    /// Serves `body` with `sha256` (or no checksum header) for an attachment download.
    pub fn set_raw_file(&mut self, id: &str, attachment_id: &str, body: Bytes, sha256: Option<String>) {
        self.raw_files.insert((id.to_owned(), attachment_id.to_owned()), (body, sha256));
    }

    /// The raw answer for a transaction, if one is set.
    pub fn raw(&self, id: &str) -> Option<Bytes> {
        self.raw.get(id).cloned()
    }

    /// The raw attachment, if one is set.
    pub fn raw_file(&self, id: &str, attachment_id: &str) -> Option<(Bytes, Option<String>)> {
        self.raw_files.get(&(id.to_owned(), attachment_id.to_owned())).cloned()
    }

    /// Removes a transaction as if ePalvelu had withdrawn it; true when it existed.
    pub fn remove(&mut self, id: &str) -> bool {
        self.raw.remove(id);
        self.marks.remove(id);
        self.transactions.remove(id).is_some()
    }

    fn transaction(&self, id: &str) -> ApiResult<&Transaction> {
        self.transactions.get(id).ok_or_else(|| ApiError::not_found(format!("no transaction with id {id}")))
    }

    fn is_pending(&self, id: &str) -> bool {
        self.marks.get(id).is_none_or(|m| m.completion.is_none())
    }

    /// Pending transactions, oldest first, one page after `cursor`.
    pub fn list(&self, query: &TransactionQuery, now: DateTime<Utc>) -> ApiResult<TransactionPage> {
        let limit = query.limit.unwrap_or(50);
        if !(1..=200).contains(&limit) {
            return Err(ApiError::bad_request("limit must be between 1 and 200"));
        }
        let after = match &query.cursor {
            Some(cursor) => Some(
                URL_SAFE_NO_PAD
                    .decode(cursor)
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
                    .ok_or_else(|| ApiError::bad_request("the cursor is not one this server gave out"))?,
            ),
            None => None,
        };
        let mut pending: Vec<&Transaction> = self
            .transactions
            .values()
            .filter(|t| self.is_pending(&t.id))
            .filter(|t| query.service.as_deref().is_none_or(|s| t.service.id == s))
            .filter(|t| after.as_deref().is_none_or(|a| cursor_key(t).as_str() > a))
            .collect();
        pending.sort_by_key(|t| cursor_key(t));
        let more = pending.len() > limit as usize;
        pending.truncate(limit as usize);
        let next_cursor = more.then(|| pending.last().map(|t| URL_SAFE_NO_PAD.encode(cursor_key(t)))).flatten();
        let items = pending.into_iter().map(|t| summary(t, live_claim(self.marks.get(&t.id), now).map(info))).collect();
        Ok(TransactionPage { items, next_cursor })
    }

    /// E-services with their pending counts; every service that has any transaction is listed.
    pub fn services(&self) -> Vec<ServiceSummary> {
        let mut services: BTreeMap<&str, ServiceSummary> = BTreeMap::new();
        for t in self.transactions.values() {
            let entry = services.entry(&t.service.id).or_insert_with(|| ServiceSummary {
                id: t.service.id.clone(),
                name: t.service.name.clone(),
                pending: 0,
            });
            if t.language == crate::domain::Language::Fi {
                entry.name.clone_from(&t.service.name);
            }
            entry.pending += u32::from(self.is_pending(&t.id));
        }
        services.into_values().collect()
    }

    /// One transaction with its claim and completion.
    pub fn detail(&self, id: &str, now: DateTime<Utc>) -> ApiResult<TransactionDetail> {
        let transaction = self.transaction(id)?.clone();
        let mark = self.marks.get(id);
        Ok(TransactionDetail {
            transaction,
            claim: live_claim(mark, now).map(info),
            completion: mark.and_then(|m| m.completion.clone()),
        })
    }

    /// An attachment's metadata and bytes.
    pub fn attachment(&self, id: &str, attachment_id: &str) -> ApiResult<(Attachment, Bytes)> {
        let transaction = self.transaction(id)?;
        let attachment = transaction
            .attachments
            .iter()
            .find(|a| a.id == attachment_id)
            .ok_or_else(|| ApiError::not_found(format!("transaction {id} has no attachment {attachment_id}")))?;
        let bytes = self
            .files
            .get(&(id.to_owned(), attachment_id.to_owned()))
            .map(FileContent::bytes)
            .ok_or_else(|| ApiError::internal(format!("the bytes of {id}/{attachment_id} are missing")))?;
        Ok((attachment.clone(), bytes))
    }

    fn new_token(&mut self, id: &str, now: DateTime<Utc>) -> String {
        self.issued += 1;
        let seed = format!(
            "{id}|{}|{}|{:?}",
            self.issued,
            now.timestamp_nanos_opt().unwrap_or_default(),
            std::thread::current().id()
        );
        hex::encode(&Sha256::digest(seed.as_bytes())[..16])
    }

    /// Claims or renews a lease. Another clerk's live claim is a 409 naming the holder.
    pub fn claim(&mut self, id: &str, request: &ClaimRequest, now: DateTime<Utc>) -> ApiResult<Claim> {
        self.transaction(id)?;
        let clerk = request.clerk.trim();
        // Counted as JSON Schema's maxLength counts, white space included.
        if clerk.is_empty() || request.clerk.chars().count() > 100 {
            return Err(ApiError::invalid("/clerk", "clerk must be a display name of 1–100 characters"));
        }
        let lease = request.lease_seconds.unwrap_or(DEFAULT_LEASE_SECONDS);
        if !(1..=3600).contains(&lease) {
            return Err(ApiError::invalid("/lease_seconds", "lease_seconds must be between 1 and 3600"));
        }
        let mark = self.marks.get(id);
        if mark.is_some_and(|m| m.completion.is_some()) {
            return Err(ApiError::gone(format!("transaction {id} has already been filed")));
        }
        let token = match live_claim(mark, now) {
            Some(held) if request.token.as_deref() == Some(held.token.as_str()) || held.holder == clerk => {
                held.token.clone()
            }
            Some(held) => {
                let mut error = ApiError::conflict(format!(
                    "transaction {id} is being handled by {} until {}",
                    held.holder,
                    held.expires_at.to_rfc3339()
                ));
                error.0.holder = Some(held.holder.clone());
                return Err(error);
            }
            None => self.new_token(id, now),
        };
        let claim =
            StoredClaim { token, holder: clerk.to_owned(), expires_at: now + Duration::seconds(i64::from(lease)) };
        self.marks.entry(id.to_owned()).or_default().claim = Some(claim.clone());
        Ok(Claim { token: claim.token, holder: claim.holder, expires_at: claim.expires_at })
    }

    /// Releases a claim; releasing one that has already ended is not an error.
    pub fn release(&mut self, id: &str, token: &str, now: DateTime<Utc>) -> ApiResult<()> {
        self.transaction(id)?;
        let mark = self.marks.entry(id.to_owned()).or_default();
        match live_claim(Some(mark), now) {
            Some(held) if held.token != token => {
                let mut error =
                    ApiError::conflict(format!("the claim on {id} is held by {}, not by this token", held.holder));
                error.0.holder = Some(held.holder.clone());
                Err(error)
            }
            _ => {
                mark.claim = None;
                Ok(())
            }
        }
    }

    /// Takes back a completion: only its clerk, at most [`REOPEN_MINUTES`] after it; the
    /// transaction is pending again.
    pub fn reopen(&mut self, id: &str, clerk: &str, now: DateTime<Utc>) -> ApiResult<()> {
        self.transaction(id)?;
        let mark = self.marks.entry(id.to_owned()).or_default();
        let Some(completion) = &mark.completion else {
            return Err(ApiError::conflict(format!("transaction {id} is not completed")));
        };
        if completion.completed_by != clerk.trim() {
            return Err(ApiError::conflict(format!(
                "transaction {id} was completed by {}; only they may reopen it",
                completion.completed_by
            )));
        }
        if now - completion.completed_at > Duration::minutes(REOPEN_MINUTES) {
            return Err(ApiError::conflict(format!(
                "transaction {id} was completed over {REOPEN_MINUTES} minutes ago and can no longer be reopened"
            )));
        }
        mark.completion = None;
        mark.claim = None;
        Ok(())
    }

    /// Records the filing result; the transaction leaves the pending list.
    pub fn complete(&mut self, id: &str, request: CompleteRequest, now: DateTime<Utc>) -> ApiResult<Completion> {
        self.transaction(id)?;
        let mark = self.marks.entry(id.to_owned()).or_default();
        if mark.completion.is_some() {
            return Err(ApiError::gone(format!("transaction {id} has already been filed")));
        }
        let holder = match live_claim(Some(mark), now) {
            Some(held) if held.token == request.token => held.holder.clone(),
            Some(held) => {
                let mut error = ApiError::conflict(format!("transaction {id} is claimed by {}", held.holder));
                error.0.holder = Some(held.holder.clone());
                return Err(error);
            }
            None => {
                return Err(ApiError::conflict(format!(
                    "transaction {id} is not claimed, or the claim has expired; claim it first"
                )));
            }
        };
        let result = request.result;
        let needs_case = matches!(result.action, FilingAction::NewCase | FilingAction::ExistingCase);
        if needs_case && (result.case_id.is_none() || result.diary_number.is_none()) {
            return Err(ApiError::invalid("/result/case_id", "a filing on a case names the case id and diary number"));
        }
        if result.action == FilingAction::AssignmentOnly && result.assignment_id.is_none() {
            return Err(ApiError::invalid("/result/assignment_id", "an assignment-only filing names the assignment"));
        }
        if result.document_ids.is_empty() {
            return Err(ApiError::invalid("/result/document_ids", "a filing names at least the form document"));
        }
        let listed: Vec<u64> = result.documents.iter().map(|d| d.id).collect();
        if !result.documents.is_empty() && listed != result.document_ids {
            return Err(ApiError::invalid("/result/documents", "documents must list document_ids, in their order"));
        }
        if result.assignment.is_some() && result.assignment_id.is_none() {
            return Err(ApiError::invalid("/result/assignment", "an assignment's receipt goes with its assignment_id"));
        }
        let completion = Completion { completed_by: holder, completed_at: now, result };
        mark.completion = Some(completion.clone());
        mark.claim = None;
        Ok(completion)
    }
}
