//! The start screen: on the first run the choice between the demo and a real connection; later,
//! the connection being opened, or why it could not be.

use crate::i18n::{Texts, UiLanguage};

/// What the start screen shows besides the choices.
#[derive(Debug, Clone, PartialEq)]
pub enum StartState {
    /// The settings are being read.
    Loading,
    /// The first run: only the choice.
    Welcome,
    /// A connection is being opened.
    Opening(String),
    /// Opening a connection failed.
    Failed(String, crate::plain::Told),
}

/// What the user chose on the start screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartChoice {
    /// Nothing yet.
    None,
    /// "Try the demo".
    Demo,
    /// "Set up a connection…" (or the connection settings after a failure).
    Setup,
    /// Open the failed connection again.
    Retry,
}

/// Draws the start screen.
pub fn show(
    ui: &mut egui::Ui,
    t: &Texts,
    state: &StartState,
    settings_error: Option<&crate::plain::Told>,
    language: &mut UiLanguage,
) -> StartChoice {
    let mut choice = StartChoice::None;
    egui::Panel::top("start-top").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading("Kirjaamo");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                crate::ui::widgets::language_menu(ui, t, language);
            });
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.set_max_width(560.0);
            ui.add_space(ui.available_height() * 0.18);
            ui.heading(t.get("start-welcome"));
            ui.add_space(8.0);
            if let Some(error) = settings_error {
                crate::ui::widgets::told(ui, t, "start-settings-error", error);
                ui.add_space(8.0);
            }
            match state {
                StartState::Loading => {
                    ui.spinner();
                }
                StartState::Welcome => {
                    ui.label(t.get("start-intro"));
                }
                StartState::Opening(name) => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(t.with("start-opening", &[("name", name.into())]));
                    });
                }
                StartState::Failed(name, error) => {
                    ui.colored_label(ui.visuals().error_fg_color, t.with("start-failed", &[("name", name.into())]));
                    ui.label(t.say(&error.plain));
                    crate::ui::widgets::details(ui, t, error);
                    if ui.button(t.get("start-retry")).clicked() {
                        choice = StartChoice::Retry;
                    }
                }
            }
            ui.add_space(16.0);
            let size = egui::vec2(260.0, 36.0);
            if !matches!(state, StartState::Opening(_) | StartState::Loading) {
                let demo = ui.add(egui::Button::new(t.get("start-demo")).min_size(size));
                if demo.on_hover_text(t.get("start-demo-hint")).clicked() {
                    choice = StartChoice::Demo;
                }
                ui.add_space(8.0);
                if ui.add(egui::Button::new(t.get("start-setup")).min_size(size)).clicked() {
                    choice = StartChoice::Setup;
                }
            }
        });
    });
    choice
}
