//! Subcommands of the `kirjaamo` binary that are more than a few lines.

pub mod audit;
pub mod batch;
pub mod central;
pub mod conformance;
pub mod connect;
pub mod export;
pub mod mappings;
pub mod os;
pub mod progress_line;
pub mod purge;
pub mod said;
pub mod scan;
pub mod secrets;
pub mod service;
pub mod winservice;
