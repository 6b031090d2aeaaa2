//! Waiting time and handling deadlines up front: every row says how long it
//! has waited, in Helsinki days; a service with a handling deadline (Asiakirjapyyntö: 14 days,
//! JulkL 14 §) marks rows overdue or due soon, the top bar counts the overdue, and one click
//! lists the urgent ones deadline first.

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kirjaamo::domain::helsinki;
use kirjaamo::domain::waiting::{Urgency, Waiting};

use super::{desk, pending, settle, wait_for, wait_loaded};

#[test]
fn overdue_rows_are_marked_counted_and_listed_first() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let today = helsinki::today();
    let deadline = |service: &str| (service == "tietopyynto").then_some(14);
    let waiting: Vec<Waiting> =
        all.iter().map(|t| Waiting::of(t.submitted_at, deadline(&t.service.id), today)).collect();
    let overdue = waiting.iter().filter(|w| w.urgency == Urgency::Overdue).count();
    let urgent = waiting.iter().filter(|w| w.urgency != Urgency::Calm).count();
    assert!(overdue > 0, "the seed has overdue information requests");
    wait_loaded(&mut harness, "odottaa");

    // Every row says how long it has waited.
    let (first, waited) = (&all[0], waiting[0].days);
    harness.get_by_label_contains(&format!("{}\nodottanut {waited} pv", first.title));
    // An overdue request says by how much.
    let (late, w) = all.iter().zip(&waiting).find(|(_, w)| w.urgency == Urgency::Overdue).expect("overdue");
    let days = -w.days_left(today).expect("a deadline");
    harness.get_by_label_contains(&format!("{}\n", late.title));
    assert!(
        harness
            .query_all_by_label_contains(&format!("myöhässä {days} pv"))
            .any(|n| n.accesskit_node().label().is_some_and(|l| l.starts_with(&late.title))),
        "the overdue badge on {}",
        late.title
    );

    // The top bar counts them; a click lists the urgent rows, the earliest due first.
    harness.get_by_label(&format!("Myöhässä ({overdue})")).click();
    settle(&mut harness);
    wait_for(&mut harness, &format!("{urgent} näkyvissä"));
    let earliest = all
        .iter()
        .zip(&waiting)
        .filter(|(_, w)| w.due.is_some())
        .min_by_key(|(t, w)| (w.due, t.submitted_at))
        .map(|(t, _)| t)
        .expect("a due row");
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, &earliest.id);
}
