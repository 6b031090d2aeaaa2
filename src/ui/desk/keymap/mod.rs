//! The desk's keys as data: every binding with the command it gives, the modes it works in and
//! the words that name it. The keys read each frame, the `?` overlay and the hint line under the
//! desk are all made from [`BINDINGS`], so what the clerk reads is what the keys do, with the
//! platform's own name for the command modifier (Ctrl, or Cmd on a Mac).

use egui::{Event, Key, ModifierNames, Modifiers};

use super::draft::Action;
use crate::i18n::Texts;

/// What a key asks of the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyCommand {
    /// Select the next row.
    Next,
    /// Select the previous row.
    Previous,
    /// Choose the filing's action.
    Action(Action),
    /// File the selected transaction.
    File,
    /// Ask to file the ticked rows.
    FileTicked,
    /// Tick or untick the selected row.
    Tick,
    /// Type in the inbox filter.
    Filter,
    /// Search an existing case for the selected transaction.
    CaseSearch,
    /// Stop the selected transaction's filing.
    Cancel,
    /// Leave the text field being typed in.
    StopTyping,
    /// Open the list of keys.
    OpenHelp,
    /// Close the list of keys.
    CloseHelp,
    /// File what the bulk confirmation lists.
    ConfirmBulk,
    /// Close the bulk confirmation without filing.
    CancelBulk,
}

/// Where the keyboard is: which bindings apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The desk, no text field focused.
    Desk,
    /// A text field has the keyboard.
    Typing,
    /// The list of keys is open.
    Help,
    /// The bulk confirmation is open.
    Bulk,
}

/// A key with its modifiers, or a typed character (for keys whose place differs by layout).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chord {
    /// A key; extra Shift or Alt held for the layout's sake still match.
    Key(Modifiers, Key),
    /// A character typed.
    Text(&'static str),
}

/// One binding of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The key.
    pub chord: Chord,
    /// What it does; `None` for a key egui itself handles (the zoom), listed for the clerk.
    pub command: Option<KeyCommand>,
    /// Where it works.
    pub modes: &'static [Mode],
    /// Whether a held key repeats it.
    pub repeat: bool,
    /// The Fluent id of its line in the overlay (bindings sharing it share the line).
    pub help: Option<&'static str>,
    /// The Fluent id of its word in the hint line, if it is there.
    pub hint: Option<&'static str>,
}

const DESK: &[Mode] = &[Mode::Desk];

const fn key(modifiers: Modifiers, key: Key, command: KeyCommand, help: &'static str) -> Binding {
    Binding {
        chord: Chord::Key(modifiers, key),
        command: Some(command),
        modes: DESK,
        repeat: false,
        help: Some(help),
        hint: None,
    }
}

const fn typed(text: &'static str, command: KeyCommand, help: &'static str) -> Binding {
    Binding { chord: Chord::Text(text), ..key(NONE, Key::F1, command, help) }
}

/// A key egui itself handles, listed for the clerk.
const fn listed(modifiers: Modifiers, key_: Key, help: &'static str) -> Binding {
    Binding { command: None, modes: &[], ..key(modifiers, key_, KeyCommand::Cancel, help) }
}

const fn hinted(binding: Binding, hint: &'static str) -> Binding {
    Binding { hint: Some(hint), ..binding }
}

const fn repeating(binding: Binding) -> Binding {
    Binding { repeat: true, ..binding }
}

const fn in_modes(binding: Binding, modes: &'static [Mode]) -> Binding {
    Binding { modes, ..binding }
}

const NONE: Modifiers = Modifiers::NONE;

/// Every key of the desk, in the overlay's order.
pub const BINDINGS: &[Binding] = &[
    hinted(repeating(key(NONE, Key::ArrowUp, KeyCommand::Previous, "key-move")), "hint-move"),
    hinted(repeating(key(NONE, Key::ArrowDown, KeyCommand::Next, "key-move")), "hint-move"),
    repeating(key(NONE, Key::K, KeyCommand::Previous, "key-move")),
    repeating(key(NONE, Key::J, KeyCommand::Next, "key-move")),
    hinted(key(NONE, Key::Num1, KeyCommand::Action(Action::NewCase), "key-action"), "hint-action"),
    hinted(key(NONE, Key::Num2, KeyCommand::Action(Action::ExistingCase), "key-action"), "hint-action"),
    hinted(key(NONE, Key::Num3, KeyCommand::Action(Action::AssignmentOnly), "key-action"), "hint-action"),
    hinted(key(NONE, Key::Enter, KeyCommand::File, "key-file"), "hint-file"),
    hinted(key(NONE, Key::Space, KeyCommand::Tick, "key-tick"), "hint-tick"),
    hinted(key(Modifiers::SHIFT, Key::Enter, KeyCommand::FileTicked, "key-file-ticked"), "hint-file-ticked"),
    hinted(key(NONE, Key::Slash, KeyCommand::Filter, "key-filter"), "hint-filter"),
    in_modes(key(Modifiers::COMMAND, Key::F, KeyCommand::CaseSearch, "key-case-search"), &[Mode::Desk, Mode::Typing]),
    key(NONE, Key::Escape, KeyCommand::Cancel, "key-cancel"),
    in_modes(key(NONE, Key::Escape, KeyCommand::StopTyping, "key-cancel"), &[Mode::Typing]),
    listed(Modifiers::COMMAND, Key::Plus, "key-zoom"),
    listed(Modifiers::COMMAND, Key::Minus, "key-zoom"),
    hinted(typed("?", KeyCommand::OpenHelp, "key-help"), "hint-help"),
    key(NONE, Key::F1, KeyCommand::OpenHelp, "key-help"),
    in_modes(key(NONE, Key::Escape, KeyCommand::CloseHelp, "key-close-help"), &[Mode::Help]),
    in_modes(typed("?", KeyCommand::CloseHelp, "key-close-help"), &[Mode::Help]),
    in_modes(key(NONE, Key::F1, KeyCommand::CloseHelp, "key-close-help"), &[Mode::Help]),
    Binding { help: None, ..in_modes(key(NONE, Key::Enter, KeyCommand::ConfirmBulk, "key-file"), &[Mode::Bulk]) },
    Binding { help: None, ..in_modes(key(NONE, Key::Escape, KeyCommand::CancelBulk, "key-cancel"), &[Mode::Bulk]) },
];

fn modifier_count(modifiers: Modifiers) -> u8 {
    u8::from(modifiers.shift) + u8::from(modifiers.alt) + u8::from(modifiers.command || modifiers.ctrl)
}

/// The commands this frame's key events give in `mode`, in the order pressed. Where several
/// bindings match a key, the one naming the most modifiers wins (Shift+Enter over Enter); a
/// command other than a move is given once a frame.
pub fn commands(events: &[Event], mode: Mode) -> Vec<KeyCommand> {
    let mut out: Vec<KeyCommand> = Vec::new();
    for event in events {
        let found = BINDINGS
            .iter()
            .filter(|b| b.modes.contains(&mode))
            .filter(|b| match (event, b.chord) {
                (Event::Key { key, pressed: true, repeat, modifiers, .. }, Chord::Key(wanted, bound)) => {
                    *key == bound && (!repeat || b.repeat) && modifiers.matches_logically(wanted)
                }
                (Event::Text(text), Chord::Text(bound)) => text == bound,
                _ => false,
            })
            .max_by_key(|b| match b.chord {
                Chord::Key(modifiers, _) => modifier_count(modifiers),
                Chord::Text(_) => 0,
            })
            .and_then(|b| b.command);
        let Some(command) = found else { continue };
        let moves = matches!(command, KeyCommand::Next | KeyCommand::Previous);
        if moves || !out.contains(&command) {
            out.push(command);
        }
    }
    out
}

/// A chord in words: the platform's name for the command modifier, the language's for Shift and
/// Space, arrows as arrows.
pub fn chord_text(t: &Texts, chord: Chord, mac: bool) -> String {
    let Chord::Key(modifiers, key) = chord else {
        let Chord::Text(text) = chord else { return String::new() };
        return text.to_owned();
    };
    let shift = t.get("key-shift");
    let names = ModifierNames { shift: &shift, ..ModifierNames::NAMES };
    let name = match key {
        Key::Space => t.get("key-space"),
        Key::Escape => "Esc".to_owned(),
        Key::ArrowUp => "↑".to_owned(),
        Key::ArrowDown => "↓".to_owned(),
        Key::Plus => "+".to_owned(),
        Key::Minus => "−".to_owned(),
        Key::Slash => "/".to_owned(),
        Key::Num1 | Key::Num2 | Key::Num3 => key.symbol_or_name().to_owned(),
        other => other.name().to_owned(),
    };
    let held = names.format(&modifiers, mac);
    if held.is_empty() { name } else { format!("{held}+{name}") }
}

/// The overlay's lines: each help text with every key that does it.
pub fn overlay(t: &Texts, mac: bool) -> Vec<(String, String)> {
    let mut lines: Vec<(&'static str, Vec<String>)> = Vec::new();
    for binding in BINDINGS {
        let Some(help) = binding.help else { continue };
        let text = chord_text(t, binding.chord, mac);
        match lines.iter_mut().find(|(id, _)| *id == help) {
            Some((_, keys)) if keys.contains(&text) => {}
            Some((_, keys)) => keys.push(text),
            None => lines.push((help, vec![text])),
        }
    }
    lines.into_iter().map(|(id, keys)| (keys.join("  "), t.get(id))).collect()
}

/// The line under the desk: the keys used most, each with its word.
pub fn hint_line(t: &Texts, mac: bool) -> String {
    let mut words: Vec<(&'static str, Vec<String>)> = Vec::new();
    for binding in BINDINGS {
        let Some(hint) = binding.hint else { continue };
        let text = chord_text(t, binding.chord, mac);
        match words.iter_mut().find(|(id, _)| *id == hint) {
            Some((_, keys)) => keys.push(text),
            None => words.push((hint, vec![text])),
        }
    }
    words.into_iter().map(|(id, keys)| format!("{} {}", keys.join(" "), t.get(id))).collect::<Vec<_>>().join(" · ")
}

#[cfg(test)]
mod tests;
