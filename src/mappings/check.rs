//! Checks mapping files against TWeb's catalog and the service's own transactions, so an admin
//! hears of a wrong code before a clerk does. Every issue names the file and the line, and a
//! wrong code comes with the nearest valid choice.

mod nearest;

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use super::{DefaultAction, MappingError, ServiceMapping};
use crate::domain::{Catalog, PublicityClass};
use crate::plain::Plain;
pub use nearest::nearest;

/// How bad an issue is: errors stop the mapping from filing anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look; the mapping still files.
    Warning,
    /// The mapping is not used until it is fixed.
    Error,
}

/// One finding in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// The file.
    pub path: PathBuf,
    /// Line from 1.
    pub line: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong and what to do, in plain words of the desk's texts.
    pub message: Plain,
    /// A parser's own words (English), for the folded details; `None` when the message says it all.
    pub detail: Option<String>,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let message = crate::i18n::english(&self.message);
        write!(f, "{}:{}: {severity}: {message}", crate::paths::shown(&self.path), self.line)?;
        match &self.detail {
            Some(detail) => write!(f, " ({detail})"),
            None => Ok(()),
        }
    }
}

/// What the outbox says about one e-service.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceFacts {
    /// Service id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Pending transactions.
    pub pending: usize,
    /// Field keys its transactions have (from those read).
    pub field_keys: BTreeSet<String>,
}

/// One checked file.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file.
    pub path: PathBuf,
    /// The mapping, when the file could be read as one.
    pub mapping: Option<ServiceMapping>,
    /// What was found, by line.
    pub issues: Vec<Issue>,
}

impl Report {
    /// Whether the mapping may file: it was read and has no errors.
    pub fn usable(&self) -> bool {
        self.mapping.is_some() && !self.issues.iter().any(|i| i.severity == Severity::Error)
    }
}

/// Checks mappings against a catalog and what the outbox knows of the services.
#[derive(Debug, Clone, Copy)]
pub struct Checker<'a> {
    /// TWeb's catalog.
    pub catalog: &'a Catalog,
    /// The outbox's services; empty when unknown (then services and field keys are not checked).
    pub services: &'a [ServiceFacts],
}

/// A path into the TOML document: keys and array indices.
#[derive(Debug, Clone, Copy)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

struct FileCheck<'t> {
    path: PathBuf,
    text: &'t str,
    doc: Option<toml_edit::Document<&'t str>>,
    issues: Vec<Issue>,
}

impl FileCheck<'_> {
    fn line_at(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())].matches('\n').count() + 1
    }

    fn line_of(&self, at: &[Seg<'_>]) -> usize {
        let Some(doc) = &self.doc else { return 1 };
        let mut item = doc.as_item();
        let mut span = None;
        for seg in at {
            let next = match seg {
                Seg::Key(key) => item.get(key),
                Seg::Index(i) => match item {
                    toml_edit::Item::ArrayOfTables(tables) => tables.get(*i).map(|_| &item[*i]),
                    _ => item.get(*i),
                },
            };
            let Some(next) = next else { break };
            item = next;
            span = item.span().or(span);
        }
        // A span may begin with the blank lines before the item.
        span.map_or(1, |s| {
            let rest = &self.text[s.start.min(self.text.len())..];
            self.line_at(s.start + rest.len() - rest.trim_start().len())
        })
    }

    fn push(&mut self, severity: Severity, at: &[Seg<'_>], message: Plain) {
        let line = self.line_of(at);
        self.issues.push(Issue { path: self.path.clone(), line, severity, message, detail: None });
    }
}

impl Checker<'_> {
    /// Checks one file's text.
    pub fn check_text(&self, path: &Path, text: &str) -> Report {
        let mut file = FileCheck { path: path.to_owned(), text, doc: None, issues: Vec::new() };
        match toml_edit::Document::parse(text) {
            Ok(doc) => file.doc = Some(doc),
            Err(e) => {
                let line = e.span().map_or(1, |s| file.line_at(s.start));
                let (message, detail) = (Plain::new("finding-not-toml"), Some(e.message().trim().to_owned()));
                file.issues.push(Issue { path: path.to_owned(), line, severity: Severity::Error, message, detail });
                return Report { path: path.to_owned(), mapping: None, issues: file.issues };
            }
        }
        let mapping = match toml::from_str::<ServiceMapping>(text) {
            Ok(mapping) => mapping,
            Err(e) => {
                let line = e.span().map_or(1, |s| file.line_at(s.start));
                let (message, detail) = (Plain::new("finding-not-mapping"), Some(e.message().trim().to_owned()));
                file.issues.push(Issue { path: path.to_owned(), line, severity: Severity::Error, message, detail });
                return Report { path: path.to_owned(), mapping: None, issues: file.issues };
            }
        };
        self.check_mapping(&mut file, &mapping);
        file.issues.sort_by_key(|i| i.line);
        Report { path: path.to_owned(), mapping: Some(mapping), issues: file.issues }
    }

    fn check_mapping(&self, file: &mut FileCheck<'_>, m: &ServiceMapping) {
        use Seg::{Index, Key};
        use Severity::{Error, Warning};
        if m.schema != 1 {
            file.push(Error, &[Key("schema")], Plain::new("finding-schema").text("schema", m.schema.to_string()));
        }
        let facts = self.services.iter().find(|s| s.id == m.service);
        if facts.is_none() && !self.services.is_empty() {
            let ids: Vec<(&str, &str)> = self.services.iter().map(|s| (s.id.as_str(), s.name.as_str())).collect();
            let hint = hint(nearest(&m.service, &ids).map(|(id, name)| format!("{id} ({name})")));
            file.push(
                Warning,
                &[Key("service")],
                Plain::new("finding-no-service").text("service", &m.service).said("hint", hint),
            );
        }
        if file.path.file_stem().is_some_and(|s| s.to_string_lossy() != m.service) {
            file.push(Warning, &[Key("service")], Plain::new("finding-file-name").text("service", &m.service));
        }
        match (&m.case_group, m.action) {
            (None, DefaultAction::NewCase) => {
                file.push(Error, &[Key("action")], Plain::new("finding-new-case-needs-group"));
            }
            (Some(code), _) => self.case_group(file, code),
            (None, _) => {}
        }
        // An existing case is chosen by a clerk each time: `export --auto` never files it.
        if m.automatic && m.action == DefaultAction::ExistingCase {
            file.push(Error, &[Key("automatic")], Plain::new("finding-automatic-existing-case"));
        }
        for (key, code) in
            [("form_document_type", &m.form_document_type), ("attachment_document_type", &m.attachment_document_type)]
        {
            self.document_type(file, &[Key(key)], code);
        }
        if let Some(code) = &m.secret_address_document_type {
            self.secret_document_type(file, code);
        }
        for (i, rule) in m.attachment_rules.iter().enumerate() {
            self.document_type(file, &[Key("attachment_rules"), Index(i), Key("document_type")], &rule.document_type);
            if rule.content_type.is_none() && rule.filename.is_none() {
                file.push(Error, &[Key("attachment_rules"), Index(i)], Plain::new("finding-rule-matches-nothing"));
            }
        }
        self.template(file, &[Key("title")], &m.title, facts);
        match &m.assignment {
            None if m.action == DefaultAction::AssignmentOnly => {
                file.push(Error, &[Key("action")], Plain::new("finding-assignment-only-needs"));
            }
            None => {}
            Some(a) => {
                if a.users.is_empty() && a.groups.is_empty() {
                    file.push(Error, &[Key("assignment")], Plain::new("finding-no-recipients"));
                }
                let users: Vec<(&str, &str)> =
                    self.catalog.users.iter().map(|u| (u.id.as_str(), u.name.as_str())).collect();
                let groups: Vec<(&str, &str)> =
                    self.catalog.groups.iter().map(|g| (g.id.as_str(), g.name.as_str())).collect();
                for (key, names, known, what) in [
                    ("users", &a.users, &users, "finding-unknown-user"),
                    ("groups", &a.groups, &groups, "finding-unknown-group"),
                ] {
                    for (i, name) in names.iter().enumerate() {
                        if !known.iter().any(|(id, _)| id == name) {
                            let hint = hint(nearest(name, known).map(|(id, n)| format!("{id} ({n})")));
                            file.push(
                                Error,
                                &[Key("assignment"), Key(key), Index(i)],
                                Plain::new(what).text("name", name).said("hint", hint),
                            );
                        }
                    }
                }
                self.template(file, &[Key("assignment"), Key("subject")], &a.subject, facts);
                if let Some(message) = &a.message {
                    self.template(file, &[Key("assignment"), Key("message")], message, facts);
                }
            }
        }
    }

    fn case_group(&self, file: &mut FileCheck<'_>, code: &str) {
        let at = [Seg::Key("case_group")];
        match self.catalog.case_groups.iter().find(|g| g.code == code) {
            Some(group) if !group.active => file.push(
                Severity::Error,
                &at,
                Plain::new("finding-case-group-closed").text("code", code).text("name", &group.name),
            ),
            Some(_) => {}
            None => {
                let open: Vec<(&str, &str)> = self
                    .catalog
                    .case_groups
                    .iter()
                    .filter(|g| g.active)
                    .map(|g| (g.code.as_str(), g.name.as_str()))
                    .collect();
                let hint = hint(nearest(code, &open).map(|(c, n)| format!("{c} {n}")));
                file.push(
                    Severity::Error,
                    &at,
                    Plain::new("finding-unknown-case-group").text("code", code).said("hint", hint),
                );
            }
        }
    }

    fn document_type(&self, file: &mut FileCheck<'_>, at: &[Seg<'_>], code: &str) {
        if self.catalog.document_types.iter().any(|d| d.code == code) {
            return;
        }
        let known: Vec<(&str, &str)> =
            self.catalog.document_types.iter().map(|d| (d.code.as_str(), d.name.as_str())).collect();
        let hint = hint(nearest(code, &known).map(|(c, n)| format!("{c} {n}")));
        file.push(
            Severity::Error,
            at,
            Plain::new("finding-unknown-document-type").text("code", code).said("hint", hint),
        );
    }

    /// The type of the protected address document must exist and be secret in the records plan:
    /// TWeb gives the document the type's publicity, so a public type would publish the address.
    fn secret_document_type(&self, file: &mut FileCheck<'_>, code: &str) {
        let at = [Seg::Key("secret_address_document_type")];
        match self.catalog.document_type(code) {
            None => self.document_type(file, &at, code),
            Some(found) if found.records.publicity != PublicityClass::Secret => file.push(
                Severity::Error,
                &at,
                Plain::new("finding-address-type-not-secret").text("code", code).text("name", &found.name),
            ),
            Some(_) => {}
        }
    }

    fn template(&self, file: &mut FileCheck<'_>, at: &[Seg<'_>], template: &str, facts: Option<&ServiceFacts>) {
        for name in placeholders(template) {
            let problem = match name {
                "service" | "submitter" | "id" => None,
                _ if name.starts_with("field:") => {
                    let key = &name["field:".len()..];
                    let known = facts.filter(|f| !f.field_keys.is_empty());
                    known.filter(|f| !f.field_keys.contains(key)).map(|f| {
                        let keys: Vec<(&str, &str)> = f.field_keys.iter().map(|k| (k.as_str(), "")).collect();
                        let hint = hint(nearest(key, &keys).map(|(k, _)| format!("{{field:{k}}}")));
                        Plain::new("finding-unknown-field").text("service", &f.id).text("key", key).said("hint", hint)
                    })
                }
                _ if name.starts_with("submitted:") => {
                    let format = &name["submitted:".len()..];
                    let bad = chrono::format::StrftimeItems::new(format).any(|i| i == chrono::format::Item::Error);
                    bad.then(|| Plain::new("finding-bad-date-format").text("format", format))
                }
                other => Some(Plain::new("finding-bad-placeholder").text("name", format!("{{{other}}}"))),
            };
            if let Some(problem) = problem {
                file.push(Severity::Error, at, problem);
            }
        }
    }

    /// Checks a mapping already read (e.g. handed over in memory); its lines are those of the
    /// mapping written out again, so the messages matter more than the lines.
    pub fn check_mapping_value(&self, mapping: &ServiceMapping) -> Report {
        let path = PathBuf::from(format!("{}.toml", mapping.service));
        match toml::to_string(mapping) {
            Ok(text) => self.check_text(&path, &text),
            Err(e) => Report {
                path: path.clone(),
                mapping: None,
                issues: vec![Issue {
                    path,
                    line: 1,
                    severity: Severity::Error,
                    message: Plain::new("finding-not-mapping"),
                    detail: Some(e.to_string()),
                }],
            },
        }
    }

    /// Checks every `*.toml` of `dir`, and that no service has two files.
    pub fn check_dir(&self, dir: &Path) -> Result<Vec<Report>, MappingError> {
        let mut reports = Vec::new();
        for path in super::mapping_files(dir)? {
            let text =
                std::fs::read_to_string(&path).map_err(|source| MappingError::Io { path: path.clone(), source })?;
            reports.push(self.check_text(&path, &text));
        }
        let mut seen: Vec<(String, PathBuf)> = Vec::new();
        for report in &mut reports {
            let Some(service) = report.mapping.as_ref().map(|m| m.service.clone()) else { continue };
            if let Some((_, first)) = seen.iter().find(|(s, _)| *s == service) {
                report.issues.push(Issue {
                    path: report.path.clone(),
                    line: 1,
                    severity: Severity::Error,
                    message: Plain::new("finding-duplicate")
                        .text("first", crate::paths::shown(first))
                        .text("service", &service),
                    detail: None,
                });
            } else {
                seen.push((service, report.path.clone()));
            }
        }
        Ok(reports)
    }
}

/// "Did you mean …?" when there is a nearest valid choice, else nothing.
fn hint(suggestion: Option<String>) -> Plain {
    match suggestion {
        Some(suggestion) => Plain::new("finding-hint").text("suggestion", suggestion),
        None => Plain::new("finding-no-hint"),
    }
}

/// The `{…}` placeholders of a template.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}') else { break };
        found.push(&rest[start + 1..start + end]);
        rest = &rest[start + end + 1..];
    }
    found
}

#[cfg(test)]
mod tests;
