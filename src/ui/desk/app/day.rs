//! The day list in the middle of the desk: the office's filings, each receipt with its undo.

use std::collections::HashMap;

use super::{DeskApp, triage};
use crate::contract::outbox::CompletedTransaction;
use crate::ui::desk::receipt::Undo;

impl DeskApp {
    /// Draws Päivän kirjaukset and applies what it asked for.
    pub(super) fn show_day(&mut self, ui: &mut egui::Ui) {
        let undo_states: HashMap<String, Undo> = self
            .recent
            .value()
            .into_iter()
            .flatten()
            .map(|item| (item.transaction.id.clone(), self.undo_of(item)))
            .collect();
        let undo_of = |item: &CompletedTransaction| {
            undo_states
                .get(&item.transaction.id)
                .cloned()
                .unwrap_or(Undo::No(crate::ui::desk::receipt::NoUndo::NotThisDesk))
        };
        let backend = &self.backend;
        let case_url = |case_id: Option<u64>, diary: &str| backend.case_url(case_id, diary);
        let mut view = crate::ui::desk::day::DayView {
            texts: &self.texts,
            day: crate::domain::helsinki::today() - chrono::Duration::days(self.day.back),
            items: self.recent.value().map(Vec::as_slice),
            error: self.recent.error(),
            pending: self.recent.is_pending(),
            catalog: self.catalog.value(),
            case_url: &case_url,
            reach: triage::RECENT_DAYS,
            undo_of: &undo_of,
            state: &mut self.day,
        };
        let commands = crate::ui::desk::day::show(&mut view, ui);
        self.queue(commands.into_iter().map(super::Command::Day));
    }
}
