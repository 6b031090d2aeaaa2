//! Which characters go into which embedded face, and the subsets made of them.

use std::collections::{BTreeMap, BTreeSet};

use genpdf::fonts::{FontData, FontFamily};
use printpdf::BuiltinFont;

use super::faces::{BOLD, EMOJI, Faces, Fallback, REGULAR, SYMBOLS};
use super::subset::{Subset, SubsetError, subset, subset_slots};

/// The characters of each face: Liberation's regular and bold, and the fallbacks whatever the
/// weight (one weight each).
pub struct Charsets {
    /// Liberation Sans Regular's.
    pub regular: BTreeSet<char>,
    /// Liberation Sans Bold's.
    pub bold: BTreeSet<char>,
    /// Noto Emoji's.
    pub emoji: BTreeSet<char>,
    /// DejaVu Sans Symbols'.
    pub symbols: BTreeSet<char>,
    /// The fallback face of each character in `emoji` and `symbols`.
    pub route: BTreeMap<char, Fallback>,
}

impl Charsets {
    /// Sorts the characters of regular and of bold text into the faces that set them.
    pub fn new(faces: &Faces, regular: BTreeSet<char>, bold: BTreeSet<char>) -> Self {
        let mut sets = Self {
            regular: BTreeSet::new(),
            bold: BTreeSet::new(),
            emoji: BTreeSet::new(),
            symbols: BTreeSet::new(),
            route: BTreeMap::new(),
        };
        for (chars, is_bold) in [(regular, false), (bold, true)] {
            for c in chars {
                let face = faces.face_of(c).unwrap_or(Fallback::Text);
                let set = match (face, is_bold) {
                    (Fallback::Text, false) => &mut sets.regular,
                    (Fallback::Text, true) => &mut sets.bold,
                    (Fallback::Emoji, _) => &mut sets.emoji,
                    (Fallback::Symbols, _) => &mut sets.symbols,
                };
                set.insert(c);
                if face != Fallback::Text {
                    sets.route.insert(c, face);
                }
            }
        }
        sets
    }
}

/// One face's subset, and whether it is in slot mode (see [`subset_slots`]).
pub struct Embedded {
    /// The subset.
    pub subset: Subset,
    /// Whether genpdf sets single-byte stand-ins for it under a built-in font name, which the
    /// finishing pass replaces with the subset; otherwise printpdf embeds it.
    pub slotted: bool,
}

impl Embedded {
    /// The built-in stand-in `builtin` in slot mode, nothing (printpdf embeds the face) otherwise.
    pub fn stand_in(&self, builtin: BuiltinFont) -> Option<BuiltinFont> {
        self.slotted.then_some(builtin)
    }
}

/// The subsets of one document, each face in slot mode when its characters fit the slots.
pub struct Subsets {
    /// Liberation Sans Regular.
    pub regular: Embedded,
    /// Liberation Sans Bold.
    pub bold: Embedded,
    /// Noto Emoji, when the document has emoji.
    pub emoji: Option<Embedded>,
    /// DejaVu Sans Symbols, when the document has symbols Liberation Sans lacks.
    pub symbols: Option<Embedded>,
}

impl Subsets {
    /// The subsets of `sets`. Slot mode keeps printpdf from scanning every Unicode code point per
    /// embedded font (about 20 ms a face): genpdf lays out single-byte stand-ins with built-in
    /// font references, and the finishing pass embeds the real subsets. A face with more distinct
    /// characters than the slots hold takes the slower path where printpdf embeds it itself; the
    /// emoji face never does, as printpdf 0.3 drops characters outside the Basic Multilingual
    /// Plane (more than 188 distinct emoji in one form are refused, not lost).
    pub fn new(sets: &Charsets) -> Result<Self, SubsetError> {
        let either = |data: &[u8], chars: &BTreeSet<char>| match subset_slots(data, chars.iter().copied()) {
            Ok(subset) => Ok(Embedded { subset, slotted: true }),
            Err(SubsetError::TooManyChars(_)) => Ok(Embedded { subset: subset(data, chars.clone())?, slotted: false }),
            Err(other) => Err(other),
        };
        let emoji = match sets.emoji.is_empty() {
            true => None,
            false => Some(Embedded { subset: subset_slots(EMOJI, sets.emoji.iter().copied())?, slotted: true }),
        };
        Ok(Self {
            regular: either(REGULAR, &sets.regular)?,
            bold: either(BOLD, &sets.bold)?,
            emoji,
            symbols: if sets.symbols.is_empty() { None } else { Some(either(SYMBOLS, &sets.symbols)?) },
        })
    }

    /// A genpdf family of one subset: the built-in names are the stand-ins the finishing pass
    /// replaces in slot mode (one name for every variant of a one-weight fallback face).
    pub fn family(face: &Embedded, names: [BuiltinFont; 4]) -> Result<FontFamily<FontData>, genpdf::error::Error> {
        // The italic variants are never set: stand-ins in either mode, so nothing embeds them.
        let data = |builtin, never_set: bool| {
            FontData::new(face.subset.data.clone(), (face.slotted || never_set).then_some(builtin))
        };
        let [regular, bold, italic, bold_italic] = names;
        Ok(FontFamily {
            regular: data(regular, false)?,
            bold: data(bold, false)?,
            italic: data(italic, true)?,
            bold_italic: data(bold_italic, true)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faces_choose_slot_mode_each_and_too_many_emoji_are_refused_not_lost() {
        let faces = Faces::new().expect("faces");
        let latin: BTreeSet<char> = "Hakemus äö".chars().collect();
        // Mixed: 300 distinct Cyrillic, Greek and Latin letters overflow the regular face's slots,
        // the bold face and the symbols stay in slot mode.
        let many: BTreeSet<char> = ('\u{0100}'..='\u{017f}')
            .chain('\u{0391}'..='\u{03c9}')
            .chain('\u{0410}'..='\u{044f}')
            .chain(['✓'])
            .collect();
        let sets = Charsets::new(&faces, many, latin.clone());
        assert_eq!(sets.route.get(&'✓'), Some(&Fallback::Symbols));
        let subsets = Subsets::new(&sets).expect("subsets");
        assert!(!subsets.regular.slotted && subsets.bold.slotted);
        assert!(subsets.symbols.as_ref().is_some_and(|s| s.slotted) && subsets.emoji.is_none());

        let emoji: BTreeSet<char> =
            ('\u{1f300}'..='\u{1faff}').filter(|&c| faces.face_of(c) == Some(Fallback::Emoji)).take(200).collect();
        assert_eq!(emoji.len(), 200);
        let sets = Charsets::new(&faces, emoji, latin);
        assert!(matches!(Subsets::new(&sets), Err(SubsetError::TooManyChars(_))));
    }
}
