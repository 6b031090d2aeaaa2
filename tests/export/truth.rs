//! The servers decide, the journal remembers: a journal that disagrees with TWeb and the outbox
//! (after a restore, a refreshed test environment, another clerk) never makes a filing reported
//! as done while it is pending, never puts a document into a case that is not the transaction's,
//! and never leaves a permanent failure behind.

use kirjaamo::domain::helsinki;
use kirjaamo::export::{ExportError, FiledHow, FilingState, refs};
use kirjaamo::sandbox::{FaultConfig, FaultEffect, FaultRule};
use kirjaamo::tweb::CaseSystem;
use tokio_util::sync::CancellationToken;

use crate::common::{Env, start};
use crate::faults::fault;

fn faults(rules: Vec<FaultRule>) -> FaultConfig {
    FaultConfig { seed: 7, rules }
}

/// Every document and the assignment of `id` sit in `case_id`, and nothing else does.
async fn only_in_its_own_case(env: &Env, id: &str) {
    let transaction = env.transaction(id).await;
    let case = env.tweb.case_by_ref(&refs::case(id)).await.expect("lookup").expect("its case");
    let form = env.tweb.document_by_ref(&refs::form(id)).await.expect("lookup").expect("form");
    assert_eq!(form.case_id, Some(case.id), "{id}: the form is in its own case");
    for attachment in &transaction.attachments {
        let document =
            env.tweb.document_by_ref(&refs::attachment(id, &attachment.id)).await.expect("lookup").expect("doc");
        assert_eq!(document.case_id, Some(case.id), "{id}/{}: in its own case", attachment.id);
    }
}

#[tokio::test]
async fn a_journal_older_than_the_servers_reports_nothing_filed_until_it_is() {
    let mut env = start().await;
    let ids: Vec<String> = env.pending(Some("asukaspysakointi")).await.into_iter().take(3).collect();
    let exporter = env.exporter("Maija Virtanen", "stale.sqlite");
    for id in &ids {
        let filed = exporter.file(&env.plan(&env.transaction(id).await), &CancellationToken::new()).await;
        assert_eq!(filed.expect("filed").how, FiledHow::Now);
    }
    // Both servers restored from a backup taken before: the three are pending again.
    env.restore().await;
    let pending = env.pending(Some("asukaspysakointi")).await;
    assert!(ids.iter().all(|id| pending.contains(id)), "the restored outbox holds them as pending");
    let exporter = env.exporter("Maija Virtanen", "stale.sqlite");
    for id in &ids {
        let transaction = env.transaction(id).await;
        let filed = exporter.file(&env.plan(&transaction), &CancellationToken::new()).await.expect("filed again");
        assert_eq!(filed.how, FiledHow::Now, "{id}: filed by this call, not believed from the journal");
        let completion = env.outbox.get(id).await.expect("detail").completion.expect("completed in the outbox");
        assert_eq!(completion.result, filed.result);
        env.assert_filed_once(&transaction);
        only_in_its_own_case(&env, id).await;
    }
    assert!(!env.pending(Some("asukaspysakointi")).await.iter().any(|p| ids.contains(p)));
    // Filing again now is believed: the outbox agrees with the journal.
    let again = exporter.file(&env.plan(&env.transaction(&ids[0]).await), &CancellationToken::new()).await;
    assert_eq!(again.expect("known").how, FiledHow::Earlier);
}

#[tokio::test]
async fn a_resumed_filing_never_reuses_a_case_id_that_now_belongs_to_another_citizen() {
    let mut env = start().await;
    let ids = env.pending(Some("meluilmoitus")).await;
    let (first, second) = (ids[0].clone(), ids[1].clone());
    // The first filing stops right after its case was made.
    env.sandbox.set_faults(faults(vec![fault(
        "POST",
        "/documents",
        FaultEffect::Status { status: 422, after: false },
        None,
    )]));
    let clerk_a = env.exporter("Maija Virtanen", "a.sqlite");
    let transaction = env.transaction(&first).await;
    clerk_a.file(&env.plan(&transaction), &CancellationToken::new()).await.expect_err("refused");
    let stale_case = env.tweb.case_by_ref(&refs::case(&first)).await.expect("lookup").expect("case made").id;
    // TWeb and the outbox restored; another clerk files another citizen's transaction, whose case
    // gets the id the journal remembers.
    env.restore().await;
    let clerk_b = env.exporter("Juha Korhonen", "b.sqlite");
    let other = clerk_b.file(&env.plan(&env.transaction(&second).await), &CancellationToken::new()).await;
    assert_eq!(other.expect("filed").result.case_id, Some(stale_case), "the scenario: the id is reused");
    // Clerk A resumes.
    let record = clerk_a.journal().filing(&first).await.expect("journal").expect("record");
    let resumed = clerk_a.file(&record.plan, &CancellationToken::new()).await.expect("resumed");
    assert_ne!(resumed.result.case_id, Some(stale_case), "never the other citizen's case");
    only_in_its_own_case(&env, &first).await;
    only_in_its_own_case(&env, &second).await;
    let completion = env.outbox.get(&first).await.expect("detail").completion.expect("completed");
    let own = env.tweb.case_by_ref(&refs::case(&first)).await.expect("lookup").expect("case");
    assert_eq!(completion.result.case_id, Some(own.id));
    assert_eq!(completion.result.diary_number, Some(own.diary_number));
    env.assert_filed_once(&env.transaction(&first).await);
    env.assert_filed_once(&env.transaction(&second).await);
}

#[tokio::test]
async fn a_document_found_under_its_ref_in_another_case_is_not_adopted() {
    let env = start().await;
    let id = env.pending(Some("meluilmoitus")).await[0].clone();
    let transaction = env.transaction(&id).await;
    let mut plan = env.plan(&transaction);
    // The form already sits in another case under this transaction's ref (an earlier misfile).
    let page = env.tweb.search_cases(&Default::default()).await.expect("search");
    let elsewhere = &page.items[0];
    let meta = kirjaamo::contract::tweb::DocumentMetadata {
        title: "Lomake".into(),
        document_type: plan.form_document_type.clone(),
        filename: Some("lomake.pdf".into()),
        received_date: None,
        sha256: None,
        external_ref: Some(refs::form(&id)),
    };
    let upload =
        kirjaamo::tweb::Upload::from_bytes("lomake.pdf", "application/pdf", bytes::Bytes::from_static(b"%PDF-1.7\n"));
    env.tweb.add_document(Some(elsewhere.id), &meta, upload).await.expect("planted");
    plan.assignment = None;
    let exporter = env.exporter("Maija Virtanen", "m.sqlite");
    let error = exporter.file(&plan, &CancellationToken::new()).await.expect_err("stops");
    assert!(matches!(error, ExportError::Misplaced { .. }), "{error}");
    assert!(env.pending(None).await.contains(&id), "not completed");
    let record = exporter.journal().filing(&id).await.expect("journal").expect("record");
    assert_eq!(record.state, FilingState::Failed);
}

#[tokio::test]
async fn a_chosen_case_that_now_has_another_diary_number_receives_nothing() {
    let mut env = start().await;
    let page = env.tweb.search_cases(&Default::default()).await.expect("search");
    let chosen = page.items[0].clone();
    let id = env.pending(Some("asukaspysakointi")).await[0].clone();
    let mut plan = env.plan(&env.transaction(&id).await);
    plan.target = kirjaamo::export::Target::ExistingCase {
        case_id: chosen.id,
        diary_number: Some(format!("{}-vanha", chosen.diary_number)),
    };
    plan.assignment = None;
    env.restore().await;
    let exporter = env.exporter("Maija Virtanen", "c.sqlite");
    let error = exporter.file(&plan, &CancellationToken::new()).await.expect_err("stops");
    assert!(matches!(error, ExportError::CaseChanged { .. }), "{error}");
    assert_eq!(env.sandbox.count_external_ref(&refs::form(&id)).documents, 0, "nothing filed into it");
}

#[tokio::test]
async fn a_transaction_another_clerk_filed_is_resolved_as_filed_by_them() {
    let env = start().await;
    let id = env.pending(Some("meluilmoitus")).await[0].clone();
    let transaction = env.transaction(&id).await;
    env.sandbox.set_faults(faults(vec![fault(
        "POST",
        "/documents",
        FaultEffect::Status { status: 422, after: false },
        Some(1),
    )]));
    let clerk_a = env.exporter("Clerk A", "clerk-a.sqlite");
    clerk_a.file(&env.plan(&transaction), &CancellationToken::new()).await.expect_err("refused once");
    let clerk_b = env.exporter("Clerk B", "clerk-b.sqlite");
    clerk_b.file(&env.plan(&transaction), &CancellationToken::new()).await.expect("B files it");
    drop(clerk_a);

    let journal = env.dir.path().join("clerk-a.sqlite");
    let resume = crate::common::cli(&env, &journal, "Clerk A").arg("--resume").output().await;
    let resume = resume.expect("runs");
    let (stdout, stderr) = (String::from_utf8_lossy(&resume.stdout), String::from_utf8_lossy(&resume.stderr));
    assert!(resume.status.success(), "exit 0: {stdout} {stderr}");
    assert!(stderr.contains("already been filed by Clerk B"), "{stderr}");
    assert!(stdout.contains("filed 0, already filed 1"), "{stdout}");
    let journal = kirjaamo::export::Journal::open(&journal, &env.endpoint()).expect("journal");
    let record = journal.filing(&id).await.expect("read").expect("record");
    assert_eq!(record.state, FilingState::FiledByOther);
    assert_eq!(record.filed_by.as_deref(), Some("Clerk B"));
    assert!(journal.unfinished().await.expect("read").is_empty(), "nothing left to resume");
}

#[tokio::test]
async fn a_plan_resumed_six_days_later_gets_a_due_date_from_the_day_it_is_sent() {
    let env = start().await;
    let id = env.pending(Some("asukaspysakointi")).await[0].clone();
    let transaction = env.transaction(&id).await;
    let six_days_ago = helsinki::today() - chrono::Duration::days(6);
    let plan =
        kirjaamo::service::from_mapping(&transaction, env.mapping("asukaspysakointi"), six_days_ago).expect("plan");
    let days = env.mapping("asukaspysakointi").assignment.as_ref().and_then(|a| a.due_in_days).expect("due_in_days");
    env.sandbox.set_faults(faults(vec![fault(
        "POST",
        "/assignments",
        FaultEffect::Status { status: 503, after: false },
        None,
    )]));
    let exporter = env.exporter("Maija Virtanen", "due.sqlite");
    exporter.file(&plan, &CancellationToken::new()).await.expect_err("the assignment fails");
    env.sandbox.set_faults(FaultConfig::default());
    let record = exporter.journal().unfinished().await.expect("journal").pop().expect("resumable");
    let filed = exporter.file(&record.plan, &CancellationToken::new()).await.expect("resumed");
    let assignment = env.tweb.assignment_by_ref(&refs::assignment(&id)).await.expect("lookup").expect("sent");
    assert_eq!(Some(assignment.id), filed.result.assignment_id);
    assert_eq!(assignment.due_date, Some(helsinki::today() + chrono::Duration::days(i64::from(days))));
}

#[tokio::test]
async fn a_cut_off_answer_on_every_creating_step_and_on_complete_is_retried() {
    let env = start().await;
    let cut = FaultEffect::ResetResponse;
    // A case just made is not read back (the answer to the create is the case); one adopted
    // after a cut-off create is, and that read is covered by the first row.
    let cases: [(&str, &str, &str, u32); 5] = [
        ("omaishoidontuki", "POST", "/cases", 1),
        ("omaishoidontuki", "POST", "/documents", 2),
        ("omaishoidontuki", "POST", "/assignments", 1),
        ("tietopyynto", "POST", "/documents", 1),
        ("meluilmoitus", "POST", "/complete", 1),
    ];
    for (n, (service, method, path, times)) in cases.into_iter().enumerate() {
        let id = env.pending(Some(service)).await[0].clone();
        let transaction = env.transaction(&id).await;
        env.sandbox.set_faults(faults(vec![fault(method, path, cut, Some(times))]));
        let exporter = env.exporter("Maija Virtanen", &format!("cut{n}.sqlite"));
        let filed = exporter.file(&env.plan(&transaction), &CancellationToken::new()).await;
        let fired: u32 = env.sandbox.fault_status().fired.iter().sum();
        assert_eq!(fired, times, "{method} {path}: the fault fired");
        let filed = filed.unwrap_or_else(|e| panic!("{method} {path}: {}", kirjaamo::error_chain(&e)));
        assert_eq!(filed.how, FiledHow::Now);
        env.assert_filed_once(&transaction);
        assert!(!env.pending(None).await.contains(&id), "{method} {path}: completed");
        let record = exporter.journal().filing(&id).await.expect("journal").expect("record");
        assert_eq!(record.state, FilingState::Done, "{method} {path}: the journal agrees with the outbox");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_auto_against_a_fresh_test_environment_files_everything_again_in_its_own_journal() {
    let env_a = start().await;
    let run = |env: &Env| {
        let mut command = crate::common::cli_default_journal(env, "Kirjaamo (automaattinen)");
        // Both runs share one data folder, as one service account's would.
        command.env("KIRJAAMO_DATA_DIR", env_a.dir.path().join("data")).arg("--auto");
        command
    };
    let first = run(&env_a).output().await.expect("runs");
    let first_out = String::from_utf8_lossy(&first.stdout).into_owned();
    assert!(first.status.success(), "{first_out} {}", String::from_utf8_lossy(&first.stderr));
    let filed: usize =
        first_out.split_whitespace().nth(1).and_then(|n| n.trim_end_matches(',').parse().ok()).expect("count");
    assert!(filed > 10, "{first_out}");
    // A refreshed test environment elsewhere, with the same transaction ids all pending.
    let env_b = start().await;
    let pending_before = env_b.pending(None).await.len();
    let second = run(&env_b).output().await.expect("runs");
    let second_out = String::from_utf8_lossy(&second.stdout).into_owned();
    assert!(second.status.success(), "{second_out} {}", String::from_utf8_lossy(&second.stderr));
    assert!(second_out.starts_with(&format!("filed {filed}, already filed 0")), "{second_out}");
    assert_eq!(env_b.pending(None).await.len(), pending_before - filed, "B's automatic ones are filed in B");
    let journals = crate::common::files_under(&env_a.dir.path().join("data"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "sqlite"))
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("journal-")))
        .count();
    assert_eq!(journals, 2, "one journal for each pair of servers");
}

/// A failed filing releases its claim unless filing again as it stands can finish it: a server
/// that was down keeps the claim for this clerk's retry; a refusal that needs a change first lets
/// another clerk take the transaction.
#[tokio::test]
async fn a_failure_a_retry_can_finish_keeps_the_claim_and_a_refusal_releases_it() {
    let env = start().await;
    let pending = env.pending(Some("meluilmoitus")).await;
    let (down, refused) = (pending[0].clone(), pending[1].clone());
    let unavailable = FaultEffect::Status { status: 503, after: false };
    env.sandbox.set_faults(faults(vec![fault("POST", "/documents", unavailable, None)]));
    let exporter = env.exporter("Maija Virtanen", "claims.sqlite");
    let transaction = env.transaction(&down).await;
    let error = exporter.file(&env.plan(&transaction), &CancellationToken::new()).await.expect_err("down");
    assert!(error.resumable_as_is(), "{error}");
    env.sandbox.set_faults(FaultConfig::default());
    let other = env.outbox.claim(&down, "Juha Korhonen", 30, None).await.expect_err("still claimed");
    assert_eq!(other.holder(), Some("Maija Virtanen"), "{other}");
    exporter.file(&env.plan(&transaction), &CancellationToken::new()).await.expect("the retry finishes it");
    env.assert_filed_once(&transaction);

    let transaction = env.transaction(&refused).await;
    let mut plan = env.plan(&transaction);
    if let kirjaamo::export::Target::NewCase { title, .. } = &mut plan.target {
        *title = "Meluilmoitus ".repeat(160);
    }
    let error = exporter.file(&plan, &CancellationToken::new()).await.expect_err("refused");
    assert!(!error.resumable_as_is(), "{error}");
    // TWeb named the field and what is wrong with it: said as such in each language, not only in
    // the English details.
    let told = kirjaamo::plain::Told::of(&error);
    let said = |language| kirjaamo::i18n::Texts::new(language).say(&told.plain);
    use kirjaamo::i18n::UiLanguage::{En, Fi, Sv};
    assert!(said(Fi).contains("asian otsikko on pidempi kuin 500 merkkiä"), "{}", said(Fi));
    assert!(said(Sv).contains("ärendets rubrik är längre än 500 tecken"), "{}", said(Sv));
    assert!(said(En).contains("the case title is longer than 500 characters"), "{}", said(En));
    let claim = env.outbox.claim(&refused, "Juha Korhonen", 30, None).await.expect("released for another clerk");
    env.outbox.release(&refused, &claim.token).await.expect("release");
}
