//! RFC 9457 problem details, the error body of both APIs.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Media type of a problem details body.
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// One invalid input value, named by its JSON path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FieldProblem {
    /// JSON pointer or field name of the bad value, e.g. `/case_group`.
    pub pointer: String,
    /// What is wrong with it, in plain words (English, for logs and support).
    pub detail: String,
    /// What is wrong with it as a code a client says in its own words: `too_long` (with
    /// `limit`), `empty`, `past`, `unknown` (not in the catalog or not found), `closed`. Absent
    /// for anything else; a client must accept codes it does not know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The limit broken, for `too_long` (characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
}

impl FieldProblem {
    /// The field problem at `pointer`, with `detail` and no code.
    pub fn new(pointer: &str, detail: impl Into<String>) -> Self {
        Self { pointer: pointer.to_owned(), detail: detail.into(), code: None, limit: None }
    }

    /// With the code `code`.
    #[must_use]
    pub fn code(mut self, code: &str) -> Self {
        self.code = Some(code.to_owned());
        self
    }

    /// With the limit `limit`.
    #[must_use]
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = u64::try_from(limit).ok();
        self
    }
}

/// An error answer (RFC 9457 `application/problem+json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    /// URI reference naming the problem type, e.g. `https://kirjaamo.invalid/problems/validation`.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// Short summary of the problem type.
    pub title: String,
    /// HTTP status code.
    pub status: u16,
    /// What went wrong in this occurrence, in words a clerk can act on.
    pub detail: String,
    /// The request path that failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// The invalid values, for validation problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
    /// Who holds the claim, for a 409 on an outbox claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    /// Id of the object that already carries the external ref, for a 409 on creation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_id: Option<u64>,
}

impl Problem {
    /// A problem of the given status, slug and detail.
    pub fn new(status: u16, slug: &str, title: &str, detail: impl Into<String>) -> Self {
        Self {
            problem_type: format!("https://kirjaamo.invalid/problems/{slug}"),
            title: title.to_owned(),
            status,
            detail: detail.into(),
            instance: None,
            errors: Vec::new(),
            holder: None,
            existing_id: None,
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}): {}", self.title, self.status, self.detail)
    }
}
