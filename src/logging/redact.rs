//! Redaction of log lines: henkilötunnus, tokens, passwords and Authorization headers never reach
//! a log, whatever a library chose to print.

/// Whether the 11 characters at the start of `chars` look like a henkilötunnus.
fn is_personal_id(chars: &[char]) -> bool {
    chars.len() >= 11
        && chars[..6].iter().all(char::is_ascii_digit)
        && matches!(chars[6], '-' | '+' | 'A'..='F' | 'U'..='Y')
        && chars[7..10].iter().all(char::is_ascii_digit)
        && (chars[10].is_ascii_digit() || chars[10].is_ascii_uppercase())
}

fn mask_personal_ids(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let boundary_before = i == 0 || !chars[i - 1].is_alphanumeric();
        let boundary_after = chars.get(i + 11).is_none_or(|c| !c.is_alphanumeric());
        if boundary_before && boundary_after && is_personal_id(&chars[i..]) {
            out.extend(&chars[i..i + 7]);
            out.push_str("****");
            i += 11;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Replaces the value after each of `keys` (case-insensitive), up to whitespace, a quote, a comma
/// or a closing brace, with `[redacted]`.
fn mask_after(line: &str, keys: &[&str]) -> String {
    let mut out = line.to_owned();
    for key in keys {
        let mut from = 0;
        loop {
            let lower = out.to_lowercase();
            let Some(found) = lower[from..].find(key).map(|at| at + from) else { break };
            let mut start = found + key.len();
            // Skip separators between key and value: `: `, `=`, `":"`, spaces.
            while let Some(c) = out[start..].chars().next().filter(|c| matches!(c, ':' | '=' | '"' | ' ' | '\'')) {
                start += c.len_utf8();
            }
            let end = out[start..]
                .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ',' | '}' | ')'))
                .map_or(out.len(), |e| start + e);
            if end > start {
                out.replace_range(start..end, "[redacted]");
            }
            from = start + "[redacted]".len().min(out.len() - start);
        }
    }
    out
}

/// `line` with personal ids masked, secrets replaced and credential-looking values removed.
pub fn redact(line: &str, secrets: &[String]) -> String {
    let mut out = line.to_owned();
    for secret in secrets.iter().filter(|s| s.len() >= 4) {
        out = out.replace(secret.as_str(), "[redacted]");
    }
    let out = mask_personal_ids(&out);
    mask_after(
        &out,
        &["bearer ", "basic ", "authorization", "password", "passwd", "token", "secret", "api_key", "apikey"],
    )
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn personal_ids_tokens_and_passwords_never_pass() {
        let secrets = vec!["s3cr3t-outbox".to_owned()];
        let line = r#"GET /x Authorization: Bearer eyJhbGciOi.abc henkilötunnus 010190-123A and 131052+308T, token=abc123 {"password":"hunter2"} key s3cr3t-outbox"#;
        let out = redact(line, &secrets);
        for leaked in ["eyJhbGciOi", "-123A", "+308T", "abc123", "hunter2", "s3cr3t-outbox"] {
            assert!(!out.contains(leaked), "{leaked} in {out}");
        }
        assert!(out.contains("010190-****") && out.contains("131052+****"), "{out}");
        // Numbers that are not personal ids stay.
        assert_eq!(
            redact("diary 123/02.05.01/2026, 1234567890123, TX-2026-000123", &[]),
            "diary 123/02.05.01/2026, 1234567890123, TX-2026-000123"
        );
    }
}
