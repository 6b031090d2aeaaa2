//! The citizen (or organisation contact) who submitted a transaction.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::PersonalId;

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PostalAddress {
    /// Street address, e.g. `Hämeenkatu 12 B 7`.
    pub street: String,
    /// Postal code, e.g. `33100`.
    pub postal_code: String,
    /// Post office, e.g. `Tampere`.
    pub city: String,
}

/// Who submitted the transaction, as identified by the e-service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Submitter {
    /// Full name.
    pub name: String,
    /// Henkilötunnus when the citizen signed in with strong identification.
    pub personal_id: Option<PersonalId>,
    /// E-mail address.
    pub email: Option<String>,
    /// Telephone number.
    pub phone: Option<String>,
    /// Postal address.
    pub address: Option<PostalAddress>,
}
