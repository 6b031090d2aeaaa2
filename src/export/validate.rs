//! Checks a transaction from the outbox before anything is filed: sizes within limits and
//! attachment metadata that is safe to use. A transaction that fails gets a clear error of its
//! own; nothing is claimed or created for it.

use std::collections::HashSet;

use crate::domain::Transaction;

/// Most form fields a transaction may have.
pub const MAX_FIELDS: usize = 2_000;
/// Longest field value, in characters.
pub const MAX_VALUE_CHARS: usize = 200_000;
/// Longest label, in characters.
pub const MAX_LABEL_CHARS: usize = 1_000;
/// Most attachments.
pub const MAX_ATTACHMENTS: usize = 100;

fn safe_filename(name: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err("has no file name".to_owned());
    }
    if name.chars().count() > 255 {
        return Err("has a file name longer than 255 characters".to_owned());
    }
    if name == "." || name == ".." || name.contains(['/', '\\']) {
        return Err(format!("has the file name {name:?}, which is a path, not a plain name"));
    }
    if name.chars().any(char::is_control) {
        return Err(format!("has control characters in its file name {:?}", name.escape_debug().to_string()));
    }
    Ok(())
}

fn mime_token(part: &str) -> bool {
    !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$&^_.+-".contains(&b))
}

fn valid_content_type(value: &str) -> bool {
    let essence = value.split(';').next().unwrap_or_default().trim();
    let ascii_printable = value.bytes().all(|b| (0x20..0x7f).contains(&b));
    ascii_printable && essence.split_once('/').is_some_and(|(t, s)| mime_token(t) && mime_token(s))
}

/// Every problem of `transaction` (fetched as `requested`), in plain words; empty when it is fine.
pub fn problems(requested: &str, transaction: &Transaction) -> Vec<String> {
    let mut out = Vec::new();
    if transaction.id != requested {
        out.push(format!("the outbox answered with transaction {:?} for {requested:?}", transaction.id));
    }
    if transaction.fields.len() > MAX_FIELDS {
        out.push(format!("it has {} form fields; at most {MAX_FIELDS} can be filed", transaction.fields.len()));
    }
    for field in &transaction.fields {
        if field.value.chars().count() > MAX_VALUE_CHARS {
            out.push(format!(
                "field {:?} holds {} characters; at most {MAX_VALUE_CHARS} can be filed",
                field.key,
                field.value.chars().count()
            ));
        }
        if field.label.chars().count() > MAX_LABEL_CHARS {
            out.push(format!("field {:?} has a label of {} characters", field.key, field.label.chars().count()));
        }
    }
    if transaction.attachments.len() > MAX_ATTACHMENTS {
        out.push(format!(
            "it has {} attachments; at most {MAX_ATTACHMENTS} can be filed",
            transaction.attachments.len()
        ));
    }
    let mut ids = HashSet::new();
    for attachment in &transaction.attachments {
        let name = format!("attachment {:?}", attachment.id);
        if attachment.id.is_empty() || !attachment.id.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b)) {
            out.push(format!("{name} has an id that is not a plain name"));
        }
        if !ids.insert(attachment.id.as_str()) {
            out.push(format!("{name} appears twice"));
        }
        if let Err(problem) = safe_filename(&attachment.filename) {
            out.push(format!("{name} {problem}"));
        }
        if !valid_content_type(&attachment.content_type) {
            out.push(format!(
                "{name} has the content type {:?}, which is not a MIME type",
                attachment.content_type.escape_debug().to_string()
            ));
        }
        if attachment.size == 0 {
            out.push(format!("{name} ({}) is empty", attachment.filename));
        }
        if attachment.sha256.len() != 64 || !attachment.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            out.push(format!("{name} has no valid SHA-256"));
        }
    }
    out
}
