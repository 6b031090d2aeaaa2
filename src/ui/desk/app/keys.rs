//! Keyboard triage: ↑/↓ or j/k move, 1/2/3 choose the action, Enter files, Space ticks for bulk
//! filing and Shift+Enter asks to file the ticked, `/` the filter, Ctrl+F the case search, Esc
//! cancels, `?` or F1 lists the keys. While the bulk confirmation is open, Enter confirms it and
//! Esc cancels it, and no other key acts.

use egui::{Event, Key, KeyboardShortcut, Modifiers};

use super::{DeskApp, Focus, View};
use crate::ui::desk::draft::Action;

const CASE_SEARCH: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// The modifiers held when Enter went down this frame (not a repeat), if it did. They are read
/// from the key event itself: in a fast chord (`xdotool key --delay 0 shift+Return`) Shift is up
/// again before the frame ends, so the frame's modifier state says no Shift.
fn enter(input: &egui::InputState) -> Option<Modifiers> {
    input.events.iter().find_map(|event| match event {
        Event::Key { key: Key::Enter, pressed: true, repeat: false, modifiers, .. } => Some(*modifiers),
        _ => None,
    })
}

impl DeskApp {
    pub(super) fn keyboard(&mut self, ui: &egui::Ui) {
        // `?` (a typed character on any layout) or F1 opens the list of keys; while it is open,
        // Esc, `?` or F1 close it and no other key acts.
        let help = ui.input(|i| {
            i.key_pressed(Key::F1) || i.events.iter().any(|e| matches!(e, Event::Text(text) if text == "?"))
        });
        if self.keys_help {
            if help || ui.input(|i| i.key_pressed(Key::Escape)) {
                self.keys_help = false;
            }
            return;
        }
        if help && !ui.ctx().egui_wants_keyboard_input() && self.bulk_confirm.is_none() {
            self.keys_help = true;
            return;
        }
        if self.bulk_confirm.is_some() {
            let (enter, escape) = ui.input(|i| (enter(i).is_some(), i.key_pressed(Key::Escape)));
            if enter {
                self.confirm_bulk();
            } else if escape {
                self.bulk_confirm = None;
            }
            return;
        }
        if ui.input_mut(|i| i.consume_shortcut(&CASE_SEARCH)) && self.selected.is_some() {
            self.view = View::Desk;
            self.choose_action(Action::ExistingCase);
            self.focus = Some(Focus::CaseSearch);
            return;
        }
        if ui.ctx().egui_wants_keyboard_input() {
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                ui.ctx().memory_mut(egui::Memory::stop_text_input);
            }
            return;
        }
        let pressed = |key| ui.input(|i| i.key_pressed(key));
        let (down, up) = (pressed(Key::ArrowDown) || pressed(Key::J), pressed(Key::ArrowUp) || pressed(Key::K));
        if down || up {
            self.move_selection(down);
        }
        for (key, action) in
            [(Key::Num1, Action::NewCase), (Key::Num2, Action::ExistingCase), (Key::Num3, Action::AssignmentOnly)]
        {
            if pressed(key) {
                self.choose_action(action);
            }
        }
        match ui.input(enter) {
            // Bulk filing never falls back to the highlighted row.
            Some(modifiers) if modifiers.shift => self.ask_bulk(),
            Some(_) => self.file_selected(),
            None => {}
        }
        if pressed(Key::Space)
            && let Some(id) = self.selected.clone()
        {
            self.toggle_checked(id);
        }
        if pressed(Key::Slash) {
            self.focus = Some(Focus::Filter);
        }
        if pressed(Key::Escape) {
            self.cancel_selected();
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
