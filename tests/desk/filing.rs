//! The three filings with non-default choices: existing case by keyboard, new case and
//! assignment only by mouse.

use egui_kittest::kittest::Queryable as _;
use kirjaamo::export::refs;
use kirjaamo::tweb::CaseSystem as _;

use super::{desk, fill, look, open, pending, settle, tweb, wait_for, wait_loaded};

#[test]
fn an_existing_case_is_found_and_picked_by_keyboard() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let tweb = tweb(&sandbox);
    // A transaction whose submitter already has a case in TWeb.
    let (transaction, case) = pending(&runtime, &sandbox)
        .into_iter()
        .find_map(|t| {
            let query =
                kirjaamo::contract::tweb::CaseQuery { party: Some(t.submitter_name.clone()), ..Default::default() };
            let page = runtime.block_on(tweb.search_cases(&query)).expect("search");
            page.items.into_iter().next().map(|c| (t, c))
        })
        .expect("the seed has a submitter with a case");
    wait_loaded(&mut harness, "odottaa");

    // Keyboard only: filter to the transaction, select it, Ctrl+F, type, ↓ to the result, pick, file.
    harness.key_press(egui::Key::Slash);
    harness.step();
    harness.event(egui::Event::Text(transaction.id.clone()));
    harness.step();
    harness.key_press(egui::Key::Escape);
    harness.step();
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, "Sivu 1 /");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    // The submitter's own cases are offered before anything is typed.
    wait_for(&mut harness, "Saman hakijan asiat");
    wait_for(&mut harness, &case.diary_number);
    harness.event(egui::Event::Text(case.diary_number.clone()));
    settle(&mut harness);
    // ↓ goes from the field into the results (it moved nothing before), and moves no inbox row.
    harness.key_press(egui::Key::ArrowDown);
    harness.step();
    assert_eq!(harness.state().selected_transaction().map(|t| t.id.clone()), Some(transaction.id.clone()));
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, &format!("Valittu: {}", case.diary_number));
    harness.check_accessibility();
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    if case.records.publicity != kirjaamo::domain::PublicityClass::Public {
        // Onto a case that is not public: the first Enter names the secrecy, the second files.
        wait_for(&mut harness, "Kirjaat aineistoa, joka ei ole julkinen: ");
        assert!(runtime.block_on(tweb.document_by_ref(&refs::form(&transaction.id))).expect("lookup").is_none());
        look(&mut harness);
        harness.key_press(egui::Key::Enter);
    }
    wait_for(&mut harness, &format!("Kirjattu: {}", case.diary_number));

    let form = runtime.block_on(tweb.document_by_ref(&refs::form(&transaction.id))).expect("lookup").expect("form");
    assert_eq!(form.case_id, Some(case.id));
    assert_eq!(sandbox.count_external_ref(&refs::case(&transaction.id)).cases, 0, "no new case was opened");
}

#[test]
fn a_new_case_in_another_group_with_another_title_by_mouse() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let transaction = pending(&runtime, &sandbox).into_iter().find(|t| t.service.id == "meluilmoitus").expect("noise");
    wait_loaded(&mut harness, "odottaa");
    open(&mut harness, &transaction.title, &transaction.id);
    // The mapping's group with the publicity it passes on.
    wait_for(&mut harness, "11.01.00");
    harness.get_by_label_contains("Julkisuus periytyy:");

    fill(&mut harness, "Asiaryhmä", "tuet ja");
    harness.get_by_label_contains("02.05.01 Tuet ja avustukset ·").click();
    wait_for(&mut harness, "02.05.01 Tuet ja avustukset");
    // Closed groups are not offered.
    fill(&mut harness, "Asiaryhmä", "02.05.00");
    assert!(harness.query_by_label_contains("käytöstä poistettu").is_none());
    fill(&mut harness, "Asiaryhmä", "");
    fill(&mut harness, "Otsikko", "Melua pihalla");
    look(&mut harness);
    harness.get_by_label("Kirjaa (Enter)").click();
    wait_for(&mut harness, "Kirjattu: ");

    let case =
        runtime.block_on(tweb(&sandbox).case_by_ref(&refs::case(&transaction.id))).expect("lookup").expect("case");
    assert_eq!((case.case_group.as_str(), case.title.as_str()), ("02.05.01", "Melua pihalla"));
    assert!(case.diary_number.contains("/02.05.01/"));
}

#[test]
fn an_assignment_only_to_a_group_with_a_due_date_by_mouse() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let transaction = pending(&runtime, &sandbox).into_iter().find(|t| t.service.id == "meluilmoitus").expect("noise");
    wait_loaded(&mut harness, "odottaa");
    open(&mut harness, &transaction.title, &transaction.id);
    harness.get_by_label_contains("3 Vain toimeksianto").click();
    settle(&mut harness);
    fill(&mut harness, "Lisää vastaanottaja", "ympäristö");
    harness.get_by_label("Ryhmä Ympäristöpalvelut").click();
    settle(&mut harness);
    fill(&mut harness, "Määräpäivä", "x");
    // A bad date is named and nothing can be filed.
    harness.get_by_label_contains("Määräpäivä ei ole päivämäärä");
    fill(&mut harness, "Määräpäivä", "31.12.2026");
    harness.check_accessibility();
    look(&mut harness);
    harness.get_by_label("Kirjaa (Enter)").click();
    wait_for(&mut harness, "Kirjattu: ilman asiaa");

    let tweb = tweb(&sandbox);
    let assignment = runtime
        .block_on(tweb.assignment_by_ref(&refs::assignment(&transaction.id)))
        .expect("lookup")
        .expect("assignment");
    assert_eq!(assignment.case_id, None);
    assert!(assignment.recipients.groups.contains(&"ymparisto".to_owned()), "{:?}", assignment.recipients);
    assert_eq!(assignment.due_date, chrono::NaiveDate::from_ymd_opt(2026, 12, 31));
    assert_eq!(sandbox.count_external_ref(&refs::case(&transaction.id)).cases, 0);
}

/// Filing a transaction another clerk had claimed was allowed; it failed in English and went to
/// the failed list. Now File waits: the panel says who holds it and until when, and neither the
/// button nor Enter starts anything while the lease lives.
#[test]
fn another_clerk_s_live_claim_blocks_the_start() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let sandbox = runtime
        .block_on(kirjaamo::sandbox::Sandbox::start(kirjaamo::sandbox::SandboxConfig::default()))
        .expect("sandbox");
    let all = pending(&runtime, &sandbox);
    let held = all.iter().find(|t| t.service.id == "asukaspysakointi").expect("a parking form").clone();
    let claim = runtime.block_on(super::outbox(&sandbox).claim(&held.id, "Liisa Virtanen", 600, None)).expect("claim");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
    let mut harness = super::desk_on(&runtime, &sandbox, Some(&dir), false);
    wait_loaded(&mut harness, "odottaa");
    fill(&mut harness, "Suodata", &held.id);
    open(&mut harness, &held.title, &held.id);
    let until = kirjaamo::domain::helsinki::local(claim.expires_at);
    wait_for(
        &mut harness,
        &format!("Liisa Virtanen käsittelee tätä tapahtumaa (varaus {} klo", until.format("%-d.%-m.%Y")),
    );
    harness.key_press(egui::Key::Escape);
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    look(&mut harness);
    harness.get_by_label("Kirjaa (Enter)").click();
    settle(&mut harness);
    assert_eq!(sandbox.count_external_ref(&refs::case(&held.id)).cases, 0, "nothing was started");
    harness.get_by_label_contains("Epäonnistuneet (0)");
    harness.get_by_label_contains("varannut Liisa Virtanen");
}

/// One lost answer on `POST /cases` (the case was created, the answer never came) failed the
/// filing at once. The engine retries it (finding the case by its external ref); the desk shows
/// the retry with its step and try, in Finnish, and the filing ends filed, not failed.
#[test]
fn a_lost_answer_is_shown_as_retrying_and_the_filing_ends_filed() {
    use kirjaamo::sandbox::{FaultConfig, FaultEffect};
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let first = all.iter().find(|t| t.service.id == "asukaspysakointi").expect("a parking form").clone();
    wait_loaded(&mut harness, "odottaa");
    fill(&mut harness, "Suodata", &first.id);
    open(&mut harness, &first.title, &first.id);
    let cut = super::fault("POST", "/cases", FaultEffect::ResetResponse, Some(1));
    sandbox.set_faults(FaultConfig { seed: 1, rules: vec![cut] });
    look(&mut harness);
    harness.get_by_label("Kirjaa (Enter)").click();
    wait_for(&mut harness, "Yritetään uudelleen: Asia, 2. yritys");
    assert!(harness.query_by_label_contains("epäonnistui").is_none(), "a retry is not a failure");
    wait_for(&mut harness, "Kirjattu: ");
    assert_eq!(sandbox.fault_status().fired.iter().sum::<u32>(), 1, "the answer was cut off once");
    assert_eq!(sandbox.count_external_ref(&refs::case(&first.id)).cases, 1, "one case");
    harness.get_by_label_contains("Epäonnistuneet (0)");
}

/// A case that has ended (päättynyt) could be chosen and filed onto without a word: now the
/// first Enter names it and files nothing, and the second files.
#[test]
fn filing_onto_a_closed_case_asks_once() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let tweb = tweb(&sandbox);
    let mut closed = None;
    for page in 1..=20 {
        let query = kirjaamo::contract::tweb::CaseQuery { page: Some(page), per_page: Some(100), ..Default::default() };
        let found = runtime.block_on(tweb.search_cases(&query)).expect("search");
        closed = found.items.into_iter().find(|c| c.status == kirjaamo::domain::CaseStatus::Closed);
        if closed.is_some() {
            break;
        }
    }
    let closed = closed.expect("the seed has a closed case");
    let transaction = pending(&runtime, &sandbox)
        .into_iter()
        .find(|t| t.service.id == "meluilmoitus" && !t.holds_personal_id)
        .expect("a noise report");
    wait_loaded(&mut harness, "odottaa");
    fill(&mut harness, "Suodata", &transaction.id);
    harness.key_press(egui::Key::Escape);
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, "Sivu 1 /");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    settle(&mut harness);
    harness.event(egui::Event::Text(closed.diary_number.clone()));
    wait_for(&mut harness, &closed.title);
    harness.key_press(egui::Key::Tab);
    harness.step();
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, &format!("Valittu: {}", closed.diary_number));
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, &format!("Asia {} on päättynyt. Kirjaatko silti siihen?", closed.diary_number));
    settle(&mut harness);
    assert!(runtime.block_on(tweb.document_by_ref(&refs::form(&transaction.id))).expect("lookup").is_none());
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, &format!("Kirjattu: {}", closed.diary_number));
}

/// The case search kept the previous transaction's text ("VirtanenIngrid", no results): each
/// transaction's search starts empty.
#[test]
fn the_case_search_starts_empty_for_the_next_transaction() {
    use egui_kittest::kittest::NodeT as _;
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (_sandbox, mut harness) = desk(&runtime, true);
    wait_loaded(&mut harness, "odottaa");
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, "Sivu 1 /");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    settle(&mut harness);
    harness.event(egui::Event::Text("Virtanen".to_owned()));
    settle(&mut harness);
    let typed = harness.get_by_label("Hae asiaa").accesskit_node().value().unwrap_or_default();
    assert_eq!(typed, "Virtanen");
    harness.key_press(egui::Key::Escape);
    harness.step();
    harness.key_press(egui::Key::ArrowDown);
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    settle(&mut harness);
    let value = harness.get_by_label("Hae asiaa").accesskit_node().value().unwrap_or_default();
    assert_eq!(value, "", "the next transaction's search starts empty");
}
