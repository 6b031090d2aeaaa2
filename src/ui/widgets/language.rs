//! The language drop-down, shared by the start screen and the desk's top bar.

use crate::i18n::UiLanguage;

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
