//! The filings other clerks made before the sandbox started: each seed transaction marked filed
//! gets its case and documents in TWeb and its completion in the outbox, so the office's day list
//! has something in it and a repeat of a filed transaction can be recognised.

use crate::sandbox::file_content::FileContent;
use std::collections::HashMap;

use bytes::Bytes;
use chrono::{DateTime, Duration, Utc};

use super::error::ApiResult;
use super::outbox_state::OutboxState;
use super::seed::SeedTransaction;
use super::tweb_state::{TwebState, Upload};
use crate::contract::outbox::{Completion, FiledDocument, FilingAction, FilingResult};
use crate::contract::tweb::{CreateCase, DocumentMetadata};
use crate::domain::{Party, PartyRole, helsinki};

/// Clerks who filed the seed's earlier filings.
pub const OTHER_CLERKS: [&str; 3] = ["Maija Virtanen", "Kalle Korhonen", "Aino Laine"];

/// Document types of the form and of attachments by service, as `mappings/` files them.
fn document_types(service: &str) -> (&'static str, &'static str) {
    match service {
        "tietopyynto" => ("TIETOPYYNTO", "HAKLIITE"),
        "meluilmoitus" => ("ILMOITUS", "SELVITYS"),
        "vahingonkorvaus" => ("KORVVAAT", "VALOKUVA"),
        "omaishoidontuki" => ("HAKEMUS", "LAAKLAUS"),
        _ => ("HAKEMUS", "HAKLIITE"),
    }
}

/// The form as the sandbox stores it: its fields as plain text (the sandbox draws no PDFs).
fn form_text(seed: &SeedTransaction) -> Bytes {
    let t = &seed.transaction;
    let mut text = format!("{}\n{}\n\n", t.title, t.id);
    for field in &t.fields {
        text.push_str(&format!("{}: {}\n", field.label, field.value));
    }
    Bytes::from(text)
}

fn upload(
    title: &str,
    document_type: &str,
    filename: &str,
    content_type: &str,
    bytes: Bytes,
    at: DateTime<Utc>,
) -> Upload {
    Upload {
        metadata: DocumentMetadata {
            title: title.to_owned(),
            document_type: document_type.to_owned(),
            filename: Some(filename.to_owned()),
            received_date: Some(helsinki::date_of(at)),
            sha256: None,
            external_ref: None,
        },
        filename: Some(filename.to_owned()),
        content_type: content_type.to_owned(),
        bytes,
    }
}

/// Files `seed` (case group from the seed's services) as `clerk` did at `at`, keeping the
/// documents' contents in `contents`.
fn file_one(
    tweb: &mut TwebState,
    contents: &mut HashMap<String, FileContent>,
    seed: &SeedTransaction,
    clerk: &str,
    at: DateTime<Utc>,
) -> ApiResult<Completion> {
    let t = &seed.transaction;
    let group = super::seed::services().into_iter().find(|s| s.id == t.service.id).map(|s| s.case_group);
    let party = Party::of(&t.submitter, PartyRole::Applicant);
    let request = CreateCase {
        case_group: group.unwrap_or("00.01.00").to_owned(),
        title: t.title.clone(),
        description: None,
        parties: vec![party],
        received_date: Some(helsinki::date_of(t.submitted_at)),
        external_ref: Some(format!("epalvelu:{}", t.id)),
    };
    let case = tweb.create_case(request, at)?;
    let (form_type, attachment_type) = document_types(&t.service.id);
    let form = FileContent::from(form_text(seed));
    let form_name = format!("{}.txt", t.id);
    let files = std::iter::once((t.service.name.as_str(), form_type, form_name.as_str(), "text/plain", form, true))
        .chain(t.attachments.iter().zip(&seed.files).map(|(a, content)| {
            (a.filename.as_str(), attachment_type, a.filename.as_str(), a.content_type.as_str(), content.clone(), false)
        }));
    let mut documents = Vec::new();
    for (title, document_type, filename, content_type, content, is_form) in files {
        contents.insert(content.sha256(), content.clone());
        // TWeb reads an upload whole; the joined bytes go once it has checked them.
        let file = upload(title, document_type, filename, content_type, content.bytes(), at);
        let document = tweb.add_document(Some(case.id), file, at)?;
        documents.push(FiledDocument {
            id: document.id,
            title: document.title,
            document_type: document.document_type,
            form: is_form,
        });
    }
    let result = FilingResult {
        action: FilingAction::NewCase,
        case_id: Some(case.id),
        diary_number: Some(case.diary_number),
        document_ids: documents.iter().map(|d| d.id).collect(),
        assignment_id: None,
        case_title: Some(case.title),
        documents,
        assignment: None,
        left_out: Vec::new(),
    };
    Ok(Completion { completed_by: clerk.to_owned(), completed_at: at, result })
}

/// When the `i`th of the seed's earlier filings was made: every other one today (Helsinki time),
/// spread over the part of the day gone by `now`, so the office's day list has other clerks in it
/// at any hour, even just after midnight; the rest yesterday, within hours of the submission.
/// Never before the submission, never after `now`.
fn filed_at(i: usize, submitted_at: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
    let today = helsinki::start_of_day(now);
    let at = if i.is_multiple_of(2) {
        let of_today = (FILED_TODAY - i / 2) as i32;
        today + (now - today) * of_today / (FILED_TODAY as i32 + 1)
    } else {
        (submitted_at + Duration::minutes(35 + 20 * i as i64)).min(today - Duration::minutes(1))
    };
    at.max(submitted_at).min(now)
}

/// How many of the seed's earlier filings are today's.
const FILED_TODAY: usize = crate::sandbox::seed::FILED.div_ceil(2);

/// Files every seed transaction in `filed` and completes it in `outbox`, half of them today and
/// the rest yesterday (see [`filed_at`]). A transaction the seed cannot file (a closed case group)
/// stays pending.
pub fn file_all(
    tweb: &mut TwebState,
    outbox: &mut OutboxState,
    contents: &mut HashMap<String, FileContent>,
    filed: &[SeedTransaction],
    now: DateTime<Utc>,
) {
    for (i, seed) in filed.iter().enumerate() {
        let clerk = OTHER_CLERKS[i % OTHER_CLERKS.len()];
        let at = filed_at(i, seed.transaction.submitted_at, now);
        outbox.insert(seed.transaction.clone(), seed.files.clone());
        match file_one(tweb, contents, seed, clerk, at) {
            Ok(completion) => {
                outbox.marks.entry(seed.transaction.id.clone()).or_default().completion = Some(completion);
            }
            Err(e) => tracing::warn!(transaction = %seed.transaction.id, "the seed could not file it: {}", e.0.title),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).map(|d| d.with_timezone(&Utc)).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    /// CI ran the desk at 00:30 in Helsinki, and every seed filing fell on yesterday: the day
    /// list had no other clerk in it. At any hour, half are today's and half yesterday's.
    #[test]
    fn half_the_seed_filings_are_today_s_at_any_hour_and_none_is_before_its_submission() {
        for now in ["2026-11-30T22:30:00Z", "2026-12-01T06:00:00Z", "2026-12-01T21:59:00Z", "2026-06-14T21:05:00Z"] {
            let now = at(now);
            let (_, filed) = crate::sandbox::seed::outbox_at(7, now);
            assert_eq!(filed.len(), crate::sandbox::seed::FILED);
            let today = helsinki::date_of(now);
            let mut days = Vec::new();
            for (i, seed) in filed.iter().enumerate() {
                let when = filed_at(i, seed.transaction.submitted_at, now);
                assert!(when >= seed.transaction.submitted_at && when <= now, "{now}: {i} at {when}");
                days.push(helsinki::date_of(when));
            }
            let of_today = days.iter().filter(|d| **d == today).count();
            assert_eq!(of_today, FILED_TODAY, "{now}: {days:?}");
            assert!(days.iter().all(|d| *d == today || *d == today - Duration::days(1)), "{now}: {days:?}");
        }
    }
}
