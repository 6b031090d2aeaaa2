//! Realistic Finnish seed data for the sandbox: a TWeb catalog, existing cases and a pending
//! ePalvelu outbox, all repeatable from a seed.

mod cases;
mod catalog;
mod files;
mod people;
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
pub use transactions::SeedTransaction;

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
    let transactions = transactions::generate(seed, now);
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
    SeedData { catalog, cases, transactions }
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
