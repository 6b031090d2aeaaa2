//! `kirjaamo conformance`: checks a municipality's TWeb and outbox (test environments) against
//! the contracts in `assets/api/`, and says each difference in plain words.
//!
//! Read-only by default: sign-in and rights, the catalog's shapes, case search and paging, the
//! error format of a few bad requests, TLS and timing, and the outbox's list, detail and
//! attachment download. With [`Options::write_case_group`] it also opens one test case with one
//! document and one assignment under an external ref of its own, and checks the records-property
//! inheritance and the 409 with `existing_id` that exactly-once filing rests on.

mod outbox_checks;
mod probe;
mod tweb_checks;
mod write_checks;

use std::time::Duration;

use serde::Serialize;

use crate::connection::Connection;
use probe::{Auth, Probe};

/// Slowest answer a conforming server may give; a clerk waits for every one of them.
pub const SLOW_ANSWER: Duration = Duration::from_secs(5);

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Also make a test case in this case group, with a document and an assignment.
    pub write_case_group: Option<String>,
    /// The test document's type; the catalog's first when left out.
    pub document_type: Option<String>,
}

/// How one check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The server does what the contract says.
    Pass,
    /// The server differs from the contract.
    Fail,
    /// Not checked: what it needs failed or is not there.
    Skip,
}

/// One check: what the contract says, and what the server did.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// Stable id, e.g. `tweb.cases.paging`.
    pub id: &'static str,
    /// The rule of the contract, in plain words.
    pub rule: &'static str,
    /// How it came out.
    pub outcome: Outcome,
    /// What the server did.
    pub found: String,
}

/// Every check of one run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// TWeb's base URL.
    pub tweb_url: String,
    /// The outbox's base URL.
    pub outbox_url: String,
    /// Whether the write checks ran.
    pub wrote: bool,
    /// The checks in the order they ran.
    pub checks: Vec<Check>,
}

impl Report {
    /// Whether any check failed.
    pub fn differs(&self) -> bool {
        self.checks.iter().any(|c| c.outcome == Outcome::Fail)
    }

    /// How many checks came out as `outcome`.
    pub fn count(&self, outcome: Outcome) -> usize {
        self.checks.iter().filter(|c| c.outcome == outcome).count()
    }

    /// The report for a person: one line a check, the differences first in their own list.
    pub fn text(&self) -> String {
        let mut text = format!("Conformance of\n  TWeb    {}\n  outbox  {}\n\n", self.tweb_url, self.outbox_url);
        for check in &self.checks {
            let mark = match check.outcome {
                Outcome::Pass => "ok  ",
                Outcome::Fail => "DIFF",
                Outcome::Skip => "skip",
            };
            text.push_str(&format!("{mark} {:<34} {}\n", check.id, check.found));
        }
        let failed: Vec<&Check> = self.checks.iter().filter(|c| c.outcome == Outcome::Fail).collect();
        if !failed.is_empty() {
            text.push_str("\nWhere the server differs from the contract:\n");
            for check in failed {
                text.push_str(&format!(
                    "- {}: the contract says {}.\n  The server: {}\n",
                    check.id, check.rule, check.found
                ));
            }
        }
        text.push_str(&format!(
            "\n{} passed, {} differ, {} skipped{}.\n",
            self.count(Outcome::Pass),
            self.count(Outcome::Fail),
            self.count(Outcome::Skip),
            if self.wrote { "" } else { " (read-only; --write --case-group CODE also checks filing)" }
        ));
        text
    }
}

/// The checks as they are made.
#[derive(Debug, Default)]
pub(crate) struct Checks(Vec<Check>);

impl Checks {
    /// Records a check from its result: `Ok(found)` passes, `Err(found)` differs.
    pub(crate) fn record(&mut self, id: &'static str, rule: &'static str, result: Result<String, String>) -> bool {
        let (outcome, found) = match result {
            Ok(found) => (Outcome::Pass, found),
            Err(found) => (Outcome::Fail, found),
        };
        self.0.push(Check { id, rule, outcome, found });
        outcome == Outcome::Pass
    }

    /// Records a check that could not be made, and why.
    pub(crate) fn skip(&mut self, id: &'static str, rule: &'static str, why: impl Into<String>) {
        self.0.push(Check { id, rule, outcome: Outcome::Skip, found: why.into() });
    }
}

/// Runs the checks against the two services of `connection`.
pub async fn run(connection: &Connection, options: &Options) -> Report {
    let mut checks = Checks::default();
    let http = match connection.http_client() {
        Ok(http) => Some(http),
        Err(error) => {
            checks.record("connection", "https to every server but this machine", Err(crate::error_chain(&error)));
            None
        }
    };
    if let Some(http) = http {
        let tweb = Probe::new(http.clone(), &connection.tweb_url, Auth::Tweb(connection.tweb_auth.clone()));
        let outbox = Probe::new(http, &connection.outbox_url, Auth::Bearer(connection.outbox_token.clone()));
        let found = tweb_checks::run(&tweb, &mut checks).await;
        outbox_checks::run(&outbox, &mut checks).await;
        if let Some(case_group) = &options.write_case_group {
            write_checks::run(&tweb, found.as_ref(), case_group, options.document_type.as_deref(), &mut checks).await;
        }
        timing(&tweb, "tweb.timing", &mut checks);
        timing(&outbox, "outbox.timing", &mut checks);
    }
    Report {
        tweb_url: connection.tweb_url.clone(),
        outbox_url: connection.outbox_url.clone(),
        wrote: options.write_case_group.is_some(),
        checks: checks.0,
    }
}

/// A bad request: GET `path` with `query` must answer `status` as problem+json.
async fn refused(
    probe: &Probe,
    checks: &mut Checks,
    id: &'static str,
    rule: &'static str,
    (path, query): (&str, &[(&str, &str)]),
    status: u16,
) {
    let query: Vec<(&str, String)> = query.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
    let result = match probe.get(path, &query).await {
        Ok(answer) => answer.problem(&[status]).map(|p| format!("{status}: {}", p.detail)),
        Err(no) => Err(no.words),
    };
    checks.record(id, rule, result);
}

fn timing(probe: &Probe, id: &'static str, checks: &mut Checks) {
    let (count, median, slowest) = probe.timing();
    let found = format!("{count} answers, median {} ms, slowest {} ms", median.as_millis(), slowest.as_millis());
    let result = if slowest <= SLOW_ANSWER { Ok(found) } else { Err(found) };
    checks.record(id, "every answer within 5 s", result);
}

/// Whether `text` is a diary number `N/CODE/YYYY` with a case group code.
pub(crate) fn is_diary_number(text: &str) -> bool {
    let parts: Vec<&str> = text.split('/').collect();
    matches!(parts.as_slice(), [number, code, year]
        if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
            && crate::domain::is_case_group_code(code)
            && year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn diary_numbers() {
        assert!(super::is_diary_number("123/02.05.01/2026"));
        assert!(super::is_diary_number("1/02/2026"));
        assert!(!super::is_diary_number("123/2.05.01/2026"));
        assert!(!super::is_diary_number("x/02.05.01/2026"));
        assert!(!super::is_diary_number("123/02.05.01/26"));
        assert!(!super::is_diary_number("123/02.05.01"));
    }
}
