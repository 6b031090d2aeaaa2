//! Values and labels written the Finnish or Swedish way.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::{FieldKind, FormField, Language};

/// Fixed texts of the PDF in one language.
#[derive(Debug, Clone, Copy)]
pub struct Texts {
    /// "Tunnus".
    pub id: &'static str,
    /// "Vastaanotettu".
    pub received: &'static str,
    /// "Asia".
    pub subject: &'static str,
    /// "Lähettäjä".
    pub sender: &'static str,
    /// "Henkilötunnus".
    pub personal_id: &'static str,
    /// "Sähköposti".
    pub email: &'static str,
    /// "Puhelin".
    pub phone: &'static str,
    /// "Osoite".
    pub address: &'static str,
    /// What stands for an address a protection order keeps secret.
    pub address_secret: &'static str,
    /// The title of the separate secret document that carries a protected address.
    pub secret_address_title: &'static str,
    /// "Salassapito".
    pub secrecy: &'static str,
    /// The secret document's heading of the form's fields that held the address.
    pub address_fields: &'static str,
    /// "Kieli".
    pub language: &'static str,
    /// The language's own name.
    pub language_name: &'static str,
    /// "Liitteet".
    pub attachments: &'static str,
    /// "Ei liitteitä".
    pub no_attachments: &'static str,
    /// "Lomakkeen tiedot": heading of fields without a section.
    pub form: &'static str,
    /// "Sivu".
    pub page: &'static str,
    /// "klo".
    pub at: &'static str,
}

const FI: Texts = Texts {
    id: "Tunnus",
    received: "Vastaanotettu",
    subject: "Asia",
    sender: "Lähettäjä",
    personal_id: "Henkilötunnus",
    email: "Sähköposti",
    phone: "Puhelin",
    address: "Osoite",
    address_secret: "Salassa pidettävä: turvakielto (JulkL 24 § 1 mom. 31 k.)",
    secret_address_title: "Turvakiellon alainen osoite",
    secrecy: "Salassapito",
    address_fields: "Lomakkeen osoitetiedot",
    language: "Kieli",
    language_name: "suomi",
    attachments: "Liitteet",
    no_attachments: "Ei liitteitä",
    form: "Lomakkeen tiedot",
    page: "Sivu",
    at: "klo",
};

const SV: Texts = Texts {
    id: "Ärendenummer",
    received: "Mottaget",
    subject: "Ärende",
    sender: "Avsändare",
    personal_id: "Personbeteckning",
    email: "E-post",
    phone: "Telefon",
    address: "Adress",
    address_secret: "Sekretessbelagd: spärrmarkering (OffL 24 § 1 mom. 31 p.)",
    secret_address_title: "Adress under spärrmarkering",
    secrecy: "Sekretess",
    address_fields: "Blankettens adressuppgifter",
    language: "Språk",
    language_name: "svenska",
    attachments: "Bilagor",
    no_attachments: "Inga bilagor",
    form: "Blankettens uppgifter",
    page: "Sida",
    at: "kl.",
};

/// The texts of `language`.
pub fn texts(language: Language) -> &'static Texts {
    match language {
        Language::Fi => &FI,
        Language::Sv => &SV,
    }
}

/// A point in time in Helsinki time: `5.11.2026 klo 23.17`.
pub fn timestamp(at: DateTime<Utc>, language: Language) -> String {
    let local = crate::domain::helsinki::local(at);
    format!("{} {} {}", local.format("%-d.%-m.%Y"), texts(language).at, local.format("%-H.%M"))
}

/// A number with a space every three digits and a decimal comma: `12 500,50`.
pub fn number(value: &str) -> Option<String> {
    let value = value.trim();
    let (sign, digits) = value.strip_prefix('-').map_or(("", value), |rest| ("-", rest));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let valid =
        !whole.is_empty() && whole.chars().all(|c| c.is_ascii_digit()) && fraction.chars().all(|c| c.is_ascii_digit());
    if !valid {
        return None;
    }
    // Finnish and Swedish usage: four-digit numbers (years, small sums) stay ungrouped.
    let group = whole.len() > 4;
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if group && i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('\u{a0}');
        }
        grouped.push(c);
    }
    Some(if fraction.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped},{fraction}") })
}

/// A size in bytes: `812 kt`, `1,4 Mt` (Finnish) or `812 kB`, `1,4 MB` (Swedish).
pub fn size(bytes: u64, language: Language) -> String {
    let (kilo, mega) = match language {
        Language::Fi => ("kt", "Mt"),
        Language::Sv => ("kB", "MB"),
    };
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    if bytes < 1_000_000 {
        return format!("{} {kilo}", bytes.div_ceil(1000));
    }
    let tenths = (bytes + 50_000) / 100_000;
    format!("{},{} {mega}", tenths / 10, tenths % 10)
}

/// How a field's value is shown: dates, booleans and numbers in the transaction's language, an
/// empty value as an en dash, anything unreadable exactly as submitted.
pub fn field_value(field: &FormField, language: Language) -> String {
    let value = field.value.trim();
    if value.is_empty() {
        return "–".to_owned();
    }
    match field.kind {
        FieldKind::Date => NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .map(|d| d.format("%-d.%-m.%Y").to_string())
            .unwrap_or_else(|_| field.value.clone()),
        FieldKind::Boolean => match (value, language) {
            ("true", Language::Fi) => "Kyllä".to_owned(),
            ("false", Language::Fi) => "Ei".to_owned(),
            ("true", Language::Sv) => "Ja".to_owned(),
            ("false", Language::Sv) => "Nej".to_owned(),
            _ => field.value.clone(),
        },
        FieldKind::Number => number(value).unwrap_or_else(|| field.value.clone()),
        _ => field.value.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(kind: FieldKind, value: &str) -> FormField {
        FormField { key: "k".into(), label: "L".into(), value: value.into(), kind, section: None }
    }

    #[test]
    fn values_are_written_the_finnish_and_swedish_way() {
        assert_eq!(field_value(&field(FieldKind::Date, "2026-03-01"), Language::Fi), "1.3.2026");
        assert_eq!(field_value(&field(FieldKind::Date, "ensi viikolla"), Language::Fi), "ensi viikolla");
        assert_eq!(field_value(&field(FieldKind::Boolean, "true"), Language::Fi), "Kyllä");
        assert_eq!(field_value(&field(FieldKind::Boolean, "false"), Language::Sv), "Nej");
        assert_eq!(field_value(&field(FieldKind::Number, "12500.5"), Language::Fi), "12\u{a0}500,5");
        assert_eq!(field_value(&field(FieldKind::Number, "-1234567"), Language::Sv), "-1\u{a0}234\u{a0}567");
        assert_eq!(field_value(&field(FieldKind::Number, "2007"), Language::Fi), "2007");
        assert_eq!(field_value(&field(FieldKind::Number, "1212.90"), Language::Fi), "1212,90");
        assert_eq!(field_value(&field(FieldKind::Number, "n/a"), Language::Fi), "n/a");
        assert_eq!(field_value(&field(FieldKind::Text, "  "), Language::Fi), "–");
        assert_eq!(size(1_450_000, Language::Fi), "1,5 Mt");
        assert_eq!(size(812_345, Language::Sv), "813 kB");
        let at = DateTime::parse_from_rfc3339("2026-11-05T21:17:02Z").expect("time").with_timezone(&Utc);
        assert_eq!(timestamp(at, Language::Fi), "5.11.2026 klo 23.17");
        let summer = DateTime::parse_from_rfc3339("2026-07-01T06:05:00Z").expect("time").with_timezone(&Utc);
        assert_eq!(timestamp(summer, Language::Sv), "1.7.2026 kl. 9.05");
    }
}
