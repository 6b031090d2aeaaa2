//! The faces the PDF ships and which one sets each character: Liberation Sans for text, then
//! Noto Sans Arabic, Noto Sans Thai, Noto Emoji and DejaVu Sans Symbols for what Liberation lacks.
//! A character none of them has is printed as a `[U+XXXX]` marker.

use super::subset::SubsetError;

/// Liberation Sans Regular (SIL OFL 1.1).
pub static REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
/// Liberation Sans Bold (SIL OFL 1.1).
pub static BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");
/// Noto Emoji, monochrome (SIL OFL 1.1), as egui's font crate carries it.
pub static EMOJI: &[u8] = epaint_default_fonts::NOTO_EMOJI_REGULAR;
/// DejaVu Sans Symbols, a subset of DejaVu Sans (Bitstream Vera licence; `assets/fonts`).
pub static SYMBOLS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Symbols.ttf");
/// Noto Sans Arabic Regular, unhinted (SIL OFL 1.1): Arabic, Persian, Urdu.
pub static ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");
/// Noto Sans Thai Regular, unhinted (SIL OFL 1.1).
pub static THAI: &[u8] = include_bytes!("../../assets/fonts/NotoSansThai-Regular.ttf");

/// One shipped face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FaceId {
    /// Liberation Sans Regular.
    Regular,
    /// Liberation Sans Bold.
    Bold,
    /// Noto Sans Arabic (one weight, also in bold text).
    Arabic,
    /// Noto Sans Thai (one weight, also in bold text).
    Thai,
    /// Noto Emoji (one weight, also in bold text).
    Emoji,
    /// DejaVu Sans Symbols (one weight, also in bold text).
    Symbols,
}

impl FaceId {
    /// Every face, in the order of the file (and of the PDF's font resources).
    pub const ALL: [FaceId; 6] =
        [FaceId::Regular, FaceId::Bold, FaceId::Arabic, FaceId::Thai, FaceId::Emoji, FaceId::Symbols];

    /// The font program.
    pub fn data(self) -> &'static [u8] {
        match self {
            FaceId::Regular => REGULAR,
            FaceId::Bold => BOLD,
            FaceId::Arabic => ARABIC,
            FaceId::Thai => THAI,
            FaceId::Emoji => EMOJI,
            FaceId::Symbols => SYMBOLS,
        }
    }

    /// The PostScript-style name the PDF gives it, without the subset tag.
    pub fn name(self) -> &'static str {
        match self {
            FaceId::Regular => "LiberationSans",
            FaceId::Bold => "LiberationSans-Bold",
            FaceId::Arabic => "NotoSansArabic",
            FaceId::Thai => "NotoSansThai",
            FaceId::Emoji => "NotoEmoji",
            FaceId::Symbols => "DejaVuSans-Symbols",
        }
    }

    /// Its index in [`FaceId::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The parsed faces, to ask which of them has a character.
pub struct Faces {
    parsed: Vec<ttf_parser::Face<'static>>,
}

/// The invisible joiner and presentation selectors of emoji sequences: the shaper joins them
/// into a sequence's glyph or hides them. (Noto Emoji has no glyphs for the skin-tone modifiers:
/// they stay markers.)
fn joins_emoji(c: char) -> bool {
    matches!(c, '\u{200d}' | '\u{fe0e}' | '\u{fe0f}')
}

impl Faces {
    /// Parses the shipped faces.
    pub fn new() -> Result<Self, SubsetError> {
        let parsed = FaceId::ALL
            .iter()
            .map(|face| ttf_parser::Face::parse(face.data(), 0).map_err(SubsetError::from))
            .collect::<Result<_, _>>()?;
        Ok(Self { parsed })
    }

    /// Whether `face` has a glyph for `c`.
    pub fn has(&self, face: FaceId, c: char) -> bool {
        self.parsed.get(face.index()).is_some_and(|f| f.glyph_index(c).is_some_and(|g| g.0 != 0))
    }

    /// The glyph of `c` in `face`, if it has one.
    pub fn glyph(&self, face: FaceId, c: char) -> Option<u16> {
        self.parsed.get(face.index())?.glyph_index(c).map(|g| g.0)
    }

    /// The advance of glyph `gid` of `face` in its font program, in em.
    pub fn advance(&self, face: FaceId, gid: u16) -> f64 {
        self.parsed.get(face.index()).map_or(0.0, |f| {
            let advance = f.glyph_hor_advance(ttf_parser::GlyphId(gid)).unwrap_or(0);
            f64::from(advance) / f64::from(f.units_per_em().max(1))
        })
    }

    /// Whether some shipped face can show `c` (after `previous`, the character before it):
    /// either a face has it, or it is a joiner or selector an emoji absorbs in shaping.
    pub fn supports(&self, c: char, previous: Option<char>) -> bool {
        self.face_of(c, false).is_some() || (joins_emoji(c) && previous.is_some_and(|p| self.is_emoji(p)))
    }

    fn is_emoji(&self, c: char) -> bool {
        self.face_of(c, false) == Some(FaceId::Emoji) || joins_emoji(c)
    }

    /// The face that sets `c` in text of the given weight, or `None` when no shipped face has it.
    /// Text that Liberation Sans has in both weights stays in it, so that a word is never set in
    /// two designs.
    pub fn face_of(&self, c: char, bold: bool) -> Option<FaceId> {
        let text = if bold { FaceId::Bold } else { FaceId::Regular };
        if c == ' ' || (self.has(FaceId::Regular, c) && self.has(FaceId::Bold, c)) {
            return Some(text);
        }
        [FaceId::Arabic, FaceId::Thai, FaceId::Emoji, FaceId::Symbols].into_iter().find(|&face| self.has(face, c))
    }

    /// The face of each character of `text` in text of the given weight: combining marks, emoji
    /// joiners, selectors and modifiers follow the character before them, so that a cluster is
    /// shaped in one face. Characters no face has go to the text face (they never reach here:
    /// they are markers by then).
    pub fn faces_of(&self, text: &str, bold: bool) -> Vec<FaceId> {
        let fallback = if bold { FaceId::Bold } else { FaceId::Regular };
        let mut out: Vec<FaceId> = Vec::with_capacity(text.len());
        for c in text.chars() {
            let previous = out.last().copied();
            let follows = unicode_normalization::char::is_combining_mark(c) || joins_emoji(c) || c == '\u{200c}';
            let face = match previous {
                Some(p) if follows && (self.has(p, c) || p == FaceId::Emoji) => p,
                _ => self.face_of(c, bold).unwrap_or(fallback),
            };
            out.push(face);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_character_goes_to_the_first_face_that_has_it() {
        let faces = Faces::new().expect("faces");
        assert_eq!(faces.face_of('ä', false), Some(FaceId::Regular));
        assert_eq!(faces.face_of('ä', true), Some(FaceId::Bold));
        assert_eq!(faces.face_of('ש', false), Some(FaceId::Regular), "Liberation has Hebrew");
        assert_eq!(faces.face_of('م', true), Some(FaceId::Arabic));
        assert_eq!(faces.face_of('ی', false), Some(FaceId::Arabic), "Persian yeh");
        assert_eq!(faces.face_of('ก', false), Some(FaceId::Thai));
        assert_eq!(faces.face_of('😀', false), Some(FaceId::Emoji));
        assert_eq!(faces.face_of('❤', false), Some(FaceId::Emoji), "emoji before symbols");
        assert_eq!(faces.face_of('✓', false), Some(FaceId::Symbols));
        assert_eq!(faces.face_of('℃', false), Some(FaceId::Symbols));
        assert_eq!(faces.face_of('こ', false), None, "no shipped face has kana");
    }

    #[test]
    fn marks_and_joiners_stay_with_their_base() {
        let faces = Faces::new().expect("faces");
        let family = "a👨\u{200d}👩\u{fe0f}";
        assert_eq!(
            faces.faces_of(family, false),
            [FaceId::Regular, FaceId::Emoji, FaceId::Emoji, FaceId::Emoji, FaceId::Emoji]
        );
        // Arabic with a fatha: the mark stays in the Arabic face.
        assert_eq!(faces.faces_of("مَ", false), [FaceId::Arabic, FaceId::Arabic]);
        assert!(faces.supports('\u{200d}', Some('👨')) && faces.supports('\u{fe0f}', Some('❤')));
    }
}
