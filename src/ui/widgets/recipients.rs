//! The recipients of an assignment: users and groups as removable chips, and a search that adds
//! more from TWeb's catalog.

use super::picker::{self, Choice};
use crate::domain::Catalog;
use crate::i18n::Texts;

/// The recipients of an assignment as removable chips, and a search to add users and groups from
/// the catalog; shared by the filing panel and the admin view. `id` keeps the search apart.
pub fn recipients(
    ui: &mut egui::Ui,
    t: &Texts,
    catalog: &Catalog,
    id: &str,
    users: &mut Vec<String>,
    groups: &mut Vec<String>,
) {
    let user_name =
        |code: &str| catalog.users.iter().find(|u| u.id == code).map_or_else(|| code.to_owned(), |u| u.name.clone());
    let group_name = |code: &str| {
        let name = catalog.groups.iter().find(|g| g.id == code).map_or(code, |g| g.name.as_str());
        t.with("assign-group", &[("name", name.into())])
    };
    let mut remove = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(t.get("assign-recipients"));
        let chips =
            users.iter().map(|u| (true, u, user_name(u))).chain(groups.iter().map(|g| (false, g, group_name(g))));
        for (is_user, code, name) in chips {
            let hint = t.with("assign-remove", &[("name", (&name).into())]);
            if ui.add(egui::Button::new(format!("{name} ×"))).on_hover_text(hint).clicked() {
                remove = Some((is_user, code.clone()));
            }
        }
    });
    if let Some((is_user, code)) = remove {
        let list = if is_user { &mut *users } else { &mut *groups };
        list.retain(|c| *c != code);
    }
    let choices: Vec<Choice> = catalog
        .users
        .iter()
        .map(|u| Choice { code: format!("user:{}", u.id), text: format!("{} · {}", u.name, u.title) })
        .chain(catalog.groups.iter().map(|g| Choice { code: format!("group:{}", g.id), text: group_name(&g.id) }))
        .collect();
    if let Some(code) = picker::search(ui, id, &t.get("assign-add"), &t.get("assign-add-hint"), &choices) {
        match code.split_once(':') {
            Some(("user", user)) if !users.iter().any(|u| u == user) => users.push(user.to_owned()),
            Some(("group", group)) if !groups.iter().any(|g| g == group) => groups.push(group.to_owned()),
            _ => {}
        }
    }
}
