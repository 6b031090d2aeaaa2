//! The export engine against the sandbox over real HTTP: the three actions end to end, a fault
//! soak, several clerks at once, and resuming after an interruption.

mod actions;
mod bad_input;
mod clerks;
mod common;
mod connection;
mod crash;
mod mappings_cli;
mod secrets;
mod soak;
mod tls;
