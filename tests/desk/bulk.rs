//! Bulk filing: several transactions of one service with their defaults.

use egui_kittest::kittest::Queryable as _;
use kirjaamo::export::refs;

use super::{desk, fill, pending, settle, wait_for};

#[test]
fn ticked_transactions_of_one_service_are_filed_together() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let parking: Vec<_> = all.iter().filter(|t| t.service.id == "asukaspysakointi").take(3).cloned().collect();
    let other = all.iter().find(|t| t.service.id != "asukaspysakointi").expect("another service");
    wait_for(&mut harness, "odottaa");
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
    wait_for(&mut harness, "3 / 3 valmis, 0 epäonnistui");
    wait_for(&mut harness, &format!("{} odottaa", all.len() - 3));
    for t in &parking {
        assert_eq!(sandbox.count_external_ref(&refs::case(&t.id)).cases, 1, "{}", t.id);
        assert_eq!(sandbox.count_external_ref(&refs::form(&t.id)).documents, 1, "{}", t.id);
    }
}
