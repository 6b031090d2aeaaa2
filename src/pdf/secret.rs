//! The separate secret document that carries the address of a submitter with a protection order
//! (turvakielto): the form leaves the address out, and this document, of a type the records plan
//! makes secret, is the only place it is filed.

use std::collections::BTreeMap;

use super::content::{Content, Field, Section};
use super::format;
use super::text::clean;
use crate::domain::{FieldKind, Transaction};

impl Content {
    /// The secret address document of `transaction`: the secrecy and its basis, who sent what and
    /// when, the address, and the form's fields that held it. `None` without a protection order
    /// or without an address.
    pub fn secret_address(transaction: &Transaction, supported: &dyn Fn(char, Option<char>) -> bool) -> Option<Self> {
        let submitter = &transaction.submitter;
        let address = submitter.address.as_ref().filter(|_| submitter.protection_order)?;
        let language = transaction.language;
        let texts = format::texts(language);
        let mut replaced = BTreeMap::new();
        let mut c = |s: &str| clean(s, supported, &mut replaced);
        let shown_address = format!("{}, {} {}", address.street, address.postal_code, address.city);
        let header = vec![
            (c(texts.secrecy), c(texts.address_secret)),
            (c(texts.id), c(&transaction.id)),
            (c(texts.received), c(&format::timestamp(transaction.submitted_at, language))),
            (c(texts.subject), c(&transaction.title)),
            (c(texts.sender), c(&submitter.name)),
            (c(texts.address), c(&shown_address)),
        ];
        let mut fields = Vec::new();
        for field in &transaction.fields {
            let shown = format::field_value(field, language);
            if transaction.shows_secret_address(&shown) {
                let multiline = field.kind == FieldKind::Multiline || shown.contains('\n');
                fields.push(Field { label: c(&field.label), value: c(&shown), multiline });
            }
        }
        let sections =
            if fields.is_empty() { Vec::new() } else { vec![Section { heading: c(texts.address_fields), fields }] };
        Some(Self {
            title: c(texts.secret_address_title),
            header,
            sections,
            attachments_heading: String::new(),
            attachments: Vec::new(),
            texts,
            replaced,
        })
    }
}
