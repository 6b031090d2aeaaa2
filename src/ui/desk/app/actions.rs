//! What the clerk's commands do: file one, file several, retry, cancel.

use super::DeskApp;
use super::runner::Work;
use crate::contract::outbox::ClaimInfo;
use crate::domain::TransactionId;
use crate::export::FilingPlan;
use crate::ui::desk::bulk_confirm::BulkConfirm;
use crate::ui::desk::draft::{Action, Draft};
use crate::ui::desk::filings::Request;
use crate::ui::desk::inbox::BulkRefusal;
use crate::ui::desk::inbox_model::{InboxModel, RowState};

/// Another clerk's live claim on transaction `id` in `model`, as `clerk` sees it.
pub(super) fn held_by_other<'a>(model: &'a InboxModel, clerk: &str, id: &str) -> Option<&'a ClaimInfo> {
    let claim = model.row(id)?.claim.as_ref()?;
    (claim.holder != clerk && claim.expires_at > chrono::Utc::now()).then_some(claim)
}

impl DeskApp {
    /// Files the selected transaction with the filing panel's choices (Enter). What the clerk
    /// confirms by filing (secret material, another party's or a closed case, a default not
    /// complete) is asked first, and the same Enter again files. Only a transaction whose content
    /// has been on screen for a moment, in a row the inbox shows, is filed; otherwise the panel
    /// says why and nothing starts ([`Filings`](crate::ui::desk::filings::Filings) decides).
    pub fn file_selected(&mut self) {
        self.request_filing(false);
    }

    /// The same for a click on the panel's button: the click answers what the panel shows beside
    /// it (the secrecy, the default's confirmation), not another party's or a closed case.
    pub(super) fn request_filing(&mut self, click: bool) {
        let Some(id) = self.selected.clone() else { return };
        let Some(draft) = self.drafts.get(&id) else { return };
        let (questions, incomplete) = if click {
            (self.closed_case(draft).into_iter().chain(self.other_party(draft)).collect(), false)
        } else {
            (self.asks(draft), !draft.complete_default)
        };
        let request = Request {
            id: id.clone(),
            seen: self.sight.check(&id, std::time::Instant::now()),
            held_by: self.held_by_other(&id).map(|c| c.holder.clone()),
            plan: draft.plan().ok(),
            questions,
            incomplete,
            pdf: self.preview.value().filter(|p| p.transaction_id == id).and_then(|p| p.bytes.clone().ok()),
        };
        let mut work = Work { backend: &self.backend, texts: &self.texts };
        self.filings.request(request, &mut work);
    }

    /// The ticked transactions that can be filed together: all of one service whose mapping
    /// gives a default without a clerk's choice, not filed or filing yet; or why not.
    pub fn bulk_ids(&self) -> Result<Vec<TransactionId>, BulkRefusal> {
        let rows: Vec<_> = self.checked.iter().filter_map(|id| self.model.row(id)).collect();
        let Some(first) = rows.first() else { return Err(BulkRefusal::NoneTicked) };
        if rows.iter().any(|r| r.service.id != first.service.id) {
            return Err(BulkRefusal::SeveralServices);
        }
        match self.usable_mapping(&first.service.id) {
            Some(m) if m.action != crate::mappings::DefaultAction::ExistingCase => {}
            _ => return Err(BulkRefusal::NoDefault),
        }
        Ok(rows
            .iter()
            .filter(|r| !matches!(self.model.state(r), RowState::Filed | RowState::Filing))
            .filter(|r| self.held_by_other(&r.id).is_none())
            .map(|r| TransactionId::new(r.id.clone()))
            .collect())
    }

    /// Another clerk's live claim on transaction `id`, as the inbox last showed it. Nothing is
    /// started on it until the lease has ended; then the outbox lets this desk take it over.
    pub fn held_by_other(&self, id: &str) -> Option<&ClaimInfo> {
        held_by_other(&self.model, self.backend.clerk(), id)
    }

    /// Asks the clerk to confirm filing the ticked transactions (Shift+Enter or the bulk bar's
    /// button): nothing is filed until they confirm, and then only what the confirmation listed.
    pub fn ask_bulk(&mut self) {
        let Ok(ids) = self.bulk_ids() else { return };
        let rows: Vec<_> = ids.iter().filter_map(|id| self.model.row(id)).collect();
        let Some(first) = rows.first() else { return };
        let names = rows.iter().take(BulkConfirm::NAMES).map(|r| r.submitter_name.clone()).collect();
        let service = first.service.name.clone();
        let secret = self.model.secret(first).map(str::to_owned).into_iter().collect();
        let protected = rows.iter().filter(|r| r.protection_order).count();
        self.bulk_confirm = Some(BulkConfirm { ids, service, names, secret, protected });
    }

    /// Files what the confirmation listed, with the clerk's choices where a draft was opened,
    /// else with the service's default (the backend reads each transaction for its templates).
    /// A row unticked, filed or filing since is left alone.
    pub fn confirm_bulk(&mut self) {
        let Some(confirm) = self.bulk_confirm.take() else { return };
        let Ok(still) = self.bulk_ids() else { return };
        let mut work = Work { backend: &self.backend, texts: &self.texts };
        for id in confirm.ids.into_iter().filter(|id| still.contains(id)) {
            match self.drafts.get(id.as_str()).map(Draft::plan) {
                Some(Ok(plan)) => {
                    self.filings.retry(plan, &mut work);
                }
                Some(Err(_)) => {}
                None => {
                    self.filings.file_default(&id, &mut work);
                }
            }
        }
    }

    /// Files a failed or interrupted filing again with the plan the journal kept.
    pub fn retry(&mut self, plan: FilingPlan) {
        let mut work = Work { backend: &self.backend, texts: &self.texts };
        self.filings.retry(plan, &mut work);
    }

    /// Retries every failed or interrupted filing.
    pub fn retry_all(&mut self) {
        let plans: Vec<FilingPlan> = self.unfinished.value().into_iter().flatten().map(|r| r.plan.clone()).collect();
        for plan in plans {
            self.retry(plan);
        }
    }

    /// Stops the selected transaction's filing.
    pub fn cancel_selected(&mut self) {
        if let Some(id) = &self.selected {
            self.filings.cancel(id);
        }
    }

    /// Makes the selected transaction's choices the default of its service (for a service with
    /// no usable mapping) and saves it into the mappings folder.
    pub fn save_draft_as_default(&mut self) {
        let Some(transaction) = self.selected_transaction() else { return };
        let Some(draft) = self.drafts.get(transaction.id.as_str()) else { return };
        let mut mapping = crate::ui::admin::blank(&transaction.service.id, &transaction.service.name);
        mapping.action = match draft.action {
            Action::NewCase => crate::mappings::DefaultAction::NewCase,
            Action::ExistingCase => crate::mappings::DefaultAction::ExistingCase,
            Action::AssignmentOnly => crate::mappings::DefaultAction::AssignmentOnly,
        };
        mapping.case_group = Some(draft.case_group.trim().to_owned()).filter(|g| !g.is_empty());
        mapping.submitter_is_party = draft.submitter_party;
        mapping.form_document_type = draft.form_document_type.trim().to_owned();
        mapping.attachment_document_type = draft.attachment_document_type.trim().to_owned();
        if draft.assign || draft.action == Action::AssignmentOnly {
            let today = crate::domain::helsinki::today();
            let due =
                crate::ui::desk::draft::parse_date(&draft.due).and_then(|d| u32::try_from((d - today).num_days()).ok());
            mapping.assignment = Some(crate::mappings::AssignmentDefaults {
                users: draft.users.clone(),
                groups: draft.groups.clone(),
                subject: "{service}: {submitter}".to_owned(),
                message: None,
                due_in_days: due.filter(|d| *d > 0),
            });
        }
        self.default_service = Some(mapping.service.clone());
        self.default_saved = None;
        let base = self.backend.mapping(&mapping.service).cloned();
        self.default_saving.request(&self.backend.spawner(), self.backend.save_mapping(mapping, base, false));
    }

    /// Ticks or unticks a row for bulk filing.
    pub fn toggle_checked(&mut self, id: TransactionId) {
        if !self.checked.remove(&id) {
            self.checked.insert(id);
        }
    }

    /// Chooses the action of the selected transaction's filing.
    pub fn choose_action(&mut self, action: Action) {
        let Some(id) = self.selected.clone() else { return };
        if let Some(draft) = self.drafts.get_mut(&id) {
            draft.set_action(action);
            if action == Action::ExistingCase {
                self.search_cases();
            }
        }
    }

    /// Sends the case search for the text typed.
    pub fn search_cases(&mut self) {
        let work = self.backend.search_cases(&self.cases.query);
        self.cases.results.request(&self.backend.spawner(), work);
    }
}
