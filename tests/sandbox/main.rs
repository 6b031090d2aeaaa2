//! Integration tests of the sandbox over real HTTP on 127.0.0.1: every endpoint of both contracts,
//! their error cases, fault injection, `--data` and `--state`, the CLI and the committed contracts.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

mod assignments;
mod cases;
mod catalog;
mod cli;
mod common;
mod completed;
mod conformance;
mod contracts;
mod documents;
mod faults;
mod outbox;
mod persistence;
mod seed;
mod strict;
