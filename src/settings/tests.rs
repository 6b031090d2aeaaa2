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
        scanner: None,
        parallel: None,
        central: false,
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
        central_mappings_dir: None,
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

#[test]
fn the_central_file_comes_first_and_is_never_saved_into_the_user_s_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (user, central) = (dir.path().join("settings.toml"), dir.path().join("kirjaamo.toml"));
    std::fs::write(
        &central,
        r#"active = "Kunta"
mappings_dir = "/srv/kirjaamo/oletukset"

[[profile]]
name = "Kunta"
tweb_url = "https://tweb.kunta.fi/tweb"
outbox_url = "https://epalvelu.kunta.fi/outbox"
tweb_sign_in = { kind = "password", user = "" }
"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // Nothing of the user's yet: IT's profile is active, the start screen is not shown.
    let settings = Settings::load_with_central(&user, Some(&central)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(settings.active.as_deref(), Some("Kunta"));
    assert_eq!(settings.first_run, Some(FirstRun::Connection));
    assert!(settings.profiles.iter().all(|p| p.central));
    assert_eq!(settings.central_mappings_dir.as_deref(), Some(std::path::Path::new("/srv/kirjaamo/oletukset")));
    // The user adds a profile of their own and one named as IT's: IT's stays, theirs is kept.
    let mut mine = settings.clone();
    let own = profile("Oma", "https://tweb-oma.kunta.fi/tweb");
    let shadow = profile("Kunta", "https://tweb-toinen.kunta.fi/tweb");
    mine.profiles.extend([own, shadow]);
    mine.save(&user).unwrap_or_else(|e| panic!("{e}"));
    let written = std::fs::read_to_string(&user).unwrap_or_default();
    assert!(!written.contains("\"https://tweb.kunta.fi/tweb\""), "IT's profile is not copied: {written}");
    let again = Settings::load_with_central(&user, Some(&central)).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<(&str, bool)> = again.profiles.iter().map(|p| (p.name.as_str(), p.central)).collect();
    assert_eq!(names, [("Kunta", true), ("Oma", false)]);
    assert_eq!(again.profiles[0].tweb_url, "https://tweb.kunta.fi/tweb");
    // No central file: the user's settings alone.
    let alone = Settings::load_with_central(&user, Some(&dir.path().join("none.toml")));
    assert_eq!(alone.map(|s| s.profiles.len()).unwrap_or_default(), 2);
}
