//! "Test connection" against the sandbox over HTTP: each thing that can be wrong gets its own
//! verdict, and the export takes a profile's secrets from the environment where there is no
//! keyring, says so, and leaves no secret in the config or data folders.

use std::path::Path;

use kirjaamo::connection::{Connection, Verdict, check};
use kirjaamo::contract::tweb::Right;
use kirjaamo::sandbox::Sandbox;
use kirjaamo::tweb::TwebAuth;

use crate::common::{files_under, start};

fn connection(sandbox: &Sandbox, user: &str, password: &str, outbox_token: &str) -> Connection {
    Connection {
        tweb_url: sandbox.tweb_url(),
        tweb_auth: TwebAuth::Basic { user: user.to_owned(), password: password.to_owned() },
        outbox_url: sandbox.outbox_url(),
        outbox_token: outbox_token.to_owned(),
        clerk: "Testi".to_owned(),
        label: "Testi".to_owned(),
        case_url: None,
        ca_bundle: None,
        proxy: None,
        scanner: kirjaamo::scan::ScannerChoice::Off,
        parallel: kirjaamo::export::pace::DEFAULT_PARALLEL,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_problem_gets_its_own_verdict() {
    let env = start().await;
    let sandbox = &env.sandbox;

    let ok = check(&connection(sandbox, "kirjaamo", "demo", "epalvelu-demo-token")).await;
    assert!(ok.is_ok(), "{ok:?}");
    assert!(ok.outbox.detail.contains("pending"), "{}", ok.outbox.detail);

    let wrong = check(&connection(sandbox, "kirjaamo", "väärä", "vanhentunut")).await;
    assert_eq!((wrong.tweb.verdict, wrong.outbox.verdict), (Verdict::WrongCredentials, Verdict::WrongCredentials));
    assert!(!wrong.tweb.detail.contains("väärä"), "no secret in the detail: {}", wrong.tweb.detail);

    let limited = check(&connection(sandbox, "lukija", "demo", "epalvelu-naapurikunta-token")).await;
    assert_eq!(limited.tweb.verdict, Verdict::MissingRights);
    assert_eq!(limited.tweb.missing_rights, [Right::CreateCases, Right::AddDocuments, Right::CreateAssignments]);
    assert_eq!(limited.outbox.verdict, Verdict::MissingRights, "{}", limited.outbox.detail);

    let mut elsewhere = connection(sandbox, "kirjaamo", "demo", "epalvelu-demo-token");
    elsewhere.tweb_url = format!("http://{}/ei-tweb/api/v1", sandbox.addr());
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    elsewhere.outbox_url = format!("http://{}/epalvelu/api/v1", closed.local_addr().expect("addr"));
    drop(closed);
    let found = check(&elsewhere).await;
    assert_eq!((found.tweb.verdict, found.outbox.verdict), (Verdict::NotTheService, Verdict::Unreachable));

    let mut plain = connection(sandbox, "kirjaamo", "demo", "epalvelu-demo-token");
    plain.tweb_url = "http://tweb.kunta.fi/api/v1".to_owned();
    let refused = check(&plain).await;
    assert_eq!(refused.tweb.verdict, Verdict::Insecure);
    assert!(refused.tweb.detail.contains("use https://"), "{}", refused.tweb.detail);

    // The read-only user is refused a write by TWeb itself, not only by the check.
    let tweb = kirjaamo::tweb::TwebClient::new(
        kirjaamo::remote::http_client().expect("client"),
        &sandbox.tweb_url(),
        TwebAuth::Basic { user: "lukija".to_owned(), password: "demo".to_owned() },
    );
    let plan = env.plan(&env.transaction(&env.pending(None).await[0]).await);
    let exporter = kirjaamo::export::Exporter::new(
        std::sync::Arc::new(tweb),
        env.outbox.clone(),
        kirjaamo::export::Journal::in_memory().expect("journal"),
        crate::common::Env::config("Testi"),
        None,
    );
    let error = exporter.file(&plan, &tokio_util::sync::CancellationToken::new()).await.expect_err("refused");
    let text = format!("{:#}", anyhow::Error::from(error));
    assert!(text.contains("may read but not create"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_export_uses_a_profile_with_secrets_from_the_environment_without_a_keyring() {
    let env = start().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let (config, data) = (dir.path().join("config"), dir.path().join("data"));
    std::fs::create_dir_all(&config).expect("config dir");
    let settings = format!(
        "active = \"Testi\"\n\n[[profile]]\nname = \"Testi\"\ntweb_url = \"{}\"\noutbox_url = \"{}\"\nclerk = \"Yöajo\"\n\n[profile.tweb_sign_in]\nkind = \"password\"\nuser = \"kirjaamo\"\n",
        env.sandbox.tweb_url(),
        env.sandbox.outbox_url()
    );
    std::fs::write(config.join("settings.toml"), settings).expect("settings");
    let run = tokio::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"))
        .args(["export", "--auto", "--profile", "Testi", "--scanner", "none", "--mappings"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings"))
        .env("KIRJAAMO_CONFIG_DIR", &config)
        .env("KIRJAAMO_DATA_DIR", &data)
        .env("KIRJAAMO_TWEB_PASSWORD", "demo")
        .env("KIRJAAMO_OUTBOX_TOKEN", "epalvelu-demo-token")
        .env("RUST_LOG", "trace")
        // No session bus and no display: no keyring to ask.
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env_remove("DISPLAY")
        .env("HOME", dir.path())
        .env("XDG_RUNTIME_DIR", dir.path())
        .output();
    let output = tokio::time::timeout(std::time::Duration::from_secs(120), run).await.expect("in time").expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("KIRJAAMO_TWEB_PASSWORD"), "says where the secrets came from: {stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("filed "), "{}", String::from_utf8_lossy(&output.stdout));
    let journals: Vec<String> = std::fs::read_dir(&data)
        .expect("data folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("journal-testi-") && n.ends_with(".sqlite"))
        .collect();
    assert_eq!(journals.len(), 1, "the profile's own journal, keyed by its servers: {journals:?}");
    assert!(data.join("logs").exists(), "logs in the data folder");

    let files: Vec<_> = [&config, &data].into_iter().flat_map(|folder| files_under(folder)).collect();
    assert!(files.len() >= 3, "settings, journal and a log file searched: {files:?}");
    for path in files {
        let bytes = std::fs::read(&path).expect("read");
        for secret in ["epalvelu-demo-token", "kirjaamo:demo", "a2lyamFhbW86ZGVtbw"] {
            let hit = bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
            assert!(!hit, "{} holds {secret}", path.display());
        }
    }
}
