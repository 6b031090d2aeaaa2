//! Helsinki time, the one clock for dates a person sees or that carry legal weight: the received
//! date, due dates, "today". TWeb's dates are calendar dates in Finland, not in UTC.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone as _, Utc};
use chrono_tz::Europe::Helsinki;

/// The calendar date in Helsinki at `at`.
pub fn date_of(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Helsinki).date_naive()
}

/// The wall-clock time in Helsinki at `at`.
pub fn local(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&Helsinki).naive_local()
}

/// Today in Helsinki.
pub fn today() -> NaiveDate {
    date_of(Utc::now())
}

/// The instant the Helsinki day of `at` began: its local midnight, which every day has (the
/// summer-time switches are at 03:00 and 04:00).
pub fn start_of_day(at: DateTime<Utc>) -> DateTime<Utc> {
    let midnight = date_of(at).and_time(chrono::NaiveTime::MIN);
    Helsinki.from_local_datetime(&midnight).earliest().map_or(at, |start| start.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).map(|d| d.with_timezone(&Utc)).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_form_sent_just_after_midnight_in_finland_is_received_that_day() {
        // 00:30 in Helsinki on 1 December (UTC+2) is still 30 November in UTC.
        assert_eq!(date_of(at("2026-11-30T22:30:00Z")), day(2026, 12, 1));
        assert_eq!(date_of(at("2026-11-30T21:59:59Z")), day(2026, 11, 30));
        // Summer time (UTC+3): midnight is 21:00 UTC.
        assert_eq!(date_of(at("2026-06-14T21:00:00Z")), day(2026, 6, 15));
        assert_eq!(date_of(at("2026-06-14T20:59:59Z")), day(2026, 6, 14));
    }

    #[test]
    fn a_day_begins_at_midnight_in_helsinki_in_winter_and_in_summer() {
        assert_eq!(start_of_day(at("2026-11-30T22:30:00Z")), at("2026-11-30T22:00:00Z"));
        assert_eq!(start_of_day(at("2026-12-01T21:59:59Z")), at("2026-11-30T22:00:00Z"));
        assert_eq!(start_of_day(at("2026-06-15T12:00:00Z")), at("2026-06-14T21:00:00Z"));
        // The day summer time begins is 23 hours long, and it still begins at midnight.
        assert_eq!(start_of_day(at("2026-03-29T12:00:00Z")), at("2026-03-28T22:00:00Z"));
    }

    #[test]
    fn the_wall_clock_follows_summer_time() {
        assert_eq!(local(at("2026-11-30T22:30:00Z")).format("%-d.%-m.%Y %H.%M").to_string(), "1.12.2026 00.30");
        assert_eq!(local(at("2026-06-14T21:00:00Z")).format("%-d.%-m.%Y %H.%M").to_string(), "15.6.2026 00.00");
    }

    #[test]
    fn the_daylight_saving_switches_keep_the_date() {
        // Summer time begins 29 March 2026 at 03:00 local (01:00 UTC); ends 25 October at 04:00 local.
        assert_eq!(date_of(at("2026-03-28T21:59:59Z")), day(2026, 3, 28));
        assert_eq!(date_of(at("2026-03-28T22:00:00Z")), day(2026, 3, 29));
        assert_eq!(date_of(at("2026-03-29T20:59:59Z")), day(2026, 3, 29));
        assert_eq!(date_of(at("2026-03-29T21:00:00Z")), day(2026, 3, 30));
        assert_eq!(date_of(at("2026-10-24T20:59:59Z")), day(2026, 10, 24));
        assert_eq!(date_of(at("2026-10-24T21:00:00Z")), day(2026, 10, 25));
        assert_eq!(date_of(at("2026-10-25T21:59:59Z")), day(2026, 10, 25));
        assert_eq!(date_of(at("2026-10-25T22:00:00Z")), day(2026, 10, 26));
        assert_eq!(date_of(Utc.with_ymd_and_hms(2026, 12, 31, 22, 0, 0).single().unwrap_or_default()), day(2027, 1, 1));
    }
}
