//! The top bar: connection, views, refresh and language.

use super::app::{DeskApp, View};
use crate::i18n::UiLanguage;

/// Draws the top bar.
pub fn show(app: &mut DeskApp, ui: &mut egui::Ui) {
    let t = &app.texts;
    let failed = app.unfinished.value().map_or(0, Vec::len);
    let mut language = app.language();
    let mut refresh = false;
    let mut view = app.view;
    let mut connections = false;
    ui.horizontal(|ui| {
        ui.heading("Kirjaamo");
        ui.label(t.with("top-connection", &[("name", app.backend.label().into())]));
        ui.separator();
        ui.selectable_value(&mut view, View::Desk, t.with("top-inbox", &[("count", app.model.pending().into())]));
        ui.selectable_value(&mut view, View::Failed, t.with("top-failed", &[("count", failed.into())]));
        ui.selectable_value(&mut view, View::Admin, t.get("top-admin"));
        ui.separator();
        if ui.button(t.get("top-refresh")).on_hover_text(t.get("top-refresh-hint")).clicked() {
            refresh = true;
        }
        if app.inbox.is_pending() {
            ui.spinner();
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            language_menu(ui, t, &mut language);
            ui.separator();
            let hint = t.get("top-connections-hint");
            if ui.button(t.get("top-connections")).on_hover_text(hint).clicked() {
                connections = true;
            }
        });
    });
    app.set_language(language);
    app.wants_connections |= connections;
    if view != app.view {
        app.view = view;
        if view == View::Failed {
            app.history.start();
            app.backend.refresh_history();
        }
    }
    if refresh {
        app.refresh();
    }
}

/// The language drop-down with its label (right to left: the drop-down first).
pub fn language_menu(ui: &mut egui::Ui, t: &crate::i18n::Texts, language: &mut UiLanguage) {
    let combo = egui::ComboBox::from_id_salt("language").selected_text(language.native_name()).show_ui(ui, |ui| {
        for choice in UiLanguage::ALL {
            ui.selectable_value(language, choice, choice.native_name());
        }
    });
    let label = ui.label(t.get("top-language"));
    combo.response.labelled_by(label.id);
}
