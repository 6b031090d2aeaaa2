//! The filing journal on a disk of its own (a small tmpfs, which only root may mount; CI runs as
//! root): a read-only journal and a full disk each stop the run once, before anything more is
//! claimed, and the next run finishes exactly once. Elsewhere the run says what it could not check
//! (tests/support/tools.rs); a user who is not root checks the read-only journal with file modes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::future::Future;
use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Trial};

#[path = "export/common.rs"]
#[allow(dead_code)]
mod common;
#[path = "support/tools.rs"]
mod tools;

use common::{export, integrity, start};

fn main() {
    let args = Arguments::from_args();
    let probe = tempfile::tempdir().expect("temp dir");
    let tmpfs = Scratch::mount(&probe.path().join("probe"), "1m").is_some();
    let why = "mounting a tmpfs of its own needs root (CI runs as root)";
    let read_only = Trial::test("a_read_only_journal_stops_the_run_once_before_anything_is_claimed", || {
        run(a_read_only_journal_stops_the_run_once_before_anything_is_claimed())
    });
    let full =
        Trial::test("a_journal_on_a_full_disk_stops_the_run_once_and_the_next_run_finishes_exactly_once", || {
            run(a_journal_on_a_full_disk_stops_the_run_once_and_the_next_run_finishes_exactly_once())
        });
    let mut trials = tools::unless(
        (is_root() && !tmpfs).then_some(why),
        "needs a tmpfs",
        "a read-only journal (root, whom file modes do not stop)",
        vec![read_only],
        args.list,
    );
    trials.extend(tools::unless(
        (!tmpfs).then_some(why),
        "needs a tmpfs",
        "a journal on a full disk",
        vec![full],
        args.list,
    ));
    libtest_mimic::run(&args, trials).exit();
}

fn run(test: impl Future<Output = ()>) -> Result<(), libtest_mimic::Failed> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    runtime.block_on(test);
    Ok(())
}

/// Whether this process runs as root (`Uid:` of /proc/self/status).
fn is_root() -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().find_map(|l| l.strip_prefix("Uid:")).and_then(|ids| ids.split_whitespace().nth(1)) == Some("0")
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

async fn a_read_only_journal_stops_the_run_once_before_anything_is_claimed() {
    let env = start().await;
    let at = env.dir.path().join("ro");
    let scratch = Scratch::mount(&at, "4m");
    assert!(scratch.is_some() || !is_root(), "root mounts a tmpfs (checked before the run)");
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

async fn a_journal_on_a_full_disk_stops_the_run_once_and_the_next_run_finishes_exactly_once() {
    let env = start().await;
    let at = env.dir.path().join("full");
    let _scratch = Scratch::mount(&at, "16m").expect("a tmpfs of its own (checked before the run)");
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
    // The journal or the access log beside it (which every filing writes first) finds it full.
    let said = stderr.matches("the disk holding the filing journal").count()
        + stderr.matches("the disk holding the access log").count();
    assert_eq!(said, 1, "said once: {stderr}");
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
