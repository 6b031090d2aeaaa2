//! The export engine against the sandbox over real HTTP: the three actions end to end, a fault
//! soak, several clerks at once, and resuming after an interruption.

mod actions;
mod bad_input;
mod clerks;
mod common;
mod connection;
mod crash;
mod journal_faults;
mod logs;
mod mappings_cli;
mod migration;
mod secrets;
mod soak;
mod tls;
mod truth;
