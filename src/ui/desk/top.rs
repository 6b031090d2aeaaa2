//! The top bar: connection, views, refresh and language. A view over [`TopBar`] that returns
//! [`TopCommand`]s; the desk applies them.

use crate::i18n::{Texts, UiLanguage};
use crate::ui::widgets::language_menu;

/// The desk's views the top bar switches between.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    /// The selected transaction.
    #[default]
    Desk,
    /// Failed filings and the history.
    Failed,
    /// The office's filings of the day.
    Day,
    /// The admin's per-service defaults.
    Admin,
}

/// What the top bar shows.
pub struct TopBar<'a> {
    /// The UI texts.
    pub texts: &'a Texts,
    /// The connection's name (the demo's in the UI's language).
    pub connection: String,
    /// Transactions not filed yet.
    pub pending: usize,
    /// Filings that failed or were interrupted.
    pub failed: usize,
    /// The view shown.
    pub view: View,
    /// The UI language.
    pub language: UiLanguage,
    /// Whether the inbox is being fetched.
    pub refreshing: bool,
    /// Transactions past their handling deadline.
    pub overdue: usize,
    /// The connection's virus scanning.
    pub scanner: crate::scan::ScannerStatus,
}

/// What the clerk asked of the top bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopCommand {
    /// Show this view.
    View(View),
    /// Switch the UI language.
    Language(UiLanguage),
    /// Ask the servers again.
    Refresh,
    /// Open the connections dialog.
    Connections,
    /// Show the overdue and soon-due rows.
    Urgent,
}

/// Below this width the top bar leaves the connection's name to the hover.
const NARROW: f32 = 1200.0;

/// Draws the top bar.
pub fn show(bar: &TopBar<'_>, ui: &mut egui::Ui) -> Vec<TopCommand> {
    let t = bar.texts;
    let mut commands = Vec::new();
    let (mut view, mut language) = (bar.view, bar.language);
    let narrow = ui.available_width() < NARROW;
    ui.horizontal(|ui| {
        let connection = t.with("top-connection", &[("name", (&bar.connection).into())]);
        // A narrow window keeps the buttons whole: the connection's name, and the scanner when it
        // scans, move to the hover.
        if narrow {
            let hover = match &bar.scanner {
                crate::scan::ScannerStatus::On(scanner) => format!("{connection}\n{}: {scanner}", t.get("top-scan-on")),
                _ => connection,
            };
            ui.heading("Kirjaamo").on_hover_text(hover);
        } else {
            ui.heading("Kirjaamo");
            ui.label(connection);
        }
        ui.separator();
        ui.selectable_value(&mut view, View::Desk, t.with("top-inbox", &[("count", bar.pending.into())]));
        ui.selectable_value(&mut view, View::Day, t.get("top-day"));
        ui.selectable_value(&mut view, View::Failed, t.with("top-failed", &[("count", bar.failed.into())]));
        ui.selectable_value(&mut view, View::Admin, t.get("top-admin"));
        if bar.overdue > 0 {
            let text = egui::RichText::new(t.with("top-overdue", &[("count", bar.overdue.into())]))
                .color(crate::ui::widgets::tokens::on_fill())
                .background_color(crate::ui::widgets::tokens::fill(
                    crate::ui::widgets::tokens::Tone::Danger,
                    ui.visuals().dark_mode,
                ));
            if ui.button(text).on_hover_text(t.get("top-overdue-hint")).clicked() {
                commands.push(TopCommand::Urgent);
            }
        }
        ui.separator();
        if ui.button(t.get("top-refresh")).on_hover_text(t.get("top-refresh-hint")).clicked() {
            commands.push(TopCommand::Refresh);
        }
        if bar.refreshing {
            ui.spinner();
        }
        if !narrow {
            scanning(ui, t, &bar.scanner);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            language_menu(ui, t, &mut language);
            ui.separator();
            let hint = t.get("top-connections-hint");
            if ui.button(t.get("top-connections")).on_hover_text(hint).clicked() {
                commands.push(TopCommand::Connections);
            }
        });
    });
    // A narrow window has no room beside the buttons: scanning that is off or missing is said on
    // a line of its own, scanning that is on only when asked (the hover of the heading).
    if narrow && !matches!(bar.scanner, crate::scan::ScannerStatus::On(_)) {
        ui.horizontal(|ui| scanning(ui, t, &bar.scanner));
    }
    if view != bar.view {
        commands.push(TopCommand::View(view));
    }
    if language != bar.language {
        commands.push(TopCommand::Language(language));
    }
    commands
}

/// The scanning every attachment passes, said where the clerk always sees it: off (chosen), or
/// missing (nothing with attachments opens or files) in colour; the scanner itself on hover.
fn scanning(ui: &mut egui::Ui, t: &Texts, status: &crate::scan::ScannerStatus) {
    use crate::scan::ScannerStatus;
    use crate::ui::widgets::tokens::{Tone, text};
    match status {
        ScannerStatus::Off => {
            ui.colored_label(text(Tone::Warning, ui.visuals()), t.get("top-scan-off"))
                .on_hover_text(t.get("top-scan-off-hint"));
        }
        ScannerStatus::NotConfigured => {
            ui.colored_label(text(Tone::Danger, ui.visuals()), t.get("top-scan-missing"))
                .on_hover_text(t.get("scan-not-configured"));
        }
        ScannerStatus::On(scanner) => {
            ui.weak(t.get("top-scan-on")).on_hover_text(scanner);
        }
    }
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable as _;

    use super::*;

    #[test]
    fn the_top_bar_returns_what_the_clerk_clicked_and_changes_nothing_itself() {
        let texts = Texts::new(UiLanguage::Fi);
        let mut commands = Vec::new();
        // The narrowest window the desk is made for.
        let mut harness = egui_kittest::Harness::builder().with_size(egui::vec2(1024.0, 60.0)).build_ui(|ui| {
            let bar = TopBar {
                texts: &texts,
                connection: "Testi".to_owned(),
                overdue: 0,
                pending: 7,
                failed: 2,
                view: View::Desk,
                language: UiLanguage::Fi,
                refreshing: false,
                scanner: crate::scan::ScannerStatus::Off,
            };
            commands.extend(show(&bar, ui));
        });
        harness.get_by_label_contains("Epäonnistuneet (2)").click();
        harness.run();
        harness.get_by_label("Päivitä").click();
        harness.run();
        drop(harness);
        assert!(commands.contains(&TopCommand::View(View::Failed)), "{commands:?}");
        assert!(commands.contains(&TopCommand::Refresh), "{commands:?}");
        assert!(!commands.contains(&TopCommand::Connections), "{commands:?}");
    }
}
