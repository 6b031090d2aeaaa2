//! The case choices of the filing panel: a new case's group and title, the search for an
//! existing case, and the document types. Each edits the draft it is given.

use std::collections::HashMap;

use super::draft::{Draft, PickedCase};
use crate::domain::{Case, CaseStatus, Catalog};
use crate::i18n::Texts;
use crate::ui::request::Requested;
use crate::ui::widgets::{self, picker};

/// The case search of the existing-case filing.
#[derive(Default)]
pub struct CaseSearch {
    /// Text typed.
    pub query: String,
    /// Results of the last search (a newer search drops an older one's answer).
    pub results: Requested<Vec<Case>>,
    /// Cases of each transaction's submitter, by transaction id.
    pub submitter: HashMap<crate::domain::TransactionId, Requested<Vec<Case>>>,
    /// Cases each transaction's form names (a diary number, an earlier submission), by
    /// transaction id.
    pub named: HashMap<crate::domain::TransactionId, Requested<Vec<crate::ui::backend::NamedCase>>>,
    /// Whether one of the results has the keyboard (as the last frame drew them): then ↑/↓ move
    /// between the results and Enter picks, and the desk's own keys wait.
    pub result_focused: bool,
}

/// What the clerk did in the case search this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchCommand {
    /// The text changed: search again.
    Search,
    /// The field took the focus it was given.
    Focused,
}

/// The existing-case search as the panel shows it.
pub struct CaseSearchView<'a> {
    /// The desk's texts.
    pub texts: &'a Texts,
    /// The transaction being filed.
    pub transaction: &'a str,
    /// The search: the text typed is edited here.
    pub cases: &'a mut CaseSearch,
    /// Whether the search field takes the keyboard focus this frame.
    pub focus: bool,
}

fn status(t: &Texts, status: CaseStatus) -> String {
    t.get(match status {
        CaseStatus::Pending => "case-status-pending",
        CaseStatus::InProgress => "case-status-in-progress",
        CaseStatus::Decided => "case-status-decided",
        CaseStatus::Closed => "case-status-closed",
        CaseStatus::Withdrawn => "case-status-withdrawn",
    })
}

/// A new case: the case group (searchable, with the publicity it passes on), the title and the
/// party.
pub fn new_case(t: &Texts, catalog: &Catalog, draft: &mut Draft, ui: &mut egui::Ui) {
    match catalog.case_groups.iter().find(|g| g.code == draft.case_group) {
        Some(group) => {
            ui.strong(format!("{} {}", group.code, group.name));
            let publicity = widgets::publicity(t, &group.records);
            ui.label(t.with("case-group-publicity", &[("publicity", (&publicity).into())]));
        }
        None if draft.case_group.is_empty() => {
            ui.colored_label(ui.visuals().warn_fg_color, t.get("case-group-none"));
        }
        None => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                t.with("case-group-unknown", &[("code", (&draft.case_group).into())]),
            );
        }
    }
    let choices = widgets::case_group_choices(t, catalog);
    if let Some(code) =
        picker::search(ui, "case-group", &t.get("case-group-label"), &t.get("case-group-hint"), &choices)
    {
        draft.case_group = code;
    }
    ui.horizontal(|ui| {
        let label = ui.label(t.get("case-title"));
        ui.add(egui::TextEdit::singleline(&mut draft.title).desired_width(f32::INFINITY)).labelled_by(label.id);
    });
    ui.checkbox(&mut draft.submitter_party, t.get("case-submitter-party"));
}

fn matches(case: &Case, query: &str) -> bool {
    query.is_empty() || format!("{} {}", case.diary_number, case.title).to_lowercase().contains(query)
}

/// An existing case: search as you type; the submitter's own cases first. The case picked goes
/// into the draft.
pub fn existing_case(view: CaseSearchView<'_>, draft: &mut Draft, ui: &mut egui::Ui) -> Vec<SearchCommand> {
    let mut commands = Vec::new();
    let t = view.texts;
    if let Some(case) = &draft.case {
        ui.strong(t.with("case-picked", &[("diary", (&case.diary_number).into()), ("title", (&case.title).into())]));
    }
    let cases = view.cases;
    let field = ui
        .horizontal(|ui| {
            let label = ui.label(t.get("case-search"));
            let edit = egui::TextEdit::singleline(&mut cases.query).hint_text(t.get("case-search-hint"));
            let response = ui.add(edit).labelled_by(label.id);
            if view.focus {
                // Ctrl+F after a filing: the field may be below the receipt, out of sight.
                response.request_focus();
                response.scroll_to_me(Some(egui::Align::Center));
                commands.push(SearchCommand::Focused);
            }
            if response.changed() {
                commands.push(SearchCommand::Search);
            }
            response
        })
        .inner;
    // ↓ in the field goes to the first result.
    let into_results =
        field.has_focus() && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown));
    let query = cases.query.trim().to_lowercase();
    // A withdrawn case takes no documents.
    let open = |c: &&Case| c.status != CaseStatus::Withdrawn;
    let named: Vec<&crate::ui::backend::NamedCase> = cases
        .named
        .get(view.transaction)
        .and_then(Requested::value)
        .into_iter()
        .flatten()
        .filter(|n| matches(&n.case, &query))
        .collect();
    let own: Vec<&Case> = cases
        .submitter
        .get(view.transaction)
        .and_then(Requested::value)
        .into_iter()
        .flatten()
        .filter(open)
        .filter(|c| matches(c, &query) && !named.iter().any(|n| n.case.id == c.id))
        .collect();
    let found: Vec<&Case> = cases
        .results
        .value()
        .into_iter()
        .flatten()
        .filter(open)
        .filter(|c| !own.iter().any(|o| o.id == c.id) && !named.iter().any(|n| n.case.id == c.id))
        .collect();
    if let Some(error) = cases.results.error() {
        crate::ui::widgets::told(ui, t, "case-search-error", error);
    }
    let current = draft.case.as_ref().map(|c| c.id);
    let mut picked = None;
    let mut rows: Vec<egui::Response> = Vec::new();
    let results_height = (ui.ctx().content_rect().height() * 0.25).clamp(120.0, 260.0);
    egui::ScrollArea::vertical().id_salt("case-results").max_height(results_height).show(ui, |ui| {
        // The cases the form names come first, each with the field that named it.
        if !named.is_empty() {
            ui.weak(t.get("case-named"));
        }
        for n in &named {
            let case = &n.case;
            let text = format!(
                "{} · {}\n{}",
                case.diary_number,
                case.title,
                t.with("case-named-field", &[("field", (&n.reference.field).into())])
            );
            let row = ui.selectable_label(current == Some(case.id), text);
            if row.clicked() {
                picked = Some(PickedCase {
                    id: case.id,
                    diary_number: case.diary_number.clone(),
                    title: case.title.clone(),
                });
            }
            rows.push(row);
        }
        for (heading, list) in [("case-own", &own), ("case-found", &found)] {
            if list.is_empty() {
                continue;
            }
            ui.weak(t.get(heading));
            for case in list {
                let text = format!(
                    "{} · {}\n{} · {} · {}",
                    case.diary_number,
                    case.title,
                    case.case_group,
                    status(t, case.status),
                    case.received_date.format("%-d.%-m.%Y")
                );
                let row = ui.selectable_label(current == Some(case.id), text);
                if row.clicked() {
                    picked = Some(PickedCase {
                        id: case.id,
                        diary_number: case.diary_number.clone(),
                        title: case.title.clone(),
                    });
                }
                rows.push(row);
            }
        }
        if cases.results.is_pending() {
            ui.spinner();
        } else if own.is_empty() && found.is_empty() && named.is_empty() {
            ui.weak(t.get("case-none-found"));
        }
    });
    move_between(ui, &field, &rows, into_results);
    cases.result_focused = rows.iter().any(egui::Response::has_focus);
    if picked.is_some() {
        draft.case = picked;
        // Picked by Enter: the next Enter files, it does not pick again.
        if let Some(row) = rows.iter().find(|r| r.has_focus()) {
            row.surrender_focus();
            cases.result_focused = false;
        }
    }
    commands
}

/// ↓ from the search field to the first result, ↑/↓ between the results, ↑ from the first back
/// to the field; each row scrolled into sight.
fn move_between(ui: &egui::Ui, field: &egui::Response, rows: &[egui::Response], into_results: bool) {
    let target = if into_results {
        rows.first()
    } else {
        let Some(at) = rows.iter().position(egui::Response::has_focus) else { return };
        let (down, up) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            )
        });
        match (down, up, at.checked_sub(1)) {
            (true, _, _) => rows.get(at + 1),
            (_, true, Some(previous)) => rows.get(previous),
            (_, true, None) => Some(field),
            _ => None,
        }
    };
    if let Some(target) = target {
        target.request_focus();
        target.scroll_to_me(None);
    }
}

/// Document types of the form and of the attachments.
pub fn document_types(t: &Texts, catalog: &Catalog, draft: &mut Draft, ui: &mut egui::Ui) {
    let choices = widgets::document_type_choices(t, catalog);
    ui.separator();
    let fields = [
        ("doctype-form", "doctype-form-search", &mut draft.form_document_type),
        ("doctype-attachments", "doctype-attachments-search", &mut draft.attachment_document_type),
    ];
    for (key, search, value) in fields {
        let name = catalog
            .document_types
            .iter()
            .find(|d| d.code == *value)
            .map_or_else(|| value.clone(), |d| format!("{} {}", d.code, d.name));
        let shown = if name.is_empty() { "–".to_owned() } else { name };
        ui.label(t.with(key, &[("type", (&shown).into())]));
        if let Some(code) = picker::search(ui, key, &t.get(search), &t.get("doctype-hint"), &choices) {
            *value = code;
        }
    }
}
