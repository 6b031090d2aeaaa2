//! TWeb's catalog: the choices a filing is made from.

use serde::{Deserialize, Serialize};

use super::{CaseGroup, DocumentType, Group, User};

/// Case groups, document types, users and groups as TWeb lists them (`GET /catalog/*`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    /// Case groups (TOS classes), open and closed.
    pub case_groups: Vec<CaseGroup>,
    /// Document types.
    pub document_types: Vec<DocumentType>,
    /// Users who can receive assignments.
    pub users: Vec<User>,
    /// Groups who can receive assignments.
    pub groups: Vec<Group>,
}

impl Catalog {
    /// The case group with `code`.
    pub fn case_group(&self, code: &str) -> Option<&CaseGroup> {
        self.case_groups.iter().find(|g| g.code == code)
    }

    /// The document type with `code`.
    pub fn document_type(&self, code: &str) -> Option<&DocumentType> {
        self.document_types.iter().find(|t| t.code == code)
    }
}
