//! The TWeb catalog of the sandbox: a records plan (TOS) excerpt, document types, users and groups
//! of a mid-sized Finnish municipality.

use crate::domain::{
    CaseGroup, DocumentType, Group, PersonalDataLevel, PublicityClass, RecordsProperties, Retention, User,
};

pub use crate::domain::Catalog;

fn secret(basis: &str, secrecy_years: u16, retention: Retention, data: PersonalDataLevel) -> RecordsProperties {
    RecordsProperties {
        publicity: PublicityClass::Secret,
        secrecy_basis: Some(basis.to_owned()),
        secrecy_period_years: Some(secrecy_years),
        retention,
        personal_data: data,
    }
}

fn partly(basis: &str, secrecy_years: u16, years: u16) -> RecordsProperties {
    RecordsProperties {
        publicity: PublicityClass::PartiallySecret,
        secrecy_basis: Some(basis.to_owned()),
        secrecy_period_years: Some(secrecy_years),
        retention: Retention::Years { years },
        personal_data: PersonalDataLevel::Contains,
    }
}

fn permanent() -> RecordsProperties {
    RecordsProperties { retention: Retention::Permanent, ..RecordsProperties::public(0) }
}

fn group(code: &str, name: &str, records: RecordsProperties) -> CaseGroup {
    CaseGroup { code: code.to_owned(), name: name.to_owned(), active: true, records }
}

fn case_groups() -> Vec<CaseGroup> {
    use PersonalDataLevel::Sensitive;
    let mut groups = vec![
        group("00.01.02", "Kirjaamon yleiset asiat", RecordsProperties::public(10)),
        group("00.03.01", "Tiedonhallinta ja asiakirjapyynnöt", RecordsProperties::public(10)),
        group("01.03.02", "Vahingonkorvausasiat", partly("JulkL 24 § 1 mom 32 k", 50, 10)),
        group("02.05.01", "Tuet ja avustukset", permanent()),
        group(
            "05.01.00",
            "Sosiaalihuollon asiakasasiat",
            secret("JulkL 24 § 1 mom 25 k", 50, Retention::Years { years: 12 }, Sensitive),
        ),
        group(
            "05.12.01",
            "Omaishoidon tuki",
            secret("JulkL 24 § 1 mom 25 k", 25, Retention::Years { years: 50 }, Sensitive),
        ),
        group("07.01.04", "Tietopalvelu", RecordsProperties::public(6)),
        group("08.01.03", "Pysäköinnin valvonta", RecordsProperties::public(6)),
        group("08.01.04", "Pysäköintiluvat", RecordsProperties::public(6)),
        group("10.03.01", "Yleisten alueiden käyttö", RecordsProperties::public(10)),
        group("11.01.00", "Ympäristönsuojelun lupa- ja ilmoitusasiat", permanent()),
        group("12.01.00", "Oppilaaksiotto", partly("JulkL 24 § 1 mom 30 k", 50, 50)),
        group("12.03.02", "Liikuntatilojen vuokraus", RecordsProperties::public(3)),
        group("14.02.01", "Rakennusvalvonnan neuvonta", RecordsProperties::public(10)),
    ];
    // A closed class: old cases stay searchable, new ones are refused.
    groups.push(CaseGroup { active: false, ..group("02.05.00", "Avustukset (käytöstä poistettu)", permanent()) });
    groups
}

fn doc_type(code: &str, name: &str, records: RecordsProperties) -> DocumentType {
    DocumentType { code: code.to_owned(), name: name.to_owned(), records }
}

fn document_types() -> Vec<DocumentType> {
    let public = RecordsProperties::public(10);
    vec![
        doc_type("HAKEMUS", "Hakemus", public.clone()),
        doc_type("HAKLIITE", "Hakemuksen liite", public.clone()),
        doc_type("ILMOITUS", "Ilmoitus", public.clone()),
        doc_type("SELVITYS", "Selvitys", public.clone()),
        doc_type("TAYDENNYS", "Täydennys", public.clone()),
        doc_type("OIKVAAT", "Oikaisuvaatimus", public.clone()),
        doc_type("VALTAKIRJA", "Valtakirja", public.clone()),
        doc_type("LAUSUNTO", "Lausunto", public.clone()),
        doc_type("PAATOS", "Päätös", permanent()),
        doc_type("TIETOPYYNTO", "Tietopyyntö", public.clone()),
        doc_type("KORVVAAT", "Korvausvaatimus", partly("JulkL 24 § 1 mom 32 k", 50, 10)),
        doc_type(
            "LAAKLAUS",
            "Lääkärinlausunto",
            secret("JulkL 24 § 1 mom 25 k", 50, Retention::Years { years: 12 }, PersonalDataLevel::Sensitive),
        ),
        doc_type("VALOKUVA", "Valokuva", public.clone()),
        doc_type("KIRJE", "Kirje", public.clone()),
        doc_type("MUISTIO", "Muistio", public),
        doc_type(
            "TURVAOS",
            "Turvakiellon alaisen henkilön osoite",
            secret("JulkL 24 § 1 mom 31 k", 50, Retention::Years { years: 10 }, PersonalDataLevel::Contains),
        ),
    ]
}

fn user(id: &str, name: &str, title: &str, groups: &[&str]) -> User {
    User {
        id: id.to_owned(),
        name: name.to_owned(),
        title: title.to_owned(),
        email: format!("{id}@kirjaamo.invalid"),
        groups: groups.iter().map(|g| (*g).to_owned()).collect(),
    }
}

fn users() -> Vec<User> {
    vec![
        user("mvirtanen", "Maija Virtanen", "Kirjaamosihteeri", &["kirjaamo"]),
        user("jkorhonen", "Juha Korhonen", "Kirjaamosihteeri", &["kirjaamo"]),
        user("anieminen", "Anna Nieminen", "Arkistosihteeri", &["kirjaamo"]),
        user("tmakinen", "Timo Mäkinen", "Sosiaalityöntekijä", &["sosiaalipalvelut"]),
        user("slehtonen", "Sari Lehtonen", "Palveluohjaaja", &["sosiaalipalvelut"]),
        user("pheikkinen", "Pekka Heikkinen", "Ympäristötarkastaja", &["ymparisto"]),
        user("ekoskinen", "Eeva Koskinen", "Liikennesuunnittelija", &["kaupunkiymparisto"]),
        user("mjarvinen", "Mikko Järvinen", "Pysäköinninvalvoja", &["kaupunkiymparisto"]),
        user("lhamalainen", "Laura Hämäläinen", "Opetuspäällikkö", &["sivistys"]),
        user("ksalonen", "Kari Salonen", "Liikuntasihteeri", &["sivistys"]),
        user("hlaine", "Helena Laine", "Lakimies", &["hallinto"]),
        user("abjorklund", "Annika Björklund", "Handläggare", &["sosiaalipalvelut", "sivistys"]),
    ]
}

fn groups() -> Vec<Group> {
    [
        ("kirjaamo", "Kirjaamo"),
        ("sosiaalipalvelut", "Sosiaalipalvelut"),
        ("ymparisto", "Ympäristöpalvelut"),
        ("kaupunkiymparisto", "Kaupunkiympäristö"),
        ("sivistys", "Sivistyspalvelut"),
        ("hallinto", "Hallinto- ja lakipalvelut"),
    ]
    .iter()
    .map(|(id, name)| Group { id: (*id).to_owned(), name: (*name).to_owned() })
    .collect()
}

/// The built-in catalog.
pub fn catalog() -> Catalog {
    Catalog { case_groups: case_groups(), document_types: document_types(), users: users(), groups: groups() }
}
