use std::path::Path;

use super::{Checker, Report, ServiceFacts, Severity};
use crate::domain::Catalog;

fn facts() -> Vec<ServiceFacts> {
    let data = crate::sandbox::seed::seed_data(crate::sandbox::seed::DEFAULT_SEED);
    let mut facts: Vec<ServiceFacts> = Vec::new();
    for t in data.transactions.iter().map(|t| &t.transaction) {
        let index = match facts.iter().position(|f| f.id == t.service.id) {
            Some(i) => i,
            None => {
                facts.push(ServiceFacts {
                    id: t.service.id.clone(),
                    name: t.service.name.clone(),
                    ..Default::default()
                });
                facts.len() - 1
            }
        };
        facts[index].pending += 1;
        facts[index].field_keys.extend(t.fields.iter().map(|f| f.key.clone()));
    }
    facts
}

fn check(name: &str, text: &str) -> Report {
    let (catalog, facts): (Catalog, Vec<ServiceFacts>) = (crate::sandbox::seed::catalog(), facts());
    Checker { catalog: &catalog, services: &facts }.check_text(Path::new(name), text)
}

const GOOD: &str = r#"# Terassilupa
schema = 1
service = "terassilupa"
name = "Terassilupa"
action = "new_case"
case_group = "10.03.01"
title = "{service} – {field:restaurant} ({submitted:%d.%m.%Y})"
form_document_type = "HAKEMUS"
attachment_document_type = "HAKLIITE"

[assignment]
users = ["mjarvinen"]
groups = ["kaupunkiymparisto"]
subject = "Terassilupa: {submitter}"
"#;

/// The good mapping with `from` replaced by `to`: the one mistake under test.
fn broken(from: &str, to: &str) -> Report {
    assert!(GOOD.contains(from), "{from}");
    check("terassilupa.toml", &GOOD.replacen(from, to, 1))
}

fn only_error(report: &Report) -> (usize, String) {
    let errors: Vec<_> = report.issues.iter().filter(|i| i.severity == Severity::Error).collect();
    assert_eq!(errors.len(), 1, "{:#?}", report.issues);
    assert!(!report.usable());
    let detail = errors[0].detail.as_ref().map(|d| format!(": {d}")).unwrap_or_default();
    (errors[0].line, format!("{}{detail}", crate::i18n::english(&errors[0].message)))
}

#[test]
fn the_repos_mappings_are_all_valid() {
    let (catalog, facts) = (crate::sandbox::seed::catalog(), facts());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
    let reports = Checker { catalog: &catalog, services: &facts }.check_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reports.len(), facts.len(), "one mapping per sandbox service");
    for report in reports {
        assert!(report.issues.is_empty() && report.usable(), "{:#?}", report.issues);
    }
    assert!(check("terassilupa.toml", GOOD).issues.is_empty());
    // Demo mode carries the same files built in.
    let names: Vec<String> = crate::mappings::mapping_files(&dir)
        .unwrap_or_default()
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let built_in: Vec<String> = crate::mappings::DEMO_FILES.iter().map(|(n, _)| (*n).to_owned()).collect();
    assert_eq!(names, built_in);
}

#[test]
fn a_wrong_code_names_its_line_and_the_nearest_choice() {
    assert_eq!(
        only_error(&broken("10.03.01", "02.05.1")),
        (6, "02.05.1 is not a case group; did you mean 02.05.01 Tuet ja avustukset?".to_owned())
    );
    assert_eq!(
        only_error(&broken("10.03.01", "02.05.00")).1,
        "02.05.00 Avustukset (käytöstä poistettu) is closed for new cases; choose the class that replaced it"
    );
    assert_eq!(
        only_error(&broken("\"HAKEMUS\"", "\"HAKEMSU\"")),
        (8, "HAKEMSU is not a document type; did you mean HAKEMUS Hakemus?".to_owned())
    );
    assert_eq!(
        only_error(&broken("mjarvinen", "mjarvine")),
        (12, "\"mjarvine\" is not a TWeb user; did you mean mjarvinen (Mikko Järvinen)?".to_owned())
    );
    assert_eq!(only_error(&broken("\"kaupunkiymparisto\"", "\"kaupunki\"")).0, 13);
}

#[test]
fn templates_are_checked_against_the_services_own_transactions() {
    assert_eq!(
        only_error(&broken("{field:restaurant}", "{field:restaurnat}")),
        (7, "no transaction of terassilupa has a field \"restaurnat\"; did you mean {field:restaurant}?".to_owned())
    );
    assert!(only_error(&broken("{submitter}", "{hakija}")).1.starts_with("{hakija} is not a placeholder"));
    assert!(only_error(&broken("%d.%m.%Y", "%d.%m.%Q")).1.contains("is not a date format"));
}

#[test]
fn missing_keys_wrong_types_and_bad_toml_are_reported_at_their_line() {
    let (line, message) = only_error(&broken("form_document_type = \"HAKEMUS\"\n", ""));
    assert!(message.contains("missing field `form_document_type`"), "{line}: {message}");
    let (line, message) = only_error(&broken("schema = 1", "schema = \"yksi\""));
    assert_eq!(line, 2, "{message}");
    assert!(message.contains("invalid type"), "{message}");
    let (line, message) = only_error(&broken("name = \"Terassilupa\"", "name = \"Terassilupa"));
    assert_eq!(line, 4, "{message}");
    assert!(message.starts_with("not valid TOML"), "{message}");
    assert!(only_error(&broken("schema = 1", "schema = 2")).1.contains("schema 2 is not known"));
    assert!(only_error(&broken("schema = 1", "schema = 1\ncolour = \"red\"")).1.contains("unknown field `colour`"));
}

#[test]
fn actions_need_what_they_use() {
    assert_eq!(
        only_error(&broken("case_group = \"10.03.01\"\n", "")),
        (5, "action = \"new_case\" needs a case_group".to_owned())
    );
    let report = broken("users = [\"mjarvinen\"]\ngroups = [\"kaupunkiymparisto\"]", "users = []\ngroups = []");
    assert_eq!(only_error(&report).1, "the assignment names no users and no groups");
    let without = GOOD[..GOOD.find("[assignment]").unwrap_or(GOOD.len())].replace("new_case", "assignment_only");
    assert_eq!(
        only_error(&check("terassilupa.toml", &without)).1,
        "action = \"assignment_only\" needs an [assignment]"
    );
    // `export --auto` never files onto an existing case: marking it automatic is an error.
    let automatic = broken("action = \"new_case\"\n", "action = \"existing_case\"\nautomatic = true\n");
    assert_eq!(only_error(&automatic), (6, "action = \"existing_case\" cannot be automatic: a clerk always chooses the case. Remove automatic or choose another action.".to_owned()));
    let rule = format!("{GOOD}\n[[attachment_rules]]\ndocument_type = \"VALOKUVA\"\n");
    assert_eq!(only_error(&check("terassilupa.toml", &rule)).0, 16, "the rule's [[attachment_rules]] line");
}

#[test]
fn an_unknown_service_or_a_misnamed_file_is_a_warning() {
    let report = check("terassi.toml", &GOOD.replace("\"terassilupa\"", "\"terassilupa2\""));
    let messages: Vec<_> = report.issues.iter().map(|i| (i.severity, crate::i18n::english(&i.message))).collect();
    let unknown = "the outbox has no e-service \"terassilupa2\"; did you mean terassilupa (";
    assert!(messages.iter().any(|(s, m)| *s == Severity::Warning && m.starts_with(unknown)), "{messages:?}");
    assert!(
        messages
            .contains(&(Severity::Warning, "the file name differs from the service id \"terassilupa2\"".to_owned()))
    );
    assert!(report.usable());
}

#[test]
fn two_files_for_one_service_are_an_error() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for name in ["a.toml", "b.toml"] {
        std::fs::write(dir.path().join(name), GOOD).unwrap_or_else(|e| panic!("{e}"));
    }
    let (catalog, facts) = (crate::sandbox::seed::catalog(), facts());
    let reports =
        Checker { catalog: &catalog, services: &facts }.check_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert!(reports[0].usable());
    assert!(
        reports[1]
            .issues
            .iter()
            .any(|i| i.severity == Severity::Error && crate::i18n::english(&i.message).contains("already maps"))
    );
}

/// The document carrying a protected address takes its type's publicity in TWeb: a public type
/// would publish the address, so only a type the records plan makes secret is accepted.
#[test]
fn the_secret_address_type_must_be_secret_in_the_records_plan() {
    let named = |code: &str| {
        let line = format!("attachment_document_type = \"HAKLIITE\"\nsecret_address_document_type = \"{code}\"");
        broken("attachment_document_type = \"HAKLIITE\"", &line)
    };
    assert!(named("TURVAOS").usable(), "{:#?}", named("TURVAOS").issues);
    let (line, message) = only_error(&named("HAKEMUS"));
    assert_eq!(line, 10);
    assert!(message.contains("HAKEMUS Hakemus is not secret in the records plan"), "{message}");
    let (line, message) = only_error(&named("TURVAOZ"));
    assert_eq!(line, 10);
    assert!(message.contains("TURVAOZ is not a document type") && message.contains("TURVAOS"), "{message}");
}
