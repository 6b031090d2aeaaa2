//! What the clerk sees of a citizen's data is in the access log before it shows: the form's
//! preview, the raw fields (shown only once logged), a secret transaction revealed, and a filing
//! with its receipt; each entry names the OS account and this workstation, never a typed name.

use egui_kittest::kittest::Queryable as _;

use super::{desk_with_journal, look, outbox, pending, settle, wait_for, wait_loaded};

fn entries(log: &std::path::Path) -> Vec<kirjaamo::audit::Entry> {
    kirjaamo::audit::AccessLog::open(log).and_then(|l| l.entries()).expect("the access log reads")
}

fn actions_of(log: &std::path::Path, id: &str) -> Vec<String> {
    entries(log).into_iter().filter(|e| e.transaction == id).map(|e| format!("{} {}", e.action, e.result)).collect()
}

#[test]
fn what_the_clerk_opens_and_files_is_logged_before_it_shows() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let sandbox = runtime.block_on(kirjaamo::sandbox::Sandbox::start(Default::default())).expect("sandbox");
    let dir = tempfile::tempdir().expect("temp dir");
    let endpoint = kirjaamo::export::Endpoint::new(&sandbox.tweb_url(), &sandbox.outbox_url());
    let journal = kirjaamo::export::Journal::open(&dir.path().join("journal.sqlite"), &endpoint).expect("journal");
    let log = dir.path().join("access-log.sqlite");
    let mappings = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
    let mut harness = desk_with_journal(&runtime, &sandbox, Some(&mappings), kirjaamo::i18n::UiLanguage::Fi, journal);
    let all = pending(&runtime, &sandbox);
    wait_loaded(&mut harness, "odottaa");
    wait_for(&mut harness, "salainen");

    // The preview: logged as seen, by this account on this computer.
    let public = all.iter().find(|t| t.service.id == "meluilmoitus" && !t.holds_personal_id).expect("a noise report");
    harness.get_by_label_contains(&format!("{}\n", public.title)).click();
    wait_for(&mut harness, "Sivu 1 /");
    assert_eq!(actions_of(&log, &public.id), ["view_form ok"]);
    let seen = entries(&log).into_iter().find(|e| e.transaction == public.id).expect("entry");
    assert_eq!(Some(seen.os_user), kirjaamo::connection::os_account());
    assert_eq!(seen.workstation, kirjaamo::audit::workstation());
    assert_eq!(seen.service.as_deref(), Some("meluilmoitus"));

    // The raw fields: shown only after their entry is written.
    let form = runtime.block_on(outbox(&sandbox).get(&public.id)).expect("the transaction").transaction;
    let first = format!("{}:", form.fields.first().expect("a field").label);
    assert!(harness.query_all_by_label_contains(&first).next().is_none());
    harness.get_by_label("Kentät").click();
    wait_for(&mut harness, &first);
    assert_eq!(actions_of(&log, &public.id), ["view_form ok", "view_fields ok"]);

    // A secret transaction: nothing is logged while it stays closed; the reveal is.
    harness.get_by_label("Esikatselu").click();
    let secret = all.iter().find(|t| t.service.id == "omaishoidontuki").expect("a carer's allowance application");
    harness.get_by_label_contains(&format!("{}\n", secret.title)).click();
    wait_for(&mut harness, "Sisältö avautuu vasta pyynnöstä");
    settle(&mut harness);
    assert!(actions_of(&log, &secret.id).is_empty(), "{:?}", actions_of(&log, &secret.id));
    harness.get_by_label("Näytä sisältö").click();
    wait_for(&mut harness, "Sivu 1 /");
    assert_eq!(actions_of(&log, &secret.id), ["reveal_secret ok", "view_form ok"]);

    // Filing the noise report: started, then its receipt.
    harness.get_by_label_contains(&format!("{}\n", public.title)).click();
    wait_for(&mut harness, "Sivu 1 /");
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Kirjattu: ");
    let filed: Vec<_> =
        entries(&log).into_iter().filter(|e| e.transaction == public.id && e.action == "file").collect();
    assert_eq!(filed.iter().map(|e| e.result.as_str()).collect::<Vec<_>>(), ["started", "ok"]);
    assert!(filed[1].detail.starts_with("case "), "{}", filed[1].detail);
    assert_eq!(kirjaamo::audit::AccessLog::open(&log).and_then(|l| l.verify()).ok(), Some(Ok(entries(&log).len())));
}
