//! A size cap on the day's log file: a runaway loop or a trace level left on cannot fill the disk.
//! Past the cap, the day's further lines go to stderr only, and the file says so once.

use std::io::Write;

use chrono::{NaiveDate, Utc};

/// Bytes written to one day's log file at most.
pub const DAILY_CAP_BYTES: u64 = 20 * 1024 * 1024;

/// A writer that stops passing lines on once a day's bytes reach the cap.
pub struct DailyCap<W> {
    inner: W,
    cap: u64,
    day: NaiveDate,
    written: u64,
    noted: bool,
}

impl<W: Write> DailyCap<W> {
    /// Caps `inner` at `cap` bytes a (UTC) day; `already` bytes are in today's file.
    pub fn new(inner: W, cap: u64, already: u64) -> Self {
        Self { inner, cap, day: Utc::now().date_naive(), written: already, noted: false }
    }

    fn roll(&mut self, today: NaiveDate) {
        if today != self.day {
            (self.day, self.written, self.noted) = (today, 0, false);
        }
    }

    /// Writes `buf` as if on `today` (the clock is a parameter for the tests).
    fn write_on(&mut self, today: NaiveDate, buf: &[u8]) -> std::io::Result<usize> {
        self.roll(today);
        let len = u64::try_from(buf.len()).unwrap_or(u64::MAX);
        if self.written.saturating_add(len) > self.cap {
            if !self.noted {
                self.noted = true;
                let note = format!(
                    "log file cap of {} MiB reached for {}: further lines today go to stderr only\n",
                    self.cap / (1024 * 1024),
                    self.day
                );
                self.inner.write_all(note.as_bytes())?;
            }
            return Ok(buf.len());
        }
        self.written += len;
        self.inner.write_all(buf)?;
        Ok(buf.len())
    }
}

impl<W: Write> Write for DailyCap<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_on(Utc::now().date_naive(), buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::DailyCap;

    #[test]
    fn lines_past_the_cap_are_dropped_with_one_note_until_the_next_day() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
        let mut capped = DailyCap::new(Vec::new(), 2 * 1024 * 1024, 0);
        let line = vec![b'x'; 1024 * 1024 - 1];
        for _ in 0..5 {
            let mut with_newline = line.clone();
            with_newline.push(b'\n');
            assert_eq!(capped.write_on(day, &with_newline).ok(), Some(1024 * 1024));
        }
        let text = String::from_utf8_lossy(&capped.inner).into_owned();
        assert_eq!(text.len() - text.lines().last().map_or(0, |l| l.len() + 1), 2 * 1024 * 1024);
        assert_eq!(text.matches("log file cap of 2 MiB reached for 2026-11-26").count(), 1);
        let next = day.succ_opt().unwrap_or_default();
        capped.write_on(next, b"seuraava paiva\n").ok();
        assert!(String::from_utf8_lossy(&capped.inner).ends_with("seuraava paiva\n"));
    }
}
