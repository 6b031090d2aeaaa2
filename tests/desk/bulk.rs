//! Bulk filing: several transactions of one service with their defaults.

use std::ops::Not as _;

use egui_kittest::kittest::Queryable as _;
use kirjaamo::export::refs;

use super::{desk, fill, pending, settle, wait_for, wait_loaded};

#[test]
fn ticked_transactions_of_one_service_are_filed_together() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let parking: Vec<_> = all.iter().filter(|t| t.service.id == "asukaspysakointi").take(3).cloned().collect();
    let other = all.iter().find(|t| t.service.id != "asukaspysakointi").expect("another service");
    wait_loaded(&mut harness, "odottaa");
    // The inbox draws only the rows on screen: filter to each row to tick it.
    for t in parking.iter().chain([other]) {
        fill(&mut harness, "Suodata", &t.id);
        harness.get_by_label(&format!("Valitse joukkokirjaukseen: {}", t.id)).click();
        harness.step();
    }
    wait_for(&mut harness, "Joukkokirjaus vain yhden e-palvelun tapahtumille");
    harness.get_by_label(&format!("Valitse joukkokirjaukseen: {}", other.id)).click();
    settle(&mut harness);
    harness.get_by_label("Kirjaa valitut oletuksin (3)").click();
    wait_for(&mut harness, "Kirjataanko 3 tapahtumaa oletuksin?");
    // The modal is placed once its size is known.
    settle(&mut harness);
    harness.get_by_label("Kirjaa valitut (Enter)").click();
    wait_for(&mut harness, "3 / 3 valmis, 0 epäonnistui");
    wait_for(&mut harness, &format!("{} odottaa", all.len() - 3));
    for t in &parking {
        assert_eq!(sandbox.count_external_ref(&refs::case(&t.id)).cases, 1, "{}", t.id);
        assert_eq!(sandbox.count_external_ref(&refs::form(&t.id)).documents, 1, "{}", t.id);
    }
}

/// A bulk filing over a slow network is stopped with "Keskeytä kirjaukset": the filings under
/// way end as interrupted where they stand (never as failed), and filing the rows again finishes
/// each exactly once.
#[test]
fn a_bulk_filing_can_be_stopped_and_finished_later() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let parking: Vec<_> = all.iter().filter(|t| t.service.id == "asukaspysakointi").take(4).cloned().collect();
    wait_loaded(&mut harness, "odottaa");
    tick(&mut harness, &parking);
    sandbox.set_faults(kirjaamo::sandbox::FaultConfig::slow(400, 1));
    settle(&mut harness);
    harness.get_by_label("Kirjaa valitut oletuksin (4)").click();
    wait_for(&mut harness, "Kirjataanko 4 tapahtumaa oletuksin?");
    settle(&mut harness);
    harness.get_by_label("Kirjaa valitut (Enter)").click();
    wait_for(&mut harness, "Keskeytä kirjaukset");
    // The confirmation fades out first.
    settle(&mut harness);
    harness.get_by_label("Keskeytä kirjaukset").click();
    // Every filing ends: those under way as interrupted where they stand, those still waiting for
    // their turn never start (their rows are simply pending again). None is counted as failed.
    for _ in 0..3_000 {
        harness.step();
        if harness.query_all_by_label_contains("Keskeytä kirjaukset").next().is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(harness.query_all_by_label_contains("Keskeytä kirjaukset").next().is_none(), "the filings ended");
    settle(&mut harness);
    let failed =
        harness.query_all_by_label_contains(" epäonnistui").any(|n| format!("{n:?}").contains("0 epäonnistui").not());
    assert!(!failed, "a stopped filing is not a failed one");
    let filed = parking.iter().filter(|t| sandbox.count_external_ref(&refs::form(&t.id)).documents == 1).count();
    assert!(filed < parking.len(), "the stop came before every filing had ended");
    sandbox.set_faults(kirjaamo::sandbox::FaultConfig::default());
    for t in &parking {
        assert!(sandbox.count_external_ref(&refs::case(&t.id)).cases <= 1, "{}", t.id);
        assert!(sandbox.count_external_ref(&refs::form(&t.id)).documents <= 1, "{}", t.id);
    }
    // Filing the same rows again goes on from where each stopped.
    harness.get_by_label("Kirjaa valitut oletuksin (4)").click();
    wait_for(&mut harness, "Kirjataanko 4 tapahtumaa oletuksin?");
    settle(&mut harness);
    harness.get_by_label("Kirjaa valitut (Enter)").click();
    wait_for(&mut harness, &format!("{} odottaa", all.len() - 4));
    for t in &parking {
        assert_eq!(sandbox.count_external_ref(&refs::case(&t.id)).cases, 1, "{}", t.id);
        assert_eq!(sandbox.count_external_ref(&refs::form(&t.id)).documents, 1, "{}", t.id);
    }
}

/// Ticks `rows`, filtering to each row (the inbox draws only the rows on screen).
fn tick(
    harness: &mut egui_kittest::Harness<'_, kirjaamo::ui::DeskApp>,
    rows: &[kirjaamo::contract::outbox::TransactionSummary],
) {
    for t in rows {
        fill(harness, "Suodata", &t.id);
        harness.get_by_label(&format!("Valitse joukkokirjaukseen: {}", t.id)).click();
        harness.step();
    }
}

/// Ticks `ticked` (filtering to each row, as the inbox draws only the rows on screen), then
/// selects `highlighted` by a click and leaves the filter.
fn tick_and_highlight(
    harness: &mut egui_kittest::Harness<'_, kirjaamo::ui::DeskApp>,
    ticked: &[kirjaamo::contract::outbox::TransactionSummary],
    highlighted: &kirjaamo::contract::outbox::TransactionSummary,
) {
    tick(harness, ticked);
    fill(harness, "Suodata", &highlighted.id);
    harness.key_press(egui::Key::Escape);
    settle(harness);
    harness.get_by_label_contains(&highlighted.submitter_name).click();
    wait_for(harness, &highlighted.id);
}

/// Shift+Enter as one fast chord (`xdotool key --delay 0 shift+Return`): Shift is down in the
/// Enter key's own event but up again by the end of the frame. The desk read the frame's
/// modifiers and filed the highlighted, unticked row. Now it reads the event's, asks first, and
/// files the ticked rows only after Enter confirms.
#[test]
fn a_fast_shift_enter_asks_first_and_files_only_the_ticked_rows() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let parking: Vec<_> = all.iter().filter(|t| t.service.id == "asukaspysakointi").take(4).cloned().collect();
    assert_eq!(parking.len(), 4, "the seed has four parking transactions");
    let (ticked, highlighted) = (&parking[..3], &parking[3]);
    wait_loaded(&mut harness, "odottaa");
    tick_and_highlight(&mut harness, ticked, highlighted);
    let chord = |pressed| egui::Event::Key {
        key: egui::Key::Enter,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::SHIFT,
    };
    harness.event(chord(true));
    harness.event(chord(false));
    wait_for(&mut harness, "Kirjataanko 3 tapahtumaa oletuksin?");
    harness.get_by_label_contains("E-palvelu: Asukaspysäköintitunnus");
    harness.get_by_label_contains(&ticked[0].submitter_name);
    settle(&mut harness);
    assert_eq!(sandbox.count_external_ref(&refs::case(&highlighted.id)).cases, 0, "nothing filed before confirming");
    for t in ticked {
        assert_eq!(sandbox.count_external_ref(&refs::case(&t.id)).cases, 0, "{}", t.id);
    }
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "3 / 3 valmis, 0 epäonnistui");
    for t in ticked {
        assert_eq!(sandbox.count_external_ref(&refs::case(&t.id)).cases, 1, "{}", t.id);
    }
    settle(&mut harness);
    assert_eq!(sandbox.count_external_ref(&refs::case(&highlighted.id)).cases, 0, "the highlighted row is not filed");
}

#[test]
fn esc_cancels_the_bulk_confirmation_and_files_nothing() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let parking: Vec<_> = all.iter().filter(|t| t.service.id == "asukaspysakointi").take(3).cloned().collect();
    wait_loaded(&mut harness, "odottaa");
    tick_and_highlight(&mut harness, &parking[..2], &parking[2]);
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Enter);
    wait_for(&mut harness, "Kirjataanko 2 tapahtumaa oletuksin?");
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(harness.query_by_label_contains("Kirjataanko").is_none(), "the confirmation closed");
    for t in &parking {
        assert_eq!(sandbox.count_external_ref(&refs::case(&t.id)).cases, 0, "{}", t.id);
    }
}
