//! The OS keyring for real: a round trip through the Secret Service. It needs a desktop session
//! with an unlocked keyring, so it is ignored by a plain `cargo test`; `.ci/run` runs it under
//! `dbus-run-session` with gnome-keyring unlocked in a temporary home.

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
