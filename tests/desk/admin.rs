//! Mappings in the desk: a broken one is not used and an admin fixes it in the app; a clerk saves
//! the choices for an unmapped service as its default.

use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::{assignment_only_to_kirjaamo, desk_with, fill, look, open, pending, settle, wait_for, wait_loaded};

/// The repo's mappings copied into a temporary folder, with `edit` applied to one file.
fn mappings(edit: impl FnOnce(&std::path::Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    kirjaamo::mappings::write_demo_files(dir.path()).expect("write");
    edit(dir.path());
    dir
}

#[test]
fn a_broken_mapping_is_not_used_and_the_admin_fixes_it_in_the_app() {
    let dir = mappings(|dir| {
        let path = dir.join("meluilmoitus.toml");
        let text = std::fs::read_to_string(&path).expect("read");
        let text =
            text.replace("case_group = \"11.01.00\"", "# The environment unit's class.\ncase_group = \"11.01.0\"");
        std::fs::write(&path, text).expect("write");
    });
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk_with(&runtime, Some(dir.path()), true);
    let noise = pending(&runtime, &sandbox).into_iter().find(|t| t.service.id == "meluilmoitus").expect("noise");
    wait_loaded(&mut harness, "odottaa");
    open(&mut harness, &noise.title, &noise.id);
    // The clerk is told the defaults are wrong and nothing is prefilled from them.
    wait_for(&mut harness, "oletukset ovat virheelliset");
    harness.get_by_label_contains("11.01.0 ei ole asiaryhmä; tarkoititko 11.01.00");
    harness.get_by_label_contains("Valitse asiaryhmä.");

    // The admin view lists it with its error and fixes it with a choice from the catalog.
    harness.get_by_label("Oletukset").click();
    wait_for(&mut harness, "1 virhettä");
    harness.get_by_label_contains("meluilmoitus · 1 virhettä").click();
    wait_for(&mut harness, "11.01.0 ei ole asiaryhmä");
    fill(&mut harness, "Vaihda asiaryhmä", "11.01.00");
    harness.get_by_label_contains("11.01.00 Ympäristönsuojelun lupa- ja ilmoitusasiat ·").click();
    wait_for(&mut harness, "Oletukset ovat kunnossa.");
    harness.get_by_label_contains("Otsikko: Meluilmoitus – ");
    harness.check_accessibility();
    harness.get_by_label("Tallenna").click();
    wait_for(&mut harness, "Tallennettu:");
    let text = std::fs::read_to_string(dir.path().join("meluilmoitus.toml")).expect("read");
    assert!(text.contains("# The environment unit's class.\ncase_group = \"11.01.00\""), "{text}");
    wait_for(&mut harness, "kunnossa · ");
    // Back at the desk, the clerk's filing panel takes the fixed default and does not show the
    // admin's save message (it did: the message belongs to the admin view).
    harness.get_by_label_contains("Saapuneet (").click();
    wait_for(&mut harness, "Oletukset: ");
    settle(&mut harness);
    assert!(harness.query_by_label_contains("Tallennettu:").is_none(), "the admin's message stays in the admin view");
}

#[test]
fn a_clerk_saves_the_choices_for_an_unmapped_service_as_its_default() {
    let dir = mappings(|dir| std::fs::remove_file(dir.join("tietopyynto.toml")).expect("remove"));
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk_with(&runtime, Some(dir.path()), true);
    let request = pending(&runtime, &sandbox).into_iter().find(|t| t.service.id == "tietopyynto").expect("request");
    wait_loaded(&mut harness, "odottaa");
    open(&mut harness, &request.title, &request.id);
    wait_for(&mut harness, "Tälle e-palvelulle ei ole oletuksia");
    assignment_only_to_kirjaamo(&mut harness, ("TIETOPYYNTO", "Tietopyyntö"));
    harness.get_by_label("Tallenna oletukseksi tälle e-palvelulle").click();
    wait_for(&mut harness, "Tallennettu:");
    let saved = kirjaamo::mappings::load_file(&dir.path().join("tietopyynto.toml")).expect("a valid file");
    assert_eq!(saved.action, kirjaamo::mappings::DefaultAction::AssignmentOnly);
    assert_eq!(saved.form_document_type, "TIETOPYYNTO");
    assert_eq!(saved.assignment.map(|a| a.groups), Some(vec!["kirjaamo".to_owned()]));
    // The next transaction of the service gets the new default.
    look(&mut harness);
    harness.get_by_label("Kirjaa (Enter)").click();
    wait_for(&mut harness, "Kirjattu: ilman asiaa");
}

/// The inbox's e-service filter named a service by the outbox's name while Oletukset showed the
/// mapping's: one service, two names. Both now show the mapping's name.
#[test]
fn the_e_service_filter_and_oletukset_give_a_service_the_same_name() {
    let dir = mappings(|dir| {
        let path = dir.join("meluilmoitus.toml");
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, text.replace("name = \"Meluilmoitus\"", "name = \"Meluilmoitus (ympäristöyksikkö)\""))
            .expect("write");
    });
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk_with(&runtime, Some(dir.path()), false);
    let noise = pending(&runtime, &sandbox).into_iter().filter(|t| t.service.id == "meluilmoitus").count();
    wait_loaded(&mut harness, "odottaa");
    super::choose(&mut harness, "E-palvelu", &format!("Meluilmoitus (ympäristöyksikkö) ({noise})"));
    wait_for(&mut harness, &format!("{noise} näkyvissä"));
    harness.get_by_label("Oletukset").click();
    wait_for(&mut harness, "Meluilmoitus (ympäristöyksikkö)\nmeluilmoitus");
}

/// A shared mapping folder. Päivitä did not read files changed on disk, and Tallenna in
/// Oletukset then silently overwrote another admin's change. Päivitä now reads the folder again,
/// and a save over a file changed since it was read is refused, naming what differs, with
/// reload and overwrite offered.
#[test]
fn a_shared_mapping_folder_loses_no_edit() {
    let dir = mappings(|_| {});
    let path = dir.path().join("meluilmoitus.toml");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk_with(&runtime, Some(dir.path()), true);
    let noise = pending(&runtime, &sandbox).into_iter().find(|t| t.service.id == "meluilmoitus").expect("noise");
    wait_loaded(&mut harness, "odottaa");

    // Another admin changes the title on disk; Päivitä brings it to the clerk's filing panel.
    let original = std::fs::read_to_string(&path).expect("read");
    let theirs = original.replace("title = \"{service} – {submitter}\"", "title = \"Melu: {submitter}\"");
    std::fs::write(&path, &theirs).expect("write");
    harness.get_by_label("Päivitä").click();
    settle(&mut harness);
    open(&mut harness, &noise.title, &noise.id);
    let title = format!("Melu: {}", noise.submitter_name);
    let shown = (0..3_000).find_map(|_| {
        harness.step();
        let value = harness.query_by_label("Otsikko").and_then(|n| n.accesskit_node().value());
        std::thread::sleep(std::time::Duration::from_millis(10));
        value.filter(|v| *v == title)
    });
    assert_eq!(shown, Some(title), "the case title comes from the file as it is on disk now");

    // This admin opens the mapping; meanwhile the other one moves the due days on disk.
    harness.get_by_label("Oletukset").click();
    wait_for(&mut harness, "meluilmoitus · ");
    harness.get_by_label_contains("meluilmoitus · ").click();
    wait_for(&mut harness, "Meluilmoitus (meluilmoitus)");
    let changed = theirs.replace("due_in_days = 10", "due_in_days = 5");
    std::fs::write(&path, &changed).expect("write");
    fill(&mut harness, "Nimi", "Meluilmoitus (ympäristö)");
    harness.get_by_label("Tallenna").click();
    wait_for(&mut harness, "Joku muu muutti tiedostoa sillä välin. Eroavat kohdat: assignment.due_in_days.");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), changed, "the other admin's change stays");
    assert!(harness.query_by_label_contains("Tallennettu:").is_none(), "not saved");

    // Reload takes what the file holds now; a save after it keeps both admins' changes.
    harness.get_by_label("Lataa levyn versio").click();
    wait_for(&mut harness, "Meluilmoitus (meluilmoitus)");
    fill(&mut harness, "Nimi", "Meluilmoitus (ympäristö)");
    harness.get_by_label("Tallenna").click();
    wait_for(&mut harness, "Tallennettu:");
    let saved = kirjaamo::mappings::load_file(&path).expect("valid");
    assert_eq!((saved.name.as_str(), saved.title.as_str()), ("Meluilmoitus (ympäristö)", "Melu: {submitter}"));
    assert_eq!(saved.assignment.and_then(|a| a.due_in_days), Some(5));

    // Overwrite is there for when the admin means it.
    std::fs::write(&path, changed.replace("due_in_days = 5", "due_in_days = 3")).expect("write");
    fill(&mut harness, "Nimi", "Meluilmoitus");
    harness.get_by_label("Tallenna").click();
    wait_for(&mut harness, "Eroavat kohdat:");
    harness.get_by_label("Korvaa levyn versio omillani").click();
    wait_for(&mut harness, "Tallennettu:");
    let saved = kirjaamo::mappings::load_file(&path).expect("valid");
    assert_eq!((saved.name.as_str(), saved.assignment.and_then(|a| a.due_in_days)), ("Meluilmoitus", Some(5)));
}
