//! Title and message templates: `{service}`, `{submitter}`, `{id}`, `{field:KEY}` and
//! `{submitted:FORMAT}` (a chrono format in Helsinki time).

use chrono_tz::Europe::Helsinki;

use crate::domain::Transaction;

/// Fills `template` from `transaction`. Unknown placeholders stay as written, so a mistake shows.
pub fn render_template(template: &str, transaction: &Transaction) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = &rest[start + 1..start + end];
        match placeholder(name, transaction) {
            Some(value) => out.push_str(&value),
            None => out.push_str(&rest[start..=start + end]),
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out
}

fn placeholder(name: &str, transaction: &Transaction) -> Option<String> {
    match name {
        "service" => Some(transaction.service.name.clone()),
        "submitter" => Some(transaction.submitter.name.clone()),
        "id" => Some(transaction.id.clone()),
        _ => {
            if let Some(key) = name.strip_prefix("field:") {
                return transaction.field(key).map(|f| f.value.trim().to_owned());
            }
            let format = name.strip_prefix("submitted:")?;
            let mut text = String::new();
            use std::fmt::Write;
            write!(text, "{}", transaction.submitted_at.with_timezone(&Helsinki).format(format)).ok()?;
            Some(text)
        }
    }
}
