//! Seed transactions and the repo's mappings for the desk's unit tests (a `tests.rs`, so the
//! layer check lets it use the sandbox).

use crate::domain::Transaction;
use crate::mappings::ServiceMapping;

/// The first transaction of `service` in the sandbox's default seed.
pub fn transaction(service: &str) -> Transaction {
    let data = crate::sandbox::seed::seed_data(crate::sandbox::seed::DEFAULT_SEED);
    let found = data.transactions.iter().find(|t| t.transaction.service.id == service);
    found.map(|t| t.transaction.clone()).unwrap_or_else(|| panic!("the seed has no {service} transaction"))
}

/// The repo's mapping of `service`.
pub fn mapping(service: &str) -> ServiceMapping {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("mappings/{service}.toml"));
    crate::mappings::load_file(&path).unwrap_or_else(|e| panic!("{e}"))
}
