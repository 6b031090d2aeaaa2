//! A citizen with a protection order (turvakielto), as the sandbox seeds them: the party made in
//! TWeb carries no address, the form document filed is the rendering that leaves the address out,
//! and the address is filed only as its own document of the secret type the mapping names, exactly
//! once, or not at all when the mapping names none.

use kirjaamo::domain::PublicityClass;
use kirjaamo::export::refs;
use kirjaamo::sandbox::{FaultConfig, FaultEffect, FaultRule};
use kirjaamo::tweb::CaseSystem as _;

use crate::common::{Env, start};

async fn content(env: &Env, document_id: u64) -> Vec<u8> {
    let url = format!("{}/api/v1/documents/{document_id}/content", env.sandbox.tweb_url());
    let response = reqwest::Client::new().get(url).basic_auth("kirjaamo", Some("demo")).send().await;
    let bytes = response.and_then(reqwest::Response::error_for_status).expect("content").bytes().await;
    bytes.expect("bytes").to_vec()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_protected_citizen_s_address_reaches_neither_the_party_nor_the_filed_form() {
    let env = start().await;
    let mut protected = Vec::new();
    for id in env.pending(None).await {
        let transaction = env.transaction(&id).await;
        if transaction.submitter.protection_order {
            protected.push(transaction);
        }
    }
    assert!(protected.len() >= 2, "the sandbox seeds a few citizens with a protection order: {}", protected.len());
    let summaries = env.outbox.list_all(None).await.expect("list");
    assert!(protected.iter().all(|t| summaries.iter().any(|s| s.id == t.id && s.protection_order)), "the list says it");

    // One whose mapping makes the submitter a party of a new case.
    let today = kirjaamo::domain::helsinki::today();
    let (transaction, plan) = protected
        .iter()
        .find_map(|t| {
            let plan = kirjaamo::service::from_mapping(t, env.mapping(&t.service.id), today).ok()?;
            matches!(plan.target, kirjaamo::export::Target::NewCase { submitter_party: true, .. }).then(|| (t, plan))
        })
        .expect("a protected citizen who becomes a party");
    assert!(transaction.submitter.address.is_some(), "the sign-in gave an address");
    let exporter = env.exporter("Testikirjaaja", "journal.sqlite");
    let filed = exporter.file(&plan, &Default::default()).await.expect("filed").result;

    let case = env.tweb.get_case(filed.case_id.expect("a case")).await.expect("case");
    let party = case.parties.iter().find(|p| p.name == transaction.submitter.name).expect("the applicant party");
    assert_eq!(party.address, None, "the party carries no address");
    assert!(party.personal_id.is_some(), "the rest of the party is as before");

    // The form filed is the rendering that leaves the address out (tests/pdf/protected.rs reads
    // it back): the same bytes.
    let form = filed.documents.iter().find(|d| d.form).expect("the form document");
    let rendered = kirjaamo::pdf::render(transaction).expect("render");
    assert!(content(&env, form.id).await == rendered.bytes, "the filed form is not the protected rendering");

    // The address is its own document, of the mapping's type, which the records plan makes secret.
    let named = env.mapping(&transaction.service.id).secret_address_document_type.clone();
    assert_eq!(named.as_deref(), Some("TURVAOS"), "the repo's mappings name the secret type");
    let secret = env.tweb.document_by_ref(&refs::secret_address(&transaction.id)).await.expect("lookup");
    let secret = secret.expect("the secret address document");
    assert_eq!(secret.document_type, "TURVAOS");
    assert_eq!(secret.case_id, filed.case_id, "on the case");
    assert_eq!(secret.records.publicity, PublicityClass::Secret, "TWeb gives it the type's secrecy");
    let title = kirjaamo::pdf::secret_address_title(transaction.language);
    assert!(["Turvakiellon alainen osoite", "Adress under spärrmarkering"].contains(&title));
    assert_eq!(secret.title, title, "its title names no address");
    let expected = kirjaamo::pdf::render_secret_address(transaction).expect("render").expect("a document");
    assert!(content(&env, secret.id).await == expected.bytes, "the secret document is its rendering");
    assert_eq!(env.sandbox.count_external_ref(&refs::secret_address(&transaction.id)).documents, 1);
    // The receipt lists it last, with its type, beside its id.
    assert_eq!(filed.documents.len(), filed.document_ids.len());
    let last = filed.documents.last().expect("documents");
    assert_eq!((last.id, last.document_type.as_str(), last.form), (secret.id, "TURVAOS", false));
    assert_eq!(filed.document_ids.len(), env.documents_filed(transaction));
    // No document's title names the address.
    let street = &transaction.submitter.address.as_ref().expect("address").street;
    assert!(filed.documents.iter().all(|d| !d.title.contains(street.as_str())), "no title names the address");
}

/// Every upload's answer is lost after TWeb made the document: each try looks the document up by
/// its external ref and adopts it, so the address is filed once, not twice. A mapping that names no
/// type files no address at all.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_secret_address_is_filed_exactly_once_and_only_when_the_mapping_names_a_type() {
    let env = start().await;
    let today = kirjaamo::domain::helsinki::today();
    let mut protected = Vec::new();
    for id in env.pending(None).await {
        let transaction = env.transaction(&id).await;
        let planned = kirjaamo::service::from_mapping(&transaction, env.mapping(&transaction.service.id), today);
        if let Ok(plan) = planned
            && env.secret_address_documents(&transaction) == 1
        {
            protected.push((transaction, plan));
        }
    }
    assert!(protected.len() >= 2, "two protected citizens whose mapping files on its own: {}", protected.len());
    let exporter = env.exporter("Testikirjaaja", "journal.sqlite");

    let (first, plan) = &protected[0];
    let lost = FaultRule {
        api: None,
        method: Some("POST".into()),
        path: Some("/documents".into()),
        probability: 1.0,
        latency_ms: 0,
        effect: FaultEffect::Status { status: 503, after: true },
        times: None,
    };
    env.sandbox.set_faults(FaultConfig { seed: 7, rules: vec![lost] });
    let filed = exporter.file(plan, &Default::default()).await.expect("filed through lost answers").result;
    let fired = env.sandbox.fault_status().fired.iter().sum::<u32>();
    env.sandbox.set_faults(FaultConfig::default());
    assert!(fired as usize >= env.documents_filed(first), "every upload's answer was lost: {fired}");
    env.assert_filed_once(first);
    assert_eq!(filed.document_ids.len(), env.documents_filed(first));
    let secret = env.tweb.document_by_ref(&refs::secret_address(&first.id)).await.expect("lookup").expect("made");
    assert_eq!(filed.document_ids.last(), Some(&secret.id), "the receipt names the adopted document");

    // Without a type in the plan the address is not filed at all.
    let (second, plan) = &protected[1];
    let mut unnamed = plan.clone();
    unnamed.secret_address_document_type = None;
    let filed = exporter.file(&unnamed, &Default::default()).await.expect("filed").result;
    assert_eq!(env.sandbox.count_external_ref(&refs::secret_address(&second.id)).documents, 0);
    assert_eq!(filed.document_ids.len(), 1 + second.attachments.len());
    assert!(filed.documents.iter().all(|d| d.document_type != "TURVAOS"));
}
