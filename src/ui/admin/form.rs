//! The form of one service's defaults in the admin view.

use super::{AdminCommand, AdminView};
use crate::domain::Catalog;
use crate::mappings::DefaultAction;
use crate::ui::widgets::{self, picker};

/// A searchable field that sets `value` to the picked code.
fn pick_into(ui: &mut egui::Ui, id: &str, label: &str, hint: &str, choices: &[picker::Choice], value: &mut String) {
    if let Some(code) = picker::search(ui, id, label, hint, choices) {
        *value = code;
    }
}

/// Draws the form of the mapping being edited.
pub fn show(view: &mut AdminView<'_>, ui: &mut egui::Ui, commands: &mut Vec<AdminCommand>) {
    let t = view.texts;
    let empty = Catalog::default();
    let catalog = view.catalog.unwrap_or(&empty);
    let issues = super::check(view.state, catalog).to_vec();
    let preview = super::preview(view.state);
    let group_choices = widgets::case_group_choices(t, catalog);
    let type_choices = widgets::document_type_choices(t, catalog);
    // Only a type the records plan makes secret may carry a protected address.
    let secret_codes: Vec<&str> = catalog
        .document_types
        .iter()
        .filter(|d| d.records.publicity == crate::domain::PublicityClass::Secret)
        .map(|d| d.code.as_str())
        .collect();
    let secret_choices: Vec<picker::Choice> =
        type_choices.iter().filter(|c| secret_codes.contains(&c.code.as_str())).cloned().collect();
    let saved = view.saved;
    let Some(m) = view.state.editing.as_mut() else { return };
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
        let label = ui.label(t.get("admin-deadline-days"));
        let mut days = m.deadline_days.unwrap_or(0);
        ui.add(egui::DragValue::new(&mut days).range(0..=365))
            .labelled_by(label.id)
            .on_hover_text(t.get("admin-deadline-hint"));
        m.deadline_days = (days > 0).then_some(days);
        ui.end_row();
        ui.label(t.get("admin-form-type"));
        ui.label(&m.form_document_type);
        ui.end_row();
        ui.label(t.get("admin-attachment-type"));
        ui.label(&m.attachment_document_type);
        ui.end_row();
        ui.label(t.get("admin-secret-address-type"));
        ui.horizontal(|ui| match &m.secret_address_document_type {
            Some(code) => {
                ui.label(code);
                if ui.small_button(t.get("admin-secret-address-none")).clicked() {
                    m.secret_address_document_type = None;
                }
            }
            None => {
                ui.weak(t.get("admin-secret-address-unfiled"));
            }
        });
        ui.end_row();
    });
    let fields = [
        ("admin-form-type", "doctype-form-search", &mut m.form_document_type),
        ("admin-attachment-type", "doctype-attachments-search", &mut m.attachment_document_type),
    ];
    for (id, label, value) in fields {
        pick_into(ui, id, &t.get(label), &t.get("doctype-hint"), &type_choices, value);
    }
    let mut secret = m.secret_address_document_type.clone().unwrap_or_default();
    let label = t.get("admin-secret-address-search");
    pick_into(ui, "admin-secret-address-type", &label, &t.get("doctype-hint"), &secret_choices, &mut secret);
    m.secret_address_document_type = Some(secret).filter(|s| !s.is_empty());
    ui.separator();
    let mut assign = m.assignment.is_some();
    ui.checkbox(&mut assign, t.get("assign-optional"));
    match (assign, m.assignment.is_some()) {
        (true, false) => m.assignment = Some(super::blank_assignment()),
        (false, true) => m.assignment = None,
        _ => {}
    }
    if let Some(a) = m.assignment.as_mut() {
        widgets::recipients(ui, t, catalog, "admin-recipient", &mut a.users, &mut a.groups);
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
        ui.colored_label(color, t.say(&issue.message));
        if let Some(detail) = &issue.detail {
            let told = crate::plain::Told::new(issue.message.clone(), detail.clone());
            crate::ui::widgets::details(ui, t, &told);
        }
    }
    let changed = saved != Some(&*m);
    let can_save = changed && !super::has_errors(&issues) && view.folder.is_some();
    let mut revert = false;
    ui.horizontal(|ui| {
        if ui.add_enabled(can_save, egui::Button::new(t.get("admin-save"))).clicked() {
            commands.push(AdminCommand::Save(m.clone()));
        }
        revert = ui.add_enabled(changed && saved.is_some(), egui::Button::new(t.get("admin-revert"))).clicked();
        if ui.button(t.get("admin-import")).clicked() {
            commands.push(AdminCommand::Import);
        }
        if ui.button(t.get("admin-export")).clicked() {
            commands.push(AdminCommand::Export(m.clone()));
        }
    });
    if let Some((fields, on_disk)) = &view.state.conflict {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            t.with("admin-conflict", &[("fields", (&fields.join(", ")).into())]),
        );
        ui.horizontal_wrapped(|ui| {
            if ui.add_enabled(on_disk.is_some(), egui::Button::new(t.get("admin-conflict-reload"))).clicked() {
                commands.push(AdminCommand::Reload);
            }
            if ui.button(t.get("admin-conflict-overwrite")).clicked() {
                commands.push(AdminCommand::Overwrite(m.clone()));
            }
        });
    }
    match &view.state.status {
        Some(Ok(text)) => {
            ui.label(text);
        }
        Some(Err(failure)) => failure.show(ui, t),
        None => {}
    }
    if revert {
        view.state.editing = saved.cloned();
    }
}
