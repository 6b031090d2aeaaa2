//! What the desk weighs before and after a filing: which services file secret material, which
//! rows repeat others, which cases a form names, what the clerk confirms by filing, and where the
//! selection moves on to.

use std::collections::HashMap;

use super::DeskApp;
use crate::domain::{Case, Catalog, PublicityClass, RecordsProperties, TransactionId};
use crate::ui::desk::draft::{Action, Draft, PickedCase};
use crate::ui::desk::filing::Suggestion;
use crate::ui::desk::inbox_model::{RowState, TriageFacts};

/// How many days back the office's filings are read for repeats and the day list.
pub const RECENT_DAYS: i64 = 14;

/// The strictest records properties of `all` that are not public, in words with their basis.
fn first_secret<'a>(t: &crate::i18n::Texts, all: impl IntoIterator<Item = &'a RecordsProperties>) -> Option<String> {
    strictest(all).map(|r| crate::ui::widgets::publicity(t, r))
}

fn strictest<'a>(all: impl IntoIterator<Item = &'a RecordsProperties>) -> Option<&'a RecordsProperties> {
    all.into_iter().filter(|r| r.publicity != PublicityClass::Public).max_by_key(|r| r.publicity)
}

fn picked(case: &Case) -> PickedCase {
    PickedCase { id: case.id, diary_number: case.diary_number.clone(), title: case.title.clone() }
}

impl DeskApp {
    /// The secrecy of each service's default filing and the office's recent filings. A service's
    /// secrecy is known only from a checked mapping whose case group and document types are all
    /// in TWeb's catalog; any other service's rows are treated as secret.
    pub(super) fn triage_facts(&self) -> TriageFacts {
        let mut secret = HashMap::new();
        let mut known = std::collections::HashSet::new();
        if let Some(catalog) = self.catalog.value() {
            for mapping in self.backend.mappings() {
                if self.usable_mapping(&mapping.service).is_none() {
                    continue;
                }
                let group = match mapping.case_group.as_deref() {
                    Some(code) => match catalog.case_group(code) {
                        Some(group) => Some(&group.records),
                        None => continue,
                    },
                    None => None,
                };
                let codes = std::iter::once(&mapping.form_document_type)
                    .chain(std::iter::once(&mapping.attachment_document_type))
                    .chain(mapping.attachment_rules.iter().map(|r| &r.document_type));
                let Some(types) =
                    codes.map(|code| catalog.document_type(code).map(|d| &d.records)).collect::<Option<Vec<_>>>()
                else {
                    continue;
                };
                known.insert(mapping.service.clone());
                if let Some(records) = strictest(group.into_iter().chain(types)) {
                    let words = crate::ui::widgets::publicity(&self.texts, records);
                    secret.insert(mapping.service.clone(), (records.publicity == PublicityClass::Secret, words));
                }
            }
        }
        TriageFacts {
            secret,
            known,
            unknown: self.texts.get("secrecy-unknown"),
            filed: self.recent.value().cloned().unwrap_or_default(),
        }
    }

    /// The secrecy the draft's filing gets from TWeb's records plan, in words, when not public:
    /// the case group (or the picked case) and every document type it uses.
    pub(super) fn draft_secrecy(&self, draft: &Draft) -> Option<String> {
        let catalog: &Catalog = self.catalog.value()?;
        let case = match draft.action {
            Action::NewCase => catalog.case_group(draft.case_group.trim()).map(|g| g.records.clone()),
            Action::ExistingCase => draft.case.as_ref().and_then(|p| self.known_case(p.id)).map(|c| c.records.clone()),
            Action::AssignmentOnly => None,
        };
        let types = std::iter::once(&draft.form_document_type)
            .chain(std::iter::once(&draft.attachment_document_type))
            .chain(draft.attachment_rules.iter().map(|r| &r.document_type))
            .filter_map(|code| catalog.document_type(code.trim()).map(|d| d.records.clone()));
        let all: Vec<RecordsProperties> = case.into_iter().chain(types).collect();
        first_secret(&self.texts, &all)
    }

    /// A case the desk has seen (searched, the submitter's own, named in a form).
    pub(super) fn known_case(&self, id: u64) -> Option<&Case> {
        let cases = &self.cases;
        let results = cases.results.value().into_iter().flatten();
        let own = cases.submitter.values().filter_map(|r| r.value()).flatten();
        let named = cases.named.values().filter_map(|r| r.value()).flatten().map(|n| &n.case);
        results.chain(own).chain(named).find(|c| c.id == id)
    }

    /// When the draft files onto a case whose parties do not include the submitter, the words
    /// that say so (the desk asks once before filing).
    pub(super) fn other_party(&self, draft: &Draft) -> Option<String> {
        let transaction = self.selected_transaction().filter(|t| t.id == draft.transaction_id)?;
        if draft.action != Action::ExistingCase {
            return None;
        }
        let case = self.known_case(draft.case.as_ref()?.id)?;
        let submitter = &transaction.submitter;
        let theirs = case.parties.iter().any(|p| match (&p.personal_id, &submitter.personal_id) {
            (Some(a), Some(b)) => a == b,
            _ => p.name.trim().eq_ignore_ascii_case(submitter.name.trim()),
        });
        let names = case.parties.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ");
        let names = if names.is_empty() { "–".to_owned() } else { names };
        (!theirs).then(|| {
            self.texts.with(
                "filing-other-party",
                &[
                    ("diary", (&case.diary_number).into()),
                    ("submitter", (&submitter.name).into()),
                    ("parties", (&names).into()),
                ],
            )
        })
    }

    /// What filing the selected transaction asks the clerk to confirm, in words.
    pub(super) fn asks(&self, draft: &Draft) -> Vec<String> {
        let unknown = self.model.row(&draft.transaction_id).is_some_and(|r| self.model.secrecy_unknown(r));
        let secrecy = match self.draft_secrecy(draft) {
            Some(s) => Some(self.texts.with("filing-ask-secret", &[("publicity", (&s).into())])),
            None if unknown => Some(self.texts.get("filing-ask-secrecy-unknown")),
            None => None,
        };
        let protected = self.model.row(&draft.transaction_id).filter(|r| r.protection_order).map(|_| {
            match draft.secret_address_document_type.as_deref() {
                Some(code) => self.texts.with("filing-ask-protection-order-document", &[("type", code.into())]),
                None => self.texts.get("filing-ask-protection-order"),
            }
        });
        secrecy.into_iter().chain(protected).chain(self.closed_case(draft)).chain(self.other_party(draft)).collect()
    }

    /// When the draft files onto a case that has ended (päättynyt), the words that say so (the
    /// desk asks once before filing).
    pub(super) fn closed_case(&self, draft: &Draft) -> Option<String> {
        let picked = draft.case.as_ref().filter(|_| draft.action == Action::ExistingCase)?;
        let case = self.known_case(picked.id)?;
        (case.status == crate::domain::CaseStatus::Closed)
            .then(|| self.texts.with("filing-ask-closed-case", &[("diary", (&case.diary_number).into())]))
    }

    /// Cases to file the selected transaction onto: the ones its form names (with the field),
    /// then the cases its filed repeats went onto.
    pub(super) fn suggestions(&self, id: &str) -> Vec<Suggestion> {
        let t = &self.texts;
        let named = self.cases.named.get(id).and_then(|r| r.value()).into_iter().flatten().map(|n| Suggestion {
            why: t.with(
                "suggest-named",
                &[
                    ("field", (&n.reference.field).into()),
                    ("diary", (&n.case.diary_number).into()),
                    ("title", (&n.case.title).into()),
                ],
            ),
            case: picked(&n.case),
        });
        let repeats = self.model.duplicates(id).iter().filter_map(|d| {
            let (diary, case_id) = d.case.clone()?;
            let title = self
                .recent
                .value()
                .into_iter()
                .flatten()
                .find(|f| f.transaction.id == d.id)
                .and_then(|f| f.completion.result.case_title.clone())
                .unwrap_or_default();
            let why = t.with("suggest-repeat", &[("id", (&d.id).into()), ("diary", (&diary).into())]);
            Some(Suggestion { why, case: PickedCase { id: case_id, diary_number: diary, title } })
        });
        // TWeb's side: a case of the same submitter in the service's case group, received in
        // the last days (a repeat that came another way, or a matter already open).
        let group = self.drafts.get(id).map(|d| d.case_group.trim().to_owned()).unwrap_or_default();
        let since = crate::domain::helsinki::today() - chrono::Duration::days(RECENT_DAYS);
        let own = self.cases.submitter.get(id).and_then(|r| r.value()).into_iter().flatten();
        let recent_cases =
            own.filter(move |c| !group.is_empty() && c.case_group == group && c.received_date >= since).map(|c| {
                let received = c.received_date.format("%-d.%-m.%Y").to_string();
                let why = t.with(
                    "suggest-recent-case",
                    &[("diary", (&c.diary_number).into()), ("received", (&received).into())],
                );
                Suggestion { why, case: picked(c) }
            });
        let mut out: Vec<Suggestion> = Vec::new();
        for s in named.chain(repeats).chain(recent_cases) {
            if !out.iter().any(|o| o.case.id == s.case.id) {
                out.push(s);
            }
        }
        out
    }

    /// Files onto `case`: the existing-case action with it picked.
    pub(super) fn pick_case(&mut self, case: PickedCase) {
        let Some(id) = self.selected.clone() else { return };
        self.choose_action(Action::ExistingCase);
        if let Some(draft) = self.drafts.get_mut(&id) {
            draft.case = Some(case);
        }
    }

    /// After `filed` was filed while selected: the next row not filed below it (or above, at the
    /// end of the list), when the clerk keeps moving on (the default). The receipt stays in the
    /// filing panel.
    pub(super) fn move_on(&mut self, filed: &str) {
        // Only on the desk: a retry from the failed view leaves the clerk there.
        if !self.move_on || self.view != super::View::Desk || self.selected.as_deref() != Some(filed) {
            return;
        }
        self.model.visible();
        let (visible, rows) = (self.model.visible_cached(), self.model.rows());
        let Some(at) = visible.iter().position(|&i| rows[i].id == filed) else { return };
        let open = |&&i: &&usize| !matches!(self.model.state(&rows[i]), RowState::Filed | RowState::Filing);
        let next = visible[at + 1..].iter().find(open).or_else(|| visible[..at].iter().rev().find(open));
        if let Some(next) = next.map(|&i| rows[i].id.clone()) {
            self.select(&next);
            self.previous = Some(TransactionId::new(filed));
            self.scroll_to_selected = true;
        }
    }

    /// The possible duplicates of `id` in words, each with whether it can be selected (it is in
    /// the inbox).
    pub(super) fn duplicate_words(&self, id: &str) -> Vec<(String, String, bool)> {
        let t = &self.texts;
        self.model
            .duplicates(id)
            .iter()
            .map(|d| {
                let row = self.model.row(&d.id);
                let when = row.map(|r| t.timestamp(r.submitted_at)).unwrap_or_default();
                let words = match (&d.case, d.filed, d.same_answers) {
                    (Some((diary, _)), _, _) => {
                        t.with("duplicate-filed", &[("id", (&d.id).into()), ("diary", diary.into())])
                    }
                    (None, true, _) => t.with("duplicate-filed-no-case", &[("id", (&d.id).into())]),
                    (None, false, true) => {
                        t.with("duplicate-same", &[("id", (&d.id).into()), ("when", (&when).into())])
                    }
                    (None, false, false) => {
                        t.with("duplicate-pending", &[("id", (&d.id).into()), ("when", (&when).into())])
                    }
                };
                (d.id.clone(), words, row.is_some())
            })
            .collect()
    }
}
