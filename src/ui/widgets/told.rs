//! An error as a person sees it: plain words in their language, in the error colour, with the
//! technical chain folded away under "Näytä tiedot" (selectable, for a support request).

use crate::i18n::Texts;
use crate::plain::Told;

/// Shows `told` inside the message `headline` (whose `$error` takes the plain words), with the
/// details folded under it.
pub fn told(ui: &mut egui::Ui, t: &Texts, headline: &str, told: &Told) {
    ui.colored_label(ui.visuals().error_fg_color, t.told(headline, told));
    details(ui, t, told);
}

/// Only the folded details of `told` (for a message shown elsewhere, e.g. in a badge's hover).
pub fn details(ui: &mut egui::Ui, t: &Texts, told: &Told) {
    if told.detail.is_empty() {
        return;
    }
    let shown = egui::CollapsingHeader::new(t.get("details-show"))
        .id_salt(("details", &told.detail))
        .default_open(false)
        .show(ui, |ui| {
            ui.add(egui::Label::new(egui::RichText::new(&told.detail).monospace().small()).selectable(true))
        });
    // Opened: scrolled into sight while it unfolds, so a small window does not hide what was
    // asked for (in a scroll area; elsewhere nothing moves).
    let unfolding = shown.header_response.id.with("unfolding");
    if shown.header_response.clicked() && !shown.fully_open() {
        ui.data_mut(|d| d.insert_temp(unfolding, true));
    }
    if ui.data(|d| d.get_temp::<bool>(unfolding)).unwrap_or(false) {
        if let Some(body) = &shown.body_response {
            body.scroll_to_me(Some(egui::Align::Max));
        }
        if shown.fully_open() {
            ui.data_mut(|d| d.remove::<bool>(unfolding));
        }
    }
}

/// A failure a view reports: the message it is told in and what went wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The message id whose `$error` takes the plain words, e.g. `admin-save-error`.
    pub headline: &'static str,
    /// What went wrong.
    pub told: Told,
}

impl Failure {
    /// `told` under `headline`.
    pub fn new(headline: &'static str, told: Told) -> Self {
        Self { headline, told }
    }

    /// Shows it.
    pub fn show(&self, ui: &mut egui::Ui, t: &Texts) {
        told(ui, t, self.headline, &self.told);
    }
}
