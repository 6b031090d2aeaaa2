//! The backend as the runner of the desk's filings, and the inbox's row states taken from them.

use std::sync::Arc;

use tokio_util::sync::CancellationToken;

use super::DeskApp;
use crate::domain::TransactionId;
use crate::export::FilingPlan;
use crate::i18n::Texts;
use crate::ui::backend::Backend;
use crate::ui::desk::filings::Runner;

/// The backend doing a filing's work, and the texts the undo's reason is written in.
pub(super) struct Work<'a> {
    pub(super) backend: &'a Backend,
    pub(super) texts: &'a Texts,
}

impl Runner for Work<'_> {
    fn file(&mut self, plan: FilingPlan, pdf: Option<Arc<Vec<u8>>>, cancel: CancellationToken) {
        self.backend.file(plan, pdf, cancel);
    }

    fn file_default(&mut self, id: &TransactionId, cancel: CancellationToken) {
        self.backend.file_default(id, cancel);
    }

    fn undo(&mut self, id: &TransactionId, case_id: u64) {
        let reason = self.texts.with("undo-reason", &[("clerk", self.backend.clerk().into())]);
        self.backend.undo(id, case_id, reason);
    }
}

impl DeskApp {
    /// The inbox takes its rows' states from the filings whenever they changed.
    pub(super) fn sync_states(&mut self) {
        let version = self.filings.version();
        if self.states_seen != Some(version) {
            self.model.set_states(self.filings.row_states().map(|(id, state)| (id.as_str().to_owned(), state)));
            self.states_seen = Some(version);
        }
    }
}
