//! A party (asianosainen) of a TWeb case.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{PersonalId, PostalAddress};

/// The role a party has in a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    /// Hakija: the one who applied or notified.
    Applicant,
    /// Asiamies: acts for the applicant.
    Representative,
    /// Muu asianosainen.
    Other,
}

/// A person or organisation taking part in a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Party {
    /// Name of the person or organisation, 1–200 characters, not only white space.
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
    )]
    pub name: String,
    /// Role in the case.
    pub role: PartyRole,
    /// Henkilötunnus, when known.
    pub personal_id: Option<PersonalId>,
    /// E-mail address.
    pub email: Option<String>,
    /// Telephone number.
    pub phone: Option<String>,
    /// Postal address.
    pub address: Option<PostalAddress>,
}

impl Party {
    /// The submitter of a transaction as a party in `role`, with their contact details.
    pub fn of(submitter: &super::Submitter, role: PartyRole) -> Self {
        Self {
            name: submitter.name.clone(),
            role,
            personal_id: submitter.personal_id.clone(),
            email: submitter.email.clone(),
            phone: submitter.phone.clone(),
            // Under a protection order the address stays out of TWeb's party register.
            address: submitter.address_shown().cloned(),
        }
    }
}
