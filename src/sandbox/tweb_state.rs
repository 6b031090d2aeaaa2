//! TWeb's side of the sandbox state: cases, documents and assignments, and the rules that a real
//! TWeb enforces on them.

use std::collections::BTreeMap;

use bytes::Bytes;
use chrono::{DateTime, Datelike, Duration, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::{ApiError, ApiResult};
use super::seed::Catalog;
use crate::contract::FieldProblem;
use crate::contract::tweb::{
    CaseDetail, CasePage, CaseQuery, CreateAssignment, CreateCase, DocumentMetadata, WITHDRAW_MINUTES,
};
use crate::domain::{Assignment, AssignmentStatus, Case, CaseStatus, Document};

/// First id given to objects created through the API.
const FIRST_API_ID: u64 = 10_000;

/// Everything TWeb holds, as persisted by `--state`. Document contents live beside it by SHA-256.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TwebState {
    /// The catalog.
    pub catalog: Catalog,
    /// Cases by id.
    pub cases: BTreeMap<u64, Case>,
    /// Documents by id.
    pub documents: BTreeMap<u64, Document>,
    /// Assignments by id.
    pub assignments: BTreeMap<u64, Assignment>,
    /// Last diary number used per `case_group/year`.
    pub counters: BTreeMap<String, u32>,
    /// Next id for a created object.
    pub next_id: u64,
}

/// A document upload as the handler read it from the multipart body.
#[derive(Debug)]
pub struct Upload {
    /// The metadata part.
    pub metadata: DocumentMetadata,
    /// File name of the file part.
    pub filename: Option<String>,
    /// Content type of the file part.
    pub content_type: String,
    /// The bytes.
    pub bytes: Bytes,
}

/// A text of 1–`max` characters (code points, as JSON Schema's `maxLength` counts them, white
/// space included) that is not only white space; kept trimmed.
pub(super) fn required_text(pointer: &str, value: &str, max: usize) -> ApiResult<String> {
    if value.chars().count() > max {
        let detail = format!("{} is longer than {max} characters", &pointer[1..]);
        return Err(ApiError::refused(FieldProblem::new(pointer, detail).code("too_long").limit(max)));
    }
    let value = value.trim();
    if value.is_empty() {
        let detail = format!("{} must not be empty", &pointer[1..]);
        return Err(ApiError::refused(FieldProblem::new(pointer, detail).code("empty")));
    }
    Ok(value.to_owned())
}

fn contains(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(needle)
}

impl TwebState {
    /// A state holding the catalog and the given cases and documents.
    pub fn new(catalog: Catalog, cases: Vec<Case>, documents: Vec<Document>, counters: BTreeMap<String, u32>) -> Self {
        Self {
            catalog,
            cases: cases.into_iter().map(|c| (c.id, c)).collect(),
            documents: documents.into_iter().map(|d| (d.id, d)).collect(),
            assignments: BTreeMap::new(),
            counters,
            next_id: FIRST_API_ID,
        }
    }

    fn take_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Cases matching the query, newest first, one page of them.
    pub fn search(&self, query: &CaseQuery) -> ApiResult<CasePage> {
        let page = query.page.unwrap_or(1);
        let per_page = query.per_page.unwrap_or(20);
        if page == 0 || page > 2_147_483_647 {
            return Err(ApiError::bad_request("page is from 1 to 2147483647"));
        }
        if !(1..=100).contains(&per_page) {
            return Err(ApiError::bad_request("per_page must be between 1 and 100"));
        }
        let q = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty()).map(str::to_lowercase);
        let party = query.party.as_deref().map(str::to_lowercase);
        let mut hits: Vec<&Case> = self
            .cases
            .values()
            .filter(|c| query.diary_number.as_deref().is_none_or(|d| c.diary_number.starts_with(d.trim())))
            .filter(|c| query.external_ref.as_deref().is_none_or(|r| c.external_ref.as_deref() == Some(r)))
            .filter(|c| query.case_group.as_deref().is_none_or(|g| c.case_group == g))
            .filter(|c| party.as_deref().is_none_or(|p| c.parties.iter().any(|x| contains(&x.name, p))))
            .filter(|c| {
                q.as_deref().is_none_or(|q| {
                    contains(&c.diary_number, q)
                        || contains(&c.title, q)
                        || c.description.as_deref().is_some_and(|d| contains(d, q))
                        || c.parties.iter().any(|p| contains(&p.name, q))
                })
            })
            .collect();
        hits.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
        let total = hits.len() as u64;
        // In u64: page 2,147,483,647 of 100 overflowed u32 and ended the connection.
        let skip = usize::try_from((u64::from(page) - 1) * u64::from(per_page)).unwrap_or(usize::MAX);
        let items = hits.into_iter().skip(skip).take(per_page as usize).cloned().collect();
        Ok(CasePage { items, page, per_page, total })
    }

    /// A case with its documents.
    pub fn case_detail(&self, id: u64) -> ApiResult<CaseDetail> {
        let case = self.cases.get(&id).ok_or_else(|| ApiError::not_found(format!("no case with id {id}")))?;
        let documents = self.documents.values().filter(|d| d.case_id == Some(id)).cloned().collect();
        Ok(CaseDetail { case: case.clone(), documents })
    }

    /// Withdraws a case opened by mistake: only one opened through the API (it has an external
    /// ref) at most [`WITHDRAW_MINUTES`] ago, holding only the documents filed with it (their refs
    /// begin with the case's) and no assignment. Its documents are removed, its status becomes
    /// withdrawn and its ref and theirs are released; the diary number is never used again.
    pub fn withdraw_case(&mut self, id: u64, reason: &str, now: DateTime<Utc>) -> ApiResult<Case> {
        let reason = required_text("/reason", reason, 500)?;
        let case = self.cases.get(&id).ok_or_else(|| ApiError::not_found(format!("no case with id {id}")))?;
        let Some(case_ref) = case.external_ref.clone() else {
            return Err(ApiError::conflict(format!("case {} was not opened through the API", case.diary_number)));
        };
        if now - case.created_at > Duration::minutes(WITHDRAW_MINUTES) {
            return Err(ApiError::conflict(format!(
                "case {} was opened over {WITHDRAW_MINUTES} minutes ago and can no longer be withdrawn",
                case.diary_number
            )));
        }
        let prefix = format!("{case_ref}:");
        let documents: Vec<u64> = self.documents.values().filter(|d| d.case_id == Some(id)).map(|d| d.id).collect();
        let others = self
            .documents
            .values()
            .filter(|d| d.case_id == Some(id))
            .any(|d| !d.external_ref.as_deref().is_some_and(|r| r.starts_with(&prefix)));
        if others {
            return Err(ApiError::conflict(format!("case {} holds documents of other filings", case.diary_number)));
        }
        let assigned = self
            .assignments
            .values()
            .any(|a| a.case_id == Some(id) || a.document_ids.iter().any(|d| documents.contains(d)));
        if assigned {
            return Err(ApiError::conflict(format!(
                "case {} has an assignment, which its recipients have already received",
                case.diary_number
            )));
        }
        for document in &documents {
            self.documents.remove(document);
        }
        let case = self.cases.get_mut(&id).ok_or_else(|| ApiError::not_found(format!("no case with id {id}")))?;
        case.status = CaseStatus::Withdrawn;
        case.external_ref = None;
        case.description =
            Some(format!("Peruttu {}: {reason}", crate::domain::helsinki::local(now).format("%-d.%-m.%Y %-H.%M")));
        Ok(case.clone())
    }

    /// Opens a case: validates, assigns the diary number and inherits the records properties.
    pub fn create_case(&mut self, request: CreateCase, now: DateTime<Utc>) -> ApiResult<Case> {
        let title = required_text("/title", &request.title, 500)?;
        if !crate::domain::is_case_group_code(&request.case_group) {
            return Err(ApiError::invalid(
                "/case_group",
                format!("{} is not a case group code such as 02.05.01", request.case_group),
            ));
        }
        let group = self.catalog.case_group(&request.case_group).ok_or_else(|| {
            let detail = format!("{} is not a case group of the records plan", request.case_group);
            ApiError::refused(FieldProblem::new("/case_group", detail).code("unknown"))
        })?;
        if !group.active {
            let detail =
                format!("case group {} {} is closed; new cases cannot be opened in it", group.code, group.name);
            return Err(ApiError::refused(FieldProblem::new("/case_group", detail).code("closed")));
        }
        for (i, party) in request.parties.iter().enumerate() {
            required_text(&format!("/parties/{i}/name"), &party.name, 200)?;
        }
        if let Some(external_ref) = &request.external_ref
            && let Some(existing) = self.cases.values().find(|c| c.external_ref.as_ref() == Some(external_ref))
        {
            return Err(ApiError::duplicate_ref("case", external_ref, existing.id));
        }
        let (code, records) = (group.code.clone(), group.records.clone());
        let counter = self.counters.entry(format!("{code}/{}", now.year())).or_insert(0);
        *counter += 1;
        let diary_number = format!("{counter}/{code}/{}", now.year());
        let case = Case {
            id: self.take_id(),
            diary_number,
            title,
            description: request.description.filter(|d| !d.trim().is_empty()),
            case_group: code,
            records,
            parties: request.parties,
            status: CaseStatus::Pending,
            created_at: now,
            received_date: request.received_date.unwrap_or_else(|| crate::domain::helsinki::date_of(now)),
            external_ref: request.external_ref,
        };
        self.cases.insert(case.id, case.clone());
        Ok(case)
    }

    /// Registers a document, on a case or unregistered, after checking type, checksum and ref.
    pub fn add_document(&mut self, case_id: Option<u64>, upload: Upload, now: DateTime<Utc>) -> ApiResult<Document> {
        let case_records = match case_id {
            Some(id) => {
                let case = self.cases.get(&id).ok_or_else(|| ApiError::not_found(format!("no case with id {id}")))?;
                if case.status == CaseStatus::Withdrawn {
                    return Err(ApiError::conflict(format!("case {} is withdrawn", case.diary_number)));
                }
                Some(case.records.clone())
            }
            None => None,
        };
        let meta = upload.metadata;
        let title = required_text("/title", &meta.title, 500)?;
        let doc_type = self.catalog.document_type(meta.document_type.trim()).cloned().ok_or_else(|| {
            let detail = format!("{} is not a document type", meta.document_type);
            ApiError::refused(FieldProblem::new("/document_type", detail).code("unknown"))
        })?;
        if upload.bytes.is_empty() {
            return Err(ApiError::invalid("/file", "the file part is empty"));
        }
        let sha256 = hex::encode(Sha256::digest(&upload.bytes));
        if let Some(expected) = &meta.sha256
            && !expected.eq_ignore_ascii_case(&sha256)
        {
            return Err(ApiError::invalid(
                "/sha256",
                format!("the file's SHA-256 is {sha256}, not {expected}: the upload was damaged"),
            ));
        }
        let filename = meta.filename.or(upload.filename).unwrap_or_else(|| "asiakirja".to_owned());
        required_text("/filename", &filename, 255)?;
        if let Some(external_ref) = &meta.external_ref
            && let Some(existing) = self.documents.values().find(|d| d.external_ref.as_ref() == Some(external_ref))
        {
            return Err(ApiError::duplicate_ref("document", external_ref, existing.id));
        }
        let records = match case_records {
            Some(case_records) => case_records.stricter(&doc_type.records),
            None => doc_type.records.clone(),
        };
        let document = Document {
            id: self.take_id(),
            case_id,
            title,
            document_type: doc_type.code,
            records,
            filename,
            content_type: upload.content_type,
            size: upload.bytes.len() as u64,
            sha256,
            received_date: meta.received_date.unwrap_or_else(|| crate::domain::helsinki::date_of(now)),
            created_at: now,
            external_ref: meta.external_ref,
        };
        self.documents.insert(document.id, document.clone());
        Ok(document)
    }

    /// Sends an assignment after checking recipients and targets.
    pub fn create_assignment(&mut self, request: CreateAssignment, now: DateTime<Utc>) -> ApiResult<Assignment> {
        let subject = required_text("/subject", &request.subject, 200)?;
        if request.recipients.is_empty() {
            return Err(ApiError::invalid("/recipients", "an assignment needs at least one user or group"));
        }
        for (i, user) in request.recipients.users.iter().enumerate() {
            if !self.catalog.users.iter().any(|u| &u.id == user) {
                let field = FieldProblem::new(&format!("/recipients/users/{i}"), format!("{user} is not a TWeb user"));
                return Err(ApiError::refused(field.code("unknown")));
            }
        }
        for (i, group) in request.recipients.groups.iter().enumerate() {
            if !self.catalog.groups.iter().any(|g| &g.id == group) {
                let field =
                    FieldProblem::new(&format!("/recipients/groups/{i}"), format!("{group} is not a TWeb group"));
                return Err(ApiError::refused(field.code("unknown")));
            }
        }
        if request.case_id.is_none() && request.document_ids.is_empty() {
            return Err(ApiError::invalid("/case_id", "an assignment needs a target case or at least one document"));
        }
        if let Some(case_id) = request.case_id
            && !self.cases.contains_key(&case_id)
        {
            return Err(ApiError::invalid("/case_id", format!("no case with id {case_id}")));
        }
        for (i, id) in request.document_ids.iter().enumerate() {
            let document = self
                .documents
                .get(id)
                .ok_or_else(|| ApiError::invalid(&format!("/document_ids/{i}"), format!("no document with id {id}")))?;
            if request.case_id.is_some() && document.case_id.is_some() && document.case_id != request.case_id {
                return Err(ApiError::invalid(
                    &format!("/document_ids/{i}"),
                    format!("document {id} is not on case {}", request.case_id.unwrap_or_default()),
                ));
            }
        }
        if let Some(due) = request.due_date
            && due < crate::domain::helsinki::date_of(now)
        {
            let detail = format!("the due date {due} is in the past");
            return Err(ApiError::refused(FieldProblem::new("/due_date", detail).code("past")));
        }
        if let Some(external_ref) = &request.external_ref
            && let Some(existing) = self.assignments.values().find(|a| a.external_ref.as_ref() == Some(external_ref))
        {
            return Err(ApiError::duplicate_ref("assignment", external_ref, existing.id));
        }
        let assignment = Assignment {
            id: self.take_id(),
            subject,
            message: request.message.filter(|m| !m.trim().is_empty()),
            due_date: request.due_date,
            recipients: request.recipients,
            case_id: request.case_id,
            document_ids: request.document_ids,
            status: AssignmentStatus::Open,
            created_at: now,
            external_ref: request.external_ref,
        };
        self.assignments.insert(assignment.id, assignment.clone());
        Ok(assignment)
    }
}
