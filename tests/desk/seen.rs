//! The desk files only what the clerk saw: a second Enter right after a filing, when the
//! selection has moved on to the next row, files nothing; a row the filter hides is not filed.

use std::time::Duration;

use kirjaamo::export::refs;

use super::{desk, fill, look, outbox, pending, settle, wait_for, wait_loaded};

const NOT_SEEN: &str = "ei ole vielä ollut hetkeä näkyvissä";

#[test]
fn a_second_enter_right_after_a_filing_does_not_file_the_next_row_unseen() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    wait_loaded(&mut harness, "odottaa");
    let service = |runtime: &tokio::runtime::Runtime| {
        runtime.block_on(outbox(&sandbox).list_all(Some("asukaspysakointi"))).expect("pending")
    };
    let before = service(&runtime);
    assert!(before.len() >= 2, "two rows of one service with a complete default");
    fill(&mut harness, "Suodata", "Asukaspysäköintitunnus");
    harness.key_press(egui::Key::Escape);
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, "Sivu 1 /");
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Kirjattu:");
    // The selection has moved on to the next row; Enter again at once, as a double press.
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, NOT_SEEN);
    for _ in 0..50 {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    let after = service(&runtime);
    assert_eq!(after.len(), before.len() - 1, "only the transaction the clerk saw was filed");
    let next = &after[0];
    assert_eq!(sandbox.count_external_ref(&refs::form(&next.id)).documents, 0, "{} not filed", next.id);
    // Once the clerk has looked at it, Enter files it.
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Kirjattu:");
    settle(&mut harness);
    assert_eq!(service(&runtime).len(), before.len() - 2);
}

#[test]
fn a_row_the_filter_hides_is_not_filed() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let first = pending(&runtime, &sandbox)[0].clone();
    wait_loaded(&mut harness, "odottaa");
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, &first.id);
    wait_for(&mut harness, "Sivu 1 /");
    look(&mut harness);
    // A filter that hides the selected row; the clerk leaves the field and presses Enter.
    fill(&mut harness, "Suodata", "ei yhtään tällaista riviä");
    harness.key_press(egui::Key::Escape);
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "suodatin piilottaa tämän rivin");
    settle(&mut harness);
    assert_eq!(sandbox.count_external_ref(&refs::form(&first.id)).documents, 0, "not filed");
    let still = runtime.block_on(outbox(&sandbox).get(&first.id)).expect("detail");
    assert!(still.completion.is_none() && still.claim.is_none(), "not claimed, not completed");
}
