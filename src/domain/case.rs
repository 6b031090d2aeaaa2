//! A TWeb case (asia).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Party, RecordsProperties};

/// Where a case stands in its handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Vireillä: registered, not yet being handled.
    Pending,
    /// Käsittelyssä.
    InProgress,
    /// Ratkaistu: decided.
    Decided,
    /// Päättynyt: closed.
    Closed,
    /// Peruttu: opened by mistake and withdrawn at once; it holds no documents, and its external
    /// ref is released so the matter can be filed again.
    Withdrawn,
}

/// A registered case with its diary number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Case {
    /// TWeb's internal id.
    pub id: u64,
    /// Diary number (diaarinumero), `N/<case group>/<year>`, e.g. `123/02.05.01/2026`.
    #[schema(pattern = "^[0-9]+/[0-9]{2}(\\.[0-9]{2}){0,3}/[0-9]{4}$", example = "123/05.12.01/2026")]
    pub diary_number: String,
    /// Title of the case.
    pub title: String,
    /// Longer description.
    pub description: Option<String>,
    /// Code of the case group.
    #[schema(pattern = "^[0-9]{2}(\\.[0-9]{2}){0,3}$", example = "05.12.01")]
    pub case_group: String,
    /// Records properties inherited from the case group when the case was opened.
    pub records: RecordsProperties,
    /// Parties of the case.
    pub parties: Vec<Party>,
    /// Handling status.
    pub status: CaseStatus,
    /// When the case was registered.
    pub created_at: DateTime<Utc>,
    /// When the matter arrived (saapumispäivä).
    pub received_date: NaiveDate,
    /// Caller-chosen reference that makes creation idempotent, e.g. `epalvelu:TX-2026-000123`.
    pub external_ref: Option<String>,
}
