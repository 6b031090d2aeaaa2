//! Undoing a filing where TWeb's contract allows it: a new case this desk opened minutes ago,
//! holding only what the filing made and no assignment, is withdrawn in TWeb, and the outbox
//! takes the transaction back. Anything else says plainly that it cannot be undone.

use super::DeskApp;
use crate::contract::outbox::CompletedTransaction;
use crate::ui::desk::inbox_model::RowState;
use crate::ui::desk::receipt::{self, Undo};
use crate::ui::request::RequestState;

impl DeskApp {
    /// Whether this desk's filing of `id` can be undone, is being undone, or was.
    pub(super) fn undo_state(&self, id: &str) -> Undo {
        match self.undos.get(id).map(crate::ui::request::Requested::state) {
            Some(RequestState::Pending(_)) => return Undo::Running,
            Some(RequestState::Ready(diary)) => return Undo::Done(diary.clone()),
            Some(RequestState::Failed(told, _)) => return Undo::Failed(told.clone()),
            _ => {}
        }
        let Some(view) = self.filings.get(id) else { return Undo::No("receipt-no-undo") };
        match view.result.as_ref() {
            Some(Ok(result)) => receipt::undo_for(result, view.filed_at.map(|at| chrono::Utc::now() - at)),
            _ => Undo::No("receipt-no-undo"),
        }
    }

    /// The same for a row of the day list: this desk's filing as above, anyone else's not.
    pub(super) fn undo_of(&self, item: &CompletedTransaction) -> Undo {
        let id = &item.transaction.id;
        if self.undos.contains_key(id) || self.filings.contains_key(id) {
            return self.undo_state(id);
        }
        receipt::undo_for(&item.completion.result, None)
    }

    /// Undoes the filing of `id`, when its receipt offers it.
    pub(super) fn undo(&mut self, id: &str) {
        if self.undo_state(id) != Undo::Offer {
            return;
        }
        let Some(case_id) = self.filings.get(id).and_then(|f| f.result.as_ref()?.as_ref().ok()?.case_id) else {
            return;
        };
        let reason = self.texts.with("undo-reason", &[("clerk", self.backend.clerk().into())]);
        let work = self.backend.undo(id, case_id, reason);
        self.undos.entry(id.to_owned()).or_default().request(&self.backend.spawner(), work);
    }

    /// An undo's answer: the transaction is pending again, to be filed anew.
    pub(super) fn take_undos(&mut self) {
        let mut undone = Vec::new();
        for (id, request) in &mut self.undos {
            if request.poll() && request.value().is_some() {
                undone.push(id.clone());
            }
        }
        for id in undone {
            self.filings.remove(&id);
            self.model.set_local(&id, None);
            self.refresh();
        }
    }

    /// Whether the row's state allows filing it again after an undo.
    pub(super) fn undone(&self, id: &str) -> Option<String> {
        let diary = self.undos.get(id)?.value()?.clone();
        (self.model.row(id).is_none_or(|r| self.model.state(r) != RowState::Filed)).then_some(diary)
    }
}
