//! Writing a mapping back: into its file with the admin's comments and layout kept (toml_edit),
//! atomically (a temporary file beside it, then a rename), so a reader never sees half a file.

use std::path::{Path, PathBuf};

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use super::{DefaultAction, MappingError, ServiceMapping};

fn action_name(action: DefaultAction) -> &'static str {
    match action {
        DefaultAction::NewCase => "new_case",
        DefaultAction::ExistingCase => "existing_case",
        DefaultAction::AssignmentOnly => "assignment_only",
    }
}

fn strings(list: &[String]) -> toml_edit::Value {
    toml_edit::Value::Array(list.iter().map(String::as_str).collect())
}

/// The plain value of a TOML value, without its layout or comments.
fn plain(value: &toml_edit::Value) -> Option<toml::Value> {
    let mut bare = value.clone();
    bare.decor_mut().clear();
    toml::from_str::<toml::Table>(&format!("v = {bare}")).ok().and_then(|mut t| t.remove("v"))
}

/// Sets `key` to `new` unless it already holds that value, so untouched lines stay byte for byte;
/// a changed value keeps the comment after it.
fn set(table: &mut Table, key: &str, new: Item) {
    match (table.get_mut(key), new) {
        (Some(Item::Value(old)), Item::Value(mut new)) => {
            if plain(old) != plain(&new) {
                *new.decor_mut() = old.decor().clone();
                *old = new;
            }
        }
        (_, new) => {
            table.insert(key, new);
        }
    }
}

/// Like [`set`], but a key the file leaves out stays out while the value is its default.
fn set_unless_default(table: &mut Table, key: &str, new: Item, is_default: bool) {
    if table.contains_key(key) || !is_default {
        set(table, key, new);
    }
}

fn set_optional(table: &mut Table, key: &str, new: Option<Item>) {
    match new {
        Some(item) => set(table, key, item),
        None => {
            table.remove(key);
        }
    }
}

/// Writes `mapping`'s values into `doc`, keeping comments, order and anything it does not name.
pub fn update_document(doc: &mut DocumentMut, mapping: &ServiceMapping) {
    #[derive(serde::Deserialize)]
    struct Rules {
        #[serde(default)]
        attachment_rules: Vec<super::AttachmentRule>,
    }
    let old_rules = toml::from_str::<Rules>(&doc.to_string()).map(|r| r.attachment_rules).unwrap_or_default();
    let root = doc.as_table_mut();
    set(root, "schema", value(i64::from(mapping.schema)));
    set(root, "service", value(&mapping.service));
    set(root, "name", value(&mapping.name));
    set(root, "action", value(action_name(mapping.action)));
    set_unless_default(root, "automatic", value(mapping.automatic), !mapping.automatic);
    set_optional(root, "case_group", mapping.case_group.as_deref().map(value));
    set(root, "title", value(&mapping.title));
    set(root, "form_document_type", value(&mapping.form_document_type));
    set(root, "attachment_document_type", value(&mapping.attachment_document_type));
    set_optional(root, "secret_address_document_type", mapping.secret_address_document_type.as_deref().map(value));
    set_unless_default(root, "submitter_is_party", value(mapping.submitter_is_party), mapping.submitter_is_party);
    set_optional(root, "deadline_days", mapping.deadline_days.map(|d| value(i64::from(d))));
    match &mapping.assignment {
        Some(a) => {
            if !root.get("assignment").is_some_and(Item::is_table) {
                root.insert("assignment", Item::Table(Table::new()));
            }
            if let Some(table) = root.get_mut("assignment").and_then(Item::as_table_mut) {
                set(table, "users", Item::Value(strings(&a.users)));
                set(table, "groups", Item::Value(strings(&a.groups)));
                set(table, "subject", value(&a.subject));
                set_optional(table, "message", a.message.as_deref().map(value));
                set_optional(table, "due_in_days", a.due_in_days.map(|d| value(i64::from(d))));
            }
        }
        None => {
            root.remove("assignment");
        }
    }
    if mapping.attachment_rules.is_empty() {
        root.remove("attachment_rules");
    } else if old_rules != mapping.attachment_rules {
        let mut tables = ArrayOfTables::new();
        for rule in &mapping.attachment_rules {
            let mut table = Table::new();
            if let Some(content_type) = &rule.content_type {
                table.insert("content_type", value(content_type));
            }
            if let Some(filename) = &rule.filename {
                table.insert("filename", value(filename));
            }
            table.insert("document_type", value(&rule.document_type));
            tables.push(table);
        }
        root.insert("attachment_rules", Item::ArrayOfTables(tables));
    }
}

/// A new file's text for `mapping`, with a header comment.
pub fn new_document(mapping: &ServiceMapping) -> DocumentMut {
    let mut doc = DocumentMut::new();
    update_document(&mut doc, mapping);
    let header =
        format!("# Filing defaults of the e-service {} ({}). See docs/mappings.md.\n", mapping.name, mapping.service);
    doc.decor_mut().set_prefix(header);
    doc
}

/// Writes `text` to `path` atomically: a temporary file in the same folder, synced, then renamed.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), MappingError> {
    crate::paths::write_atomic(path, text.as_bytes())
        .map_err(|source| MappingError::Io { path: path.to_owned(), source })
}

/// Saves `mapping` as `dir/<service>.toml`: into the existing file with its comments kept, or as
/// a new file. Returns the path.
pub fn save(dir: &Path, mapping: &ServiceMapping) -> Result<PathBuf, MappingError> {
    let path = dir.join(format!("{}.toml", mapping.service));
    let doc = match std::fs::read_to_string(&path) {
        Ok(text) => {
            let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| MappingError::Format {
                path: path.clone(),
                message: e.to_string(),
            })?;
            update_document(&mut doc, mapping);
            doc
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => new_document(mapping),
        Err(source) => return Err(MappingError::Io { path, source }),
    };
    write_atomic(&path, &doc.to_string())?;
    Ok(path)
}

/// Saves `mapping` like [`save`], but only if the file still holds `base`, the mapping the edit
/// started from (`None`: there was no file). When someone changed the file meanwhile, nothing
/// is written and [`MappingError::Changed`] names the keys that differ and holds the file's
/// mapping, so the admin can reload it or overwrite it knowingly.
pub fn save_unless_changed(
    dir: &Path,
    mapping: &ServiceMapping,
    base: Option<&ServiceMapping>,
) -> Result<PathBuf, MappingError> {
    let path = dir.join(format!("{}.toml", mapping.service));
    let on_disk = match std::fs::read_to_string(&path) {
        Ok(text) => Some(toml::from_str::<ServiceMapping>(&text).ok().map(Box::new)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => return Err(MappingError::Io { path, source }),
    };
    let unchanged = match (&on_disk, base) {
        (None, None) => true,
        (Some(Some(disk)), Some(base)) => **disk == *base,
        _ => false,
    };
    if !unchanged {
        let disk = on_disk.flatten();
        let fields = differences(base, disk.as_deref());
        return Err(MappingError::Changed { path, fields, on_disk: disk });
    }
    save(dir, mapping)
}

/// The top-level keys (and `assignment.` keys) whose values differ between two mappings.
pub fn differences(a: Option<&ServiceMapping>, b: Option<&ServiceMapping>) -> Vec<String> {
    fn table(m: Option<&ServiceMapping>) -> toml::Table {
        m.and_then(|m| toml::Table::try_from(m).ok()).unwrap_or_default()
    }
    fn walk(prefix: &str, a: &toml::Table, b: &toml::Table, found: &mut Vec<String>) {
        let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
        for key in keys {
            match (a.get(key), b.get(key)) {
                (Some(toml::Value::Table(x)), Some(toml::Value::Table(y))) => {
                    walk(&format!("{prefix}{key}."), x, y, found);
                }
                (x, y) if x != y => found.push(format!("{prefix}{key}")),
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    walk("", &table(a), &table(b), &mut found);
    if found.is_empty() && a.is_some() != b.is_some() {
        found.push("service".to_owned());
    }
    found
}

#[cfg(test)]
mod tests;
