//! A citizen with a protection order (turvakielto) in the desk: the row says so, the raw fields
//! show no address, and Enter asks once, naming the reason, before it files.

use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::{ask_bulk_for, desk, fill, look, open, outbox, pending, settle, wait_for, wait_loaded};

#[test]
fn a_protected_citizen_is_marked_their_address_is_not_shown_and_filing_asks_once() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let protected = all.iter().find(|t| t.protection_order).expect("a citizen with a protection order");
    let transaction = runtime.block_on(outbox(&sandbox).get(&protected.id)).expect("transaction").transaction;
    let street = transaction.submitter.address.clone().expect("an address").street;
    wait_loaded(&mut harness, "odottaa");
    wait_for(&mut harness, "salainen");
    fill(&mut harness, "Suodata", &protected.id);
    settle(&mut harness);
    let label = harness
        .query_all_by_label_contains(&format!("{}\n", protected.title))
        .find_map(|n| n.accesskit_node().label())
        .expect("the row");
    assert!(label.contains("turvakielto"), "{label}");

    open(&mut harness, &format!("{}\n", protected.title), &protected.id);
    harness.get_by_label("Kentät").click();
    wait_for(&mut harness, "Salassa pidettävä: turvakielto");
    assert!(harness.query_all_by_label_contains(&street).next().is_none(), "{street} is shown");

    harness.get_by_label("Esikatselu").click();
    wait_for(&mut harness, "Sivu 1 /");
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Hakijalla on turvakielto");
    // The repo's mapping names the secret type: the clerk is told where the address goes.
    wait_for(&mut harness, "vaan omaksi salassa pidettäväksi asiakirjakseen (TURVAOS)");
    settle(&mut harness);
    assert!(harness.query_all_by_label_contains("Kirjattu: ").next().is_none(), "nothing filed on the first Enter");
    look(&mut harness);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Kirjattu: ");
}

#[test]
fn a_bulk_filing_says_how_many_of_its_citizens_have_a_protection_order() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    wait_for(&mut harness, "salainen");
    let protected = all.iter().find(|t| t.protection_order).expect("a citizen with a protection order");
    let other = all
        .iter()
        .find(|t| t.service == protected.service && !t.protection_order)
        .expect("another transaction of the same e-service");
    fill(&mut harness, "Suodata", &protected.service.name);
    ask_bulk_for(&mut harness, &[&protected.id, &other.id]);
    wait_for(&mut harness, "1 hakijalla on turvakielto");
    assert_eq!(sandbox.count_external_ref(&kirjaamo::export::refs::case(&protected.id)).cases, 0, "nothing filed yet");
}
