//! The assignment of a filing: recipients (users and groups, searchable, several), subject,
//! message and due date; edits the draft it is given.

use super::draft::{Action, Draft};
use crate::domain::Catalog;
use crate::i18n::Texts;

/// Draws the assignment editor of a draft.
pub fn show(t: &Texts, catalog: &Catalog, draft: &mut Draft, ui: &mut egui::Ui) {
    ui.separator();
    if draft.action == Action::AssignmentOnly {
        ui.strong(t.get("assign-heading"));
    } else {
        ui.checkbox(&mut draft.assign, t.get("assign-optional"));
        if !draft.assign {
            return;
        }
    }
    crate::ui::widgets::recipients(ui, t, catalog, "assign-add", &mut draft.users, &mut draft.groups);
    egui::Grid::new("assign-grid").num_columns(2).show(ui, |ui| {
        let label = ui.label(t.get("assign-subject"));
        ui.add(egui::TextEdit::singleline(&mut draft.subject).desired_width(f32::INFINITY)).labelled_by(label.id);
        ui.end_row();
        let label = ui.label(t.get("assign-message"));
        ui.add(egui::TextEdit::multiline(&mut draft.message).desired_rows(3).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        ui.end_row();
        let label = ui.label(t.get("assign-due"));
        ui.add(egui::TextEdit::singleline(&mut draft.due).hint_text(t.get("assign-due-hint")).desired_width(120.0))
            .labelled_by(label.id);
        ui.end_row();
    });
}
