//! Logs of `kirjaamo export` run by a scheduler: plain text when stderr is not a terminal, and a
//! first start in a fresh data folder says nothing about a missing log folder.

use crate::common::{Env, cli, start};

/// `kirjaamo export ARGS` with logging at `rust_log` (its default when `None`) into the log
/// folder of a fresh data folder `data`; the output, stderr, and the log files written.
async fn logged_run(
    env: &Env,
    data: &std::path::Path,
    args: &[&str],
    rust_log: Option<&str>,
) -> (std::process::Output, String, Vec<std::path::PathBuf>) {
    let mut command = cli(env, &env.dir.path().join("journal.sqlite"), "Kirjaamo (automaattinen)");
    command.args(args).env("KIRJAAMO_DATA_DIR", data).env_remove("KIRJAAMO_LOG_DIR");
    match rust_log {
        Some(level) => command.env("RUST_LOG", level),
        None => command.env_remove("RUST_LOG"),
    };
    let output = command.output().await.expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let logs = crate::common::files_under(&data.join("logs"));
    (output, stderr, logs)
}

#[tokio::test]
async fn a_first_run_in_a_fresh_data_folder_logs_plain_text_and_no_folder_errors() {
    let env = start().await;
    let id = env.pending(Some("liikuntavuoro")).await[0].clone();
    let data = env.dir.path().join("fresh-data");
    assert!(!data.exists());
    let (output, stderr, logs) = logged_run(&env, &data, &["--id", &id], Some("debug")).await;
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("DEBUG"), "logging ran: {stderr}");
    assert!(!stderr.contains('\u{1b}'), "no colour codes in a pipe: {stderr:?}");
    assert!(!stderr.contains("Error reading the log"), "{stderr}");
    // The user name `kirjaamo` (KIRJAAMO_TWEB_USER) is no secret: log targets stay readable.
    assert!(stderr.contains("kirjaamo::cli::export: filing journal opened"), "{stderr}");
    assert!(!stderr.contains("[redacted]::"), "{stderr}");
    // Each step in words, not Rust's debug form (`Attachment("A1") done`).
    assert!(stderr.contains(&format!("{id}: Case done")) && stderr.contains("Form done"), "{stderr}");
    let said: Vec<&str> = stderr.lines().filter(|l| !l.starts_with("20")).collect();
    assert!(!said.iter().any(|l| l.contains("(\"")), "{said:#?}");
    assert_eq!(logs.len(), 1, "{logs:?}");
    let text = std::fs::read_to_string(&logs[0]).expect("log file");
    assert!(text.contains("DEBUG") && !text.contains('\u{1b}'), "{text:?}");
}

/// The desk where no window can be made (no display: a service account, a broken graphics
/// driver): the process ends at once with the reason in the OS language's words, and does not
/// hang. (Under Wine it hung in `wait_for_messages`; the window watchdog ends that case too.)
#[tokio::test]
async fn the_desk_without_a_usable_window_exits_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = tokio::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"))
        .arg("--demo")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("LANG", "fi_FI.UTF-8")
        .env("LC_ALL", "fi_FI.UTF-8")
        .env("KIRJAAMO_DATA_DIR", dir.path().join("data"))
        .env("KIRJAAMO_CONFIG_DIR", dir.path().join("config"))
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(std::time::Duration::from_secs(60), run).await.expect("exits").expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("Kirjaamon ikkunaa ei voitu avata"), "{stderr}");
    // Said once, in Finnish: not as anyhow's "Error: …" with the cause in English after it.
    assert_eq!(stderr.matches("Kirjaamon ikkunaa").count(), 1, "{stderr}");
    assert!(!stderr.lines().any(|l| l.starts_with("Error:")), "{stderr}");
}

/// A run that fails ends with exit code 1 after its log is written out: the file holds the
/// failure, as the scheduler's run that IT reads the next morning.
#[tokio::test]
async fn a_failed_run_exits_with_1_and_its_log_file_holds_the_failure() {
    let env = start().await;
    let data = env.dir.path().join("data");
    let (output, stderr, logs) = logged_run(&env, &data, &["--id", "TX-2026-999999"], None).await;
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(logs.len(), 1, "{logs:?}");
    let text = std::fs::read_to_string(&logs[0]).expect("log file");
    let last = stderr.lines().rev().find(|l| l.contains("TX-2026-999999")).expect("the failure on stderr");
    let said = last.split_once(": ").map_or(last, |(_, rest)| rest);
    assert!(text.contains("TX-2026-999999"), "the failure is in the log file:\n{text}\nstderr:\n{stderr}");
    assert!(text.lines().any(|l| l.contains(said)), "{said:?} in the log file:\n{text}");
    assert_eq!(stderr.matches(said).count(), 1, "said once on stderr: {stderr}");
}

/// A log folder that cannot be made (its parent is a file, as a data folder on a read-only or
/// wrong share behaves): said once in words, the run goes on, and the appender's own "Error
/// reading the log directory" never reaches stderr.
#[tokio::test]
async fn a_log_folder_that_cannot_be_written_is_said_once_and_the_run_goes_on() {
    let env = start().await;
    let id = env.pending(Some("meluilmoitus")).await[0].clone();
    let blocked = env.dir.path().join("not-a-folder");
    std::fs::write(&blocked, b"a file where the data folder should be").expect("file");
    let output = cli(&env, &env.dir.path().join("journal.sqlite"), "Kirjaamo (automaattinen)")
        .args(["--id", &id])
        .env("KIRJAAMO_LOG_DIR", blocked.join("logs"))
        .env_remove("RUST_LOG")
        .output()
        .await
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("Error reading the log"), "{stderr}");
    assert_eq!(stderr.matches("log files cannot be written in").count(), 1, "{stderr}");
}

/// `--json`: stdout is one JSON object a line for a log collector (each filing, then the run's
/// counts); the words for people stay on stderr.
#[tokio::test]
async fn json_lines_for_machines() {
    let env = start().await;
    let id = env.pending(Some("meluilmoitus")).await[0].clone();
    let output = cli(&env, &env.dir.path().join("journal.sqlite"), "Kirjaamo (automaattinen)")
        .args(["--id", &id, "--json"])
        .output()
        .await
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    let lines: Vec<serde_json::Value> =
        stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!((lines[0]["event"].as_str(), lines[0]["transaction"].as_str()), (Some("filed"), Some(id.as_str())));
    assert!(lines[0]["diary_number"].as_str().is_some_and(|d| d.ends_with("/2026")), "{}", lines[0]);
    assert_eq!((lines[1]["event"].as_str(), lines[1]["counts"]["filed"].as_u64()), (Some("run"), Some(1)));
    assert!(String::from_utf8_lossy(&output.stderr).contains(": filed into "), "people's words stay on stderr");
}
