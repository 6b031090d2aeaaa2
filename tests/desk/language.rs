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
