//! The desk's keys on screen: a hint line under the desk, and the `?` overlay listing every key.

use crate::i18n::Texts;

/// Every key of the desk with the message that says what it does, in the overlay's order.
pub const KEYS: [(&str, &str); 11] = [
    ("↑ ↓  j k", "key-move"),
    ("1 2 3", "key-action"),
    ("Enter", "key-file"),
    ("Space", "key-tick"),
    ("Shift+Enter", "key-file-ticked"),
    ("/", "key-filter"),
    ("Ctrl+F", "key-case-search"),
    ("Esc", "key-cancel"),
    ("Ctrl + / Ctrl −", "key-zoom"),
    ("?  F1", "key-help"),
    ("Esc", "key-close-help"),
];

/// The short line under the desk: the keys used most.
pub fn hint_line(t: &Texts) -> String {
    t.get("keys-hint")
}

/// Draws the overlay; true when the clerk closed it.
pub fn show(t: &Texts, ctx: &egui::Context) -> bool {
    let mut close = false;
    let response = egui::Modal::new(egui::Id::unique("keys-help")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(t.get("keys-heading"));
        egui::Grid::new("keys-grid").num_columns(2).striped(true).show(ui, |ui| {
            for (key, id) in KEYS {
                ui.strong(if key == "Space" { t.get("key-space") } else { key.to_owned() });
                ui.label(t.get(id));
                ui.end_row();
            }
        });
        ui.separator();
        if ui.button(t.get("keys-close")).clicked() {
            close = true;
        }
    });
    close || response.should_close()
}
