//! The confirmation before bulk filing: how many, which e-service, the first submitters, any
//! secret case group and any citizen with a protection order, confirmed with Enter (or the button) and cancelled with Esc. Nothing is
//! filed before the clerk confirms, and only the rows listed here are.

use crate::i18n::Texts;

/// What the clerk is asked to confirm: taken when the confirmation opens, so what is filed is
/// exactly what was shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkConfirm {
    /// The transactions to file.
    pub ids: Vec<crate::domain::TransactionId>,
    /// Their e-service's name.
    pub service: String,
    /// The first submitters' names (at most [`BulkConfirm::NAMES`]).
    pub names: Vec<String>,
    /// Case groups of the filing that are not public, as "code name (publicity)".
    pub secret: Vec<String>,
    /// How many of them are citizens with a protection order (turvakielto).
    pub protected: usize,
}

impl BulkConfirm {
    /// How many submitters' names are listed.
    pub const NAMES: usize = 3;
}

/// The clerk's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmCommand {
    /// File them.
    Confirm,
    /// Do not.
    Cancel,
}

/// Draws the confirmation as a modal over the desk; returns the clerk's answer, if given.
pub fn show(t: &Texts, confirm: &BulkConfirm, ctx: &egui::Context) -> Option<ConfirmCommand> {
    let mut answer = None;
    // Only the buttons and Enter/Esc answer it: a click beside it is no answer (the click on the
    // bulk bar's button that opened it would otherwise close it at once).
    egui::Modal::new(egui::Id::unique("bulk-confirm")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(t.with("bulk-confirm-heading", &[("count", confirm.ids.len().into())]));
        ui.label(t.with("bulk-confirm-service", &[("service", (&confirm.service).into())]));
        let more = confirm.ids.len().saturating_sub(confirm.names.len());
        let names = confirm.names.join(", ");
        ui.label(t.with("bulk-confirm-names", &[("names", (&names).into()), ("more", more.into())]));
        for group in &confirm.secret {
            ui.colored_label(ui.visuals().warn_fg_color, t.with("bulk-confirm-secret", &[("group", group.into())]));
        }
        if confirm.protected > 0 {
            let words = t.with("bulk-confirm-protected", &[("count", confirm.protected.into())]);
            ui.colored_label(ui.visuals().warn_fg_color, words);
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button(t.get("bulk-confirm-yes")).clicked() {
                answer = Some(ConfirmCommand::Confirm);
            }
            if ui.button(t.get("bulk-confirm-no")).clicked() {
                answer = Some(ConfirmCommand::Cancel);
            }
        });
    });
    answer
}
