//! A case group (asiaryhmä, tehtäväluokka) of the records plan.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::RecordsProperties;

/// Whether `code` is a records plan class code: one to four levels of two digits, `02.05.01`
/// (the pattern the contracts give the case group).
pub fn is_code(code: &str) -> bool {
    let levels: Vec<&str> = code.split('.').collect();
    levels.len() <= 4 && levels.iter().all(|l| l.len() == 2 && l.bytes().all(|b| b.is_ascii_digit()))
}

/// A TOS class such as `02.05.01 Tuet ja avustukset`; cases opened in it inherit its properties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CaseGroup {
    /// Class code, e.g. `02.05.01`: one to four levels of two digits ([`is_code`]).
    #[schema(pattern = "^[0-9]{2}(\\.[0-9]{2}){0,3}$", example = "05.12.01")]
    pub code: String,
    /// Name in Finnish.
    pub name: String,
    /// Whether new cases may be opened in this class (closed classes stay for old cases).
    pub active: bool,
    /// Records properties that cases of this group inherit.
    pub records: RecordsProperties,
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_code_is_one_to_four_levels_of_two_digits() {
        for code in ["02", "02.05", "02.05.01", "02.05.01.03"] {
            assert!(super::is_code(code), "{code}");
        }
        for code in ["", " 02.05.01", "02.05.01 ", "2.05.01", "02.05.01.03.04", "02..05", "o2.05.01", "０２.05.01"] {
            assert!(!super::is_code(code), "{code:?}");
        }
    }
}
