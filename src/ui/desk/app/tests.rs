//! The desk's answers reach the panel that asked for them.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use egui_kittest::kittest::Queryable as _;

use super::{DeskApp, View};
use crate::export::Journal;
use crate::sandbox::{Sandbox, SandboxConfig};
use crate::ui::admin::AdminCommand;
use crate::ui::backend::Backend;
use crate::ui::request::RequestState;

/// The admin's "export to a file" once answered with the desk's copy-saved reply, which only the
/// attachments tab shows: the admin never saw whether the export worked. It is the admin's own
/// request now, and its answer shows in the admin view.
#[test]
fn the_admin_sees_the_answer_of_an_export_and_the_attachments_tab_does_not() {
    let runtime = tokio::runtime::Runtime::new().unwrap_or_else(|e| panic!("{e}"));
    let sandbox = runtime.block_on(Sandbox::start(SandboxConfig::default())).unwrap_or_else(|e| panic!("sandbox: {e}"));
    let connection = crate::demo::connection(&sandbox, "Testikirjaaja", "Testi");
    let journal = Journal::in_memory().unwrap_or_else(|e| panic!("{e}"));
    let backend = Backend::new(runtime.handle().clone(), connection, journal, Vec::new(), Arc::new(|| {}))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut app = DeskApp::new(backend, crate::i18n::UiLanguage::Fi);
    app.view = View::Admin;
    app.on_admin(AdminCommand::Open("meluilmoitus".to_owned(), "Meluilmoitus".to_owned()));
    // The file dialog's answer, as the export's work gives it.
    let written = PathBuf::from("/tmp/meluilmoitus.toml");
    let answer = written.clone();
    app.admin.exporting.request(&app.backend.spawner(), async move { Ok(Some(answer)) });
    let mut harness = egui_kittest::Harness::builder().with_size(egui::vec2(1400.0, 900.0)).build_ui_state(
        |ui, app: &mut DeskApp| {
            app.logic(ui.ctx());
            app.show(ui);
        },
        app,
    );
    let shown = format!("Viety tiedostoon: {}", written.display());
    let mut seen = false;
    for _ in 0..500 {
        harness.step();
        if harness.query_by_label_contains(&shown).is_some() {
            seen = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(seen, "the admin view shows {shown:?}");
    assert!(matches!(harness.state().saved_copy.state(), RequestState::NotRequested), "not the attachments tab's");
    drop(harness);
    drop(sandbox);
}
