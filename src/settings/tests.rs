use super::{FirstRun, Profile, Settings, SettingsError, TwebSignIn};

fn profile(name: &str, tweb_url: &str) -> Profile {
    Profile {
        name: name.to_owned(),
        tweb_url: tweb_url.to_owned(),
        tweb_sign_in: TwebSignIn::Password { user: "kirjaamo".to_owned() },
        outbox_url: "https://epalvelu.kunta.fi/outbox".to_owned(),
        case_url: Some("https://tweb.kunta.fi/asia/{id}".to_owned()),
        clerk: "Liisa Laine".to_owned(),
        ca_bundle: None,
        proxy: None,
        mappings_dir: Some("\\\\palvelin\\kirjaamo\\oletukset".into()),
    }
}

#[test]
fn profiles_round_trip_and_hold_no_secret() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("config/settings.toml");
    assert_eq!(Settings::load(&path).ok(), Some(Settings::default()), "a missing file is the first run");
    let settings = Settings {
        first_run: Some(FirstRun::Connection),
        active: Some("Tuotanto".to_owned()),
        profiles: vec![
            profile("Testi", "https://tweb-testi.kunta.fi/api"),
            profile("Tuotanto", "https://tweb.kunta.fi/api"),
        ],
    };
    settings.save(&path).unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(Settings::load(&path).ok(), Some(settings.clone()));
    assert_eq!(settings.active_profile().map(|p| p.tweb_url.as_str()), Some("https://tweb.kunta.fi/api"));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    for word in ["password =", "token =", "secret"] {
        assert!(!text.to_lowercase().contains(word), "{word} in\n{text}");
    }
    // A secret cannot even be written in by hand: unknown keys are refused.
    let with_secret = text.replace("clerk = ", "password = \"x\"\nclerk = ");
    std::fs::write(&path, with_secret).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(Settings::load(&path), Err(SettingsError::Format { .. })));
}

#[test]
fn plain_http_and_duplicate_names_are_refused() {
    let http = Settings { profiles: vec![profile("Testi", "http://tweb.kunta.fi/api")], ..Settings::default() };
    let message = http.check().err().map(|e| format!("{:#}", anyhow::Error::from(e))).unwrap_or_default();
    assert!(message.contains("profile Testi") && message.contains("use https://"), "{message}");
    let local = Settings { profiles: vec![profile("Sandbox", "http://127.0.0.1:8700/tweb")], ..Settings::default() };
    assert!(local.check().is_ok());
    let twice =
        Settings { profiles: vec![profile("A", "https://a.fi"), profile("A", "https://b.fi")], ..Settings::default() };
    assert!(matches!(twice.check(), Err(SettingsError::Duplicate(_))));
}
