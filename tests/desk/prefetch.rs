//! Pages without waiting: the next transaction's form page is drawn ahead and shown as soon as
//! the access log holds that the clerk saw it (a synced write, not a drawing); with nothing drawn
//! ahead, the page left stays, dimmed,
//! until the next one is drawn. Never a blank frame between two transactions.

use std::time::Duration;

use egui_kittest::kittest::Queryable as _;

use kirjaamo::contract::outbox::TransactionSummary;

use super::{desk, pending, wait_for};

const PAGE: &str = "Lomakkeen PDF, sivu 1";
const STALE: &str = "Edellisen asiointitapahtuman sivu";

#[test]
fn the_next_page_is_drawn_ahead_and_shown_once_its_view_is_logged() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let pending = pending(&runtime, &sandbox);
    let (first, second) = (&pending[0], &pending[1]);
    wait_for(&mut harness, &format!("{} odottaa", pending.len()));
    // With nothing selected, the first row's page is drawn ahead: the first ↓ shows it as soon as
    // the access log holds that it was seen, with nothing drawn after the key.
    drawn_ahead(&mut harness, &first.id);
    harness.key_press(egui::Key::ArrowDown);
    shown_without_drawing(&mut harness, &first.id);
    // Once the first one's page is on screen, the next one's is fetched and drawn.
    drawn_ahead(&mut harness, &second.id);
    // ↓ (a key down and a key up, a frame each): the second transaction and its page.
    harness.key_press(egui::Key::ArrowDown);
    shown_without_drawing(&mut harness, &second.id);
    assert!(harness.query_by_label_contains(STALE).is_none(), "nothing dimmed");
    // Going back up shows the first one's page in the very frame: it was kept, and its view is
    // logged already.
    harness.key_press(egui::Key::ArrowUp);
    harness.step();
    harness.get_by_label_contains(&format!("{} ·", first.id));
    harness.get_by_label(PAGE);
}

/// Steps until the page of `id` shows: within the few frames that its access-log entry takes
/// (a synced write), never waiting for a drawing ("Muodostetaan PDF").
fn shown_without_drawing(harness: &mut egui_kittest::Harness<'_, kirjaamo::ui::DeskApp>, id: &str) {
    for _ in 0..200 {
        harness.step();
        assert!(harness.query_by_label_contains("Muodostetaan PDF").is_none(), "the page of {id} was drawn again");
        if harness.query_by_label(PAGE).is_some() {
            harness.get_by_label_contains(&format!("{id} ·"));
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    panic!("the page of {id} did not show");
}

/// Steps the desk until the form page of `id` is drawn ahead.
fn drawn_ahead(harness: &mut egui_kittest::Harness<'_, kirjaamo::ui::DeskApp>, id: &str) {
    for _ in 0..1000 {
        if harness.state().drawn_ahead(id) {
            return;
        }
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("the page of {id} was not drawn ahead");
}

#[test]
fn without_drawing_ahead_the_page_left_stays_dimmed_until_the_next_is_drawn() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    harness.state_mut().set_prefetch(false);
    let pending = pending(&runtime, &sandbox);
    let second = &pending[1];
    wait_for(&mut harness, &format!("{} odottaa", pending.len()));
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, PAGE);
    assert!(!harness.state().drawn_ahead(&second.id));
    harness.key_press(egui::Key::ArrowDown);
    // Every frame until the second one's page is drawn shows the first one's page, dimmed, under
    // the spinner: never an empty preview.
    let mut dimmed = 0;
    for _ in 0..1000 {
        harness.step();
        let shown = harness.query_by_label_contains(&format!("{} ·", second.id)).is_some()
            && harness.query_by_label(PAGE).is_some();
        if shown {
            break;
        }
        assert!(harness.query_by_label_contains(STALE).is_some(), "a frame without a page");
        harness.get_by_label_contains("Muodostetaan PDF");
        dimmed += 1;
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(dimmed > 0, "the second page took at least a frame, shown over the first one");
    harness.get_by_label(PAGE);
    assert!(harness.query_by_label_contains(STALE).is_none(), "the dimmed page is gone");
}

#[test]
fn a_page_is_drawn_as_wide_as_it_is_shown_and_again_after_a_resize_or_a_zoom_never_blank() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (_sandbox, mut harness, _pending) = first_page_shown(&runtime);
    // 1400 points wide, the side panels leave the page less than 600: drawn 600 px wide, the
    // narrowest (it was 1200 px, twice what was shown).
    let widths = |harness: &egui_kittest::Harness<'_, kirjaamo::ui::DeskApp>| harness.state().page_widths();
    assert_eq!(widths(&harness), Some((600, 600)));
    // Wider, the page is drawn again for its new width; every frame meanwhile shows the page.
    harness.set_size(egui::vec2(2000.0, 1000.0));
    let wider = drawn_again(&mut harness, |w| w > 600);
    assert_eq!(wider % 50, 0, "in steps of 50 px: {wider}");
    assert!((1100..=1300).contains(&wider), "about the 1,190 points left between the panels: {wider}");
    // Resized twice at once: the page on its way for the first width is drawn again for the
    // second when it comes.
    harness.set_size(egui::vec2(1800.0, 1000.0));
    harness.step();
    harness.set_size(egui::vec2(1600.0, 1000.0));
    let wider = drawn_again(&mut harness, |w| w < wider - 300);
    assert!((700..=900).contains(&wider), "about the 790 points left between the panels: {wider}");
    // Zoomed out to 80 %: an A4 page 634 points wide, drawn 650 px wide.
    harness.get_by_label("Pienennä").click();
    assert_eq!(drawn_again(&mut harness, |w| w < wider), 650);
}

/// Steps the desk until the page on screen is drawn for a width that `wanted` accepts, checking
/// that every frame shows a page; returns the width.
fn drawn_again(
    harness: &mut egui_kittest::Harness<'_, kirjaamo::ui::DeskApp>,
    wanted: impl Fn(usize) -> bool,
) -> usize {
    for _ in 0..1000 {
        harness.step();
        harness.get_by_label(PAGE);
        if let Some((asked, drawn)) = harness.state().page_widths()
            && wanted(drawn)
        {
            assert_eq!(asked as usize, drawn, "a form page is drawn exactly as wide as asked");
            return drawn;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("the page was not drawn again: {:?}", harness.state().page_widths());
}

/// On the attachments tab the clerk looks at attachments: no form page is drawn there, neither
/// the selection's nor its neighbours' (each took a texture and a draw beside the attachment's).
/// Turning to the preview draws the selection's page, and drawing ahead goes on from there.
#[test]
fn on_the_attachments_tab_no_form_page_is_drawn_until_the_clerk_turns_to_the_preview() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (_sandbox, mut harness, pending) = first_page_shown(&runtime);
    drawn_ahead(&mut harness, &pending[1].id);
    harness.get_by_label_contains("Liitteet (").click();
    harness.step();
    for at in [2, 3] {
        harness.state_mut().select(&pending[at].id);
        wait_for(&mut harness, &format!("{} ·", pending[at].id));
        // Time enough for the page and the next one's to be drawn, had they been asked for.
        for _ in 0..100 {
            harness.step();
            std::thread::sleep(Duration::from_millis(5));
        }
        for id in [&pending[at].id, &pending[at + 1].id] {
            assert!(!harness.state().drawn_ahead(id), "the form page of {id} was drawn on the attachments tab");
        }
        assert!(harness.state().page_widths().is_none(), "no form page of the selection");
    }
    harness.get_by_label("Esikatselu").click();
    wait_for(&mut harness, PAGE);
    assert!(harness.state().page_widths().is_some(), "the selection's form page");
    drawn_ahead(&mut harness, &pending[4].id);
}

/// The demo desk with its inbox loaded and the first row selected by ↓, its form page on screen.
fn first_page_shown(
    runtime: &tokio::runtime::Runtime,
) -> (super::Sandbox, egui_kittest::Harness<'static, kirjaamo::ui::DeskApp>, Vec<TransactionSummary>) {
    let (sandbox, mut harness) = desk(runtime, true);
    let pending = pending(runtime, &sandbox);
    wait_for(&mut harness, &format!("{} odottaa", pending.len()));
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, PAGE);
    (sandbox, harness, pending)
}
