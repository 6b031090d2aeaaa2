//! The journal's own faults, through `kirjaamo export` against the sandbox: two processes on a
//! fresh journal; truncated, overwritten and deleted journals (moved aside or started anew, said
//! once, and the run goes on safely because the servers and the external refs are the truth);
//! read-only and full journals (the run stops once, before claiming anything more).

use std::path::{Path, PathBuf};
use std::process::Output;

use kirjaamo::export::FilingState;

use crate::common::{Env, cli, start};

async fn export(env: &Env, journal: &Path, args: &[&str]) -> (Output, String, String) {
    let output = cli(env, journal, "Kirjaamo (automaattinen)").args(args).output().await.expect("export runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output, stdout, stderr)
}

fn integrity(path: &Path) -> String {
    let connection = rusqlite::Connection::open(path).expect("open");
    connection.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0)).unwrap_or_else(|e| e.to_string())
}

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
    let (output, stdout, stderr) = export(&env, &journal, &["--id", &ids[0], &ids[2]]).await;
    assert!(output.status.success(), "{name}: {stdout} {stderr}");
    assert_eq!(stderr.matches("was damaged").count(), 1, "{name}: said once: {stderr}");
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

/// A small tmpfs of its own (root only: CI runs as root), unmounted when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn mount(at: &Path, size: &str) -> Option<Self> {
        std::fs::create_dir_all(at).ok()?;
        let options = format!("size={size}");
        let status = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &options, "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        status.success().then(|| Self(at.to_owned()))
    }

    fn remount_read_only(&self) {
        let status = std::process::Command::new("mount").args(["-o", "remount,ro"]).arg(&self.0).status();
        assert!(status.is_ok_and(|s| s.success()), "remount read-only");
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_journal_stops_the_run_once_before_anything_is_claimed() {
    let env = start().await;
    let at = env.dir.path().join("ro");
    let scratch = Scratch::mount(&at, "4m");
    let journal = at.join("journal.sqlite");
    let ids = env.pending(Some("asukaspysakointi")).await;
    let (first, _, stderr) = export(&env, &journal, &["--id", &ids[0]]).await;
    assert!(first.status.success(), "{stderr}");
    match &scratch {
        Some(scratch) => scratch.remount_read_only(),
        None => {
            // Not root: file permissions stop a normal user.
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&journal, std::fs::Permissions::from_mode(0o444)).expect("chmod");
            std::fs::set_permissions(&at, std::fs::Permissions::from_mode(0o555)).expect("chmod");
        }
    }
    let before = env.pending(None).await;
    let (output, stdout, stderr) = export(&env, &journal, &["--auto"]).await;
    assert!(!output.status.success(), "{stdout} {stderr}");
    assert_eq!(stderr.matches("cannot be written").count(), 1, "said once: {stderr}");
    assert!(stderr.contains("nothing was filed"), "{stderr}");
    assert_eq!(env.pending(None).await, before, "nothing filed");
    let listed = env.outbox.list_all(None).await.expect("list");
    assert!(listed.iter().all(|t| t.claim.is_none()), "nothing claimed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_journal_on_a_full_disk_stops_the_run_once_and_the_next_run_finishes_exactly_once() {
    let env = start().await;
    let at = env.dir.path().join("full");
    let Some(_scratch) = Scratch::mount(&at, "16m") else {
        eprintln!("skipped: filling a disk needs a tmpfs of its own, which only root may mount (CI runs as root)");
        return;
    };
    let journal = at.join("journal.sqlite");
    let (first, _, stderr) = export(&env, &journal, &["--id", &env.pending(Some("liikuntavuoro")).await[0]]).await;
    assert!(first.status.success(), "{stderr}");
    // Leave the journal room for a few filings' steps only.
    let free = nix_free_bytes(&at);
    let filler = at.join("filler");
    std::fs::write(&filler, vec![0u8; usize::try_from(free.saturating_sub(48 * 1024)).unwrap_or(0)]).expect("fill");
    let automatic = env.pending(None).await;
    let (output, stdout, stderr) = export(&env, &journal, &["--auto"]).await;
    assert!(!output.status.success(), "{stdout} {stderr}");
    assert_eq!(stderr.matches("the disk holding the filing journal").count(), 1, "said once: {stderr}");
    assert!(stderr.contains("Stopped"), "{stderr}");
    let listed = env.outbox.list_all(None).await.expect("list");
    assert!(listed.iter().all(|t| t.claim.is_none()), "no claim left behind");
    std::fs::remove_file(&filler).expect("free the disk");
    let (output, stdout, stderr) = export(&env, &journal, &["--auto"]).await;
    assert!(output.status.success(), "{stdout} {stderr}");
    let (resume, _, stderr) = export(&env, &journal, &["--resume"]).await;
    assert!(resume.status.success(), "{stderr}");
    let after = env.pending(None).await;
    let filed: Vec<&String> = automatic.iter().filter(|id| !after.contains(id)).collect();
    assert!(filed.len() >= 10, "the automatic services filed: {}", filed.len());
    for id in filed {
        env.assert_filed_once(&env.transaction(id).await);
    }
    for id in &after {
        let transaction = env.transaction(id).await;
        assert!(!env.mapping(&transaction.service.id).automatic, "{id}: an automatic one left pending");
    }
    assert_eq!(integrity(&journal), "ok");
}

fn nix_free_bytes(path: &Path) -> u64 {
    let output = std::process::Command::new("df").args(["--output=avail", "-B1"]).arg(path).output().expect("df");
    String::from_utf8_lossy(&output.stdout).lines().nth(1).and_then(|l| l.trim().parse().ok()).unwrap_or(0)
}
