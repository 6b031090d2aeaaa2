//! What triage asks of the servers: the office's completed filings (for the day list and for
//! recognising a repeat) and the cases a form names.

use std::sync::Arc;

use super::{Backend, plain};
use crate::contract::outbox::CompletedTransaction;
use crate::contract::tweb::CaseQuery;
use crate::domain::Case;
use crate::domain::reference::{Named, Reference};
use crate::plain::Told;
use crate::tweb::CaseSystem as _;

/// A case a form named, as TWeb has it.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedCase {
    /// What the form said and where.
    pub reference: Reference,
    /// The case.
    pub case: Case,
}

impl Backend {
    /// Every transaction the office completed on the Helsinki days `from`..=`to`, latest first,
    /// as work for a `Requested` value.
    pub fn completed(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> impl Future<Output = Result<Vec<CompletedTransaction>, Told>> + Send + 'static {
        let outbox = self.outbox.clone();
        async move { outbox.completed(from, to).await.map_err(plain) }
    }

    /// The cases that `references` name and TWeb has (a number TWeb does not know is left out),
    /// in the form's order, as work for a `Requested` value.
    pub fn named_cases(
        &self,
        references: Vec<Reference>,
    ) -> impl Future<Output = Result<Vec<NamedCase>, Told>> + Send + 'static {
        let tweb = Arc::clone(&self.tweb);
        async move {
            let mut found = Vec::new();
            for reference in references {
                let query = match &reference.named {
                    Named::DiaryNumber(diary) => {
                        CaseQuery { diary_number: Some(diary.clone()), ..CaseQuery::default() }
                    }
                    Named::ExternalRef(r) => CaseQuery { external_ref: Some(r.clone()), ..CaseQuery::default() },
                };
                let page = tweb.search_cases(&query).await.map_err(plain)?;
                // The diary number query matches a beginning: keep only the case it names exactly.
                let exact = page.items.into_iter().find(|c| match &reference.named {
                    Named::DiaryNumber(diary) => c.diary_number == *diary,
                    Named::ExternalRef(r) => c.external_ref.as_deref() == Some(r.as_str()),
                });
                if let Some(case) = exact {
                    found.push(NamedCase { reference, case });
                }
            }
            Ok(found)
        }
    }
}
