//! Shaping with harfrust: a line of text becomes glyphs of the shipped faces in visual order.
//! Arabic takes its joined forms, emoji sequences and flags their ligatures, Thai its marks, and
//! right-to-left runs (the bidi algorithm over the line) are drawn right to left. Each glyph keeps
//! the text of its cluster, so that the PDF's `ToUnicode` maps give back what was typed.

use std::cell::RefCell;
use std::collections::HashMap;

use harfrust::{Direction, FontRef, ShapeOptions, ShapePlan, ShaperData, UnicodeBuffer};

use super::faces::{FaceId, Faces};
use super::subset::SubsetError;

/// One placed glyph, in em of its face (multiply by the font size for points).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The face it comes from.
    pub face: FaceId,
    /// Its glyph id in that face.
    pub gid: u16,
    /// How far the pen moves after it.
    pub advance: f64,
    /// Its advance in the font program (before kerning and other positioning).
    pub natural: f64,
    /// Horizontal offset from the pen position.
    pub dx: f64,
    /// Vertical offset from the baseline.
    pub dy: f64,
    /// The text it stands for: its cluster's, on one glyph of the cluster; empty on the others.
    /// In a right-to-left run the text is given right to left, as the glyphs are drawn.
    pub text: String,
}

struct Loaded {
    font: FontRef<'static>,
    data: ShaperData,
    units_per_em: f64,
}

/// Plans are compiled once per face, direction and script.
type PlanKey = (FaceId, bool, harfrust::Tag);

/// The shaper of the shipped faces, with its plans and a cache of measured words.
pub struct Shaper {
    faces: Faces,
    loaded: Vec<Loaded>,
    plans: RefCell<HashMap<PlanKey, ShapePlan>>,
    widths: RefCell<HashMap<(bool, String), f64>>,
}

impl Shaper {
    /// Loads the shipped faces.
    pub fn new() -> Result<Self, SubsetError> {
        let mut loaded = Vec::new();
        for face in FaceId::ALL {
            let font = FontRef::new(face.data()).map_err(|e| SubsetError::Shaping(Box::new(e)))?;
            let data = ShaperData::new(&font);
            let units_per_em = f64::from(ttf_parser::Face::parse(face.data(), 0)?.units_per_em().max(1));
            loaded.push(Loaded { font, data, units_per_em });
        }
        Ok(Self { faces: Faces::new()?, loaded, plans: RefCell::default(), widths: RefCell::default() })
    }

    /// Which face has which character.
    pub fn faces(&self) -> &Faces {
        &self.faces
    }

    /// The glyphs of one line (no line breaks) of a left-to-right paragraph in visual order, in
    /// the regular or bold face.
    pub fn line(&self, text: &str, bold: bool) -> Vec<Glyph> {
        self.line_in(text, bold, false)
    }

    /// The glyphs of one line of a paragraph whose direction is right to left when `rtl` (its
    /// first strong character is Arabic or Hebrew), in visual order.
    pub fn line_in(&self, text: &str, bold: bool, rtl: bool) -> Vec<Glyph> {
        let mut out = Vec::new();
        if !text.chars().any(is_strong_rtl) {
            self.runs(text, bold, false, &mut out);
            return out;
        }
        let level = if rtl { unicode_bidi::Level::rtl() } else { unicode_bidi::Level::ltr() };
        let info = unicode_bidi::BidiInfo::new(text, Some(level));
        for paragraph in &info.paragraphs {
            let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
            for run in runs {
                let rtl = levels.get(run.start).is_some_and(unicode_bidi::Level::is_rtl);
                if let Some(piece) = text.get(run) {
                    self.runs(piece, bold, rtl, &mut out);
                }
            }
        }
        out
    }

    /// Width of `text` in em of the text size: the sum of its glyphs' advances.
    pub fn width(&self, text: &str, bold: bool) -> f64 {
        let key = (bold, text.to_owned());
        if let Some(width) = self.widths.borrow().get(&key) {
            return *width;
        }
        let width = self.line(text, bold).iter().map(|g| g.advance).sum();
        self.widths.borrow_mut().insert(key, width);
        width
    }

    /// Shapes one run of a single direction, cut where the face changes.
    fn runs(&self, text: &str, bold: bool, rtl: bool, out: &mut Vec<Glyph>) {
        let faces = self.faces.faces_of(text, bold);
        let mut pieces: Vec<(FaceId, &str)> = Vec::new();
        let mut start = 0;
        for ((at, _), (i, face)) in text.char_indices().zip(faces.iter().enumerate()) {
            let next = faces.get(i + 1);
            if next != Some(face) {
                let end = text[at..].chars().next().map_or(text.len(), |c| at + c.len_utf8());
                pieces.push((*face, &text[start..end]));
                start = end;
            }
        }
        if rtl {
            pieces.reverse();
        }
        for (face, piece) in pieces {
            self.shape(face, piece, rtl, out);
        }
    }

    fn shape(&self, face: FaceId, text: &str, rtl: bool, out: &mut Vec<Glyph>) {
        let Some(loaded) = self.loaded.get(face.index()) else { return };
        let shaper = loaded.data.shaper(&loaded.font).build();
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(if rtl { Direction::RightToLeft } else { Direction::LeftToRight });
        buffer.guess_segment_properties();
        let script = buffer.script();
        let key = (face, rtl, script.tag());
        let mut plans = self.plans.borrow_mut();
        let plan =
            plans.entry(key).or_insert_with(|| ShapePlan::new(&shaper, buffer.direction(), Some(script), None, &[]));
        let shaped = shaper.shape(buffer, ShapeOptions::new().plan(Some(plan)));
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let end_of = |start: usize| starts.iter().find(|&&s| s > start).copied().unwrap_or(text.len());
        let scale = 1.0 / loaded.units_per_em;
        let first = out.len();
        for (info, position) in infos.iter().zip(positions) {
            out.push(Glyph {
                face,
                gid: u16::try_from(info.glyph_id).unwrap_or(0),
                advance: f64::from(position.x_advance) * scale,
                natural: self.faces.advance(face, u16::try_from(info.glyph_id).unwrap_or(0)),
                dx: f64::from(position.x_offset) * scale,
                dy: f64::from(position.y_offset) * scale,
                text: String::new(),
            });
        }
        let glyphs = &mut out[first..];
        // A joiner or selector the shaper hid is drawn as the face's space glyph, or its own empty
        // glyph, with no advance: it is left out (it draws nothing), and its character goes with
        // its neighbour's text.
        let blanks: Vec<u16> = [' ', '\u{200c}', '\u{200d}', '\u{fe0e}', '\u{fe0f}']
            .iter()
            .filter_map(|&c| self.faces.glyph(face, c))
            .collect();
        let mut hidden: Vec<bool> =
            glyphs.iter().map(|g| g.advance == 0.0 && g.dx == 0.0 && g.dy == 0.0 && blanks.contains(&g.gid)).collect();
        // Each cluster's text goes on its widest drawn glyph (the base, not a mark), the first of
        // equals; a cluster of hidden glyphs only keeps its first one to carry it.
        let mut carrier: Vec<(usize, usize)> = Vec::new(); // (cluster start, glyph index)
        for (index, info) in infos.iter().enumerate() {
            let cluster = info.cluster as usize;
            match carrier.iter_mut().find(|(c, _)| *c == cluster) {
                Some((_, best))
                    if !hidden[index] && (hidden[*best] || glyphs[index].advance > glyphs[*best].advance) =>
                {
                    *best = index;
                }
                Some(_) => {}
                None => carrier.push((cluster, index)),
            }
        }
        for &(_, index) in &carrier {
            hidden[index] = false;
        }
        // Text extractors (poppler, pdf.js) read the glyphs as drawn, in visual order, and spread
        // a glyph's text over it from left to right: in a right-to-left run, a cluster's text
        // (a ligature such as lam-alef, a letter and its marks) is given right to left too.
        for (cluster, index) in carrier {
            let logical = text.get(cluster..end_of(cluster)).unwrap_or_default();
            let members: Vec<usize> =
                (0..infos.len()).filter(|&i| infos[i].cluster as usize == cluster && !hidden[i]).collect();
            // Left to right, a cluster of as many drawn glyphs as characters (an emoji sequence, a
            // flag, a Thai letter and its marks) gives each glyph its own character, the hidden
            // joiners with the one before them, so that every glyph has its Unicode text (PDF/A-2a).
            let mut pieces: Vec<String> = Vec::new();
            for c in logical.chars() {
                match pieces.last_mut() {
                    Some(piece) if is_hidden_char(c) => piece.push(c),
                    _ => pieces.push(c.to_string()),
                }
            }
            // (A mark keeps to its letter's text: extractors read a mark with its own text apart.)
            let spaced = members.iter().all(|&m| glyphs[m].advance > 0.0);
            if !rtl && spaced && members.len() > 1 && members.len() == pieces.len() {
                for (member, piece) in members.into_iter().zip(pieces) {
                    glyphs[member].text = piece;
                }
            } else {
                glyphs[index].text = if rtl { logical.chars().rev().collect() } else { logical.to_owned() };
            }
        }
        let mut index = 0;
        out.retain(|_| {
            index += 1;
            index <= first || !hidden[index - 1 - first]
        });
    }
}

/// The invisible joiners and selectors the shaper hides: they join the character before them.
fn is_hidden_char(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}' | '\u{fe0e}' | '\u{fe0f}')
}

/// Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
/// presentation forms).
fn is_strong_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{fefc}' | '\u{10800}'..='\u{10fff}' | '\u{1e800}'..='\u{1efff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(glyphs: &[Glyph]) -> String {
        glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    #[test]
    fn latin_is_one_glyph_a_character_with_kerning() {
        let shaper = Shaper::new().expect("faces");
        let glyphs = shaper.line("AVA", false);
        assert_eq!(glyphs.len(), 3);
        assert_eq!(text(&glyphs), "AVA");
        let plain = shaper.line("A", false)[0].advance;
        assert!(glyphs[0].advance < plain, "A before V is kerned: {} vs {plain}", glyphs[0].advance);
        assert!((shaper.width("AVA", false) - glyphs.iter().map(|g| g.advance).sum::<f64>()).abs() < 1e-9);
    }

    #[test]
    fn arabic_joins_and_runs_right_to_left() {
        let shaper = Shaper::new().expect("faces");
        // "سلام" joined: four letters, each in its positional form, drawn right to left.
        let word = "سلام";
        let glyphs = shaper.line(word, false);
        assert!(glyphs.iter().all(|g| g.face == FaceId::Arabic && g.gid != 0));
        let isolated: Vec<u16> = word.chars().map(|c| shaper.line(&c.to_string(), false)[0].gid).collect();
        let joined: Vec<u16> = glyphs.iter().rev().map(|g| g.gid).collect();
        assert_ne!(joined, isolated, "joined forms differ from the isolated ones");
        // Visual order: the last letter (م) comes first from the left.
        assert_eq!(glyphs.first().map(|g| g.text.as_str()), Some("م"));
        let mixed = shaper.line("Nimi: سلام 12", false);
        assert_eq!(mixed.first().map(|g| g.text.as_str()), Some("N"));
        assert!(mixed.iter().any(|g| g.text == "12" || g.text == "1"));
    }

    #[test]
    fn emoji_sequences_and_flags_are_each_one_cluster() {
        let shaper = Shaper::new().expect("faces");
        // The monochrome face has no family ligature: three people side by side, the joiners
        // hidden, and the whole sequence one cluster, each glyph with its own character.
        let family = "👨\u{200d}👩\u{200d}👧";
        let glyphs = shaper.line(family, false);
        let drawn: Vec<&Glyph> = glyphs.iter().filter(|g| g.advance > 0.0).collect();
        assert_eq!(drawn.len(), 3, "{glyphs:?}");
        assert!(glyphs.iter().all(|g| g.face == FaceId::Emoji && g.gid != 0));
        assert_eq!(text(&glyphs), family);
        assert_eq!(glyphs.len(), 3, "the hidden joiners are left out: {glyphs:?}");
        assert!(glyphs.iter().all(|g| !g.text.is_empty()), "each glyph has its text");
        // Nor flags: the two regional indicator letters, one cluster.
        let flag = shaper.line("🇫🇮", false);
        assert_eq!(flag.len(), 2, "{flag:?}");
        assert!(flag.iter().all(|g| g.gid != 0));
        assert_eq!(text(&flag), "🇫🇮");
    }

    #[test]
    fn thai_marks_stay_on_their_base() {
        let shaper = Shaper::new().expect("faces");
        let word = "สวัสดี";
        let glyphs = shaper.line(word, false);
        assert!(glyphs.iter().all(|g| g.face == FaceId::Thai && g.gid != 0));
        assert_eq!(text(&glyphs), word);
        assert!(glyphs.iter().any(|g| g.advance == 0.0), "a vowel mark above takes no room");
    }
}
