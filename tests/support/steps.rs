//! The desk under egui_kittest as the app runs it, and stepping it until what a clerk waits for shows.
#![allow(dead_code)]

use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kirjaamo::ui::{Backend, DeskApp};

/// The desk on `backend` in `language`, in a window of `size`, as the app runs it.
pub fn desk(backend: Backend, language: kirjaamo::i18n::UiLanguage, size: egui::Vec2) -> Harness<'static, DeskApp> {
    // The window installs the desk's fonts before its first frame (main.rs); here the first
    // frame installs them and draws nothing, so no frame is drawn without them.
    let mut fonts = false;
    Harness::builder().with_size(size).build_ui_state(
        move |ui, app: &mut DeskApp| {
            if std::mem::replace(&mut fonts, true) {
                app.logic(ui.ctx());
                app.show(ui);
            } else {
                DeskApp::install_fonts(ui.ctx());
            }
        },
        DeskApp::new(backend, language),
    )
}

/// Steps the desk until a widget whose label contains `what` shows (30 s at most: several desks and
/// their sandboxes share two cores while the tests run).
pub fn wait_for<S>(harness: &mut Harness<'_, S>, what: &str) {
    for _ in 0..3_000 {
        harness.step();
        if harness.query_all_by_label_contains(what).next().is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the desk never showed {what:?}");
}

/// Steps the desk a few frames, letting replies arrive.
pub fn settle<S>(harness: &mut Harness<'_, S>) {
    for _ in 0..20 {
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
}
