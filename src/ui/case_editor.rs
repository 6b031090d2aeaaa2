//! The case choices of the filing panel: a new case's group and title, the search for an
//! existing case, and the document types.

use super::app::{DeskApp, Focus};
use super::draft::PickedCase;
use super::picker::{self, Choice};
use crate::domain::{Case, CaseStatus, PublicityClass, RecordsProperties};
use crate::i18n::Texts;

/// The publicity a case group or document type passes on, in words.
pub fn publicity(t: &Texts, records: &RecordsProperties) -> String {
    let class = match records.publicity {
        PublicityClass::Public => t.get("publicity-public"),
        PublicityClass::PartiallySecret => t.get("publicity-partially-secret"),
        PublicityClass::Secret => t.get("publicity-secret"),
    };
    match &records.secrecy_basis {
        Some(basis) => format!("{class} ({basis})"),
        None => class,
    }
}

fn status(t: &Texts, status: CaseStatus) -> String {
    t.get(match status {
        CaseStatus::Pending => "case-status-pending",
        CaseStatus::InProgress => "case-status-in-progress",
        CaseStatus::Decided => "case-status-decided",
        CaseStatus::Closed => "case-status-closed",
    })
}

/// A new case: the case group (searchable, with the publicity it passes on), the title and the
/// party.
pub fn new_case(app: &mut DeskApp, ui: &mut egui::Ui, id: &str) {
    let t = &app.texts;
    let groups = app.catalog.value().map(|c| c.case_groups.clone()).unwrap_or_default();
    let Some(draft) = app.drafts.get_mut(id) else { return };
    match groups.iter().find(|g| g.code == draft.case_group) {
        Some(group) => {
            ui.strong(format!("{} {}", group.code, group.name));
            ui.label(t.with("case-group-publicity", &[("publicity", (&publicity(t, &group.records)).into())]));
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
    let choices: Vec<Choice> = groups
        .iter()
        .filter(|g| g.active)
        .map(|g| Choice {
            code: g.code.clone(), text: format!("{} {} · {}", g.code, g.name, publicity(t, &g.records))
        })
        .collect();
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

/// An existing case: search as you type; the submitter's own cases first.
pub fn existing_case(app: &mut DeskApp, ui: &mut egui::Ui, id: &str) {
    let t = &app.texts;
    if let Some(case) = app.drafts.get(id).and_then(|d| d.case.clone()) {
        ui.strong(t.with("case-picked", &[("diary", (&case.diary_number).into()), ("title", (&case.title).into())]));
    }
    let changed = ui
        .horizontal(|ui| {
            let label = ui.label(t.get("case-search"));
            let edit = egui::TextEdit::singleline(&mut app.cases.query).hint_text(t.get("case-search-hint"));
            let response = ui.add(edit).labelled_by(label.id);
            if app.focus == Some(Focus::CaseSearch) {
                response.request_focus();
                app.focus = None;
            }
            response.changed()
        })
        .inner;
    if changed {
        app.search_cases();
    }
    let query = app.cases.query.trim().to_lowercase();
    let own: Vec<Case> = app
        .cases
        .submitter
        .get(id)
        .and_then(|s| s.value())
        .into_iter()
        .flatten()
        .filter(|c| query.is_empty() || format!("{} {}", c.diary_number, c.title).to_lowercase().contains(&query))
        .cloned()
        .collect();
    let found: Vec<Case> = app
        .cases
        .results
        .value()
        .into_iter()
        .flatten()
        .filter(|c| !own.iter().any(|o| o.id == c.id))
        .cloned()
        .collect();
    if let Some(error) = app.cases.results.error() {
        ui.colored_label(ui.visuals().error_fg_color, app.texts.with("case-search-error", &[("error", error.into())]));
    }
    let mut picked = None;
    egui::ScrollArea::vertical().id_salt("case-results").max_height(260.0).show(ui, |ui| {
        let t = &app.texts;
        let current = app.drafts.get(id).and_then(|d| d.case.as_ref()).map(|c| c.id);
        for (heading, cases) in [("case-own", &own), ("case-found", &found)] {
            if cases.is_empty() {
                continue;
            }
            ui.weak(t.get(heading));
            for case in cases {
                let text = format!(
                    "{} · {}\n{} · {} · {}",
                    case.diary_number,
                    case.title,
                    case.case_group,
                    status(t, case.status),
                    case.received_date.format("%-d.%-m.%Y")
                );
                if ui.selectable_label(current == Some(case.id), text).clicked() {
                    picked = Some(PickedCase {
                        id: case.id,
                        diary_number: case.diary_number.clone(),
                        title: case.title.clone(),
                    });
                }
            }
        }
        if app.cases.results.is_pending() {
            ui.spinner();
        } else if own.is_empty() && found.is_empty() {
            ui.weak(t.get("case-none-found"));
        }
    });
    if let (Some(case), Some(draft)) = (picked, app.drafts.get_mut(id)) {
        draft.case = Some(case);
    }
}

/// Document types of the form and of the attachments.
pub fn document_types(app: &mut DeskApp, ui: &mut egui::Ui, id: &str) {
    let t = &app.texts;
    let types = app.catalog.value().map(|c| c.document_types.clone()).unwrap_or_default();
    let Some(draft) = app.drafts.get_mut(id) else { return };
    let choices: Vec<Choice> = types
        .iter()
        .map(|d| Choice {
            code: d.code.clone(), text: format!("{} {} · {}", d.code, d.name, publicity(t, &d.records))
        })
        .collect();
    ui.separator();
    let fields = [
        ("doctype-form", "doctype-form-search", &mut draft.form_document_type),
        ("doctype-attachments", "doctype-attachments-search", &mut draft.attachment_document_type),
    ];
    for (key, search, value) in fields {
        let name =
            types.iter().find(|d| d.code == *value).map_or_else(|| value.clone(), |d| format!("{} {}", d.code, d.name));
        let shown = if name.is_empty() { "–".to_owned() } else { name };
        ui.label(t.with(key, &[("type", (&shown).into())]));
        if let Some(code) = picker::search(ui, key, &t.get(search), &t.get("doctype-hint"), &choices) {
            *value = code;
        }
    }
}
