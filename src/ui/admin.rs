//! The admin view: every e-service from the mapping files and the outbox (unmapped ones marked,
//! with their pending count), and a form for one service's defaults with choices from the live
//! catalog, live checking, a preview on a real pending transaction, save, revert, import, export.

use std::collections::HashMap;

use super::app::DeskApp;
use super::picker::{self, Choice};
use super::request::RequestState;
use crate::domain::Transaction;
use crate::mappings::check::{Checker, Issue, Severity};
use crate::mappings::{AssignmentDefaults, DefaultAction, ServiceMapping, render_template};

/// What the admin view holds.
#[derive(Debug, Default)]
pub struct AdminState {
    /// The service being edited.
    pub service: Option<String>,
    /// Its mapping as edited.
    pub editing: Option<ServiceMapping>,
    /// The last edit checked and what the check found.
    pub checked: Option<(ServiceMapping, Vec<Issue>)>,
    /// A pending transaction per service, for the preview.
    pub samples: HashMap<String, RequestState<Option<Box<Transaction>>>>,
    /// The outcome of the last save, import or export.
    pub status: Option<Result<String, String>>,
}

/// A new mapping for a service that has none: assignment to the registry office.
pub fn blank(service: &str, name: &str) -> ServiceMapping {
    ServiceMapping {
        schema: 1,
        service: service.to_owned(),
        name: name.to_owned(),
        action: DefaultAction::NewCase,
        automatic: false,
        case_group: None,
        title: "{service} – {submitter}".to_owned(),
        form_document_type: String::new(),
        attachment_document_type: String::new(),
        attachment_rules: Vec::new(),
        submitter_is_party: true,
        assignment: None,
    }
}

/// Services to list: `(id, name, pending, mapped)`, by name.
fn services(app: &DeskApp) -> Vec<(String, String, usize, bool)> {
    let mut list: Vec<(String, String, usize, bool)> =
        app.backend.mappings().iter().map(|m| (m.service.clone(), m.name.clone(), 0, true)).collect();
    for count in app.model.counts() {
        match list.iter_mut().find(|s| s.0 == count.id) {
            Some(entry) => entry.2 = count.pending,
            None => list.push((count.id.clone(), count.name.clone(), count.pending, false)),
        }
    }
    list.sort_by(|a, b| a.1.cmp(&b.1));
    list
}

fn open(app: &mut DeskApp, service: &str, name: &str) {
    let mapping = app.backend.mapping(service).cloned().unwrap_or_else(|| blank(service, name));
    app.admin.service = Some(service.to_owned());
    app.admin.editing = Some(mapping);
    app.admin.status = None;
    if !app.admin.samples.contains_key(service) {
        app.admin.samples.entry(service.to_owned()).or_default().start();
        app.backend.sample(service);
    }
}

/// Draws the admin view.
pub fn show(app: &mut DeskApp, ui: &mut egui::Ui) {
    let t = &app.texts;
    ui.heading(t.get("admin-heading"));
    match app.backend.mappings_dir() {
        Some(dir) => ui.weak(t.with("admin-folder", &[("dir", (&dir.display().to_string()).into())])),
        None => ui.colored_label(ui.visuals().warn_fg_color, t.get("admin-no-folder")),
    };
    let mut chosen = None;
    egui::Panel::left("admin-services").resizable(true).default_size(300.0).show(ui, |ui| {
        ui.set_min_width(ui.available_width());
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (id, name, pending, mapped) in services(app) {
                let problems = match app.backend.usable(&id) {
                    Err(crate::service::Unusable::Errors(errors)) => errors.len(),
                    _ => 0,
                };
                let state = match (mapped, problems) {
                    (false, _) => app.texts.with("admin-unmapped", &[("count", pending.into())]),
                    (true, 0) => app.texts.with("admin-ok", &[("count", pending.into())]),
                    (true, n) => app.texts.with("admin-errors", &[("count", n.into())]),
                };
                let color = match (mapped, problems) {
                    (false, _) => ui.visuals().warn_fg_color,
                    (true, 0) => ui.visuals().weak_text_color(),
                    _ => ui.visuals().error_fg_color,
                };
                let mut job = egui::text::LayoutJob::default();
                let body = egui::TextFormat { color: ui.visuals().strong_text_color(), ..Default::default() };
                job.append(&name, 0.0, body);
                job.append(&format!("\n{id} · {state}"), 0.0, egui::TextFormat { color, ..Default::default() });
                if ui.selectable_label(app.admin.service.as_deref() == Some(id.as_str()), job).clicked() {
                    chosen = Some((id, name));
                }
            }
        });
    });
    if let Some((id, name)) = chosen {
        open(app, &id, &name);
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if app.admin.editing.is_none() {
            ui.label(app.texts.get("admin-pick"));
            return;
        }
        egui::ScrollArea::vertical().show(ui, |ui| super::admin_form::show(app, ui));
    });
}

/// Checks the edited mapping when it changed since the last check; returns the issues.
pub fn check(app: &mut DeskApp) -> Vec<Issue> {
    let Some(editing) = app.admin.editing.clone() else { return Vec::new() };
    if app.admin.checked.as_ref().is_none_or(|(m, _)| *m != editing) {
        let catalog = app.catalog.value().cloned().unwrap_or_default();
        let issues = Checker { catalog: &catalog, services: &[] }.check_mapping_value(&editing).issues;
        app.admin.checked = Some((editing, issues));
    }
    app.admin.checked.as_ref().map(|(_, i)| i.clone()).unwrap_or_default()
}

/// The title and party a sample transaction would get, if one is pending.
pub fn preview(app: &DeskApp) -> Option<(String, Option<String>, String)> {
    let mapping = app.admin.editing.as_ref()?;
    let sample = app.admin.samples.get(&mapping.service)?.value()?.as_ref()?;
    let title = render_template(&mapping.title, sample);
    let subject = mapping.assignment.as_ref().map(|a| render_template(&a.subject, sample));
    let party = if mapping.submitter_is_party { sample.submitter.name.clone() } else { "–".to_owned() };
    Some((title, subject, party))
}

/// Whether the edit has errors.
pub fn has_errors(issues: &[Issue]) -> bool {
    issues.iter().any(|i| i.severity == Severity::Error)
}

/// An empty assignment to start from.
pub fn blank_assignment() -> AssignmentDefaults {
    AssignmentDefaults {
        users: Vec::new(),
        groups: Vec::new(),
        subject: "{service}: {submitter}".to_owned(),
        message: None,
        due_in_days: None,
    }
}

/// Choices of case groups open for new cases.
pub fn case_group_choices(app: &DeskApp) -> Vec<Choice> {
    let t = &app.texts;
    app.catalog
        .value()
        .map(|c| {
            c.case_groups
                .iter()
                .filter(|g| g.active)
                .map(|g| Choice {
                    code: g.code.clone(),
                    text: format!("{} {} · {}", g.code, g.name, super::case_editor::publicity(t, &g.records)),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A searchable field that sets `value` to the picked code.
pub fn pick_into(ui: &mut egui::Ui, id: &str, label: &str, hint: &str, choices: &[Choice], value: &mut String) {
    if let Some(code) = picker::search(ui, id, label, hint, choices) {
        *value = code;
    }
}
