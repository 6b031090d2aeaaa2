//! The service layer the desk and `kirjaamo export` share, without egui: a connection → its
//! clients, exporter and journal ([`Services`]); the mappings checked against TWeb's catalog
//! ([`CheckedMappings`]); and the one way a mapping becomes a [`crate::export::FilingPlan`], with
//! the one set of rules a plan must meet ([`plan`]). A mapping that fails the check, or that
//! cannot be checked yet because the catalog has not arrived, files nothing anywhere.

mod checked;
pub mod plan;
mod services;

pub use checked::{CatalogError, CheckedMappings, Unusable, fetch_and_check, fetch_and_check_dir};
pub use plan::{Missing, PlanError, from_mapping};
pub use services::{ServiceError, Services, journal_for, purge_expired};
