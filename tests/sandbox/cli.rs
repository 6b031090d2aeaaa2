//! The `kirjaamo` binary: `sandbox` serves until stopped, `contracts --check` guards drift.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::common::client;

struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn the_sandbox_command_serves_seed_data_with_faults_from_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let faults = dir.path().join("faults.json");
    let config = r#"{"seed": 9, "rules": [{"path": "/catalog/groups", "effect": {"kind": "status", "status": 502}}]}"#;
    std::fs::write(&faults, config).expect("faults file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kirjaamo"))
        .args(["sandbox", "--port", "0", "--faults"])
        .arg(&faults)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().expect("stdout");
    let _guard = Killed(child);
    // Keep the pipe open for the child's later lines, or its next println! fails.
    let mut lines = BufReader::new(stdout).lines();
    let first_line = lines.next().expect("a line").expect("text");
    let base = first_line.rsplit(' ').next().expect("address").to_owned();
    assert!(base.starts_with("http://127.0.0.1:"), "{first_line}");
    let http = client();
    let cases: serde_json::Value = http
        .get(format!("{base}/tweb/api/v1/cases"))
        .basic_auth("kirjaamo", Some("demo"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    assert!(cases["total"].as_u64() >= Some(40));
    let faulty = http
        .get(format!("{base}/tweb/api/v1/catalog/groups"))
        .bearer_auth("tweb-demo-token")
        .send()
        .await
        .expect("request");
    assert_eq!(faulty.status().as_u16(), 502);
}

#[test]
fn contracts_writes_the_committed_copies_and_check_finds_a_stale_one() {
    let kirjaamo = || Command::new(env!("CARGO_BIN_EXE_kirjaamo"));
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/api");
    assert!(kirjaamo().arg("contracts").arg(&repo).arg("--check").output().expect("runs").status.success());

    let out = tempfile::tempdir().expect("temp dir");
    let dir = out.path().join("contracts");
    assert!(kirjaamo().arg("contracts").arg(&dir).output().expect("runs").status.success());
    for name in ["tweb.openapi.yaml", "epalvelu-outbox.openapi.yaml"] {
        let written = std::fs::read(dir.join(name)).expect("written");
        assert_eq!(written, std::fs::read(repo.join(name)).expect("committed"), "{name}");
    }

    std::fs::write(dir.join("tweb.openapi.yaml"), "openapi: 3.1.0\n").expect("write");
    let output = kirjaamo().arg("contracts").arg(&dir).arg("--check").output().expect("runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("differ from the contracts") && stderr.contains("tweb.openapi.yaml"), "{stderr}");
    assert!(!stderr.contains("epalvelu-outbox"), "{stderr}");
}
