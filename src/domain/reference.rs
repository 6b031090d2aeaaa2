//! What a citizen may have typed into a form that names something already in the records: a
//! diary number (`123/02.05.01/2026`), an earlier submission's number (`TX-2026-001234`, the
//! case's external ref `epalvelu:TX-2026-001234`) or a henkilötunnus.

use super::{PersonalId, Transaction};

/// Something a form field names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Named {
    /// A diary number, as TWeb writes it.
    DiaryNumber(String),
    /// The external ref of a case Kirjaamo opened for an earlier transaction.
    ExternalRef(String),
}

/// A reference found in a form: what it names and the label of the field that named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// What was named.
    pub named: Named,
    /// The field's label as the citizen saw it.
    pub field: String,
}

fn is_boundary(c: Option<char>) -> bool {
    c.is_none_or(|c| !c.is_alphanumeric() && c != '/' && c != '.' && c != '-')
}

/// `N/NN.NN.NN/YYYY` at the start of `s` (N one to six digits), with its length in bytes.
fn diary_at(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let number = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=6).contains(&number) {
        return None;
    }
    let rest = &b[number..];
    let shape = b"/99.99.99/9999";
    if rest.len() < shape.len() {
        return None;
    }
    let fits = shape.iter().zip(rest).all(|(want, got)| if *want == b'9' { got.is_ascii_digit() } else { want == got });
    fits.then_some(number + shape.len())
}

/// `TX-YYYY-NNNNNN` at the start of `s` (upper or lower case), with its length in bytes.
fn transaction_at(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let shape = b"TX-9999-999999";
    if b.len() < shape.len() {
        return None;
    }
    let fits = shape
        .iter()
        .zip(b)
        .all(|(want, got)| if *want == b'9' { got.is_ascii_digit() } else { want.eq_ignore_ascii_case(got) });
    fits.then_some(shape.len())
}

/// Every diary number and earlier submission number in `text`, in order, without repeats.
pub fn find_in(text: &str) -> Vec<Named> {
    let mut found = Vec::new();
    for (at, c) in text.char_indices() {
        if !is_boundary(text[..at].chars().next_back()) || !(c.is_ascii_digit() || c == 'T' || c == 't') {
            continue;
        }
        let rest = &text[at..];
        let named = if let Some(len) = diary_at(rest).filter(|len| is_boundary(rest[*len..].chars().next())) {
            Named::DiaryNumber(rest[..len].to_owned())
        } else if let Some(len) = transaction_at(rest).filter(|len| is_boundary(rest[*len..].chars().next())) {
            Named::ExternalRef(format!("epalvelu:{}", rest[..len].to_uppercase()))
        } else {
            continue;
        };
        if !found.contains(&named) {
            found.push(named);
        }
    }
    found
}

/// Whether `text` holds a valid henkilötunnus (checksum included) anywhere.
pub fn holds_personal_id(text: &str) -> bool {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    (0..chars.len()).any(|i| {
        let start = chars[i].0;
        let before = i == 0 || !chars[i - 1].1.is_alphanumeric();
        let end = chars.get(i + 11).map_or(text.len(), |c| c.0);
        let after = chars.get(i + 11).is_none_or(|c| !c.1.is_alphanumeric());
        before && after && i + 11 <= chars.len() && PersonalId::parse(&text[start..end]).is_ok()
    })
}

/// `text` with every valid henkilötunnus in it masked (`131052-****`), for exports.
pub fn mask_personal_ids(text: &str) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let start = chars[i].0;
        let end = chars.get(i + 11).map_or(text.len(), |c| c.0);
        let before = i == 0 || !chars[i - 1].1.is_alphanumeric();
        let after = chars.get(i + 11).is_none_or(|c| !c.1.is_alphanumeric());
        if before && after && i + 11 <= chars.len() && PersonalId::parse(&text[start..end]).is_ok() {
            out.push_str(&super::mask_personal_id(&text[start..end]));
            i += 11;
        } else {
            out.push(chars[i].1);
            i += 1;
        }
    }
    out
}

impl Transaction {
    /// The references typed in the form's fields (not the ones the e-service put in its own
    /// transaction id), in form order, each with the first field that named it.
    pub fn references(&self) -> Vec<Reference> {
        let mut out: Vec<Reference> = Vec::new();
        for field in &self.fields {
            for named in find_in(&field.value) {
                let own = matches!(&named, Named::ExternalRef(r) if r.ends_with(&self.id));
                if !own && !out.iter().any(|r| r.named == named) {
                    out.push(Reference { named, field: field.label.clone() });
                }
            }
        }
        out
    }

    /// Whether the transaction carries a henkilötunnus: the submitter's, or one typed in a field.
    pub fn holds_personal_id(&self) -> bool {
        self.submitter.personal_id.is_some() || self.fields.iter().any(|f| holds_personal_id(&f.value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_diary_numbers_and_submission_numbers_with_their_bounds() {
        let text = "Viite 123/02.05.01/2026, vrt. TX-2026-001234 ja (7/10.03.01/2025). Ei: 1234567/02.05.01/2026x";
        assert_eq!(
            find_in(text),
            vec![
                Named::DiaryNumber("123/02.05.01/2026".into()),
                Named::ExternalRef("epalvelu:TX-2026-001234".into()),
                Named::DiaryNumber("7/10.03.01/2025".into()),
            ]
        );
        assert!(find_in("02.05.01 ja 12/2026 ja 5/02.05.1/2026").is_empty());
        assert_eq!(find_in("tx-2026-000001"), vec![Named::ExternalRef("epalvelu:TX-2026-000001".into())]);
    }

    #[test]
    fn a_personal_id_is_found_only_with_a_valid_check_character() {
        assert!(holds_personal_id("Lapsen hetu 131052-308T."));
        assert!(!holds_personal_id("Lapsen hetu 131052-308U."));
        assert!(!holds_personal_id("x131052-308T"));
        assert!(!holds_personal_id("lyhyt 131052-30"));
        assert!(holds_personal_id("ÄÖ 131052-308T"));
        assert_eq!(mask_personal_ids("Ä 131052-308T, 131052-308U"), "Ä 131052-****, 131052-308U");
    }
}
