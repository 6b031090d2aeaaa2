//! Keyboard triage: the default filing in two key presses, the filter, state badges.

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kirjaamo::export::refs;

use super::{choose, desk, fill, look, outbox, pending, settle, wait_for, wait_loaded};

#[test]
fn a_default_filing_takes_two_key_presses() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let pending = pending(&runtime, &sandbox);
    let first = pending[0].clone();

    wait_for(&mut harness, &format!("{} odottaa", pending.len()));
    harness.get_by_label_contains(&first.title);
    harness.check_accessibility();

    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, &first.id);
    // The form PDF is rendered and drawn for the preview.
    wait_for(&mut harness, "Sivu 1 /");
    harness.get_by_label_contains("Lomakkeen PDF, sivu 1");
    harness.check_accessibility();
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Kirjattu:");

    let detail = runtime.block_on(outbox(&sandbox).get(&first.id)).expect("detail");
    let completion = detail.completion.expect("the outbox records the filing");
    let diary = completion.result.diary_number.clone().unwrap_or_default();
    harness.get_by_label_contains(&format!("Kirjattu: {}", if diary.is_empty() { "ilman asiaa" } else { &diary }));
    assert_eq!(sandbox.count_external_ref(&refs::form(&first.id)).documents, 1);
    // "Open in TWeb" asks the platform to open the case's page (the sandbox's stand-in for
    // TWeb's web UI) in the system browser: eframe's `links` feature carries it out. It did
    // nothing in the real window before.
    let case_id = completion.result.case_id.expect("a case");
    let url = sandbox.case_page_template().replace("{id}", &case_id.to_string());
    harness.get_by_label("Avaa TWebissä").click();
    let mut opened = Vec::new();
    for _ in 0..5 {
        harness.step();
        opened.extend(harness.output().platform_output.commands.iter().filter_map(|c| match c {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        }));
    }
    assert_eq!(opened, std::slice::from_ref(&url), "the case's address is opened once");
    let page = runtime.block_on(async { reqwest::get(&url).await?.text().await }).expect("case page");
    assert!(page.contains(&diary) && page.contains(&first.submitter_name), "{page}");
    // The list refreshes: one fewer pending, the filed row stays with its badge.
    wait_for(&mut harness, &format!("{} odottaa", pending.len() - 1));
    harness
        .get_by_label_contains(&format!("{}\n", first.title))
        .accesskit_node()
        .label()
        .filter(|l| l.ends_with("kirjattu"))
        .expect("badge");
    // Enter again files nothing twice.
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert_eq!(sandbox.count_external_ref(&refs::form(&first.id)).documents, 1);
}

#[test]
fn the_filter_the_service_and_the_state_narrow_the_inbox() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, false);
    let all = pending(&runtime, &sandbox).len();
    wait_for(&mut harness, &format!("{all} odottaa · {all} näkyvissä"));
    harness.key_press(egui::Key::Slash);
    harness.step();
    harness.event(egui::Event::Text("Meluilmoitus".to_owned()));
    wait_for(&mut harness, &format!("{all} odottaa · 6 näkyvissä"));
    harness.key_press(egui::Key::Escape);
    harness.step();
    // ↓ now moves within the filtered rows. Without mappings no service's secrecy is known: the
    // content stays closed until asked for.
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, "Näytä sisältö");
    let selected = harness.state().selected_transaction().map(|t| t.service.id.clone());
    assert_eq!(selected.as_deref(), Some("meluilmoitus"));

    // Counts per service are in the service menu.
    choose(&mut harness, "E-palvelu", "Meluilmoitus (6)");
    fill(&mut harness, "Suodata", "");
    wait_for(&mut harness, &format!("{all} odottaa · 6 näkyvissä"));
    choose(&mut harness, "Tila", "Kirjatut");
    wait_for(&mut harness, &format!("{all} odottaa · 0 näkyvissä"));
}

/// After 18 × j the detail showed row 18 while the list still showed rows 1–15: the inbox now
/// scrolls to keep the selected row in view, both ways. The inbox draws only the rows on screen,
/// so a row's tick box is in the tree exactly when the row is in view.
#[test]
fn the_selected_row_stays_in_view_going_down_and_up() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let mut all = pending(&runtime, &sandbox);
    all.sort_by(|a, b| a.submitted_at.cmp(&b.submitted_at).then_with(|| a.id.cmp(&b.id)));
    assert!(all.len() > 40, "enough rows to scroll: {}", all.len());
    wait_loaded(&mut harness, "odottaa");
    let in_view = |harness: &egui_kittest::Harness<'_, kirjaamo::ui::DeskApp>, id: &str| {
        harness.query_by_label(&format!("Valitse joukkokirjaukseen: {id}")).is_some()
    };
    assert!(!in_view(&harness, &all[39].id), "row 40 starts out of view");
    for _ in 0..40 {
        harness.key_press(egui::Key::J);
    }
    settle(&mut harness);
    wait_for(&mut harness, &all[39].id);
    assert!(in_view(&harness, &all[39].id), "row 40, selected, is in view");
    assert!(!in_view(&harness, &all[0].id), "row 1 scrolled away");
    for _ in 0..39 {
        harness.key_press(egui::Key::K);
    }
    settle(&mut harness);
    assert!(in_view(&harness, &all[0].id), "row 1, selected again, is in view");
    assert!(!in_view(&harness, &all[39].id), "row 40 scrolled away");
}
