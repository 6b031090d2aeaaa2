//! `kirjaamo mappings check` for admins and CI, and `kirjaamo export --auto` refusing to use a
//! mapping that fails the check.

use std::path::Path;
use std::process::Command;

use crate::common::start;

fn broken_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    kirjaamo::mappings::write_demo_files(dir.path()).expect("write");
    let path = dir.path().join("meluilmoitus.toml");
    let text = std::fs::read_to_string(&path).expect("read").replace("\"11.01.00\"", "\"11.01.0\"");
    std::fs::write(&path, text).expect("write");
    dir
}

fn check(dir: &Path, env: &[(&str, String)]) -> (i32, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kirjaamo"));
    command.args(["mappings", "check"]).arg(dir).env_remove("KIRJAAMO_TWEB_URL").env_remove("KIRJAAMO_OUTBOX_URL");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("runs");
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn the_repos_mappings_pass_and_a_broken_file_fails_with_its_line() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
    let (code, out) = check(&repo, &[]);
    assert_eq!((code, out.trim_end().lines().last()), (0, Some("9 files checked: 0 errors, 0 warnings")), "{out}");

    let dir = broken_copy();
    let (code, out) = check(dir.path(), &[]);
    assert_eq!(code, 1, "{out}");
    let expected = format!(
        "{}:7: error: 11.01.0 is not a case group; did you mean 11.01.00 Ympäristönsuojelun lupa- ja ilmoitusasiat?",
        dir.path().join("meluilmoitus.toml").display()
    );
    assert!(out.lines().any(|l| l == expected), "{out}");
    assert!(out.contains("9 files checked: 1 errors, 0 warnings"), "{out}");

    let (code, out) = check(&dir.path().join("missing"), &[]);
    assert_ne!(code, 0, "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn against_a_live_tweb_and_an_export_that_skips_the_broken_mapping() {
    let env = start().await;
    let live = [
        ("KIRJAAMO_TWEB_URL", env.sandbox.tweb_url()),
        ("KIRJAAMO_OUTBOX_URL", env.sandbox.outbox_url()),
        ("KIRJAAMO_TWEB_TOKEN", "tweb-demo-token".to_owned()),
        ("KIRJAAMO_OUTBOX_TOKEN", "epalvelu-demo-token".to_owned()),
    ];
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
    let (code, out) = tokio::task::spawn_blocking({
        let live = live.clone();
        move || check(&repo, &live)
    })
    .await
    .expect("join");
    assert_eq!(code, 0, "{out}");

    let dir = broken_copy();
    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"))
        .args(["export", "--auto", "--scanner", "none", "--mappings"])
        .arg(dir.path())
        .arg("--journal")
        .arg(env.dir.path().join("journal.sqlite"))
        .envs(live.iter().map(|(k, v)| (*k, v.clone())))
        .env("RUST_LOG", "off")
        .output()
        .await
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("meluilmoitus.toml: not used until fixed"), "{stderr}");
    // Automatic services other than the broken one were filed; no noise report was.
    let stdout = String::from_utf8_lossy(&output.stdout);
    let filed: usize = stdout.split_whitespace().nth(1).and_then(|n| n.trim_end_matches(',').parse().ok()).unwrap_or(0);
    assert!(filed > 10 && stdout.contains("failed 0"), "{stdout}");
    assert!(!env.pending(Some("meluilmoitus")).await.is_empty());
    for id in env.pending(Some("meluilmoitus")).await {
        assert_eq!(env.sandbox.count_external_ref(&kirjaamo::export::refs::form(&id)).documents, 0);
    }
}

/// One rule for the mappings folder: `--mappings` before or after the command names it,
/// `KIRJAAMO_MAPPINGS_DIR` comes after it, and with neither the data folder's is checked, not
/// `./mappings`; two different folders are refused.
#[test]
fn the_mappings_folder_follows_one_rule_in_every_command() {
    let broken = broken_copy();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
    let data = tempfile::tempdir().expect("temp dir");
    let run = |args: &[&std::ffi::OsStr], env: Option<&Path>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kirjaamo"));
        command.args(args).env_remove("KIRJAAMO_TWEB_URL").env_remove("KIRJAAMO_OUTBOX_URL");
        command.env_remove("KIRJAAMO_PROFILE").env("KIRJAAMO_DATA_DIR", data.path());
        match env {
            Some(dir) => command.env("KIRJAAMO_MAPPINGS_DIR", dir),
            None => command.env_remove("KIRJAAMO_MAPPINGS_DIR"),
        };
        let output = command.output().expect("runs");
        let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        (output.status.code().unwrap_or(-1), text)
    };
    let os = |s: &'static str| std::ffi::OsStr::new(s);
    let (b, r) = (broken.path().as_os_str(), repo.as_os_str());
    // Before the command or after it: the same folder.
    let (code, out) = run(&[os("--mappings"), b, os("mappings"), os("check")], None);
    assert_eq!(code, 1, "{out}");
    let (code, out) = run(&[os("mappings"), os("check"), os("--mappings"), b], None);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("(from --mappings)"), "{out}");
    // The option before the environment.
    let (code, out) = run(&[os("mappings"), os("check"), os("--mappings"), r], Some(broken.path()));
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(&[os("mappings"), os("check")], Some(broken.path()));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("(from KIRJAAMO_MAPPINGS_DIR)"), "{out}");
    // Neither: the data folder's (which does not exist here), never ./mappings.
    let (code, out) = run(&[os("mappings"), os("check")], None);
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("(from the data folder)"), "{out}");
    // Two different folders are refused rather than one ignored.
    let (code, out) = run(&[os("mappings"), os("check"), r, os("--mappings"), b], None);
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("two mappings folders given"), "{out}");
}
