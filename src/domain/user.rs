//! A TWeb user.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A person who can receive assignments in TWeb.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct User {
    /// User name, e.g. `mvirtanen`.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Job title.
    pub title: String,
    /// Work e-mail address.
    pub email: String,
    /// Ids of the groups the user belongs to.
    pub groups: Vec<String>,
}
