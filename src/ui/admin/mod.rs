//! The admin view: every e-service from the mapping files and the outbox (unmapped ones marked,
//! with their pending count), and a form for one service's defaults with choices from the live
//! catalog, live checking, a preview on a real pending transaction, save, revert, import, export.
//! A view over its own [`AdminState`] and what the desk gives it; returns [`AdminCommand`]s.

mod form;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::domain::{Catalog, Transaction};
use crate::i18n::Texts;
use crate::mappings::check::{Checker, Issue, Severity};
use crate::mappings::{AssignmentDefaults, DefaultAction, ServiceMapping, render_template};
use crate::ui::backend::Saved;
use crate::ui::request::Requested;

/// What the admin view holds.
#[derive(Default)]
pub struct AdminState {
    /// The service being edited.
    pub service: Option<String>,
    /// Its mapping as edited.
    pub editing: Option<ServiceMapping>,
    /// The last edit checked and what the check found.
    pub checked: Option<(ServiceMapping, Vec<Issue>)>,
    /// A pending transaction per service, for the preview.
    pub samples: HashMap<String, Requested<Option<Box<Transaction>>>>,
    /// The last save: the file and the mapping saved.
    pub saving: Requested<Saved>,
    /// The last import (`None`: cancelled).
    pub importing: Requested<Option<Box<ServiceMapping>>>,
    /// The last export: the file written (`None`: cancelled).
    pub exporting: Requested<Option<PathBuf>>,
    /// The outcome of the last save, import or export, in words.
    pub status: Option<Result<String, crate::ui::widgets::Failure>>,
    /// The mapping the edit began from, as the file held it (`None`: no file): a save is refused
    /// when the file no longer holds it.
    pub base: Option<ServiceMapping>,
    /// The last save was refused because the file changed on disk: the keys that differ and the
    /// file's mapping now.
    pub conflict: Option<(Vec<String>, Option<Box<ServiceMapping>>)>,
}

/// One e-service in the admin's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceRow {
    /// Service id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Transactions of it waiting in the outbox.
    pub pending: usize,
    /// Whether a mapping file names it.
    pub mapped: bool,
    /// Errors the check found in its mapping.
    pub problems: usize,
}

/// What the admin asked for this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum AdminCommand {
    /// Edit the mapping of service `.0` (named `.1`).
    Open(String, String),
    /// Save the edited mapping into the mappings folder.
    Save(ServiceMapping),
    /// Pick a mapping file to import.
    Import,
    /// Write the edited mapping to a file the admin picks.
    Export(ServiceMapping),
    /// The file changed on disk: edit what it holds now, dropping this edit.
    Reload,
    /// The file changed on disk: save this edit over it anyway.
    Overwrite(ServiceMapping),
}

/// What the admin view shows, and its own state.
pub struct AdminView<'a> {
    /// The desk's texts.
    pub texts: &'a Texts,
    /// The mappings folder, if the connection has one.
    pub folder: Option<&'a Path>,
    /// Whether these are the demo's practice mappings (saved only for the demo).
    pub practice: bool,
    /// The e-services, by name.
    pub services: Vec<ServiceRow>,
    /// TWeb's catalog, once here.
    pub catalog: Option<&'a Catalog>,
    /// The saved mapping of the service being edited.
    pub saved: Option<&'a ServiceMapping>,
    /// The view's own state.
    pub state: &'a mut AdminState,
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
        secret_address_document_type: None,
        submitter_is_party: true,
        assignment: None,
        deadline_days: None,
    }
}

/// The services to list: every mapping and every service with pending transactions, by name.
pub fn services(
    mappings: &[ServiceMapping],
    pending: impl IntoIterator<Item = (String, String, usize)>,
    problems: impl Fn(&str) -> usize,
) -> Vec<ServiceRow> {
    let mut list: Vec<ServiceRow> = mappings
        .iter()
        .map(|m| ServiceRow { id: m.service.clone(), name: m.name.clone(), pending: 0, mapped: true, problems: 0 })
        .collect();
    for (id, name, count) in pending {
        match list.iter_mut().find(|s| s.id == id) {
            Some(entry) => entry.pending = count,
            None => list.push(ServiceRow { id, name, pending: count, mapped: false, problems: 0 }),
        }
    }
    for row in &mut list {
        row.problems = if row.mapped { problems(&row.id) } else { 0 };
    }
    list.sort_by(|a, b| a.name.cmp(&b.name));
    list
}

/// Draws the admin view; returns what the admin asked for.
pub fn show(view: &mut AdminView<'_>, ui: &mut egui::Ui) -> Vec<AdminCommand> {
    let mut commands = Vec::new();
    let t = view.texts;
    ui.heading(t.get("admin-heading"));
    match view.folder {
        Some(dir) => ui.weak(t.with("admin-folder", &[("dir", (&dir.display().to_string()).into())])),
        None => ui.colored_label(ui.visuals().warn_fg_color, t.get("admin-no-folder")),
    };
    if view.practice {
        ui.colored_label(ui.visuals().warn_fg_color, t.get("admin-practice"));
    }
    egui::Panel::left("admin-services").resizable(true).default_size(300.0).show(ui, |ui| {
        ui.set_min_width(ui.available_width());
        egui::ScrollArea::vertical().show(ui, |ui| {
            for row in &view.services {
                let state = match (row.mapped, row.problems) {
                    (false, _) => t.with("admin-unmapped", &[("count", row.pending.into())]),
                    (true, 0) => t.with("admin-ok", &[("count", row.pending.into())]),
                    (true, n) => t.with("admin-errors", &[("count", n.into())]),
                };
                let color = match (row.mapped, row.problems) {
                    (false, _) => ui.visuals().warn_fg_color,
                    (true, 0) => ui.visuals().weak_text_color(),
                    _ => ui.visuals().error_fg_color,
                };
                let mut job = egui::text::LayoutJob::default();
                let body = egui::TextFormat { color: ui.visuals().strong_text_color(), ..Default::default() };
                job.append(&row.name, 0.0, body);
                job.append(&format!("\n{} · {state}", row.id), 0.0, egui::TextFormat { color, ..Default::default() });
                if ui.selectable_label(view.state.service.as_deref() == Some(row.id.as_str()), job).clicked() {
                    commands.push(AdminCommand::Open(row.id.clone(), row.name.clone()));
                }
            }
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        if view.state.editing.is_none() {
            ui.label(t.get("admin-pick"));
            return;
        }
        egui::ScrollArea::vertical().show(ui, |ui| form::show(view, ui, &mut commands));
    });
    commands
}

/// Checks the edited mapping when it changed since the last check; returns the issues.
fn check<'s>(state: &'s mut AdminState, catalog: &Catalog) -> &'s [Issue] {
    let Some(editing) = &state.editing else { return &[] };
    if state.checked.as_ref().is_none_or(|(m, _)| m != editing) {
        let issues = Checker { catalog, services: &[] }.check_mapping_value(editing).issues;
        state.checked = Some((editing.clone(), issues));
    }
    state.checked.as_ref().map_or(&[], |(_, i)| i.as_slice())
}

/// The title, subject and party a sample transaction would get, if one is pending.
fn preview(state: &AdminState) -> Option<(String, Option<String>, String)> {
    let mapping = state.editing.as_ref()?;
    let sample = state.samples.get(&mapping.service)?.value()?.as_ref()?;
    let title = render_template(&mapping.title, sample);
    let subject = mapping.assignment.as_ref().map(|a| render_template(&a.subject, sample));
    let party = if mapping.submitter_is_party { sample.submitter.name.clone() } else { "–".to_owned() };
    Some((title, subject, party))
}

/// Whether the edit has errors.
fn has_errors(issues: &[Issue]) -> bool {
    issues.iter().any(|i| i.severity == Severity::Error)
}

/// An empty assignment to start from.
fn blank_assignment() -> AssignmentDefaults {
    AssignmentDefaults {
        users: Vec::new(),
        groups: Vec::new(),
        subject: "{service}: {submitter}".to_owned(),
        message: None,
        due_in_days: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_list_mapped_and_unmapped_by_name_with_counts_and_problems() {
        let mappings = [blank("b", "Bravo"), blank("a", "Alfa")];
        let pending = [("a".to_owned(), "Alfa".to_owned(), 3), ("z".to_owned(), "Aaa".to_owned(), 1)];
        let rows = services(&mappings, pending, |id| usize::from(id == "b") * 2);
        let names: Vec<_> = rows.iter().map(|r| (r.id.as_str(), r.pending, r.mapped, r.problems)).collect();
        assert_eq!(names, [("z", 1, false, 0), ("a", 3, true, 0), ("b", 0, true, 2)]);
    }

    /// Draws the admin view over `state` and clicks `labels` in turn; returns the commands.
    fn click(state: &mut AdminState, saved: Option<&ServiceMapping>, labels: &[&str]) -> Vec<AdminCommand> {
        use egui_kittest::kittest::Queryable as _;
        let texts = Texts::new(crate::i18n::UiLanguage::Fi);
        let catalog = Catalog::default();
        let rows = services(&[blank("meluilmoitus", "Meluilmoitus")], [], |_| 1);
        let mut commands = Vec::new();
        let mut harness = egui_kittest::Harness::builder().with_size(egui::vec2(1200.0, 900.0)).build_ui(|ui| {
            let mut view = AdminView {
                texts: &texts,
                folder: Some(Path::new("/srv/kirjaamo/mappings")),
                practice: false,
                services: rows.clone(),
                catalog: Some(&catalog),
                saved,
                state: &mut *state,
            };
            commands.extend(show(&mut view, ui));
        });
        harness.run();
        for label in labels {
            harness.get_by_label_contains(label).click();
            harness.run();
        }
        drop(harness);
        commands
    }

    #[test]
    fn the_admin_view_asks_the_desk_to_open_export_and_import_and_reverts_by_itself() {
        let mut state = AdminState::default();
        assert_eq!(
            click(&mut state, None, &["Meluilmoitus"]),
            [AdminCommand::Open("meluilmoitus".into(), "Meluilmoitus".into())]
        );
        let saved = blank("meluilmoitus", "Meluilmoitus");
        let mut edited = saved.clone();
        edited.name = "Meluilmoitus (muokattu)".to_owned();
        state.service = Some("meluilmoitus".to_owned());
        state.editing = Some(edited.clone());
        state.status = Some(Ok("Viety tiedostoon: /tmp/meluilmoitus.toml".to_owned()));
        let commands = click(&mut state, Some(&saved), &["Vie tiedostoon", "Tuo tiedostosta"]);
        assert_eq!(commands, [AdminCommand::Export(edited), AdminCommand::Import]);
        click(&mut state, Some(&saved), &["Viety tiedostoon: /tmp/meluilmoitus.toml"]);
        let commands = click(&mut state, Some(&saved), &["Palauta"]);
        assert!(commands.is_empty(), "{commands:?}");
        assert_eq!(state.editing.as_ref(), Some(&saved), "revert is the view's own state");
    }
}
