//! The journal's own faults, through `kirjaamo export` against the sandbox: two processes on a
//! fresh journal; truncated, overwritten and deleted journals (moved aside or started anew, said
//! once, and the run goes on safely because the servers and the external refs are the truth).
//! Read-only and full journals need a disk of their own: `tests/journal_disk.rs`.

use std::path::{Path, PathBuf};

use kirjaamo::export::FilingState;

use crate::common::{export, integrity, start};

fn aside_files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".damaged-") && p.extension().is_some_and(|e| e == "sqlite"))
        .collect();
    found.sort();
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_exports_started_together_on_a_fresh_journal_both_run() {
    let env = start().await;
    let ids: Vec<String> = env.pending(None).await.into_iter().filter(|id| !id.is_empty()).take(16).collect();
    for (pair, two) in ids.chunks(2).enumerate() {
        let journal = env.dir.path().join(format!("pair{pair}")).join("journal.sqlite");
        let (first, second) = (["--id", two[0].as_str()], ["--id", two[1].as_str()]);
        let (a, b) = tokio::join!(export(&env, &journal, &first), export(&env, &journal, &second));
        for (output, stdout, stderr) in [a, b] {
            assert!(output.status.success(), "pair {pair}: {stdout} {stderr}");
            assert!(!stderr.contains("locked"), "pair {pair}: {stderr}");
        }
    }
    for id in &ids {
        env.assert_filed_once(&env.transaction(id).await);
    }
}

/// Files two transactions, damages the journal with `damage`, then files a third: the run goes on
/// with a new journal, says once what became of the damaged one, and files exactly once.
async fn damaged_journal_is_moved_aside(name: &str, damage: impl Fn(&Path)) {
    let env = start().await;
    let ids = env.pending(Some("asukaspysakointi")).await;
    let dir = env.dir.path().join(name);
    let journal = dir.join("journal.sqlite");
    let (first, _, stderr) = export(&env, &journal, &["--id", &ids[0], &ids[1]]).await;
    assert!(first.status.success(), "{stderr}");
    damage(&journal);
    assert_ne!(integrity(&journal), "ok", "{name}: the damage shows");
    // With the default logging, as IT runs it: said once, in one line.
    let output = crate::common::cli(&env, &journal, "Kirjaamo (automaattinen)")
        .env_remove("RUST_LOG")
        .args(["--id", &ids[0], &ids[2]])
        .output()
        .await
        .expect("export runs");
    let (stdout, stderr) =
        (String::from_utf8_lossy(&output.stdout).into_owned(), String::from_utf8_lossy(&output.stderr).into_owned());
    assert!(output.status.success(), "{name}: {stdout} {stderr}");
    assert_eq!(stderr.matches("was damaged").count(), 1, "{name}: said once: {stderr}");
    let line = stderr.lines().find(|l| l.contains("was damaged")).unwrap_or_default();
    assert!(line.contains("; it was moved to "), "{name}: the whole notice in one line: {line}");
    assert!(!stderr.contains("moved a damaged journal aside"), "{name}: not said again by the log: {stderr}");
    let aside = aside_files(&dir);
    assert_eq!(aside.len(), 1, "{name}: moved aside: {aside:?}");
    assert!(stderr.contains(&aside[0].display().to_string()), "{name}: named: {stderr}");
    assert_eq!(integrity(&journal), "ok", "{name}: the new journal is sound");
    // The first was filed before: the outbox says so, not the journal that lost it.
    assert!(stdout.contains("filed 1, already filed 1"), "{name}: {stdout}");
    for id in &ids[..3] {
        env.assert_filed_once(&env.transaction(id).await);
    }
    let journal = kirjaamo::export::Journal::open(&journal, &env.endpoint()).expect("journal");
    let record = journal.filing(&ids[2]).await.expect("read").expect("record");
    assert_eq!(record.state, FilingState::Done);
}

#[tokio::test]
async fn a_truncated_journal_is_moved_aside_and_the_run_goes_on() {
    damaged_journal_is_moved_aside("truncated", |path| {
        let length = std::fs::metadata(path).expect("size").len();
        let file = std::fs::OpenOptions::new().write(true).open(path).expect("open");
        file.set_len(length / 2).expect("truncate");
    })
    .await;
}

#[tokio::test]
async fn a_journal_with_overwritten_pages_is_moved_aside_and_not_written_into() {
    damaged_journal_is_moved_aside("overwritten", |path| {
        let mut bytes = std::fs::read(path).expect("read");
        assert!(bytes.len() > 8192, "a journal of several pages");
        for byte in &mut bytes[4096..8192] {
            *byte = 0x55;
        }
        std::fs::write(path, bytes).expect("write");
    })
    .await;
}

#[tokio::test]
async fn a_deleted_journal_is_said_and_the_outbox_still_decides() {
    let env = start().await;
    let ids = env.pending(Some("liikuntavuoro")).await;
    let journal = env.dir.path().join("deleted").join("journal.sqlite");
    let (first, _, stderr) = export(&env, &journal, &["--id", &ids[0]]).await;
    assert!(first.status.success(), "{stderr}");
    assert!(stderr.contains("a new filing journal was started"), "{stderr}");
    std::fs::remove_file(&journal).expect("delete");
    let (output, stdout, stderr) = export(&env, &journal, &["--id", &ids[0], &ids[1]]).await;
    assert!(output.status.success(), "{stderr}");
    assert_eq!(stderr.matches("a new filing journal was started").count(), 1, "{stderr}");
    assert!(stdout.contains("filed 1, already filed 1"), "{stdout}");
    env.assert_filed_once(&env.transaction(&ids[0]).await);
    env.assert_filed_once(&env.transaction(&ids[1]).await);
}
