//! The language changes live.

use egui_kittest::kittest::Queryable as _;

use super::{choose, desk, open, pending, wait_for};

#[test]
fn the_desk_speaks_finnish_swedish_and_english_and_switches_live() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    wait_for(&mut harness, &format!("Saapuneet ({})", all.len()));
    open(&mut harness, &all[0].title, &all[0].id);
    harness.get_by_label("Kirjaa (Enter)");
    for (language, inbox, file) in [("Svenska", "Inkomna", "Registrera (Enter)"), ("English", "Inbox", "File (Enter)")]
    {
        choose(&mut harness, "Kieli", language);
        wait_for(&mut harness, &format!("{inbox} ({})", all.len()));
        harness.get_by_label(file);
        harness.check_accessibility();
        // The next switch is labelled in the new language.
        if language == "Svenska" {
            choose(&mut harness, "Språk", "Suomi");
            wait_for(&mut harness, "Saapuneet (");
        }
    }
    assert_eq!(harness.state().language(), kirjaamo::i18n::UiLanguage::En);
}

/// The detail's header spoke the transaction's language: a Swedish form showed "kl." inside the
/// Finnish desk. The desk's own chrome speaks the desk's language; the form's PDF keeps its own.
#[test]
fn the_header_of_a_swedish_transaction_speaks_the_desk_s_language() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let swedish = all.iter().find(|t| t.language == kirjaamo::domain::Language::Sv).expect("a Swedish form");
    wait_for(&mut harness, &format!("Saapuneet ({})", all.len()));
    super::fill(&mut harness, "Suodata", &swedish.id);
    open(&mut harness, &swedish.title, &swedish.id);
    let when = kirjaamo::domain::helsinki::local(swedish.submitted_at);
    let header = format!("{} · {} klo {}", swedish.id, when.format("%-d.%-m.%Y"), when.format("%-H.%M"));
    harness.get_by_label_contains(&header);
    assert!(harness.query_by_label_contains(&format!("{} kl. ", when.format("%-d.%-m.%Y"))).is_none());
}
