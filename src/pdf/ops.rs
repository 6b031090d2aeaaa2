//! Text operators of a content stream, written compactly: one text object per page, the font
//! set only where it changes, each line placed with a relative `Td`, a line's glyphs in one hex
//! string, broken only by the kerning (in whole thousandths of the text size, the rounding carried
//! from glyph to glyph so that no line drifts by more than 1.5 thousandths of an em).

use std::fmt::Write as _;

use super::faces::FaceId;
use super::fonts::FontSet;
use super::shape::Glyph;

/// A number for a content stream: at most three decimals, no trailing zeros.
pub fn num(value: f64) -> String {
    let text = format!("{:.3}", (value * 1000.0).round() / 1000.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0".to_owned() } else { text.to_owned() }
}

/// One text object (`BT` … `ET`) being written.
pub struct TextObject<'a> {
    out: &'a mut String,
    fonts: &'a mut FontSet,
    font: Option<(FaceId, u64)>,
    /// The start of the current text line, as `Td` has moved it (rounded as written).
    line: (f64, f64),
    /// Inside a `[…] TJ` array; inside a `<…>` string of it.
    array: bool,
    string: bool,
}

impl<'a> TextObject<'a> {
    /// Opens a text object.
    pub fn begin(out: &'a mut String, fonts: &'a mut FontSet) -> Self {
        out.push_str("BT\n");
        Self { out, fonts, font: None, line: (0.0, 0.0), array: false, string: false }
    }

    /// Writes raw operators (marked-content ones) between the glyphs.
    pub fn raw(&mut self, text: &str) {
        self.close();
        self.out.push_str(text);
    }

    fn close(&mut self) {
        if std::mem::take(&mut self.string) {
            self.out.push('>');
        }
        if std::mem::take(&mut self.array) {
            self.out.push_str("] TJ\n");
        }
    }

    fn move_to(&mut self, x: f64, y: f64) {
        self.close();
        let (dx, dy) = (num(x - self.line.0), num(y - self.line.1));
        let _ = writeln!(self.out, "{dx} {dy} Td");
        self.line.0 += dx.parse::<f64>().unwrap_or(0.0);
        self.line.1 += dy.parse::<f64>().unwrap_or(0.0);
    }

    /// Draws `glyphs` with their left edge at `x` on `baseline`, at `size` points.
    pub fn show(&mut self, glyphs: &[Glyph], x: f64, baseline: f64, size: f64) {
        let mut pen = x;
        let mut placed = false; // the text position is at `pen`
        let mut drift = 0.0; // drawn minus shaped advance since the last move, in thousandths
        for glyph in glyphs {
            let cid = self.fonts.cid(glyph);
            let font = (glyph.face, (size * 1000.0).round() as u64);
            if self.font != Some(font) {
                self.close();
                let _ = writeln!(self.out, "/{} {} Tf", FontSet::resource(glyph.face), num(size));
                self.font = Some(font);
            }
            let offset = glyph.dx != 0.0 || glyph.dy != 0.0;
            if offset || !placed {
                self.move_to(pen + glyph.dx * size, baseline + glyph.dy * size);
                drift = 0.0;
            }
            if !self.array {
                self.out.push('[');
                self.array = true;
            }
            if !self.string {
                self.out.push('<');
                self.string = true;
            }
            let _ = write!(self.out, "{cid:04X}");
            // The viewer advances by the font program's width; the shaped advance may differ
            // (kerning): the difference follows in thousandths of the text size.
            // A rounding under 1.5 thousandths (0.015 pt at 10 pt) is carried, not written.
            let natural = (glyph.natural * 1000.0).round();
            let owed = drift + natural - glyph.advance * 1000.0;
            let adjust = if owed.abs() < 1.5 { 0.0 } else { owed.round() };
            if adjust != 0.0 {
                self.out.push('>');
                self.string = false;
                let _ = write!(self.out, "{adjust}");
            }
            drift += natural - adjust - glyph.advance * 1000.0;
            pen += glyph.advance * size;
            placed = !offset;
        }
        self.close();
    }

    /// Closes the text object.
    pub fn end(mut self) {
        self.close();
        self.out.push_str("ET\n");
    }
}
