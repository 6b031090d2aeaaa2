//! Existing TWeb cases for the clerks to search and file onto.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, Utc};

use super::catalog::Catalog;
use super::rng::SeedRng;
use crate::domain::{Case, CaseStatus, Document, Party, PartyRole, Submitter};

const TITLES: &[(&str, &str, &str)] = &[
    ("08.01.04", "Asukaspysäköintitunnus", "HAKEMUS"),
    ("08.01.03", "Pysäköintivirhemaksun oikaisuvaatimus", "OIKVAAT"),
    ("02.05.01", "Toiminta-avustus 2026", "HAKEMUS"),
    ("05.12.01", "Omaishoidon tuki", "HAKEMUS"),
    ("05.01.00", "Sosiaalihuollon asiakkuus", "SELVITYS"),
    ("11.01.00", "Meluilmoitus, rakennustyö", "ILMOITUS"),
    ("10.03.01", "Terassilupa kesäkaudelle", "HAKEMUS"),
    ("12.01.00", "Hakemus toissijaiseen kouluun", "HAKEMUS"),
    ("07.01.04", "Asiakirjapyyntö", "TIETOPYYNTO"),
    ("01.03.02", "Vahingonkorvausvaatimus", "KORVVAAT"),
    ("12.03.02", "Liikuntavuorot kaudelle 2026–2027", "HAKEMUS"),
    ("14.02.01", "Rakennusvalvonnan neuvonta", "MUISTIO"),
    ("00.03.01", "Asiakirjapyyntö, rakennuslupa", "TIETOPYYNTO"),
];

/// Existing cases with their documents and the next free diary number per case group and year.
#[derive(Debug, Clone)]
pub struct SeedCases {
    /// Cases, oldest first.
    pub cases: Vec<Case>,
    /// Their documents (metadata only; contents are small generated PDFs).
    pub documents: Vec<(Document, Vec<u8>)>,
    /// Last used diary number per `case_group/year`.
    pub counters: BTreeMap<String, u32>,
}

fn party(submitter: &Submitter, role: PartyRole) -> Party {
    Party::of(submitter, role)
}

/// Makes `count` cases over the last two years; about a third have a submitter of the outbox as a
/// party, so "cases of the same submitter" can be suggested.
pub fn generate(
    rng: &mut SeedRng,
    catalog: &Catalog,
    known: &[Submitter],
    strangers: &[Submitter],
    count: usize,
    now: DateTime<Utc>,
) -> SeedCases {
    let mut created: Vec<DateTime<Utc>> =
        (0..count).map(|_| now - Duration::hours(rng.range(24, 2 * 365 * 24) as i64)).collect();
    created.sort();
    let mut counters: BTreeMap<String, u32> = BTreeMap::new();
    let mut cases = Vec::with_capacity(count);
    let mut documents = Vec::new();
    let mut next_document = 5000;
    for (index, created_at) in created.into_iter().enumerate() {
        let (code, title, document_type) = *rng.pick(TITLES);
        let Some(group) = catalog.case_group(code) else { continue };
        let submitter = if rng.chance(0.35) && !known.is_empty() { rng.pick(known) } else { rng.pick(strangers) };
        let counter = counters.entry(format!("{code}/{}", created_at.year())).or_insert(0);
        *counter += 1;
        let age_days = (now - created_at).num_days();
        let status = match age_days {
            0..=30 => CaseStatus::Pending,
            31..=120 => CaseStatus::InProgress,
            121..=400 => CaseStatus::Decided,
            _ => CaseStatus::Closed,
        };
        let id = 100 + index as u64;
        let case = Case {
            id,
            diary_number: format!("{counter}/{code}/{}", created_at.year()),
            title: format!("{title}, {}", submitter.name),
            description: None,
            case_group: code.to_owned(),
            records: group.records.clone(),
            parties: vec![party(submitter, PartyRole::Applicant)],
            status,
            created_at,
            received_date: created_at.date_naive(),
            external_ref: None,
        };
        for n in 0..rng.range(1, 3) {
            let code = if n == 0 { document_type } else { *rng.pick(&["HAKLIITE", "SELVITYS", "LAUSUNTO", "PAATOS"]) };
            let Some(doc_type) = catalog.document_type(code) else { continue };
            let content = format!("{} / {}\n{}\n", doc_type.name, case.diary_number, case.title).into_bytes();
            next_document += 1;
            let document = Document {
                id: next_document,
                case_id: Some(id),
                title: format!("{} {}", doc_type.name, submitter.name),
                document_type: code.to_owned(),
                records: group.records.stricter(&doc_type.records),
                filename: format!("{}.txt", code.to_lowercase()),
                content_type: "text/plain; charset=utf-8".to_owned(),
                size: content.len() as u64,
                sha256: hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&content)),
                received_date: case.received_date + Duration::days(n as i64 * 14),
                created_at: case.created_at + Duration::days(n as i64 * 14),
                external_ref: None,
            };
            documents.push((document, content));
        }
        cases.push(case);
    }
    SeedCases { cases, documents, counters }
}
