//! IT's central configuration from the command line, as the MSI writes it: `kirjaamo central
//! write` with the installer's properties (empty ones, values with a trailing space), refusals
//! that leave the file as it was, and a headless export that connects with the central profile
//! when it is given no connection options at all.

use std::path::Path;
use std::process::Output;

use crate::common::start;

fn kirjaamo(args: &[&str], central: &Path) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"))
        .args(args)
        .env("KIRJAAMO_CENTRAL_CONFIG", central)
        .env("RUST_LOG", "off")
        .output()
        .expect("runs")
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// `central write` as the MSI runs it: every value quoted with a space after it.
fn write(central: &Path, profile: &str, tweb: &str, outbox: &str, extra: &[&str]) -> Output {
    let (profile, tweb, outbox) = (format!("{profile} "), format!("{tweb} "), format!("{outbox} "));
    let mut args = vec!["central", "write", "--profile", &profile, "--tweb-url", &tweb, "--outbox-url", &outbox];
    args.extend_from_slice(extra);
    kirjaamo(&args, central)
}

#[test]
fn the_installer_s_properties_become_the_central_configuration_and_a_bad_one_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let central = dir.path().join("ProgramData").join("Kirjaamo").join("kirjaamo.toml");

    // No property given: nothing is written.
    let none = write(&central, "Tuotanto", "", "", &["--ca-bundle", " ", "--proxy", " ", "--mappings-dir", " "]);
    assert!(none.status.success(), "{}", text(&none));
    assert!(text(&none).contains("Nothing to write"), "{}", text(&none));
    assert!(!central.exists());

    let written = write(
        &central,
        "Tuotanto",
        "https://tweb.kunta.fi/tweb/api/v1/",
        "https://epalvelu.kunta.fi",
        &[
            "--sign-in",
            "password",
            "--proxy",
            "direct ",
            "--mappings-dir",
            "/srv/kirjaamo/oletukset/ ",
            "--case-url",
            " ",
        ],
    );
    assert!(written.status.success(), "{}", text(&written));
    let loaded = kirjaamo::settings::Central::load(&central).expect("readable").expect("there");
    assert_eq!(loaded.active.as_deref(), Some("Tuotanto"));
    assert_eq!(loaded.mappings_dir.as_deref(), Some(Path::new("/srv/kirjaamo/oletukset/")));
    let profile = &loaded.profiles[0];
    assert_eq!(
        (profile.tweb_url.as_str(), profile.outbox_url.as_str(), profile.proxy.as_deref(), profile.case_url.as_deref()),
        ("https://tweb.kunta.fi/tweb/api/v1/", "https://epalvelu.kunta.fi", Some("direct"), None)
    );
    // Each clerk signs in as their own account: no user name is written.
    assert_eq!(profile.tweb_sign_in, kirjaamo::settings::TwebSignIn::Password { user: String::new() });

    // A second profile is added and becomes the active one; the first and the folder stay.
    let second = write(
        &central,
        "Testi",
        "https://tweb-testi.kunta.fi",
        "https://epalvelu-testi.kunta.fi",
        &["--sign-in", "token"],
    );
    assert!(second.status.success(), "{}", text(&second));
    let loaded = kirjaamo::settings::Central::load(&central).expect("readable").expect("there");
    let names: Vec<&str> = loaded.profiles.iter().map(|p| p.name.as_str()).collect();
    assert_eq!((names, loaded.active.as_deref()), (vec!["Tuotanto", "Testi"], Some("Testi")));
    assert!(loaded.mappings_dir.is_some());
    let before = std::fs::read(&central).expect("read");

    // Refused, each with its reason, and the file is as it was.
    for (args, why) in [
        (vec!["--tweb-url", "http://tweb.kunta.fi/tweb", "--outbox-url", "https://epalvelu.kunta.fi"], "https"),
        (vec!["--tweb-url", "https://tweb.kunta.fi/tweb"], "outbox"),
        (vec!["--proxy", "http://proxy.kunta.fi:8080"], "give the TWeb and outbox addresses"),
    ] {
        let mut full = vec!["central", "write"];
        full.extend(args);
        let refused = kirjaamo(&full, &central);
        assert!(!refused.status.success(), "{full:?} was accepted");
        assert!(text(&refused).contains(why), "{full:?}: {}", text(&refused));
        assert_eq!(std::fs::read(&central).expect("read"), before, "{full:?} changed the file");
    }

    let shown = kirjaamo(&["central", "show"], &central);
    assert!(text(&shown).contains("https://tweb-testi.kunta.fi") && text(&shown).contains("active = \"Testi\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_headless_command_without_connection_options_uses_the_central_profile() {
    let env = start().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let central = dir.path().join("kirjaamo.toml");
    let tweb = env.sandbox.tweb_url();
    let written = write(
        &central,
        "Kunta",
        &format!("{tweb}/api/v1/"),
        &env.sandbox.outbox_url(),
        &["--sign-in", "token", "--scanner", "none"],
    );
    assert!(written.status.success(), "{}", text(&written));
    assert!(
        std::fs::read_to_string(&central).is_ok_and(|t| t.contains("scanner = \"none\"")),
        "the scanner is written"
    );
    let id = env.pending(None).await.into_iter().next().expect("a pending transaction");
    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"))
        .args(["export", "--id", &id, "--mappings"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings"))
        .env("KIRJAAMO_CENTRAL_CONFIG", &central)
        .env("KIRJAAMO_CONFIG_DIR", dir.path().join("config"))
        .env("KIRJAAMO_DATA_DIR", dir.path().join("data"))
        .env_remove("KIRJAAMO_PROFILE")
        .env_remove("KIRJAAMO_TWEB_URL")
        .env_remove("KIRJAAMO_OUTBOX_URL")
        .env_remove("KIRJAAMO_SCANNER")
        .env("KIRJAAMO_TWEB_TOKEN", "tweb-demo-token")
        .env("KIRJAAMO_OUTBOX_TOKEN", "epalvelu-demo-token")
        .env("RUST_LOG", "off")
        .output()
        .await
        .expect("runs");
    assert!(output.status.success(), "{}", text(&output));
    assert!(text(&output).contains("Kunta, the central configuration's profile"), "{}", text(&output));
    assert!(!env.pending(None).await.contains(&id), "{id} is still pending: {}", text(&output));
    // The journal is named after the central profile.
    let journals: Vec<String> = std::fs::read_dir(dir.path().join("data"))
        .expect("data dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("journal-"))
        .collect();
    assert!(journals.iter().any(|n| n.starts_with("journal-kunta") || n.starts_with("journal-Kunta")), "{journals:?}");
}

#[test]
fn the_windows_service_and_a_secret_without_a_value_are_refused_with_what_to_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let central = dir.path().join("kirjaamo.toml");
    if !cfg!(windows) {
        let service = kirjaamo(&["windows-service", "install"], &central);
        assert!(!service.status.success());
        assert!(text(&service).contains("systemd unit kirjaamo-export"), "{}", text(&service));
    }
    let written = write(&central, "Kunta", "https://tweb.kunta.fi", "https://epalvelu.kunta.fi", &[]);
    assert!(written.status.success(), "{}", text(&written));
    let secrets = std::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"))
        .args(["secrets", "set"])
        .env("KIRJAAMO_CENTRAL_CONFIG", &central)
        .env("KIRJAAMO_CONFIG_DIR", dir.path().join("config"))
        .env_remove("KIRJAAMO_PROFILE")
        .env_remove("KIRJAAMO_TWEB_PASSWORD")
        .env_remove("KIRJAAMO_OUTBOX_TOKEN")
        .output()
        .expect("runs");
    assert!(!secrets.status.success());
    assert!(text(&secrets).contains("set KIRJAAMO_TWEB_PASSWORD and KIRJAAMO_OUTBOX_TOKEN"), "{}", text(&secrets));
}
