//! The key table: what each key does in each mode, and the words made from it.

use egui::{Event, Key, Modifiers};

use super::{KeyCommand, Mode, chord_text, commands, hint_line, overlay};
use crate::i18n::{Texts, UiLanguage};
use crate::ui::desk::draft::Action;

fn press(key: Key, modifiers: Modifiers) -> Event {
    Event::Key { key, physical_key: None, pressed: true, repeat: false, modifiers }
}

fn held(key: Key) -> Event {
    Event::Key { key, physical_key: None, pressed: true, repeat: true, modifiers: Modifiers::NONE }
}

#[test]
fn each_key_gives_its_command_in_its_mode_only() {
    let none = Modifiers::NONE;
    assert_eq!(commands(&[press(Key::Enter, none)], Mode::Desk), [KeyCommand::File]);
    // Shift read from the key event itself (a fast chord): the bulk path, never the row.
    assert_eq!(commands(&[press(Key::Enter, Modifiers::SHIFT)], Mode::Desk), [KeyCommand::FileTicked]);
    assert_eq!(commands(&[press(Key::Enter, none)], Mode::Bulk), [KeyCommand::ConfirmBulk]);
    assert_eq!(commands(&[press(Key::Escape, none)], Mode::Bulk), [KeyCommand::CancelBulk]);
    assert_eq!(commands(&[press(Key::Escape, none)], Mode::Desk), [KeyCommand::Cancel]);
    assert_eq!(commands(&[press(Key::Escape, none)], Mode::Typing), [KeyCommand::StopTyping]);
    assert_eq!(commands(&[press(Key::Escape, none)], Mode::Help), [KeyCommand::CloseHelp]);
    assert_eq!(commands(&[press(Key::Num2, none)], Mode::Desk), [KeyCommand::Action(Action::ExistingCase)]);
    assert!(commands(&[press(Key::Num2, none)], Mode::Typing).is_empty(), "typing a 2 is typing");
    assert!(commands(&[press(Key::Enter, none)], Mode::Help).is_empty(), "the overlay takes the keys");
    // Ctrl+F on Linux and Windows (ctrl and command both set), Cmd+F on a Mac; while typing too.
    let ctrl = Modifiers { ctrl: true, command: true, ..Modifiers::NONE };
    assert_eq!(commands(&[press(Key::F, ctrl)], Mode::Typing), [KeyCommand::CaseSearch]);
    let cmd = Modifiers { mac_cmd: true, command: true, ..Modifiers::NONE };
    assert_eq!(commands(&[press(Key::F, cmd)], Mode::Desk), [KeyCommand::CaseSearch]);
    assert!(commands(&[press(Key::F, none)], Mode::Desk).is_empty());
    // `/` typed with Shift on a Finnish keyboard is still the filter.
    assert_eq!(commands(&[press(Key::Slash, Modifiers::SHIFT)], Mode::Desk), [KeyCommand::Filter]);
    assert_eq!(commands(&[Event::Text("?".to_owned())], Mode::Desk), [KeyCommand::OpenHelp]);
    // A held arrow moves on; a held Enter files nothing more; two Enters in a frame are one.
    assert_eq!(
        commands(&[held(Key::ArrowDown), held(Key::ArrowDown)], Mode::Desk),
        [KeyCommand::Next, KeyCommand::Next]
    );
    assert!(commands(&[held(Key::Enter)], Mode::Desk).is_empty());
    assert_eq!(commands(&[press(Key::Enter, none), press(Key::Enter, none)], Mode::Desk), [KeyCommand::File]);
}

#[test]
fn the_overlay_and_the_hint_line_are_made_from_the_table_in_the_platform_s_words() {
    let fi = Texts::new(UiLanguage::Fi);
    let lines = overlay(&fi, false);
    let find = |id: &str| lines.iter().find(|(_, text)| *text == fi.get(id)).map(|(keys, _)| keys.clone());
    assert_eq!(find("key-case-search").as_deref(), Some("Ctrl+F"));
    assert_eq!(find("key-move").as_deref(), Some("↑  ↓  K  J"));
    assert_eq!(find("key-file-ticked").as_deref(), Some("Vaihto+Enter"));
    assert_eq!(find("key-tick").as_deref(), Some("Välilyönti"));
    assert_eq!(find("key-close-help").as_deref(), Some("Esc  ?  F1"));
    let mac = overlay(&fi, true);
    assert!(mac.iter().any(|(keys, _)| keys == "Cmd+F"), "{mac:?}");
    assert_eq!(lines.len(), 11, "one line a help text: {lines:?}");
    let hint = hint_line(&fi, false);
    assert!(hint.starts_with("↑ ↓ valitse · 1 2 3 tapa · Enter kirjaa"), "{hint}");
    assert!(hint.contains("Vaihto+Enter kirjaa merkityt"), "{hint}");
    let sv = Texts::new(UiLanguage::Sv);
    assert_eq!(chord_text(&sv, super::Chord::Key(Modifiers::SHIFT, Key::Enter), false), "Skift+Enter");
}
