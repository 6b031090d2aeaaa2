//! A TWeb user group.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A group of users that can receive assignments together, e.g. a service unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Group {
    /// Group id, e.g. `sosiaalipalvelut`.
    pub id: String,
    /// Display name.
    pub name: String,
}
