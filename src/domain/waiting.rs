//! How long a transaction has waited and when its handling is due, in Helsinki calendar days:
//! a form sent at 00:30 Finnish time was received that day, whatever UTC says.

use chrono::{DateTime, NaiveDate, Utc};

/// Days before the due date from which a row counts as due soon.
pub const SOON_DAYS: i64 = 2;

/// How urgent a transaction's handling is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Urgency {
    /// No deadline, or not near it.
    Calm,
    /// Due within [`SOON_DAYS`] days (today included).
    Soon,
    /// Past its due date.
    Overdue,
}

/// Where a transaction's handling deadline comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// The service's mapping sets it (`None`: the service has no deadline).
    Mapped(Option<u32>),
    /// No mapping says; the law sets it for this kind of request.
    Law(LawDeadline),
    /// No mapping says, and no law default is known: the deadline is unknown, not absent.
    Unknown,
}

/// A handling deadline the law sets where the service's mapping says nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LawDeadline {
    /// Days from the day received.
    pub days: u32,
    /// The provision, as the badge names it.
    pub basis: &'static str,
}

/// A request for documents or information: answered without delay and at the latest in 14 days
/// (julkisuuslaki 621/1999, 14 § 4 mom).
pub const DOCUMENT_REQUEST: LawDeadline = LawDeadline { days: 14, basis: "JulkL 14 §" };

/// The law's deadline for the e-service `id` named `name`, where one is known: document and
/// information requests, recognised by their id or name in Finnish, Swedish or English.
pub fn law_default(id: &str, name: &str) -> Option<LawDeadline> {
    let words = format!("{id} {name}").to_lowercase();
    const REQUESTS: [&str; 6] = [
        "tietopyyn",
        "asiakirjapyyn",
        "informationsbegäran",
        "begäran om handling",
        "document request",
        "information request",
    ];
    REQUESTS.iter().any(|r| words.contains(r)).then_some(DOCUMENT_REQUEST)
}

/// The waiting time and deadline of one transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waiting {
    /// Whole days since the day it was received (0: today).
    pub days: i64,
    /// The day its handling is due, when its service has a deadline.
    pub due: Option<NaiveDate>,
    /// How near the due date is.
    pub urgency: Urgency,
    /// The law's provision when the deadline is the law's default, not the mapping's.
    pub basis: Option<&'static str>,
    /// Whether the deadline is known (from the mapping or the law).
    pub known: bool,
}

impl Waiting {
    /// The waiting of a transaction received at `submitted_at` under `deadline`, seen on
    /// `today` (Helsinki).
    pub fn under(submitted_at: DateTime<Utc>, deadline: Deadline, today: NaiveDate) -> Self {
        match deadline {
            Deadline::Mapped(days) => Self::of(submitted_at, days, today),
            Deadline::Law(law) => Self { basis: Some(law.basis), ..Self::of(submitted_at, Some(law.days), today) },
            Deadline::Unknown => Self { known: false, ..Self::of(submitted_at, None, today) },
        }
    }

    /// The waiting of a transaction received at `submitted_at`, whose service gives
    /// `deadline_days` to handle it, seen on `today` (Helsinki).
    pub fn of(submitted_at: DateTime<Utc>, deadline_days: Option<u32>, today: NaiveDate) -> Self {
        let received = super::helsinki::date_of(submitted_at);
        let days = (today - received).num_days().max(0);
        let due = deadline_days.and_then(|d| received.checked_add_days(chrono::Days::new(u64::from(d))));
        let urgency = match due.map(|due| (due - today).num_days()) {
            Some(left) if left < 0 => Urgency::Overdue,
            Some(left) if left <= SOON_DAYS => Urgency::Soon,
            _ => Urgency::Calm,
        };
        Self { days, due, urgency, basis: None, known: true }
    }

    /// Days left until the due date (negative: overdue by that many).
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.due.map(|due| (due - today).num_days())
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate, Utc};

    use super::{DOCUMENT_REQUEST, Deadline, Urgency, Waiting, law_default};

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).map(|d| d.with_timezone(&Utc)).unwrap_or_else(|e| panic!("{e}"))
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn waiting_and_deadlines_count_helsinki_days() {
        // Sent 00:30 Finnish time on 1 December is 22:30 UTC on 30 November: received 1.12.
        let sent = at("2026-11-30T22:30:00Z");
        assert_eq!(Waiting::of(sent, None, day(2026, 12, 1)).days, 0);
        assert_eq!(Waiting::of(sent, None, day(2026, 12, 4)).days, 3);
        // JulkL 14 §: 14 days from receipt, due 15.12.
        let information = |today| Waiting::of(sent, Some(14), today);
        assert_eq!(information(day(2026, 12, 4)).due, Some(day(2026, 12, 15)));
        assert_eq!(information(day(2026, 12, 4)).urgency, Urgency::Calm);
        assert_eq!(information(day(2026, 12, 13)).urgency, Urgency::Soon);
        assert_eq!(information(day(2026, 12, 15)).urgency, Urgency::Soon);
        assert_eq!(information(day(2026, 12, 16)).urgency, Urgency::Overdue);
        assert_eq!(information(day(2026, 12, 16)).days_left(day(2026, 12, 16)), Some(-1));
        // Across the spring DST change the count is in calendar days.
        let spring = at("2027-03-27T21:30:00Z"); // 23.30 on 27.3 in Helsinki (EET)
        assert_eq!(Waiting::of(spring, None, day(2027, 3, 29)).days, 2);
    }

    #[test]
    fn without_a_mapping_a_document_request_has_the_law_s_14_days_and_anything_else_is_unknown() {
        assert_eq!(law_default("tietopyynto", "Tietopyyntö"), Some(DOCUMENT_REQUEST));
        assert_eq!(law_default("x-17", "Begäran om handlingar"), Some(DOCUMENT_REQUEST));
        assert_eq!(law_default("meluilmoitus", "Meluilmoitus"), None);
        let sent = at("2026-11-30T22:30:00Z");
        let law = Waiting::under(sent, Deadline::Law(DOCUMENT_REQUEST), day(2026, 12, 20));
        assert_eq!((law.due, law.urgency, law.basis), (Some(day(2026, 12, 15)), Urgency::Overdue, Some("JulkL 14 §")));
        let unknown = Waiting::under(sent, Deadline::Unknown, day(2026, 12, 20));
        assert!(!unknown.known && unknown.due.is_none());
        let none = Waiting::under(sent, Deadline::Mapped(None), day(2026, 12, 20));
        assert!(none.known && none.due.is_none(), "a mapping without a deadline means none");
    }
}
