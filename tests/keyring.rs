//! The OS keyring for real: a round trip through the Secret Service. It needs a desktop session
//! with an unlocked keyring, so it is ignored by a plain `cargo test`; `.ci/run` runs it under
//! `dbus-run-session` with gnome-keyring unlocked in a temporary home.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

use kirjaamo::credentials::{OsKeyring, SecretKind, SecretStore};

#[test]
#[ignore = "needs an unlocked Secret Service; .ci/run runs it under dbus-run-session"]
fn a_secret_goes_into_the_real_keyring_and_comes_back() {
    let store = OsKeyring;
    let profile = format!("Testi-{}", std::process::id());
    let secret = "salainen-token-ÅÄÖ-42";
    assert_eq!(store.get(&profile, SecretKind::OutboxToken).map_err(|e| e.to_string()), Ok(None));
    store.set(&profile, SecretKind::OutboxToken, secret).unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(store.get(&profile, SecretKind::OutboxToken).ok().flatten().as_deref(), Some(secret));
    // Replacing keeps one secret.
    store.set(&profile, SecretKind::OutboxToken, "uusi").unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(store.get(&profile, SecretKind::OutboxToken).ok().flatten().as_deref(), Some("uusi"));
    // The secret is in the Secret Service under Kirjaamo's service name, as `secret-tool` sees it.
    let lookup = std::process::Command::new("secret-tool")
        .args(["lookup", "service", kirjaamo::credentials::SERVICE, "username"])
        .arg(format!("{profile}/outbox-token"))
        .output();
    if let Ok(output) = lookup {
        assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "uusi", "secret-tool sees the stored secret");
    }
    store.forget(&profile, SecretKind::OutboxToken).unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(store.get(&profile, SecretKind::OutboxToken).map_err(|e| e.to_string()), Ok(None));
    store.forget(&profile, SecretKind::OutboxToken).unwrap_or_else(|e| panic!("forgetting twice is fine: {e:#}"));
}

#[test]
#[ignore = "needs an unlocked Secret Service; .ci/run runs it under dbus-run-session"]
fn the_export_takes_a_profiles_secrets_from_the_real_keyring() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let sandbox = runtime
        .block_on(kirjaamo::sandbox::Sandbox::start(kirjaamo::sandbox::SandboxConfig::default()))
        .expect("sandbox");
    let profile = format!("Yöajo-{}", std::process::id());
    let store = OsKeyring;
    store.set(&profile, SecretKind::TwebToken, "tweb-demo-token").unwrap_or_else(|e| panic!("{e:#}"));
    store.set(&profile, SecretKind::OutboxToken, "epalvelu-demo-token").unwrap_or_else(|e| panic!("{e:#}"));
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = kirjaamo::settings::Settings {
        first_run: Some(kirjaamo::settings::FirstRun::Connection),
        active: Some(profile.clone()),
        profiles: vec![kirjaamo::settings::Profile {
            name: profile.clone(),
            tweb_url: sandbox.tweb_url(),
            tweb_sign_in: kirjaamo::settings::TwebSignIn::Token,
            outbox_url: sandbox.outbox_url(),
            case_url: None,
            clerk: "Yöajo".to_owned(),
            ca_bundle: None,
            proxy: None,
            mappings_dir: Some(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings")),
            // What is checked here is where the secrets come from; scanning is off, explicitly.
            scanner: Some(kirjaamo::scan::ScannerChoice::Off),
            parallel: None,
            central: false,
        }],
        central_mappings_dir: None,
    };
    settings.save(&dir.path().join("config/settings.toml")).unwrap_or_else(|e| panic!("{e:#}"));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"))
        .args(["export", "--auto", "--profile", &profile])
        .env("KIRJAAMO_CONFIG_DIR", dir.path().join("config"))
        .env("KIRJAAMO_DATA_DIR", dir.path().join("data"))
        .env_remove("KIRJAAMO_TWEB_TOKEN")
        .env_remove("KIRJAAMO_OUTBOX_TOKEN")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    store.forget(&profile, SecretKind::TwebToken).unwrap_or_else(|e| panic!("{e:#}"));
    store.forget(&profile, SecretKind::OutboxToken).unwrap_or_else(|e| panic!("{e:#}"));
    assert!(output.status.success(), "{stderr}");
    assert!(
        !stderr.contains("environment") && !stderr.contains("KIRJAAMO_"),
        "secrets came from the keyring: {stderr}"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("filed "));
    let text = std::fs::read_to_string(dir.path().join("config/settings.toml")).expect("settings");
    assert!(!text.contains("demo-token"), "{text}");
}
