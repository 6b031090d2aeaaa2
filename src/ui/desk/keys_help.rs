//! The desk's keys on screen: the `?` overlay listing every key, made from the key table.

use super::keymap;
use crate::i18n::Texts;

/// Whether the desk runs on a Mac (Cmd names the command modifier there).
pub fn is_mac(ctx: &egui::Context) -> bool {
    ctx.os() == egui::os::OperatingSystem::Mac
}

/// Draws the overlay; true when the clerk closed it.
pub fn show(t: &Texts, ctx: &egui::Context) -> bool {
    let mut close = false;
    let lines = keymap::overlay(t, is_mac(ctx));
    let response = egui::Modal::new(egui::Id::unique("keys-help")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(t.get("keys-heading"));
        egui::Grid::new("keys-grid").num_columns(2).striped(true).show(ui, |ui| {
            for (keys, what) in &lines {
                ui.strong(keys);
                ui.label(what);
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
