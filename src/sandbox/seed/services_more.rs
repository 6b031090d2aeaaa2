//! More seed e-services: environment, streets, schools, information requests, damages, sports.

use super::sections::{APPLICANT, CONSENT, CONTACT};
use super::spec::{FileKind::*, Gen::*, ServiceSpec, file, opt, req, section};

const COMPANY: &[(&str, &str)] = &[
    ("Pirkanmaan Rakennus Oy", "Birkalands Byggnads Ab"),
    ("Tampereen Louhinta ja Maanrakennus Oy", "Tammerfors Sprängning Ab"),
    ("Ravintola Näsinneula Oy", "Restaurang Sjöbris Ab"),
    ("Kahvila Pikku-Pispala Oy", "Café Lilla Pispala Ab"),
];

/// Meluilmoitus.
pub const NOISE: ServiceSpec = ServiceSpec {
    id: "meluilmoitus",
    fi: "Meluilmoitus",
    sv: "Bullerdeklaration",
    case_group: "11.01.00",
    strong_id: false,
    count: 6,
    attachments: (1, 4),
    files: &[
        file("asemapiirros", "situationsplan", Png),
        file("meluselvitys", "bullerutredning", ScanPdf),
        file("tiedote_naapureille", "meddelande_till_grannar", Docx),
        file("tyomaakaavio", "arbetsplatsschema", Pdf),
    ],
    sections: &[
        section(
            "Toiminnanharjoittaja",
            "Verksamhetsutövare",
            &[
                req("company", "Yrityksen nimi", "Företagets namn", Line(COMPANY)),
                req("business_id", "Y-tunnus", "FO-nummer", BusinessId),
            ],
        ),
        CONTACT,
        section(
            "Toiminta",
            "Verksamhet",
            &[
                req(
                    "activity",
                    "Toiminnan laatu",
                    "Typ av verksamhet",
                    Choice(&[
                        ("Rakennustyö", "Byggarbete"),
                        ("Louhinta ja murskaus", "Sprängning och krossning"),
                        ("Paalutus", "Pålning"),
                        ("Ulkoilmakonsertti", "Utomhuskonsert"),
                    ]),
                ),
                req("site", "Toiminnan sijainti", "Verksamhetens plats", Street),
                req("start", "Alkaa", "Börjar", Date(7, 30)),
                req("end", "Päättyy", "Slutar", Date(40, 200)),
                req("hours", "Meluavan työn ajankohta", "Tid för bullrande arbete", Hours),
                req(
                    "level",
                    "Arvioitu melutaso lähimmässä häiriintyvässä kohteessa (dB)",
                    "Uppskattad bullernivå vid närmaste störda objekt (dB)",
                    Number(55, 92),
                ),
                req("mitigation", "Melun torjunta", "Bullerbekämpning", Prose),
                req("neighbours_informed", "Naapureille tiedotetaan", "Grannarna informeras", Bool(0.9)),
            ],
        ),
    ],
    prose: &[
        (
            "Louhintatyöt tehdään arkisin klo 8–16. Räjäytyksistä ilmoitetaan naapureille äänimerkillä ja tekstiviestillä. Rikotus tehdään hydraulivasaralla, jossa on äänenvaimennin.",
            "Sprängningsarbeten utförs vardagar kl. 8–16. Grannarna varnas med ljudsignal och sms. Spettning görs med hydraulhammare med ljuddämpare.",
        ),
        (
            "Työmaan ympärille rakennetaan 3 metriä korkea meluseinä Satakunnankadun puolelle. Murskain sijoitetaan tontin pohjoisosaan kauimmaksi asuinrakennuksista.",
            "En 3 meter hög bullervall byggs runt arbetsplatsen mot Satakundagatan. Krossen placeras i tomtens norra del längst bort från bostadshusen.",
        ),
        (
            "Konsertin äänentoisto suunnataan järvelle päin ja äänitasoa seurataan jatkuvasti mittarilla miksauspöydän luona.",
            "Konsertens ljudåtergivning riktas mot sjön och ljudnivån övervakas kontinuerligt med mätare vid mixerbordet.",
        ),
    ],
};

/// Terassilupa.
pub const TERRACE: ServiceSpec = ServiceSpec {
    id: "terassilupa",
    fi: "Terassilupa",
    sv: "Terrasstillstånd",
    case_group: "10.03.01",
    strong_id: false,
    count: 6,
    attachments: (1, 5),
    files: &[
        file("terassipiirros", "terrassritning", Png),
        file("IMG_0312", "IMG_0312", Jpeg),
        file("kalusteet", "mobler", Pdf),
        file("IMG_0313", "IMG_0313", Jpeg),
        file("vakuutustodistus", "forsakringsintyg", Pdf),
    ],
    sections: &[
        section(
            "Hakija",
            "Sökande",
            &[
                req("company", "Yritys", "Företag", Line(COMPANY)),
                req("business_id", "Y-tunnus", "FO-nummer", BusinessId),
                req(
                    "restaurant",
                    "Ravintolan nimi",
                    "Restaurangens namn",
                    Line(&[
                        ("Ravintola Hämeensilta", "Restaurang Tavastbron"),
                        ("Kahvila Koskenranta", "Café Forsstranden"),
                        ("Bistro Tuomiokirkko", "Bistro Domkyrkan"),
                    ]),
                ),
            ],
        ),
        CONTACT,
        section(
            "Terassi",
            "Terrass",
            &[
                req("site", "Terassin osoite", "Terrassens adress", Street),
                req("area", "Pinta-ala (m²)", "Yta (m²)", Number(8, 140)),
                req("seats", "Asiakaspaikat", "Kundplatser", Number(8, 120)),
                req("season_start", "Kausi alkaa", "Säsongen börjar", Date(60, 150)),
                req("season_end", "Kausi päättyy", "Säsongen slutar", Date(200, 300)),
                req("alcohol", "Alkoholitarjoilu", "Alkoholservering", Bool(0.7)),
                opt("furniture", "Kalusteiden ja aitojen kuvaus", "Beskrivning av möbler och stängsel", Prose),
            ],
        ),
        CONSENT,
    ],
    prose: &[
        (
            "Terassilla on puiset kalusteet ja matala, läpinäkyvä aita. Kulkuväylälle jätetään vähintään 2,5 metriä vapaata tilaa.",
            "Terrassen har trämöbler och ett lågt, genomskinligt staket. Minst 2,5 meter lämnas fritt för gångtrafiken.",
        ),
        (
            "Lämmittimet ovat sähkökäyttöisiä, eikä terassille tule kiinteitä rakenteita. Markiisi kiinnitetään rakennuksen julkisivuun.",
            "Värmarna är eldrivna och inga fasta konstruktioner byggs. Markisen fästs i byggnadens fasad.",
        ),
    ],
};

/// Hakemus toissijaiseen kouluun.
pub const SCHOOL: ServiceSpec = ServiceSpec {
    id: "oppilaaksiotto",
    fi: "Hakemus toissijaiseen kouluun",
    sv: "Ansökan om sekundär skolplats",
    case_group: "12.01.00",
    strong_id: true,
    count: 7,
    attachments: (0, 2),
    files: &[file("lausunto_erityisopettaja", "utlatande_specialpedagog", Pdf), file("todistus", "betyg", ScanPdf)],
    sections: &[
        section("Huoltaja", "Vårdnadshavare", APPLICANT.fields),
        section(
            "Oppilas",
            "Elev",
            &[
                req("pupil_name", "Oppilaan nimi", "Elevens namn", OtherName),
                req("pupil_id", "Oppilaan henkilötunnus", "Elevens personbeteckning", OtherId),
                req(
                    "current_school",
                    "Nykyinen koulu",
                    "Nuvarande skola",
                    Line(&[
                        ("Tammelan koulu", "Tammerfors svenska samskola"),
                        ("Pyynikin koulu", "Svenska skolan i Tammerfors"),
                        ("Hervannan koulu", "Norrby skola"),
                    ]),
                ),
                req(
                    "grade",
                    "Luokka-aste syksyllä",
                    "Årskurs på hösten",
                    Choice(&[("1", "1"), ("3", "3"), ("5", "5"), ("7", "7")]),
                ),
                req(
                    "language",
                    "Opetuskieli",
                    "Undervisningsspråk",
                    Choice(&[("suomi", "finska"), ("ruotsi", "svenska"), ("englanti", "engelska")]),
                ),
            ],
        ),
        section(
            "Haettava koulu",
            "Skola som söks",
            &[
                req(
                    "school",
                    "Koulu",
                    "Skola",
                    Choice(&[
                        ("Tampereen normaalikoulu", "Svenska samskolan i Tammerfors"),
                        ("Sammon koulu", "Sammon koulu"),
                        ("Kalevan koulu", "Kalevan koulu"),
                    ]),
                ),
                opt(
                    "class_emphasis",
                    "Painotettu opetus",
                    "Inriktad undervisning",
                    Choice(&[
                        ("Musiikki", "Musik"),
                        ("Liikunta", "Idrott"),
                        ("Kuvataide", "Bildkonst"),
                        ("Ei painotusta", "Ingen inriktning"),
                    ]),
                ),
                req("sibling", "Sisarus samassa koulussa", "Syskon i samma skola", Bool(0.4)),
                req("reason", "Perustelut", "Motivering", Prose),
            ],
        ),
        CONSENT,
    ],
    prose: &[
        (
            "Lapsemme sisarus käy jo haettavaa koulua, ja koulumatka olisi turvallisempi, koska se ei ylitä Hämeenlinnantietä.",
            "Barnets syskon går redan i skolan och skolvägen vore tryggare eftersom den inte korsar Tavastehusvägen.",
        ),
        (
            "Hakemuksen perusteena on musiikkiluokan painotus. Lapsi on soittanut viulua seitsemän vuotta musiikkiopistossa.",
            "Ansökan grundar sig på musikklassens inriktning. Barnet har spelat violin i sju år vid musikinstitutet.",
        ),
        (
            "Perheemme muuttaa kesäkuussa, ja haluamme lapsen aloittavan uudessa koulussa heti syyslukukauden alusta.",
            "Vår familj flyttar i juni och vi vill att barnet börjar i den nya skolan från början av höstterminen.",
        ),
    ],
};

/// Asiakirjapyyntö.
pub const INFO_REQUEST: ServiceSpec = ServiceSpec {
    id: "tietopyynto",
    fi: "Asiakirjapyyntö",
    sv: "Begäran om handlingar",
    case_group: "07.01.04",
    strong_id: false,
    count: 6,
    attachments: (0, 0),
    files: &[],
    sections: &[
        section(
            "Pyytäjä",
            "Den som begär",
            &[req("requester", "Nimi", "Namn", SubmitterName), req("email", "Sähköposti", "E-post", SubmitterEmail)],
        ),
        section(
            "Pyydetyt asiakirjat",
            "Begärda handlingar",
            &[
                req("documents", "Mitä asiakirjoja pyydät?", "Vilka handlingar begär du?", Prose),
                opt(
                    "diary_number",
                    "Diaarinumero, jos tiedossa",
                    "Diarienummer, om känt",
                    Line(&[("412/10.03.01/2026", "412/10.03.01/2026"), ("88/11.01.00/2025", "88/11.01.00/2025")]),
                ),
                req(
                    "delivery",
                    "Toimitustapa",
                    "Leveranssätt",
                    Choice(&[
                        ("Sähköpostilla", "Per e-post"),
                        ("Postitse", "Per post"),
                        ("Noudan itse", "Hämtar själv"),
                    ]),
                ),
            ],
        ),
    ],
    prose: &[
        (
            "Pyydän kopiot kaikista Pispalan valtatien kaavamuutokseen liittyvistä lausunnoista ja kokousmuistioista vuodelta 2026.",
            "Jag begär kopior av alla utlåtanden och mötesanteckningar om detaljplaneändringen för Pispala landsväg från år 2026.",
        ),
        (
            "Pyydän nähtäväksi rakennuslupapäätöksen liitteineen osoitteeseen Hämeenkatu 12. Sähköinen kopio riittää.",
            "Jag begär att få se bygglovsbeslutet med bilagor för adressen Hämeenkatu 12. En elektronisk kopia räcker.",
        ),
    ],
};

/// Vahingonkorvausvaatimus.
pub const DAMAGE: ServiceSpec = ServiceSpec {
    id: "vahingonkorvaus",
    fi: "Vahingonkorvausvaatimus",
    sv: "Skadeståndsyrkande",
    case_group: "01.03.02",
    strong_id: true,
    count: 7,
    attachments: (1, 10),
    files: &[
        file("IMG_4410", "IMG_4410", LargeJpeg),
        file("kuitti_korjaamo", "kvitto_verkstad", Pdf),
        file("IMG_4411", "IMG_4411", Jpeg),
        file("IMG_4412", "IMG_4412", Jpeg),
        file("vakuutusyhtion_paatos", "forsakringsbolagets_beslut", Pdf),
        file("IMG_4413", "IMG_4413", Jpeg),
        file("kartta", "karta", Png),
        file("IMG_4414", "IMG_4414", Jpeg),
        file("kustannusarvio", "kostnadsberakning", Docx),
        file("IMG_4415", "IMG_4415", Jpeg),
    ],
    sections: &[
        APPLICANT,
        section(
            "Vahinko",
            "Skada",
            &[
                req("damage_date", "Vahinkopäivä", "Skadedag", Date(-60, -1)),
                req("damage_place", "Vahinkopaikka", "Skadeplats", Street),
                req(
                    "damage_kind",
                    "Vahingon laji",
                    "Typ av skada",
                    Choice(&[
                        ("Ajoneuvovahinko kuopasta", "Fordonsskada av grop"),
                        ("Liukastuminen", "Halkolycka"),
                        ("Kaatunut puu", "Fallet träd"),
                        ("Vesivahinko", "Vattenskada"),
                    ]),
                ),
                req("description", "Tapahtumien kuvaus", "Beskrivning av händelserna", Prose),
                req("amount", "Vaadittu korvaus (€)", "Yrkad ersättning (€)", Euros(80, 12_000)),
                req("iban", "Tilinumero (IBAN)", "Kontonummer (IBAN)", Iban),
                req(
                    "insurance",
                    "Vahinko on ilmoitettu vakuutusyhtiölle",
                    "Skadan har anmälts till försäkringsbolaget",
                    Bool(0.5),
                ),
                opt("plate", "Ajoneuvon rekisteritunnus", "Fordonets registreringsnummer", Plate),
            ],
        ),
        CONSENT,
    ],
    prose: &[
        (
            "Ajoin Kalevantietä itään noin 40 km/h, kun oikea etupyörä osui syvään kuoppaan suojatien kohdalla. Vanne vääntyi ja rengas puhkesi.",
            "Jag körde österut på Kalevavägen i cirka 40 km/h när höger framhjul träffade en djup grop vid övergångsstället. Fälgen böjdes och däcket gick sönder.",
        ),
        (
            "Liukastuin hiekoittamattomalla kävelytiellä kirjaston edessä aamulla klo 7.45. Ranne murtui, ja olin sairauslomalla kuusi viikkoa.",
            "Jag halkade på en osandad gångväg framför biblioteket kl. 7.45 på morgonen. Handleden bröts och jag var sjukskriven i sex veckor.",
        ),
        (
            "Myrskyssä puiston puolelta kaatunut koivu rikkoi autokatoksen katon ja auton tuulilasin. Puu oli ollut lahonnut jo pitkään.",
            "En björk från parken föll i stormen och skadade carportens tak och bilens vindruta. Trädet hade varit murket länge.",
        ),
    ],
};

/// Liikuntavuorohakemus.
pub const SPORTS: ServiceSpec = ServiceSpec {
    id: "liikuntavuoro",
    fi: "Liikuntavuorohakemus",
    sv: "Ansökan om idrottsturer",
    case_group: "12.03.02",
    strong_id: false,
    count: 8,
    attachments: (0, 1),
    files: &[file("joukkueluettelo", "laglista", Pdf)],
    sections: &[
        section(
            "Seura",
            "Förening",
            &[
                req(
                    "club",
                    "Seura tai ryhmä",
                    "Förening eller grupp",
                    Line(&[
                        ("Tampereen Pyrintö ry", "IF Tammerfors rf"),
                        ("Ilves Juniorit ry", "Tammerfors Bollklubb rf"),
                        ("Hervannan Sulkapallo ry", "Badmintonklubben rf"),
                    ]),
                ),
                req("business_id", "Y-tunnus", "FO-nummer", BusinessId),
            ],
        ),
        CONTACT,
        section(
            "Haettava vuoro",
            "Önskad tur",
            &[
                req(
                    "hall",
                    "Liikuntapaikka",
                    "Idrottsplats",
                    Choice(&[
                        ("Kalevan urheilutalo", "Kaleva idrottshus"),
                        ("Hervannan liikuntahalli", "Hervanta idrottshall"),
                        ("Pirkkahalli", "Pirkkahallen"),
                        ("Tesoman jäähalli", "Tesoma ishall"),
                    ]),
                ),
                req(
                    "weekday",
                    "Viikonpäivä",
                    "Veckodag",
                    Choice(&[
                        ("maanantai", "måndag"),
                        ("tiistai", "tisdag"),
                        ("keskiviikko", "onsdag"),
                        ("torstai", "torsdag"),
                        ("lauantai", "lördag"),
                    ]),
                ),
                req("time", "Kellonaika", "Klockslag", Hours),
                req("season_start", "Kausi alkaa", "Säsongen börjar", Date(20, 90)),
                req("group_size", "Ryhmän koko", "Gruppens storlek", Number(8, 40)),
                req(
                    "age_group",
                    "Ikäryhmä",
                    "Åldersgrupp",
                    Choice(&[
                        ("alle 12-vuotiaat", "under 12 år"),
                        ("13–19-vuotiaat", "13–19 år"),
                        ("aikuiset", "vuxna"),
                        ("seniorit", "seniorer"),
                    ]),
                ),
                opt("notes", "Lisätietoja", "Tilläggsuppgifter", Prose),
            ],
        ),
    ],
    prose: &[
        (
            "Toivomme samaa vuoroa kuin edellisellä kaudella. Ryhmässä on kaksi pyörätuolia käyttävää pelaajaa, joten esteetön pukuhuone on tarpeen.",
            "Vi önskar samma tur som förra säsongen. I gruppen finns två spelare som använder rullstol, så ett tillgängligt omklädningsrum behövs.",
        ),
        (
            "Vuoro voi tarvittaessa olla myös puolikas kenttä, jos koko salia ei ole vapaana.",
            "Turen kan vid behov också vara en halv plan om hela salen inte är ledig.",
        ),
    ],
};
