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

/// The subsets of one document: in slot mode when every face's characters fit the slots.
pub struct Subsets {
    /// Liberation Sans Regular.
    pub regular: Subset,
    /// Liberation Sans Bold.
    pub bold: Subset,
    /// Noto Emoji, when the document has emoji.
    pub emoji: Option<Subset>,
    /// DejaVu Sans Symbols, when the document has symbols Liberation Sans lacks.
    pub symbols: Option<Subset>,
    /// Whether every face fit the single-byte slots (see [`subset_slots`]).
    pub slot_mode: bool,
}

impl Subsets {
    /// The subsets of `sets`: single-byte slots when every face fits them, full subsets otherwise.
    pub fn new(sets: &Charsets) -> Result<Self, SubsetError> {
        // Slot mode keeps printpdf from scanning every Unicode code point per embedded font (about
        // 20 ms a face): genpdf lays out single-byte stand-ins with built-in font references, and
        // the finishing pass embeds the real subsets. Documents with more distinct characters
        // than the slots hold take the slower path where printpdf embeds the subsets itself.
        match Self::with(sets, true) {
            Ok(subsets) => Ok(subsets),
            Err(_) => Self::with(sets, false),
        }
    }

    fn with(sets: &Charsets, slot_mode: bool) -> Result<Self, SubsetError> {
        let one = |data: &[u8], chars: &BTreeSet<char>| {
            if slot_mode { subset_slots(data, chars.iter().copied()) } else { subset(data, chars.clone()) }
        };
        let optional = |data: &[u8], chars: &BTreeSet<char>| {
            if chars.is_empty() { Ok(None) } else { one(data, chars).map(Some) }
        };
        Ok(Self {
            regular: one(REGULAR, &sets.regular)?,
            bold: one(BOLD, &sets.bold)?,
            emoji: optional(EMOJI, &sets.emoji)?,
            symbols: optional(SYMBOLS, &sets.symbols)?,
            slot_mode,
        })
    }

    /// A genpdf family of one subset: the built-in names are the stand-ins the finishing pass
    /// replaces in slot mode (one name for every variant of a one-weight fallback face).
    pub fn family(
        &self,
        subset: &Subset,
        names: [BuiltinFont; 4],
    ) -> Result<FontFamily<FontData>, genpdf::error::Error> {
        // The italic variants are never set: stand-ins in either mode, so nothing embeds them.
        let data = |builtin, never_set: bool| {
            FontData::new(subset.data.clone(), (self.slot_mode || never_set).then_some(builtin))
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
