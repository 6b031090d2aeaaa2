//! A citizen with a protection order (turvakielto): the form PDF, which becomes a case document
//! that may be public, carries neither the address from the sign-in nor a field that repeats it,
//! and says in its place that it is secret. Read back by each reader.

use super::case;
use super::reader::Reader;
use kirjaamo::domain::{FieldKind, FormField, PostalAddress, Transaction};
use kirjaamo::pdf;

fn with_address(protection_order: bool) -> Transaction {
    let mut t = case("01-url.json");
    t.submitter.address = Some(PostalAddress {
        street: "Turvakatu 17 B 9".to_owned(),
        postal_code: "33720".to_owned(),
        city: "Tampere".to_owned(),
    });
    t.submitter.protection_order = protection_order;
    for (key, label, value) in [
        ("katuosoite", "Katuosoite", "Turvakatu 17 B 9"),
        ("postitoimipaikka", "Postinumero ja -toimipaikka", "33720 Tampere"),
    ] {
        t.fields.push(FormField {
            key: key.to_owned(),
            label: label.to_owned(),
            value: value.to_owned(),
            kind: FieldKind::Text,
            section: Some("Yhteystiedot".to_owned()),
        });
    }
    t
}

pub fn a_protection_order_s_address_is_in_no_text_of_the_pdf(r: &dyn Reader) {
    let open = pdf::render(&with_address(false)).expect("render");
    let text = r.raw_text(&open.bytes);
    assert!(text.contains("Turvakatu") && text.contains("33720"), "the reader finds an address: {text}");

    let protected = pdf::render(&with_address(true)).expect("render");
    let text = r.raw_text(&protected.bytes);
    for secret in ["Turvakatu", "33720"] {
        assert!(!text.contains(secret), "{secret} is in the PDF of a citizen with a protection order");
    }
    assert!(text.matches("turvakielto").count() >= 3, "the header and both fields say why: {text}");
}

/// The separate secret document is the one place the address is filed: it carries the address,
/// the form's fields that held it and the secrecy with its basis, and nothing else of the form
/// (no henkilötunnus, no other field). It is as archival as the form, and there is none without a
/// protection order.
pub fn the_secret_address_document_carries_the_address_and_nothing_else(r: &dyn Reader) {
    assert!(pdf::render_secret_address(&with_address(false)).expect("render").is_none(), "no order, no document");
    let transaction = with_address(true);
    let secret = pdf::render_secret_address(&transaction).expect("render").expect("a secret address document");
    r.check(&secret.bytes).unwrap_or_else(|e| panic!("the secret address document is not archival: {e}"));
    let text = r.raw_text(&secret.bytes);
    for expected in ["Turvakiellon alainen osoite", "Turvakatu 17 B 9", "33720 Tampere", "JulkL 24 § 1 mom. 31 k."] {
        assert!(super::squeeze(&text).contains(&super::squeeze(expected)), "{expected} missing: {text}");
    }
    assert!(text.contains(&transaction.id), "it names its transaction");
    if let Some(id) = &transaction.submitter.personal_id {
        assert!(!text.contains(id.expose()), "no henkilötunnus in the address document");
    }
    let other = transaction.fields.iter().find(|f| !transaction.shows_secret_address(&f.value)).expect("a field");
    let value = other.value.trim();
    assert!(value.len() < 4 || !text.contains(value), "{value} of {} is not the address", other.key);
    let shown = pdf::secret_address_text(&transaction).expect("text").expect("the document's text");
    assert!(shown.iter().any(|s| s == "Turvakatu 17 B 9, 33720 Tampere"), "{shown:?}");
}
