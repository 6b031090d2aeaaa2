//! The form of one service's defaults in the admin view.

use super::admin::{self, pick_into};
use super::app::DeskApp;
use super::picker::Choice;
use crate::mappings::DefaultAction;

/// Draws the form of the mapping being edited.
pub fn show(app: &mut DeskApp, ui: &mut egui::Ui) {
    let issues = admin::check(app);
    let preview = admin::preview(app);
    let group_choices = admin::case_group_choices(app);
    let catalog = app.catalog.value().cloned().unwrap_or_default();
    let type_choices: Vec<Choice> = catalog
        .document_types
        .iter()
        .map(|d| Choice { code: d.code.clone(), text: format!("{} {}", d.code, d.name) })
        .collect();
    let saved = app.admin.service.as_deref().and_then(|s| app.backend.mapping(s)).cloned();
    let t = &app.texts;
    let Some(m) = app.admin.editing.as_mut() else { return };
    ui.heading(format!("{} ({})", m.name, m.service));
    egui::Grid::new("admin-grid").num_columns(2).show(ui, |ui| {
        let label = ui.label(t.get("admin-name"));
        ui.text_edit_singleline(&mut m.name).labelled_by(label.id);
        ui.end_row();
        ui.label(t.get("admin-action"));
        ui.horizontal(|ui| {
            for (action, id) in [
                (DefaultAction::NewCase, "action-new-case"),
                (DefaultAction::ExistingCase, "action-existing-case"),
                (DefaultAction::AssignmentOnly, "action-assignment-only"),
            ] {
                ui.radio_value(&mut m.action, action, t.get(id));
            }
        });
        ui.end_row();
        ui.label("");
        ui.checkbox(&mut m.automatic, t.get("admin-automatic"));
        ui.end_row();
        ui.label(t.get("case-group-label"));
        let group = m.case_group.clone().unwrap_or_default();
        let shown = catalog
            .case_groups
            .iter()
            .find(|g| g.code == group)
            .map_or(group.clone(), |g| format!("{} {}", g.code, g.name));
        ui.label(if shown.is_empty() { "–".to_owned() } else { shown });
        ui.end_row();
    });
    let mut group = m.case_group.clone().unwrap_or_default();
    pick_into(
        ui,
        "admin-case-group",
        &t.get("admin-case-group-change"),
        &t.get("case-group-hint"),
        &group_choices,
        &mut group,
    );
    m.case_group = Some(group).filter(|g| !g.is_empty());
    egui::Grid::new("admin-grid-2").num_columns(2).show(ui, |ui| {
        let label = ui.label(t.get("admin-title"));
        ui.add(egui::TextEdit::singleline(&mut m.title).desired_width(360.0)).labelled_by(label.id);
        ui.end_row();
        ui.label("");
        ui.checkbox(&mut m.submitter_is_party, t.get("case-submitter-party"));
        ui.end_row();
        ui.label(t.get("admin-form-type"));
        ui.label(&m.form_document_type);
        ui.end_row();
        ui.label(t.get("admin-attachment-type"));
        ui.label(&m.attachment_document_type);
        ui.end_row();
    });
    pick_into(
        ui,
        "admin-form-type",
        &t.get("doctype-form-search"),
        &t.get("doctype-hint"),
        &type_choices,
        &mut m.form_document_type,
    );
    pick_into(
        ui,
        "admin-attachment-type",
        &t.get("doctype-attachments-search"),
        &t.get("doctype-hint"),
        &type_choices,
        &mut m.attachment_document_type,
    );
    ui.separator();
    let mut assign = m.assignment.is_some();
    ui.checkbox(&mut assign, t.get("assign-optional"));
    match (assign, m.assignment.is_some()) {
        (true, false) => m.assignment = Some(admin::blank_assignment()),
        (false, true) => m.assignment = None,
        _ => {}
    }
    if let Some(a) = m.assignment.as_mut() {
        super::assign::recipients(ui, t, &catalog, "admin-recipient", &mut a.users, &mut a.groups);
        egui::Grid::new("admin-grid-3").num_columns(2).show(ui, |ui| {
            let label = ui.label(t.get("assign-subject"));
            ui.add(egui::TextEdit::singleline(&mut a.subject).desired_width(360.0)).labelled_by(label.id);
            ui.end_row();
            let label = ui.label(t.get("assign-message"));
            let mut message = a.message.clone().unwrap_or_default();
            ui.add(egui::TextEdit::multiline(&mut message).desired_rows(2).desired_width(360.0)).labelled_by(label.id);
            a.message = Some(message).filter(|m| !m.trim().is_empty());
            ui.end_row();
            let label = ui.label(t.get("admin-due-days"));
            let mut days = a.due_in_days.unwrap_or(0);
            ui.add(egui::DragValue::new(&mut days).range(0..=365)).labelled_by(label.id);
            a.due_in_days = (days > 0).then_some(days);
            ui.end_row();
        });
    }
    ui.separator();
    match &preview {
        Some((title, subject, party)) => {
            ui.strong(t.get("admin-preview"));
            ui.label(t.with("admin-preview-title", &[("title", title.into())]));
            ui.label(t.with("admin-preview-party", &[("party", party.into())]));
            if let Some(subject) = subject {
                ui.label(t.with("admin-preview-subject", &[("subject", subject.into())]));
            }
        }
        None => {
            ui.weak(t.get("admin-preview-none"));
        }
    }
    ui.separator();
    if issues.is_empty() {
        ui.label(t.get("admin-valid"));
    }
    for issue in &issues {
        let color = if issue.severity == crate::mappings::check::Severity::Error {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().warn_fg_color
        };
        ui.colored_label(color, &issue.message);
    }
    let edited = m.clone();
    let changed = saved.as_ref() != Some(&edited);
    let can_save = changed && !admin::has_errors(&issues) && app.backend.mappings_dir().is_some();
    let (mut save, mut revert, mut import, mut export) = (false, false, false, false);
    ui.horizontal(|ui| {
        save = ui.add_enabled(can_save, egui::Button::new(t.get("admin-save"))).clicked();
        revert = ui.add_enabled(changed && saved.is_some(), egui::Button::new(t.get("admin-revert"))).clicked();
        import = ui.button(t.get("admin-import")).clicked();
        export = ui.button(t.get("admin-export")).clicked();
    });
    match &app.admin.status {
        Some(Ok(text)) => {
            ui.label(text);
        }
        Some(Err(error)) => {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        None => {}
    }
    if save {
        app.backend.save_mapping(edited.clone());
    }
    if revert {
        app.admin.editing = saved;
    }
    if import {
        app.backend.import_mapping();
    }
    if export {
        app.backend.export_mapping(edited);
    }
}
