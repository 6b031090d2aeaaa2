//! The write checks (`--write --case-group CODE`): one test case with one document and one
//! assignment under an external ref of the run's own; the records properties inherited from the
//! records plan, the 409 with `existing_id` on every repeated create, the lookups by ref, and the
//! withdrawal of the test case at the end.

use sha2::{Digest, Sha256};

use super::Checks;
use super::probe::Probe;
use super::tweb_checks::Found;
use crate::contract::tweb::{CaseDetail, CasePage, CreateAssignment, CreateCase, DocumentMetadata, WithdrawCase};
use crate::domain::{Assignment, Case, CaseStatus, Document, Recipients, RecordsProperties};

const NEEDS: &str = "needs the steps before it";

/// The test document: a one-page PDF.
const TEST_PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// Names a differing records property, or `None` when `got` is `want`.
fn records_difference(got: &RecordsProperties, want: &RecordsProperties) -> Option<String> {
    let json = |r: &RecordsProperties| serde_json::to_value(r).unwrap_or_default();
    let (got, want) = (json(got), json(want));
    let keys = want.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
    let differ: Vec<String> = keys
        .iter()
        .filter(|k| got.get(k.as_str()) != want.get(k.as_str()))
        .map(|k| {
            format!(
                "{k} {} where the records plan says {}",
                got.get(k.as_str()).unwrap_or(&serde_json::Value::Null),
                want[k.as_str()]
            )
        })
        .collect();
    (!differ.is_empty()).then(|| differ.join("; "))
}

/// A repeat of a create: 409 problem+json whose `existing_id` is `id`. A server that made a
/// second object instead differs; the id of that object is returned beside, to be cleaned up.
fn repeat_refused(answer: Result<super::probe::Answer, String>, id: u64) -> (Result<String, String>, Option<u64>) {
    let answer = match answer {
        Ok(answer) => answer,
        Err(words) => return (Err(words), None),
    };
    if answer.status == 201 || answer.status == 200 {
        let second = serde_json::from_slice::<serde_json::Value>(&answer.body).ok().and_then(|v| v["id"].as_u64());
        let named = second.map(|s| format!(" (id {s})")).unwrap_or_default();
        let why =
            format!("answered {} and made a second object{named}: the external ref is not kept unique", answer.status);
        return (Err(why), second);
    }
    let result = answer.problem(&[409]).and_then(|problem| match problem.existing_id {
        Some(existing) if existing == id => Ok(format!("409, existing_id {id}")),
        Some(other) => Err(format!("409 names existing_id {other}, the object with the ref is {id}")),
        None => Err("409 without existing_id: a lost answer could not be recovered".to_owned()),
    });
    (result, None)
}

/// The metadata of a test document of `document_type` under `external_ref`.
fn test_metadata(title: &str, document_type: &str, external_ref: String) -> DocumentMetadata {
    DocumentMetadata {
        title: title.to_owned(),
        document_type: document_type.to_owned(),
        filename: Some("conformance.pdf".to_owned()),
        received_date: Some(crate::domain::helsinki::today()),
        sha256: Some(hex::encode(Sha256::digest(TEST_PDF))),
        external_ref: Some(external_ref),
    }
}

/// Uploads the test PDF with `metadata` to `path` (multipart, as the client does).
async fn upload(tweb: &Probe, path: &str, metadata: &DocumentMetadata) -> Result<super::probe::Answer, String> {
    let metadata = serde_json::to_string(metadata).unwrap_or_default();
    let parts = (
        reqwest::multipart::Part::text(metadata).mime_str("application/json"),
        reqwest::multipart::Part::bytes(TEST_PDF).file_name("conformance.pdf").mime_str("application/pdf"),
    );
    let (Ok(meta), Ok(file)) = parts else {
        return Err("the upload could not be built".to_owned());
    };
    let form = reqwest::multipart::Form::new().part("metadata", meta).part("file", file);
    tweb.send(tweb.request(reqwest::Method::POST, path, true).multipart(form)).await.map_err(|no| no.words)
}

/// Skips every step left: they need the one that failed.
fn skip_rest(next: &mut impl FnMut() -> (&'static str, &'static str), checks: &mut Checks) {
    loop {
        let (id, rule) = next();
        if rule.is_empty() {
            return;
        }
        checks.skip(id, rule, NEEDS);
    }
}

/// Runs the write checks in `case_group`.
pub(super) async fn run(
    tweb: &Probe,
    found: Option<&Found>,
    case_group: &str,
    document_type: Option<&str>,
    checks: &mut Checks,
) {
    let steps: [(&'static str, &'static str); 11] = [
        ("write.records-refused", "a new case that sets records properties itself is refused (422)"),
        ("write.create-case", "POST /cases answers 201 with the case, its diary number and the external ref"),
        ("write.case-records", "the case inherits its records properties from its case group"),
        ("write.case-repeat", "a second case with the same external ref is refused: 409 with existing_id"),
        ("write.case-by-ref", "the case carries its external ref, and GET /cases?external_ref= finds it"),
        ("write.add-document", "POST /cases/{id}/documents answers 201 with the document; the content reads back"),
        ("write.document-records", "the document inherits the stricter of its case's and its type's properties"),
        ("write.document-repeat", "a second document with the same external ref is refused: 409 with existing_id"),
        (
            "write.create-assignment",
            "POST /assignments (assignment only) answers 201; GET /assignments?external_ref= finds it",
        ),
        ("write.assignment-repeat", "a second assignment with the same external ref is refused: 409 with existing_id"),
        ("write.withdraw", "the test case is withdrawn with POST /cases/{id}/withdraw"),
    ];
    let Some(found) = found else {
        for (id, rule) in steps {
            checks.skip(id, rule, "needs sign-in and the catalog");
        }
        return;
    };
    let mut steps = steps.into_iter();
    let mut next = move || steps.next().unwrap_or(("write", ""));
    let Some(group) = found.case_groups.iter().find(|g| g.code == case_group) else {
        let why = format!("{case_group} is not in the catalog's case groups");
        let (id, rule) = next();
        checks.record(id, rule, Err(why.clone()));
        skip_rest(&mut next, checks);
        return;
    };
    let doc_type = match document_type {
        Some(code) => found.document_types.iter().find(|t| t.code == code),
        None => found.document_types.first(),
    };
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ");
    let reference = format!("kirjaamo-conformance:{stamp}");
    let today = crate::domain::helsinki::today();
    let create = CreateCase {
        case_group: group.code.clone(),
        title: format!("Kirjaamo conformance test {stamp}"),
        description: Some("Made by `kirjaamo conformance --write`; withdrawn at the end of the run.".to_owned()),
        parties: Vec::new(),
        received_date: Some(today),
        external_ref: Some(reference.clone()),
    };
    let body = serde_json::to_value(&create).unwrap_or_default();

    // Refused before anything is made: a client may not set what the records plan decides.
    let (id, rule) = next();
    let mut with_records = body.clone();
    with_records["external_ref"] = serde_json::Value::String(format!("{reference}:records"));
    with_records["records"] = serde_json::to_value(&group.records).unwrap_or_default();
    let result = match tweb.post_json("/cases", &with_records).await {
        Ok(answer) => answer.problem(&[422]).map(|p| format!("422: {}", p.detail)),
        Err(no) => Err(no.words),
    };
    checks.record(id, rule, result);

    let (id, rule) = next();
    let case = match tweb.post_json("/cases", &body).await {
        Ok(answer) => answer.json::<Case>(201).and_then(|case| {
            if case.case_group != group.code {
                Err(format!("case {} opened in {}, asked for {}", case.id, case.case_group, group.code))
            } else if !super::is_diary_number(&case.diary_number) {
                Err(format!("case {} has the diary number {:?}", case.id, case.diary_number))
            } else {
                Ok(case)
            }
        }),
        Err(no) => Err(no.words),
    };
    let shown = case.as_ref().map(|c| format!("case {} ({}), ref {reference}", c.id, c.diary_number));
    checks.record(id, rule, shown.map_err(Clone::clone));
    let Ok(case) = case else {
        skip_rest(&mut next, checks);
        return;
    };

    let (id, rule) = next();
    let result = match records_difference(&case.records, &group.records) {
        None => Ok(format!("{:?}, as case group {}", case.records.publicity, group.code)),
        Some(difference) => Err(difference),
    };
    checks.record(id, rule, result);

    let (id, rule) = next();
    let (result, second) = repeat_refused(tweb.post_json("/cases", &body).await.map_err(|no| no.words), case.id);
    checks.record(id, rule, result);
    if let Some(second) = second {
        let cleaned = withdraw(tweb, second).await;
        checks.record("write.second-case-withdrawn", "the second case the repeat made is withdrawn", cleaned);
    }

    let (id, rule) = next();
    let result = match tweb.get("/cases", &[("external_ref", reference.clone())]).await {
        Ok(_) if case.external_ref.as_deref() != Some(reference.as_str()) => {
            Err(format!("case {} carries the external ref {:?}, {reference:?} was sent", case.id, case.external_ref))
        }
        Ok(answer) => answer.json::<CasePage>(200).and_then(|page| match page.items.as_slice() {
            [only] if only.id == case.id => Ok(format!("case {}", only.id)),
            items => Err(format!(
                "{} cases for the ref, ids {:?}",
                items.len(),
                items.iter().map(|c| c.id).collect::<Vec<_>>()
            )),
        }),
        Err(no) => Err(no.words),
    };
    checks.record(id, rule, result);

    document_steps(tweb, &case, doc_type, &reference, &mut next, checks).await;
    assignment_steps(tweb, found, &reference, &mut next, checks).await;

    let (id, rule) = next();
    checks.record(id, rule, withdraw(tweb, case.id).await);
}

/// Withdraws the test case `case_id`.
async fn withdraw(tweb: &Probe, case_id: u64) -> Result<String, String> {
    let reason = WithdrawCase { reason: "Kirjaamo conformance test case".to_owned() };
    let body = serde_json::to_value(&reason).unwrap_or_default();
    match tweb.post_json(&format!("/cases/{case_id}/withdraw"), &body).await {
        Ok(answer) => answer.json::<Case>(200).and_then(|c| {
            if c.status == CaseStatus::Withdrawn {
                Ok(format!("case {} withdrawn", c.id))
            } else {
                Err(format!("case {} is {:?} after the withdrawal", c.id, c.status))
            }
        }),
        Err(no) => Err(no.words),
    }
}

async fn document_steps(
    tweb: &Probe,
    case: &Case,
    doc_type: Option<&crate::domain::DocumentType>,
    reference: &str,
    next: &mut impl FnMut() -> (&'static str, &'static str),
    checks: &mut Checks,
) {
    let (id, rule) = next();
    let Some(doc_type) = doc_type else {
        checks.record(id, rule, Err("the document type is not in the catalog".to_owned()));
        for _ in 0..2 {
            let (id, rule) = next();
            checks.skip(id, rule, NEEDS);
        }
        return;
    };
    let metadata = test_metadata("Kirjaamo conformance test document", &doc_type.code, format!("{reference}:document"));
    let path = format!("/cases/{}/documents", case.id);
    let document = upload(tweb, &path, &metadata).await.and_then(|answer| answer.json::<Document>(201));
    let document = match document {
        Ok(document) => match tweb.get(&format!("/documents/{}/content", document.id), &[]).await {
            Ok(answer) if answer.status == 200 && answer.body.as_ref() == TEST_PDF => Ok(document),
            Ok(answer) if answer.status == 200 => {
                Err(format!("the content reads back as {} bytes, {} were sent", answer.body.len(), TEST_PDF.len()))
            }
            Ok(answer) => Err(answer.unexpected("200")),
            Err(no) => Err(no.words),
        },
        Err(why) => Err(why),
    };
    checks.record(
        id,
        rule,
        document.as_ref().map(|d| format!("document {} ({})", d.id, d.document_type)).map_err(Clone::clone),
    );
    let Ok(document) = document else {
        for _ in 0..2 {
            let (id, rule) = next();
            checks.skip(id, rule, NEEDS);
        }
        return;
    };
    let (id, rule) = next();
    let want = case.records.stricter(&doc_type.records);
    let result = match records_difference(&document.records, &want) {
        None => Ok(format!("{:?}", document.records.publicity)),
        Some(difference) => Err(difference),
    };
    checks.record(id, rule, result);
    let (id, rule) = next();
    checks.record(id, rule, repeat_refused(upload(tweb, &path, &metadata).await, document.id).0);
    // The case as TWeb shows it holds the document once.
    if let Ok(answer) = tweb.get(&format!("/cases/{}", case.id), &[]).await
        && let Ok(detail) = answer.json::<CaseDetail>(200)
    {
        let copies = detail.documents.iter().filter(|d| d.external_ref == metadata.external_ref).count();
        let result = if copies == 1 { Ok("once".to_owned()) } else { Err(format!("{copies} times")) };
        checks.record("write.case-documents", "GET /cases/{id} shows the document once", result);
    }
}

async fn assignment_steps(
    tweb: &Probe,
    found: &Found,
    reference: &str,
    next: &mut impl FnMut() -> (&'static str, &'static str),
    checks: &mut Checks,
) {
    let Some(recipient) = found.recipient.clone() else {
        let (id, rule) = next();
        checks.record(id, rule, Err("the catalog has no user to send the test assignment to".to_owned()));
        let (id, rule) = next();
        checks.skip(id, rule, NEEDS);
        return;
    };
    // Assignment only: about an unregistered document, so that the test case stays withdrawable.
    let document_type = found.document_types.first().map(|t| t.code.as_str()).unwrap_or_default();
    let title = "Kirjaamo conformance test document (unregistered)";
    let metadata = test_metadata(title, document_type, format!("{reference}:unregistered"));
    let unregistered = upload(tweb, "/documents", &metadata).await.and_then(|a| a.json::<Document>(201)).ok();
    let request = CreateAssignment {
        subject: "Kirjaamo conformance test assignment".to_owned(),
        message: Some("Made by `kirjaamo conformance --write`; no action needed.".to_owned()),
        due_date: None,
        recipients: Recipients { users: vec![recipient.clone()], groups: Vec::new() },
        // Assignment only (the third way of filing): an assignment on the case would keep TWeb
        // from withdrawing the test case once its recipient has it.
        case_id: None,
        document_ids: unregistered.map(|d| vec![d.id]).unwrap_or_default(),
        external_ref: Some(format!("{reference}:assignment")),
    };
    let body = serde_json::to_value(&request).unwrap_or_default();
    let (id, rule) = next();
    let assignment = match tweb.post_json("/assignments", &body).await {
        Ok(answer) => answer.json::<Assignment>(201),
        Err(no) => Err(no.words),
    };
    let assignment = match assignment {
        Ok(made) => {
            let query = [("external_ref", format!("{reference}:assignment"))];
            match tweb.get("/assignments", &query).await {
                Ok(answer) => answer.json::<Vec<Assignment>>(200).and_then(|found| match found.as_slice() {
                    [only] if only.id == made.id => Ok(made),
                    other => Err(format!("GET /assignments?external_ref= answered {} assignments", other.len())),
                }),
                Err(no) => Err(no.words),
            }
        }
        Err(why) => Err(why),
    };
    checks.record(
        id,
        rule,
        assignment.as_ref().map(|a| format!("assignment {} to {recipient}", a.id)).map_err(Clone::clone),
    );
    let (id, rule) = next();
    match assignment {
        Ok(made) => checks.record(
            id,
            rule,
            repeat_refused(tweb.post_json("/assignments", &body).await.map_err(|no| no.words), made.id).0,
        ),
        Err(_) => {
            checks.skip(id, rule, NEEDS);
            true
        }
    };
}
