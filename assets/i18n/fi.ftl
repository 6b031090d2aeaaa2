# Kirjaamo: työpöydän tekstit suomeksi (oletuskieli).

top-connection = Yhteys: { $name }
top-inbox = Saapuneet ({ $count })
top-failed = Epäonnistuneet ({ $count })
top-refresh = Päivitä
top-scan-off = virustarkistus pois
top-scan-off-hint = Liitteitä ei tarkisteta virusten varalta: yhteysprofiili on kytkenyt tarkistuksen pois.
top-scan-missing = virustarkistus puuttuu
top-scan-on = virustarkistus
top-refresh-hint = Hae saapuneet ja kirjausloki uudelleen
top-language = Kieli

inbox-filter = Suodata
inbox-filter-hint = Otsikko, hakija, e-palvelu tai tunnus (/)
inbox-service = E-palvelu
inbox-service-all = Kaikki e-palvelut ({ $count })
inbox-state = Tila
inbox-sort = Järjestys
inbox-pending = { $count } odottaa · { $shown } näkyvissä
inbox-error = Saapuneita ei saatu: { $error }
inbox-attachments = { $count ->
    [one] 1 liite
   *[other] { $count } liitettä
}
inbox-tick = Valitse joukkokirjaukseen: { $id }

state-all = Kaikki
state-new = Uudet
state-claimed = Varatut
state-failed = Epäonnistuneet
state-filed = Kirjatut

sort-oldest = Vanhin ensin
sort-newest = Uusin ensin
sort-service = E-palvelun mukaan
sort-submitter = Hakijan mukaan

badge-new = uusi
badge-claimed-by-me = varattu minulle
badge-claimed-by = varannut { $name }
badge-filing = kirjataan…
badge-failed = epäonnistui
badge-interrupted = keskeytetty
badge-quarantined = karanteeni
badge-not-scanned = ei tarkistettu
badge-filed = kirjattu

bulk-checked = { $count } valittu
bulk-file = Kirjaa valitut oletuksin ({ $count })
bulk-clear = Tyhjennä valinta
bulk-none = Ei valittuja
bulk-one-service = Joukkokirjaus vain yhden e-palvelun tapahtumille
bulk-no-default = Tällä e-palvelulla ei ole valmista oletuskirjausta
bulk-progress = { $done } / { $count } valmis, { $failed } epäonnistui{ $interrupted ->
    [0] {""}
   *[other] , { $interrupted } keskeytetty
}
bulk-cancel = Keskeytä kirjaukset
bulk-confirm-heading = Kirjataanko { $count } tapahtumaa oletuksin?
bulk-confirm-service = E-palvelu: { $service }
bulk-confirm-names = { $names }{ $more ->
    [0] {""}
   *[other] {" "}ja { $more } muuta
}
bulk-confirm-secret = Ei julkinen: { $group }
bulk-confirm-protected = { $count } hakijalla on turvakielto: osoite ei tule lomakkeeseen eikä asianosaiseksi.
bulk-confirm-yes = Kirjaa valitut (Enter)
bulk-confirm-no = Peruuta (Esc)

detail-none = Valitse asiointitapahtuma vasemmalta: nuolinäppäimet tai j ja k, Enter kirjaa.
detail-error = Tapahtumaa ei saatu: { $error }
tab-preview = Esikatselu
tab-attachments = Liitteet ({ $count })
tab-fields = Kentät
fields-form = Lomake
preview-rendering = Muodostetaan PDF:ää…
preview-alt = Lomakkeen PDF, sivu { $page }

page-previous = Edellinen sivu
page-next = Seuraava sivu
page-of = Sivu { $page } / { $pages }
page-error = Esikatselua ei voitu näyttää: { $error }
zoom-in = Suurenna
zoom-out = Pienennä
zoom-fit-width = Sovita leveyteen

attachments-none = Tapahtumassa ei ole liitteitä.
attachments-pick = Valitse liite esikatseltavaksi.
attachment-save = Tallenna kopio…
attachment-saved = Kopio tallennettu: { $path }
attachment-save-error = Kopiota ei voitu tallentaa: { $error }
attachment-alt = Liite { $name }, sivu { $page }

filing-heading = Kirjaus
filing-none = Ei valittua tapahtumaa.
filing-default-from = Oletukset: { $service }
filing-no-mapping = Tälle e-palvelulle ei ole oletuksia: valitse kirjauksen tiedot.
filing-mapping-unchecked = Oletusta ei ole vielä tarkistettu TWebin luetteloa vasten: se ei kirjaa ilman vahvistusta.
filing-mapping-invalid = Tämän e-palvelun oletukset ovat virheelliset, eikä niitä käytetä: valitse kirjauksen tiedot. Pääkäyttäjälle:
filing-confirm = Oletukset eivät ole täydelliset. Tarkista valinnat: Enter kirjaa, Esc peruu.
filing-not-seen = Ei kirjattu: tapahtuma ei ole vielä ollut hetkeä näkyvissä. Katso se ja paina Enter uudelleen.
filing-row-hidden = Ei kirjattu: suodatin piilottaa tämän rivin. Näytä rivi ensin.
filing-already-running = Tämän tapahtuman kirjaus on jo käynnissä.
filing-answer-lost = Kirjauksen vastaus jäi saamatta, joten sen lopputulos ei ole tiedossa. Päivitä näkymä ennen kuin yrität uudelleen: kirjaamo tarkistaa tilan ePalvelusta ja TWebistä.
filing-upload-progress = { $sent } / { $total } lähetetty
filing-file = Kirjaa (Enter)
filing-retry = Yritä uudelleen
filing-resume = Jatka kirjausta (Enter)
filing-interrupted = Kirjaus keskeytettiin.
filing-interrupted-case = Asia { $diary } on avattu TWebiin.
filing-interrupted-no-case = TWebiin ei ehditty avata asiaa.
filing-interrupted-missing = Kesken: { $missing }. Enter jatkaa siitä, mihin jäätiin.
filing-interrupted-attachments = { $count } liitettä
filing-held-by = { $name } käsittelee tätä tapahtumaa (varaus { $until } asti). Sen voi kirjata, kun varaus päättyy.
filing-cancel = Keskeytä (Esc)
filing-running = Kirjataan…
filing-step-done = Valmis: { $step }
filing-retrying = Yritetään uudelleen: { $step }, { $attempt }. yritys
filing-done = Kirjattu: { $diary }
filing-no-case = ilman asiaa
filing-copy = Kopioi diaarinumero
filing-open-tweb = Avaa TWebissä
filing-failed = Kirjaus epäonnistui: { $error }
filing-not-scanned = Mitään ei kirjattu: { $error }
filing-quarantined = Karanteeni: virustarkistus löysi haittaohjelman. Mitään ei kirjattu.
filing-quarantined-file = { $file }: { $signature }
filing-file-without = Kirjaa ilman { $count ->
    [one] tätä liitettä
   *[other] näitä liitteitä
}

action-new-case = Uusi asia
action-existing-case = Olemassa oleva asia
action-assignment-only = Vain toimeksianto

catalog-error = TWebin luetteloita ei saatu: { $error }
catalog-retry = Hae luettelot uudelleen

case-group-label = Asiaryhmä
case-group-hint = Hae koodilla tai nimellä
case-group-none = Asiaryhmää ei ole valittu.
case-group-unknown = { $code } ei ole TWebin asiaryhmä.
case-group-publicity = Julkisuus periytyy: { $publicity }
case-title = Otsikko
case-submitter-party = Hakija asianosaiseksi
case-search = Hae asiaa
case-search-hint = Diaarinumero, otsikko tai asianosainen (Ctrl+F)
case-search-error = Haku epäonnistui: { $error }
case-picked = Valittu: { $diary } { $title }
case-own = Saman hakijan asiat
case-found = Hakutulokset
case-none-found = Ei löytynyt asioita.
case-status-pending = vireillä
case-status-in-progress = käsittelyssä
case-status-decided = ratkaistu
case-status-closed = päättynyt

publicity-public = Julkinen
publicity-partially-secret = Osittain salassa pidettävä
publicity-secret = Salassa pidettävä

doctype-form = Lomakkeen asiakirjatyyppi: { $type }
doctype-attachments = Liitteiden asiakirjatyyppi: { $type }
doctype-form-search = Vaihda lomakkeen tyyppi
doctype-attachments-search = Vaihda liitteiden tyyppi
doctype-hint = Hae koodilla tai nimellä

assign-heading = Toimeksianto
assign-optional = Lähetä toimeksianto
assign-recipients = Vastaanottajat:
assign-remove = Poista { $name }
assign-group = Ryhmä { $name }
assign-add = Lisää vastaanottaja
assign-add-hint = Hae nimellä tai ryhmällä
assign-subject = Aihe
assign-message = Viesti
assign-due = Määräpäivä
assign-due-hint = pp.kk.vvvv

missing-case-group = Valitse asiaryhmä.
missing-title = Kirjoita asian otsikko.
missing-case = Valitse asia hakutuloksista.
missing-form-type = Valitse lomakkeen asiakirjatyyppi.
missing-attachment-type = Valitse liitteiden asiakirjatyyppi.
missing-recipients = Lisää toimeksiannolle vastaanottaja.
missing-subject = Kirjoita toimeksiannon aihe.
missing-due-date = Määräpäivä ei ole päivämäärä (pp.kk.vvvv).
missing-due-date-past = Määräpäivä on mennyt: valitse tämä päivä tai myöhempi.
missing-title-too-long = Asian otsikko on yli 500 merkkiä: TWeb ei ota sitä vastaan. Lyhennä otsikkoa.
missing-subject-too-long = Toimeksiannon aihe on yli 200 merkkiä: TWeb ei ota sitä vastaan. Lyhennä aihetta.

step-read = Luettu
step-claim = Varattu
step-case = Asia
step-form = Lomake
step-attachment = Liite { $id }
step-secret-address = Turvakiellon alainen osoite
step-assignment = Toimeksianto
step-complete = Merkitty kirjatuksi

failed-heading = Epäonnistuneet ja keskeytyneet kirjaukset ({ $count })
failed-none = Ei epäonnistuneita kirjauksia.
failed-retry = Yritä uudelleen
failed-retry-all = Yritä kaikkia uudelleen ({ $count })
failed-interrupted = keskeytyi
journal-error = Kirjauslokia ei voitu lukea: { $error }

history-heading = Tämän koneen kirjaukset
history-when = Aika
history-who = Kirjaaja
history-transaction = Tapahtuma
history-what = Kirjaus
history-result = Tulos
history-new-case = Uusi asia { $group }
history-existing-case = Asiaan { $id }
history-assignment-only = Vain toimeksianto
history-filed = Kirjattu { $diary }
history-done = Kirjattu
history-failed = Epäonnistui
history-interrupted = Keskeytetty
history-in-progress = Kesken
history-filed-by-other = Kirjannut { $clerk }

top-admin = Oletukset
admin-heading = E-palveluiden oletukset
admin-folder = Kansio: { $dir }
admin-practice = Nämä ovat demon harjoitusoletukset: tallennus koskee vain demoa, ei oikeita oletuksia.
admin-no-folder = Oletusten kansiota ei ole asetettu: muutoksia ei voi tallentaa.
admin-unmapped = ei oletuksia · { $count } odottaa
admin-ok = kunnossa · { $count } odottaa
admin-errors = { $count } virhettä
admin-pick = Valitse e-palvelu vasemmalta.
admin-name = Nimi
admin-action = Oletustoiminto
admin-automatic = Kirjataan automaattisesti (kirjaamo export --auto)
admin-case-group-change = Vaihda asiaryhmä
admin-title = Otsikon malli
admin-form-type = Lomakkeen asiakirjatyyppi
admin-attachment-type = Liitteiden asiakirjatyyppi
admin-secret-address-type = Turvakiellon alainen osoite
admin-secret-address-none = Älä tallenna
admin-secret-address-unfiled = ei tallenneta (lomake ei sisällä osoitetta)
admin-secret-address-search = Turvakiellon alaisen osoitteen asiakirjatyyppi (vain salassa pidettävät)
admin-due-days = Määräaika päivinä
admin-preview = Esikatselu odottavalla tapahtumalla
admin-preview-title = Otsikko: { $title }
admin-preview-party = Asianosainen: { $party }
admin-preview-subject = Toimeksiannon aihe: { $subject }
admin-preview-none = Tällä e-palvelulla ei ole odottavia tapahtumia esikatseltavaksi.
admin-valid = Oletukset ovat kunnossa.
admin-save = Tallenna
admin-revert = Palauta
admin-import = Tuo tiedostosta…
admin-export = Vie tiedostoon…
admin-saved = Tallennettu: { $path }
admin-save-error = Tallennus epäonnistui: { $error }
admin-imported = Tuotu: tarkista ja tallenna.
admin-import-error = Tiedostoa ei voitu tuoda: { $error }
admin-exported = Viety tiedostoon: { $path }
admin-export-error = Vienti tiedostoon epäonnistui: { $error }
filing-save-default = Tallenna oletukseksi tälle e-palvelulle

# Yhteydet, ensimmäinen käynnistys
top-connections = Yhteydet…
top-connections-hint = Yhteysprofiilit, tunnukset ja yhteyden testaus
start-welcome = Tervetuloa Kirjaamoon
start-intro = Kirjaamo hakee ePalvelun asiointitapahtumat ja kirjaa ne TWebiin. Kokeile ensin demoa harjoitusaineistolla tai määritä yhteys kuntasi järjestelmiin.
start-demo = Kokeile demoa
start-demo-hint = Harjoitusympäristö tällä koneella: keksityt hakemukset, mitään ei lähetetä minnekään
start-setup = Määritä yhteys…
start-opening = Avataan yhteyttä { $name }…
start-failed = Yhteyttä { $name } ei voitu avata
start-retry = Yritä uudelleen
start-settings-error = Asetustiedostoa ei voitu lukea: { $error }
demo-label = Demo (harjoitusympäristö)
demo-clerk = Demo-kirjaaja
connections-heading = Yhteydet
connections-new = Uusi yhteys
connections-new-name = Uusi yhteys { $number }
connections-none = Ei vielä yhteyksiä. Lisää yhteys kuntasi TWebiin ja ePalveluun.
connections-active = käytössä
connections-name = Nimi
connections-tweb-url = TWebin rajapinnan osoite
connections-sign-in = Kirjautuminen TWebiin
connections-sign-in-password = Käyttäjätunnus ja salasana
connections-sign-in-token = API-avain
connections-user = Käyttäjätunnus
connections-password = Salasana
connections-token = API-avain
connections-outbox-url = ePalvelun lähtevien osoite
connections-outbox-token = ePalvelun avain
connections-case-url = Asian osoite TWebin selainkäyttöliittymässä
connections-case-url-hint = esim. https://tweb.kunta.fi/asia/{"{"}id{"}"}
connections-central = Tämän yhteyden on määrittänyt IT koko koneelle. Täällä tallennetaan vain omat salasanasi ja avaimesi.
connections-clerk = Nimesi varauksissa
connections-clerk-identity = TWeb-käyttäjäsi, kun kirjaudut omilla tunnuksillasi, muuten tietokoneen käyttäjätunnuksesi; ei kirjoiteta.
connections-ca-bundle = Kunnan oma CA-varmenne (PEM, valinnainen)
connections-mappings = Oletusten kansio (valinnainen, voi olla jaettu kansio)
connections-secret-stored = Tallennettu avainnippuun. Kirjoita uusi korvataksesi.
connections-secret-missing = Ei tallennettu
connections-secret-checking = Tarkistetaan avainnippua…
connections-secret-forget = Unohda
connections-secret-forgotten = Unohdetaan tallennettaessa
connections-keyring-unavailable = Avainnippu ei ole käytettävissä: salaisuudet kysytään joka käynnistyksellä
connections-test = Testaa yhteys
connections-testing = Testataan…
connections-save = Tallenna
connections-use = Ota käyttöön
connections-use-hint = Tallentaa ja vaihtaa tähän yhteyteen
connections-busy = Kirjaus on kesken: odota, että se valmistuu, ennen kuin vaihdat yhteyttä.
connections-remove = Poista yhteys
connections-close = Sulje
connections-saved = Asetukset tallennettu.
connections-save-failed = Asetuksia ei tallennettu: { $error }
connections-keyring-refused = Salaisuuksia ei tallennettu avainnippuun: { $error }. Kirjoitetut salaisuudet ovat käytössä vain tämän istunnon ajan.
connections-invalid = { $error }
connections-demo = Käytä demoa
check-tweb = TWeb
check-outbox = ePalvelu
check-scanner = Virustarkistus
check-scanner-failed = Ei vastaa
check-ok = Yhteys toimii
check-insecure = Osoite ei kelpaa: yhteyden on oltava salattu (https)
check-unreachable = Palvelin ei vastaa: tarkista osoite ja verkkoyhteys
check-bad-certificate = Palvelimen varmenne ei kelpaa: tarkista osoite tai lisää kunnan CA-varmenne
check-wrong-credentials = Väärä käyttäjätunnus, salasana tai avain
check-missing-rights = Kirjautuminen onnistui, mutta oikeudet puuttuvat
check-not-the-service = Osoitteessa vastaa jokin muu kuin odotettu rajapinta: tarkista osoite
check-unavailable = Palvelu ei ole nyt käytettävissä: yritä myöhemmin
check-not-started = Ei testattu
right-read-cases = asioiden haku ja luku
right-create-cases = asioiden avaaminen
right-add-documents = asiakirjojen lisääminen
right-create-assignments = toimeksiantojen lähettäminen
check-missing = Puuttuu: { $rights }
check-signed-in = Kirjautunut: { $name } ({ $user })
check-catalog-only = Kirjautuminen onnistui, { $count } tehtäväluokkaa; oikeuksia ei voitu tarkistaa
check-outbox-found = { $services } e-palvelua, { $pending } odottaa
connections-choose = Valitse…

time-at = { $date } klo { $time }

## Errors in plain words (src/plain.rs): the technical chain is folded under details-show.
details-show = Näytä tiedot
error-unexpected = Odottamaton virhe. Yritä uudelleen; jos virhe toistuu, kopioi tiedot ylläpidolle.
io-not-found = Tiedostoa tai kansiota ei löydy.
io-denied = Ei oikeutta tiedostoon tai kansioon.
io-full = Levy on täynnä.
io-failed = Tiedoston käsittely epäonnistui.

call-build-client = yhteyden valmistelu
call-connect = yhdistäminen
call-read-me = kirjautuneen käyttäjän haku
call-read-case-groups = asiaryhmien haku
call-read-document-types = asiakirjatyyppien haku
call-read-users = käyttäjien haku
call-read-groups = ryhmien haku
call-search-cases = asioiden haku
call-read-case = asian haku
call-open-case = asian avaaminen
call-upload-document = asiakirjan lähetys
call-send-assignment = toimeksiannon lähetys
call-look-up-document = asiakirjan tarkistus
call-look-up-assignment = toimeksiannon tarkistus
call-list-outbox = saapuneiden haku
call-list-services = e-palvelujen haku
call-list-completed = päivän kirjausten haku
call-read-transaction = asiointitapahtuman haku
call-download-attachment = liitteen nouto
call-claim = tapahtuman varaaminen
call-release = varauksen vapautus
call-complete = kirjatuksi merkitseminen

remote-unauthorized = Kirjautuminen ei kelpaa ({ $action }). Tarkista käyttäjätunnus, salasana tai avain yhteysasetuksista.
remote-forbidden = Sinulla ei ole tähän oikeutta ({ $action }). Pyydä oikeus pääkäyttäjältä.
remote-validation = Palvelin hylkäsi tiedot ({ $action }). Tarkista valinnat; syy on tiedoissa.
remote-field-too-long = Palvelin hylkäsi tiedot ({ $action }): { $field } on pidempi kuin { $limit } merkkiä.
remote-field-empty = Palvelin hylkäsi tiedot ({ $action }): { $field } puuttuu.
remote-field-past = Palvelin hylkäsi tiedot ({ $action }): { $field } on jo mennyt.
remote-field-unknown = Palvelin hylkäsi tiedot ({ $action }): { $field } ei ole TWebissä. Tarkista valinnat.
remote-field-closed = Palvelin hylkäsi tiedot ({ $action }): { $field } on suljettu.
field-title = asian otsikko
field-subject = toimeksiannon aihe
field-message = toimeksiannon viesti
field-due-date = määräpäivä
field-case-group = tehtäväluokka
field-document-type = asiakirjatyyppi
field-recipients = vastaanottaja
field-party-name = asianosaisen nimi
remote-not-found = Haettua ei löytynyt ({ $action }). Se on ehkä poistettu tai siirretty.
remote-conflict = Tila on muuttunut sillä välin ({ $action }). Päivitä ja yritä uudelleen.
remote-gone = Tapahtuma on jo käsitelty ({ $action }).
remote-unavailable = Palvelu ei ole nyt käytettävissä ({ $action }). Yritä hetken kuluttua uudelleen.
remote-timeout = Palvelin ei vastannut ajoissa ({ $action }). Yritä uudelleen.
remote-connection = Palvelimeen ei saatu yhteyttä ({ $action }). Tarkista verkkoyhteys ja osoite.
remote-tls = Suojattu yhteys ei onnistunut ({ $action }): palvelimen varmenne ei kelpaa.
remote-protocol = Palvelimen vastausta ei voitu lukea ({ $action }). Osoite voi olla väärä.
remote-insecure = Osoite ei kelpaa ({ $action }): yhteyden on oltava salattu (https).
remote-cut-off = Vastaus katkesi kesken ({ $action }). Muutos on ehkä jo tehty; uusi yritys tarkistaa sen ensin.

export-remote = { $step }: { $cause }
export-claimed-by = Tapahtuma on käsittelyssä toisella: { $holder }.
export-already-filed = Tapahtuman on jo kirjannut { $by }.
export-bad-transaction = Tapahtumaa ei voi kirjata sellaisenaan ({ $count } ongelmaa). Katso tiedot.
export-misplaced = TWebissä on jo tämän tapahtuman { $step } (kohde { $object }), mutta eri paikassa. Sitä ei käytetty; tarkista asia TWebissä.
export-case-changed = Valitun asian diaarinumero on nyt { $found }, ei { $expected }. Valitse asia uudelleen.
export-unjournaled = Kirjaukset pysäytettiin, koska kirjauslokiin ei saatu merkintää: { $cause }
export-pdf = Lomakkeen PDF-tiedostoa ei voitu tehdä.
export-cancelled = Kirjaus keskeytettiin.
export-not-scanned = Liitettä { $file } ei voitu tarkistaa virusten varalta, joten mitään ei kirjattu: { $cause }
export-quarantined = Virustarkistus löysi haittaohjelman { $count ->
    [one] liitteestä
   *[other] { $count } liitteestä
}: { $files }. Asiointitapahtuma on karanteenissa, eikä mitään kirjattu. Sen voi kirjata ilman tartunnan saanutta liitettä.
export-left-out-clean = Liite { $file } jätettäisiin pois, mutta virustarkistus ei löytänyt siitä mitään. Vain haittaohjelman sisältävän liitteen voi jättää pois.

journal-sqlite = Kirjauslokia { $path } ei voitu käyttää.
journal-unwritable = Kirjauslokiin { $path } ei voi kirjoittaa (vain luku tai ei oikeutta).
journal-disk-full = Kirjauslokin { $path } levy on täynnä.
journal-folder = Kirjauslokin kansiota { $path } ei voitu tehdä.
audit-unwritable = Käyttölokiin { $path } ei voi kirjoittaa (vain luku tai ei oikeutta), joten tätä ei tehty: henkilötietojen käyttö kirjataan aina.
audit-disk-full = Käyttölokin { $path } levy on täynnä tai siihen ei voi kirjoittaa, joten tätä ei tehty: henkilötietojen käyttö kirjataan aina.
audit-failed = Käyttölokia { $path } ei voitu käyttää, joten tätä ei tehty: henkilötietojen käyttö kirjataan aina.
journal-move-aside = Vioittunutta kirjauslokia { $path } ei voitu siirtää syrjään.
journal-damaged = Kirjausloki { $path } on vioittunut.
journal-newer = Kirjausloki { $path } on Kirjaamon uudemmasta versiosta. Päivitä Kirjaamo.
journal-other-endpoint = Kirjausloki { $path } kuuluu toisille palvelimille; siihen ei kosketa.
journal-corrupt = Kirjauslokin merkintää ei voitu lukea.
journal-worker = Kirjauslokin käsittely pysähtyi.

unusable-no-mapping = E-palvelulla ei ole oletuksia.
unusable-not-checked = Oletuksia ei ole vielä tarkistettu TWebin luetteloita vasten.
unusable-errors = Oletuksissa on { $count ->
    [one] virhe
   *[other] { $count } virhettä
}.
plan-needs-case = E-palvelun { $service } oletus kirjaa olemassa olevaan asiaan: valitse asia.
plan-incomplete = E-palvelun { $service } oletus on puutteellinen: { $first }
service-client = Yhteyttä { $label } ei voitu valmistella: { $cause }

preview-invalid-pdf = PDF-tiedosto on vioittunut tai ei ole PDF.
preview-encrypted = PDF on suojattu salasanalla, eikä sitä voi esikatsella.
preview-no-such-page = Sivua { $page } ei ole (sivuja { $pages }).
preview-too-large = Sivu tai kuva on liian suuri esikatseltavaksi.
preview-invalid-image = Kuvaa ei voitu lukea.
preview-unsupported = Tätä tiedostotyyppiä ({ $kind }) ei esikatsella. Tallenna kopio ja avaa se toisella ohjelmalla; liite kirjataan silti.
preview-render-failed = Sivua ei voitu piirtää.
preview-file-too-large = Tiedosto on yli { $mib } megatavua, eikä sitä esikatsella. Liite kirjataan silti.
preview-infected = Virustarkistus löysi tästä liitteestä haittaohjelman ({ $signature }). Sitä ei avata, tallenneta eikä kirjata.
pdf-failed = Lomakkeen PDF-tiedostoa ei voitu tehdä.

mapping-io = Oletustiedostoa { $path } ei voitu käsitellä: { $cause }
mapping-format = { $path } ei ole kelvollinen oletustiedosto.
settings-io = Asetustiedostoa { $path } ei voitu käsitellä: { $cause }
settings-format = { $path } ei ole kelvollinen asetustiedosto.
settings-address = Yhteyden { $profile } osoite ei kelpaa: { $cause }
settings-duplicate = Kahdella yhteydellä on sama nimi { $name }.
demo-sandbox = Demon palvelimia ei voitu käynnistää tällä koneella.
demo-mappings = Demon oletuksia ei voitu kirjoittaa: { $cause }
demo-folder = Demolle ei saatu väliaikaista kansiota: { $cause }

connection-missing = Yhteydeltä { $profile } puuttuu { $count ->
    [one] { $first }
   *[other] { $first } ja { $second }
}. Kirjoita { $count ->
    [one] se
   *[other] ne
} yhteysasetuksiin.
connection-keyring = Yhteyden { $profile } salaisuuksia ei voitu lukea: { $cause }
connection-named = Tarkista yhteys { $name }: { $error }
secret-tweb-password = TWebin salasana
secret-tweb-token = TWebin API-avain
secret-outbox-token = ePalvelun avain
keyring-unavailable = Tällä koneella ei ole käytettävissä avainnippua.
keyring-failed = Avainnippu ei toiminut.

policy-invalid = ”{ $url }” ei ole verkko-osoite.
policy-not-https = { $url } ei ole salattu: käytä https://-osoitetta (http on sallittu vain osoitteisiin 127.0.0.1 ja localhost).
policy-scheme = { $url }: vain https://-osoitteet käyvät.
policy-ca-read = CA-varmennetta { $path } ei voitu lukea.
policy-ca-empty = Tiedostossa { $path } ei ole PEM-varmennetta.
policy-ca-invalid = CA-varmenne { $path } ei ole kelvollinen PEM-tiedosto.

admin-no-folder = Oletusten kansiota ei ole määritetty.
start-no-data-dir = Käyttöjärjestelmä ei anna kansiota kirjauslokille ja oletuksille.
start-no-config-dir = Käyttöjärjestelmä ei anna kansiota asetuksille.
start-failed-because = { $error }
start-failed-named = Yhteyttä { $name } ei voitu avata: { $error }
start-ask-secrets = Anna yhteyden { $name } salasana ja avain tähän ja ota yhteys käyttöön; ne ovat käytössä tämän istunnon ajan. Syy: { $error }
profile-name-empty = Nimi puuttuu.
profile-name-slash = Nimessä ei saa olla merkkiä /.
profile-user-empty = TWebin käyttäjätunnus puuttuu.

## Findings of the mapping check (src/mappings/check.rs).
finding-not-toml = Tiedosto ei ole kelvollista TOMLia.
finding-not-mapping = Tiedosto ei ole kelvollinen oletustiedosto.
finding-schema = Versiota { $schema } ei tunneta; tämä Kirjaamo lukee versiota 1.
finding-no-service = ePalvelussa ei ole e-palvelua ”{ $service }”{ $hint }
finding-file-name = Tiedoston nimi poikkeaa e-palvelun tunnuksesta ”{ $service }”.
finding-new-case-needs-group = Uusi asia tarvitsee asiaryhmän.
finding-automatic-existing-case = Olemassa olevaan asiaan kirjausta ei voi tehdä automaattisesti: asian valitsee aina kirjaaja. Poista automatic tai valitse toinen tapa.
finding-rule-matches-nothing = Liitesääntö ei nimeä tiedostotyyppiä eikä tiedostonimeä, joten se ei koske mitään liitettä.
finding-assignment-only-needs = Pelkkä toimeksianto tarvitsee toimeksiannon tiedot.
finding-no-recipients = Toimeksiannolla ei ole vastaanottajia.
finding-unknown-user = ”{ $name }” ei ole TWebin käyttäjä{ $hint }
finding-unknown-group = ”{ $name }” ei ole TWebin ryhmä{ $hint }
finding-case-group-closed = { $code } { $name } on suljettu uusilta asioilta; valitse sen korvannut luokka.
finding-unknown-case-group = { $code } ei ole asiaryhmä{ $hint }
finding-unknown-document-type = { $code } ei ole asiakirjatyyppi{ $hint }
finding-address-type-not-secret = { $code } { $name } ei ole tiedonohjaussuunnitelmassa salassa pidettävä: turvakiellon alaisen osoitteen asiakirja saisi sen julkisuuden. Valitse salassa pidettävä asiakirjatyyppi tai jätä kenttä tyhjäksi, jolloin osoitetta ei tallenneta.
finding-unknown-field = E-palvelun { $service } tapahtumissa ei ole kenttää ”{ $key }”{ $hint }
finding-bad-date-format = ”{ $format }” ei ole päivämäärän muoto (esim. %d.%m.%Y).
finding-bad-placeholder = { $name } ei ole paikkamerkki; käytä {"{"}service{"}"}, {"{"}submitter{"}"}, {"{"}id{"}"}, {"{"}field:KENTTÄ{"}"} tai {"{"}submitted:%d.%m.%Y{"}"}.
finding-duplicate = { $first } kattaa jo e-palvelun ”{ $service }”.
finding-hint = ; tarkoititko { $suggestion }?
finding-no-hint = .
failed-reason = { $error }
failed-earlier = Kirjaus epäonnistui aiemmin. Yritä uudelleen; syy on tiedoissa.
mapping-changed = Tiedostoa { $path } on muutettu levyllä sen jälkeen, kun se luettiin ({ $fields }). Mitään ei tallennettu.
admin-conflict = Joku muu muutti tiedostoa sillä välin. Eroavat kohdat: { $fields }. Lataa levyn versio tai korvaa se omillasi.
admin-conflict-reload = Lataa levyn versio
admin-conflict-overwrite = Korvaa levyn versio omillani
attachment-saved-no-dialog = Tiedostoikkunaa ei voi avata tällä koneella, joten kopio tallennettiin latauksiin: { $path }
attachment-save-cancelled = Kopiota ei tallennettu.
attachment-save-downloads = Tallenna latauksiin
copy-no-downloads = Käyttöjärjestelmä ei anna latauskansiota.
window-timeout = Kirjaamon ikkuna ei auennut 45 sekunnissa, joten Kirjaamo suljettiin. Näytönohjaimen OpenGL ei ehkä toimi tällä koneella; pyydä IT-tukea tarkistamaan se. Kirjaukset voi tehdä myös komennolla kirjaamo export.
window-failed = Kirjaamon ikkunaa ei voitu avata (näytönohjaimen OpenGL ei ehkä toimi tällä koneella)
inbox-waited = { $days ->
    [0] saapui tänään
    [one] odottanut 1 pv
   *[other] odottanut { $days } pv
}
badge-overdue = myöhässä { $days } pv
badge-due-soon = erääntyy { $date }
badge-deadline-unknown = määräaika ei tiedossa
state-urgent = Myöhässä tai erääntymässä
sort-deadline = Määräaika ensin
top-overdue = Myöhässä ({ $count })
top-overdue-hint = Näytä käsittelyajan ylittäneet ja pian erääntyvät
admin-deadline-days = Käsittelyaika päivinä
admin-deadline-hint = Päivää saapumisesta (0: ei määräaikaa), esim. 14 asiakirjapyynnölle (JulkL 14 §). Saapuneet merkitsee myöhässä olevat ja pian erääntyvät.
inbox-secret = salainen
inbox-personal-id = hetu
inbox-protection-order = turvakielto
inbox-duplicate = kaksoiskappale?
inbox-hide-filed = Piilota kirjatut
inbox-move-on = Siirry kirjauksen jälkeen seuraavaan
inbox-move-on-hint = Kirjauksen jälkeen valitaan seuraava kirjaamaton rivi; kuitti jää kirjauspaneeliin.
receipt-case-title = Asia: { $title }
receipt-form = Lomake: { $title } ({ $type })
receipt-attachment = Liite: { $title } ({ $type })
receipt-documents = Asiakirjoja: { $count }
receipt-left-out = Jätetty pois: { $file } (haittaohjelma { $signature })
receipt-assignment-due = Toimeksianto: { $to }, määräpäivä { $due }
receipt-assignment = Toimeksianto: { $to }, ei määräpäivää
receipt-assignment-sent = Toimeksianto lähetettiin.
receipt-no-undo = Tätä kirjausta ei voi enää perua Kirjaamosta: vain kirjaaja voi, { $minutes } minuutin kuluessa uuden asian avaamisesta. Pyydä TWebin pääkäyttäjää korjaamaan se.
receipt-no-undo-assignment = Lähetettyä toimeksiantoa ei voi perua Kirjaamosta: vastaanottajat ovat jo saaneet sen. Kerro heille TWebissä, jos se lähti erehdyksessä.
filing-previous = Edellinen kirjaus
filing-secrecy = Julkisuus: { $publicity }
filing-pick = Kirjaa asiaan { $diary }
filing-confirm-again = Enter kirjaa, Esc peruu.
filing-other-party = Asian { $diary } asianosaisissa ei ole hakijaa { $submitter } (asianosaiset: { $parties }). Tarkista, että asia on oikea.
filing-ask-secret = Kirjaat aineistoa, joka ei ole julkinen: { $publicity }.
filing-ask-protection-order = Hakijalla on turvakielto: osoite ei tule lomakkeeseen eikä asianosaiseksi, eikä sitä tallenneta (JulkL 24 § 1 mom. 31 k.).
filing-ask-protection-order-document = Hakijalla on turvakielto: osoite ei tule lomakkeeseen eikä asianosaiseksi, vaan omaksi salassa pidettäväksi asiakirjakseen ({ $type }) (JulkL 24 § 1 mom. 31 k.).
filing-ask-closed-case = Asia { $diary } on päättynyt. Kirjaatko silti siihen?
suggest-named = Kenttä ”{ $field }” mainitsee asian { $diary } { $title }.
suggest-repeat = Mahdollinen kaksoiskappale { $id } on kirjattu asiaan { $diary }.
case-named = Lomakkeessa mainittu
case-named-field = kenttä ”{ $field }”
day-col-time = Kirjattu
day-col-clerk = Kirjaaja
day-col-action = Tapa
day-col-diary = Diaarinumero
day-col-case-title = Asian otsikko
day-col-transaction = Asiointitapahtuma
day-col-service = E-palvelu
day-col-submitter = Lähettäjä
day-col-documents = Asiakirjat
day-col-assignment = Toimeksianto
day-heading = Päivän kirjaukset { $date }
day-earlier = Edellinen päivä
day-later = Seuraava päivä
day-search = Hae
day-search-hint = diaarinumero, otsikko, lähettäjä, kirjaaja
day-refresh = Päivitä
day-export = Tallenna CSV-tiedostoksi
day-exported = Tallennettu: { $path }
day-export-error = Luetteloa ei voitu tallentaa
day-error = Kirjaamon kirjauksia ei voitu hakea
day-count = { $count ->
    [one] 1 kirjaus
   *[other] { $count } kirjausta
}
day-none = Tänä päivänä ei ole kirjauksia.
day-by = Kirjannut { $clerk } { $at }
top-day = Päivän kirjaukset
detail-duplicate = Mahdollinen kaksoiskappale:
detail-secret = { $publicity }. Sisältö avautuu vasta pyynnöstä, jotta mitään salaista ei näy listaa selatessa.
detail-reveal = Näytä sisältö
detail-address-secret = Salassa pidettävä: turvakielto (JulkL 24 § 1 mom. 31 k.)
detail-disclosure-refused = Sisältöä ei avattu
detail-logging = Kirjataan käyttölokiin…
duplicate-filed = { $id }, kirjattu asiaan { $diary }
duplicate-filed-no-case = { $id }, kirjattu ilman asiaa
duplicate-same = { $id } { $when }, samat vastaukset
duplicate-pending = { $id } { $when }, sama lähettäjä ja e-palvelu
key-shift = Vaihto
hint-move = valitse
hint-action = tapa
hint-file = kirjaa
hint-tick = merkitse
hint-file-ticked = kirjaa merkityt
hint-filter = suodata
hint-help = kaikki näppäimet
keys-heading = Näppäimet
keys-close = Sulje
key-move = Valitse seuraava tai edellinen asiointitapahtuma
key-action = Uusi asia, olemassa oleva asia, pelkkä toimeksianto
key-file = Kirjaa valittu (kahdesti, kun vahvistusta pyydetään)
key-tick = Merkitse valittu rivi tai poista merkintä
key-file-ticked = Kirjaa merkityt vahvistuksen jälkeen
key-filter = Kirjoita saapuneiden suodattimeen
key-case-search = Hae olemassa olevaa asiaa
key-cancel = Keskeytä käynnissä oleva kirjaus tai poistu tekstikentästä
key-zoom = Suurempi tai pienempi teksti
key-help = Avaa tämä luettelo
key-close-help = Sulje tämä luettelo
key-space = Välilyönti
suggest-recent-case = Saman hakijan asia { $diary } samassa asiaryhmässä saapui { $received }: mahdollinen kaksoiskappale.
inbox-partly-secret = osin salainen
secrecy-unknown = Salassapito ei ole tiedossa: tälle e-palvelulle ei ole TWebin luetteloa vasten tarkistettuja oletuksia, joten tapahtumaa käsitellään salaisena
inbox-secrecy-unknown = salassapito ei tiedossa
filing-ask-secrecy-unknown = Tämän tapahtuman salassapito ei ole tiedossa, joten sitä käsitellään salaisena. Tarkista valinnat.
call-withdraw-case = asian peruminen
call-reopen = asiointitapahtuman palautus saapuneisiin
case-status-withdrawn = peruttu
receipt-undo = Peru kirjaus
receipt-undo-hint = Peruu asian TWebissä (sen asiakirjat poistetaan, diaarinumeroa ei käytetä uudelleen) ja palauttaa asiointitapahtuman saapuneisiin. Mahdollista { $minutes } minuutin ajan kirjauksesta.
receipt-undone = Kirjaus peruttu: asia { $diary } peruttiin TWebissä ja asiointitapahtuma palasi saapuneisiin.
receipt-undo-failed = Kirjausta ei voitu perua
undo-reason = Avattu erehdyksessä; perunut { $clerk } Kirjaamossa
receipt-no-undo-late = Perumisen { $minutes } minuuttia on kulunut: nyt sen voi korjata vain TWebin pääkäyttäjä.
receipt-no-undo-existing = Olemassa olevaan asiaan lisättyä asiakirjaa ei voi perua Kirjaamosta: TWebin rajapinta ei poista asiakirjaa asiasta, jossa on muita. Pyydä TWebin pääkäyttäjää korjaamaan se.
policy-proxy-invalid = ”{ $url }” ei ole välityspalvelimen osoite (http://palvelin:portti).
policy-proxy-password = Välityspalvelimen osoitteessa { $url } on salasana. Salasanat säilytetään vain avainnipussa: poista salasana osoitteesta.
connections-proxy = Välityspalvelin (proxy)
connections-proxy-hint = tyhjä: järjestelmän asetus; direct: ei välityspalvelinta
connections-scanner = Virustarkistus
connections-scanner-hint = clamd://palvelin:3310, clamd:///polku/clamd.ctl, amsi (Windowsin virustorjunta) tai none (pois)
profile-scanner-bad = ”{ $given }” ei ole virustarkistus: kirjoita clamd://palvelin:portti, clamd:///polku/clamd.ctl, amsi tai none.
preview-stale-alt = Edellisen asiointitapahtuman sivu (seuraavaa muodostetaan)

# Sizes of files and uploads.
size-bytes = { $value } B
size-kilo = { $value } kt
size-mega = { $whole },{ $tenth } Mt

scan-not-configured = Virustarkistusta ei ole valittu tälle yhteydelle, joten liitteitä ei avata eikä kirjata. Pääkäyttäjä valitsee sen yhteysprofiiliin (clamd tai Windowsin virustorjunta) tai kytkee sen erikseen pois.
scan-unreachable = Virustarkistukseen ({ $address }) ei saada yhteyttä. Tarkistamatonta liitettä ei avata eikä kirjata; yritä uudelleen, kun se vastaa.
scan-timed-out = Virustarkistus ({ $address }) ei vastannut { $seconds } sekunnissa. Tarkistamatonta liitettä ei avata eikä kirjata; yritä uudelleen.
scan-too-large = Liite on suurempi kuin virustarkistus ottaa vastaan, joten sitä ei tarkistettu. Sitä ei avata eikä kirjata.
scan-refused = Virustarkistus ei antanut tulosta. Tarkistamatonta liitettä ei avata eikä kirjata.
scan-amsi-unavailable = Windowsin virustorjunta ei ole käytettävissä tällä koneella (AMSI). Tarkistamatonta liitettä ei avata eikä kirjata.
scan-source = Liitettä ei voitu lukea virustarkistusta varten. Sitä ei avata eikä kirjata.
