//! A case group (asiaryhmä, tehtäväluokka) of the records plan.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::RecordsProperties;

/// A TOS class such as `02.05.01 Tuet ja avustukset`; cases opened in it inherit its properties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CaseGroup {
    /// Class code, e.g. `02.05.01`.
    pub code: String,
    /// Name in Finnish.
    pub name: String,
    /// Whether new cases may be opened in this class (closed classes stay for old cases).
    pub active: bool,
    /// Records properties that cases of this group inherit.
    pub records: RecordsProperties,
}
