//! The line a batch shows on a terminal: the transactions ended of all, filed and failed, the
//! rate and the time left. Lines said meanwhile go above it ([`super::said`]); a step's own line
//! goes only to the log file then. Without a terminal (a scheduled task, a pipe) there is no such
//! line and every line is printed as said.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A batch's progress line; none when stderr is not a terminal or the batch is empty.
pub(super) struct ProgressLine {
    bar: Option<ProgressBar>,
}

impl ProgressLine {
    /// The line of a batch of `total` transactions.
    pub(super) fn new(total: usize) -> Self {
        if total == 0 || !std::io::stderr().is_terminal() {
            return Self { bar: None };
        }
        let style = ProgressStyle::with_template("{bar:30} {pos}/{len} ended · {msg} · {rate} · {eta} left")
            .map(|style| {
                style.with_key("rate", |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.1}/s", state.per_sec());
                })
            })
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr()).with_style(style);
        bar.set_message("filed 0, failed 0");
        super::said::show_bar(Some(bar.clone()));
        Self { bar: Some(bar) }
    }

    /// Shows `ended` transactions of all, `filed` and `failed` of them.
    pub(super) fn update(&mut self, ended: usize, filed: usize, failed: usize) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("filed {filed}, failed {failed}"));
            bar.set_position(ended as u64);
        }
    }

    /// Takes the line away; the summary follows it.
    pub(super) fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
            super::said::show_bar(None);
        }
    }
}

impl Drop for ProgressLine {
    fn drop(&mut self) {
        self.finish();
    }
}
