//! The export engine against the sandbox over real HTTP: the three actions end to end, a fault
//! soak, several clerks at once, and resuming after an interruption.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

mod access_log;
mod actions;
mod bad_input;
mod central;
mod clerks;
mod common;
mod connection;
mod crash;
#[path = "../support/faults.rs"]
mod faults;
mod journal_faults;
mod logs;
mod mappings_cli;
mod migration;
mod pace;
mod prism;
mod protection;
mod race;
mod retention;
mod secrets;
mod service;
mod soak;
mod tls;
mod truth;
