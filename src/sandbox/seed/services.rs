//! The e-services of the seed outbox, with realistic Finnish and Swedish forms.

use super::sections::{APPLICANT, CONSENT, CONTACT};
use super::spec::{FileKind::*, Gen::*, SectionSpec, ServiceSpec, file, opt, req, section};

const PARKING: ServiceSpec = ServiceSpec {
    id: "asukaspysakointi",
    fi: "Asukaspysäköintitunnus",
    sv: "Boendeparkeringstillstånd",
    case_group: "08.01.04",
    strong_id: true,
    count: 9,
    attachments: (0, 2),
    files: &[file("rekisteriote", "registreringsintyg", Pdf), file("leasingsopimus", "leasingavtal", Pdf)],
    sections: &[
        APPLICANT,
        section(
            "Ajoneuvo",
            "Fordon",
            &[
                req("vehicle_registration", "Rekisteritunnus", "Registreringsnummer", Plate),
                req(
                    "vehicle_make",
                    "Merkki ja malli",
                    "Märke och modell",
                    Line(&[
                        ("Toyota Corolla", "Toyota Corolla"),
                        ("Škoda Octavia", "Škoda Octavia"),
                        ("Volkswagen ID.3", "Volkswagen ID.3"),
                        ("Volvo V60", "Volvo V60"),
                    ]),
                ),
                req(
                    "ownership",
                    "Hallintaoikeus",
                    "Besittningsrätt",
                    Choice(&[
                        ("Omistaja tai haltija", "Ägare eller innehavare"),
                        ("Leasing", "Leasing"),
                        ("Työsuhdeauto", "Tjänstebil"),
                    ]),
                ),
                req("low_emission", "Vähäpäästöinen ajoneuvo", "Utsläppssnålt fordon", Bool(0.3)),
            ],
        ),
        section(
            "Tunnus",
            "Tillstånd",
            &[
                req(
                    "zone",
                    "Pysäköintialue",
                    "Parkeringsområde",
                    Choice(&[
                        ("A Keskusta", "A Centrum"),
                        ("B Kaakinmaa", "B Kaakinmaa"),
                        ("C Tammela", "C Tammela"),
                        ("D Pyynikki", "D Pyynikki"),
                        ("E Amuri", "E Amuri"),
                    ]),
                ),
                req("start_date", "Alkamispäivä", "Startdatum", Date(1, 20)),
                req(
                    "duration",
                    "Voimassaolo",
                    "Giltighetstid",
                    Choice(&[("1 kuukausi", "1 månad"), ("6 kuukautta", "6 månader"), ("12 kuukautta", "12 månader")]),
                ),
                opt("notes", "Lisätietoja", "Tilläggsuppgifter", Prose),
            ],
        ),
        CONSENT,
    ],
    prose: &[
        (
            "Auto on käytössäni päivittäin, koska työskentelen vuorotyössä sairaalassa ja julkinen liikenne ei kulje yövuoron päättyessä.",
            "Bilen används dagligen eftersom jag arbetar i skift på sjukhuset och kollektivtrafiken inte går när nattskiftet slutar.",
        ),
        (
            "Muutin alueelle 1.10. ja edellinen tunnukseni oli voimassa Hervannan alueella. Pyydän tunnusta alkamaan mahdollisimman pian.",
            "Jag flyttade till området 1.10 och mitt tidigare tillstånd gällde i Hervanta. Jag ber att tillståndet börjar så snart som möjligt.",
        ),
        (
            "Leasingsopimus on työnantajan nimissä, mutta auto on yksinomaan minun käytössäni. Liitteenä sopimus ja työnantajan vahvistus.",
            "Leasingavtalet står på arbetsgivaren men bilen används endast av mig. Avtalet och arbetsgivarens intyg bifogas.",
        ),
    ],
};

const GRANT: ServiceSpec = ServiceSpec {
    id: "yhdistysavustus",
    fi: "Yhdistyksen toiminta-avustus",
    sv: "Verksamhetsbidrag för förening",
    case_group: "02.05.01",
    strong_id: false,
    count: 8,
    attachments: (2, 10),
    files: &[
        file("toimintasuunnitelma_2027", "verksamhetsplan_2027", Docx),
        file("talousarvio_2027", "budget_2027", Pdf),
        file("tilinpaatos_2025", "bokslut_2025", Pdf),
        file("vuosikokouksen_poytakirja", "arsmotesprotokoll", ScanPdf),
        file("toimintakertomus_2025", "verksamhetsberattelse_2025", Docx),
        file("IMG_2041", "IMG_2041", Jpeg),
        file("IMG_2042", "IMG_2042", Jpeg),
        file("tapahtumajuliste", "evenemangsaffisch", Png),
        file("jasenluettelo", "medlemsforteckning", Pdf),
        file("IMG_2043", "IMG_2043", Jpeg),
    ],
    sections: &[
        section(
            "Yhdistys",
            "Förening",
            &[
                req(
                    "association",
                    "Yhdistyksen nimi",
                    "Föreningens namn",
                    Line(&[
                        ("Tammelan Kotiseutuyhdistys ry", "Tammerfors Svenska Hembygdsförening rf"),
                        ("Pispalan Partiolaiset ry", "Tammerfors Scouter rf"),
                        ("Hervannan Shakkikerho ry", "Svenska Schackklubben rf"),
                        ("Kaukajärven Eläkeläiset ry", "Seniorerna i Tammerfors rf"),
                    ]),
                ),
                req("business_id", "Y-tunnus", "FO-nummer", BusinessId),
                req("iban", "Tilinumero (IBAN)", "Kontonummer (IBAN)", Iban),
                req("members", "Jäsenmäärä", "Antal medlemmar", Number(12, 640)),
                req("founded", "Perustamisvuosi", "Grundningsår", Number(1921, 2019)),
            ],
        ),
        CONTACT,
        section(
            "Haettava avustus",
            "Bidrag som söks",
            &[
                req("amount", "Haettava summa (€)", "Sökt belopp (€)", Euros(500, 25_000)),
                req("purpose", "Avustuksen käyttötarkoitus", "Bidragets användning", Prose),
                req(
                    "earlier_grant",
                    "Yhdistys on saanut avustusta aiemmin",
                    "Föreningen har fått bidrag tidigare",
                    Bool(0.6),
                ),
            ],
        ),
        SectionSpec {
            fi: "Talousarvio",
            sv: "Budget",
            fields: &[
                req(
                    "budget_item",
                    "Menoerä",
                    "Utgiftspost",
                    Line(&[
                        ("Tilavuokrat", "Lokalhyror"),
                        ("Ohjaajapalkkiot", "Arvoden till ledare"),
                        ("Tarvikkeet", "Material"),
                        ("Matkat", "Resor"),
                        ("Tiedotus", "Information"),
                        ("Vakuutukset", "Försäkringar"),
                    ]),
                ),
                req("budget_amount", "Summa (€)", "Belopp (€)", Euros(50, 4_000)),
            ],
            repeat: (3, 22),
        },
        CONSENT,
    ],
    prose: &[
        (
            "Avustuksella järjestetään viikoittaisia kerhoiltoja alakouluikäisille lapsille sekä kaksi leiriä kesällä. Toimintaan osallistuu vuosittain noin 120 lasta ja nuorta.",
            "Med bidraget ordnas veckovisa klubbkvällar för barn i lågstadieåldern och två läger på sommaren. Omkring 120 barn och unga deltar årligen.",
        ),
        (
            "Yhdistyksen tavoitteena on vähentää ikäihmisten yksinäisyyttä. Järjestämme kahvilatoimintaa, retkiä ja digitaitojen opastusta kirjastossa kahdesti kuukaudessa.",
            "Föreningens mål är att minska ensamheten bland äldre. Vi ordnar caféverksamhet, utfärder och handledning i digitala färdigheter på biblioteket två gånger i månaden.",
        ),
        (
            "Vuoden 2027 painopisteenä on kotiseutumuseon kokoelmien digitointi ja avoin museopäivä koululaisille. Talkootyötä tehdään noin 800 tuntia.",
            "Tyngdpunkten för år 2027 är digitalisering av hembygdsmuseets samlingar och en öppen museidag för skolelever. Talkoarbete görs cirka 800 timmar.",
        ),
        (
            "Tilavuokrat ovat nousseet edellisestä vuodesta 14 %, minkä vuoksi haemme avustusta aiempaa suurempana.",
            "Lokalhyrorna har stigit med 14 % från föregående år, därför söker vi ett större bidrag än tidigare.",
        ),
    ],
};

const CARE: ServiceSpec = ServiceSpec {
    id: "omaishoidontuki",
    fi: "Omaishoidon tuen hakemus",
    sv: "Ansökan om stöd för närståendevård",
    case_group: "05.12.01",
    strong_id: true,
    count: 6,
    attachments: (1, 3),
    files: &[
        file("laakarinlausunto", "lakarutlatande", Pdf),
        file("hoitosuunnitelma", "vardplan", ScanPdf),
        file("valtakirja", "fullmakt", Pdf),
    ],
    sections: &[
        section("Omaishoitaja", "Närståendevårdare", APPLICANT.fields),
        section(
            "Hoidettava",
            "Den vårdade",
            &[
                req("cared_name", "Hoidettavan nimi", "Den vårdades namn", OtherName),
                req("cared_id", "Hoidettavan henkilötunnus", "Den vårdades personbeteckning", OtherId),
                req(
                    "relation",
                    "Suhde hoidettavaan",
                    "Relation till den vårdade",
                    Choice(&[
                        ("Puoliso", "Make/maka"),
                        ("Vanhempi", "Förälder"),
                        ("Lapsi", "Barn"),
                        ("Muu omainen", "Annan anhörig"),
                    ]),
                ),
                req("same_household", "Asutte samassa taloudessa", "Ni bor i samma hushåll", Bool(0.7)),
            ],
        ),
        section(
            "Hoidon tarve",
            "Vårdbehov",
            &[
                req(
                    "diagnosis",
                    "Sairaus tai vamma",
                    "Sjukdom eller skada",
                    Line(&[
                        ("Alzheimerin tauti", "Alzheimers sjukdom"),
                        ("Aivoinfarktin jälkitila", "Tillstånd efter hjärninfarkt"),
                        ("Parkinsonin tauti", "Parkinsons sjukdom"),
                        ("Kehitysvamma", "Utvecklingsstörning"),
                    ]),
                ),
                req("help_night", "Tarvitsee apua öisin", "Behöver hjälp nattetid", Bool(0.5)),
                req("help_hygiene", "Tarvitsee apua peseytymisessä", "Behöver hjälp med hygien", Bool(0.7)),
                req("help_meds", "Tarvitsee apua lääkityksessä", "Behöver hjälp med medicinering", Bool(0.8)),
                req(
                    "hours_per_day",
                    "Hoitoon kuluva aika tunteina vuorokaudessa",
                    "Vårdtid i timmar per dygn",
                    Number(2, 18),
                ),
                req("care_description", "Kuvaus päivittäisestä hoidosta", "Beskrivning av den dagliga vården", Prose),
            ],
        ),
        section(
            "Vapaapäivät",
            "Lediga dagar",
            &[
                req(
                    "respite",
                    "Lakisääteisten vapaapäivien järjestäminen",
                    "Ordnande av lagstadgade lediga dagar",
                    Choice(&[
                        ("Lyhytaikainen laitoshoito", "Kortvarig institutionsvård"),
                        ("Sijaisomaishoito", "Avlösarservice"),
                        ("Palveluseteli", "Servicesedel"),
                        ("En tarvitse", "Behövs inte"),
                    ]),
                ),
                opt(
                    "other_services",
                    "Muut käytössä olevat palvelut",
                    "Andra tjänster som används",
                    Line(&[
                        ("Kotihoito kahdesti päivässä", "Hemvård två gånger per dag"),
                        ("Päivätoiminta", "Dagverksamhet"),
                        ("Kuljetuspalvelu", "Färdtjänst"),
                    ]),
                ),
            ],
        ),
        CONSENT,
    ],
    prose: &[
        (
            "Puolisoni tarvitsee apua kaikissa päivittäisissä toimissa. Autan häntä pukeutumisessa, ruokailussa ja liikkumisessa kotona, ja öisin hän herää useita kertoja.",
            "Min make behöver hjälp med alla dagliga sysslor. Jag hjälper honom att klä sig, äta och röra sig hemma, och på natten vaknar han flera gånger.",
        ),
        (
            "Äitini muisti on heikentynyt nopeasti viimeisen vuoden aikana. Hän ei pysty enää asumaan yksin, joten hän muutti luoksemme maaliskuussa.",
            "Min mors minne har försämrats snabbt under det senaste året. Hon kan inte längre bo ensam och flyttade därför till oss i mars.",
        ),
        (
            "Lapsemme tarvitsee jatkuvaa valvontaa epilepsiakohtausten vuoksi. Olen jäänyt pois työelämästä hoitaakseni häntä kotona.",
            "Vårt barn behöver ständig tillsyn på grund av epilepsianfall. Jag har lämnat arbetslivet för att vårda henne hemma.",
        ),
    ],
};

/// Every seed e-service, in the order the seed generates them.
pub fn all() -> [ServiceSpec; 9] {
    use super::services_more::{DAMAGE, INFO_REQUEST, NOISE, SCHOOL, SPORTS, TERRACE};
    [PARKING, GRANT, CARE, NOISE, TERRACE, SCHOOL, INFO_REQUEST, DAMAGE, SPORTS]
}
