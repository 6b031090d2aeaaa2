//! The assignment of a filing: recipients (users and groups, searchable, several), subject,
//! message and due date.

use super::app::DeskApp;
use super::picker::{self, Choice};

/// Draws the assignment editor of transaction `id`'s draft.
pub fn show(app: &mut DeskApp, ui: &mut egui::Ui, id: &str) {
    let t = &app.texts;
    let (users, groups) = app.catalog.value().map(|c| (c.users.clone(), c.groups.clone())).unwrap_or_default();
    let Some(draft) = app.drafts.get_mut(id) else { return };
    ui.separator();
    if draft.action == super::draft::Action::AssignmentOnly {
        ui.strong(t.get("assign-heading"));
    } else {
        ui.checkbox(&mut draft.assign, t.get("assign-optional"));
        if !draft.assign {
            return;
        }
    }
    let name_of = |code: &str| {
        users
            .iter()
            .find(|u| u.id == code)
            .map(|u| u.name.clone())
            .or_else(|| {
                groups.iter().find(|g| g.id == code).map(|g| t.with("assign-group", &[("name", (&g.name).into())]))
            })
            .unwrap_or_else(|| code.to_owned())
    };
    let mut remove = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(t.get("assign-recipients"));
        for (is_user, code) in draft.users.iter().map(|u| (true, u)).chain(draft.groups.iter().map(|g| (false, g))) {
            let button = egui::Button::new(format!("{} ×", name_of(code)));
            if ui.add(button).on_hover_text(t.with("assign-remove", &[("name", (&name_of(code)).into())])).clicked() {
                remove = Some((is_user, code.clone()));
            }
        }
    });
    if let Some((is_user, code)) = remove {
        let list = if is_user { &mut draft.users } else { &mut draft.groups };
        list.retain(|c| *c != code);
    }
    let choices: Vec<Choice> = users
        .iter()
        .map(|u| Choice { code: format!("user:{}", u.id), text: format!("{} · {}", u.name, u.title) })
        .chain(groups.iter().map(|g| Choice {
            code: format!("group:{}", g.id),
            text: t.with("assign-group", &[("name", (&g.name).into())]),
        }))
        .collect();
    if let Some(code) = picker::search(ui, "assign-add", &t.get("assign-add"), &t.get("assign-add-hint"), &choices) {
        match code.split_once(':') {
            Some(("user", user)) if !draft.users.iter().any(|u| u == user) => draft.users.push(user.to_owned()),
            Some(("group", group)) if !draft.groups.iter().any(|g| g == group) => draft.groups.push(group.to_owned()),
            _ => {}
        }
    }
    egui::Grid::new("assign-grid").num_columns(2).show(ui, |ui| {
        let label = ui.label(t.get("assign-subject"));
        ui.add(egui::TextEdit::singleline(&mut draft.subject).desired_width(220.0)).labelled_by(label.id);
        ui.end_row();
        let label = ui.label(t.get("assign-message"));
        ui.add(egui::TextEdit::multiline(&mut draft.message).desired_rows(3).desired_width(220.0))
            .labelled_by(label.id);
        ui.end_row();
        let label = ui.label(t.get("assign-due"));
        ui.add(egui::TextEdit::singleline(&mut draft.due).hint_text(t.get("assign-due-hint")).desired_width(120.0))
            .labelled_by(label.id);
        ui.end_row();
    });
}
