//! Which transactions' data the access log holds as seen, for one kind of view (the form's
//! preview, the raw fields, a secret transaction's content): the desk shows that data only for
//! these, and asks the log once a transaction (a reveal, at each click).

use std::collections::BTreeSet;

use crate::domain::TransactionId;
use crate::plain::Told;
use crate::ui::request::{Requested, Spawner};

/// The transactions logged as seen in one view, and the entry on its way.
#[derive(Default)]
pub(crate) struct Views {
    seen: BTreeSet<TransactionId>,
    logging: Requested<TransactionId>,
    asked: Option<TransactionId>,
}

impl Views {
    /// Whether the log holds `id` as seen here.
    pub(crate) fn seen(&self, id: &str) -> bool {
        self.seen.contains(id)
    }

    /// Whether `id` is neither logged nor asked for: asking is due.
    pub(crate) fn wants(&self, id: &TransactionId) -> bool {
        !self.seen.contains(id) && self.asked.as_ref() != Some(id)
    }

    /// Asks the log for `id` with `work` ([`crate::ui::backend::Backend::record`]).
    pub(crate) fn ask(
        &mut self,
        id: TransactionId,
        spawner: &Spawner,
        work: impl Future<Output = Result<TransactionId, Told>> + Send + 'static,
    ) {
        self.logging.request(spawner, work);
        self.asked = Some(id);
    }

    /// Takes the log's answer, if it came: the transaction now logged as seen.
    pub(crate) fn poll(&mut self) -> Option<TransactionId> {
        if self.logging.poll()
            && let Some(id) = self.logging.value().cloned()
        {
            self.seen.insert(id.clone());
            return Some(id);
        }
        None
    }

    /// Why the entry for `id` could not be written, if it could not.
    pub(crate) fn error(&self, id: Option<&str>) -> Option<&Told> {
        self.logging.error().filter(|_| self.asked.as_ref().map(TransactionId::as_str) == id)
    }
}
