//! The desk's quarantine flow with a real clamd, through AccessKit: selecting the transaction
//! scans its attachments ahead and the row turns "karanteeni"; opening the EICAR attachment shows
//! the malware's name instead of the file and no "Tallenna kopio"; the clerk files the transaction
//! without that file; the receipt, TWeb and the access log agree. The top bar says scanning is on.

use std::sync::Arc;
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kirjaamo::export::{Journal, refs};
use kirjaamo::sandbox::seed::malware::EICAR_NAME;
use kirjaamo::sandbox::{Credentials, Sandbox, SandboxConfig};
use kirjaamo::ui::{Backend, DeskApp};

use crate::clamd::{Clamd, SIGNATURE};
use crate::steps::{settle, wait_for};

fn row_label(harness: &Harness<'_, DeskApp>, title: &str) -> String {
    harness
        .query_all_by_label_contains(&format!("{title}\n"))
        .find_map(|n| n.accesskit_node().label())
        .unwrap_or_default()
}

pub fn the_desk_quarantines_eicar_and_files_without_it() {
    let clamd = Clamd::start_for_seed();
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let sandbox = runtime.block_on(Sandbox::start(SandboxConfig::default())).expect("sandbox");
    let http = kirjaamo::remote::http_client().expect("client");
    let outbox = kirjaamo::outbox::OutboxClient::new(http, &sandbox.outbox_url(), &Credentials::demo().outbox_token);
    let mut transaction = None;
    for summary in runtime.block_on(outbox.list_all(None)).expect("list") {
        let detail = runtime.block_on(outbox.get(&summary.id)).expect("detail").transaction;
        if detail.attachments.iter().any(|a| a.filename == EICAR_NAME) {
            transaction = Some((summary, detail));
            break;
        }
    }
    let (summary, transaction) = transaction.expect("the seed's EICAR");
    let infected = transaction.attachments.iter().find(|a| a.filename == EICAR_NAME).expect("sample").clone();

    let mut connection = kirjaamo::demo::connection(&sandbox, "Testikirjaaja", "Testi");
    connection.scanner = clamd.tcp_choice(None).parse().expect("scanner");
    let mappings =
        kirjaamo::mappings::load_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings")).expect("maps");
    let dir = tempfile::tempdir().expect("temp dir");
    let log = kirjaamo::audit::AccessLog::open(&dir.path().join("access-log.sqlite")).expect("log");
    let journal = Journal::in_memory().expect("journal");
    let backend =
        Backend::with_log(runtime.handle().clone(), connection, journal, Some(log.clone()), mappings, Arc::new(|| {}))
            .expect("backend");
    let mut harness = crate::steps::desk(backend, kirjaamo::i18n::UiLanguage::Fi, egui::vec2(1400.0, 900.0));
    wait_for(&mut harness, "virustarkistus");
    assert!(harness.query_by_label("virustarkistus pois").is_none(), "scanning is on");
    wait_for(&mut harness, "odottaa");
    settle(&mut harness);
    harness.get_by_label("Suodata").focus();
    harness.step();
    harness.event(egui::Event::Text(summary.id.clone()));
    wait_for(&mut harness, &format!("{}\n", summary.title));
    harness.get_by_label_contains(&format!("{}\n", summary.title)).click();
    wait_for(&mut harness, &summary.id);
    settle(&mut harness);
    // A secret claim's content opens when the clerk asks for it, as a clerk would.
    if let Some(reveal) = harness.query_by_label("Näytä sisältö") {
        reveal.click();
    }
    wait_for(&mut harness, "Sivu 1 /");
    // Scanned ahead: the row says karanteeni before any attachment is opened.
    for _ in 0..3_000 {
        if row_label(&harness, &summary.title).contains("karanteeni") {
            break;
        }
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    let row = row_label(&harness, &summary.title);
    assert!(row.contains("karanteeni"), "scanned ahead: {row}");
    harness.get_by_label_contains("Liitteet (").click();
    settle(&mut harness);
    harness.get_by_label_contains(&format!("{EICAR_NAME} ·")).click();

    // The malware's name instead of the file, no copy, and the row in quarantine.
    wait_for(&mut harness, &format!("haittaohjelman ({SIGNATURE})"));
    assert!(harness.query_by_label("Tallenna kopio…").is_none(), "no copy of an infected file");
    wait_for(&mut harness, "Karanteeni: virustarkistus löysi haittaohjelman");
    let row = row_label(&harness, &summary.title);
    assert!(row.contains("karanteeni"), "{row}");
    harness.get_by_label_contains(&format!("{EICAR_NAME}: {SIGNATURE}"));

    // The clerk files it without the infected file, after looking at it long enough.
    let until = std::time::Instant::now() + kirjaamo::ui::SEEN_FOR + Duration::from_millis(50);
    while std::time::Instant::now() < until {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.get_by_label("Kirjaa ilman tätä liitettä").click();
    wait_for(&mut harness, "Kirjattu: ");
    wait_for(&mut harness, &format!("Jätetty pois: {EICAR_NAME} (haittaohjelma {SIGNATURE})"));
    let row = row_label(&harness, &summary.title);
    assert!(!row.contains("karanteeni"), "{row}");
    let infected_ref = refs::attachment(&transaction.id, &infected.id);
    assert_eq!(sandbox.count_external_ref(&infected_ref).documents, 0, "the infected file is not in TWeb");
    assert_eq!(sandbox.count_external_ref(&refs::form(&transaction.id)).documents, 1);

    // The detection once, the filing with it; the chain holds.
    let entries = log.entries().expect("entries");
    let detections: Vec<_> = entries.iter().filter(|e| e.action == "detect_malware").collect();
    assert_eq!(detections.len(), 1, "{entries:?}");
    assert!(detections[0].detail.contains(EICAR_NAME) && detections[0].detail.contains(SIGNATURE));
    assert!(!entries.iter().any(|e| e.action == "view_attachment" && e.detail.contains(&infected.id)), "never shown");
    assert!(entries.iter().any(|e| e.action == "file" && e.transaction == transaction.id && e.result == "ok"));
    assert_eq!(log.verify().expect("verify"), Ok(entries.len()));
}
