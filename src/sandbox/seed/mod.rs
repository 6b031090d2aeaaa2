//! Realistic Finnish seed data for the sandbox: a TWeb catalog, existing cases and a pending
//! ePalvelu outbox, all repeatable from a seed.

mod cases;
mod catalog;
mod files;
pub mod malware;
mod people;
mod photo;
mod rng;
mod sections;
mod services;
mod services_more;
mod spec;
mod transactions;

use std::sync::{Arc, Mutex};

use chrono::Utc;

pub use cases::SeedCases;
pub use catalog::Catalog;
pub use rng::SeedRng;
pub use transactions::{FILED, SeedTransaction};

/// The seed outbox at `now` (pending, filed), for tests of what is built on it.
#[cfg(test)]
pub(crate) fn outbox_at(seed: u64, now: chrono::DateTime<Utc>) -> (Vec<SeedTransaction>, Vec<SeedTransaction>) {
    transactions::generate(seed, now)
}

use crate::domain::Language;

/// The seed the sandbox uses unless told otherwise.
pub const DEFAULT_SEED: u64 = 2026;

/// Everything the sandbox starts from.
#[derive(Debug)]
pub struct SeedData {
    /// The TWeb catalog.
    pub catalog: Catalog,
    /// Existing TWeb cases and documents.
    pub cases: SeedCases,
    /// The pending outbox.
    pub transactions: Vec<SeedTransaction>,
    /// Transactions other clerks filed earlier (half today, half yesterday): the sandbox files them
    /// into TWeb and completes them in the outbox at start.
    pub filed: Vec<SeedTransaction>,
}

/// A seed e-service and the case group its transactions usually go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedService {
    /// Service id.
    pub id: &'static str,
    /// Name in Finnish.
    pub name_fi: &'static str,
    /// Name in Swedish.
    pub name_sv: &'static str,
    /// Usual case group code.
    pub case_group: &'static str,
}

/// The e-services of the seed outbox.
pub fn services() -> Vec<SeedService> {
    services::all()
        .iter()
        .map(|s| SeedService { id: s.id, name_fi: s.fi, name_sv: s.sv, case_group: s.case_group })
        .collect()
}

/// The built-in TWeb catalog.
pub fn catalog() -> Catalog {
    catalog::catalog()
}

fn build(seed: u64) -> SeedData {
    let now = Utc::now();
    let (mut transactions, filed) = transactions::generate(seed, now);
    let catalog = catalog::catalog();
    let mut rng = SeedRng::new(seed ^ 0xCA5E);
    let known: Vec<_> = transactions.iter().map(|t| t.transaction.submitter.clone()).collect();
    let strangers: Vec<_> = (0..30)
        .map(|i| {
            let language = if i % 5 == 0 { Language::Sv } else { Language::Fi };
            people::person(&mut rng, language, true).submitter
        })
        .collect();
    let cases = cases::generate(&mut rng, &catalog, &known, &strangers, 48, now);
    refer_to_cases(&mut transactions, &cases.cases);
    malware::plant(&mut transactions);
    SeedData { catalog, cases, transactions, filed }
}

/// Two citizens name an earlier case in their form: one names a case they are a party of, the
/// other mistypes a number that is another citizen's case.
fn refer_to_cases(transactions: &mut [SeedTransaction], cases: &[crate::domain::Case]) {
    let party_of = |t: &SeedTransaction| {
        cases.iter().find(|c| c.parties.iter().any(|p| p.name == t.transaction.submitter.name)).cloned()
    };
    let own = transactions.iter().position(|t| party_of(t).is_some());
    let Some(own) = own else { return };
    if let Some(case) = party_of(&transactions[own]) {
        let line = match transactions[own].transaction.language {
            Language::Fi => format!("Jatkoa asiaan {}, jonka vireille panin aiemmin.", case.diary_number),
            Language::Sv => format!("Fortsättning på ärende {} som jag inledde tidigare.", case.diary_number),
        };
        refer(&mut transactions[own].transaction, line);
    }
    let stranger = cases
        .iter()
        .find(|c| c.parties.iter().all(|p| transactions.iter().all(|t| t.transaction.submitter.name != p.name)));
    let other =
        transactions.iter().rposition(|t| t.transaction.service.id == "vahingonkorvaus" && party_of(t).is_none());
    if let (Some(case), Some(other)) = (stranger, other) {
        let line = match transactions[other].transaction.language {
            Language::Fi => format!("Viite: {}", case.diary_number),
            Language::Sv => format!("Referens: {}", case.diary_number),
        };
        refer(&mut transactions[other].transaction, line);
    }
}

fn refer(transaction: &mut crate::domain::Transaction, line: String) {
    let (label, section) = match transaction.language {
        Language::Fi => ("Aiempi asia", "Lisätiedot"),
        Language::Sv => ("Tidigare ärende", "Tilläggsuppgifter"),
    };
    transaction.fields.push(crate::domain::FormField {
        key: "aiempi_asia".to_owned(),
        label: label.to_owned(),
        value: line,
        kind: crate::domain::FieldKind::Text,
        section: Some(section.to_owned()),
    });
}

/// The seed data for `seed`. Generating attachments takes a moment, so the result is kept for the
/// process (tests start many sandboxes) and shared.
pub fn seed_data(seed: u64) -> Arc<SeedData> {
    static CACHE: Mutex<Vec<(u64, Arc<SeedData>)>> = Mutex::new(Vec::new());
    let mut cache = CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, data)) = cache.iter().find(|(s, _)| *s == seed) {
        return Arc::clone(data);
    }
    let data = Arc::new(build(seed));
    cache.push((seed, Arc::clone(&data)));
    data
}
