//! TWeb's records properties in words, and the catalog's case groups and document types as
//! choices for a search (the filing panel and the admin view list them the same way).

use super::picker::Choice;
use crate::domain::{Catalog, PublicityClass, RecordsProperties};
use crate::i18n::Texts;

/// The publicity a case group or document type passes on, in words.
pub fn publicity(t: &Texts, records: &RecordsProperties) -> String {
    let class = match records.publicity {
        PublicityClass::Public => t.get("publicity-public"),
        PublicityClass::PartiallySecret => t.get("publicity-partially-secret"),
        PublicityClass::Secret => t.get("publicity-secret"),
    };
    match &records.secrecy_basis {
        Some(basis) => format!("{class} ({basis})"),
        None => class,
    }
}

/// The case groups open for new cases, each with the publicity it passes on.
pub fn case_group_choices(t: &Texts, catalog: &Catalog) -> Vec<Choice> {
    catalog
        .case_groups
        .iter()
        .filter(|g| g.active)
        .map(|g| Choice {
            code: g.code.clone(), text: format!("{} {} · {}", g.code, g.name, publicity(t, &g.records))
        })
        .collect()
}

/// The document types, each with the publicity it passes on.
pub fn document_type_choices(t: &Texts, catalog: &Catalog) -> Vec<Choice> {
    catalog
        .document_types
        .iter()
        .map(|d| Choice {
            code: d.code.clone(), text: format!("{} {} · {}", d.code, d.name, publicity(t, &d.records))
        })
        .collect()
}
