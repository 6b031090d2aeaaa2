use chrono::{TimeZone as _, Utc};

use super::{InboxModel, RowState, Sort, StateFilter};
use crate::contract::outbox::{ClaimInfo, TransactionSummary};
use crate::domain::{Language, Service};

/// `n` rows over three services, one minute apart, every seventh claimed by someone.
fn rows(n: usize) -> Vec<TransactionSummary> {
    let services = [("terassilupa", "Terassilupa"), ("meluilmoitus", "Meluilmoitus"), ("tietopyynto", "Tietopyyntö")];
    (0..n)
        .map(|i| {
            let (id, name) = services[i % services.len()];
            let at = Utc.with_ymd_and_hms(2026, 11, 1, 8, 0, 0).single().unwrap_or_default();
            TransactionSummary {
                id: format!("TX-2026-{i:06}"),
                service: Service { id: id.to_owned(), name: name.to_owned() },
                submitted_at: at + chrono::Duration::minutes(i as i64),
                language: Language::Fi,
                title: format!("{name}: hakemus {i}"),
                submitter_name: format!("Hakija {:05}", n - i),
                attachment_count: (i % 4) as u32,
                attachment_bytes: 1000,
                claim: (i % 7 == 3).then(|| ClaimInfo {
                    holder: if i % 2 == 0 { "Minä" } else { "Liisa Laine" }.to_owned(),
                    expires_at: at,
                }),
                holds_personal_id: i % 3 == 0,
                protection_order: false,
                submitter_ref: format!("ref-{}", i % 97),
                content_digest: format!("digest-{i}"),
            }
        })
        .collect()
}

#[test]
fn states_come_from_claims_and_from_this_desk() {
    let mut model = InboxModel::new("Minä");
    model.replace(rows(30));
    let state = |model: &InboxModel, i: usize| model.state(&model.rows()[i]);
    assert_eq!(state(&model, 0), RowState::New);
    assert_eq!(state(&model, 3), RowState::ClaimedBy("Liisa Laine".to_owned()));
    assert_eq!(state(&model, 10), RowState::ClaimedByMe);
    model.set_local("TX-2026-000000", Some(RowState::Failed));
    assert_eq!(state(&model, 0), RowState::Failed);
    model.options.state = StateFilter::Failed;
    assert_eq!(model.visible(), &[0]);
}

#[test]
fn filters_combine_and_counts_follow_the_filed_rows() {
    let mut model = InboxModel::new("Minä");
    model.replace(rows(30));
    assert_eq!(model.pending(), 30);
    assert_eq!(model.counts().iter().map(|c| c.pending).collect::<Vec<_>>(), vec![10, 10, 10]);
    model.options.service = Some("terassilupa".to_owned());
    model.options.text = "HAKEMUS 27".to_owned();
    // Every word anywhere: row 27 by its title, row 3 by its submitter "Hakija 00027".
    let indices = model.visible().to_vec();
    let titles: Vec<String> = indices.iter().map(|&i| model.rows()[i].title.clone()).collect();
    assert_eq!(titles, ["Terassilupa: hakemus 3", "Terassilupa: hakemus 27"]);

    // A filed row stays in the list after a refresh that no longer has it, but is not pending.
    model.set_local("TX-2026-000012", Some(RowState::Filed));
    let mut fresh = rows(30);
    fresh.retain(|r| r.id != "TX-2026-000012");
    model.replace(fresh);
    assert_eq!(model.rows().len(), 30);
    assert_eq!(model.pending(), 29);
    assert_eq!(model.counts().iter().find(|c| c.id == "terassilupa").map(|c| c.pending), Some(9));
}

#[test]
fn sorting_reorders_only_the_view() {
    let mut model = InboxModel::new("Minä");
    model.replace(rows(6));
    model.options.sort = Sort::Newest;
    assert_eq!(model.visible(), &[5, 4, 3, 2, 1, 0]);
    model.options.sort = Sort::Submitter;
    assert_eq!(model.visible(), &[5, 4, 3, 2, 1, 0]);
    model.options.sort = Sort::Service;
    assert_eq!(model.visible(), &[1, 4, 0, 3, 2, 5]);
    assert_eq!(model.rows()[0].id, "TX-2026-000000");
}

#[test]
fn a_service_without_a_mapping_gets_the_law_s_deadline_or_an_unknown_one() {
    let mut model = InboxModel::new("Minä");
    model.replace(rows(3));
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default();
    model.set_deadlines(std::collections::HashMap::from([("terassilupa".to_owned(), None)]), today);
    let waiting = |model: &InboxModel, i: usize| model.waiting(&model.rows()[i]);
    // Terassilupa's mapping sets no deadline; meluilmoitus has no mapping; tietopyyntö has none
    // either, but the law gives a document request 14 days.
    assert!(waiting(&model, 0).known && waiting(&model, 0).due.is_none());
    assert!(!waiting(&model, 1).known);
    assert_eq!(waiting(&model, 2).basis, Some("JulkL 14 §"));
    assert_eq!(waiting(&model, 2).urgency, crate::domain::waiting::Urgency::Overdue);
    assert_eq!(model.overdue(), 1);
}
