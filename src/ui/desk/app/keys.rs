//! Keyboard triage: the key table ([`crate::ui::desk::keymap`]) turns this frame's key events
//! into commands for the mode the desk is in (the overlay open, the bulk confirmation open, a
//! text field typing, or the desk), and [`DeskApp::on_key`] applies each with the others at the
//! end of the frame.

use super::command::Command;
use super::{DeskApp, Focus, View};
use crate::ui::desk::draft::Action;
use crate::ui::desk::keymap::{self, KeyCommand, Mode};

impl DeskApp {
    /// Queues the commands of this frame's keys. Ctrl+F is taken from the input, so the text
    /// field with the focus does not see it too.
    pub(super) fn keyboard(&mut self, ui: &egui::Ui) {
        let mode = if self.keys_help {
            Mode::Help
        } else if self.bulk_confirm.is_some() {
            Mode::Bulk
        } else if ui.ctx().egui_wants_keyboard_input() || self.cases.result_focused {
            // A text field, or a case search result (↑/↓ and Enter are the list's there).
            Mode::Typing
        } else {
            Mode::Desk
        };
        let commands = ui.input(|i| keymap::commands(&i.events, mode));
        if commands.contains(&KeyCommand::CaseSearch) {
            ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F));
        }
        self.queue(commands.into_iter().map(Command::Key));
    }

    /// Applies one key's command.
    pub(super) fn on_key(&mut self, ctx: &egui::Context, command: KeyCommand) {
        match command {
            KeyCommand::Next => self.move_selection(true),
            KeyCommand::Previous => self.move_selection(false),
            KeyCommand::Action(action) => self.choose_action(action),
            KeyCommand::File => self.file_selected(),
            // Bulk filing never falls back to the highlighted row.
            KeyCommand::FileTicked => self.ask_bulk(),
            KeyCommand::Tick => {
                if let Some(id) = self.selected.clone() {
                    self.toggle_checked(id);
                }
            }
            KeyCommand::Filter => self.focus = Some(Focus::Filter),
            KeyCommand::CaseSearch => {
                if self.selected.is_some() {
                    self.view = View::Desk;
                    self.choose_action(Action::ExistingCase);
                    self.focus = Some(Focus::CaseSearch);
                }
            }
            KeyCommand::Cancel => self.cancel_selected(),
            KeyCommand::StopTyping => ctx.memory_mut(egui::Memory::stop_text_input),
            KeyCommand::OpenHelp => self.keys_help = true,
            KeyCommand::CloseHelp => self.keys_help = false,
            KeyCommand::ConfirmBulk => self.confirm_bulk(),
            KeyCommand::CancelBulk => self.bulk_confirm = None,
        }
    }

    fn move_selection(&mut self, down: bool) {
        self.model.visible();
        let (visible, rows) = (self.model.visible_cached(), self.model.rows());
        let at = self.selected.as_ref().and_then(|s| visible.iter().position(|&i| &rows[i].id == s));
        let next = match (at, down) {
            (None, _) => 0,
            (Some(i), true) => (i + 1).min(visible.len().saturating_sub(1)),
            (Some(i), false) => i.saturating_sub(1),
        };
        if let Some(id) = visible.get(next).map(|&i| rows[i].id.clone()) {
            self.select(&id);
        }
        self.scroll_to_selected = true;
    }
}
