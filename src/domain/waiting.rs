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

/// The waiting time and deadline of one transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waiting {
    /// Whole days since the day it was received (0: today).
    pub days: i64,
    /// The day its handling is due, when its service has a deadline.
    pub due: Option<NaiveDate>,
    /// How near the due date is.
    pub urgency: Urgency,
}

impl Waiting {
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
        Self { days, due, urgency }
    }

    /// Days left until the due date (negative: overdue by that many).
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.due.map(|due| (due - today).num_days())
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate, Utc};

    use super::{Urgency, Waiting};

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
}
