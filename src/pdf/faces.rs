//! The faces the PDF ships and which one sets each character: Liberation Sans for text, then
//! Noto Emoji, then DejaVu Sans Symbols for what Liberation lacks. A character none of them has
//! is printed as a `[U+XXXX]` marker.

use super::subset::SubsetError;

/// Liberation Sans Regular (SIL OFL 1.1).
pub static REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
/// Liberation Sans Bold (SIL OFL 1.1).
pub static BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");
/// Noto Emoji, monochrome (SIL OFL 1.1), as egui's font crate carries it.
pub static EMOJI: &[u8] = epaint_default_fonts::NOTO_EMOJI_REGULAR;
/// DejaVu Sans Symbols, a subset of DejaVu Sans (Bitstream Vera licence; `assets/fonts`).
pub static SYMBOLS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Symbols.ttf");

/// Which shipped face sets a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fallback {
    /// Liberation Sans, regular or bold as the text is.
    Text,
    /// Noto Emoji (one weight, also in bold text).
    Emoji,
    /// DejaVu Sans Symbols (one weight, also in bold text).
    Symbols,
}

/// The parsed faces, to ask which of them has a character.
pub struct Faces {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
    emoji: ttf_parser::Face<'static>,
    symbols: ttf_parser::Face<'static>,
}

impl Faces {
    /// Parses the shipped faces.
    pub fn new() -> Result<Self, SubsetError> {
        let parse = |data: &'static [u8]| ttf_parser::Face::parse(data, 0).map_err(SubsetError::from);
        Ok(Self { regular: parse(REGULAR)?, bold: parse(BOLD)?, emoji: parse(EMOJI)?, symbols: parse(SYMBOLS)? })
    }

    /// The face that sets `c`, or `None` when no shipped face has it. Text that Liberation Sans
    /// has in both weights stays in it, so that a word is never set in two designs. The emoji
    /// joiner and the variation selectors go to DejaVu Sans Symbols, whose glyphs for them are
    /// empty (Liberation Sans draws a visible sign for the joiner).
    pub fn face_of(&self, c: char) -> Option<Fallback> {
        let has = |face: &ttf_parser::Face<'_>| face.glyph_index(c).is_some_and(|g| g.0 != 0);
        if matches!(c, '\u{200d}' | '\u{fe0e}' | '\u{fe0f}') && has(&self.symbols) {
            Some(Fallback::Symbols)
        } else if c == ' ' || (has(&self.regular) && has(&self.bold)) {
            Some(Fallback::Text)
        } else if has(&self.emoji) {
            Some(Fallback::Emoji)
        } else if has(&self.symbols) {
            Some(Fallback::Symbols)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_character_goes_to_the_first_face_that_has_it() {
        let faces = Faces::new().expect("faces");
        assert_eq!(faces.face_of('ä'), Some(Fallback::Text));
        assert_eq!(faces.face_of('ש'), Some(Fallback::Text), "Liberation has Hebrew");
        assert_eq!(faces.face_of('😀'), Some(Fallback::Emoji));
        assert_eq!(faces.face_of('❤'), Some(Fallback::Emoji), "emoji before symbols");
        assert_eq!(faces.face_of('✓'), Some(Fallback::Symbols));
        assert_eq!(faces.face_of('℃'), Some(Fallback::Symbols));
        assert_eq!(faces.face_of('\u{fe0f}'), Some(Fallback::Symbols), "the emoji selector, zero width");
        assert_eq!(faces.face_of('\u{200d}'), Some(Fallback::Symbols), "the joiner, not Liberation's visible sign");
        assert_eq!(faces.face_of('こ'), None, "no shipped face has kana");
    }
}
