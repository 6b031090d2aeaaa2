//! The filing's case: a new one opened exactly once by its external ref, or the existing one
//! the plan names, checked to still be that case.

use super::ExportError;
use super::engine::Exporter;
use super::events::{EventKind, Step};
use super::place::{Found, Place};
use super::plan::{FilingPlan, Target, refs, submitter_party};
use crate::contract::tweb::CreateCase;
use crate::domain::{Transaction, helsinki};
use crate::tweb::CaseSystem;

impl<C: CaseSystem + 'static> Exporter<C> {
    /// The case's id, diary number and title; all `None` for an assignment without a case.
    pub(super) async fn case(
        &self,
        plan: &FilingPlan,
        transaction: &Transaction,
    ) -> Result<(Option<u64>, Option<String>, Option<String>), ExportError> {
        let id = plan.transaction_id.as_str();
        match &plan.target {
            Target::NewCase { case_group, title, submitter_party: party } => {
                let request = CreateCase {
                    case_group: case_group.clone(),
                    title: title.clone(),
                    description: None,
                    parties: if *party { vec![submitter_party(transaction)] } else { Vec::new() },
                    received_date: Some(helsinki::date_of(transaction.submitted_at)),
                    external_ref: Some(refs::case(id)),
                };
                // The answer to the create is the case as made; one found by its ref is read again.
                let created = std::sync::Mutex::new(None);
                let case_id = self
                    .create_once(
                        id,
                        Step::Case,
                        Place::Anywhere,
                        || async {
                            let found = self.tweb.case_by_ref(&refs::case(id)).await?;
                            Ok(found.map(|c| Found { id: c.id, case_id: None }))
                        },
                        || async {
                            let case = self.tweb.create_case(&request).await?;
                            let case_id = case.id;
                            *created.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(case);
                            Ok(case_id)
                        },
                    )
                    .await?;
                let created = created.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
                let case = match created.filter(|c| c.id == case_id) {
                    Some(case) => case,
                    None => self
                        .retry(id, &Step::Case, || self.tweb.get_case(case_id))
                        .await
                        .map_err(|e| ExportError::step(Step::Case, e))?,
                };
                if case.external_ref.as_deref() != Some(refs::case(id).as_str()) {
                    return Err(ExportError::Misplaced {
                        step: Step::Case,
                        object_id: case.id,
                        found: None,
                        expected: None,
                    });
                }
                Ok((Some(case.id), Some(case.diary_number), Some(case.title)))
            }
            Target::ExistingCase { case_id, diary_number } => {
                self.emit(id, EventKind::Started(Step::Case));
                let case = self
                    .retry(id, &Step::Case, || self.tweb.get_case(*case_id))
                    .await
                    .map_err(|e| ExportError::step(Step::Case, e))?;
                if let Some(expected) = diary_number.as_ref().filter(|d| **d != case.diary_number) {
                    return Err(ExportError::CaseChanged {
                        case_id: case.id,
                        expected: expected.clone(),
                        found: case.diary_number,
                    });
                }
                self.emit(id, EventKind::Finished { step: Step::Case, object_id: Some(case.id), adopted: true });
                Ok((Some(case.id), Some(case.diary_number), Some(case.title)))
            }
            Target::AssignmentOnly => Ok((None, None, None)),
        }
    }
}
