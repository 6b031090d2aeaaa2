# Kirjaamo: the desk's texts in English.

top-connection = Connection: { $name }
top-inbox = Inbox ({ $count })
top-failed = Failed ({ $count })
top-refresh = Refresh
top-scan-off = virus scanning off
top-scan-off-hint = Attachments are not scanned for malware: the connection profile turned scanning off.
top-scan-missing = no virus scanning
top-scan-on = virus scanning
top-refresh-hint = Fetch the inbox and the filing journal again
top-language = Language

inbox-filter = Filter
inbox-filter-hint = Title, submitter, e-service or id (/)
inbox-service = E-service
inbox-service-all = All e-services ({ $count })
inbox-state = State
inbox-sort = Order
inbox-pending = { $count } pending · { $shown } shown
inbox-error = The inbox could not be fetched: { $error }
inbox-attachments = { $count ->
    [one] 1 attachment
   *[other] { $count } attachments
}
inbox-tick = Select for bulk filing: { $id }

state-all = All
state-new = New
state-claimed = Claimed
state-failed = Failed
state-filed = Filed

sort-oldest = Oldest first
sort-newest = Newest first
sort-service = By e-service
sort-submitter = By submitter

badge-new = new
badge-claimed-by-me = claimed by me
badge-claimed-by = claimed by { $name }
badge-filing = filing…
badge-failed = failed
badge-interrupted = interrupted
badge-quarantined = quarantine
badge-not-scanned = not scanned
badge-filed = filed

bulk-checked = { $count } selected
bulk-file = File selected with defaults ({ $count })
bulk-clear = Clear selection
bulk-none = None selected
bulk-one-service = Bulk filing takes transactions of one e-service only
bulk-no-default = This e-service has no complete default filing
bulk-progress = { $done } / { $count } done, { $failed } failed{ $interrupted ->
    [0] {""}
   *[other] , { $interrupted } stopped
}
bulk-cancel = Stop the filings
bulk-confirm-heading = File { $count } transactions with their defaults?
bulk-confirm-service = E-service: { $service }
bulk-confirm-names = { $names }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
}
bulk-confirm-secret = Not public: { $group }
bulk-confirm-protected = { $count } of the applicants have a protection order: the address goes neither into the form nor to the party.
bulk-confirm-yes = File them (Enter)
bulk-confirm-no = Cancel (Esc)

detail-none = Pick a transaction on the left: arrow keys or j and k, Enter files.
detail-error = The transaction could not be fetched: { $error }
tab-preview = Preview
tab-attachments = Attachments ({ $count })
tab-fields = Fields
fields-form = Form
preview-rendering = Making the PDF…
preview-alt = Form PDF, page { $page }

page-previous = Previous page
page-next = Next page
page-of = Page { $page } / { $pages }
page-error = The preview could not be shown: { $error }
zoom-in = Zoom in
zoom-out = Zoom out
zoom-fit-width = Fit width

attachments-none = The transaction has no attachments.
attachments-pick = Pick an attachment to preview.
attachment-save = Save a copy…
attachment-saved = Copy saved: { $path }
attachment-save-error = The copy could not be saved: { $error }
attachment-alt = Attachment { $name }, page { $page }

filing-heading = Filing
filing-none = No transaction selected.
filing-default-from = Defaults: { $service }
filing-no-mapping = This e-service has no defaults: choose how to file it.
filing-mapping-unchecked = The default is not yet checked against TWeb's catalog: it does not file without confirmation.
filing-mapping-invalid = This e-service's defaults are wrong and are not used: choose how to file it. For the admin:
filing-confirm = The defaults are incomplete. Check the choices: Enter files, Esc cancels.
filing-not-seen = Not filed: the transaction has not been on screen for a moment yet. Look at it and press Enter again.
filing-row-hidden = Not filed: the filter hides this row. Show the row first.
filing-already-running = This transaction's filing is already running.
filing-answer-lost = The filing's answer never came, so its outcome is unknown. Refresh before trying again: the state is checked in ePalvelu and TWeb.
filing-upload-progress = { $sent } / { $total } sent
filing-file = File (Enter)
filing-retry = Retry
filing-resume = Continue filing (Enter)
filing-interrupted = The filing was interrupted.
filing-interrupted-case = Case { $diary } was opened in TWeb.
filing-interrupted-no-case = No case was opened in TWeb yet.
filing-interrupted-missing = Still to do: { $missing }. Enter goes on from where it stopped.
filing-interrupted-attachments = { $count } attachments
filing-held-by = { $name } is handling this transaction (reserved until { $until }). It can be filed once the reservation ends.
filing-cancel = Cancel (Esc)
filing-running = Filing…
filing-step-done = Done: { $step }
filing-retrying = Trying again: { $step }, attempt { $attempt }
filing-done = Filed: { $diary }
filing-no-case = without a case
filing-copy = Copy diary number
filing-open-tweb = Open in TWeb
filing-failed = Filing failed: { $error }
filing-not-scanned = Nothing was filed: { $error }
filing-quarantined = Quarantine: the virus scanner found malware. Nothing was filed.
filing-quarantined-file = { $file }: { $signature }
filing-file-without = File without { $count ->
    [one] this attachment
   *[other] these attachments
}

action-new-case = New case
action-existing-case = Existing case
action-assignment-only = Assignment only

catalog-error = TWeb's catalog could not be fetched: { $error }
catalog-retry = Fetch the catalog again

case-group-label = Case group
case-group-hint = Search by code or name
case-group-none = No case group chosen.
case-group-unknown = { $code } is not a case group in TWeb.
case-group-publicity = Publicity inherited: { $publicity }
case-title = Title
case-submitter-party = Submitter as party
case-search = Search cases
case-search-hint = Diary number, title or party (Ctrl+F)
case-search-error = The search failed: { $error }
case-picked = Chosen: { $diary } { $title }
case-own = Cases of the same submitter
case-found = Search results
case-none-found = No cases found.
case-status-pending = pending
case-status-in-progress = in progress
case-status-decided = decided
case-status-closed = closed

publicity-public = Public
publicity-partially-secret = Partially secret
publicity-secret = Secret

doctype-form = Document type of the form: { $type }
doctype-attachments = Document type of attachments: { $type }
doctype-form-search = Change the form's type
doctype-attachments-search = Change the attachments' type
doctype-hint = Search by code or name

assign-heading = Assignment
assign-optional = Send an assignment
assign-recipients = Recipients:
assign-remove = Remove { $name }
assign-group = Group { $name }
assign-add = Add a recipient
assign-add-hint = Search by name or group
assign-subject = Subject
assign-message = Message
assign-due = Due date
assign-due-hint = dd.mm.yyyy

missing-case-group = Choose a case group.
missing-title = Write the case title.
missing-case = Pick a case from the search results.
missing-form-type = Choose the form's document type.
missing-attachment-type = Choose the attachments' document type.
missing-recipients = Add a recipient for the assignment.
missing-subject = Write the assignment's subject.
missing-due-date = The due date is not a date (dd.mm.yyyy).
missing-due-date-past = The due date has passed: choose today or later.
missing-title-too-long = The case title is over 500 characters: TWeb does not accept it. Shorten the title.
missing-subject-too-long = The assignment subject is over 200 characters: TWeb does not accept it. Shorten the subject.

step-read = Read
step-claim = Claimed
step-case = Case
step-form = Form
step-attachment = Attachment { $id }
step-secret-address = Address under a protection order
step-assignment = Assignment
step-complete = Marked as filed

failed-heading = Failed and interrupted filings ({ $count })
failed-none = No failed filings.
failed-retry = Retry
failed-retry-all = Retry all ({ $count })
failed-interrupted = interrupted
journal-error = The filing journal could not be read: { $error }

history-heading = Filings on this computer
history-when = When
history-who = Clerk
history-transaction = Transaction
history-what = Filing
history-result = Result
history-new-case = New case { $group }
history-existing-case = Onto case { $id }
history-assignment-only = Assignment only
history-filed = Filed { $diary }
history-done = Filed
history-failed = Failed
history-interrupted = Interrupted
history-in-progress = In progress
history-filed-by-other = Filed by { $clerk }

top-admin = Defaults
admin-heading = Defaults of the e-services
admin-folder = Folder: { $dir }
admin-practice = These are the demo's practice defaults: saving changes only the demo, never the real defaults.
admin-no-folder = No folder for the defaults: changes cannot be saved.
admin-unmapped = no defaults · { $count } pending
admin-ok = fine · { $count } pending
admin-errors = { $count } errors
admin-pick = Pick an e-service on the left.
admin-name = Name
admin-action = Default action
admin-automatic = Filed automatically (kirjaamo export --auto)
admin-case-group-change = Change the case group
admin-title = Title template
admin-form-type = Document type of the form
admin-attachment-type = Document type of attachments
admin-secret-address-type = Address under a protection order
admin-secret-address-none = Do not file
admin-secret-address-unfiled = not filed (the form leaves it out)
admin-secret-address-search = Document type of an address under a protection order (secret types only)
admin-due-days = Due in days
admin-preview = Preview on a pending transaction
admin-preview-title = Title: { $title }
admin-preview-party = Party: { $party }
admin-preview-subject = Assignment subject: { $subject }
admin-preview-none = This e-service has no pending transactions to preview.
admin-valid = The defaults are fine.
admin-save = Save
admin-revert = Revert
admin-import = Import from a file…
admin-export = Export to a file…
admin-saved = Saved: { $path }
admin-save-error = Saving failed: { $error }
admin-imported = Imported: check it and save.
admin-import-error = The file could not be imported: { $error }
admin-exported = Exported: { $path }
admin-export-error = The file could not be exported: { $error }
filing-save-default = Save as the default for this e-service

# Connections, first run
top-connections = Connections…
top-connections-hint = Connection profiles, sign-in and testing the connection
start-welcome = Welcome to Kirjaamo
start-intro = Kirjaamo fetches the transactions from ePalvelu and files them into TWeb. Try the demo with practice data first, or set up the connection to your municipality's systems.
start-demo = Try the demo
start-demo-hint = A practice environment on this computer: made-up applications, nothing is sent anywhere
start-setup = Set up a connection…
start-opening = Opening the connection { $name }…
start-failed = The connection { $name } could not be opened
start-retry = Try again
start-settings-error = The settings file could not be read: { $error }
demo-label = Demo (practice)
demo-clerk = Demo clerk
connections-heading = Connections
connections-new = New connection
connections-new-name = New connection { $number }
connections-none = No connections yet. Add one to your municipality's TWeb and ePalvelu.
connections-active = in use
connections-name = Name
connections-tweb-url = TWeb API address
connections-sign-in = Signing in to TWeb
connections-sign-in-password = User name and password
connections-sign-in-token = API token
connections-user = User name
connections-password = Password
connections-token = API token
connections-outbox-url = ePalvelu outbox address
connections-outbox-token = ePalvelu token
connections-case-url = Address of a case in TWeb's web UI
connections-case-url-hint = e.g. https://tweb.kunta.fi/asia/{"{"}id{"}"}
connections-central = IT set up this connection for the whole computer. Only your own passwords and keys are saved here.
connections-clerk = Your name on claims
connections-clerk-identity = Your TWeb user when you sign in as yourself, otherwise your computer account; not typed.
connections-ca-bundle = The municipality's own CA certificate (PEM, optional)
connections-mappings = Defaults folder (optional, may be a shared folder)
connections-secret-stored = Saved in the keyring. Type a new one to replace it.
connections-secret-missing = Not saved
connections-secret-checking = Checking the keyring…
connections-secret-forget = Forget
connections-secret-forgotten = Forgotten on saving
connections-keyring-unavailable = The keyring is not available: the secrets are asked for at each start
connections-test = Test connection
connections-testing = Testing…
connections-save = Save
connections-use = Use this connection
connections-use-hint = Saves and switches to this connection
connections-busy = A filing is running: wait for it to finish before switching connections.
connections-remove = Remove connection
connections-close = Close
connections-saved = Settings saved.
connections-save-failed = Settings not saved: { $error }
connections-keyring-refused = The secrets were not saved in the keyring: { $error }. The secrets typed in are used for this session only.
connections-invalid = { $error }
connections-demo = Use the demo
check-tweb = TWeb
check-outbox = ePalvelu
check-scanner = Virus scanner
check-scanner-failed = Does not answer
check-ok = The connection works
check-insecure = The address is refused: the connection must be encrypted (https)
check-unreachable = The server does not answer: check the address and the network
check-bad-certificate = The server's certificate is not trusted: check the address or add the municipality's CA certificate
check-wrong-credentials = Wrong user name, password or token
check-missing-rights = Signed in, but rights are missing
check-not-the-service = Something other than the expected API answers at this address: check the address
check-unavailable = The service is not available now: try later
check-not-started = Not tested
right-read-cases = searching and reading cases
right-create-cases = opening cases
right-add-documents = adding documents
right-create-assignments = sending assignments
check-missing = Missing: { $rights }
check-signed-in = Signed in: { $name } ({ $user })
check-catalog-only = Signed in, { $count } case groups; the rights could not be checked
check-outbox-found = { $services } e-services, { $pending } pending
connections-choose = Choose…

time-at = { $date } at { $time }

## Errors in plain words (src/plain.rs): the technical chain is folded under details-show.
details-show = Show details
error-unexpected = An unexpected error. Try again; if it happens again, copy the details to support.
io-not-found = The file or folder does not exist.
io-denied = No permission for the file or folder.
io-full = The disk is full.
io-failed = The file could not be handled.

call-build-client = setting up the connection
call-connect = connecting
call-read-me = reading who is signed in
call-read-case-groups = reading the case groups
call-read-document-types = reading the document types
call-read-users = reading the users
call-read-groups = reading the groups
call-search-cases = searching cases
call-read-case = reading the case
call-open-case = opening the case
call-upload-document = uploading the document
call-send-assignment = sending the assignment
call-look-up-document = looking up the document
call-look-up-assignment = looking up the assignment
call-list-outbox = listing the outbox
call-list-services = listing the e-services
call-list-completed = listing the day's filings
call-read-transaction = reading the transaction
call-download-attachment = downloading the attachment
call-claim = claiming the transaction
call-release = releasing the transaction
call-complete = marking the transaction filed

remote-unauthorized = The sign-in was refused ({ $action }). Check the user name, password or token in the connection settings.
remote-forbidden = You do not have the right to do this ({ $action }). Ask an administrator for it.
remote-validation = The server refused the data ({ $action }). Check the choices; the reason is in the details.
remote-field-too-long = The server refused the data ({ $action }): the { $field } is longer than { $limit } characters.
remote-field-empty = The server refused the data ({ $action }): the { $field } is missing.
remote-field-past = The server refused the data ({ $action }): the { $field } has passed.
remote-field-unknown = The server refused the data ({ $action }): the { $field } is not in TWeb. Check the choices.
remote-field-closed = The server refused the data ({ $action }): the { $field } is closed.
field-title = case title
field-subject = assignment subject
field-message = assignment message
field-due-date = due date
field-case-group = case group
field-document-type = document type
field-recipients = recipient
field-party-name = party's name
remote-not-found = It was not found ({ $action }). It may have been removed or moved.
remote-conflict = Things changed in the meantime ({ $action }). Refresh and try again.
remote-gone = The transaction has already been handled ({ $action }).
remote-unavailable = The service is not available now ({ $action }). Try again in a moment.
remote-timeout = The server did not answer in time ({ $action }). Try again.
remote-connection = The server could not be reached ({ $action }). Check the network and the address.
remote-tls = The secure connection failed ({ $action }): the server's certificate is not trusted.
remote-protocol = The server's answer could not be read ({ $action }). The address may be wrong.
remote-insecure = The address is refused ({ $action }): the connection must be encrypted (https).
remote-cut-off = The answer was cut off ({ $action }). The change may have been made; the next try checks that first.

export-remote = { $step }: { $cause }
export-claimed-by = Someone else is handling the transaction: { $holder }.
export-already-filed = The transaction has already been filed by { $by }.
export-bad-transaction = The transaction cannot be filed as it is ({ $count } problems). See the details.
export-misplaced = TWeb already holds this transaction's { $step } (object { $object }), but elsewhere. It was not reused; check the case in TWeb.
export-case-changed = The chosen case is now { $found }, not { $expected }. Choose the case again.
export-unjournaled = Filing stopped because the filing journal could not record it: { $cause }
export-pdf = The form PDF could not be made.
export-cancelled = The filing was interrupted.
export-not-scanned = { $file } could not be scanned for malware, so nothing was filed: { $cause }
export-quarantined = The virus scanner found malware in { $count ->
    [one] an attachment
   *[other] { $count } attachments
}: { $files }. The transaction is in quarantine and nothing was filed. It can be filed without the infected attachment.
export-left-out-clean = { $file } would be left out, but the virus scanner found nothing in it. Only an attachment with malware can be left out.

journal-sqlite = The filing journal { $path } could not be used.
journal-unwritable = The filing journal { $path } cannot be written (read-only or no permission).
journal-disk-full = The disk holding the filing journal { $path } is full.
journal-folder = The folder { $path } for the filing journal could not be made.
audit-unwritable = The access log { $path } cannot be written (read-only or no permission), so this was not done: every use of personal data is logged.
audit-disk-full = The disk of the access log { $path } is full or cannot be written, so this was not done: every use of personal data is logged.
audit-failed = The access log { $path } could not be used, so this was not done: every use of personal data is logged.
journal-move-aside = The damaged filing journal { $path } could not be moved aside.
journal-damaged = The filing journal { $path } is damaged.
journal-newer = The filing journal { $path } was written by a newer Kirjaamo. Update Kirjaamo.
journal-other-endpoint = The filing journal { $path } belongs to other servers; it is left alone.
journal-corrupt = An entry of the filing journal could not be read.
journal-worker = The filing journal stopped.

unusable-no-mapping = The e-service has no defaults.
unusable-not-checked = The defaults are not yet checked against TWeb's catalog.
unusable-errors = The defaults have { $count ->
    [one] an error
   *[other] { $count } errors
}.
plan-needs-case = The defaults of { $service } file onto an existing case: choose the case.
plan-incomplete = The defaults of { $service } are incomplete: { $first }
service-client = The connection { $label } could not be set up: { $cause }

preview-invalid-pdf = The PDF file is damaged or not a PDF.
preview-encrypted = The PDF is password-protected and cannot be previewed.
preview-no-such-page = There is no page { $page } (pages: { $pages }).
preview-too-large = The page or image is too large to preview.
preview-invalid-image = The image could not be read.
preview-unsupported = Files of this type ({ $kind }) are not previewed. Save a copy and open it with another program; the attachment is still filed.
preview-render-failed = The page could not be drawn.
preview-file-too-large = The file is over { $mib } MiB and is not previewed. The attachment is still filed.
preview-infected = The virus scanner found malware in this attachment ({ $signature }). It is not opened, saved or filed.
pdf-failed = The form PDF could not be made.

mapping-io = The defaults file { $path } could not be handled: { $cause }
mapping-format = { $path } is not a valid defaults file.
settings-io = The settings file { $path } could not be handled: { $cause }
settings-format = { $path } is not a valid settings file.
settings-address = The address of the connection { $profile } is refused: { $cause }
settings-duplicate = Two connections are called { $name }.
demo-sandbox = The demo servers could not start on this computer.
demo-mappings = The demo's defaults could not be written: { $cause }
demo-folder = No temporary folder for the demo: { $cause }

connection-missing = The connection { $profile } lacks { $count ->
    [one] { $first }
   *[other] { $first } and { $second }
}. Enter { $count ->
    [one] it
   *[other] them
} in the connection settings.
connection-keyring = The secrets of the connection { $profile } could not be read: { $cause }
connection-named = Check the connection { $name }: { $error }
secret-tweb-password = the TWeb password
secret-tweb-token = the TWeb API token
secret-outbox-token = the ePalvelu token
keyring-unavailable = No keyring is available on this computer.
keyring-failed = The keyring failed.

policy-invalid = "{ $url }" is not a web address.
policy-not-https = { $url } is not encrypted: use https:// (plain http is allowed only to 127.0.0.1 and localhost).
policy-scheme = { $url }: only https:// addresses are supported.
policy-ca-read = The CA bundle { $path } could not be read.
policy-ca-empty = The file { $path } holds no PEM certificate.
policy-ca-invalid = The CA bundle { $path } is not valid PEM.

admin-no-folder = No defaults folder is set.
start-no-data-dir = The OS gives no folder for the filing journal and the defaults.
start-no-config-dir = The OS gives no folder for the settings.
start-failed-because = { $error }
start-failed-named = The connection { $name } could not be opened: { $error }
start-ask-secrets = Enter the password and key of the connection { $name } here and use it; they serve this session only. Why: { $error }
profile-name-empty = The name is empty.
profile-name-slash = The name may not contain /.
profile-user-empty = The TWeb user name is empty.

## Findings of the mapping check (src/mappings/check.rs).
finding-not-toml = not valid TOML
finding-not-mapping = not a valid mapping
finding-schema = schema { $schema } is not known; this version reads schema 1
finding-no-service = the outbox has no e-service "{ $service }"{ $hint }
finding-file-name = the file name differs from the service id "{ $service }"
finding-new-case-needs-group = action = "new_case" needs a case_group
finding-automatic-existing-case = action = "existing_case" cannot be automatic: a clerk always chooses the case. Remove automatic or choose another action.
finding-rule-matches-nothing = this attachment rule names neither content_type nor filename, so it matches nothing
finding-assignment-only-needs = action = "assignment_only" needs an [assignment]
finding-no-recipients = the assignment names no users and no groups
finding-unknown-user = "{ $name }" is not a TWeb user{ $hint }
finding-unknown-group = "{ $name }" is not a TWeb group{ $hint }
finding-case-group-closed = { $code } { $name } is closed for new cases; choose the class that replaced it
finding-unknown-case-group = { $code } is not a case group{ $hint }
finding-unknown-document-type = { $code } is not a document type{ $hint }
finding-address-type-not-secret = { $code } { $name } is not secret in the records plan: the document with an address under a protection order would take its publicity. Choose a secret document type, or leave it empty and the address is not filed.
finding-unknown-field = no transaction of { $service } has a field "{ $key }"{ $hint }
finding-bad-date-format = "{ $format }" is not a date format (e.g. %d.%m.%Y)
finding-bad-placeholder = { $name } is not a placeholder; use {"{"}service{"}"}, {"{"}submitter{"}"}, {"{"}id{"}"}, {"{"}field:KEY{"}"} or {"{"}submitted:%d.%m.%Y{"}"}
finding-duplicate = { $first } already maps the service "{ $service }"
finding-hint = ; did you mean { $suggestion }?
finding-no-hint = {""}
failed-reason = { $error }
failed-earlier = The filing failed earlier. Try again; the reason is in the details.
mapping-changed = The file { $path } was changed on disk since it was read ({ $fields }). Nothing was saved.
admin-conflict = Someone else changed the file meanwhile. What differs: { $fields }. Load the version on disk or replace it with yours.
admin-conflict-reload = Load the version on disk
admin-conflict-overwrite = Replace the version on disk with mine
attachment-saved-no-dialog = No file dialog can open on this computer, so the copy was saved in downloads: { $path }
attachment-save-cancelled = No copy was saved.
attachment-save-downloads = Save in downloads
copy-no-downloads = The OS gives no downloads folder.
window-timeout = Kirjaamo's window did not open within 45 seconds, so Kirjaamo was closed. The graphics card's OpenGL may not work on this computer; ask IT support to check it. Filings can also be made with the command kirjaamo export.
window-failed = Kirjaamo's window could not open (the graphics card's OpenGL may not work on this computer)
inbox-waited = { $days ->
    [0] arrived today
    [one] waited 1 d
   *[other] waited { $days } d
}
badge-overdue = overdue { $days } d
badge-due-soon = due { $date }
badge-deadline-unknown = deadline unknown
state-urgent = Overdue or due soon
sort-deadline = Deadline first
top-overdue = Overdue ({ $count })
top-overdue-hint = Show the rows past their handling time and those due soon
admin-deadline-days = Handling time in days
admin-deadline-hint = Days from receipt (0: no deadline), e.g. 14 for a request for documents (JulkL 14 §). The inbox marks the overdue and those due soon.
inbox-secret = secret
inbox-personal-id = personal id
inbox-protection-order = protection order
inbox-duplicate = duplicate?
inbox-hide-filed = Hide the filed ones
inbox-move-on = Move on after filing
inbox-move-on-hint = After a filing the next row not filed is selected; the receipt stays in the filing panel.
receipt-case-title = Case: { $title }
receipt-form = Form: { $title } ({ $type })
receipt-attachment = Attachment: { $title } ({ $type })
receipt-documents = Documents: { $count }
receipt-left-out = Left out: { $file } (malware { $signature })
receipt-assignment-due = Assignment to { $to }, due { $due }
receipt-assignment = Assignment: { $to }, no due date
receipt-assignment-sent = An assignment was sent.
receipt-no-undo = This filing can no longer be undone from Kirjaamo: only its clerk can, within { $minutes } minutes of opening a new case. Ask TWeb's main user to correct it.
receipt-no-undo-assignment = A sent assignment cannot be undone from Kirjaamo: its recipients have it already. Tell them in TWeb if it was sent by mistake.
filing-previous = Previous filing
filing-secrecy = Publicity: { $publicity }
filing-pick = File onto { $diary }
filing-confirm-again = Enter files, Esc cancels.
filing-other-party = The parties of case { $diary } do not include { $submitter } (parties: { $parties }). Check that this is the right case.
filing-ask-secret = You are filing material that is not public: { $publicity }.
filing-ask-protection-order = The applicant has a protection order: the address goes neither into the form nor to the party, and is not filed (JulkL 24 § 1 mom. 31 k.).
filing-ask-protection-order-document = The applicant has a protection order: the address goes neither into the form nor to the party, but into a secret document of its own ({ $type }) (JulkL 24 § 1 mom. 31 k.).
filing-ask-closed-case = Case { $diary } has been closed. File onto it all the same?
suggest-named = The field “{ $field }” names case { $diary } { $title }.
suggest-repeat = A possible duplicate, { $id }, was filed onto case { $diary }.
case-named = Named in the form
case-named-field = field “{ $field }”
day-col-time = Filed
day-col-clerk = Clerk
day-col-action = Action
day-col-diary = Diary number
day-col-case-title = Case title
day-col-transaction = Transaction
day-col-service = E-service
day-col-submitter = Submitter
day-col-documents = Documents
day-col-assignment = Assignment
day-heading = Filings of { $date }
day-earlier = Earlier day
day-later = Later day
day-search = Search
day-search-hint = diary number, title, submitter, clerk
day-refresh = Refresh
day-export = Save as CSV
day-exported = Saved: { $path }
day-export-error = The list could not be saved
day-error = The office's filings could not be read
day-count = { $count ->
    [one] 1 filing
   *[other] { $count } filings
}
day-none = No filings on this day.
day-by = Filed by { $clerk } { $at }
top-day = Day's filings
detail-duplicate = Possible duplicate:
detail-secret = { $publicity }. The content opens only when you ask for it, so nothing secret shows while you move through the list.
detail-reveal = Show the content
detail-address-secret = Secret: protection order (JulkL 24 § 1 mom. 31 k.)
detail-disclosure-refused = The content was not opened
detail-logging = Writing to the access log…
duplicate-filed = { $id }, filed onto case { $diary }
duplicate-filed-no-case = { $id }, filed without a case
duplicate-same = { $id } of { $when }, with the same answers
duplicate-pending = { $id } of { $when }, same submitter and e-service
key-shift = Shift
hint-move = select
hint-action = action
hint-file = file
hint-tick = tick
hint-file-ticked = file ticked
hint-filter = filter
hint-help = all keys
keys-heading = Keys
keys-close = Close
key-move = Select the next or previous transaction
key-action = New case, existing case, assignment only
key-file = File the selected transaction (twice when asked to confirm)
key-tick = Tick or untick the selected row
key-file-ticked = File the ticked rows, after a confirmation
key-filter = Type in the inbox filter
key-case-search = Search an existing case
key-cancel = Stop the filing under way, or leave a text field
key-zoom = Larger or smaller text
key-help = Open this list
key-close-help = Close this list
key-space = Space
suggest-recent-case = The submitter's case { $diary } in the same case group arrived on { $received }: a possible duplicate.
inbox-partly-secret = partly secret
secrecy-unknown = Secrecy not known: this e-service has no defaults checked against TWeb's catalog, so the transaction is treated as secret
inbox-secrecy-unknown = secrecy unknown
filing-ask-secrecy-unknown = This transaction's secrecy is not known, so it is treated as secret. Check the choices.
call-withdraw-case = withdrawing the case
call-reopen = returning the transaction to the inbox
case-status-withdrawn = withdrawn
receipt-undo = Undo this filing
receipt-undo-hint = Withdraws the case in TWeb (its documents are removed, the diary number is not reused) and returns the transaction to the inbox. Possible for { $minutes } minutes after filing.
receipt-undone = Filing undone: case { $diary } was withdrawn in TWeb and the transaction is back in the inbox.
receipt-undo-failed = The filing could not be undone
undo-reason = Opened by mistake; undone by { $clerk } in Kirjaamo
receipt-no-undo-late = The { $minutes } minutes to undo it have passed: only TWeb's main user can correct it now.
receipt-no-undo-existing = A document added to an existing case cannot be undone from Kirjaamo: TWeb's interface removes no document from a case that holds others. Ask TWeb's main user to correct it.
policy-proxy-invalid = "{ $url }" is not a proxy address (http://host:port).
policy-proxy-password = The proxy address { $url } carries a password. Passwords are kept only in the keyring: remove the password from the address.
connections-proxy = Proxy
connections-proxy-hint = empty: the system's setting; direct: no proxy
connections-scanner = Virus scanner
connections-scanner-hint = clamd://host:3310, clamd:///path/clamd.ctl, amsi (the Windows antivirus) or none (off)
profile-scanner-bad = "{ $given }" is not a virus scanner: write clamd://host:port, clamd:///path/clamd.ctl, amsi or none.
preview-stale-alt = The previous transaction's page (the next one is being made)

# Sizes of files and uploads.
size-bytes = { $value } B
size-kilo = { $value } kB
size-mega = { $whole }.{ $tenth } MB

scan-not-configured = No virus scanner is chosen for this connection, so attachments are neither opened nor filed. An admin chooses one in the connection profile (clamd or the Windows antivirus) or turns scanning off explicitly.
scan-unreachable = The virus scanner ({ $address }) cannot be reached. An unscanned attachment is neither opened nor filed; try again when it answers.
scan-timed-out = The virus scanner ({ $address }) did not answer within { $seconds } seconds. An unscanned attachment is neither opened nor filed; try again.
scan-too-large = The attachment is larger than the virus scanner takes, so it was not scanned. It is neither opened nor filed.
scan-refused = The virus scanner gave no verdict. An unscanned attachment is neither opened nor filed.
scan-amsi-unavailable = The Windows antivirus is not available on this computer (AMSI). An unscanned attachment is neither opened nor filed.
scan-source = The attachment could not be read for scanning. It is neither opened nor filed.
