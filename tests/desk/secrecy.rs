//! Secrecy and personal data up front: a row of a service whose mapping files
//! into secret material says so, a row whose form carries a henkilötunnus says that; the content
//! of a secret transaction opens only after a click; Enter on it asks once, naming the secrecy
//! basis, and files on the second press.

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kirjaamo::export::refs;

use super::{ask_bulk_for, assignment_only_to_kirjaamo, desk, fill, look, pending, settle, wait_for, wait_loaded};

fn row_label(harness: &egui_kittest::Harness<'_, kirjaamo::ui::DeskApp>, title: &str) -> String {
    harness
        .query_all_by_label_contains(&format!("{title}\n"))
        .filter_map(|n| n.accesskit_node().label())
        .next()
        .unwrap_or_else(|| panic!("no row {title}"))
}

#[test]
fn a_secret_transaction_is_marked_closed_until_asked_and_enter_asks_once() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let secret = all.iter().find(|t| t.service.id == "omaishoidontuki").expect("a carer's allowance application");
    let public = all.iter().find(|t| t.service.id == "meluilmoitus" && !t.holds_personal_id).expect("a noise report");
    wait_loaded(&mut harness, "odottaa");
    settle(&mut harness);
    // The catalog must be here for the secrecy to be known.
    wait_for(&mut harness, "salainen");

    let label = row_label(&harness, &secret.title);
    assert!(label.contains("salainen"), "{label}");
    assert!(label.contains("hetu"), "a signed-in citizen's application carries a henkilötunnus: {label}");
    let label = row_label(&harness, &public.title);
    assert!(!label.contains("salainen") && !label.contains("hetu"), "{label}");

    harness.get_by_label_contains(&format!("{}\n", secret.title)).click();
    wait_for(&mut harness, &secret.id);
    wait_for(&mut harness, "Salassa pidettävä (JulkL 24 § 1 mom 25 k). Sisältö avautuu vasta pyynnöstä");
    settle(&mut harness);
    assert!(harness.query_all_by_label_contains("Sivu 1 /").next().is_none(), "nothing secret shows");
    assert!(harness.query_all_by_label_contains("Lomakkeen PDF").next().is_none());
    harness.get_by_label("Näytä sisältö").click();
    wait_for(&mut harness, "Sivu 1 /");

    look(&mut harness);

    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Kirjaat aineistoa, joka ei ole julkinen: Salassa pidettävä (JulkL 24 § 1 mom 25 k).");
    settle(&mut harness);
    assert_eq!(sandbox.count_external_ref(&refs::case(&secret.id)).cases, 0, "nothing filed on the first Enter");
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Kirjattu: ");
    assert_eq!(sandbox.count_external_ref(&refs::case(&secret.id)).cases, 1);
}

#[test]
fn bulk_filing_secret_material_names_the_secrecy_basis() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    wait_for(&mut harness, "salainen");
    let first = all.iter().find(|t| t.service.id == "omaishoidontuki").expect("secret");
    let secret: Vec<_> = all.iter().filter(|t| t.service == first.service).take(2).collect();
    // The inbox draws only the rows on screen: show these.
    fill(&mut harness, "Suodata", &secret[0].service.name);
    ask_bulk_for(&mut harness, &secret.iter().map(|t| t.id.as_str()).collect::<Vec<_>>());
    wait_for(&mut harness, "Ei julkinen: Salassa pidettävä (JulkL 24 § 1 mom 25 k)");
    assert_eq!(sandbox.count_external_ref(&refs::case(&secret[0].id)).cases, 0);
}

/// Without a checked mapping (a new connection whose mappings folder is empty), no service's
/// secrecy can be known: a carer's allowance application, with its henkilötunnus and diagnosis,
/// stayed open in full. Now every row is treated as secret: marked, closed until asked for, and
/// Enter asks once.
#[test]
fn without_mappings_secrecy_is_not_known_and_every_transaction_is_treated_as_secret() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, false);
    let all = pending(&runtime, &sandbox);
    let carer = all.iter().find(|t| t.service.id == "omaishoidontuki").expect("a carer's allowance application");
    wait_loaded(&mut harness, "odottaa");
    settle(&mut harness);
    let label = row_label(&harness, &carer.title);
    assert!(label.contains("salassapito ei tiedossa"), "{label}");
    // Nor is its deadline: said so, not left out.
    assert!(label.contains("määräaika ei tiedossa"), "{label}");
    harness.get_by_label_contains(&format!("{}\n", carer.title)).click();
    wait_for(&mut harness, &carer.id);
    wait_for(&mut harness, "Salassapito ei ole tiedossa");
    look(&mut harness);
    assert!(harness.query_all_by_label_contains("Sivu 1 /").next().is_none(), "nothing shows");
    assert!(harness.query_all_by_label_contains("Lomakkeen PDF").next().is_none());
    harness.get_by_label("Näytä sisältö").click();
    wait_for(&mut harness, "Sivu 1 /");
    // The clerk chooses how to file it (no default), and Enter asks once before filing.
    assignment_only_to_kirjaamo(&mut harness, ("HAKEMUS", "Hakemus"));
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "salassapito ei ole tiedossa, joten sitä käsitellään salaisena");
    assert_eq!(sandbox.count_external_ref(&refs::form(&carer.id)).documents, 0, "nothing filed");
    // A document request has the law's 14 days from the day received (JulkL 14 §), named on its
    // badge once it is due soon or overdue.
    let requests: Vec<_> = all.iter().filter(|t| t.service.id == "tietopyynto").collect();
    assert!(!requests.is_empty());
    let today = kirjaamo::domain::helsinki::today();
    let mut named = 0;
    for request in requests {
        fill(&mut harness, "Suodata", &request.id);
        settle(&mut harness);
        let label = row_label(&harness, &request.title);
        let due = kirjaamo::domain::helsinki::date_of(request.submitted_at) + chrono::Duration::days(14);
        assert!(!label.contains("määräaika ei tiedossa"), "{label}");
        let near = (due - today).num_days() <= kirjaamo::domain::waiting::SOON_DAYS;
        assert_eq!(label.contains("(JulkL 14 §)"), near, "due {due}: {label}");
        named += usize::from(near);
    }
    assert!(named > 0, "the seed has a document request due soon or overdue");
}
