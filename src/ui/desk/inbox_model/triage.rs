//! What the inbox knows of each row beyond its state: whether its service files secret material,
//! and which other transactions may be the same matter (a double submission, or a repeat of one
//! the office filed lately).

use std::collections::{HashMap, HashSet};

use crate::contract::outbox::{CompletedTransaction, TransactionSummary};

/// Another transaction a row may repeat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// Its id.
    pub id: String,
    /// Its diary number and case id, when it was filed onto a case.
    pub case: Option<(String, u64)>,
    /// Whether it was filed already (by anyone).
    pub filed: bool,
    /// Whether its answers are the same (not only the submitter and the service).
    pub same_answers: bool,
}

/// What the rows are weighed against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TriageFacts {
    /// By service id, when the service's mapping files into a case group or document type that
    /// TWeb's records plan does not make public: whether wholly secret (not only partly), and the
    /// publicity in words with its secrecy basis.
    pub secret: HashMap<String, (bool, String)>,
    /// The services whose secrecy is known: a checked mapping whose case group and document
    /// types TWeb's catalog has. Any other service's secrecy is unknown, and its rows are
    /// treated as secret.
    pub known: HashSet<String>,
    /// What an unknown secrecy is called (in the desk's language).
    pub unknown: String,
    /// The office's filings of the last days (from the outbox's completed list).
    pub filed: Vec<CompletedTransaction>,
}

/// The most duplicates kept for one row: enough to link to, and 10,000 copies of one form cost
/// 10,000 × this, not 10,000².
pub const MAX_DUPLICATES: usize = 5;

/// Possible duplicates of every row that has any, by row id: pending rows of the same service
/// and submitter, and filings of the same service with the same answers (filings first, at most
/// [`MAX_DUPLICATES`]).
pub fn duplicates(rows: &[TransactionSummary], filed: &[CompletedTransaction]) -> HashMap<String, Vec<Duplicate>> {
    let mut by_submitter: HashMap<(&str, &str), Vec<&TransactionSummary>> = HashMap::new();
    for row in rows.iter().filter(|r| !r.submitter_ref.is_empty()) {
        by_submitter.entry((&row.service.id, &row.submitter_ref)).or_default().push(row);
    }
    let mut filed_by_digest: HashMap<(&str, &str), Vec<&CompletedTransaction>> = HashMap::new();
    for item in filed.iter().filter(|f| !f.transaction.content_digest.is_empty()) {
        let key = (item.transaction.service.id.as_str(), item.transaction.content_digest.as_str());
        filed_by_digest.entry(key).or_default().push(item);
    }
    let mut out: HashMap<String, Vec<Duplicate>> = HashMap::new();
    for row in rows {
        let mut found: Vec<Duplicate> = Vec::new();
        let filings = filed_by_digest.get(&(row.service.id.as_str(), row.content_digest.as_str()));
        for item in filings.into_iter().flatten().filter(|i| i.transaction.id != row.id).take(MAX_DUPLICATES) {
            let result = &item.completion.result;
            let case = result.diary_number.clone().zip(result.case_id);
            found.push(Duplicate { id: item.transaction.id.clone(), case, filed: true, same_answers: true });
        }
        let others = by_submitter.get(&(row.service.id.as_str(), row.submitter_ref.as_str()));
        for other in others.into_iter().flatten().filter(|o| o.id != row.id) {
            if found.len() >= MAX_DUPLICATES {
                break;
            }
            let same_answers = other.content_digest == row.content_digest && !row.content_digest.is_empty();
            found.push(Duplicate { id: other.id.clone(), case: None, filed: false, same_answers });
        }
        if !found.is_empty() {
            out.insert(row.id.clone(), found);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::outbox::{Completion, FilingAction, FilingResult};
    use crate::domain::{Language, Service};

    fn row(id: &str, service: &str, submitter: &str, digest: &str) -> TransactionSummary {
        TransactionSummary {
            id: id.to_owned(),
            service: Service { id: service.to_owned(), name: service.to_owned() },
            submitted_at: chrono::Utc::now(),
            language: Language::Fi,
            title: id.to_owned(),
            submitter_name: "Hakija".to_owned(),
            attachment_count: 0,
            attachment_bytes: 0,
            claim: None,
            holds_personal_id: false,
            protection_order: false,
            submitter_ref: submitter.to_owned(),
            content_digest: digest.to_owned(),
        }
    }

    #[test]
    fn a_submitter_s_second_transaction_of_a_service_and_a_repeat_of_a_filing_are_found() {
        let rows = vec![
            row("A", "pysakointi", "s1", "d1"),
            row("B", "pysakointi", "s1", "d2"),
            row("C", "melu", "s1", "d3"),
            row("D", "pysakointi", "s2", "d4"),
            row("E", "melu", "", "d5"),
            row("F", "melu", "", "d6"),
        ];
        let result = FilingResult {
            action: FilingAction::NewCase,
            case_id: Some(7),
            diary_number: Some("7/08.01.04/2026".to_owned()),
            document_ids: vec![1],
            assignment_id: None,
            case_title: None,
            documents: Vec::new(),
            assignment: None,
            left_out: Vec::new(),
        };
        let completion = Completion { completed_by: "Maija".to_owned(), completed_at: chrono::Utc::now(), result };
        let filed = vec![
            CompletedTransaction { transaction: row("Z", "pysakointi", "s9", "d4"), completion: completion.clone() },
            // The same answers in another service are not a repeat.
            CompletedTransaction { transaction: row("Y", "melu", "s9", "d1"), completion },
        ];
        let found = duplicates(&rows, &filed);
        assert_eq!(found["A"], vec![Duplicate { id: "B".into(), case: None, filed: false, same_answers: false }]);
        assert_eq!(found["B"][0].id, "A");
        let d = &found["D"];
        assert_eq!(
            d,
            &vec![Duplicate {
                id: "Z".into(),
                case: Some(("7/08.01.04/2026".into(), 7)),
                filed: true,
                same_answers: true
            }]
        );
        assert!(!found.contains_key("C"), "another service");
        assert!(!found.contains_key("E") && !found.contains_key("F"), "an unknown submitter is nobody's repeat");
    }
}
