//! The inbox's rows, their states and the filtered, sorted view of them, without egui. The view
//! is computed only when the rows or the options change, so a frame with 10,000 rows costs only
//! the rows drawn.

use std::collections::HashMap;

use crate::contract::outbox::TransactionSummary;
use crate::domain::waiting::{Deadline, Urgency, Waiting};

mod triage;

pub use triage::{Duplicate, TriageFacts};

/// Where a transaction stands, as its badge shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RowState {
    /// Nobody holds it.
    New,
    /// This clerk holds its claim.
    ClaimedByMe,
    /// Another clerk holds its claim.
    ClaimedBy(String),
    /// This desk is filing it.
    Filing,
    /// This desk's filing was interrupted by the clerk (finished steps kept).
    Interrupted,
    /// This desk's filing failed.
    Failed,
    /// The virus scanner found malware in an attachment (karanteeni): nothing was filed.
    Quarantined,
    /// An attachment could not be scanned: nothing was filed; filing again scans again.
    NotScanned,
    /// This desk filed it.
    Filed,
}

/// The state filter's choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum StateFilter {
    /// Every row.
    #[default]
    All,
    /// New ones.
    New,
    /// Claimed by this clerk or another.
    Claimed,
    /// Filing now or failed.
    Failed,
    /// Filed in this session.
    Filed,
    /// Overdue or due soon, not filed.
    Urgent,
}

impl StateFilter {
    /// In menu order.
    pub const ALL: [Self; 6] = [Self::All, Self::New, Self::Urgent, Self::Claimed, Self::Failed, Self::Filed];

    fn admits(self, state: &RowState, urgency: Urgency) -> bool {
        match self {
            Self::All => true,
            Self::Urgent => urgency != Urgency::Calm && *state != RowState::Filed,
            Self::New => *state == RowState::New,
            Self::Claimed => matches!(state, RowState::ClaimedByMe | RowState::ClaimedBy(_) | RowState::Filing),
            Self::Failed => {
                matches!(state, RowState::Failed | RowState::Interrupted | RowState::Quarantined | RowState::NotScanned)
            }
            Self::Filed => *state == RowState::Filed,
        }
    }
}

/// Row order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// Oldest submission first (the outbox's order).
    #[default]
    Oldest,
    /// Newest first.
    Newest,
    /// By service name, then oldest first.
    Service,
    /// By submitter name.
    Submitter,
    /// Earliest due date first (rows without a deadline after them, oldest first).
    Deadline,
}

impl Sort {
    /// In menu order.
    pub const ALL: [Self; 5] = [Self::Oldest, Self::Newest, Self::Deadline, Self::Service, Self::Submitter];
}

/// What the clerk asked the list to show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListOptions {
    /// Free text over title, service, submitter and id.
    pub text: String,
    /// Only this service.
    pub service: Option<String>,
    /// Only these states.
    pub state: StateFilter,
    /// Order.
    pub sort: Sort,
    /// Leave out the rows filed (by this desk) since the list came.
    pub hide_filed: bool,
}

/// Pending transactions of one service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceCount {
    /// Service id.
    pub id: String,
    /// Service name.
    pub name: String,
    /// Rows not yet filed.
    pub pending: usize,
}

/// The inbox's rows and the view of them.
#[derive(Debug, Default)]
pub struct InboxModel {
    clerk: String,
    rows: Vec<TransactionSummary>,
    haystacks: Vec<String>,
    local: HashMap<String, RowState>,
    /// What the clerk asked to see; changes are noticed on the next [`InboxModel::visible`].
    pub options: ListOptions,
    view: Option<(ListOptions, Vec<usize>)>,
    counts: Vec<ServiceCount>,
    /// Handling deadlines in days, by service id, of the services that have a mapping (`None`:
    /// the mapping sets none); any other service's deadline is the law's, or unknown.
    deadlines: HashMap<String, Option<u32>>,
    /// Today in Helsinki, as waiting times are counted.
    today: chrono::NaiveDate,
    /// Rows not filed that are overdue, counted when the rows, states or deadlines change (not
    /// every frame).
    overdue: usize,
    /// Secrecy by service and the office's recent filings.
    facts: TriageFacts,
    /// Possible duplicates by row id, found when the rows or the facts change.
    duplicates: HashMap<String, Vec<Duplicate>>,
    /// Diary numbers of the rows filed by this desk, so the filter finds them by it.
    diaries: HashMap<String, String>,
}

impl InboxModel {
    /// An empty inbox of `clerk`.
    pub fn new(clerk: &str) -> Self {
        Self { clerk: clerk.to_owned(), ..Self::default() }
    }

    /// Takes a fresh list from the outbox. Rows this desk filed stay, marked filed, so the clerk
    /// sees what was done; the selection is kept by id by the caller.
    pub fn replace(&mut self, fresh: Vec<TransactionSummary>) {
        let kept: Vec<TransactionSummary> = std::mem::take(&mut self.rows)
            .into_iter()
            .filter(|r| self.local.get(&r.id) == Some(&RowState::Filed) && !fresh.iter().any(|f| f.id == r.id))
            .collect();
        self.rows = fresh;
        self.rows.extend(kept);
        self.rows.sort_by(|a, b| a.submitted_at.cmp(&b.submitted_at).then_with(|| a.id.cmp(&b.id)));
        self.haystacks = self
            .rows
            .iter()
            .map(|r| format!("{}\n{}\n{}\n{}", r.title, r.service.name, r.submitter_name, r.id).to_lowercase())
            .collect();
        self.changed();
    }

    /// This desk's own states of its rows (filing, interrupted, failed, filed), as the desk's
    /// filings say them; every other row's state is its claim's.
    pub fn set_states(&mut self, states: impl IntoIterator<Item = (String, RowState)>) {
        let states: HashMap<String, RowState> = states.into_iter().collect();
        if states != self.local {
            self.local = states;
            self.changed();
        }
    }

    /// Sets one row's own state (the tests' shorthand for [`InboxModel::set_states`]).
    #[cfg(test)]
    pub fn set_local(&mut self, id: &str, state: Option<RowState>) {
        let mut states = self.local.clone();
        match state {
            Some(state) => states.insert(id.to_owned(), state),
            None => states.remove(id),
        };
        self.set_states(states);
    }

    fn changed(&mut self) {
        self.view = None;
        let mut counts: Vec<ServiceCount> = Vec::new();
        for row in &self.rows {
            let pending = usize::from(self.local.get(&row.id) != Some(&RowState::Filed));
            match counts.iter_mut().find(|c| c.id == row.service.id) {
                Some(count) => count.pending += pending,
                None => {
                    let (id, name) = (row.service.id.clone(), row.service.name.clone());
                    counts.push(ServiceCount { id, name, pending });
                }
            }
        }
        counts.sort_by(|a, b| a.name.cmp(&b.name));
        self.counts = counts;
        self.overdue = self.count_overdue();
        self.duplicates = triage::duplicates(&self.rows, &self.facts.filed);
    }

    /// Weighs the rows against `facts` (secrecy by service, the office's recent filings); the
    /// duplicates are found again only when they changed.
    pub fn set_facts(&mut self, facts: TriageFacts) {
        if facts != self.facts {
            self.facts = facts;
            self.changed();
        }
    }

    /// The publicity of `row`'s service in words (with its secrecy basis), when its mapping
    /// files into material that is not public, or when its secrecy is not known (no checked
    /// mapping, no catalog): then it is treated as secret.
    pub fn secret(&self, row: &TransactionSummary) -> Option<&str> {
        match self.facts.secret.get(&row.service.id) {
            Some((_, words)) => Some(words.as_str()),
            None if self.facts.known.contains(&row.service.id) => None,
            None => Some(self.facts.unknown.as_str()),
        }
    }

    /// Whether `row`'s secrecy is not known (treated as secret).
    pub fn secrecy_unknown(&self, row: &TransactionSummary) -> bool {
        !self.facts.secret.contains_key(&row.service.id) && !self.facts.known.contains(&row.service.id)
    }

    /// Whether `row`'s service files wholly secret material (not only partly secret), or its
    /// secrecy is not known.
    pub fn wholly_secret(&self, row: &TransactionSummary) -> bool {
        self.facts.secret.get(&row.service.id).map_or_else(|| self.secrecy_unknown(row), |(wholly, _)| *wholly)
    }

    /// Rows not filed that carry each badge: (secret, henkilötunnus, possible duplicate).
    pub fn flagged(&self) -> (usize, usize, usize) {
        let open = self.rows.iter().filter(|r| self.state(r) != RowState::Filed);
        open.fold((0, 0, 0), |(s, p, d), r| {
            (
                s + usize::from(self.secret(r).is_some()),
                p + usize::from(r.holds_personal_id),
                d + usize::from(self.duplicates.contains_key(&r.id)),
            )
        })
    }

    /// The transactions `id` may repeat.
    pub fn duplicates(&self, id: &str) -> &[Duplicate] {
        self.duplicates.get(id).map(Vec::as_slice).unwrap_or_default()
    }

    /// Remembers the diary number `id` was filed onto, for the filter.
    pub fn set_diary(&mut self, id: &str, diary: &str) {
        if self.diaries.get(id).map(String::as_str) != Some(diary) {
            self.diaries.insert(id.to_owned(), diary.to_lowercase());
            self.view = None;
        }
    }

    /// Uses these handling deadlines (days, by service id) and `today` (Helsinki) for the rows'
    /// waiting times; the view is computed again only when either changed.
    pub fn set_deadlines(&mut self, deadlines: HashMap<String, Option<u32>>, today: chrono::NaiveDate) {
        if deadlines != self.deadlines || today != self.today {
            (self.deadlines, self.today) = (deadlines, today);
            self.view = None;
            self.overdue = self.count_overdue();
        }
    }

    /// How long `row` has waited and when it is due.
    pub fn waiting(&self, row: &TransactionSummary) -> Waiting {
        let deadline = match self.deadlines.get(&row.service.id) {
            Some(days) => Deadline::Mapped(*days),
            None => crate::domain::waiting::law_default(&row.service.id, &row.service.name)
                .map_or(Deadline::Unknown, Deadline::Law),
        };
        Waiting::under(row.submitted_at, deadline, self.today)
    }

    /// The day waiting times are counted on.
    pub fn today(&self) -> chrono::NaiveDate {
        self.today
    }

    /// Rows not filed whose handling is overdue.
    pub fn overdue(&self) -> usize {
        self.overdue
    }

    fn count_overdue(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| self.state(r) != RowState::Filed && self.waiting(r).urgency == Urgency::Overdue)
            .count()
    }

    /// The state of a row.
    pub fn state(&self, row: &TransactionSummary) -> RowState {
        if let Some(local) = self.local.get(&row.id) {
            return local.clone();
        }
        match &row.claim {
            Some(claim) if claim.holder == self.clerk => RowState::ClaimedByMe,
            Some(claim) => RowState::ClaimedBy(claim.holder.clone()),
            None => RowState::New,
        }
    }

    /// Every row, oldest first.
    pub fn rows(&self) -> &[TransactionSummary] {
        &self.rows
    }

    /// A row by id.
    pub fn row(&self, id: &str) -> Option<&TransactionSummary> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// Rows not filed yet, per service, by service name.
    pub fn counts(&self) -> &[ServiceCount] {
        &self.counts
    }

    /// Rows not filed yet.
    pub fn pending(&self) -> usize {
        self.counts.iter().map(|c| c.pending).sum()
    }

    /// Indices into [`InboxModel::rows`] of the rows the options let through, in their order.
    pub fn visible(&mut self) -> &[usize] {
        if self.view.as_ref().is_none_or(|(options, _)| *options != self.options) {
            let indices = self.compute();
            self.view = Some((self.options.clone(), indices));
        }
        self.view.as_ref().map(|(_, v)| v.as_slice()).unwrap_or_default()
    }

    /// The view as last computed by [`InboxModel::visible`], for drawing while other fields are
    /// borrowed.
    pub fn visible_cached(&self) -> &[usize] {
        self.view.as_ref().map(|(_, v)| v.as_slice()).unwrap_or_default()
    }

    fn compute(&self) -> Vec<usize> {
        let needle = self.options.text.trim().to_lowercase();
        let words: Vec<&str> = needle.split_whitespace().collect();
        let mut indices: Vec<usize> = (0..self.rows.len())
            .filter(|&i| {
                let row = &self.rows[i];
                if self.options.service.as_ref().is_some_and(|s| *s != row.service.id) {
                    return false;
                }
                // A row filed here is found by its diary number too; most rows have none.
                let diary = || self.diaries.get(&row.id).map(String::as_str).unwrap_or_default();
                if !words
                    .iter()
                    .all(|w| self.haystacks[i].contains(w) || (!self.diaries.is_empty() && diary().contains(w)))
                {
                    return false;
                }
                let state = self.state(row);
                if self.options.hide_filed && state == RowState::Filed {
                    return false;
                }
                // The waiting time is counted only for the filter that needs it.
                let urgency =
                    if self.options.state == StateFilter::Urgent { self.waiting(row).urgency } else { Urgency::Calm };
                self.options.state.admits(&state, urgency)
            })
            .collect();
        let rows = &self.rows;
        match self.options.sort {
            Sort::Oldest => {}
            Sort::Newest => indices.reverse(),
            Sort::Service => indices.sort_by(|&a, &b| rows[a].service.name.cmp(&rows[b].service.name)),
            Sort::Submitter => indices.sort_by(|&a, &b| rows[a].submitter_name.cmp(&rows[b].submitter_name)),
            Sort::Deadline => indices.sort_by_key(|&i| {
                let due = self.waiting(&rows[i]).due;
                (due.is_none(), due)
            }),
        }
        indices
    }
}

#[cfg(test)]
mod tests;
