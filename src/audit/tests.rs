use super::{AccessLog, Action, Actor, Event, Filter, Tamper, csv};

fn actor(os: &str, tweb: Option<&str>) -> Actor {
    Actor { os_user: os.to_owned(), tweb_user: tweb.map(str::to_owned), workstation: "KIRJAAMO-PC7".to_owned() }
}

fn filled(dir: &std::path::Path) -> AccessLog {
    let log = AccessLog::open(&dir.join("access-log.sqlite")).unwrap_or_else(|e| panic!("{e}"));
    let liisa = actor("KUNTA\\llaine", Some("llaine"));
    let pekka = actor("KUNTA\\pvirta", None);
    for (who, action, tx) in [
        (&liisa, Action::ViewForm, "TX-2026-000001"),
        (&liisa, Action::ViewAttachment, "TX-2026-000001"),
        (&pekka, Action::ViewForm, "TX-2026-000002"),
        (&liisa, Action::File, "TX-2026-000001"),
        (&pekka, Action::SaveCopy, "TX-2026-000002"),
    ] {
        let event = Event::ok(action, tx, Some("terassilupa".to_owned()));
        log.append(who, &event).unwrap_or_else(|e| panic!("{e}"));
    }
    log
}

fn raw(dir: &std::path::Path) -> rusqlite::Connection {
    let c = rusqlite::Connection::open(dir.join("access-log.sqlite")).unwrap_or_else(|e| panic!("{e}"));
    c.execute_batch("DROP TRIGGER entries_no_update; DROP TRIGGER entries_no_delete;")
        .unwrap_or_else(|e| panic!("{e}"));
    c
}

#[test]
fn a_whole_log_verifies_and_answers_who_saw_a_transaction() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let log = filled(dir.path());
    assert_eq!(log.verify().ok(), Some(Ok(5)));
    let entries = log.entries().unwrap_or_else(|e| panic!("{e}"));
    let question = Filter { transaction: Some("TX-2026-000001".to_owned()), ..Filter::default() };
    let who: Vec<(&str, &str)> =
        entries.iter().filter(|e| question.matches(e)).map(|e| (e.os_user.as_str(), e.action.as_str())).collect();
    assert_eq!(who, [("KUNTA\\llaine", "view_form"), ("KUNTA\\llaine", "view_attachment"), ("KUNTA\\llaine", "file")]);
    // By user: the account without its domain, or the TWeb user.
    for user in ["pvirta", "KUNTA\\PVIRTA"] {
        let by = Filter { user: Some(user.to_owned()), ..Filter::default() };
        assert_eq!(entries.iter().filter(|e| by.matches(e)).count(), 2, "{user}");
    }
    let text = String::from_utf8(csv(entries.iter().filter(|e| question.matches(e)))).unwrap_or_default();
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(text.contains("\"view_attachment\"") && text.contains("\"KIRJAAMO-PC7\""), "{text}");
}

#[test]
fn sqlite_refuses_updates_and_deletes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let _log = filled(dir.path());
    let c = rusqlite::Connection::open(dir.path().join("access-log.sqlite")).unwrap_or_else(|e| panic!("{e}"));
    assert!(c.execute("UPDATE entries SET os_user = 'joku' WHERE seq = 2", []).is_err());
    assert!(c.execute("DELETE FROM entries WHERE seq = 5", []).is_err());
}

#[test]
fn a_changed_removed_or_reordered_entry_is_the_first_one_reported() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let log = filled(dir.path());
    let c = raw(dir.path());
    c.execute("UPDATE entries SET os_user = 'KUNTA\\pvirta' WHERE seq = 2", []).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(log.verify().ok(), Some(Err(Tamper::Changed { seq: 2 })));

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let log = filled(dir.path());
    raw(dir.path()).execute("DELETE FROM entries WHERE seq = 3", []).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(log.verify().ok(), Some(Err(Tamper::Missing { expected: 3, found: 4 })));

    // Two entries swapped, each renumbered to keep the sequence: the chain breaks at the first.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let log = filled(dir.path());
    let c = raw(dir.path());
    c.execute_batch("UPDATE entries SET seq = 100 WHERE seq = 3; UPDATE entries SET seq = 3 WHERE seq = 4; UPDATE entries SET seq = 4 WHERE seq = 100;")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(log.verify().ok(), Some(Err(Tamper::Changed { seq: 3 })));
}

#[test]
fn one_byte_edited_in_the_file_is_reported() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("access-log.sqlite");
    drop(filled(dir.path()));
    let mut bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    let needle = b"TX-2026-000002";
    let at = bytes.windows(needle.len()).position(|w| w == needle).unwrap_or_else(|| panic!("no id in the file"));
    bytes[at + needle.len() - 1] = b'9';
    std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let log = AccessLog::open(&path).unwrap_or_else(|e| panic!("{e}"));
    match log.verify() {
        Ok(Ok(n)) => panic!("a log with an edited byte verified with {n} entries"),
        Ok(Err(tamper)) => assert!(matches!(tamper, Tamper::Changed { .. }), "{tamper}"),
        // A byte that breaks SQLite's own structure is reported as a damaged file: also a finding.
        Err(e) => assert!(e.to_string().contains("access log"), "{e}"),
    }
}

#[test]
fn a_read_only_log_refuses_the_append_with_its_reason() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let log = filled(dir.path());
    drop(log);
    let path = dir.path().join("access-log.sqlite");
    let readonly = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap_or_else(|e| panic!("{e}"));
    let log = super::AccessLog {
        path: path.clone(),
        connection: std::sync::Arc::new(std::sync::Mutex::new(readonly)),
        copies: false,
    };
    let refused = log.append(&actor("KUNTA\\llaine", None), &Event::ok(Action::ViewForm, "TX-2026-000003", None));
    assert!(matches!(refused, Err(super::AuditError::Unwritable { .. })), "{refused:?}");
    assert_eq!(log.verify().ok(), Some(Ok(5)));
}

#[cfg(unix)]
#[test]
fn each_entry_goes_to_the_system_journal_as_structured_fields() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let socket = dir.path().join("journal.socket");
    let journal = std::os::unix::net::UnixDatagram::bind(&socket).unwrap_or_else(|e| panic!("{e}"));
    let log = filled(dir.path());
    let mut entry = log.entries().unwrap_or_else(|e| panic!("{e}")).remove(3);
    entry.detail = "case 13/02.05.01/2026 (10057)\nsecond line".to_owned();
    super::journald::send_to(&entry, &socket);
    let mut buffer = vec![0u8; 4096];
    let n = journal.recv(&mut buffer).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&buffer[..n]).into_owned();
    for field in [
        "SYSLOG_IDENTIFIER=kirjaamo-audit\n",
        "KIRJAAMO_ACTION=file\n",
        "KIRJAAMO_TRANSACTION=TX-2026-000001\n",
        "KIRJAAMO_OS_USER=KUNTA\\llaine\n",
        "KIRJAAMO_SEQ=4\n",
    ] {
        assert!(text.contains(field), "{field:?} in {text:?}");
    }
    assert!(text.contains(&format!("KIRJAAMO_HASH={}\n", entry.hash)));
    // A value with a line break in the binary form: the name, its length, the bytes.
    let binary = b"KIRJAAMO_DETAIL\n";
    let at = buffer[..n].windows(binary.len()).position(|w| w == binary).unwrap_or_else(|| panic!("{text:?}"));
    let length = u64::from_le_bytes(buffer[at + binary.len()..at + binary.len() + 8].try_into().unwrap_or_default());
    assert_eq!(length, u64::try_from(entry.detail.len()).unwrap_or_default());
}

#[test]
fn the_event_log_s_text_names_every_field_and_the_hash() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let log = filled(dir.path());
    let entry = log.entries().unwrap_or_else(|e| panic!("{e}")).remove(0);
    let text = super::eventlog::text(&entry);
    for part in [
        "access log 1:",
        "view_form TX-2026-000001 (terassilupa)",
        "by KUNTA\\llaine (TWeb llaine)",
        "on KIRJAAMO-PC7",
        entry.at.as_str(),
        entry.hash.as_str(),
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
}
