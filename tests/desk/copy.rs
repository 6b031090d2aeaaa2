//! "Tallenna kopio…" where no file dialog can open (no desktop portal, no zenity: a terminal
//! server, a kiosk, this test): it failed silently, the log alone said why. Now the copy goes to
//! the downloads folder and the clerk is told where; a closed dialog says nothing was saved and
//! offers the downloads folder.

use egui_kittest::kittest::Queryable as _;

use super::{desk, open, outbox, pending, wait_for, wait_loaded};

#[test]
fn a_copy_is_saved_and_told_even_where_no_file_dialog_can_open() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let all = pending(&runtime, &sandbox);
    let with = all.iter().find(|t| t.attachment_count > 0).expect("a transaction with attachments");
    let detail = runtime.block_on(outbox(&sandbox).get(&with.id)).expect("detail");
    // The attachments tab opens the first attachment that has a preview.
    let attachments = &detail.transaction.attachments;
    let previewable = attachments.iter().find(|a| kirjaamo::preview::previewable(&a.content_type));
    let attachment = previewable.or(attachments.first()).expect("an attachment").clone();
    wait_loaded(&mut harness, "odottaa");
    open(&mut harness, &with.title, &with.id);
    harness.get_by_label_contains("Liitteet (").click();
    // The first attachment opens by itself on the attachments tab.
    wait_for(&mut harness, "Tallenna kopio…");
    harness.get_by_label_contains(&format!("{}, sivu 1", attachment.filename));
    harness.get_by_label("Tallenna kopio…").click();
    wait_for(&mut harness, "latauksiin");
    assert!(harness.query_by_label_contains("kopiota ei voitu").is_none());
    // Here no dialog can open, so the copy is written at once; where a dialog could open but
    // failed or was closed, the clerk is told and saves into downloads with one click.
    if let Some(button) = harness.query_by_label("Tallenna latauksiin") {
        harness.get_by_label_contains("Kopiota ei tallennettu.");
        button.click();
    }
    let dir = std::env::temp_dir().join(format!("kirjaamo-downloads-{}", std::process::id()));
    let saved = dir.join(&attachment.filename);
    wait_for(&mut harness, &saved.display().to_string());
    let bytes = std::fs::read(&saved).expect("read the copy");
    assert_eq!(bytes.len() as u64, attachment.size, "the whole attachment");
    let _ = std::fs::remove_file(&saved);
}

/// A DOCX attachment showed "Sivu 1 / 0" with live zoom buttons and a red error. It now shows a
/// neutral notice and no page or zoom buttons that would do nothing.
#[test]
fn a_docx_attachment_says_it_is_not_previewed_without_dead_buttons() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (sandbox, mut harness) = desk(&runtime, true);
    let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    let (with, attachment) = pending(&runtime, &sandbox)
        .into_iter()
        .filter(|t| t.attachment_count > 0)
        .find_map(|t| {
            let detail = runtime.block_on(outbox(&sandbox).get(&t.id)).ok()?;
            let found = detail.transaction.attachments.into_iter().find(|a| a.content_type == docx)?;
            Some((t, found))
        })
        .expect("a transaction with a DOCX attachment");
    wait_loaded(&mut harness, "odottaa");
    open(&mut harness, &with.title, &with.id);
    harness.get_by_label_contains("Liitteet (").click();
    wait_for(&mut harness, &attachment.filename);
    harness.get_by_label_contains(&attachment.filename).click();
    wait_for(&mut harness, "ei esikatsella. Tallenna kopio ja avaa se toisella ohjelmalla");
    for dead in ["Sivu 1 / 0", "Seuraava sivu", "Edellinen sivu", "Suurenna", "Sovita leveyteen"] {
        assert!(harness.query_by_label_contains(dead).is_none(), "{dead} shown for a DOCX");
    }
    harness.get_by_label("Tallenna kopio…");
}
