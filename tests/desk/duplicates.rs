//! Possible duplicates and references found in the form: a double
//! submission and a repeat of what another clerk filed are marked in the list, the detail links
//! to the others, and the filing panel offers the earlier case; a diary number typed in the form
//! is offered first, and filing onto a case whose parties do not include the submitter asks once.

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kirjaamo::contract::outbox::TransactionSummary;
use kirjaamo::export::refs;
use kirjaamo::tweb::CaseSystem as _;

use super::{desk, fill, look, outbox, pending, settle, tweb, wait_for, wait_loaded};

fn row_labels(harness: &egui_kittest::Harness<'_, kirjaamo::ui::DeskApp>, title: &str) -> Vec<String> {
    harness.query_all_by_label_contains(&format!("{title}\n")).filter_map(|n| n.accesskit_node().label()).collect()
}

/// Clicks the inbox row of `t`: filtered to its id (the inbox draws only the rows on screen),
/// by its title and its submission time.
fn select(harness: &mut egui_kittest::Harness<'_, kirjaamo::ui::DeskApp>, t: &TransactionSummary) {
    fill(harness, "Suodata", &t.id);
    let when = kirjaamo::i18n::Texts::new(kirjaamo::i18n::UiLanguage::Fi).timestamp(t.submitted_at);
    let wanted = format!("{}\n", t.title);
    wait_for(harness, &wanted);
    harness
        .query_all_by_label_contains(&wanted)
        .find(|n| n.accesskit_node().label().is_some_and(|l| l.starts_with(&wanted) && l.contains(&when)))
        .unwrap_or_else(|| panic!("no row {} {when}", t.title))
        .click();
    wait_for(harness, &format!("{} · ", t.id));
}

#[test]
fn a_double_submission_and_a_repeat_of_a_filing_are_marked_and_lead_to_the_earlier_case() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let today = kirjaamo::domain::helsinki::today();
    let filed =
        runtime.block_on(outbox(&sandbox).completed(today - chrono::Duration::days(3), today)).expect("completed list");
    let (first, second) = all
        .iter()
        .enumerate()
        .find_map(|(i, a)| {
            let b = all[i + 1..].iter().find(|b| b.content_digest == a.content_digest && b.service == a.service)?;
            Some((a.clone(), b.clone()))
        })
        .expect("a double submission");
    let repeat = all
        .iter()
        .find(|t| filed.iter().any(|f| f.transaction.content_digest == t.content_digest))
        .expect("a repeat of a filing")
        .clone();
    let earlier = filed.iter().find(|f| f.transaction.content_digest == repeat.content_digest).expect("earlier");
    let diary = earlier.completion.result.diary_number.clone().expect("diary");
    wait_for(&mut harness, "kaksoiskappale?");
    // Both rows of the double submission say so (filtered to the title, so both are on screen).
    fill(&mut harness, "Suodata", &first.title);
    let labels = row_labels(&harness, &first.title);
    assert!(labels.len() >= 2, "{labels:?}");
    for label in labels {
        assert!(label.contains("kaksoiskappale?"), "{label}");
    }

    select(&mut harness, &first);
    wait_for(&mut harness, "Mahdollinen kaksoiskappale:");
    let texts = kirjaamo::i18n::Texts::new(kirjaamo::i18n::UiLanguage::Fi);
    let link = format!("{} {}, samat vastaukset", second.id, texts.timestamp(second.submitted_at));
    harness.get_by_label(&link).click();
    settle(&mut harness);
    wait_for(&mut harness, &format!("{} · ", second.id));

    // The repeat: the filing panel offers the case the earlier one went onto.
    select(&mut harness, &repeat);
    wait_for(&mut harness, &format!("on kirjattu asiaan {diary}."));
    harness.get_by_label(&format!("Kirjaa asiaan {diary}")).click();
    settle(&mut harness);
    wait_for(&mut harness, &format!("Valittu: {diary}"));
    look(&mut harness);
    harness.get_by_label("Kirjaa (Enter)").click();
    wait_for(&mut harness, &format!("Kirjattu: {diary}"));
    let form =
        runtime.block_on(tweb(&sandbox).document_by_ref(&refs::form(&repeat.id))).expect("lookup").expect("form");
    assert_eq!(form.case_id, earlier.completion.result.case_id, "filed onto the earlier case");
    assert_eq!(sandbox.count_external_ref(&refs::case(&repeat.id)).cases, 0, "no new case");
}

#[test]
fn a_diary_number_in_the_form_is_offered_first_and_another_party_s_case_asks_once() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let client = outbox(&sandbox);
    let naming: Vec<_> = all
        .iter()
        .filter_map(|t| {
            let detail = runtime.block_on(client.get(&t.id)).expect("detail");
            let field = detail.transaction.field("aiempi_asia")?.value.clone();
            Some((t.clone(), field, detail.transaction.submitter.name.clone()))
        })
        .collect();
    assert_eq!(naming.len(), 2, "the seed has two forms that name a case");
    wait_loaded(&mut harness, "odottaa");
    for (t, field, submitter) in &naming {
        let named = kirjaamo::domain::reference::find_in(field);
        let Some(kirjaamo::domain::reference::Named::DiaryNumber(diary)) = named.first() else { panic!("{field}") };
        let case = runtime
            .block_on(tweb(&sandbox).search_cases(&kirjaamo::contract::tweb::CaseQuery {
                diary_number: Some(diary.clone()),
                ..Default::default()
            }))
            .expect("search")
            .items
            .into_iter()
            .find(|c| &c.diary_number == diary)
            .expect("the case exists");
        let theirs = case.parties.iter().any(|p| &p.name == submitter);
        select(&mut harness, t);
        wait_for(&mut harness, &format!("mainitsee asian {diary}"));
        harness.get_by_label(&format!("Kirjaa asiaan {diary}")).click();
        settle(&mut harness);
        // The existing-case list has it on top, with the field that named it.
        wait_for(&mut harness, "Lomakkeessa mainittu");
        look(&mut harness);
        harness.get_by_label("Kirjaa (Enter)").click();
        settle(&mut harness);
        let closed = case.status == kirjaamo::domain::CaseStatus::Closed;
        if !theirs || closed {
            // A click answers what the panel shows beside the button, not these: asked once.
            if !theirs {
                wait_for(&mut harness, &format!("Asian {diary} asianosaisissa ei ole hakijaa {submitter}"));
            }
            if closed {
                wait_for(&mut harness, &format!("Asia {diary} on päättynyt"));
            }
            settle(&mut harness);
            assert!(runtime.block_on(tweb(&sandbox).document_by_ref(&refs::form(&t.id))).expect("lookup").is_none());
            look(&mut harness);
            harness.get_by_label("Kirjaa (Enter)").click();
        }
        wait_for(&mut harness, &format!("Kirjattu: {diary}"));
        let form = runtime.block_on(tweb(&sandbox).document_by_ref(&refs::form(&t.id))).expect("lookup").expect("form");
        assert_eq!(form.case_id, Some(case.id));
    }
    assert!(
        naming.iter().any(|(_, field, _)| field.starts_with("Viite") || field.starts_with("Referens")),
        "one names another citizen's case"
    );
}
