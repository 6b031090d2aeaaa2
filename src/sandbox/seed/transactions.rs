//! Generates the seed outbox: transactions with their form fields and attachment bytes.

use crate::sandbox::file_content::FileContent;
use chrono::{DateTime, Duration, Utc};

use super::people::{self, Person};
use super::rng::SeedRng;
use super::spec::{FieldSpec, Gen, ServiceSpec};
use super::{files, services};
use crate::domain::{Attachment, FieldKind, FormField, Language, Service, Transaction, helsinki};

/// A transaction and the bytes of its attachments, in the same order.
#[derive(Debug, Clone)]
pub struct SeedTransaction {
    /// The transaction.
    pub transaction: Transaction,
    /// Attachment contents, one per `transaction.attachments` entry.
    pub files: Vec<FileContent>,
}

struct Context<'a> {
    rng: &'a mut SeedRng,
    language: Language,
    submitter: &'a Person,
    other: &'a Person,
    submitted_at: DateTime<Utc>,
    prose: &'a [(&'static str, &'static str)],
}

impl Context<'_> {
    fn text(&self, pair: (&str, &str)) -> String {
        match self.language {
            Language::Fi => pair.0.to_owned(),
            Language::Sv => pair.1.to_owned(),
        }
    }

    fn value(&mut self, generate: Gen) -> (String, FieldKind) {
        let s = &self.submitter.submitter;
        let expose = |p: &Person| p.submitter.personal_id.as_ref().map(|id| id.expose().to_owned()).unwrap_or_default();
        match generate {
            Gen::SubmitterName => (s.name.clone(), FieldKind::Text),
            Gen::SubmitterId => (expose(self.submitter), FieldKind::Text),
            Gen::SubmitterEmail => (s.email.clone().unwrap_or_default(), FieldKind::Email),
            Gen::SubmitterPhone => (s.phone.clone().unwrap_or_default(), FieldKind::Phone),
            Gen::SubmitterStreet => (s.address.as_ref().map(|a| a.street.clone()).unwrap_or_default(), FieldKind::Text),
            Gen::SubmitterPostal => (
                s.address.as_ref().map(|a| format!("{} {}", a.postal_code, a.city)).unwrap_or_default(),
                FieldKind::Text,
            ),
            Gen::OtherName => (self.other.submitter.name.clone(), FieldKind::Text),
            Gen::OtherId => (expose(self.other), FieldKind::Text),
            Gen::Plate => (people::plate(self.rng), FieldKind::Text),
            Gen::Iban => (people::iban(self.rng), FieldKind::Text),
            Gen::BusinessId => (people::business_id(self.rng), FieldKind::Text),
            Gen::Date(from, to) => {
                let days = from + self.rng.range(0, (to - from).max(0) as u64) as i64;
                ((self.submitted_at + Duration::days(days)).date_naive().to_string(), FieldKind::Date)
            }
            Gen::Choice(options) => {
                let pair = *self.rng.pick(options);
                (self.text(pair), FieldKind::Choice)
            }
            Gen::Bool(p) => (self.rng.chance(p).to_string(), FieldKind::Boolean),
            Gen::Number(lo, hi) => (self.rng.range(lo, hi).to_string(), FieldKind::Number),
            Gen::Euros(lo, hi) => {
                let cents = self.rng.range(lo * 100, hi * 100);
                (format!("{}.{:02}", cents / 100, cents % 100), FieldKind::Number)
            }
            Gen::Line(options) => {
                let pair = *self.rng.pick(options);
                (self.text(pair), FieldKind::Text)
            }
            Gen::Prose => {
                // Distinct paragraphs, in a random order, as a person writes them.
                let count = self.rng.range(1, self.prose.len().min(4) as u64) as usize;
                let mut pool: Vec<(&str, &str)> = self.prose.to_vec();
                let mut paragraphs = Vec::with_capacity(count);
                for _ in 0..count {
                    let index = self.rng.range(0, pool.len() as u64 - 1) as usize;
                    let pair = pool.swap_remove(index);
                    paragraphs.push(self.text(pair));
                }
                (paragraphs.join("\n\n"), FieldKind::Multiline)
            }
            Gen::Street => {
                let street = *self.rng.pick(&[
                    "Hämeenkatu",
                    "Tuomiokirkonkatu",
                    "Satakunnankatu",
                    "Kalevan puistotie",
                    "Laukontori",
                ]);
                (format!("{street} {}, Tampere", self.rng.range(1, 40)), FieldKind::Text)
            }
            Gen::Hours => {
                let start = self.rng.range(7, 18);
                (format!("{start}.00–{}.00", start + self.rng.range(1, 4)), FieldKind::Text)
            }
        }
    }

    fn field(&mut self, spec: &FieldSpec, section: &str, ordinal: Option<u64>) -> FormField {
        let (mut value, kind) = self.value(spec.generate);
        if spec.optional && self.rng.chance(0.2) {
            value.clear();
        }
        let label = self.text((spec.fi, spec.sv));
        let (key, label) = match ordinal {
            Some(n) => (format!("{}_{n}", spec.key), format!("{label} {n}")),
            None => (spec.key.to_owned(), label),
        };
        FormField { key, label, value, kind, section: Some(section.to_owned()) }
    }
}

fn transaction(rng: &mut SeedRng, spec: &ServiceSpec, now: DateTime<Utc>) -> SeedTransaction {
    let language = if rng.chance(0.2) { Language::Sv } else { Language::Fi };
    let submitter = people::person(rng, language, spec.strong_id);
    let other = people::person(rng, language, true);
    // Spread over the last three weeks, during office and evening hours.
    let submitted_at = now - Duration::minutes(rng.range(30, 21 * 24 * 60) as i64);
    let name = match language {
        Language::Fi => spec.fi,
        Language::Sv => spec.sv,
    };
    let mut fields = Vec::new();
    let mut context = Context { rng, language, submitter: &submitter, other: &other, submitted_at, prose: spec.prose };
    for section in spec.sections {
        let heading = context.text((section.fi, section.sv));
        let repeats = context.rng.range(section.repeat.0, section.repeat.1);
        for n in 1..=repeats {
            let ordinal = (section.repeat.1 > 1).then_some(n);
            for field in section.fields {
                fields.push(context.field(field, &heading, ordinal));
            }
        }
    }
    let lines: Vec<&str> = spec.prose.iter().map(|p| if language == Language::Fi { p.0 } else { p.1 }).collect();
    let count = rng.range(spec.attachments.0, spec.attachments.1) as usize;
    let mut attachments = Vec::with_capacity(count);
    let mut blobs = Vec::with_capacity(count);
    for (index, file) in spec.files.iter().cycle().take(count).enumerate() {
        let stem = if language == Language::Fi { file.fi } else { file.sv };
        let (extension, content_type) = files::extension_and_type(file.kind);
        let bytes = files::generate(rng, file.kind, stem, &lines);
        attachments.push(Attachment {
            id: format!("A{}", index + 1),
            filename: format!("{stem}.{extension}"),
            content_type: content_type.to_owned(),
            size: bytes.len() as u64,
            sha256: bytes.sha256(),
        });
        blobs.push(bytes);
    }
    let transaction = Transaction {
        id: String::new(),
        service: Service { id: spec.id.to_owned(), name: name.to_owned() },
        submitted_at,
        language,
        title: format!("{name} – {}", submitter.register_name()),
        submitter: submitter.submitter.clone(),
        fields,
        attachments,
    };
    SeedTransaction { transaction, files: blobs }
}

/// How many transactions the seed has filed already (by other clerks, half of them today, at any
/// hour, and the rest yesterday).
pub const FILED: usize = 8;

/// The seed outbox for `seed`, with submission times in the three weeks before `now`: the pending
/// transactions (a double submission and a repeat of a filed one among them), and the ones filed
/// already, submitted yesterday or the day before.
pub fn generate(seed: u64, now: DateTime<Utc>) -> (Vec<SeedTransaction>, Vec<SeedTransaction>) {
    let mut rng = SeedRng::new(seed);
    let mut pending = Vec::new();
    let specs = services::all();
    for spec in &specs {
        for _ in 0..spec.count {
            pending.push(transaction(&mut rng, spec, now));
        }
    }
    let mut filed: Vec<SeedTransaction> = (0..FILED)
        .map(|i| {
            let mut t = transaction(&mut rng, &specs[i % specs.len()], now);
            // Submitted before today began, so that a filing can be made yesterday or today.
            t.transaction.submitted_at =
                helsinki::start_of_day(now) - Duration::minutes(rng.range(2 * 60, 30 * 60) as i64);
            t
        })
        .collect();
    // A citizen who pressed "Lähetä" twice: the same answers seven minutes apart.
    pending.sort_by_key(|t| t.transaction.submitted_at);
    if let Some(first) = pending.iter().find(|t| t.transaction.service.id == "asukaspysakointi").cloned() {
        let mut again = first;
        again.transaction.submitted_at += Duration::minutes(7);
        pending.push(again);
    }
    // A citizen who sent again what was filed already.
    if let Some(earlier) = filed.first().cloned() {
        let mut again = earlier;
        again.transaction.submitted_at = now - Duration::minutes(95);
        pending.push(again);
    }
    // ePalvelu numbers submissions as they arrive, across all services.
    let mut all: Vec<(bool, SeedTransaction)> =
        pending.into_iter().map(|t| (false, t)).chain(filed.drain(..).map(|t| (true, t))).collect();
    all.sort_by_key(|(_, t)| t.transaction.submitted_at);
    let mut number = 1000;
    for (_, seed_transaction) in &mut all {
        number += rng.range(1, 40);
        seed_transaction.transaction.id =
            format!("TX-{}-{number:06}", seed_transaction.transaction.submitted_at.format("%Y"));
    }
    let (filed, pending): (Vec<_>, Vec<_>) = all.into_iter().partition(|(filed, _)| *filed);
    (pending.into_iter().map(|(_, t)| t).collect(), filed.into_iter().map(|(_, t)| t).collect())
}
