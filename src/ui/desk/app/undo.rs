//! Undoing a filing where TWeb's contract allows it: a new case this desk opened minutes ago,
//! holding only what the filing made and no assignment, is withdrawn in TWeb, and the outbox
//! takes the transaction back. Anything else says plainly that it cannot be undone.

use super::DeskApp;
use super::runner::Work;
use crate::contract::outbox::CompletedTransaction;
use crate::domain::TransactionId;
use crate::ui::desk::filings::Undoing;
use crate::ui::desk::inbox_model::RowState;
use crate::ui::desk::receipt::{self, Undo};

impl DeskApp {
    /// Whether this desk's filing of `id` can be undone, is being undone, or was.
    pub(super) fn undo_state(&self, id: &str) -> Undo {
        match self.filings.undoing(id) {
            Some(Undoing::Running) => return Undo::Running,
            Some(Undoing::Failed(told)) => return Undo::Failed(told.clone()),
            None => {}
        }
        if let Some(diary) = self.filings.undone(id) {
            return Undo::Done(diary.to_owned());
        }
        let Some(view) = self.filings.view(id) else { return Undo::No(crate::ui::desk::receipt::NoUndo::NotThisDesk) };
        match view.result.as_ref() {
            Some(Ok(result)) => receipt::undo_for(result, view.filed_at.map(|at| chrono::Utc::now() - at)),
            _ => Undo::No(crate::ui::desk::receipt::NoUndo::NotThisDesk),
        }
    }

    /// The same for a row of the day list: this desk's filing as above, anyone else's not.
    pub(super) fn undo_of(&self, item: &CompletedTransaction) -> Undo {
        let id = &item.transaction.id;
        if self.filings.knows(id) {
            return self.undo_state(id);
        }
        receipt::undo_for(&item.completion.result, None)
    }

    /// Undoes the filing of `id`, when its receipt offers it.
    pub(super) fn undo(&mut self, id: &str) {
        if self.undo_state(id) != Undo::Offer {
            return;
        }
        let mut work = Work { backend: &self.backend, texts: &self.texts };
        self.filings.undo(&TransactionId::new(id), &mut work);
    }

    /// The diary number of the case `id`'s filing was undone from, while its row is not filed
    /// again.
    pub(super) fn undone(&self, id: &str) -> Option<String> {
        let diary = self.filings.undone(id)?.to_owned();
        (self.model.row(id).is_none_or(|r| self.model.state(r) != RowState::Filed)).then_some(diary)
    }
}
