use super::{Connection, ConnectionError, read_secrets};
use crate::credentials::{MemoryStore, SecretKind, SecretStore as _};
use crate::settings::{Profile, TwebSignIn};
use crate::tweb::TwebAuth;

fn profile(sign_in: TwebSignIn) -> Profile {
    Profile {
        name: "Testi".to_owned(),
        tweb_url: "https://tweb-testi.kunta.fi/api/v1".to_owned(),
        tweb_sign_in: sign_in,
        outbox_url: "https://epalvelu.kunta.fi/outbox".to_owned(),
        case_url: Some(String::new()),
        clerk: "Maija Virtanen".to_owned(),
        ca_bundle: None,
        proxy: None,
        mappings_dir: None,
        scanner: None,
        parallel: None,
        central: false,
    }
}

#[test]
fn a_profile_takes_its_secrets_from_the_store_and_names_the_missing_ones() {
    let store = MemoryStore::default();
    let testi = profile(TwebSignIn::Password { user: "mvirtanen".to_owned() });
    let none = read_secrets(&testi, &store).unwrap_or_else(|e| panic!("{e}"));
    match Connection::from_profile(&testi, &none) {
        Err(e @ ConnectionError::Missing { .. }) => assert_eq!(
            e.to_string(),
            "profile Testi: the TWeb password and the outbox token not saved in the keyring; enter it in the connection settings"
        ),
        other => panic!("expected missing secrets, got {other:?}"),
    }
    store.set("Testi", SecretKind::TwebPassword, "salasana-1").unwrap_or_else(|e| panic!("{e}"));
    store.set("Testi", SecretKind::OutboxToken, "token-2").unwrap_or_else(|e| panic!("{e}"));
    let secrets = read_secrets(&testi, &store).unwrap_or_else(|e| panic!("{e}"));
    assert!(!format!("{secrets:?}").contains("salasana-1"), "Debug shows no secret");
    let connection = Connection::from_profile(&testi, &secrets).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        connection.tweb_auth,
        TwebAuth::Basic { user: "mvirtanen".to_owned(), password: "salasana-1".to_owned() }
    );
    assert_eq!(connection.outbox_token, "token-2");
    let shown = format!("{connection:?}");
    assert!(!shown.contains("token-2") && !shown.contains("salasana-1"), "Debug shows no secret: {shown}");
    assert_eq!(connection.label, "Testi");
    assert_eq!(connection.case_url, None, "an empty template is no template");

    let token = profile(TwebSignIn::Token);
    let only_outbox = read_secrets(&token, &store).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(Connection::from_profile(&token, &only_outbox), Err(ConnectionError::Missing { missing, .. }) if missing == [SecretKind::TwebToken])
    );
}
