//! Failed filings: the reason, retry all, the history; and Esc cancelling a running filing.

use std::time::Duration;

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kirjaamo::export::refs;
use kirjaamo::sandbox::{FaultConfig, FaultEffect, FaultRule};
use kirjaamo::tweb::CaseSystem as _;

use super::{desk, desk_on, desk_with_journal, fault, look, outbox, pending, settle, tweb, wait_for, wait_loaded};

fn rule(path: &str, effect: FaultEffect, latency_ms: u64) -> FaultRule {
    FaultRule { latency_ms, ..fault("POST", path, effect, None) }
}

#[test]
fn a_failed_filing_shows_its_reason_and_retry_all_files_it() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let refuse = rule("/documents", FaultEffect::Status { status: 422, after: false }, 0);
    sandbox.set_faults(FaultConfig { seed: 1, rules: vec![refuse] });
    let all = pending(&runtime, &sandbox);
    wait_loaded(&mut harness, "odottaa");
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, "Sivu 1 /");
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Kirjaus epäonnistui");
    wait_for(&mut harness, "Epäonnistuneet (1)");
    // The clerk's language, the English chain folded away under "Näytä tiedot".
    harness.get_by_label_contains("Lomake: Palvelin hylkäsi tiedot (asiakirjan lähetys).");
    assert!(harness.query_by_label_contains("uploading").is_none(), "no English before the details are opened");
    harness
        .get_by_label_contains(&format!("{}\n", all[0].title))
        .accesskit_node()
        .label()
        .filter(|l| l.ends_with("epäonnistui"))
        .expect("badge");

    harness.get_by_label("Epäonnistuneet (1)").click();
    wait_for(&mut harness, "Epäonnistuneet ja keskeytyneet kirjaukset (1)");
    harness.get_by_label_contains("Lomake: Palvelin hylkäsi tiedot (asiakirjan lähetys).");
    assert!(harness.query_by_label_contains("uploading").is_none(), "no English before the details are opened");
    harness.get_by_label("Näytä tiedot").click();
    wait_for(&mut harness, "uploading the form failed");
    harness.check_accessibility();
    sandbox.set_faults(FaultConfig::default());
    harness.get_by_label("Yritä kaikkia uudelleen (1)").click();
    wait_for(&mut harness, "Epäonnistuneet (0)");
    wait_for(&mut harness, "Ei epäonnistuneita kirjauksia.");
    // The history names who filed what and the diary number.
    let detail = runtime.block_on(outbox(&sandbox).get(&all[0].id)).expect("detail");
    let diary = detail.completion.and_then(|c| c.result.diary_number).expect("a diary number");
    wait_for(&mut harness, &format!("Kirjattu {diary}"));
    harness.get_by_label("Testikirjaaja");
    assert_eq!(sandbox.count_external_ref(&refs::form(&all[0].id)).documents, 1);
}

/// With a 3 s delay on `/documents`, Enter then Esc left a case holding nothing, said in red
/// "Kirjaus epäonnistui: the filing was cancelled" and gave no diary number. Now Esc stops the
/// upload where it stands (well before the delay ends), the filing shows as interrupted with the
/// partial case's diary number and what is still to do, and Enter finishes it, filing nothing twice.
#[test]
fn esc_interrupts_a_running_filing_mid_upload_and_enter_finishes_it() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let slow = rule("/documents", FaultEffect::Delay, 3_000);
    sandbox.set_faults(FaultConfig { seed: 1, rules: vec![slow] });
    let all = pending(&runtime, &sandbox);
    let first = &all[0];
    wait_loaded(&mut harness, "odottaa");
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, "Sivu 1 /");
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Keskeytä (Esc)");
    wait_for(&mut harness, "Valmis: Asia");
    let pressed = std::time::Instant::now();
    harness.key_press(egui::Key::Escape);
    wait_for(&mut harness, "Kirjaus keskeytettiin.");
    assert!(pressed.elapsed() < Duration::from_millis(2_500), "the upload stopped mid-way: {:?}", pressed.elapsed());
    assert!(harness.query_by_label_contains("epäonnistui").is_none(), "an interruption is not a failure");
    let case = runtime
        .block_on(tweb(&sandbox).case_by_ref(&refs::case(&first.id)))
        .expect("lookup")
        .expect("the partial case");
    harness.get_by_label_contains(&format!("Asia {} on avattu TWebiin.", case.diary_number));
    harness.get_by_label_contains("Kesken: Lomake");
    harness.get_by_label_contains("keskeytetty");
    sandbox.set_faults(FaultConfig::default());
    // The claim is released, so another clerk can take it at once; nothing was marked filed.
    let mut released = false;
    for _ in 0..100 {
        let detail = runtime.block_on(outbox(&sandbox).get(&first.id)).expect("detail");
        assert!(detail.completion.is_none());
        if detail.claim.is_none() {
            released = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(released, "the claim was not released");
    // After the refreshes that follow (the desk's own, then Päivitä), the row, the top bar and
    // the failed view still say interrupted: the journal keeps it so.
    for _ in 0..100 {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.get_by_label("Päivitä").click();
    for _ in 0..100 {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.get_by_label_contains("keskeytetty");
    assert!(harness.query_by_label_contains("epäonnistui").is_none(), "the row does not turn failed");
    harness.get_by_label("Epäonnistuneet (0)");
    let journal = harness.state().unfinished_states();
    assert_eq!(journal, vec![(first.id.clone(), kirjaamo::export::FilingState::Interrupted)]);
    // One key finishes it, on the same case, nothing twice.
    harness.get_by_label("Jatka kirjausta (Enter)");
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, &format!("Kirjattu: {}", case.diary_number));
    let counts = sandbox.count_external_ref(&refs::case(&first.id));
    assert_eq!(counts.cases, 1);
    assert_eq!(sandbox.count_external_ref(&refs::form(&first.id)).documents, 1);
}

/// A sandbox whose TWeb answers 503 to every catalog request.
fn catalog_down(runtime: &tokio::runtime::Runtime) -> kirjaamo::sandbox::Sandbox {
    let down = fault("GET", "/catalog/", FaultEffect::Status { status: 503, after: false }, None);
    let config = kirjaamo::sandbox::SandboxConfig {
        faults: FaultConfig { seed: 1, rules: vec![down] },
        ..kirjaamo::sandbox::SandboxConfig::default()
    };
    runtime.block_on(kirjaamo::sandbox::Sandbox::start(config)).expect("sandbox")
}

#[test]
fn refresh_asks_again_for_a_catalog_that_failed_at_start() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let sandbox = catalog_down(&runtime);
    let mut harness = desk_on(&runtime, &sandbox, None, false);
    wait_loaded(&mut harness, "odottaa");
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, "TWebin luetteloita ei saatu");

    sandbox.set_faults(FaultConfig::default());
    harness.get_by_label("Päivitä").click();
    for _ in 0..500 {
        harness.step();
        if harness.query_all_by_label_contains("TWebin luetteloita ei saatu").next().is_none() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(harness.query_all_by_label_contains("TWebin luetteloita ei saatu").next().is_none(), "the catalog came");
    harness.key_press(egui::Key::Num1);
    settle(&mut harness);
    assert!(harness.query_all_by_label_contains("Asiaryhmä").next().is_some(), "the new-case form shows");
}

#[test]
fn without_tweb_s_catalog_no_mapping_files_by_default_neither_by_enter_nor_in_bulk() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let sandbox = catalog_down(&runtime);
    let mappings = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
    let mut harness = desk_on(&runtime, &sandbox, Some(&mappings), false);
    let all = pending(&runtime, &sandbox);
    wait_loaded(&mut harness, "odottaa");
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, "TWebin luetteloita ei saatu");
    wait_for(&mut harness, "Oletusta ei ole vielä tarkistettu");
    // Enter alone does not file an unchecked default.
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert_eq!(sandbox.count_external_ref(&refs::form(&all[0].id)).documents, 0, "nothing filed");
    assert_eq!(pending(&runtime, &sandbox).len(), all.len());
    // Nor does bulk filing.
    let same: Vec<_> = all.iter().filter(|t| t.service.id == all[0].service.id).take(2).cloned().collect();
    for t in &same {
        super::fill(&mut harness, "Suodata", &t.id);
        harness.get_by_label(&format!("Valitse joukkokirjaukseen: {}", t.id)).click();
        harness.step();
    }
    wait_for(&mut harness, "Tällä e-palvelulla ei ole valmista oletuskirjausta");
    assert!(harness.query_all_by_label_contains("Kirjaa valitut oletuksin").next().is_none(), "no bulk button");
}

/// The same failure in the Swedish desk: Swedish words from `sv.ftl`, no English, no Finnish.
#[test]
fn a_failed_filing_is_told_in_swedish_in_the_swedish_desk() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let sandbox = runtime.block_on(kirjaamo::sandbox::Sandbox::start(Default::default())).expect("sandbox");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
    let journal = kirjaamo::export::Journal::in_memory().expect("journal");
    let sv = kirjaamo::i18n::UiLanguage::Sv;
    let mut harness = desk_with_journal(&runtime, &sandbox, Some(&dir), sv, journal.clone());
    let refuse = rule("/documents", FaultEffect::Status { status: 422, after: false }, 0);
    sandbox.set_faults(FaultConfig { seed: 1, rules: vec![refuse] });
    wait_loaded(&mut harness, "väntar");
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, "Sida 1 /");
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(
        &mut harness,
        "Registreringen misslyckades: Blankett: Servern avvisade uppgifterna (sändning av handlingen).",
    );
    for foreign in ["uploading", "failed", "epäonnistui", "Palvelin"] {
        assert!(harness.query_by_label_contains(foreign).is_none(), "{foreign} in the Swedish desk");
    }
    harness.get_by_label("Visa detaljer").click();
    wait_for(&mut harness, "uploading the form failed");
    // Started again on the same journal: the failed view says the same, in Swedish.
    drop(harness);
    let mut harness = desk_with_journal(&runtime, &sandbox, Some(&dir), sv, journal);
    wait_loaded(&mut harness, "väntar");
    harness.get_by_label("Misslyckade (1)").click();
    wait_for(&mut harness, "Servern avvisade uppgifterna (sändning av handlingen).");
    assert!(harness.query_by_label_contains("uploading").is_none(), "English in the Swedish failed view");
}
