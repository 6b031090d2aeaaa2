# Kirjaamo: skrivbordets texter på svenska.

top-connection = Anslutning: { $name }
top-inbox = Inkomna ({ $count })
top-failed = Misslyckade ({ $count })
top-refresh = Uppdatera
top-scan-off = virusgranskning av
top-scan-off-hint = Bilagor virusgranskas inte: anslutningsprofilen har stängt av granskningen.
top-scan-missing = virusgranskning saknas
top-scan-on = virusgranskning
top-refresh-hint = Hämta inkomna och registreringsloggen på nytt
top-language = Språk

inbox-filter = Filtrera
inbox-filter-hint = Rubrik, sökande, e-tjänst eller kod (/)
inbox-service = E-tjänst
inbox-service-all = Alla e-tjänster ({ $count })
inbox-state = Status
inbox-sort = Ordning
inbox-pending = { $count } väntar · { $shown } visas
inbox-error = Inkomna kunde inte hämtas: { $error }
inbox-attachments = { $count ->
    [one] 1 bilaga
   *[other] { $count } bilagor
}
inbox-tick = Välj för massregistrering: { $id }

state-all = Alla
state-new = Nya
state-claimed = Reserverade
state-failed = Misslyckade
state-filed = Registrerade

sort-oldest = Äldsta först
sort-newest = Nyaste först
sort-service = Enligt e-tjänst
sort-submitter = Enligt sökande

badge-new = ny
badge-claimed-by-me = reserverad åt mig
badge-claimed-by = reserverad av { $name }
badge-filing = registreras…
badge-failed = misslyckades
badge-interrupted = avbruten
badge-quarantined = karantän
badge-not-scanned = ogranskad
badge-filed = registrerad

bulk-checked = { $count } valda
bulk-file = Registrera valda enligt standard ({ $count })
bulk-clear = Töm valet
bulk-none = Inga valda
bulk-one-service = Massregistrering bara för ärenden från en e-tjänst
bulk-no-default = E-tjänsten har ingen färdig standardregistrering
bulk-progress = { $done } / { $count } klara, { $failed } misslyckades{ $interrupted ->
    [0] {""}
   *[other] , { $interrupted } avbrutna
}
bulk-cancel = Avbryt registreringarna
bulk-confirm-heading = Registrera { $count } ärenden med standardvalen?
bulk-confirm-service = E-tjänst: { $service }
bulk-confirm-names = { $names }{ $more ->
    [0] {""}
   *[other] {" "}och { $more } till
}
bulk-confirm-secret = Inte offentligt: { $group }
bulk-confirm-protected = { $count } sökande har spärrmarkering: adressen kommer inte med i blanketten eller som part.
bulk-confirm-yes = Registrera de valda (Enter)
bulk-confirm-no = Avbryt (Esc)

detail-none = Välj ett ärende till vänster: piltangenterna eller j och k, Enter registrerar.
detail-error = Ärendet kunde inte hämtas: { $error }
tab-preview = Förhandsvisning
tab-attachments = Bilagor ({ $count })
tab-fields = Fält
fields-form = Blankett
preview-rendering = PDF skapas…
preview-alt = Blankettens PDF, sida { $page }

page-previous = Föregående sida
page-next = Nästa sida
page-of = Sida { $page } / { $pages }
page-error = Förhandsvisningen kunde inte visas: { $error }
zoom-in = Förstora
zoom-out = Förminska
zoom-fit-width = Anpassa till bredden

attachments-none = Ärendet har inga bilagor.
attachments-pick = Välj en bilaga att förhandsvisa.
attachment-save = Spara en kopia…
attachment-saved = Kopian sparad: { $path }
attachment-save-error = Kopian kunde inte sparas: { $error }
attachment-alt = Bilaga { $name }, sida { $page }

filing-heading = Registrering
filing-none = Inget ärende valt.
filing-default-from = Standard: { $service }
filing-no-mapping = E-tjänsten har ingen standard: välj registreringens uppgifter.
filing-mapping-unchecked = Standardvalet är ännu inte kontrollerat mot TWebs förteckning: det registrerar inte utan bekräftelse.
filing-mapping-invalid = E-tjänstens standard är felaktig och används inte: välj registreringens uppgifter. Till huvudanvändaren:
filing-confirm = Standarden är inte fullständig. Kontrollera valen: Enter registrerar, Esc avbryter.
filing-not-seen = Inte registrerad: ärendet har ännu inte visats en stund. Titta på det och tryck Enter igen.
filing-row-hidden = Inte registrerad: filtret döljer den här raden. Visa raden först.
filing-already-running = Registreringen av det här ärendet pågår redan.
filing-answer-lost = Svaret på registreringen kom aldrig, så resultatet är okänt. Uppdatera vyn innan du försöker igen: läget kontrolleras i ePalvelu och TWeb.
filing-upload-progress = { $sent } / { $total } skickat
filing-file = Registrera (Enter)
filing-retry = Försök igen
filing-resume = Fortsätt registreringen (Enter)
filing-interrupted = Registreringen avbröts.
filing-interrupted-case = Ärendet { $diary } har öppnats i TWeb.
filing-interrupted-no-case = Inget ärende hann öppnas i TWeb.
filing-interrupted-missing = Återstår: { $missing }. Enter fortsätter där det slutade.
filing-interrupted-attachments = { $count } bilagor
filing-held-by = { $name } behandlar det här ärendet (reserverat till { $until }). Det kan registreras när reservationen upphör.
filing-cancel = Avbryt (Esc)
filing-running = Registreras…
filing-step-done = Klart: { $step }
filing-retrying = Försöker igen: { $step }, försök { $attempt }
filing-done = Registrerat: { $diary }
filing-no-case = utan ärende
filing-copy = Kopiera diarienumret
filing-open-tweb = Öppna i TWeb
filing-failed = Registreringen misslyckades: { $error }
filing-not-scanned = Ingenting arkiverades: { $error }
filing-quarantined = Karantän: virusgranskningen hittade skadlig kod. Ingenting arkiverades.
filing-quarantined-file = { $file }: { $signature }
filing-file-without = Arkivera utan { $count ->
    [one] den här bilagan
   *[other] de här bilagorna
}

action-new-case = Nytt ärende
action-existing-case = Befintligt ärende
action-assignment-only = Endast uppdrag

catalog-error = TWebs förteckningar kunde inte hämtas: { $error }
catalog-retry = Hämta förteckningarna igen

case-group-label = Ärendegrupp
case-group-hint = Sök med kod eller namn
case-group-none = Ingen ärendegrupp vald.
case-group-unknown = { $code } är ingen ärendegrupp i TWeb.
case-group-publicity = Offentligheten ärvs: { $publicity }
case-title = Rubrik
case-submitter-party = Sökanden som part
case-search = Sök ärende
case-search-hint = Diarienummer, rubrik eller part (Ctrl+F)
case-search-error = Sökningen misslyckades: { $error }
case-picked = Valt: { $diary } { $title }
case-own = Samma sökandes ärenden
case-found = Sökresultat
case-none-found = Inga ärenden hittades.
case-status-pending = anhängigt
case-status-in-progress = under behandling
case-status-decided = avgjort
case-status-closed = avslutat

publicity-public = Offentlig
publicity-partially-secret = Delvis sekretessbelagd
publicity-secret = Sekretessbelagd

doctype-form = Blankettens handlingstyp: { $type }
doctype-attachments = Bilagornas handlingstyp: { $type }
doctype-form-search = Byt blankettens typ
doctype-attachments-search = Byt bilagornas typ
doctype-hint = Sök med kod eller namn

assign-heading = Uppdrag
assign-optional = Skicka ett uppdrag
assign-recipients = Mottagare:
assign-remove = Ta bort { $name }
assign-group = Grupp { $name }
assign-add = Lägg till mottagare
assign-add-hint = Sök med namn eller grupp
assign-subject = Ämne
assign-message = Meddelande
assign-due = Förfallodag
assign-due-hint = dd.mm.åååå

missing-case-group = Välj en ärendegrupp.
missing-title = Skriv ärendets rubrik.
missing-case = Välj ett ärende bland sökresultaten.
missing-form-type = Välj blankettens handlingstyp.
missing-attachment-type = Välj bilagornas handlingstyp.
missing-recipients = Lägg till en mottagare för uppdraget.
missing-subject = Skriv uppdragets ämne.
missing-due-date = Förfallodagen är inget datum (dd.mm.åååå).
missing-due-date-past = Förfallodagen har passerat: välj i dag eller senare.
missing-title-too-long = Ärendets rubrik är över 500 tecken: TWeb tar inte emot den. Korta rubriken.
missing-subject-too-long = Uppdragets ämne är över 200 tecken: TWeb tar inte emot det. Korta ämnet.

step-read = Läst
step-claim = Reserverat
step-case = Ärende
step-form = Blankett
step-attachment = Bilaga { $id }
step-secret-address = Adress under spärrmarkering
step-assignment = Uppdrag
step-complete = Markerat som registrerat

failed-heading = Misslyckade och avbrutna registreringar ({ $count })
failed-none = Inga misslyckade registreringar.
failed-retry = Försök igen
failed-retry-all = Försök alla igen ({ $count })
failed-interrupted = avbröts
journal-error = Registreringsloggen kunde inte läsas: { $error }

history-heading = Registreringar på den här datorn
history-when = Tid
history-who = Registrator
history-transaction = Ärende
history-what = Registrering
history-result = Resultat
history-new-case = Nytt ärende { $group }
history-existing-case = Till ärende { $id }
history-assignment-only = Endast uppdrag
history-filed = Registrerat { $diary }
history-done = Registrerat
history-failed = Misslyckades
history-interrupted = Avbruten
history-in-progress = Pågår
history-filed-by-other = Registrerat av { $clerk }

top-admin = Standarder
admin-heading = E-tjänsternas standarder
admin-folder = Mapp: { $dir }
admin-practice = Det här är demons övningsstandardval: en sparning gäller bara demon, inte de riktiga standardvalen.
admin-no-folder = Ingen mapp för standarderna: ändringar kan inte sparas.
admin-unmapped = ingen standard · { $count } väntar
admin-ok = i ordning · { $count } väntar
admin-errors = { $count } fel
admin-pick = Välj en e-tjänst till vänster.
admin-name = Namn
admin-action = Standardåtgärd
admin-automatic = Registreras automatiskt (kirjaamo export --auto)
admin-case-group-change = Byt ärendegrupp
admin-title = Rubrikmall
admin-form-type = Blankettens handlingstyp
admin-attachment-type = Bilagornas handlingstyp
admin-secret-address-type = Adress under spärrmarkering
admin-secret-address-none = Arkivera inte
admin-secret-address-unfiled = arkiveras inte (blanketten saknar adressen)
admin-secret-address-search = Handlingstyp för adress under spärrmarkering (endast sekretessbelagda)
admin-due-days = Tidsfrist i dagar
admin-preview = Förhandsvisning med ett väntande ärende
admin-preview-title = Rubrik: { $title }
admin-preview-party = Part: { $party }
admin-preview-subject = Uppdragets ämne: { $subject }
admin-preview-none = E-tjänsten har inga väntande ärenden att förhandsvisa.
admin-valid = Standarden är i ordning.
admin-save = Spara
admin-revert = Återställ
admin-import = Importera från fil…
admin-export = Exportera till fil…
admin-saved = Sparad: { $path }
admin-save-error = Sparandet misslyckades: { $error }
admin-imported = Importerad: kontrollera och spara.
admin-import-error = Filen kunde inte importeras: { $error }
admin-exported = Exporterad: { $path }
admin-export-error = Filen kunde inte exporteras: { $error }
filing-save-default = Spara som standard för e-tjänsten

# Anslutningar, första start
top-connections = Anslutningar…
top-connections-hint = Anslutningsprofiler, inloggning och test av anslutningen
start-welcome = Välkommen till Kirjaamo
start-intro = Kirjaamo hämtar ärendena från ePalvelu och registrerar dem i TWeb. Prova först demon med övningsdata eller ställ in anslutningen till kommunens system.
start-demo = Prova demon
start-demo-hint = Övningsmiljö på den här datorn: påhittade ansökningar, ingenting skickas någonstans
start-setup = Ställ in anslutning…
start-opening = Öppnar anslutningen { $name }…
start-failed = Anslutningen { $name } kunde inte öppnas
start-retry = Försök igen
start-settings-error = Inställningsfilen kunde inte läsas: { $error }
demo-label = Demo (övningsmiljö)
demo-clerk = Demo-registrator
connections-heading = Anslutningar
connections-new = Ny anslutning
connections-new-name = Ny anslutning { $number }
connections-none = Inga anslutningar ännu. Lägg till en anslutning till kommunens TWeb och ePalvelu.
connections-active = i bruk
connections-name = Namn
connections-tweb-url = Adress till TWebs gränssnitt
connections-sign-in = Inloggning i TWeb
connections-sign-in-password = Användarnamn och lösenord
connections-sign-in-token = API-nyckel
connections-user = Användarnamn
connections-password = Lösenord
connections-token = API-nyckel
connections-outbox-url = Adress till ePalvelus utkorg
connections-outbox-token = ePalvelus nyckel
connections-case-url = Ärendets adress i TWebs webbgränssnitt
connections-case-url-hint = t.ex. https://tweb.kunta.fi/asia/{"{"}id{"}"}
connections-central = Den här anslutningen har IT ställt in för hela datorn. Här sparas bara dina egna lösenord och nycklar.
connections-clerk = Ditt namn på reservationer
connections-clerk-identity = Din TWeb-användare när du loggar in med egna uppgifter, annars datorns användarkonto; skrivs inte in.
connections-ca-bundle = Kommunens eget CA-certifikat (PEM, valfritt)
connections-mappings = Mapp för standardval (valfri, kan vara en delad mapp)
connections-secret-stored = Sparad i nyckelringen. Skriv en ny för att ersätta den.
connections-secret-missing = Inte sparad
connections-secret-checking = Kontrollerar nyckelringen…
connections-secret-forget = Glöm
connections-secret-forgotten = Glöms när du sparar
connections-keyring-unavailable = Nyckelringen är inte tillgänglig: hemligheterna frågas vid varje start
connections-test = Testa anslutningen
connections-testing = Testar…
connections-save = Spara
connections-use = Ta i bruk
connections-use-hint = Sparar och byter till den här anslutningen
connections-busy = En registrering pågår: vänta tills den är klar innan du byter anslutning.
connections-remove = Ta bort anslutningen
connections-close = Stäng
connections-saved = Inställningarna har sparats.
connections-save-failed = Inställningarna sparades inte: { $error }
connections-keyring-refused = Hemligheterna sparades inte i nyckelringen: { $error }. De inskrivna hemligheterna används bara under den här sessionen.
connections-invalid = { $error }
connections-demo = Använd demon
check-tweb = TWeb
check-outbox = ePalvelu
check-scanner = Virusgranskning
check-scanner-failed = Svarar inte
check-ok = Anslutningen fungerar
check-insecure = Adressen godtas inte: anslutningen måste vara krypterad (https)
check-unreachable = Servern svarar inte: kontrollera adressen och nätverket
check-bad-certificate = Serverns certifikat godtas inte: kontrollera adressen eller lägg till kommunens CA-certifikat
check-wrong-credentials = Fel användarnamn, lösenord eller nyckel
check-missing-rights = Inloggningen lyckades, men behörigheter saknas
check-not-the-service = På adressen svarar något annat än det väntade gränssnittet: kontrollera adressen
check-unavailable = Tjänsten är inte tillgänglig just nu: försök senare
check-not-started = Inte testad
right-read-cases = söka och läsa ärenden
right-create-cases = öppna ärenden
right-add-documents = lägga till handlingar
right-create-assignments = skicka uppdrag
check-missing = Saknas: { $rights }
check-signed-in = Inloggad: { $name } ({ $user })
check-catalog-only = Inloggningen lyckades, { $count } uppgiftsklasser; behörigheterna kunde inte kontrolleras
check-outbox-found = { $services } e-tjänster, { $pending } väntar
connections-choose = Välj…

time-at = { $date } kl. { $time }

## Errors in plain words (src/plain.rs): the technical chain is folded under details-show.
details-show = Visa detaljer
error-unexpected = Ett oväntat fel. Försök igen; om felet upprepas, kopiera detaljerna till supporten.
io-not-found = Filen eller mappen finns inte.
io-denied = Ingen behörighet till filen eller mappen.
io-full = Disken är full.
io-failed = Filen kunde inte hanteras.

call-build-client = förberedelse av anslutningen
call-connect = anslutning
call-read-me = hämtning av inloggad användare
call-read-case-groups = hämtning av ärendegrupper
call-read-document-types = hämtning av handlingstyper
call-read-users = hämtning av användare
call-read-groups = hämtning av grupper
call-search-cases = sökning av ärenden
call-read-case = hämtning av ärendet
call-open-case = öppning av ärendet
call-upload-document = sändning av handlingen
call-send-assignment = sändning av uppdraget
call-look-up-document = kontroll av handlingen
call-look-up-assignment = kontroll av uppdraget
call-list-outbox = hämtning av inkomna
call-list-services = hämtning av e-tjänster
call-list-completed = hämtning av dagens registreringar
call-read-transaction = hämtning av ärendehändelsen
call-download-attachment = hämtning av bilagan
call-claim = reservering av händelsen
call-release = frigivning av reserveringen
call-complete = markering som registrerad

remote-unauthorized = Inloggningen godtas inte ({ $action }). Kontrollera användarnamn, lösenord eller nyckel i anslutningsinställningarna.
remote-forbidden = Du har inte behörighet till detta ({ $action }). Be huvudanvändaren om behörighet.
remote-validation = Servern avvisade uppgifterna ({ $action }). Kontrollera valen; orsaken finns i detaljerna.
remote-field-too-long = Servern avvisade uppgifterna ({ $action }): { $field } är längre än { $limit } tecken.
remote-field-empty = Servern avvisade uppgifterna ({ $action }): { $field } saknas.
remote-field-past = Servern avvisade uppgifterna ({ $action }): { $field } har redan passerat.
remote-field-unknown = Servern avvisade uppgifterna ({ $action }): { $field } finns inte i TWeb. Kontrollera valen.
remote-field-closed = Servern avvisade uppgifterna ({ $action }): { $field } är stängd.
field-title = ärendets rubrik
field-subject = uppdragets ämne
field-message = uppdragets meddelande
field-due-date = förfallodagen
field-case-group = uppgiftsklassen
field-document-type = handlingstypen
field-recipients = mottagaren
field-party-name = partens namn
remote-not-found = Det sökta hittades inte ({ $action }). Det har kanske tagits bort eller flyttats.
remote-conflict = Läget har ändrats under tiden ({ $action }). Uppdatera och försök igen.
remote-gone = Händelsen är redan behandlad ({ $action }).
remote-unavailable = Tjänsten är inte tillgänglig nu ({ $action }). Försök igen om en stund.
remote-timeout = Servern svarade inte i tid ({ $action }). Försök igen.
remote-connection = Ingen förbindelse med servern ({ $action }). Kontrollera nätverket och adressen.
remote-tls = Den skyddade förbindelsen misslyckades ({ $action }): serverns certifikat godtas inte.
remote-protocol = Serverns svar kunde inte läsas ({ $action }). Adressen kan vara fel.
remote-insecure = Adressen godtas inte ({ $action }): förbindelsen måste vara krypterad (https).
remote-cut-off = Svaret bröts mitt i ({ $action }). Ändringen är kanske redan gjord; nästa försök kontrollerar det först.

export-remote = { $step }: { $cause }
export-claimed-by = Händelsen behandlas av någon annan: { $holder }.
export-already-filed = Händelsen är redan registrerad av { $by }.
export-bad-transaction = Händelsen kan inte registreras som den är ({ $count } problem). Se detaljerna.
export-misplaced = TWeb har redan denna händelses { $step } (objekt { $object }), men på ett annat ställe. Det användes inte; kontrollera ärendet i TWeb.
export-case-changed = Det valda ärendets diarienummer är nu { $found }, inte { $expected }. Välj ärendet på nytt.
export-unjournaled = Registreringarna stoppades eftersom registreringsloggen inte kunde uppdateras: { $cause }
export-pdf = Blankettens PDF-fil kunde inte skapas.
export-cancelled = Registreringen avbröts.
export-not-scanned = Bilagan { $file } kunde inte virusgranskas, så ingenting arkiverades: { $cause }
export-quarantined = Virusgranskningen hittade skadlig kod i { $count ->
    [one] en bilaga
   *[other] { $count } bilagor
}: { $files }. Ärendet är i karantän och ingenting arkiverades. Det kan arkiveras utan den smittade bilagan.
export-left-out-clean = Bilagan { $file } skulle lämnas bort, men virusgranskningen hittade ingenting i den. Endast en bilaga med skadlig kod kan lämnas bort.

journal-sqlite = Registreringsloggen { $path } kunde inte användas.
journal-unwritable = Det går inte att skriva i registreringsloggen { $path } (skrivskyddad eller ingen behörighet).
journal-disk-full = Disken för registreringsloggen { $path } är full.
journal-folder = Mappen { $path } för registreringsloggen kunde inte skapas.
audit-unwritable = Det går inte att skriva i åtkomstloggen { $path } (skrivskyddad eller ingen behörighet), så detta gjordes inte: användning av personuppgifter loggas alltid.
audit-disk-full = Disken för åtkomstloggen { $path } är full eller går inte att skriva till, så detta gjordes inte: användning av personuppgifter loggas alltid.
audit-failed = Åtkomstloggen { $path } kunde inte användas, så detta gjordes inte: användning av personuppgifter loggas alltid.
journal-move-aside = Den skadade registreringsloggen { $path } kunde inte flyttas undan.
journal-damaged = Registreringsloggen { $path } är skadad.
journal-newer = Registreringsloggen { $path } är från en nyare version av Kirjaamo. Uppdatera Kirjaamo.
journal-other-endpoint = Registreringsloggen { $path } hör till andra servrar; den lämnas orörd.
journal-corrupt = En post i registreringsloggen kunde inte läsas.
journal-worker = Hanteringen av registreringsloggen stannade.

unusable-no-mapping = E-tjänsten har inga standardval.
unusable-not-checked = Standardvalen är ännu inte kontrollerade mot TWebs förteckningar.
unusable-errors = Standardvalen har { $count ->
    [one] ett fel
   *[other] { $count } fel
}.
plan-needs-case = Standardvalet för e-tjänsten { $service } registrerar i ett befintligt ärende: välj ärendet.
plan-incomplete = Standardvalet för e-tjänsten { $service } är ofullständigt: { $first }
service-client = Anslutningen { $label } kunde inte förberedas: { $cause }

preview-invalid-pdf = PDF-filen är skadad eller inte en PDF.
preview-encrypted = PDF-filen är lösenordsskyddad och kan inte förhandsgranskas.
preview-no-such-page = Sidan { $page } finns inte (sidor { $pages }).
preview-too-large = Sidan eller bilden är för stor för förhandsgranskning.
preview-invalid-image = Bilden kunde inte läsas.
preview-unsupported = Den här filtypen ({ $kind }) förhandsgranskas inte. Spara en kopia och öppna den med ett annat program; bilagan registreras ändå.
preview-render-failed = Sidan kunde inte ritas.
preview-file-too-large = Filen är över { $mib } MB och förhandsgranskas inte. Bilagan registreras ändå.
preview-infected = Virusgranskningen hittade skadlig kod i den här bilagan ({ $signature }). Den öppnas, sparas och arkiveras inte.
pdf-failed = Blankettens PDF-fil kunde inte skapas.

mapping-io = Standardvalsfilen { $path } kunde inte hanteras: { $cause }
mapping-format = { $path } är ingen giltig standardvalsfil.
settings-io = Inställningsfilen { $path } kunde inte hanteras: { $cause }
settings-format = { $path } är ingen giltig inställningsfil.
settings-address = Adressen för anslutningen { $profile } godtas inte: { $cause }
settings-duplicate = Två anslutningar har samma namn { $name }.
demo-sandbox = Demots servrar kunde inte startas på den här datorn.
demo-mappings = Demots standardval kunde inte skrivas: { $cause }
demo-folder = Ingen tillfällig mapp för demot: { $cause }

connection-missing = Anslutningen { $profile } saknar { $count ->
    [one] { $first }
   *[other] { $first } och { $second }
}. Skriv in { $count ->
    [one] den
   *[other] dem
} i anslutningsinställningarna.
connection-keyring = Hemligheterna för anslutningen { $profile } kunde inte läsas: { $cause }
connection-named = Kontrollera anslutningen { $name }: { $error }
secret-tweb-password = TWebs lösenord
secret-tweb-token = TWebs API-nyckel
secret-outbox-token = ePalvelus nyckel
keyring-unavailable = Ingen nyckelring är tillgänglig på den här datorn.
keyring-failed = Nyckelringen fungerade inte.

policy-invalid = ”{ $url }” är ingen webbadress.
policy-not-https = { $url } är inte krypterad: använd en https://-adress (http tillåts bara till 127.0.0.1 och localhost).
policy-scheme = { $url }: endast https://-adresser duger.
policy-ca-read = CA-certifikatet { $path } kunde inte läsas.
policy-ca-empty = Filen { $path } innehåller inget PEM-certifikat.
policy-ca-invalid = CA-certifikatet { $path } är ingen giltig PEM-fil.

admin-no-folder = Ingen mapp för standardval är inställd.
start-no-data-dir = Operativsystemet ger ingen mapp för registreringsloggen och standardvalen.
start-no-config-dir = Operativsystemet ger ingen mapp för inställningarna.
start-failed-because = { $error }
start-failed-named = Anslutningen { $name } kunde inte öppnas: { $error }
start-ask-secrets = Ange lösenordet och nyckeln för anslutningen { $name } här och ta den i bruk; de används under den här sessionen. Orsak: { $error }
profile-name-empty = Namnet saknas.
profile-name-slash = Namnet får inte innehålla tecknet /.
profile-user-empty = Användarnamnet för TWeb saknas.

## Findings of the mapping check (src/mappings/check.rs).
finding-not-toml = Filen är inte giltig TOML.
finding-not-mapping = Filen är ingen giltig standardvalsfil.
finding-schema = Versionen { $schema } är okänd; denna Kirjaamo läser version 1.
finding-no-service = ePalvelu har ingen e-tjänst ”{ $service }”{ $hint }
finding-file-name = Filnamnet avviker från e-tjänstens id ”{ $service }”.
finding-new-case-needs-group = Ett nytt ärende behöver en ärendegrupp.
finding-automatic-existing-case = Registrering i ett befintligt ärende kan inte göras automatiskt: ärendet väljs alltid av en registrator. Ta bort automatic eller välj ett annat sätt.
finding-rule-matches-nothing = Bilageregeln anger varken filtyp eller filnamn, så den gäller ingen bilaga.
finding-assignment-only-needs = Enbart uppdrag behöver uppdragets uppgifter.
finding-no-recipients = Uppdraget har inga mottagare.
finding-unknown-user = ”{ $name }” är ingen användare i TWeb{ $hint }
finding-unknown-group = ”{ $name }” är ingen grupp i TWeb{ $hint }
finding-case-group-closed = { $code } { $name } är stängd för nya ärenden; välj den klass som ersatt den.
finding-unknown-case-group = { $code } är ingen ärendegrupp{ $hint }
finding-unknown-document-type = { $code } är ingen handlingstyp{ $hint }
finding-address-type-not-secret = { $code } { $name } är inte sekretessbelagd i informationsstyrningsplanen: handlingen med adressen under spärrmarkering skulle få dess offentlighet. Välj en sekretessbelagd handlingstyp eller lämna fältet tomt, då arkiveras adressen inte.
finding-unknown-field = E-tjänsten { $service } har inga händelser med fältet ”{ $key }”{ $hint }
finding-bad-date-format = ”{ $format }” är inget datumformat (t.ex. %d.%m.%Y).
finding-bad-placeholder = { $name } är ingen platshållare; använd {"{"}service{"}"}, {"{"}submitter{"}"}, {"{"}id{"}"}, {"{"}field:FÄLT{"}"} eller {"{"}submitted:%d.%m.%Y{"}"}.
finding-duplicate = { $first } täcker redan e-tjänsten ”{ $service }”.
finding-hint = ; menade du { $suggestion }?
finding-no-hint = .
failed-reason = { $error }
failed-earlier = Registreringen misslyckades tidigare. Försök igen; orsaken finns i detaljerna.
mapping-changed = Filen { $path } har ändrats på disken sedan den lästes ({ $fields }). Ingenting sparades.
admin-conflict = Någon annan ändrade filen under tiden. Det som skiljer sig: { $fields }. Ladda diskens version eller ersätt den med dina ändringar.
admin-conflict-reload = Ladda diskens version
admin-conflict-overwrite = Ersätt diskens version med mina
attachment-saved-no-dialog = Fildialogen kan inte öppnas på den här datorn, så kopian sparades bland hämtade filer: { $path }
attachment-save-cancelled = Ingen kopia sparades.
attachment-save-downloads = Spara bland hämtade filer
copy-no-downloads = Operativsystemet ger ingen mapp för hämtade filer.
window-timeout = Kirjaamos fönster öppnades inte inom 45 sekunder, så Kirjaamo stängdes. Grafikkortets OpenGL fungerar kanske inte på den här datorn; be IT-stödet kontrollera det. Registreringar kan också göras med kommandot kirjaamo export.
window-failed = Kirjaamos fönster kunde inte öppnas (grafikkortets OpenGL fungerar kanske inte på den här datorn)
inbox-waited = { $days ->
    [0] kom i dag
    [one] väntat 1 d
   *[other] väntat { $days } d
}
badge-overdue = försenad { $days } d
badge-due-soon = förfaller { $date }
badge-deadline-unknown = tidsfrist okänd
state-urgent = Försenade eller snart förfallna
sort-deadline = Tidsfrist först
top-overdue = Försenade ({ $count })
top-overdue-hint = Visa de som passerat handläggningstiden och de som snart förfaller
admin-deadline-days = Handläggningstid i dagar
admin-deadline-hint = Dagar från ankomsten (0: ingen tidsfrist), t.ex. 14 för en begäran om handlingar (OffL 14 §). Inkomna markerar försenade och snart förfallna.
inbox-secret = sekretess
inbox-personal-id = personbeteckning
inbox-protection-order = spärrmarkering
inbox-duplicate = dubblett?
inbox-hide-filed = Dölj de registrerade
inbox-move-on = Gå vidare efter registreringen
inbox-move-on-hint = Efter en registrering väljs nästa oregistrerade rad; kvittot stannar i registreringspanelen.
receipt-case-title = Ärende: { $title }
receipt-form = Blankett: { $title } ({ $type })
receipt-attachment = Bilaga: { $title } ({ $type })
receipt-documents = Handlingar: { $count }
receipt-left-out = Utelämnad: { $file } (skadlig kod { $signature })
receipt-assignment-due = Uppdrag till { $to }, förfallodag { $due }
receipt-assignment = Uppdrag: { $to }, ingen förfallodag
receipt-assignment-sent = Ett uppdrag skickades.
receipt-no-undo = Den här registreringen kan inte längre ångras i Kirjaamo: bara registratorn kan, inom { $minutes } minuter från att ett nytt ärende öppnades. Be TWebs huvudanvändare rätta den.
receipt-no-undo-assignment = Ett skickat uppdrag kan inte ångras i Kirjaamo: mottagarna har redan fått det. Meddela dem i TWeb om det skickades av misstag.
filing-previous = Föregående registrering
filing-secrecy = Offentlighet: { $publicity }
filing-pick = Registrera i ärende { $diary }
filing-confirm-again = Enter registrerar, Esc avbryter.
filing-other-party = Parterna i ärende { $diary } omfattar inte { $submitter } (parter: { $parties }). Kontrollera att ärendet är rätt.
filing-ask-secret = Du registrerar material som inte är offentligt: { $publicity }.
filing-ask-protection-order = Sökanden har spärrmarkering: adressen kommer inte med i blanketten eller som part och arkiveras inte (OffL 24 § 1 mom. 31 p.).
filing-ask-protection-order-document = Sökanden har spärrmarkering: adressen kommer inte med i blanketten eller som part, utan arkiveras som en egen sekretessbelagd handling ({ $type }) (OffL 24 § 1 mom. 31 p.).
filing-ask-closed-case = Ärendet { $diary } är avslutat. Registrerar du ändå i det?
suggest-named = Fältet ”{ $field }” nämner ärende { $diary } { $title }.
suggest-repeat = En möjlig dubblett, { $id }, har registrerats i ärende { $diary }.
case-named = Nämnt i blanketten
case-named-field = fältet ”{ $field }”
day-col-time = Registrerad
day-col-clerk = Registrator
day-col-action = Sätt
day-col-diary = Diarienummer
day-col-case-title = Ärendets rubrik
day-col-transaction = Ärendehändelse
day-col-service = E-tjänst
day-col-submitter = Avsändare
day-col-documents = Handlingar
day-col-assignment = Uppdrag
day-heading = Dagens registreringar { $date }
day-earlier = Föregående dag
day-later = Följande dag
day-search = Sök
day-search-hint = diarienummer, rubrik, avsändare, registrator
day-refresh = Uppdatera
day-export = Spara som CSV
day-exported = Sparad: { $path }
day-export-error = Listan kunde inte sparas
day-error = Registratorskontorets registreringar kunde inte hämtas
day-count = { $count ->
    [one] 1 registrering
   *[other] { $count } registreringar
}
day-none = Inga registreringar denna dag.
day-by = Registrerad av { $clerk } { $at }
top-day = Dagens registreringar
detail-duplicate = Möjlig dubblett:
detail-secret = { $publicity }. Innehållet öppnas först på begäran, så att inget sekretessbelagt syns när du bläddrar i listan.
detail-reveal = Visa innehållet
detail-address-secret = Sekretessbelagd: spärrmarkering (OffL 24 § 1 mom. 31 p.)
detail-disclosure-refused = Innehållet öppnades inte
detail-logging = Antecknas i åtkomstloggen…
duplicate-filed = { $id }, registrerad i ärende { $diary }
duplicate-filed-no-case = { $id }, registrerad utan ärende
duplicate-same = { $id } { $when }, samma svar
duplicate-pending = { $id } { $when }, samma avsändare och e-tjänst
key-shift = Skift
hint-move = välj
hint-action = sätt
hint-file = registrera
hint-tick = markera
hint-file-ticked = registrera markerade
hint-filter = filtrera
hint-help = alla tangenter
keys-heading = Tangenter
keys-close = Stäng
key-move = Välj nästa eller föregående ärendehändelse
key-action = Nytt ärende, befintligt ärende, bara uppdrag
key-file = Registrera den valda (två gånger när bekräftelse begärs)
key-tick = Markera den valda raden eller ta bort markeringen
key-file-ticked = Registrera de markerade efter en bekräftelse
key-filter = Skriv i filtret för inkomna
key-case-search = Sök ett befintligt ärende
key-cancel = Avbryt den pågående registreringen eller lämna ett textfält
key-zoom = Större eller mindre text
key-help = Öppna den här listan
key-close-help = Stäng den här listan
key-space = Mellanslag
suggest-recent-case = Samma sökandes ärende { $diary } i samma ärendegrupp kom in { $received }: en möjlig dubblett.
inbox-partly-secret = delvis sekretess
secrecy-unknown = Sekretessen är inte känd: e-tjänsten har ingen standard som kontrollerats mot TWebs katalog, så ärendet behandlas som sekretessbelagt
inbox-secrecy-unknown = sekretess okänd
filing-ask-secrecy-unknown = Sekretessen för det här ärendet är inte känd, så det behandlas som sekretessbelagt. Kontrollera valen.
call-withdraw-case = återtagande av ärendet
call-reopen = återföring av ärendehändelsen till inkomna
case-status-withdrawn = återtaget
receipt-undo = Ångra registreringen
receipt-undo-hint = Återtar ärendet i TWeb (dess handlingar tas bort, diarienumret används inte igen) och för tillbaka ärendehändelsen till inkomna. Möjligt i { $minutes } minuter efter registreringen.
receipt-undone = Registreringen ångrades: ärende { $diary } återtogs i TWeb och ärendehändelsen är tillbaka bland inkomna.
receipt-undo-failed = Registreringen kunde inte ångras
undo-reason = Öppnat av misstag; ångrat av { $clerk } i Kirjaamo
receipt-no-undo-late = De { $minutes } minuterna för att ångra har gått: nu kan bara TWebs huvudanvändare rätta den.
receipt-no-undo-existing = En handling som lagts till i ett befintligt ärende kan inte ångras i Kirjaamo: TWebs gränssnitt tar inte bort handlingar ur ett ärende med andra handlingar. Be TWebs huvudanvändare rätta den.
policy-proxy-invalid = ”{ $url }” är inte en proxyadress (http://server:port).
policy-proxy-password = Proxyadressen { $url } innehåller ett lösenord. Lösenord sparas bara i nyckelringen: ta bort lösenordet ur adressen.
connections-proxy = Proxyserver
connections-proxy-hint = tom: systemets inställning; direct: ingen proxy
connections-scanner = Virusgranskning
connections-scanner-hint = clamd://server:3310, clamd:///sökväg/clamd.ctl, amsi (Windows antivirus) eller none (av)
profile-scanner-bad = ”{ $given }” är ingen virusgranskning: skriv clamd://server:port, clamd:///sökväg/clamd.ctl, amsi eller none.
preview-stale-alt = Föregående ärendes sida (nästa skapas)

# Sizes of files and uploads.
size-bytes = { $value } B
size-kilo = { $value } kB
size-mega = { $whole },{ $tenth } MB

scan-not-configured = Ingen virusgranskning har valts för den här anslutningen, så bilagor öppnas inte och arkiveras inte. Huvudanvändaren väljer den i anslutningsprofilen (clamd eller Windows antivirus) eller stänger av den uttryckligen.
scan-unreachable = Virusgranskningen ({ $address }) går inte att nå. En ogranskad bilaga öppnas inte och arkiveras inte; försök igen när den svarar.
scan-timed-out = Virusgranskningen ({ $address }) svarade inte inom { $seconds } sekunder. En ogranskad bilaga öppnas inte och arkiveras inte; försök igen.
scan-too-large = Bilagan är större än virusgranskningen tar emot, så den granskades inte. Den öppnas inte och arkiveras inte.
scan-refused = Virusgranskningen gav inget resultat. En ogranskad bilaga öppnas inte och arkiveras inte.
scan-amsi-unavailable = Windows antivirus är inte tillgängligt på den här datorn (AMSI). En ogranskad bilaga öppnas inte och arkiveras inte.
scan-source = Bilagan kunde inte läsas för virusgranskning. Den öppnas inte och arkiveras inte.
