//! A citizen with a protection order (turvakielto), as the sandbox seeds them: the party made in
//! TWeb carries no address, and the form document filed is the rendering that leaves the address
//! out.

use kirjaamo::tweb::CaseSystem as _;

use crate::common::start;

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
    let url = format!("{}/api/v1/documents/{}/content", env.sandbox.tweb_url(), form.id);
    let bytes = reqwest::Client::new()
        .get(url)
        .basic_auth("kirjaamo", Some("demo"))
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .expect("content")
        .bytes()
        .await
        .expect("bytes");
    let rendered = kirjaamo::pdf::render(transaction).expect("render");
    assert!(bytes.as_ref() == rendered.bytes.as_slice(), "the filed form is not the protected rendering");
}
