//! The Finnish personal identity code (henkilötunnus), masked wherever it is shown or logged.

use std::fmt;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Check characters of the henkilötunnus, indexed by the remainder of the number modulo 31.
const CHECK_CHARS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// A henkilötunnus such as `131052-308T`.
///
/// `Debug` and `Display` show only the masked form (`131052-****`), so a personal id that reaches a
/// log line or an error message by accident does not leak. Use [`PersonalId::expose`] where the
/// full value is really needed (the form PDF, the case party sent to TWeb).
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(transparent)]
#[schema(value_type = String, example = "131052-308T")]
pub struct PersonalId(String);

/// Why a string is not a valid henkilötunnus.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PersonalIdError {
    /// The string does not have the `DDMMYYCZZZQ` shape.
    #[error("a personal identity code has 11 characters, DDMMYY, a century sign, three digits and a check character")]
    Shape,
    /// The check character does not match the digits.
    #[error("the check character of the personal identity code is wrong (expected {expected})")]
    Checksum {
        /// The check character the digits call for.
        expected: char,
    },
}

impl PersonalId {
    /// Parses and checks a henkilötunnus (both the old `-+A` and the 2023 century signs).
    pub fn parse(value: &str) -> Result<Self, PersonalIdError> {
        let value = value.trim().to_uppercase();
        let bytes = value.as_bytes();
        if bytes.len() != 11 || !value.is_ascii() {
            return Err(PersonalIdError::Shape);
        }
        let century_ok = b"+-ABCDEFYXWVU".contains(&bytes[6]);
        let digits_ok = bytes[..6].iter().chain(&bytes[7..10]).all(u8::is_ascii_digit);
        if !century_ok || !digits_ok {
            return Err(PersonalIdError::Shape);
        }
        let expected = Self::check_char(&value[..6], &value[7..10]).ok_or(PersonalIdError::Shape)?;
        if char::from(bytes[10]) != expected {
            return Err(PersonalIdError::Checksum { expected });
        }
        Ok(Self(value))
    }

    /// Builds a valid henkilötunnus from its parts (`birth` as DDMMYY, `century` sign, `individual`
    /// number 2..=999). The sandbox uses individual numbers 900–999, which are reserved for tests.
    pub fn from_parts(birth: &str, century: char, individual: u16) -> Option<Self> {
        let number = format!("{individual:03}");
        let check = Self::check_char(birth, &number)?;
        Some(Self(format!("{birth}{century}{number}{check}")))
    }

    fn check_char(birth: &str, individual: &str) -> Option<char> {
        let n: u64 = format!("{birth}{individual}").parse().ok()?;
        Some(char::from(CHECK_CHARS[(n % 31) as usize]))
    }

    /// The full value, for the few places that need it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The masked form: the date of birth and the century sign stay, the rest becomes `****`.
    pub fn masked(&self) -> String {
        mask_personal_id(&self.0)
    }
}

/// Masks anything that may be a henkilötunnus: keeps the first seven characters (date of birth and
/// century sign) and replaces the rest with `****`. Shorter strings are masked whole.
pub fn mask_personal_id(value: &str) -> String {
    let prefix: String = value.chars().take(7).collect();
    if prefix.chars().count() < 7 {
        return "****".to_owned();
    }
    format!("{prefix}****")
}

impl fmt::Debug for PersonalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PersonalId({})", self.masked())
    }
}

impl fmt::Display for PersonalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_and_rejects_bad_check_character() {
        assert_eq!(PersonalId::parse("131052-308T").map(|p| p.expose().to_owned()), Ok("131052-308T".to_owned()));
        assert_eq!(PersonalId::parse("131052-308U"), Err(PersonalIdError::Checksum { expected: 'T' }));
        assert_eq!(PersonalId::parse("1310523-08T"), Err(PersonalIdError::Shape));
    }

    #[test]
    fn built_ids_are_valid_and_masked_everywhere() {
        let id = PersonalId::from_parts("010190", 'A', 912).expect("digits");
        assert!(PersonalId::parse(id.expose()).is_ok());
        assert_eq!(format!("{id}"), "010190A****");
        assert_eq!(format!("{id:?}"), "PersonalId(010190A****)");
    }
}
