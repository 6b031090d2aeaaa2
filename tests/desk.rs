//! The clerk desk driven through AccessKit with egui_kittest, against the sandbox over HTTP.

use std::sync::Arc;
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kirjaamo::export::{Journal, refs};
use kirjaamo::sandbox::{Credentials, Sandbox, SandboxConfig};
use kirjaamo::ui::{Backend, Connection, DeskApp};

fn wait_for(harness: &mut Harness<'_, DeskApp>, what: &str) {
    for _ in 0..1_000 {
        harness.step();
        if harness.query_by_label_contains(what).is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the desk never showed {what:?}");
}

/// A desk on a fresh sandbox, with or without the repo's mappings.
fn desk(runtime: &tokio::runtime::Runtime, with_mappings: bool) -> (Sandbox, Harness<'static, DeskApp>) {
    let sandbox = runtime.block_on(Sandbox::start(SandboxConfig::default())).expect("sandbox");
    let credentials = Credentials::demo();
    let connection = Connection {
        tweb_url: sandbox.tweb_url(),
        tweb_auth: kirjaamo::tweb::TwebAuth::Bearer(credentials.tweb_token),
        outbox_url: sandbox.outbox_url(),
        outbox_token: credentials.outbox_token,
        clerk: "Testikirjaaja".to_owned(),
        label: "Testi".to_owned(),
    };
    let mappings = if with_mappings {
        kirjaamo::mappings::load_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings"))
            .expect("mappings")
    } else {
        Vec::new()
    };
    let journal = Journal::in_memory().expect("journal");
    let backend =
        Backend::new(runtime.handle().clone(), connection, journal, mappings, Arc::new(|| {})).expect("backend");
    let harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut DeskApp| app.show(ui), DeskApp::new(backend));
    DeskApp::install_fonts(&harness.ctx);
    (sandbox, harness)
}

#[test]
fn a_default_filing_takes_two_key_presses() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let http = kirjaamo::remote::http_client().expect("client");
    let outbox = kirjaamo::outbox::OutboxClient::new(http, &sandbox.outbox_url(), &Credentials::demo().outbox_token);
    let pending = runtime.block_on(outbox.list_all(None)).expect("pending");
    let first = pending[0].clone();

    wait_for(&mut harness, &format!("{} odottaa", pending.len()));
    harness.get_by_label_contains(&first.title);

    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, &first.id);
    // The form PDF is rendered and drawn for the preview.
    wait_for(&mut harness, "Sivu 1 /");
    harness.get_by_label_contains("Lomakkeen PDF, sivu 1");
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Kirjattu:");

    let detail = runtime.block_on(outbox.get(&first.id)).expect("detail");
    let completion = detail.completion.expect("the outbox records the filing");
    let diary = completion.result.diary_number.clone().unwrap_or_default();
    harness.get_by_label_contains(&format!("Kirjattu: {}", if diary.is_empty() { "ilman asiaa" } else { &diary }));
    assert_eq!(sandbox.count_external_ref(&refs::form(&first.id)).documents, 1);
    // The list refreshes without the filed transaction and keeps working.
    wait_for(&mut harness, &format!("{} odottaa", pending.len() - 1));
}

#[test]
fn the_filter_narrows_the_inbox() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (_sandbox, mut harness) = desk(&runtime, false);
    wait_for(&mut harness, "63 odottaa");
    harness.key_press(egui::Key::Slash);
    harness.step();
    harness.get_by_label("Suodata").type_text("Meluilmoitus");
    wait_for(&mut harness, "6 odottaa");
}

#[test]
fn a_failed_filing_is_listed_with_its_reason_and_can_be_retried() {
    use kirjaamo::sandbox::{FaultConfig, FaultEffect, FaultRule};
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let refuse = FaultRule {
        api: None,
        method: Some("POST".into()),
        path: Some("/documents".into()),
        probability: 1.0,
        latency_ms: 0,
        effect: FaultEffect::Status { status: 422, after: false },
        times: None,
    };
    sandbox.set_faults(FaultConfig { seed: 1, rules: vec![refuse] });
    wait_for(&mut harness, "63 odottaa");
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, "Sivu 1 /");
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Keskeneräiset kirjaukset (1)");
    // The reason shows both in the list of unfinished filings and in the filing panel.
    assert_eq!(harness.query_all_by_label_contains("uploading the form failed").count(), 2);
    harness.get_by_label_contains("Kirjaus epäonnistui");

    sandbox.set_faults(FaultConfig::default());
    harness.get_all_by_label("Yritä uudelleen").next().expect("a retry button").click();
    harness.step();
    wait_for(&mut harness, "Kirjattu:");
    wait_for(&mut harness, "62 odottaa");
    for _ in 0..50 {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(harness.query_by_label_contains("Keskeneräiset kirjaukset").is_none(), "the list empties once it is filed");
}
