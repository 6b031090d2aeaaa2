//! Kirjaamo files ePalvelu e-service transactions into the TWeb case management system.
//!
//! The crate is laid out by architecture: [`domain`] holds pure types, [`contract`] the wire types
//! of the two HTTP APIs, and [`sandbox`] a strict simulator of both APIs used for demos, training
//! and tests.

pub mod connection;
pub mod contract;
pub mod credentials;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod logging;
pub mod mappings;
pub mod outbox;
pub mod pdf;
pub mod preview;
pub mod remote;
pub mod sandbox;
pub mod settings;
pub mod tweb;
pub mod ui;

/// An error and its causes on one line, `outer: cause: root` (what `{:#}` shows for anyhow).
pub fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
