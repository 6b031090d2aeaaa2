//! The journal's schema is versioned (`PRAGMA user_version`) and migrated in numbered steps. The
//! fixture `tests/export/fixtures/journal-v1.sqlite` was written by the code before versioning
//! (a done, a failed and an interrupted filing); today's code must read it and carry on.

use std::path::Path;

use kirjaamo::export::{Endpoint, FilingState, Journal, JournalNotice, SCHEMA_VERSION, Step, Target};

/// A copy of the v1 fixture in a folder of its own, and the endpoint it is opened for.
fn fixture_copy() -> (tempfile::TempDir, std::path::PathBuf, Endpoint) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.sqlite");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/export/fixtures/journal-v1.sqlite");
    std::fs::copy(&fixture, &path).expect("copy the fixture");
    (dir, path, Endpoint::new("https://tweb.kunta.fi/api", "https://epalvelu.kunta.fi/api"))
}

#[tokio::test]
async fn a_journal_from_before_versioning_is_migrated_and_keeps_its_history() {
    let (_dir, path, endpoint) = fixture_copy();
    let journal = Journal::open(&path, &endpoint).expect("opens");
    assert_eq!(journal.notices(), [JournalNotice::Migrated { path: path.clone(), from: 1 }]);

    let done = journal.filing("TX-2026-001001").await.expect("read").expect("kept");
    assert_eq!(done.state, FilingState::Done);
    assert_eq!(done.result.as_ref().and_then(|r| r.diary_number.as_deref()), Some("1/02.05.01/2026"));
    assert_eq!(done.clerk, "Maija Virtanen");
    assert_eq!(done.filed_by, None);
    let due = done.plan.assignment.as_ref().expect("assignment");
    assert_eq!((due.due_date.map(|d| d.to_string()), due.due_in_days), (Some("2026-12-06".to_owned()), None));
    assert_eq!(journal.step("TX-2026-001001", &Step::Case).await.expect("read"), Some(Some(10000)));
    assert_eq!(journal.step("TX-2026-001001", &Step::Attachment("A1".into())).await.expect("read"), Some(Some(20001)));

    let failed = journal.filing("TX-2026-001002").await.expect("read").expect("kept");
    assert_eq!(failed.state, FilingState::Failed);
    assert_eq!(failed.plan.target, Target::ExistingCase { case_id: 145, diary_number: None });
    assert_eq!(failed.claim_token.as_deref(), Some("tok-2"));
    assert_eq!(journal.step("TX-2026-001002", &Step::Form).await.expect("read"), Some(None));

    let unfinished: Vec<String> =
        journal.unfinished().await.expect("read").into_iter().map(|r| r.transaction_id).collect();
    assert_eq!(unfinished.len(), 2);
    assert!(unfinished.contains(&"TX-2026-001002".to_owned()) && unfinished.contains(&"TX-2026-001003".to_owned()));
    drop(journal);

    let connection = rusqlite::Connection::open(&path).expect("open");
    let version: u32 = connection.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert_eq!(version, SCHEMA_VERSION);
    drop(connection);
    // Opened again: nothing more to migrate, and it now belongs to that endpoint only.
    let again = Journal::open(&path, &endpoint).expect("opens again");
    assert!(again.notices().is_empty(), "{:?}", again.notices());
    drop(again);
    let other = Endpoint::new("https://tweb-testi.kunta.fi/api", "https://epalvelu-testi.kunta.fi/api");
    let refused = Journal::open(&path, &other).expect_err("another endpoint's journal is left alone");
    assert!(matches!(refused, kirjaamo::export::JournalError::OtherEndpoint { .. }), "{refused}");
}

#[tokio::test]
async fn a_journal_written_by_a_newer_kirjaamo_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.sqlite");
    let endpoint = Endpoint::new("http://127.0.0.1:1/tweb", "http://127.0.0.1:1/epalvelu");
    drop(Journal::open(&path, &endpoint).expect("fresh"));
    let connection = rusqlite::Connection::open(&path).expect("open");
    connection.pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("bump");
    drop(connection);
    let error = Journal::open(&path, &endpoint).expect_err("refused");
    assert!(matches!(error, kirjaamo::export::JournalError::Newer { .. }), "{error}");
}

/// A filing the clerk cancelled is kept as interrupted (schema 3), stays unfinished for
/// `export --resume` and the desk, and reads the same after the journal is opened again.
#[tokio::test]
async fn an_interrupted_filing_is_kept_as_interrupted() {
    let (_dir, path, endpoint) = fixture_copy();
    let journal = Journal::open(&path, &endpoint).expect("opens");
    journal
        .interrupt(
            "TX-2026-001003",
            &kirjaamo::plain::Told::new(
                kirjaamo::plain::Plain::new("export-cancelled"),
                "the clerk cancelled the filing",
            ),
        )
        .await
        .expect("recorded");
    drop(journal);
    let journal = Journal::open(&path, &endpoint).expect("opens again");
    let record = journal.filing("TX-2026-001003").await.expect("read").expect("kept");
    assert_eq!(record.state, FilingState::Interrupted);
    assert_eq!(record.error.as_deref(), Some("the clerk cancelled the filing"));
    let told = record.told.expect("the plain words are kept (schema 4)");
    assert_eq!(told.plain.id, "export-cancelled");
    assert_eq!(told.detail, "the clerk cancelled the filing");
    let unfinished: Vec<(String, FilingState)> =
        journal.unfinished().await.expect("read").into_iter().map(|r| (r.transaction_id, r.state)).collect();
    assert!(unfinished.contains(&("TX-2026-001003".to_owned(), FilingState::Interrupted)), "{unfinished:?}");
    assert!(unfinished.contains(&("TX-2026-001002".to_owned(), FilingState::Failed)), "{unfinished:?}");
}
