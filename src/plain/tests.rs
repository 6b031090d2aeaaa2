//! Every error kind the desk can meet, told in Finnish and in Swedish: each message is in that
//! language's own `.ftl` file (no fallback), and every word shown comes from that file or from
//! the names and codes the message carries, so no English reaches the fi or sv desk.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::{Plain, PlainArg, Told};
use crate::export::{ExportError, JournalError, Step};
use crate::i18n::{Texts, UiLanguage};
use crate::remote::{Action, RemoteError, RemoteErrorKind};

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() > 1).map(str::to_lowercase)
}

fn ftl_words(language: UiLanguage) -> BTreeSet<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("assets/i18n/{}.ftl", language.code()));
    let source = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    // Only the messages' values: ids and comments are not shown.
    let values: String = source
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split_once(" = ").map_or(l, |(_, value)| value))
        .collect::<Vec<_>>()
        .join("\n");
    words(&values).collect()
}

fn ids_and_texts(plain: &Plain, ids: &mut Vec<&'static str>, texts: &mut Vec<String>) {
    ids.push(plain.id);
    for (_, arg) in &plain.args {
        match arg {
            PlainArg::Text(text) => texts.push(text.clone()),
            PlainArg::Number(_) => {}
            PlainArg::Said(inner) => ids_and_texts(inner, ids, texts),
        }
    }
}

/// Asserts `told` is said in `language` from its own file only.
fn assert_in_language(told: &Told, language: UiLanguage, vocabulary: &BTreeSet<String>) {
    let texts = Texts::new(language);
    let (mut ids, mut args) = (Vec::new(), Vec::new());
    ids_and_texts(&told.plain, &mut ids, &mut args);
    for id in ids {
        assert!(texts.has(id), "{id} is not in {}.ftl", language.code());
    }
    let shown = texts.say(&told.plain);
    let carried: BTreeSet<String> = args.iter().flat_map(|a| words(a).collect::<Vec<_>>()).collect();
    for word in words(&shown) {
        assert!(
            vocabulary.contains(&word) || carried.contains(&word),
            "{language:?}: \"{word}\" in \"{shown}\" is not from {}.ftl (detail: {})",
            language.code(),
            told.detail
        );
    }
}

fn remote(kind: RemoteErrorKind, action: Action) -> RemoteError {
    RemoteError {
        action,
        kind,
        message: "the server answered HTTP 500".to_owned(),
        problem: None,
        source: None,
        cut: false,
        retry_after: None,
    }
}

fn sqlite() -> rusqlite::Error {
    rusqlite::Error::InvalidQuery
}

fn every_error() -> Vec<Told> {
    let mut all = Vec::new();
    for kind in RemoteErrorKind::ALL {
        for action in Action::ALL {
            all.push(Told::of(&remote(kind, action)));
        }
    }
    for (pointer, code) in [
        ("/title", "too_long"),
        ("/subject", "empty"),
        ("/due_date", "past"),
        ("/case_group", "unknown"),
        ("/case_group", "closed"),
        ("/document_type", "unknown"),
        ("/recipients/users/0", "unknown"),
        ("/parties/0/name", "empty"),
        ("/message", "too_long"),
    ] {
        let mut refused = remote(RemoteErrorKind::Validation, Action::SendAssignment);
        let mut problem = crate::contract::Problem::new(422, "validation", "Validation failed", "x");
        problem.errors.push(crate::contract::FieldProblem::new(pointer, "x").code(code).limit(500));
        refused.problem = Some(Box::new(problem));
        let told = Told::of(&refused);
        assert!(told.plain.id.starts_with("remote-field-"), "{pointer} {code}: {:?}", told.plain);
        all.push(told);
    }
    let mut cut = remote(RemoteErrorKind::Connection, Action::OpenCase);
    cut.cut = true;
    all.push(Told::of(&cut));
    for status in [400, 401, 403, 404, 409, 410, 413, 418, 429, 503] {
        all.push(Told::of(&RemoteError::from_status(Action::UploadDocument, status, None)));
    }
    let policy = crate::remote::check_base_url("http://tweb.example.fi").err().unwrap_or_else(|| panic!("refused"));
    all.push(Told::of(&RemoteError::insecure(Action::Connect, &policy)));
    all.push(Told::of(&policy));
    let path = PathBuf::from("/var/lib/kirjaamo/journal.sqlite");
    let journal = || JournalError::DiskFull { path: path.clone(), source: sqlite() };
    let journals = [
        JournalError::Sqlite { path: path.clone(), source: sqlite() },
        JournalError::Unwritable { path: path.clone(), source: sqlite() },
        journal(),
        JournalError::Folder { path: path.clone(), source: std::io::Error::other("x") },
        JournalError::MoveAside { path: path.clone(), source: std::io::Error::other("x") },
        JournalError::Damaged { path: path.clone(), reason: "malformed".into() },
        JournalError::Newer { path: path.clone(), version: 9 },
        JournalError::OtherEndpoint { path: path.clone(), recorded: "https://a".into() },
        JournalError::Corrupt("T-1".into()),
    ];
    all.extend(journals.iter().map(Told::of));
    let steps = [
        Step::Claim,
        Step::Case,
        Step::Form,
        Step::Attachment("a1".into()),
        Step::SecretAddress,
        Step::Assignment,
        Step::Complete,
    ];
    for step in steps {
        let source = remote(RemoteErrorKind::Unavailable, Action::UploadDocument);
        all.push(Told::of(&ExportError::Remote { step: step.clone(), source }));
        all.push(Told::of(&ExportError::Misplaced { step, object_id: 7, found: Some(1), expected: Some(2) }));
    }
    let exports = [
        ExportError::Journal(journal()),
        ExportError::ClaimedBy { id: "T-1".into(), holder: "Liisa Virtanen".into() },
        ExportError::AlreadyFiled { id: "T-1".into(), by: "Liisa Virtanen".into() },
        ExportError::BadTransaction { id: "T-1".into(), problems: vec!["the form has no fields".into()] },
        ExportError::CaseChanged { case_id: 1, expected: "1/02.05.01/2026".into(), found: "9/02.05.01/2026".into() },
        ExportError::Unjournaled { error: Box::new(ExportError::Pdf("x".into())), journal: journal() },
        ExportError::Pdf("font".into()),
        ExportError::Cancelled { diary_number: None },
    ];
    all.extend(exports.iter().map(Told::of));
    use crate::preview::PreviewError;
    let previews = [
        PreviewError::InvalidPdf,
        PreviewError::Encrypted,
        PreviewError::NoSuchPage { page: 3, pages: 2 },
        PreviewError::TooLarge { width: 1, height: 1 },
        PreviewError::InvalidImage("x".into()),
        PreviewError::Unsupported("application/vnd.openxmlformats-officedocument.wordprocessingml.document".into()),
        PreviewError::RenderFailed,
    ];
    all.extend(previews.iter().map(Told::of));
    use crate::service::{Missing, PlanError, Unusable};
    let unusable =
        [Unusable::NoMapping, Unusable::NotChecked, Unusable::Errors(vec![Plain::new("finding-no-recipients")])];
    all.extend(unusable.iter().map(Told::of));
    all.push(Told::of(&PlanError::NeedsCase("meluilmoitus".into())));
    for missing in [Missing::CaseGroup, Missing::Title, Missing::Case, Missing::Recipients, Missing::DueDate] {
        all.push(Told::of(&PlanError::Incomplete { service: "meluilmoitus".into(), missing: vec![missing] }));
    }
    use crate::connection::ConnectionError;
    use crate::credentials::{CredentialError, SecretKind};
    for missing in [vec![SecretKind::TwebPassword], vec![SecretKind::TwebToken, SecretKind::OutboxToken]] {
        all.push(Told::of(&ConnectionError::Missing { profile: "Kunta".into(), missing }));
    }
    let keyring = || CredentialError::NoKeyring("no secret service".into());
    all.push(Told::of(&ConnectionError::Keyring { profile: "Kunta".into(), source: keyring() }));
    all.push(Told::of(&keyring()));
    for kind in [std::io::ErrorKind::NotFound, std::io::ErrorKind::PermissionDenied, std::io::ErrorKind::Other] {
        all.push(Told::of(&std::io::Error::from(kind)));
    }
    use crate::mappings::MappingError;
    let mapping = MappingError::Format { path: "mappings/x.toml".into(), message: "expected `=`".into() };
    all.push(Told::of(&mapping));
    all.push(Told::of(&MappingError::Io { path: "mappings".into(), source: std::io::ErrorKind::NotFound.into() }));
    use crate::settings::SettingsError;
    all.push(Told::of(&SettingsError::Format { path: "settings.toml".into(), message: "bad".into() }));
    all.push(Told::of(&SettingsError::Duplicate("Kunta".into())));
    all.push(Told::of(&SettingsError::Address { profile: "Kunta".into(), source: policy }));
    all
}

#[test]
fn every_error_kind_is_told_in_finnish_and_in_swedish_from_their_own_files() {
    let all = every_error();
    assert!(all.len() > 300, "{} errors", all.len());
    for language in [UiLanguage::Fi, UiLanguage::Sv] {
        let vocabulary = ftl_words(language);
        for told in &all {
            assert_in_language(told, language, &vocabulary);
        }
    }
}

#[test]
fn english_is_caught() {
    // The check itself: an English chain shown as the message fails it.
    let told = Told::new(Plain::new("filing-failed").text("error", ""), "");
    let vocabulary = ftl_words(UiLanguage::Fi);
    let shown =
        Texts::new(UiLanguage::Fi).with("filing-failed", &[("error", "the case failed: opening the case".into())]);
    assert!(words(&shown).any(|w| !vocabulary.contains(&w)), "{shown}");
    assert_in_language(&told, UiLanguage::Fi, &vocabulary);
}

/// Every message id the code names in `Plain::new("…")` or as a `"finding-…"`, `"call-…"` or
/// `"remote-…"` literal is in all three files.
#[test]
fn every_message_the_code_names_is_in_every_language() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut ids = BTreeSet::new();
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                for (i, _) in text.match_indices('"') {
                    let rest = &text[i + 1..];
                    let Some(end) = rest.find('"') else { continue };
                    let literal = &rest[..end];
                    let named = text[..i].ends_with("Plain::new(")
                        || ["finding-", "call-", "remote-", "secret-"].iter().any(|p| literal.starts_with(p));
                    if named
                        && !literal.ends_with('-')
                        && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    {
                        ids.insert(literal.to_owned());
                    }
                }
            }
        }
    }
    assert!(ids.len() > 100, "{} ids found", ids.len());
    for language in UiLanguage::ALL {
        let texts = Texts::new(language);
        let missing: Vec<&String> = ids.iter().filter(|id| !texts.has(id)).collect();
        assert!(missing.is_empty(), "missing from {}.ftl: {missing:?}", language.code());
    }
}

#[test]
fn a_nested_message_is_said_in_the_same_language() {
    let error = remote(RemoteErrorKind::Connection, Action::OpenCase);
    let told = Told::of(&ExportError::Remote { step: Step::Case, source: error });
    assert_eq!(
        Texts::new(UiLanguage::Fi).say(&told.plain),
        "Asia: Palvelimeen ei saatu yhteyttä (asian avaaminen). Tarkista verkkoyhteys ja osoite."
    );
    assert!(Texts::new(UiLanguage::Sv).say(&told.plain).contains("(öppning av ärendet)"));
    assert!(told.detail.contains("opening the case"), "the chain keeps the technical words: {}", told.detail);
}

#[test]
fn plain_words_kept_on_disk_read_back_the_same_and_unknown_ones_read_as_none() {
    let step = Plain::new("step-attachment").text("id", "liite-1.pdf");
    let plain = Plain::new("export-remote").said("step", step).number("count", 3).text("cause", "TWeb");
    let json = plain.to_json();
    let known = |name: &str| crate::i18n::known_name(name);
    // Ids and argument names come back as the texts' own, whatever they were read from.
    let text = json.to_string();
    let read: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let back = Plain::from_json(&read, &known);
    assert_eq!(back.as_ref().map(|p| p.id), Some("export-remote"));
    assert_eq!(back.map(|p| p.to_json()), Some(json));
    let gone = serde_json::json!({ "id": "no-such-message", "args": [] });
    assert_eq!(Plain::from_json(&gone, &known), None);
    assert_eq!(crate::i18n::known_name("filing-answer-lost"), Some("filing-answer-lost"));
    assert_eq!(crate::i18n::known_name("diary"), Some("diary"), "an argument name");
    assert_eq!(crate::i18n::known_name("filing-answer"), None, "a prefix of a message is not one");
    assert_eq!(crate::i18n::known_name("a b"), None);
}
