//! What the PDF says, independent of layout: every text already cleaned for the font.

use std::collections::BTreeMap;

use super::format::{self, Texts};
use super::text::clean;
use crate::domain::{FieldKind, Transaction};

/// One form field as shown.
#[derive(Debug, Clone)]
pub struct Field {
    /// Label (bold).
    pub label: String,
    /// Value, formatted and cleaned; may hold line breaks.
    pub value: String,
    /// Whether the value is free text that goes below its label.
    pub multiline: bool,
}

/// A form section.
#[derive(Debug, Clone)]
pub struct Section {
    /// Heading.
    pub heading: String,
    /// Fields in form order.
    pub fields: Vec<Field>,
}

/// Everything the document shows.
#[derive(Debug, Clone)]
pub struct Content {
    /// Service name, the document title.
    pub title: String,
    /// Header rows: label and value.
    pub header: Vec<(String, String)>,
    /// Form sections.
    pub sections: Vec<Section>,
    /// "Liitteet"; empty in a document that lists no attachments.
    pub attachments_heading: String,
    /// Attachments: file name and a line of details; a single "no attachments" line when none.
    pub attachments: Vec<(String, String)>,
    /// Fixed texts of the language.
    pub texts: &'static Texts,
    /// Characters replaced by markers, with their counts.
    pub replaced: BTreeMap<char, usize>,
}

impl Content {
    /// Builds the content of `transaction`; `supported` tells which characters the fonts can show
    /// (given the character printed before).
    pub fn new(transaction: &Transaction, supported: &dyn Fn(char, Option<char>) -> bool) -> Self {
        let language = transaction.language;
        let texts = format::texts(language);
        let mut replaced = BTreeMap::new();
        let mut c = |s: &str| clean(s, supported, &mut replaced);
        let submitter = &transaction.submitter;
        let mut header = vec![
            (c(texts.id), c(&transaction.id)),
            (c(texts.received), c(&format::timestamp(transaction.submitted_at, language))),
            (c(texts.subject), c(&transaction.title)),
            (c(texts.sender), c(&submitter.name)),
        ];
        if let Some(id) = &submitter.personal_id {
            header.push((c(texts.personal_id), c(id.expose())));
        }
        for (label, value) in [(texts.email, &submitter.email), (texts.phone, &submitter.phone)] {
            if let Some(value) = value.as_deref().filter(|v| !v.trim().is_empty()) {
                header.push((c(label), c(value)));
            }
        }
        if submitter.protection_order {
            // The form is a case document, which may be public: the address is not in it.
            header.push((c(texts.address), c(texts.address_secret)));
        } else if let Some(address) = &submitter.address {
            let text = format!("{}, {} {}", address.street, address.postal_code, address.city);
            header.push((c(texts.address), c(&text)));
        }
        header.push((c(texts.language), c(texts.language_name)));

        let mut sections: Vec<Section> = Vec::new();
        for field in &transaction.fields {
            let heading = field.section.as_deref().unwrap_or(texts.form);
            if sections.last().is_none_or(|s| s.heading != c(heading)) {
                sections.push(Section { heading: c(heading), fields: Vec::new() });
            }
            let shown = format::field_value(field, language);
            let shown = if transaction.shows_secret_address(&shown) { texts.address_secret.to_owned() } else { shown };
            let value = c(&shown);
            let multiline = field.kind == FieldKind::Multiline || value.contains('\n');
            if let Some(section) = sections.last_mut() {
                section.fields.push(Field { label: c(&field.label), value, multiline });
            }
        }
        let attachments = if transaction.attachments.is_empty() {
            vec![(c(texts.no_attachments), String::new())]
        } else {
            transaction
                .attachments
                .iter()
                .map(|a| {
                    let sha = a.sha256.get(..16).unwrap_or(&a.sha256);
                    let details = format!("{} · {} · SHA-256 {sha}…", a.content_type, format::size(a.size, language));
                    (c(&a.filename), c(&details))
                })
                .collect()
        };
        Self {
            title: c(&transaction.service.name),
            header,
            sections,
            attachments_heading: c(texts.attachments),
            attachments,
            texts,
            replaced,
        }
    }

    /// Every text the document shows, in reading order (page footers aside). Soft hyphens and
    /// zero-width spaces stay where they were typed: they print nothing, or "-" where a line
    /// breaks at a soft hyphen.
    pub fn in_order(&self) -> Vec<String> {
        let mut out = vec![self.title.clone()];
        for (label, value) in &self.header {
            out.extend([label.clone(), value.clone()]);
        }
        for section in &self.sections {
            out.push(section.heading.clone());
            for field in &section.fields {
                out.extend([field.label.clone(), field.value.clone()]);
            }
        }
        if self.attachments_heading.is_empty() {
            return out;
        }
        out.push(self.attachments_heading.clone());
        for (name, details) in &self.attachments {
            out.extend([name.clone(), details.clone()]);
        }
        out
    }
}
