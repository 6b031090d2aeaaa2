use std::collections::BTreeSet;

use super::{Texts, UiLanguage};

fn ids(language: UiLanguage) -> BTreeSet<String> {
    let resource = fluent_bundle::FluentResource::try_new(language.source().to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", language.code()));
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// Kebab-case string literals of the desk's sources: every one is a message id unless it is one
/// of egui's widget ids listed here.
fn literals_in_ui() -> BTreeSet<String> {
    const WIDGET_IDS: &[&str] = &[
        "desk-top",
        "desk-keys",
        "keys-help",
        "keys-grid",
        "day-rows",
        "filing-choices",
        "inbox-bulk",
        "kirjaamo-zoom",
        "window-watchdog",
        "bulk-confirm",
        "start-top",
        "connection-form",
        "desk-inbox",
        "desk-filing",
        "inbox-filters",
        "inbox-service",
        "inbox-state",
        "inbox-sort",
        "form-preview",
        "attachment-preview",
        "case-results",
        "case-group",
        "assign-add",
        "assign-grid",
        "failed-grid",
        "history-grid",
        "liberation-sans",
        "liberation-sans-bold",
        "noto-emoji",
        "dejavu-sans-symbols",
        "noto-sans-arabic",
        "noto-sans-thai",
        "kirjaamo-language",
        "rustls-no-provider",
        "admin-case-group",
        "admin-grid",
        "admin-grid-2",
        "admin-grid-3",
        "admin-recipient",
        "admin-services",
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut found = BTreeSet::new();
    let mut stack = vec![dir];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for literal in text.split('"').skip(1).step_by(2) {
                let kebab = literal.contains('-')
                    && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && literal.starts_with(|c: char| c.is_ascii_lowercase());
                if kebab && !WIDGET_IDS.contains(&literal) {
                    found.insert(literal.to_owned());
                }
            }
        }
    }
    found
}

#[test]
fn every_language_has_every_message_and_no_other() {
    let finnish = ids(UiLanguage::Fi);
    assert!(finnish.len() > 100, "only {} messages", finnish.len());
    for language in [UiLanguage::Sv, UiLanguage::En] {
        let other = ids(language);
        let missing: Vec<_> = finnish.difference(&other).collect();
        let extra: Vec<_> = other.difference(&finnish).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{}: missing {missing:?}, extra {extra:?}", language.code());
    }
}

#[test]
fn every_message_the_desk_asks_for_exists() {
    let finnish = ids(UiLanguage::Fi);
    let unknown: Vec<_> = literals_in_ui().into_iter().filter(|id| !finnish.contains(id)).collect();
    assert!(unknown.is_empty(), "message ids used in src/ui but not in fi.ftl: {unknown:?}");
}

#[test]
fn arguments_and_plurals_are_filled_in_without_isolation_marks() {
    let fi = Texts::new(UiLanguage::Fi);
    assert_eq!(fi.with("inbox-attachments", &[("count", 1usize.into())]), "1 liite");
    assert_eq!(fi.with("inbox-attachments", &[("count", 3usize.into())]), "3 liitettä");
    let sv = Texts::new(UiLanguage::Sv);
    assert_eq!(sv.with("filing-done", &[("diary", "5/10.03.01/2026".into())]), "Registrerat: 5/10.03.01/2026");
    assert_eq!(Texts::new(UiLanguage::En).get("action-assignment-only"), "Assignment only");
    assert_eq!(fi.get("no-such-message"), "no-such-message");
}

#[test]
fn the_os_locale_picks_the_language() {
    assert_eq!(UiLanguage::from_locale("sv-FI"), UiLanguage::Sv);
    assert_eq!(UiLanguage::from_locale("en_GB.UTF-8"), UiLanguage::En);
    assert_eq!(UiLanguage::from_locale("fi-FI"), UiLanguage::Fi);
    assert_eq!(UiLanguage::from_locale("de-DE"), UiLanguage::Fi);
}

/// `from_os` took the first preferred language that was not Finnish, so a Finnish clerk with
/// English as a fallback ([fi-FI, en-US]) got the English desk.
#[test]
fn the_first_preferred_language_the_desk_speaks_wins() {
    assert_eq!(UiLanguage::from_locales(["fi-FI", "en-US"]), UiLanguage::Fi);
    assert_eq!(UiLanguage::from_locales(["de-DE", "sv-FI", "fi-FI"]), UiLanguage::Sv);
    assert_eq!(UiLanguage::from_locales(["en_GB.UTF-8", "fi-FI"]), UiLanguage::En);
    assert_eq!(UiLanguage::from_locales(["de-DE"]), UiLanguage::Fi);
    assert_eq!(UiLanguage::from_locales(Vec::<String>::new()), UiLanguage::Fi);
}

#[test]
fn buttons_that_open_more_input_end_with_an_ellipsis_and_texts_are_in_sentence_case() {
    for language in UiLanguage::ALL {
        let texts = Texts::new(language);
        assert!(texts.get("attachment-save").ends_with('…'), "{}", language.code());
        for id in ids(language) {
            let text = texts.get(&id);
            let words: Vec<&str> = text.split_whitespace().collect();
            // Sentence case: no word after the first starts with a capital unless it is a name,
            // a code or an abbreviation (then it has another capital or a digit).
            for word in words.iter().skip(1) {
                let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
                let title_case = letters.first().is_some_and(|c| c.is_uppercase())
                    && letters.iter().skip(1).all(|c| c.is_lowercase())
                    && letters.len() > 1;
                let allowed = [
                    "TWeb",
                    "TWebissä",
                    "TWebin",
                    "TWebs",
                    "Enter",
                    "Esc",
                    "Ctrl+F",
                    "PDF",
                    "Kirjaamo",
                    "Space",
                    "Mt",
                    "Windows",
                ];
                let after_stop = text.contains(&format!(". {word}")) || text.contains(&format!(": {word}"));
                assert!(
                    !title_case || allowed.iter().any(|a| word.contains(a)) || after_stop,
                    "{} {id}: {text:?} is not in sentence case ({word})",
                    language.code()
                );
            }
        }
    }
}

#[test]
fn a_moment_is_shown_in_helsinki_time_in_the_ui_s_language() {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-30T22:30:00Z").map(|d| d.to_utc()).unwrap_or_default();
    assert_eq!(Texts::new(UiLanguage::Fi).timestamp(at), "1.12.2026 klo 0.30");
    assert_eq!(Texts::new(UiLanguage::Sv).timestamp(at), "1.12.2026 kl. 0.30");
    assert_eq!(Texts::new(UiLanguage::En).timestamp(at), "1.12.2026 at 0.30");
}

#[test]
fn sizes_are_written_as_the_clerk_s_language_writes_them() {
    let (fi, sv, en) = (Texts::new(UiLanguage::Fi), Texts::new(UiLanguage::Sv), Texts::new(UiLanguage::En));
    assert_eq!(fi.size(512), "512 B");
    assert_eq!(fi.size(12_345), "13 kt");
    assert_eq!(sv.size(12_345), "13 kB");
    assert_eq!(fi.size(2_400_000), "2,4 Mt");
    assert_eq!(sv.size(2_400_000), "2,4 MB");
    assert_eq!(en.size(2_400_000), "2.4 MB");
}
