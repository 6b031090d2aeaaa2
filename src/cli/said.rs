//! What the CLI says: lines for people on stderr (above a batch's progress line when one shows)
//! and in the day's log file, and with `--json` one JSON object a line on stdout.

use std::sync::{Mutex, OnceLock, PoisonError};

use indicatif::ProgressBar;

/// Says a line of the run on stderr and puts it into the log file (`logging::SAID`), so that a
/// scheduled run's progress and failures are there for IT the next morning.
macro_rules! say {
    ($($arg:tt)*) => {{
        let line = format!($($arg)*);
        $crate::cli::said::print(&line);
        tracing::info!(target: kirjaamo::logging::SAID, "{line}");
    }};
}
pub(crate) use say;

/// Says a step's line like [`say!`], but only into the log file while a progress line shows.
macro_rules! note {
    ($($arg:tt)*) => {{
        let line = format!($($arg)*);
        if !$crate::cli::said::bar_shown() {
            $crate::cli::said::print(&line);
        }
        tracing::info!(target: kirjaamo::logging::SAID, "{line}");
    }};
}
pub(crate) use note;

/// Whether stdout takes one JSON object a line (`--json`), for log collectors and monitoring.
static JSON: OnceLock<bool> = OnceLock::new();

/// The progress line shown now, if any: lines are printed above it.
static BAR: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// Turns the JSON lines on for this process (once).
pub(super) fn set_json(on: bool) {
    let _ = JSON.set(on);
}

/// Whether `--json` was given.
pub(super) fn json() -> bool {
    JSON.get().copied().unwrap_or(false)
}

/// Writes `value` to stdout as one line when `--json` was given.
pub(super) fn emit(value: &serde_json::Value) {
    if json() {
        println!("{value}");
    }
}

/// The time now, as the JSON lines carry it.
pub(super) fn now() -> String {
    chrono::Utc::now().to_rfc3339()
}

/// Prints `line` on stderr, above the progress line when one is shown.
pub(super) fn print(line: &str) {
    match BAR.lock().unwrap_or_else(PoisonError::into_inner).as_ref() {
        Some(bar) => bar.println(line),
        None => eprintln!("{line}"),
    }
}

/// Whether a progress line is shown: then a step's line is left to the log file.
pub(super) fn bar_shown() -> bool {
    BAR.lock().unwrap_or_else(PoisonError::into_inner).is_some()
}

/// Shows `bar` as the progress line under what is said, or none.
pub(super) fn show_bar(bar: Option<ProgressBar>) {
    *BAR.lock().unwrap_or_else(PoisonError::into_inner) = bar;
}
