//! Each action end to end.

use kirjaamo::contract::outbox::FilingAction;
use kirjaamo::export::{FilingPlan, FilingState, Target, refs};
use kirjaamo::tweb::CaseSystem;
use sha2::{Digest, Sha256};
use tokio_util::sync::CancellationToken;

use crate::common::start;

async fn bytes_of(env: &crate::common::Env, document_id: u64) -> Vec<u8> {
    let url = format!("{}/api/v1/documents/{document_id}/content", env.sandbox.tweb_url());
    let http = kirjaamo::remote::http_client().expect("client");
    http.get(url).basic_auth("kirjaamo", Some("demo")).send().await.expect("get").bytes().await.expect("bytes").to_vec()
}

#[tokio::test]
async fn a_new_case_gets_the_form_every_attachment_and_the_assignment() {
    let env = start().await;
    let pending = env.pending(Some("omaishoidontuki")).await;
    let transaction = env.transaction(&pending[0]).await;
    assert!(!transaction.attachments.is_empty());
    let plan = env.plan(&transaction);
    let exporter = env.exporter("Maija Virtanen", "journal.sqlite");
    let result = exporter.file(&plan, &CancellationToken::new()).await.expect("filed").result;

    assert_eq!(result.action, FilingAction::NewCase);
    let case_id = result.case_id.expect("case");
    let case = env.tweb.get_case(case_id).await.expect("case");
    assert_eq!(case.case_group, "05.12.01");
    assert!(case.diary_number.ends_with("/05.12.01/2026") || case.diary_number.contains("/05.12.01/"));
    assert_eq!(Some(case.diary_number.clone()), result.diary_number);
    assert_eq!(case.records.publicity, kirjaamo::domain::PublicityClass::Secret, "inherited from TOS");
    assert_eq!(case.parties[0].name, transaction.submitter.name);
    assert_eq!(case.external_ref.as_deref(), Some(refs::case(&transaction.id).as_str()));

    assert_eq!(result.document_ids.len(), env.documents_filed(&transaction));
    let form = env.tweb.document_by_ref(&refs::form(&transaction.id)).await.expect("lookup").expect("form");
    assert_eq!(form.document_type, "HAKEMUS");
    assert_eq!(form.case_id, Some(case_id));
    assert!(bytes_of(&env, form.id).await.starts_with(b"%PDF-1.7"));
    for (attachment, document_id) in transaction.attachments.iter().zip(&result.document_ids[1..]) {
        let document = env
            .tweb
            .document_by_ref(&refs::attachment(&transaction.id, &attachment.id))
            .await
            .expect("lookup")
            .expect("doc");
        assert_eq!(document.id, *document_id);
        assert_eq!(document.document_type, "LAAKLAUS");
        assert_eq!(document.sha256, attachment.sha256);
        let bytes = bytes_of(&env, document.id).await;
        assert_eq!(hex::encode(Sha256::digest(&bytes)), attachment.sha256, "exact bytes");
    }
    let assignment =
        env.tweb.assignment_by_ref(&refs::assignment(&transaction.id)).await.expect("lookup").expect("assignment");
    assert_eq!(Some(assignment.id), result.assignment_id);
    assert_eq!(assignment.recipients.users, ["tmakinen"]);
    assert_eq!(assignment.recipients.groups, ["sosiaalipalvelut"]);
    assert_eq!(assignment.case_id, Some(case_id));

    let detail = env.outbox.get(&transaction.id).await.expect("detail");
    assert_eq!(detail.completion.expect("completed").result, result);
    assert!(!env.pending(None).await.contains(&transaction.id));
    let record = exporter.journal().filing(&transaction.id).await.expect("journal").expect("record");
    assert_eq!(record.state, FilingState::Done);

    // Filing again changes nothing and answers the same result.
    let again = exporter.file(&plan, &CancellationToken::new()).await.expect("idempotent");
    assert_eq!(again.result, result);
    assert_eq!(again.how, kirjaamo::export::FiledHow::Earlier, "not filed again");
    assert_eq!(env.sandbox.count_external_ref(&refs::case(&transaction.id)).cases, 1);
}

#[tokio::test]
async fn an_existing_case_receives_the_documents() {
    let env = start().await;
    let page = env.tweb.search_cases(&Default::default()).await.expect("search");
    let existing = &page.items[0];
    let transaction = env.transaction(&env.pending(Some("asukaspysakointi")).await[0]).await;
    let mut plan = env.plan(&transaction);
    plan.target = Target::ExistingCase { case_id: existing.id, diary_number: Some(existing.diary_number.clone()) };
    plan.assignment = None;
    let result =
        env.exporter("Juha Korhonen", "j.sqlite").file(&plan, &CancellationToken::new()).await.expect("filed").result;
    assert_eq!(result.action, FilingAction::ExistingCase);
    assert_eq!(result.case_id, Some(existing.id));
    assert_eq!(result.diary_number.as_deref(), Some(existing.diary_number.as_str()));
    assert_eq!(result.assignment_id, None);
    let form = env.tweb.document_by_ref(&refs::form(&transaction.id)).await.expect("lookup").expect("form");
    assert_eq!(form.case_id, Some(existing.id));
    assert_eq!(env.sandbox.count_external_ref(&refs::case(&transaction.id)).cases, 0, "no new case");
}

#[tokio::test]
async fn assignment_only_sends_the_form_as_an_unregistered_document() {
    let env = start().await;
    let transaction = env.transaction(&env.pending(Some("tietopyynto")).await[0]).await;
    let plan: FilingPlan = env.plan(&transaction);
    assert_eq!(plan.target, Target::AssignmentOnly);
    let result =
        env.exporter("Anna Nieminen", "a.sqlite").file(&plan, &CancellationToken::new()).await.expect("filed").result;
    assert_eq!(result.action, FilingAction::AssignmentOnly);
    assert_eq!(result.case_id, None);
    let form = env.tweb.document_by_ref(&refs::form(&transaction.id)).await.expect("lookup").expect("form");
    assert_eq!(form.case_id, None, "unregistered");
    let assignment =
        env.tweb.assignment_by_ref(&refs::assignment(&transaction.id)).await.expect("lookup").expect("assignment");
    assert_eq!(assignment.document_ids, result.document_ids);
    assert_eq!(assignment.recipients.groups, ["kirjaamo"]);
    assert!(assignment.subject.contains(&transaction.id));
}

#[tokio::test]
async fn a_bad_mapping_value_stops_at_once_with_the_servers_reason_and_is_resumable() {
    let env = start().await;
    let transaction = env.transaction(&env.pending(Some("meluilmoitus")).await[0]).await;
    let mut plan = env.plan(&transaction);
    plan.form_document_type = "ILMOITU".into();
    let exporter = env.exporter("Maija Virtanen", "bad.sqlite");
    let error = exporter.file(&plan, &CancellationToken::new()).await.expect_err("refused");
    let message = format!("{:#}", anyhow::Error::from(error));
    assert!(
        message.contains("uploading the form failed") && message.contains("ILMOITU is not a document type"),
        "{message}"
    );
    let record = exporter.journal().filing(&transaction.id).await.expect("journal").expect("record");
    assert_eq!(record.state, FilingState::Failed);
    let unfinished = exporter.journal().unfinished().await.expect("journal");
    assert_eq!(unfinished.iter().map(|r| r.transaction_id.as_str()).collect::<Vec<_>>(), [transaction.id.as_str()]);
    // The claim was released: another clerk may take it, and the case made so far is kept.
    let claim = env.outbox.claim(&transaction.id, "Juha Korhonen", 30, None).await.expect("free");
    env.outbox.release(&transaction.id, &claim.token).await.expect("release");
    assert_eq!(env.sandbox.count_external_ref(&refs::case(&transaction.id)).cases, 1);
    // Correcting the plan and filing again reuses the case and finishes.
    let fixed = env.plan(&transaction);
    let result = exporter.file(&fixed, &CancellationToken::new()).await.expect("resumed").result;
    assert_eq!(env.sandbox.count_external_ref(&refs::case(&transaction.id)).cases, 1);
    assert_eq!(env.sandbox.count_external_ref(&refs::form(&transaction.id)).documents, 1);
    assert_eq!(result.document_ids.len(), env.documents_filed(&transaction));
    assert!(exporter.journal().unfinished().await.expect("journal").is_empty(), "done filings are not unfinished");
}
