//! What the clerk has seen: which transaction's content (its form page, or the closed notice of
//! a secret one) has been on screen, in a row the inbox shows, and since when. A filing starts
//! only on a transaction seen for [`SEEN_FOR`]: a second Enter a moment after a filing, when the
//! selection has just moved on to the next row, files nothing the clerk never saw.

use std::time::{Duration, Instant};

/// How long a transaction's content must have been on screen before Enter or a click files it.
pub const SEEN_FOR: Duration = Duration::from_millis(400);

/// Why a filing of the selected transaction does not start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unseen {
    /// Its content has not been on screen long enough (or at all) yet.
    NotYet,
    /// The inbox's filter hides its row.
    Hidden,
}

impl Unseen {
    /// The Fluent id of what the filing panel says.
    pub fn text_id(self) -> &'static str {
        match self {
            Self::NotYet => "filing-not-seen",
            Self::Hidden => "filing-row-hidden",
        }
    }
}

/// The transaction on screen and since when.
#[derive(Debug, Default)]
pub struct Sight {
    shown: Option<(String, Instant)>,
    hidden: Option<String>,
}

impl Sight {
    /// This frame shows transaction `id`'s content (`content`: its page or its closed notice is
    /// drawn) in a row the inbox shows (`listed`) at `now`. The time counts from the first such
    /// frame; a frame without either starts it again.
    pub fn frame(&mut self, id: Option<&str>, content: bool, listed: bool, now: Instant) {
        self.hidden = id.filter(|_| !listed).map(str::to_owned);
        match id.filter(|_| content && listed) {
            Some(id) if self.shown.as_ref().is_some_and(|(shown, _)| shown == id) => {}
            Some(id) => self.shown = Some((id.to_owned(), now)),
            None => self.shown = None,
        }
    }

    /// Whether transaction `id` may be filed at `now`: seen for [`SEEN_FOR`] in a row shown.
    pub fn check(&self, id: &str, now: Instant) -> Result<(), Unseen> {
        if self.hidden.as_deref() == Some(id) {
            return Err(Unseen::Hidden);
        }
        match &self.shown {
            Some((shown, since)) if shown == id && now.saturating_duration_since(*since) >= SEEN_FOR => Ok(()),
            _ => Err(Unseen::NotYet),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{SEEN_FOR, Sight, Unseen};
    use std::time::{Duration, Instant};

    #[test]
    fn a_transaction_is_filed_only_once_seen_for_a_moment_in_a_row_shown() {
        let start = Instant::now();
        let mut sight = Sight::default();
        assert_eq!(sight.check("TX-1", start), Err(Unseen::NotYet), "nothing on screen");
        sight.frame(Some("TX-1"), false, true, start);
        assert_eq!(sight.check("TX-1", start + SEEN_FOR), Err(Unseen::NotYet), "selected, page not drawn");
        sight.frame(Some("TX-1"), true, true, start + Duration::from_millis(100));
        sight.frame(Some("TX-1"), true, true, start + Duration::from_millis(300));
        assert_eq!(sight.check("TX-1", start + Duration::from_millis(450)), Err(Unseen::NotYet), "350 ms");
        assert_eq!(sight.check("TX-1", start + Duration::from_millis(500)), Ok(()), "400 ms");
        // The selection moves on after a filing: the next row starts from nothing.
        let moved = start + Duration::from_millis(560);
        sight.frame(Some("TX-2"), true, true, moved);
        assert_eq!(sight.check("TX-2", moved + Duration::from_millis(60)), Err(Unseen::NotYet), "double Enter");
        assert_eq!(sight.check("TX-1", moved + SEEN_FOR), Err(Unseen::NotYet), "no longer on screen");
        assert_eq!(sight.check("TX-2", moved + SEEN_FOR), Ok(()));
        // The filter hides the row: refused whatever was seen, until it is shown again (afresh).
        let filtered = moved + Duration::from_secs(2);
        sight.frame(Some("TX-2"), true, false, filtered);
        assert_eq!(sight.check("TX-2", filtered + SEEN_FOR), Err(Unseen::Hidden));
        sight.frame(Some("TX-2"), true, true, filtered + Duration::from_secs(1));
        assert_eq!(sight.check("TX-2", filtered + Duration::from_secs(1)), Err(Unseen::NotYet));
        assert_eq!(sight.check("TX-2", filtered + Duration::from_secs(1) + SEEN_FOR), Ok(()));
    }
}
