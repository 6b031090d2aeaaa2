//! Form sections several seed e-services share: the applicant, contact details and consent.

use super::spec::{Gen::*, SectionSpec, opt, req, section};

pub(super) const APPLICANT: SectionSpec = section(
    "Hakijan tiedot",
    "Sökandens uppgifter",
    &[
        req("applicant_name", "Nimi", "Namn", SubmitterName),
        req("applicant_id", "Henkilötunnus", "Personbeteckning", SubmitterId),
        req("street", "Lähiosoite", "Gatuadress", SubmitterStreet),
        req("postal", "Postinumero ja -toimipaikka", "Postnummer och postanstalt", SubmitterPostal),
        req("email", "Sähköposti", "E-post", SubmitterEmail),
        opt("phone", "Puhelinnumero", "Telefonnummer", SubmitterPhone),
    ],
);

pub(super) const CONTACT: SectionSpec = section(
    "Yhteyshenkilö",
    "Kontaktperson",
    &[
        req("contact_name", "Yhteyshenkilön nimi", "Kontaktpersonens namn", SubmitterName),
        req("email", "Sähköposti", "E-post", SubmitterEmail),
        req("phone", "Puhelinnumero", "Telefonnummer", SubmitterPhone),
    ],
);

pub(super) const CONSENT: SectionSpec = section(
    "Vahvistus",
    "Bekräftelse",
    &[
        req("truthful", "Vakuutan antamani tiedot oikeiksi", "Jag försäkrar att uppgifterna är riktiga", Bool(1.0)),
        opt("decision_by_email", "Päätöksen saa lähettää sähköpostilla", "Beslutet får skickas per e-post", Bool(0.8)),
    ],
);
