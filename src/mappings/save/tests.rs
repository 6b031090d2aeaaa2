use super::{differences, new_document, save, save_unless_changed};
use crate::mappings::{AttachmentRule, DefaultAction, ServiceMapping, load_file};

const COMMENTED: &str = r#"# Terassilupa: the city environment unit decides.
schema = 1
service = "terassilupa"
name = "Terassilupa"
action = "new_case"   # always a new case
automatic = false
case_group = "10.03.01"
title = "{service} – {submitter}"
form_document_type = "HAKEMUS"
attachment_document_type = "HAKLIITE"

# Photos are photographs.
[[attachment_rules]]
content_type = "image/jpeg"
document_type = "VALOKUVA"

[assignment]
users = []
groups = ["kaupunkiymparisto"]  # the whole unit
subject = "Terassilupahakemus: {field:restaurant}"
due_in_days = 21
"#;

#[test]
fn saving_keeps_the_admins_comments_and_changes_only_what_changed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("terassilupa.toml");
    std::fs::write(&path, COMMENTED).unwrap_or_else(|e| panic!("{e}"));
    let mut mapping = load_file(&path).unwrap_or_else(|e| panic!("{e}"));
    // Unchanged: byte for byte the same file.
    save(dir.path(), &mapping).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), COMMENTED);

    mapping.case_group = Some("02.05.01".to_owned());
    if let Some(a) = mapping.assignment.as_mut() {
        a.due_in_days = Some(14);
    }
    save(dir.path(), &mapping).unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    for kept in [
        "# Terassilupa: the city environment unit decides.",
        "# always a new case",
        "# Photos are photographs.",
        "# the whole unit",
    ] {
        assert!(text.contains(kept), "{kept:?} lost:\n{text}");
    }
    assert!(text.contains("case_group = \"02.05.01\"") && text.contains("due_in_days = 14"), "{text}");
    assert_eq!(load_file(&path).unwrap_or_else(|e| panic!("{e}")), mapping, "round trip");
    // No temporary file is left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).map(Iterator::count).unwrap_or(0), 1);
}

#[test]
fn a_new_mapping_becomes_a_readable_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mapping = ServiceMapping {
        schema: 1,
        service: "uusi-palvelu".to_owned(),
        name: "Uusi palvelu".to_owned(),
        action: DefaultAction::AssignmentOnly,
        automatic: false,
        case_group: None,
        title: "{service} – {submitter}".to_owned(),
        form_document_type: "ILMOITUS".to_owned(),
        attachment_document_type: "HAKLIITE".to_owned(),
        attachment_rules: vec![AttachmentRule {
            content_type: None,
            filename: Some("*.dwg".to_owned()),
            document_type: "SELVITYS".to_owned(),
        }],
        secret_address_document_type: Some("TURVAOS".to_owned()),
        submitter_is_party: true,
        deadline_days: Some(14),
        assignment: Some(crate::mappings::AssignmentDefaults {
            users: vec!["hlaine".to_owned()],
            groups: Vec::new(),
            subject: "Uusi: {submitter}".to_owned(),
            message: None,
            due_in_days: None,
        }),
    };
    let path = save(dir.path(), &mapping).unwrap_or_else(|e| panic!("{e}"));
    assert!(path.ends_with("uusi-palvelu.toml"));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(text.starts_with("# Filing defaults of the e-service Uusi palvelu (uusi-palvelu)."), "{text}");
    assert_eq!(load_file(&path).unwrap_or_else(|e| panic!("{e}")), mapping);
    assert_eq!(new_document(&mapping).to_string(), text);
}

/// A shared folder: another admin changed the file after this one read it. Saving silently
/// overwrote that change; now it is refused with the keys named, and nothing is written.
#[test]
fn a_file_changed_on_disk_since_it_was_read_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("terassilupa.toml");
    std::fs::write(&path, COMMENTED).unwrap_or_else(|e| panic!("{e}"));
    let base = load_file(&path).unwrap_or_else(|e| panic!("{e}"));
    // The other admin moves the case group and the due days on disk.
    let theirs = COMMENTED.replace("\"10.03.01\"", "\"10.03.02\"").replace("due_in_days = 21", "due_in_days = 7");
    std::fs::write(&path, &theirs).unwrap_or_else(|e| panic!("{e}"));
    let mut mine = base.clone();
    mine.title = "Terassi: {submitter}".to_owned();
    match save_unless_changed(dir.path(), &mine, Some(&base)) {
        Err(crate::mappings::MappingError::Changed { fields, on_disk, .. }) => {
            assert_eq!(fields, vec!["assignment.due_in_days".to_owned(), "case_group".to_owned()]);
            assert_eq!(on_disk.and_then(|m| m.case_group), Some("10.03.02".to_owned()));
        }
        other => panic!("saved over the other admin's change: {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), theirs, "nothing written");
    // Unchanged on disk: it saves.
    let reread = load_file(&path).unwrap_or_else(|e| panic!("{e}"));
    save_unless_changed(dir.path(), &mine, Some(&reread)).unwrap_or_else(|e| panic!("{e}"));
    assert!(std::fs::read_to_string(&path).unwrap_or_default().contains("Terassi: {submitter}"));
    // A file made meanwhile for a service that had none is not overwritten either.
    assert!(save_unless_changed(dir.path(), &mine, None).is_err());
    assert!(differences(Some(&mine), Some(&mine)).is_empty());
}
