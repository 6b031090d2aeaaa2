//! Text preparation so that genpdf never drops, doubles or mangles a word: Unicode normalisation,
//! visible markers for characters the font lacks, and line wrapping done here, with the font's own
//! advance widths, so that every line handed to genpdf already fits its column.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

/// Characters after which an over-wide token (a URL, a MIME type, an IBAN) may be broken.
const BREAK_AFTER: &[char] = &['/', '-', '.', '_', '?', '&', '=', '#', ',', ';', ':', '@', '+', ')', ']'];

/// Spaces a tab becomes.
const TAB: &str = "    ";

/// Advance widths of one face, in font units, for the characters a document uses.
#[derive(Debug, Clone)]
pub struct Widths {
    /// Advance of each character.
    pub advances: BTreeMap<char, u16>,
    /// Units per em of the face.
    pub units_per_em: u16,
}

impl Widths {
    /// Width of `text` in points at `size`.
    pub fn width(&self, text: &str, size: f64) -> f64 {
        let units: u64 = text.chars().map(|c| u64::from(self.advances.get(&c).copied().unwrap_or(0))).sum();
        units as f64 * size / f64::from(self.units_per_em.max(1))
    }
}

/// Cleans one value: NFC, line endings, tabs, and a `[U+XXXX]` marker for every character that
/// `supported` rejects. Each replaced character is counted in `replaced`.
pub fn clean(text: &str, supported: &dyn Fn(char) -> bool, replaced: &mut BTreeMap<char, usize>) -> String {
    let mut out = String::with_capacity(text.len());
    let normalised: String = text.replace("\r\n", "\n").replace('\r', "\n").nfc().collect();
    for c in normalised.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str(TAB),
            c if !c.is_control() && !is_format(c) && supported(c) => out.push(c),
            c => {
                *replaced.entry(c).or_default() += 1;
                out.push_str(&marker(c));
            }
        }
    }
    out
}

/// Invisible formatting characters (Unicode category Cf): zero-width spaces and joiners, bidi
/// overrides, the soft hyphen. They are shown as markers so that nothing hides in the record and no
/// override can reorder what a reader sees.
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00ad}' | '\u{0600}'..='\u{0605}' | '\u{061c}' | '\u{06dd}' | '\u{070f}' | '\u{180e}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}'
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{e0001}' | '\u{e0020}'..='\u{e007f}')
}

/// The visible stand-in for a character the font cannot show.
pub fn marker(c: char) -> String {
    format!("[U+{:04X}]", u32::from(c))
}

/// Wraps `text` into lines no wider than `width` points at `size`. Line breaks in the text are kept
/// (an empty line for a blank one); over-wide tokens are broken at safe points, or between
/// characters when there is none.
pub fn wrap(text: &str, widths: &Widths, size: f64, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if widths.width(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if widths.width(word, size) <= width {
                line = word.to_owned();
                continue;
            }
            let mut pieces = break_token(word, widths, size, width);
            line = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
        }
        lines.push(line);
    }
    lines
}

fn break_token(token: &str, widths: &Widths, size: f64, width: f64) -> Vec<String> {
    let chars: Vec<char> = token.chars().collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut end = start;
        let mut used = 0.0;
        while end < chars.len() {
            let w = widths.width(&chars[end].to_string(), size);
            if used + w > width && end > start {
                break;
            }
            used += w;
            end += 1;
        }
        if end < chars.len() {
            // Prefer a safe break point in the last two thirds of the piece.
            let floor = start + (end - start) / 3;
            if let Some(at) = (floor..end).rev().find(|&i| BREAK_AFTER.contains(&chars[i])) {
                end = at + 1;
            }
        }
        pieces.push(chars[start..end].iter().collect());
        start = end;
    }
    pieces
}

/// A line in visual order: right-to-left runs (Hebrew) reversed for left-to-right drawing, as
/// genpdf draws every line left to right. Lines without right-to-left text come back unchanged.
pub fn visual(line: &str) -> String {
    let info = unicode_bidi::BidiInfo::new(line, Some(unicode_bidi::Level::ltr()));
    if !info.has_rtl() {
        return line.to_owned();
    }
    info.paragraphs.iter().map(|p| info.reorder_line(p, p.range.clone()).into_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mono() -> Widths {
        let advances = (' '..='~').chain("äöåÄÖÅ€".chars()).map(|c| (c, 500)).collect();
        Widths { advances, units_per_em: 1000 }
    }

    #[test]
    fn clean_normalises_and_marks_what_the_font_lacks() {
        let mut replaced = BTreeMap::new();
        let text = clean("a\u{308}\tb\r\nx😀y\u{7}", &|c| c != '😀', &mut replaced);
        assert_eq!(text, "ä    b\nx[U+1F600]y[U+0007]");
        assert_eq!(replaced, BTreeMap::from([('😀', 1), ('\u{7}', 1)]));
    }

    #[test]
    fn wrap_keeps_every_character_and_fits_each_line() {
        let widths = mono();
        let url = format!("https://example.fi/{}", "polku/".repeat(30));
        let text = format!("Alku {url} loppu\n\nToinen kappale, jossa on sanoja.");
        let lines = wrap(&text, &widths, 10.0, 100.0);
        assert!(lines.iter().all(|l| widths.width(l, 10.0) <= 100.0), "{lines:?}");
        let joined: String = lines.concat().split_whitespace().collect();
        let expected: String = text.split_whitespace().collect();
        assert_eq!(joined, expected);
        assert!(lines.contains(&String::new()), "the blank line stays");
        assert!(
            lines
                .iter()
                .filter(|l| l.starts_with("polku") || l.contains("example"))
                .all(|l| l.ends_with('/') || l.ends_with("loppu"))
        );
    }

    #[test]
    fn right_to_left_runs_are_drawn_reversed() {
        assert_eq!(visual("Nimi שלום"), "Nimi םולש");
        // A number after Hebrew joins its run, as the bidi algorithm says.
        assert_eq!(visual("Nimi שלום 12"), "Nimi 12 םולש");
        assert_eq!(visual("plain"), "plain");
    }

    #[test]
    fn one_enormous_word_is_cut_into_fitting_pieces() {
        let widths = mono();
        let word = "x".repeat(500);
        let lines = wrap(&word, &widths, 10.0, 100.0);
        assert_eq!(lines.len(), 25);
        assert_eq!(lines.concat(), word);
    }
}
