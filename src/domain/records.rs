//! Records-management properties that TWeb inherits from the records plan (TOS).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Publicity class (julkisuusluokka) under the Act on the Openness of Government Activities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PublicityClass {
    /// Julkinen.
    Public,
    /// Osittain salassa pidettävä.
    PartiallySecret,
    /// Salassa pidettävä.
    Secret,
}

/// Whether and how a record holds personal data (henkilötietojen sisältö).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PersonalDataLevel {
    /// Ei sisällä henkilötietoja.
    None,
    /// Sisältää henkilötietoja.
    Contains,
    /// Sisältää erityisiin henkilötietoryhmiin kuuluvia tietoja.
    Sensitive,
}

/// How long a record is kept (säilytysaika).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Retention {
    /// Kept for the given number of years, then destroyed.
    Years {
        /// Years from the closing of the case.
        years: u16,
    },
    /// Kept permanently (pysyvästi säilytettävä).
    Permanent,
}

/// The records properties of a case group or a document type, as the TOS defines them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RecordsProperties {
    /// Publicity class.
    pub publicity: PublicityClass,
    /// Legal basis of secrecy (salassapitoperuste), e.g. `JulkL 24 § 1 mom 25 k`.
    pub secrecy_basis: Option<String>,
    /// Secrecy period in years (salassapitoaika), when secret.
    pub secrecy_period_years: Option<u16>,
    /// Retention period.
    pub retention: Retention,
    /// Personal data level.
    pub personal_data: PersonalDataLevel,
}

impl RecordsProperties {
    /// Public records kept for `years` years, holding personal data.
    pub fn public(years: u16) -> Self {
        Self {
            publicity: PublicityClass::Public,
            secrecy_basis: None,
            secrecy_period_years: None,
            retention: Retention::Years { years },
            personal_data: PersonalDataLevel::Contains,
        }
    }

    /// Combines two sets of properties the way TWeb does for a document on a case: the stricter
    /// publicity (with its secrecy basis), the longer retention and the more sensitive personal-data
    /// level win.
    pub fn stricter(&self, other: &Self) -> Self {
        let secrecy_from = if other.publicity > self.publicity { other } else { self };
        Self {
            publicity: secrecy_from.publicity,
            secrecy_basis: secrecy_from.secrecy_basis.clone(),
            secrecy_period_years: secrecy_from.secrecy_period_years,
            retention: self.retention.max(other.retention),
            personal_data: self.personal_data.max(other.personal_data),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stricter_takes_secrecy_and_longest_retention() {
        let secret = RecordsProperties {
            publicity: PublicityClass::Secret,
            secrecy_basis: Some("JulkL 24 § 1 mom 25 k".into()),
            secrecy_period_years: Some(25),
            retention: Retention::Years { years: 10 },
            personal_data: PersonalDataLevel::Sensitive,
        };
        let public = RecordsProperties { retention: Retention::Permanent, ..RecordsProperties::public(5) };
        let both = public.stricter(&secret);
        assert_eq!(both.publicity, PublicityClass::Secret);
        assert_eq!(both.secrecy_basis.as_deref(), Some("JulkL 24 § 1 mom 25 k"));
        assert_eq!(both.retention, Retention::Permanent);
        assert_eq!(both.personal_data, PersonalDataLevel::Sensitive);
    }
}
