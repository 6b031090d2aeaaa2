//! A document type (asiakirjatyyppi).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::RecordsProperties;

/// A document type such as `HAKEMUS Hakemus`; documents of this type inherit its properties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DocumentType {
    /// Type code, e.g. `HAKEMUS`.
    pub code: String,
    /// Name in Finnish.
    pub name: String,
    /// Records properties that documents of this type inherit.
    pub records: RecordsProperties,
}
