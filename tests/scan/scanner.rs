//! The scanner itself: verdicts, what is never called clean, and the memory of verdicts.

use std::time::{Duration, Instant};

use bytes::Bytes;
use futures_util::FutureExt;
use kirjaamo::scan::{Body, Checked, ScanError, Scanner, ScannerChoice, Verdict, body_of};

use crate::clamd::{Clamd, SIGNATURE, STREAM_MAX, eicar, eicar_zip};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime")
}

fn scanner(choice: &str) -> Scanner {
    Scanner::new(choice.parse::<ScannerChoice>().unwrap_or_else(|e| panic!("{e}")))
}

fn sha(bytes: &[u8]) -> String {
    hex::encode(<sha2::Sha256 as sha2::Digest>::digest(bytes))
}

/// `bytes` in chunks of 64 KiB, as a download arrives.
fn chunked(bytes: Vec<u8>) -> Body {
    let chunks: Vec<std::io::Result<Bytes>> = bytes.chunks(64 * 1024).map(|c| Ok(Bytes::copy_from_slice(c))).collect();
    Box::pin(futures_util::stream::iter(chunks))
}

fn check(scanner: &Scanner, bytes: &[u8]) -> Result<Checked, ScanError> {
    let owned = bytes.to_vec();
    runtime().block_on(scanner.check(&sha(bytes), move || async move { Ok(chunked(owned)) }.boxed()))
}

pub fn a_clean_file_is_clean_over_tcp_and_the_unix_socket() {
    let clamd = Clamd::start();
    let text = "Hakemus liitteineen. ".repeat(10_000).into_bytes();
    for choice in [clamd.tcp_choice(None), clamd.socket_choice()] {
        let checked = check(&scanner(&choice), &text).unwrap_or_else(|e| panic!("{choice}: {e}"));
        assert_eq!(checked, Checked { verdict: Verdict::Clean, fresh: true }, "{choice}");
    }
    let version = runtime().block_on(scanner(&clamd.tcp_choice(None)).ping()).expect("answers").expect("version");
    assert!(version.starts_with("ClamAV "), "{version}");
}

pub fn eicar_and_eicar_in_a_zip_are_found_by_name() {
    let clamd = Clamd::start();
    let scanner = scanner(&clamd.tcp_choice(None));
    for (what, bytes) in [("EICAR", eicar()), ("EICAR in a ZIP", eicar_zip())] {
        let checked = check(&scanner, &bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(checked.verdict, Verdict::Infected { signature: SIGNATURE.to_owned() }, "{what}");
    }
}

pub fn a_file_over_stream_max_length_is_not_scanned_never_clean() {
    let clamd = Clamd::start();
    let scanner = scanner(&clamd.tcp_choice(None));
    let large = vec![b'a'; STREAM_MAX + 512 * 1024];
    match check(&scanner, &large) {
        Err(ScanError::TooLarge { .. } | ScanError::Cut { .. }) => {}
        other => panic!("a file over StreamMaxLength must be 'not scanned': {other:?}"),
    }
    // The same clamd still scans a file within the limit.
    assert_eq!(check(&scanner, &large[..1000]).map(|c| c.verdict).ok(), Some(Verdict::Clean));
}

pub fn a_stopped_or_slow_clamd_scans_nothing() {
    let mut clamd = Clamd::start();
    let pid = clamd.pid();
    let slow = scanner(&clamd.tcp_choice(Some(1.5)));
    // Slow: the process is frozen, the kernel still takes the connection.
    std::process::Command::new("kill").args(["-STOP", &pid.to_string()]).status().expect("kill -STOP");
    let started = Instant::now();
    let answer = check(&slow, b"hidas");
    let took = started.elapsed();
    std::process::Command::new("kill").args(["-CONT", &pid.to_string()]).status().expect("kill -CONT");
    assert!(matches!(answer, Err(ScanError::TimedOut { .. })), "{answer:?}");
    assert!(took < Duration::from_secs(4), "gave up after the timeout: {took:?}");
    assert_eq!(check(&slow, b"taas nopea").map(|c| c.verdict).ok(), Some(Verdict::Clean), "answers again");

    // Stopped mid-run: a verdict remembered before is not enough, the scanner must answer.
    let remembered = b"tarkistettu kerran";
    assert!(check(&slow, remembered).is_ok());
    clamd.stop();
    for bytes in [&b"uusi"[..], remembered] {
        let answer = check(&slow, bytes);
        assert!(matches!(answer, Err(ScanError::Unreachable { .. })), "{answer:?}");
    }
}

pub fn a_verdict_is_remembered_by_sha256_and_the_bytes_must_match() {
    let clamd = Clamd::start();
    let scanner = scanner(&clamd.tcp_choice(None));
    let bytes = b"sama tiedosto kahdesti".to_vec();
    assert!(check(&scanner, &bytes).is_ok_and(|c| c.fresh));
    let again = check(&scanner, &bytes).expect("remembered");
    assert_eq!(again, Checked { verdict: Verdict::Clean, fresh: false });
    // A clone shares the memory (the desk's preview and its filing).
    assert!(check(&scanner.clone(), &bytes).is_ok_and(|c| !c.fresh));
    // Bytes that are not the listed file are not given its verdict.
    let listed = sha(b"jokin muu");
    let answer =
        runtime().block_on(scanner.check(&listed, || async { Ok(body_of(Bytes::from_static(b"toinen"))) }.boxed()));
    assert!(matches!(answer, Err(ScanError::Checksum { .. })), "{answer:?}");
    // Off, chosen explicitly, reads nothing; not chosen, scans nothing.
    let off = runtime().block_on(Scanner::off().check(&listed, || async { panic!("read") }.boxed()));
    assert_eq!(off.map(|c| c.verdict).ok(), Some(Verdict::Off));
    let none = runtime()
        .block_on(Scanner::new(ScannerChoice::NotConfigured).check(&listed, || async { panic!("read") }.boxed()));
    assert!(matches!(none, Err(ScanError::NotConfigured)));
}

/// `kirjaamo scan`, as IT tries a scanner: the version, then each file's verdict; exit code 1
/// unless every file is clean; a scanner that is not there says so.
pub fn the_scan_command_names_each_file_s_verdict() {
    let clamd = Clamd::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let (clean, infected) = (dir.path().join("hakemus.txt"), dir.path().join("eicar.com"));
    std::fs::write(&clean, "Hakemus").expect("write");
    std::fs::write(&infected, eicar()).expect("write");
    let run = |scanner: &str, files: &[&std::path::Path]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"))
            .args(["scan", "--scanner", scanner])
            .args(files)
            .env("RUST_LOG", "off")
            .output()
            .expect("runs");
        (output.status.code(), String::from_utf8_lossy(&output.stdout).into_owned())
    };
    let (code, out) = run(&clamd.tcp_choice(None), &[&clean]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("ClamAV ") && out.contains("hakemus.txt: clean"), "{out}");
    let (code, out) = run(&clamd.socket_choice(), &[&clean, &infected]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains(&format!("eicar.com: MALWARE {SIGNATURE}")), "{out}");
    let (code, out) = run("clamd://127.0.0.1:1", &[&clean]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("not available") && out.contains("cannot be reached"), "{out}");
}
