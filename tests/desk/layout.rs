//! Layouts a clerk meets, measured: at 1024×700 the preview shrank to about 170 px and the tabs
//! were cut off; the inbox jumped wider after filing or a language change; ticking a row pushed
//! the list down under the pointer.

use egui_kittest::kittest::Queryable as _;
use kirjaamo::i18n::UiLanguage;

use super::{choose, desk_sized, look, open, pending, settle, wait_for, wait_loaded};

fn mappings() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings")
}

/// A desk on a sandbox of its own, in a window of `size`, as the demo opens it.
fn sized(
    runtime: &tokio::runtime::Runtime,
    size: egui::Vec2,
) -> (kirjaamo::sandbox::Sandbox, egui_kittest::Harness<'static, kirjaamo::ui::DeskApp>) {
    let sandbox = runtime.block_on(kirjaamo::sandbox::Sandbox::start(Default::default())).expect("sandbox");
    let harness =
        desk_sized(runtime, &sandbox, Some(&mappings()), false, UiLanguage::Fi, size, "Demo (harjoitusympäristö)");
    (sandbox, harness)
}

#[test]
fn at_1024_by_700_the_preview_keeps_room_to_read_and_every_tab_shows() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let size = egui::vec2(1024.0, 700.0);
    let (sandbox, mut harness) = sized(&runtime, size);
    let all = pending(&runtime, &sandbox);
    wait_loaded(&mut harness, "odottaa");
    open(&mut harness, &all[0].title, &all[0].id);
    settle(&mut harness);
    // The preview is what lies between the inbox's rows and the filing panel's button.
    let inbox_right = harness.get_by_label_contains(&format!("{}\n", all[1].title)).rect().right();
    let file = harness.get_by_label("Kirjaa (Enter)").rect();
    let central = file.left() - inbox_right;
    assert!(central >= 380.0, "the preview has {central} px between the panels");
    for tab in ["Esikatselu", "Liitteet (", "Kentät"] {
        let rect = harness.get_by_label_contains(tab).rect();
        assert!(rect.left() >= inbox_right && rect.right() <= file.left(), "{tab} cut off: {rect:?}");
    }
    assert!(file.right() <= size.x && file.bottom() <= size.y, "the file button is off screen: {file:?}");
    // The page is clipped to stay readable: "Sovita leveyteen" is offered, and fits it to what shows.
    settle(&mut harness);
    let page = harness.get_by_label("Lomakkeen PDF, sivu 1").rect();
    assert!(page.right() > file.left(), "the page is not clipped at 1024x700: {page:?}");
    harness.get_by_label("Sovita leveyteen").click();
    for _ in 0..50 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let fitted = harness.get_by_label("Lomakkeen PDF, sivu 1").rect();
    assert!(fitted.width() <= central, "fit to width fits what shows: {fitted:?} in {central} px");
    // The top bar's buttons stay whole with the overdue count shown (Päivitä lay under Yhteydet…).
    harness.get_by_label_contains("Myöhässä (");
    let (refresh, connections) = (harness.get_by_label("Päivitä").rect(), harness.get_by_label("Yhteydet…").rect());
    assert!(refresh.right() < connections.left(), "Päivitä {refresh:?} under Yhteydet… {connections:?}");
}

#[test]
fn the_inbox_keeps_its_width_after_filing_and_a_language_change_and_ticking_moves_no_row() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let size = egui::vec2(1366.0, 768.0);
    let (sandbox, mut harness) = sized(&runtime, size);
    let all = pending(&runtime, &sandbox);
    wait_loaded(&mut harness, "odottaa");
    let row = |harness: &egui_kittest::Harness<'_, _>, title: &str| {
        harness.get_by_label_contains(&format!("{title}\n")).rect()
    };
    let before = row(&harness, &all[1].title);
    open(&mut harness, &all[0].title, &all[0].id);
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Kirjattu: ");
    settle(&mut harness);
    let after = row(&harness, &all[1].title);
    assert!((after.width() - before.width()).abs() < 1.0, "filing widened the inbox: {before:?} → {after:?}");

    choose(&mut harness, "Kieli", "Svenska");
    wait_for(&mut harness, "Inkomna (");
    settle(&mut harness);
    let swedish = row(&harness, &all[1].title);
    assert!((swedish.width() - before.width()).abs() < 1.0, "Swedish widened the inbox: {before:?} → {swedish:?}");
    choose(&mut harness, "Språk", "Suomi");
    wait_for(&mut harness, "Saapuneet (");
    settle(&mut harness);

    let top = row(&harness, &all[1].title).top();
    harness.get_by_label(&format!("Valitse joukkokirjaukseen: {}", all[2].id)).click();
    settle(&mut harness);
    let ticked = row(&harness, &all[1].title).top();
    assert!((ticked - top).abs() < 1.0, "the bulk bar pushed the list down: {top} → {ticked}");
}

/// At 1024×700: after a filing the next transaction's choices keep their room under the receipt
/// (they shrank to a line), and a refusal's details, opened, are scrolled into sight (they fell
/// below the window).
#[test]
fn at_1024_by_700_the_next_form_keeps_its_room_and_opened_details_show() {
    use kirjaamo::sandbox::{FaultConfig, FaultEffect};
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let size = egui::vec2(1024.0, 700.0);
    let (sandbox, mut harness) = sized(&runtime, size);
    let all = pending(&runtime, &sandbox);
    wait_loaded(&mut harness, "odottaa");
    let first = all.iter().find(|t| t.service.id == "meluilmoitus").expect("a noise notification");
    open(&mut harness, &first.title, &first.id);
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Edellinen kirjaus");
    wait_for(&mut harness, "1 Uusi asia");
    settle(&mut harness);
    let choice = harness.get_by_label("1 Uusi asia").rect();
    let file = harness.get_by_label_contains("(Enter)").rect();
    assert!(file.top() - choice.top() >= 0.3 * size.y, "the choices have {} px", file.top() - choice.top());

    let refuse = super::fault("POST", "/documents", FaultEffect::Status { status: 422, after: false }, None);
    sandbox.set_faults(FaultConfig { seed: 1, rules: vec![refuse] });
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Kirjaus epäonnistui");
    let details = harness.query_all_by_label("Näytä tiedot").last().expect("the refusal's details").rect();
    assert!(details.bottom() <= size.y, "the details' header is in sight: {details:?}");
    harness.query_all_by_label("Näytä tiedot").last().expect("details").click();
    for _ in 0..60 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let text = harness.get_by_label_contains("uploading the form failed").rect();
    assert!(text.bottom() <= size.y && text.top() >= 0.0, "the opened details are in sight: {text:?}");
}

/// The top bar says the scanning is off (the demo's choice) and keeps every button whole at
/// 1024×700: the words ran under the connections button when they stood beside the buttons; in a
/// window that narrow they stand on a line of their own below them.
#[test]
fn at_1024_by_700_the_top_bar_says_scanning_is_off_and_keeps_its_buttons() {
    use egui_kittest::kittest::NodeT as _;
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let size = egui::vec2(1024.0, 700.0);
    let (_sandbox, mut harness) = sized(&runtime, size);
    wait_loaded(&mut harness, "odottaa");
    settle(&mut harness);
    let rect = |label: &str| {
        let node = harness.get_by_label_contains(label);
        let bounds = node.accesskit_node().raw_bounds().expect("bounds");
        egui::Rect::from_min_max(
            egui::pos2(bounds.x0 as f32, bounds.y0 as f32),
            egui::pos2(bounds.x1 as f32, bounds.y1 as f32),
        )
    };
    let off = rect("virustarkistus pois");
    let refresh = rect("Päivitä");
    let connections = rect("Yhteydet");
    for (what, r) in [("virustarkistus pois", off), ("Päivitä", refresh), ("Yhteydet", connections)] {
        assert!(r.min.x >= 0.0 && r.max.x <= size.x, "{what} is outside the window: {r:?}");
    }
    assert!(off.min.y >= refresh.max.y.min(connections.max.y), "below the buttons: {off:?} {refresh:?}");
    assert!(!off.intersects(connections) && !off.intersects(refresh), "{off:?} {refresh:?} {connections:?}");
}
