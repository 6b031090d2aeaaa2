//! A searchable choice from a long list (case groups, document types, users and groups): a search
//! field and the matches under it, first matches first.

/// One choice: its code and the text shown for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Stored value, e.g. `02.05.01`.
    pub code: String,
    /// Shown text, e.g. `02.05.01 Tuet ja avustukset`.
    pub text: String,
}

/// Matches of `query` among `choices`: codes starting with it first, then texts containing every
/// word of it; at most `limit`.
pub fn matches<'a>(choices: &'a [Choice], query: &str, limit: usize) -> Vec<&'a Choice> {
    let query = query.trim().to_lowercase();
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut found: Vec<(bool, &Choice)> = choices
        .iter()
        .filter_map(|c| {
            let text = c.text.to_lowercase();
            let starts = c.code.to_lowercase().starts_with(&query);
            (starts || words.iter().all(|w| text.contains(w))).then_some((!starts, c))
        })
        .collect();
    found.sort_by_key(|(later, _)| *later);
    found.into_iter().take(limit).map(|(_, c)| c).collect()
}

/// Draws a search field labelled `label` with the matching choices below it while something is
/// typed; returns the picked choice's code.
pub fn search(ui: &mut egui::Ui, id: &str, label: &str, hint: &str, choices: &[Choice]) -> Option<String> {
    let id = ui.make_persistent_id(id);
    let mut query: String = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or_default();
    let mut picked = None;
    ui.horizontal(|ui| {
        let label = ui.label(label);
        let edit = egui::TextEdit::singleline(&mut query).hint_text(hint).desired_width(f32::INFINITY);
        ui.add(edit).labelled_by(label.id);
    });
    if !query.trim().is_empty() {
        let found = matches(choices, &query, 8);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            if found.is_empty() {
                ui.weak("–");
            }
            for choice in found {
                if ui.selectable_label(false, &choice.text).clicked() {
                    picked = Some(choice.code.clone());
                }
            }
        });
    }
    if picked.is_some() {
        query.clear();
    }
    ui.data_mut(|d| d.insert_temp(id, query));
    picked
}

#[cfg(test)]
mod tests {
    use super::{Choice, matches};

    fn choice(code: &str, text: &str) -> Choice {
        Choice { code: code.to_owned(), text: format!("{code} {text}") }
    }

    #[test]
    fn codes_that_start_with_the_query_come_first_then_words_anywhere() {
        let all =
            [choice("02.05.01", "Tuet ja avustukset"), choice("05.01.02", "Avustukset 02"), choice("02.05.10", "Muut")];
        let codes = |q| matches(&all, q, 10).iter().map(|c| c.code.as_str()).collect::<Vec<_>>();
        assert_eq!(codes("02.05"), ["02.05.01", "02.05.10"]);
        assert_eq!(codes("avustukset"), ["02.05.01", "05.01.02"]);
        assert_eq!(codes("ja TUET"), ["02.05.01"]);
        assert_eq!(codes("xyz"), Vec::<&str>::new());
    }
}
