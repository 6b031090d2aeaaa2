//! `Filings` driven against a fake runner: no egui, no backend, no network.

use std::sync::Arc;

use tokio_util::sync::CancellationToken;

use super::{Decision, Filings, Refusal, Request, Runner, Undoing};
use crate::contract::outbox::{FilingAction, FilingResult};
use crate::domain::TransactionId;
use crate::export::{EventKind, ExportEvent, FilingPlan, FilingState, Step, Target};
use crate::plain::{Plain, Told};
use crate::ui::backend::Ended;
use crate::ui::desk::inbox_model::RowState;
use crate::ui::desk::sight::Unseen;

/// Records what it was asked to do; the test answers for it.
#[derive(Default)]
struct Fake {
    filed: Vec<String>,
    defaults: Vec<String>,
    cancels: Vec<CancellationToken>,
    undone: Vec<(String, u64)>,
}

impl Runner for Fake {
    fn file(&mut self, plan: FilingPlan, _pdf: Option<Arc<Vec<u8>>>, cancel: CancellationToken) {
        self.filed.push(plan.transaction_id);
        self.cancels.push(cancel);
    }
    fn file_default(&mut self, id: &TransactionId, cancel: CancellationToken) {
        self.defaults.push(id.to_string());
        self.cancels.push(cancel);
    }
    fn undo(&mut self, id: &TransactionId, case_id: u64) {
        self.undone.push((id.to_string(), case_id));
    }
}

fn plan(id: &str) -> FilingPlan {
    FilingPlan {
        transaction_id: id.to_owned(),
        target: Target::NewCase {
            case_group: "02.05.01".to_owned(),
            title: "Hakemus".to_owned(),
            submitter_party: true,
        },
        form_document_type: "hakemus".to_owned(),
        attachment_document_type: "liite".to_owned(),
        secret_address_document_type: None,
        attachment_rules: Vec::new(),
        assignment: None,
        left_out: Vec::new(),
    }
}

fn request(id: &str) -> Request {
    Request {
        id: id.into(),
        seen: Ok(()),
        held_by: None,
        plan: Some(plan(id)),
        questions: Vec::new(),
        incomplete: false,
        pdf: None,
    }
}

fn filed(case_id: u64) -> FilingResult {
    FilingResult {
        action: FilingAction::NewCase,
        case_id: Some(case_id),
        diary_number: Some(format!("{case_id}/02.05.01/2026")),
        document_ids: vec![1, 2],
        assignment_id: None,
        case_title: None,
        documents: Vec::new(),
        assignment: None,
        left_out: Vec::new(),
    }
}

fn id(text: &str) -> TransactionId {
    TransactionId::new(text)
}

#[test]
fn a_complete_default_seen_files_at_once_and_reads_filing_then_filed() {
    let (mut filings, mut runner) = (Filings::default(), Fake::default());
    assert_eq!(filings.request(request("TX-1"), &mut runner), Decision::Started);
    assert_eq!(runner.filed, ["TX-1"]);
    assert_eq!(filings.row_state("TX-1"), Some(RowState::Filing));
    // The second Enter while it runs starts nothing.
    assert_eq!(filings.request(request("TX-1"), &mut runner), Decision::Refused(Refusal::Running));
    assert_eq!(runner.filed.len(), 1);
    filings.ended(&id("TX-1"), Ok(filed(7)), chrono::Utc::now());
    assert_eq!(filings.row_state("TX-1"), Some(RowState::Filed));
    assert!(!filings.any_running());
    assert_eq!(filings.request(request("TX-1"), &mut runner), Decision::Refused(Refusal::Filed));
    assert_eq!(runner.filed.len(), 1, "nothing is filed twice");
}

#[test]
fn questions_are_asked_once_and_asked_again_when_the_choices_change() {
    let (mut filings, mut runner) = (Filings::default(), Fake::default());
    let secret = Request { questions: vec!["Salassa pidettävä (JulkL 24 §)".to_owned()], ..request("TX-2") };
    assert_eq!(filings.request(secret.clone(), &mut runner), Decision::Asked);
    assert_eq!(filings.question("TX-2").map(|(q, _)| q.len()), Some(1));
    assert!(runner.filed.is_empty());
    // The clerk changed the case group: the question is asked for the new choices.
    let mut changed = secret.clone();
    if let Some(plan) = changed.plan.as_mut() {
        plan.target = Target::AssignmentOnly;
    }
    assert_eq!(filings.request(changed.clone(), &mut runner), Decision::Asked);
    assert!(runner.filed.is_empty());
    // The same request again is the answer.
    assert_eq!(filings.request(changed, &mut runner), Decision::Started);
    assert_eq!(runner.filed, ["TX-2"]);
    assert_eq!(filings.question("TX-2"), None);
    // An incomplete default is asked like a question.
    let incomplete = Request { incomplete: true, ..request("TX-3") };
    assert_eq!(filings.request(incomplete.clone(), &mut runner), Decision::Asked);
    filings.forget_question();
    assert_eq!(filings.request(incomplete.clone(), &mut runner), Decision::Asked, "asked afresh after a new selection");
    assert_eq!(filings.request(incomplete, &mut runner), Decision::Started);
}

#[test]
fn what_the_clerk_has_not_seen_or_another_clerk_holds_is_refused_and_said() {
    let (mut filings, mut runner) = (Filings::default(), Fake::default());
    let unseen = Request { seen: Err(Unseen::NotYet), ..request("TX-4") };
    assert_eq!(filings.request(unseen, &mut runner), Decision::Refused(Refusal::Unseen(Unseen::NotYet)));
    assert_eq!(filings.refused("TX-4").and_then(Refusal::text_id), Some("filing-not-seen"));
    let hidden = Request { seen: Err(Unseen::Hidden), ..request("TX-4") };
    assert_eq!(filings.request(hidden, &mut runner), Decision::Refused(Refusal::Unseen(Unseen::Hidden)));
    let held = Request { held_by: Some("Liisa Laine".to_owned()), ..request("TX-4") };
    assert_eq!(filings.request(held, &mut runner), Decision::Refused(Refusal::HeldBy("Liisa Laine".to_owned())));
    let missing = Request { plan: None, ..request("TX-4") };
    assert_eq!(filings.request(missing, &mut runner), Decision::Refused(Refusal::Missing));
    assert!(runner.filed.is_empty());
    assert_eq!(filings.row_state("TX-4"), None, "a refused request leaves the row as it was");
    assert_eq!(filings.refused("TX-5"), None, "said only of the transaction asked");
}

#[test]
fn a_cancel_mid_upload_keeps_the_steps_and_reads_interrupted_until_the_journal_says_otherwise() {
    let (mut filings, mut runner) = (Filings::default(), Fake::default());
    filings.request(request("TX-6"), &mut runner);
    let event = |kind| ExportEvent { transaction_id: "TX-6".to_owned(), kind };
    filings.progress(event(EventKind::Finished { step: Step::Case, object_id: Some(40), adopted: false }));
    filings.progress(event(EventKind::Progress { step: Step::Form, sent: 10, total: 100 }));
    assert!(!runner.cancels.iter().any(CancellationToken::is_cancelled));
    filings.cancel("TX-6");
    assert!(runner.cancels.iter().all(CancellationToken::is_cancelled), "the running work is told to stop");
    assert!(filings.cancelling("TX-6"));
    assert_eq!(filings.row_state("TX-6"), Some(RowState::Filing), "running until the runner says it ended");
    let interrupted = Ended::Interrupted { diary_number: Some("40/02.05.01/2026".to_owned()) };
    filings.ended(&id("TX-6"), Err(interrupted), chrono::Utc::now());
    assert_eq!(filings.row_state("TX-6"), Some(RowState::Interrupted));
    assert_eq!(filings.view("TX-6").map(|v| v.done.clone()), Some(vec![Step::Case]));
    // The refresh that follows: the journal keeps it interrupted, and so it stays.
    filings.journal(&[(id("TX-6"), FilingState::Interrupted, None)], filings.ends());
    assert_eq!(filings.row_state("TX-6"), Some(RowState::Interrupted));
    assert!(filings.view("TX-6").is_some_and(|v| v.result.is_some()), "the panel keeps what it finished");
    // Resumed: the steps done stay in sight while it runs again.
    assert!(filings.retry(plan("TX-6"), &mut runner));
    assert_eq!(filings.view("TX-6").map(|v| v.done.clone()), Some(vec![Step::Case]));
}

#[test]
fn a_lost_answer_reads_failed_and_the_journal_decides_after() {
    let (mut filings, mut runner) = (Filings::default(), Fake::default());
    filings.request(request("TX-7"), &mut runner);
    filings.lost(&id("TX-7"), chrono::Utc::now());
    assert_eq!(filings.row_state("TX-7"), Some(RowState::Failed));
    assert_eq!(filings.told("TX-7").map(|t| t.plain.id), Some("filing-answer-lost"));
    // `export --resume` finished it meanwhile: the journal no longer holds it unfinished.
    // A journal read asked for before it ended does not know of it yet: kept.
    filings.journal(&[], 0);
    assert_eq!(filings.row_state("TX-7"), Some(RowState::Failed), "a stale read does not drop it");
    filings.journal(&[], filings.ends());
    assert_eq!(filings.row_state("TX-7"), None, "the servers' word (via the inbox) holds again");
    // An answer that comes for a filing not running is not lost either.
    filings.lost(&id("TX-8"), chrono::Utc::now());
    assert_eq!(filings.row_state("TX-8"), None);
}

#[test]
fn a_restart_reads_the_journal_with_its_plain_words_and_retries_from_it() {
    let (mut filings, mut runner) = (Filings::default(), Fake::default());
    let told = Told::new(Plain::new("remote-unavailable").text("action", "TWeb"), "connect refused");
    filings.journal(
        &[(id("TX-9"), FilingState::Failed, Some(told.clone())), (id("TX-10"), FilingState::Interrupted, None)],
        0,
    );
    assert_eq!(filings.row_state("TX-9"), Some(RowState::Failed));
    assert_eq!(filings.told("TX-9"), Some(&told), "the failed view says the same after a restart");
    assert_eq!(filings.row_state("TX-10"), Some(RowState::Interrupted));
    let version = filings.version();
    filings.journal(&[(id("TX-9"), FilingState::Failed, Some(told)), (id("TX-10"), FilingState::Interrupted, None)], 0);
    assert_eq!(filings.version(), version, "the same journal changes nothing");
    assert!(filings.retry(plan("TX-10"), &mut runner));
    assert!(!filings.retry(plan("TX-10"), &mut runner), "not started twice");
    assert_eq!(runner.filed, ["TX-10"]);
    // A running filing is not overwritten by the journal's older word.
    filings.journal(&[(id("TX-10"), FilingState::Interrupted, None)], 0);
    assert_eq!(filings.row_state("TX-10"), Some(RowState::Filing));
    // Bulk filing by default starts once.
    assert!(filings.file_default(&id("TX-11"), &mut runner));
    assert!(!filings.file_default(&id("TX-11"), &mut runner));
    assert_eq!(runner.defaults, ["TX-11"]);
}

#[test]
fn an_undo_runs_once_and_leaves_the_transaction_pending_with_the_withdrawn_case_named() {
    let (mut filings, mut runner) = (Filings::default(), Fake::default());
    assert!(!filings.undo(&id("TX-12"), &mut runner), "nothing filed, nothing to undo");
    filings.request(request("TX-12"), &mut runner);
    filings.ended(&id("TX-12"), Ok(filed(41)), chrono::Utc::now());
    assert!(filings.undo(&id("TX-12"), &mut runner));
    assert!(!filings.undo(&id("TX-12"), &mut runner), "once");
    assert_eq!(runner.undone, [("TX-12".to_owned(), 41)]);
    assert_eq!(filings.undoing("TX-12"), Some(&Undoing::Running));
    assert_eq!(filings.row_state("TX-12"), Some(RowState::Filed), "filed until TWeb withdrew the case");
    let refused = Told::new(Plain::new("remote-conflict"), "409");
    filings.undo_ended(&id("TX-12"), Err(refused.clone()));
    assert_eq!(filings.undoing("TX-12"), Some(&Undoing::Failed(refused)));
    assert!(filings.undo(&id("TX-12"), &mut runner), "tried again after a refusal");
    filings.undo_ended(&id("TX-12"), Ok("41/02.05.01/2026".to_owned()));
    assert_eq!(filings.undone("TX-12"), Some("41/02.05.01/2026"));
    assert_eq!(filings.row_state("TX-12"), None, "pending again");
    // Filed anew.
    assert_eq!(filings.request(request("TX-12"), &mut runner), Decision::Started);
    assert_eq!(filings.undone("TX-12"), None);
}
