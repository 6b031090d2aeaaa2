//! Document types of attachments by content type or file name: the first matching rule wins,
//! else the mapping's default.

use serde::{Deserialize, Serialize};

/// One rule: attachments whose content type and/or file name match get `document_type`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentRule {
    /// MIME type, exact or with a `*` wildcard, e.g. `image/*`.
    #[serde(default)]
    pub content_type: Option<String>,
    /// File name pattern with `*` wildcards, case-insensitive, e.g. `*.dwg` or `valtakirja*`.
    #[serde(default)]
    pub filename: Option<String>,
    /// The document type.
    pub document_type: String,
}

/// Whether `text` matches `pattern`, where `*` stands for any run of characters (case-insensitive).
pub fn wildcard(pattern: &str, text: &str) -> bool {
    let (pattern, text) = (pattern.to_lowercase(), text.to_lowercase());
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || !text[first.len()..].ends_with(last) || text.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

impl AttachmentRule {
    /// Whether an attachment with this name and type matches (a rule with neither matches none).
    pub fn matches(&self, filename: &str, content_type: &str) -> bool {
        if self.content_type.is_none() && self.filename.is_none() {
            return false;
        }
        let content_type = content_type.split(';').next().unwrap_or_default().trim();
        self.content_type.as_deref().is_none_or(|p| wildcard(p, content_type))
            && self.filename.as_deref().is_none_or(|p| wildcard(p, filename))
    }
}

/// The document type for an attachment: the first matching rule's, else `default`.
pub fn attachment_type<'a>(
    rules: &'a [AttachmentRule],
    default: &'a str,
    filename: &str,
    content_type: &str,
) -> &'a str {
    rules.iter().find(|r| r.matches(filename, content_type)).map_or(default, |r| r.document_type.as_str())
}

#[cfg(test)]
mod tests {
    use super::{AttachmentRule, attachment_type, wildcard};

    #[test]
    fn wildcards_match_like_a_file_dialog() {
        assert!(wildcard("*.dwg", "Asemapiirros.DWG"));
        assert!(wildcard("image/*", "image/png"));
        assert!(wildcard("valtakirja*", "valtakirja_2026.pdf"));
        assert!(wildcard("*piirros*", "asemapiirros.png"));
        assert!(!wildcard("*.dwg", "piirros.pdf"));
        assert!(!wildcard("a*a", "a"));
        assert!(wildcard("application/pdf", "application/pdf"));
    }

    #[test]
    fn the_first_matching_rule_wins_else_the_default() {
        let rules = vec![
            AttachmentRule { content_type: Some("image/*".into()), filename: None, document_type: "VALOKUVA".into() },
            AttachmentRule {
                content_type: None,
                filename: Some("*piirros*".into()),
                document_type: "PIIRUSTUS".into(),
            },
        ];
        assert_eq!(attachment_type(&rules, "LIITE", "asemapiirros.png", "image/png"), "VALOKUVA");
        assert_eq!(attachment_type(&rules, "LIITE", "asemapiirros.pdf", "application/pdf"), "PIIRUSTUS");
        assert_eq!(attachment_type(&rules, "LIITE", "selvitys.pdf", "application/pdf; charset=binary"), "LIITE");
    }
}
