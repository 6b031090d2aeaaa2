//! The life of each transaction's filing on this desk, without egui: asked (the questions the
//! clerk still has to answer), running (with its cancel), ended (the result and when), undoing,
//! undone, or as the journal last told it. [`Filings`] is the one owner of that state: it decides
//! whether a request starts, asks the clerk first or is refused, it hands the work to a
//! [`Runner`], and the inbox reads each row's state from it.

use std::collections::HashMap;
use std::sync::Arc;

use tokio_util::sync::CancellationToken;

use crate::contract::outbox::FilingResult;
use crate::domain::TransactionId;
use crate::export::{EventKind, ExportEvent, FilingPlan, FilingState};
use crate::plain::{Plain, Told};
use crate::ui::backend::Ended;
use crate::ui::desk::filing::FilingView;
use crate::ui::desk::inbox_model::RowState;
use crate::ui::desk::sight::Unseen;

/// What does the work of a filing: the backend, or a fake in the tests. Each call returns at
/// once; the outcome comes back to [`Filings::ended`] (or [`Filings::lost`]) and
/// [`Filings::undo_ended`]. A filing stops where it stands once its `cancel` is cancelled.
pub trait Runner {
    /// Files with `plan`; `pdf` is the form PDF the clerk saw.
    fn file(&mut self, plan: FilingPlan, pdf: Option<Arc<Vec<u8>>>, cancel: CancellationToken);
    /// Files transaction `id` with its service's default (bulk filing).
    fn file_default(&mut self, id: &TransactionId, cancel: CancellationToken);
    /// Withdraws the new case `case_id` that filing `id` opened and gives the transaction back.
    fn undo(&mut self, id: &TransactionId, case_id: u64);
}

/// What the desk knows of a transaction when the clerk asks to file it.
#[derive(Debug, Clone)]
pub struct Request {
    /// The transaction.
    pub id: TransactionId,
    /// Whether its content has been on screen long enough, in a row shown.
    pub seen: Result<(), Unseen>,
    /// Another clerk holding its claim, by name.
    pub held_by: Option<String>,
    /// The plan of the clerk's choices, or `None` while something is missing.
    pub plan: Option<FilingPlan>,
    /// What the clerk confirms by filing, in words (secrecy, another party's case, a closed case).
    pub questions: Vec<String>,
    /// Whether the choices are not a complete default of the service (then asked too).
    pub incomplete: bool,
    /// The form PDF the clerk saw.
    pub pdf: Option<Arc<Vec<u8>>>,
}

/// What became of a request to file.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// The filing was handed to the runner.
    Started,
    /// The clerk is asked first; the same request again files.
    Asked,
    /// Nothing started, for this reason.
    Refused(Refusal),
}

/// Why a request to file started nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The clerk has not seen it (long enough), or the filter hides it.
    Unseen(Unseen),
    /// Another clerk holds its claim.
    HeldBy(String),
    /// The choices are not complete (the panel lists what is missing).
    Missing,
    /// Its filing is running.
    Running,
    /// This desk filed it.
    Filed,
}

impl Refusal {
    /// The Fluent id of what the filing panel says, for a reason it does not show otherwise.
    pub fn text_id(&self) -> Option<&'static str> {
        match self {
            Self::Unseen(unseen) => Some(unseen.text_id()),
            Self::Running => Some("filing-already-running"),
            Self::HeldBy(_) | Self::Missing | Self::Filed => None,
        }
    }
}

/// Where an undo stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Undoing {
    /// Withdrawing the case.
    Running,
    /// TWeb or the outbox refused.
    Failed(Told),
}

/// A filing's phase.
#[derive(Debug, Clone)]
enum Phase {
    /// Running; its `cancel` is cancelled once the clerk asked it to stop.
    Running { cancel: CancellationToken },
    /// Ended in this session (the view holds the result).
    Ended { undo: Option<Undoing> },
    /// Undone: the case withdrawn (its diary number) and the transaction pending again.
    Undone(String),
    /// Not run in this session: failed or interrupted as the journal keeps it.
    Journal(FilingState, Option<Told>),
}

#[derive(Debug, Clone)]
struct Entry {
    phase: Phase,
    view: FilingView,
    /// [`Filings::ends`] when it ended in this session (0 before).
    ended: u64,
}

/// The question asked of the clerk: for this transaction, these choices, these words.
#[derive(Debug, Clone, PartialEq)]
struct Asked {
    id: TransactionId,
    plan: FilingPlan,
    questions: Vec<String>,
    incomplete: bool,
}

/// Every filing of this desk, by transaction. See the module's docs.
#[derive(Debug, Default)]
pub struct Filings {
    entries: HashMap<TransactionId, Entry>,
    asked: Option<Asked>,
    refused: Option<(TransactionId, Refusal)>,
    version: u64,
    ends: u64,
}

impl Filings {
    /// Decides on the clerk's request to file, and starts it when nothing stands in the way.
    pub fn request(&mut self, request: Request, runner: &mut dyn Runner) -> Decision {
        let Request { id, seen, held_by, plan, questions, incomplete, pdf } = request;
        self.refused = None;
        let refuse = |this: &mut Self, why: Refusal| {
            this.refused = Some((id.clone(), why.clone()));
            Decision::Refused(why)
        };
        if self.running(id.as_str()) {
            return refuse(self, Refusal::Running);
        }
        if self.filed(id.as_str()) {
            return refuse(self, Refusal::Filed);
        }
        if let Err(unseen) = seen {
            return refuse(self, Refusal::Unseen(unseen));
        }
        if let Some(holder) = held_by {
            return refuse(self, Refusal::HeldBy(holder));
        }
        let Some(plan) = plan else {
            self.asked = None;
            return refuse(self, Refusal::Missing);
        };
        let asked = Asked { id: id.clone(), plan, questions, incomplete };
        if (asked.incomplete || !asked.questions.is_empty()) && self.asked.as_ref() != Some(&asked) {
            self.asked = Some(asked);
            self.changed();
            return Decision::Asked;
        }
        self.asked = None;
        self.start(asked.plan, pdf, runner);
        Decision::Started
    }

    fn start(&mut self, plan: FilingPlan, pdf: Option<Arc<Vec<u8>>>, runner: &mut dyn Runner) {
        let id = TransactionId::new(plan.transaction_id.clone());
        let cancel = self.set_running(&id);
        runner.file(plan, pdf, cancel);
    }

    fn set_running(&mut self, id: &TransactionId) -> CancellationToken {
        // A retry keeps the steps the interrupted filing finished in sight.
        let done = self.entries.get(id).map(|e| e.view.done.clone()).unwrap_or_default();
        let view = FilingView { done, ..FilingView::default() };
        let cancel = CancellationToken::new();
        self.entries.insert(id.clone(), Entry { phase: Phase::Running { cancel: cancel.clone() }, view, ended: 0 });
        if self.asked.as_ref().is_some_and(|a| &a.id == id) {
            self.asked = None;
        }
        self.changed();
        cancel
    }

    /// Files `plan` again (a retry from the failed view, or bulk filing with the clerk's choices);
    /// the clerk confirmed it there. A filing running or filed is left alone.
    pub fn retry(&mut self, plan: FilingPlan, runner: &mut dyn Runner) -> bool {
        let id = TransactionId::new(plan.transaction_id.clone());
        if self.running(id.as_str()) || self.filed(id.as_str()) {
            return false;
        }
        self.start(plan, None, runner);
        true
    }

    /// Files `id` with its service's default (bulk filing, confirmed by the clerk).
    pub fn file_default(&mut self, id: &TransactionId, runner: &mut dyn Runner) -> bool {
        if self.running(id.as_str()) || self.filed(id.as_str()) {
            return false;
        }
        let cancel = self.set_running(id);
        runner.file_default(id, cancel);
        true
    }

    /// Asks the running filing of `id` to stop; it stays running until the runner says it ended
    /// (then interrupted, with what it finished).
    pub fn cancel(&mut self, id: &str) {
        if let Some(Entry { phase: Phase::Running { cancel }, .. }) = self.entries.get(id) {
            cancel.cancel();
        }
        self.forget_question();
    }

    /// Whether the clerk asked `id`'s running filing to stop.
    pub fn cancelling(&self, id: &str) -> bool {
        self.entries.get(id).is_some_and(|e| matches!(&e.phase, Phase::Running { cancel } if cancel.is_cancelled()))
    }

    /// A filing's progress.
    pub fn progress(&mut self, event: ExportEvent) {
        let id = TransactionId::new(event.transaction_id);
        let Some(entry) = self.entries.get_mut(&id).filter(|e| matches!(e.phase, Phase::Running { .. })) else {
            return;
        };
        match event.kind {
            EventKind::Finished { step, .. } if !entry.view.done.contains(&step) => entry.view.done.push(step),
            EventKind::Progress { sent, total, .. } => entry.view.bytes = Some((sent, total)),
            EventKind::Retrying { step, message, attempt } => entry.view.retry = Some((step, attempt, message)),
            _ => {}
        }
    }

    /// A filing ended with `result` at `now`.
    pub fn ended(
        &mut self,
        id: &TransactionId,
        result: Result<FilingResult, Ended>,
        now: chrono::DateTime<chrono::Utc>,
    ) {
        let entry = self.entries.entry(id.clone()).or_insert_with(|| Entry {
            phase: Phase::Ended { undo: None },
            view: FilingView::default(),
            ended: 0,
        });
        self.ends += 1;
        entry.ended = self.ends;
        entry.view.filed_at = result.is_ok().then_some(now);
        entry.view.result = Some(result);
        entry.view.bytes = None;
        entry.view.retry = None;
        entry.phase = Phase::Ended { undo: None };
        self.changed();
    }

    /// The virus scanner found malware in `file` of `id` outside a filing (the clerk opened it):
    /// `id` goes into quarantine, with the files found before, unless its filing runs or ended filed.
    pub fn quarantine(
        &mut self,
        id: &TransactionId,
        file: crate::contract::outbox::LeftOutFile,
        now: chrono::DateTime<chrono::Utc>,
    ) {
        let mut files = match self.entries.get(id).map(|e| (&e.phase, &e.view.result)) {
            Some((Phase::Running { .. }, _) | (Phase::Ended { .. }, Some(Ok(_)))) => return,
            Some((_, Some(Err(Ended::Quarantined(files))))) => files.clone(),
            _ => Vec::new(),
        };
        if files.iter().any(|f| f.attachment_id == file.attachment_id) {
            return;
        }
        files.push(file);
        self.ended(id, Err(Ended::Quarantined(files)), now);
    }

    /// The runner lost a filing's answer (its work ended without one): what became of it is
    /// unknown here, so it reads failed until the journal and the outbox say more.
    pub fn lost(&mut self, id: &TransactionId, now: chrono::DateTime<chrono::Utc>) {
        if self.running(id.as_str()) {
            let told = Told::new(Plain::new("filing-answer-lost"), "the filing's work ended without an answer");
            self.ended(id, Err(Ended::Failed(told)), now);
        }
    }

    /// How many filings have ended in this session: noted when the journal is read, and given
    /// back to [`Filings::journal`] with its answer.
    pub fn ends(&self) -> u64 {
        self.ends
    }

    /// The journal's unfinished filings, as a read asked for when [`Filings::ends`] was `as_of`
    /// found them. A filing not running takes the journal's word. One that failed before that
    /// read and that the journal no longer holds unfinished was finished elsewhere (a retry by
    /// `export --resume`, another desk), and is dropped; one that ended after it is kept until a
    /// newer read.
    pub fn journal(&mut self, records: &[(TransactionId, FilingState, Option<Told>)], as_of: u64) {
        let unfinished = |id: &TransactionId| records.iter().find(|(r, ..)| r == id);
        let before = self.entries.len();
        self.entries.retain(|id, entry| match &entry.phase {
            // Quarantine and a scan that could not be made are this desk's knowledge, not the
            // journal's (nothing was journaled): they stay until the clerk files again.
            Phase::Journal(..) | Phase::Ended { undo: None }
                if entry.view.result.as_ref().is_none_or(Result::is_err)
                    && !matches!(entry.view.result, Some(Err(Ended::Quarantined(_) | Ended::NotScanned(_))))
                    && entry.ended <= as_of =>
            {
                unfinished(id).is_some()
            }
            _ => true,
        });
        let mut changed = before != self.entries.len();
        for (id, state, told) in records {
            let state = if *state == FilingState::Interrupted { FilingState::Interrupted } else { FilingState::Failed };
            let entry = self.entries.get(id);
            let agrees = match entry.map(|e| (&e.phase, e.view.result.as_ref())) {
                Some((Phase::Ended { .. }, Some(Err(Ended::Interrupted { .. })))) => state == FilingState::Interrupted,
                Some((Phase::Ended { .. }, Some(Err(Ended::Failed(_))))) => state == FilingState::Failed,
                Some((Phase::Running { .. } | Phase::Undone(_) | Phase::Ended { .. }, _)) => true,
                Some((Phase::Journal(kept, kept_told), _)) => *kept == state && kept_told == told,
                None => false,
            };
            if !agrees {
                let view = entry.map(|e| e.view.clone()).unwrap_or_default();
                let view = FilingView { result: None, ..view };
                self.entries.insert(id.clone(), Entry { phase: Phase::Journal(state, told.clone()), view, ended: 0 });
                changed = true;
            }
        }
        if changed {
            self.changed();
        }
    }

    /// Starts undoing the filing of `id` onto the new case it opened.
    pub fn undo(&mut self, id: &TransactionId, runner: &mut dyn Runner) -> bool {
        let Some(entry) = self.entries.get_mut(id) else { return false };
        let case_id = entry.view.result.as_ref().and_then(|r| r.as_ref().ok()).and_then(|r| r.case_id);
        match (&entry.phase, case_id) {
            (Phase::Ended { undo: None | Some(Undoing::Failed(_)) }, Some(case_id)) => {
                entry.phase = Phase::Ended { undo: Some(Undoing::Running) };
                runner.undo(id, case_id);
                self.changed();
                true
            }
            _ => false,
        }
    }

    /// An undo ended: with the case's diary number, the transaction is pending again.
    pub fn undo_ended(&mut self, id: &TransactionId, result: Result<String, Told>) {
        let Some(entry) = self.entries.get_mut(id) else { return };
        if !matches!(entry.phase, Phase::Ended { undo: Some(Undoing::Running) }) {
            return;
        }
        entry.phase = match result {
            Ok(diary) => {
                entry.view = FilingView::default();
                Phase::Undone(diary)
            }
            Err(told) => Phase::Ended { undo: Some(Undoing::Failed(told)) },
        };
        self.changed();
    }

    /// Forgets the question asked (another row selected, the clerk cancelled or changed the
    /// choices so that it is asked afresh).
    pub fn forget_question(&mut self) {
        if self.asked.take().is_some() {
            self.changed();
        }
        self.refused = None;
    }

    /// The questions `id`'s filing waits on the clerk's answer to, and whether its choices are
    /// not a complete default.
    pub fn question(&self, id: &str) -> Option<(&[String], bool)> {
        self.asked.as_ref().filter(|a| a.id.as_str() == id).map(|a| (a.questions.as_slice(), a.incomplete))
    }

    /// Why the last request to file `id` started nothing.
    pub fn refused(&self, id: &str) -> Option<&Refusal> {
        self.refused.as_ref().filter(|(r, _)| r.as_str() == id).map(|(_, why)| why)
    }

    /// Whether `id`'s filing is running.
    pub fn running(&self, id: &str) -> bool {
        self.entries.get(id).is_some_and(|e| matches!(e.phase, Phase::Running { .. }))
    }

    /// Whether any filing is running.
    pub fn any_running(&self) -> bool {
        self.entries.values().any(|e| matches!(e.phase, Phase::Running { .. }))
    }

    fn filed(&self, id: &str) -> bool {
        self.entries
            .get(id)
            .is_some_and(|e| matches!(e.phase, Phase::Ended { .. }) && matches!(e.view.result, Some(Ok(_))))
    }

    /// `id`'s progress and outcome in this session.
    pub fn view(&self, id: &str) -> Option<&FilingView> {
        self.entries.get(id).map(|e| &e.view)
    }

    /// `id`'s undo, while running or after TWeb refused it.
    pub fn undoing(&self, id: &str) -> Option<&Undoing> {
        match &self.entries.get(id)?.phase {
            Phase::Ended { undo } => undo.as_ref(),
            _ => None,
        }
    }

    /// The diary number of the case `id`'s filing was undone from.
    pub fn undone(&self, id: &str) -> Option<&str> {
        match &self.entries.get(id)?.phase {
            Phase::Undone(diary) => Some(diary),
            _ => None,
        }
    }

    /// Whether this desk knows of a filing of `id` (so its undo is this desk's to offer).
    pub fn knows(&self, id: &str) -> bool {
        self.entries.contains_key(id)
    }

    /// Why `id`'s filing failed, in plain words: this session's error, or the journal's.
    pub fn told(&self, id: &str) -> Option<&Told> {
        match &self.entries.get(id)?.phase {
            Phase::Ended { .. } => match &self.entries.get(id)?.view.result {
                Some(Err(Ended::Failed(told) | Ended::NotScanned(told))) => Some(told),
                _ => None,
            },
            Phase::Journal(_, told) => told.as_ref(),
            _ => None,
        }
    }

    /// The state `id`'s row shows, where this desk has something to say of it.
    pub fn row_state(&self, id: &str) -> Option<RowState> {
        let entry = self.entries.get(id)?;
        Some(match (&entry.phase, &entry.view.result) {
            (Phase::Running { .. }, _) => RowState::Filing,
            (Phase::Ended { .. }, Some(Ok(_))) => RowState::Filed,
            (Phase::Ended { .. }, Some(Err(Ended::Quarantined(_)))) => RowState::Quarantined,
            (Phase::Ended { .. }, Some(Err(Ended::NotScanned(_)))) => RowState::NotScanned,
            (Phase::Ended { .. }, Some(Err(Ended::Interrupted { .. })))
            | (Phase::Journal(FilingState::Interrupted, _), _) => RowState::Interrupted,
            (Phase::Ended { .. } | Phase::Journal(..), _) => RowState::Failed,
            (Phase::Undone(_), _) => return None,
        })
    }

    /// Every row state this desk sets, for the inbox.
    pub fn row_states(&self) -> impl Iterator<Item = (&TransactionId, RowState)> {
        self.entries.keys().filter_map(|id| Some((id, self.row_state(id.as_str())?)))
    }

    /// A number that changes whenever a row state or a question does.
    pub fn version(&self) -> u64 {
        self.version
    }

    fn changed(&mut self) {
        self.version = self.version.wrapping_add(1);
    }
}

#[cfg(test)]
mod tests;
