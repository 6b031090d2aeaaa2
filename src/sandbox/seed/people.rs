//! Realistic Finnish and Swedish-speaking people and addresses for the seed data.

use chrono::{Datelike, NaiveDate};

use super::rng::SeedRng;
use crate::domain::{Language, PersonalId, PostalAddress, Submitter};

const FI_FIRST: &[&str] = &[
    "Aino", "Eino", "Helmi", "Väinö", "Sofia", "Juhani", "Emilia", "Mikael", "Kaarina", "Matti", "Liisa", "Ilmari",
    "Tuula", "Jukka", "Päivi", "Antti", "Sanna", "Olli", "Riitta", "Jyrki", "Hanna", "Tapio",
];
const SV_FIRST: &[&str] =
    &["Elsa", "Henrik", "Ebba", "Johan", "Linnea", "Gustav", "Karin", "Anders", "Ingrid", "Fredrik", "Astrid"];
const FI_LAST: &[&str] = &[
    "Korhonen",
    "Virtanen",
    "Mäkinen",
    "Nieminen",
    "Mäkelä",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Lehtonen",
    "Saarinen",
    "Salminen",
    "Hyvönen",
    "Ahonen",
    "Räsänen",
    "Kääriäinen",
    "Öhman",
];
const SV_LAST: &[&str] =
    &["Lindqvist", "Björklund", "Nyström", "Sjöberg", "Holmström", "Grönroos", "Wikström", "Åberg", "Ekholm"];
const STREETS: &[&str] = &[
    "Hämeenkatu",
    "Satakunnankatu",
    "Pispalan valtatie",
    "Tuomiokirkonkatu",
    "Kalevantie",
    "Sammonkatu",
    "Pyynikintie",
    "Näsilinnankatu",
    "Rautatienkatu",
    "Itsenäisyydenkatu",
    "Koivistontie",
    "Lielahdenkatu",
];
const SV_STREETS: &[&str] = &["Storgatan", "Strandvägen", "Kyrkogatan", "Skolgatan", "Sjövägen"];
const POSTAL: &[(&str, &str)] = &[
    ("33100", "Tampere"),
    ("33200", "Tampere"),
    ("33500", "Tampere"),
    ("33720", "Tampere"),
    ("33400", "Tampere"),
    ("33580", "Tampere"),
];

/// A generated person with a consistent name, id, e-mail and address.
#[derive(Debug, Clone)]
pub struct Person {
    /// First name.
    pub first: String,
    /// Last name.
    pub last: String,
    /// Submitter record built from the person.
    pub submitter: Submitter,
}

impl Person {
    /// "Last First", the order registers use.
    pub fn register_name(&self) -> String {
        format!("{} {}", self.last, self.first)
    }
}

fn ascii_fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ä' | 'å' | 'Ä' | 'Å' => 'a',
            'ö' | 'Ö' => 'o',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// A person speaking `language`; `with_id` tells whether they signed in with strong identification.
pub fn person(rng: &mut SeedRng, language: Language, with_id: bool) -> Person {
    let (firsts, lasts, streets) = match language {
        Language::Fi => (FI_FIRST, FI_LAST, STREETS),
        Language::Sv => (SV_FIRST, SV_LAST, SV_STREETS),
    };
    let first = (*rng.pick(firsts)).to_owned();
    let last = (*rng.pick(lasts)).to_owned();
    let year = rng.range(1938, 2006) as i32;
    let birth =
        NaiveDate::from_ymd_opt(year, rng.range(1, 12) as u32, rng.range(1, 28) as u32).unwrap_or(NaiveDate::MIN);
    let century = if year >= 2000 { 'A' } else { '-' };
    let birth_digits = format!("{:02}{:02}{:02}", birth.day(), birth.month(), year % 100);
    // 900–999 are the individual numbers reserved for test identities.
    let individual = rng.range(900, 999) as u16;
    let personal_id = PersonalId::from_parts(&birth_digits, century, individual);
    let (postal_code, city) = *rng.pick(POSTAL);
    let submitter = Submitter {
        name: format!("{first} {last}"),
        personal_id: if with_id { personal_id } else { None },
        email: Some(format!("{}.{}@example.fi", ascii_fold(&first), ascii_fold(&last))),
        phone: Some(format!("040 {:03} {:04}", rng.range(100, 999), rng.range(0, 9999))),
        address: Some(PostalAddress {
            street: format!("{} {}", rng.pick(streets), rng.range(1, 60)),
            postal_code: postal_code.to_owned(),
            city: city.to_owned(),
        }),
        // About one signed-in citizen in thirteen has a protection order (the sign-in tells it).
        protection_order: with_id && individual.is_multiple_of(13),
    };
    Person { first, last, submitter }
}

/// A Finnish vehicle registration number such as `ABC-123`.
pub fn plate(rng: &mut SeedRng) -> String {
    let letters: String = (0..3).map(|_| char::from(b'A' + rng.range(0, 25) as u8)).collect();
    format!("{letters}-{}", rng.range(1, 999))
}

/// A Finnish IBAN (check digits computed, bank part random).
pub fn iban(rng: &mut SeedRng) -> String {
    let bban = format!("{:014}", rng.range(10_000_000_000_000, 99_999_999_999_999));
    // ISO 7064 mod 97-10 over BBAN + "FI00" with letters as numbers (F=15, I=18).
    let numeric = format!("{bban}151800");
    let remainder = numeric.bytes().fold(0u64, |acc, b| (acc * 10 + u64::from(b - b'0')) % 97);
    let check = 98 - remainder;
    let raw = format!("FI{check:02}{bban}");
    raw.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// A Finnish business id (Y-tunnus) with a valid check digit.
pub fn business_id(rng: &mut SeedRng) -> String {
    let digits = format!("{:07}", rng.range(1_000_000, 3_299_999));
    let weights = [7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = digits.bytes().zip(weights).map(|(b, w)| u32::from(b - b'0') * w).sum();
    let check = match sum % 11 {
        0 => 0,
        1 => return business_id(rng),
        r => 11 - r,
    };
    format!("{digits}-{check}")
}
