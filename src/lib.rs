//! Kirjaamo files ePalvelu e-service transactions into the TWeb case management system.
//!
//! The crate is laid out by architecture: [`domain`] holds pure types, [`contract`] the wire types
//! of the two HTTP APIs, and [`sandbox`] a strict simulator of both APIs used for demos, training
//! and tests.

pub mod audit;
pub mod conformance;
pub mod connection;
pub mod contract;
pub mod credentials;
pub mod demo;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod logging;
pub mod mappings;
pub mod outbox;
pub mod paths;
pub mod pdf;
pub mod plain;
pub mod preview;
pub mod remote;
pub mod sandbox;
pub mod scan;
pub mod service;
pub mod settings;
pub mod tweb;
pub mod ui;

/// An error and its causes on one line, `outer: cause: root` (what `{:#}` shows for anyhow), each
/// cause said once: one whose words the line already holds (an error that prints its source in
/// its own message), or one that only restates the cause before it with a code (SQLite's
/// "Error code 13: database or disk is full"), is left out.
pub fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut last = text.clone();
    let mut source = error.source();
    while let Some(cause) = source {
        let words = cause.to_string();
        if !words.is_empty() && !text.contains(&words) && !words.ends_with(&last) {
            text.push_str(": ");
            text.push_str(&words);
        }
        last = words;
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    #[derive(Debug, thiserror::Error)]
    #[error("writing the journal failed: {0}")]
    struct Repeats(#[source] std::io::Error);

    #[derive(Debug, thiserror::Error)]
    #[error("the filing stopped")]
    struct Outer(#[source] Repeats);

    #[test]
    fn each_cause_is_said_once() {
        let io = std::io::Error::from_raw_os_error(30);
        let error = Outer(Repeats(io));
        let text = super::error_chain(&error);
        let cause = std::io::Error::from_raw_os_error(30).to_string();
        assert_eq!(text, format!("the filing stopped: writing the journal failed: {cause}"));
        assert_eq!(text.matches(&cause).count(), 1, "{text}");
    }

    #[derive(Debug, thiserror::Error)]
    #[error("Error code 13: database or disk is full")]
    struct Coded;

    #[derive(Debug, thiserror::Error)]
    #[error("database or disk is full")]
    struct Plain(#[source] Coded);

    #[derive(Debug, thiserror::Error)]
    #[error("the disk holding the journal is full")]
    struct Ours(#[source] Plain);

    #[test]
    fn a_cause_restated_with_its_code_is_left_out() {
        assert_eq!(
            super::error_chain(&Ours(Plain(Coded))),
            "the disk holding the journal is full: database or disk is full"
        );
    }
}
