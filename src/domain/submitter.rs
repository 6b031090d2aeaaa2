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
    /// Whether the population register holds a protection order (turvakielto) for the person,
    /// as the strong sign-in handed it over: their place of residence is secret (julkisuuslaki
    /// 24 § 1 mom. 31 k.), so the address is never shown, printed or sent to TWeb's parties.
    #[serde(default)]
    pub protection_order: bool,
}

impl Submitter {
    /// The address that may be shown or filed: none under a protection order.
    pub fn address_shown(&self) -> Option<&PostalAddress> {
        self.address.as_ref().filter(|_| !self.protection_order)
    }
}
