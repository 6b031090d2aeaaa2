//! The office's day: every clerk's filings of the day from the outbox's
//! completed list, searchable, with receipts and "Avaa TWebissä", exported to CSV for Excel with
//! no henkilötunnus; the inbox filter finds a filed row by its diary number; after a filing the
//! selection moves on and the receipt stays; filed rows can be hidden; the keys are on screen.

use egui_kittest::kittest::Queryable as _;

use super::{clear, desk, fill, look, outbox, pending, settle, wait_for, wait_loaded};

/// The first pending transaction that is not secret (Enter on it files at once).
fn plain(all: &[kirjaamo::contract::outbox::TransactionSummary]) -> usize {
    all.iter().position(|t| t.service.id != "omaishoidontuki").expect("a public one")
}

#[test]
fn the_day_lists_every_clerk_s_filings_searchable_and_exports_csv_without_personal_ids() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let at = plain(&all);
    wait_loaded(&mut harness, "odottaa");
    for _ in 0..=at {
        harness.key_press(egui::Key::ArrowDown);
    }
    wait_for(&mut harness, &format!("{} · ", all[at].id));
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Kirjattu: ");
    let detail = runtime.block_on(outbox(&sandbox).get(&all[at].id)).expect("detail");
    let diary = detail.completion.expect("completed").result.diary_number.expect("a case");

    // The inbox filter finds the filed row by its diary number.
    fill(&mut harness, "Suodata", &diary);
    wait_for(&mut harness, "· 1 näkyvissä");
    clear(&mut harness, "Suodata");

    let today = kirjaamo::domain::helsinki::today();
    let office = runtime.block_on(outbox(&sandbox).completed(today, today)).expect("completed");
    assert!(office.iter().any(|c| c.completion.completed_by != "Testikirjaaja"), "other clerks filed today too");
    harness.get_by_label("Päivän kirjaukset").click();
    wait_for(&mut harness, &format!("{} kirjausta", office.len()));
    // Another clerk's filing is there with its clerk.
    let other = office.iter().find(|c| c.completion.completed_by != "Testikirjaaja").expect("other");
    let other_diary = other.completion.result.diary_number.clone().expect("diary");
    harness.get_by_label_contains(&format!("{other_diary} · "));

    fill(&mut harness, "Hae", &diary);
    wait_for(&mut harness, "1 kirjaus");
    harness.get_by_label("1 kirjaus");
    harness.get_by_label_contains(&format!("· {diary} · ")).click();
    settle(&mut harness);
    wait_for(&mut harness, "Kirjannut Testikirjaaja");
    harness.get_by_label_contains(&format!("Kirjattu: {diary}"));
    harness.get_by_label_contains("Lomake: ");
    harness.get_by_label("Avaa TWebissä");

    clear(&mut harness, "Hae");
    wait_for(&mut harness, &format!("{} kirjausta", office.len()));
    harness.get_by_label("Tallenna CSV-tiedostoksi").click();
    settle(&mut harness);
    // Where a dialog could open but was closed, the list goes into downloads with one click.
    if let Some(button) = harness.query_by_label("Tallenna latauksiin") {
        button.click();
    }
    wait_for(&mut harness, "kirjaukset-");
    let name = format!("kirjaukset-{}.csv", today.format("%Y-%m-%d"));
    let dir = std::env::temp_dir().join(format!("kirjaamo-downloads-{}", std::process::id()));
    let newest = std::fs::read_dir(&dir)
        .expect("downloads")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(name.trim_end_matches(".csv")))
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .expect("the CSV");
    let bytes = std::fs::read(newest.path()).expect("read");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "a BOM for Excel");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(lines[0].starts_with("\"Kirjattu\";\"Kirjaaja\";\"Tapa\";\"Diaarinumero\""), "{}", lines[0]);
    assert_eq!(lines.len(), office.len() + 1);
    assert!(text.contains(&diary) && text.contains(&other_diary));
    assert!(!kirjaamo::domain::reference::holds_personal_id(&text), "no henkilötunnus in the CSV");
}

#[test]
fn after_a_filing_the_selection_moves_on_the_receipt_stays_and_the_keys_are_listed() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let at = plain(&all);
    wait_loaded(&mut harness, "odottaa");
    harness.get_by_label_contains("Enter kirjaa · Välilyönti merkitse");
    for _ in 0..=at {
        harness.key_press(egui::Key::ArrowDown);
    }
    wait_for(&mut harness, &format!("{} · ", all[at].id));
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    // The next row is selected, and the filing's receipt stays in sight.
    wait_for(&mut harness, &format!("{} · ", all[at + 1].id));
    wait_for(&mut harness, "Edellinen kirjaus");
    harness.get_by_label_contains("Kirjattu: ");

    // Filed rows can be hidden.
    let shown = all.len();
    wait_for(&mut harness, &format!("· {shown} näkyvissä"));
    harness.get_by_label("Piilota kirjatut").click();
    wait_for(&mut harness, &format!("· {} näkyvissä", shown - 1));
    harness.get_by_label("Piilota kirjatut").click();

    // Without moving on, the selection stays on the filed row.
    harness.get_by_label("Siirry kirjauksen jälkeen seuraavaan").click();
    settle(&mut harness);
    let next = all[at + 1..].iter().position(|t| t.service.id != "omaishoidontuki").map(|i| i + at + 1).expect("next");
    while !harness.query_all_by_label_contains(&format!("{} · ", all[next].id)).any(|_| true) {
        harness.key_press(egui::Key::ArrowDown);
        settle(&mut harness);
    }
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Kirjattu: ");
    settle(&mut harness);
    harness.get_by_label_contains(&format!("{} · ", all[next].id));
    assert!(harness.query_all_by_label_contains("Edellinen kirjaus").next().is_none());

    // `?` lists every key; Esc closes the list.
    harness.event(egui::Event::Text("?".to_owned()));
    wait_for(&mut harness, "Näppäimet");
    harness.get_by_label("Kirjaa merkityt vahvistuksen jälkeen");
    // The overlay names the keys the bindings are (the command modifier as this platform names it).
    harness.get_by_label("Ctrl+F");
    harness.get_by_label("Vaihto+Enter");
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(harness.query_all_by_label("Näppäimet").next().is_none());
}

/// Undo where TWeb's contract allows it: a new case filed without an
/// assignment minutes ago is withdrawn in TWeb and the transaction is back in the inbox, filed
/// anew.
#[test]
fn a_new_case_without_an_assignment_is_undone_and_filed_anew() {
    use kirjaamo::tweb::CaseSystem as _;
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let at = plain(&all);
    let id = all[at].id.clone();
    wait_loaded(&mut harness, "odottaa");
    harness.get_by_label("Siirry kirjauksen jälkeen seuraavaan").click();
    settle(&mut harness);
    for _ in 0..=at {
        harness.key_press(egui::Key::ArrowDown);
    }
    wait_for(&mut harness, &format!("{id} · "));
    harness.get_by_label("Lähetä toimeksianto").click();
    settle(&mut harness);
    look(&mut harness);
    harness.get_by_label("Kirjaa (Enter)").click();
    wait_for(&mut harness, "Kirjattu: ");
    let first = runtime.block_on(outbox(&sandbox).get(&id)).expect("detail").completion.expect("completed");
    let diary = first.result.diary_number.clone().expect("a case");
    harness.get_by_label("Peru kirjaus").click();
    wait_for(&mut harness, &format!("Kirjaus peruttu: asia {diary} peruttiin TWebissä"));
    let tweb = super::tweb(&sandbox);
    let case = runtime.block_on(tweb.get_case(first.result.case_id.expect("case id"))).expect("case");
    assert_eq!(case.status, kirjaamo::domain::CaseStatus::Withdrawn);
    assert!(runtime.block_on(outbox(&sandbox).get(&id)).expect("detail").completion.is_none(), "pending again");
    // Filed anew: a new case, the withdrawn one keeps its number and holds nothing.
    look(&mut harness);
    harness.get_by_label("Kirjaa (Enter)").click();
    wait_for(&mut harness, "Kirjattu: ");
    let again = runtime.block_on(outbox(&sandbox).get(&id)).expect("detail").completion.expect("completed");
    assert_ne!(again.result.diary_number.as_deref(), Some(diary.as_str()));
    assert_eq!(sandbox.count_external_ref(&kirjaamo::export::refs::case(&id)).cases, 1, "one live case");
    // The new filing can be undone in its turn.
    harness.get_by_label("Peru kirjaus");
}
