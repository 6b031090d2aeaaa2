//! Text preparation so that no word is dropped, doubled or mangled: Unicode normalisation, visible
//! markers for characters the fonts lack, and line wrapping with the shaped widths, so that every
//! line fits its column.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

/// Characters after which an over-wide token (a URL, a MIME type, an IBAN) may be broken.
const BREAK_AFTER: &[char] = &['/', '-', '.', '_', '?', '&', '=', '#', ',', ';', ':', '@', '+', ')', ']'];

/// Columns between tab stops: a tab becomes the spaces to the next one.
const TAB_STOP: usize = 4;

/// Soft hyphen (U+00AD), pasted from word processors: a break opportunity that prints nothing,
/// or a hyphen where the line breaks at it.
pub const SOFT_HYPHEN: char = '\u{00ad}';
/// Zero-width space (U+200B): a break opportunity that prints nothing.
pub const ZERO_WIDTH_SPACE: char = '\u{200b}';

/// Zero-width joiner (U+200D): kept, invisible, after a pictograph, where it joins emoji such as
/// 👨‍👩‍👧; a marker anywhere else.
const ZERO_WIDTH_JOINER: char = '\u{200d}';

/// Zero-width non-joiner (U+200C): kept, invisible, after an Arabic-script letter; a marker
/// anywhere else.
const ZERO_WIDTH_NON_JOINER: char = '\u{200c}';

/// Letters of the Arabic script (Arabic, Persian, Urdu), after which a non-joiner belongs.
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064a}' | '\u{066e}'..='\u{06d3}' | '\u{06d5}' | '\u{06fa}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' | '\u{08a0}'..='\u{08ff}')
}

/// Emoji and pictographic symbols, after which a zero-width joiner belongs.
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27bf}' | '\u{2b00}'..='\u{2bff}' | '\u{1f000}'..='\u{1faff}')
}

/// Whether `c` is one of the invisible break opportunities kept through [`clean`] for [`wrap`].
pub fn is_break_opportunity(c: char) -> bool {
    c == SOFT_HYPHEN || c == ZERO_WIDTH_SPACE
}

/// The width of a text in points, at the size it is set in.
pub type Measure<'a> = dyn Fn(&str) -> f64 + 'a;

/// Cleans one value: NFC, line endings, tabs (spaces to the next stop of four columns), and a
/// `[U+XXXX]` marker for every character that `supported` rejects (it is given the character and
/// the one printed before it). Soft hyphens and zero-width
/// spaces stay, for [`wrap`] to break at and drop. Each replaced character is counted in
/// `replaced`.
pub fn clean(
    text: &str,
    supported: &dyn Fn(char, Option<char>) -> bool,
    replaced: &mut BTreeMap<char, usize>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let normalised: String = text.replace("\r\n", "\n").replace('\r', "\n").nfc().collect();
    let mut column = 0;
    for c in normalised.chars() {
        let before = out.len();
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
                continue;
            }
            '\t' => out.extend(std::iter::repeat_n(' ', TAB_STOP - column % TAB_STOP)),
            c if is_break_opportunity(c) => {
                out.push(c);
                continue;
            }
            ZERO_WIDTH_JOINER if out.chars().next_back().is_some_and(is_pictograph) => {
                out.push(ZERO_WIDTH_JOINER);
            }
            // Persian and Urdu spell with the non-joiner (می‌خواهم): the shaper keeps the letters
            // apart and draws nothing for it.
            ZERO_WIDTH_NON_JOINER
                if out.chars().next_back().is_some_and(is_arabic_letter) && supported(c, out.chars().next_back()) =>
            {
                out.push(ZERO_WIDTH_NON_JOINER);
            }
            c if !c.is_control() && !is_format(c) && supported(c, out.chars().next_back()) => out.push(c),
            c => {
                *replaced.entry(c).or_default() += 1;
                out.push_str(&marker(c));
            }
        }
        column += out[before..].chars().count();
    }
    out
}

/// `text` as printed where no line breaks inside it: without its soft hyphens and zero-width
/// spaces.
pub fn printed(text: &str) -> String {
    text.chars().filter(|&c| !is_break_opportunity(c)).collect()
}

/// Invisible formatting characters (Unicode category Cf): zero-width joiners, bidi overrides and
/// the like. They are shown as markers so that nothing hides in the record and no override can
/// reorder what a reader sees. (The soft hyphen and the zero-width space, also Cf, are break
/// opportunities instead: [`clean`] keeps them for [`wrap`].)
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
/// (an empty line for a blank one), and so is each line's indentation (leading spaces, from tabs
/// too), on its wrapped continuation lines as well. Words break at spaces, then at soft hyphens
/// (printed as "-" there) and zero-width spaces, then at safe points of over-wide tokens, or
/// between characters when there is none. The lines come back without soft hyphens and zero-width
/// spaces.
pub fn wrap(text: &str, measure: &Measure<'_>, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let rest = paragraph.trim_start_matches(' ');
        if rest.trim().is_empty() {
            lines.push(String::new());
            continue;
        }
        // An indent keeps at least half the column for the text.
        let mut indent = paragraph[..paragraph.len() - rest.len()].to_owned();
        while !indent.is_empty() && measure(&indent) > width / 2.0 {
            indent.pop();
        }
        let room = width - measure(&indent);
        lines.extend(wrap_words(rest, measure, room).into_iter().map(|line| format!("{indent}{}", printed(&line))));
    }
    lines
}

/// Fills lines of at most `width` with the words of one paragraph. A line measures as the sum of
/// its words and spaces, each word shaped on its own (and measured once).
fn wrap_words(paragraph: &str, measure: &Measure<'_>, width: f64) -> Vec<String> {
    // Soft hyphens and zero-width spaces have no glyph in the subsets, so they measure 0.
    let measure_word = |word: &str| measure(&printed(word));
    let space = measure(" ");
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0.0;
    for word in paragraph.split(' ') {
        let mut word = word.to_owned();
        loop {
            let joined = |piece: f64| if line.is_empty() { piece } else { used + space + piece };
            let candidate = joined(measure_word(&word));
            if candidate <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&word);
                used = candidate;
                break;
            }
            if let Some((head, tail)) = split_at_opportunity(&word, &|head| joined(measure(head)) <= width) {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&head);
                lines.push(std::mem::take(&mut line));
                used = 0.0;
                word = tail;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0.0;
                continue;
            }
            let mut pieces = break_token(&printed(&word), measure, width);
            line = pieces.pop().unwrap_or_default();
            used = measure(&line);
            lines.extend(pieces);
            break;
        }
    }
    lines.push(line);
    lines
}

/// The longest head of `word` that ends at a soft hyphen (shown as "-") or a zero-width space and
/// still `fits` the line, and the rest of the word.
fn split_at_opportunity(word: &str, fits: &dyn Fn(&str) -> bool) -> Option<(String, String)> {
    let chars: Vec<char> = word.chars().collect();
    (1..chars.len()).rev().filter(|&i| is_break_opportunity(chars[i])).find_map(|i| {
        let mut head: String = printed(&chars[..i].iter().collect::<String>());
        if chars[i] == SOFT_HYPHEN {
            head.push('-');
        }
        fits(&head).then(|| (head, chars[i + 1..].iter().collect()))
    })
}

/// Cuts an over-wide token into pieces that fit, preferring a safe break point, never between a
/// character and the combining marks on it.
fn break_token(token: &str, measure: &Measure<'_>, width: f64) -> Vec<String> {
    let chars: Vec<char> = token.chars().collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut end = start;
        let mut used = 0.0;
        while end < chars.len() {
            let mut next = end + 1;
            while next < chars.len() && unicode_normalization::char::is_combining_mark(chars[next]) {
                next += 1;
            }
            let w = measure(&chars[end..next].iter().collect::<String>());
            if used + w > width && end > start {
                break;
            }
            used += w;
            end = next;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 5 pt wide, but the invisible break opportunities.
    fn mono(text: &str) -> f64 {
        text.chars().filter(|&c| !is_break_opportunity(c)).count() as f64 * 5.0
    }

    #[test]
    fn clean_normalises_and_marks_what_the_font_lacks() {
        let mut replaced = BTreeMap::new();
        let text = clean("a\u{308}\tb\r\nx😀y\u{7}\n\tz\u{ad}w\u{200b}", &|c, _| c != '😀', &mut replaced);
        assert_eq!(text, "ä   b\nx[U+1F600]y[U+0007]\n    z\u{ad}w\u{200b}", "tabs to the next stop of four");
        assert_eq!(replaced, BTreeMap::from([('😀', 1), ('\u{7}', 1)]));
        // A zero-width joiner stays between emoji (👨‍👩), and is marked anywhere else.
        let mut marked = BTreeMap::new();
        assert_eq!(clean("👨\u{200d}👩 a\u{200d}b", &|_, _| true, &mut marked), "👨\u{200d}👩 a[U+200D]b");
        assert_eq!(marked, BTreeMap::from([('\u{200d}', 1)]));
        // A non-joiner stays inside a Persian word, and is marked anywhere else.
        let mut marked = BTreeMap::new();
        assert_eq!(clean("می\u{200c}خواهم a\u{200c}b", &|_, _| true, &mut marked), "می\u{200c}خواهم a[U+200C]b");
        assert_eq!(marked, BTreeMap::from([('\u{200c}', 1)]));
    }

    #[test]
    fn wrap_keeps_every_character_and_fits_each_line() {
        let url = format!("https://example.fi/{}", "polku/".repeat(30));
        let text = format!("Alku {url} loppu\n\nToinen kappale, jossa on sanoja.");
        let lines = wrap(&text, &mono, 100.0);
        assert!(lines.iter().all(|l| mono(l) <= 100.0), "{lines:?}");
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
    fn indentation_is_kept_on_every_line_of_its_paragraph() {
        let text = "Rivi 1\n    Sisennetty rivi, joka on niin pitkä että se jatkuu\n\n  x";
        let lines = wrap(text, &mono, 150.0);
        assert_eq!(lines[0], "Rivi 1");
        assert!(lines[1].starts_with("    Sisennetty"), "{lines:?}");
        let continued: Vec<&String> = lines[2..].iter().take_while(|l| !l.is_empty()).collect();
        assert!(!continued.is_empty() && continued.iter().all(|l| l.starts_with("    ") && !l.starts_with("     ")));
        assert!(lines.iter().all(|l| mono(l) <= 150.0), "{lines:?}");
        assert_eq!(lines.last().map(String::as_str), Some("  x"));
        assert!(lines.contains(&String::new()), "the blank line stays");
    }

    #[test]
    fn soft_hyphens_and_zero_width_spaces_break_and_print_nothing_else() {
        // 20 columns of 5 pt: the word breaks at the soft hyphen that fills the first line, and
        // the one on the second line, where nothing breaks, prints nothing.
        let text = "Asemakaava kaupunki\u{ad}suunnittelu\u{ad}virasto";
        let lines = wrap(text, &mono, 100.0);
        assert_eq!(lines, ["Asemakaava kaupunki-", "suunnitteluvirasto"]);
        let unbroken = wrap("ab\u{ad}cd ef\u{200b}gh", &mono, 100.0);
        assert_eq!(unbroken, ["abcd efgh"], "no hyphen and no mark where the line does not break");
        let path = format!("https://example.fi/{}", "osa\u{200b}".repeat(12));
        let broken = wrap(&path, &mono, 100.0);
        assert!(broken.iter().all(|l| mono(l) <= 100.0 && !l.contains('\u{200b}')), "{broken:?}");
        assert_eq!(broken.concat(), printed(&path));
    }

    #[test]
    fn one_enormous_word_is_cut_into_fitting_pieces() {
        let word = "x".repeat(500);
        let lines = wrap(&word, &mono, 100.0);
        assert_eq!(lines.len(), 25);
        assert_eq!(lines.concat(), word);
    }
}
