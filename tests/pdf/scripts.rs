//! Right-to-left and complex scripts: Arabic, Persian and Urdu shaped and set right to left,
//! Thai with its marks, mixed-direction lines, read back in reading order.

use super::reader::Reader;
use super::{VOWEL_MARKS, case, is_arabic_mark, is_rtl, squeeze};
use kirjaamo::pdf;

pub fn arabic_persian_thai_and_mixed_lines_print_shaped_and_extract_as_typed(r: &dyn Reader) {
    for (name, faces) in [
        ("05-arabic.json", &["NotoSansArabic"][..]),
        ("28-arabic-persian.json", &["NotoSansArabic"][..]),
        (VOWEL_MARKS, &["NotoSansArabic"][..]),
        ("29-thai.json", &["NotoSansThai"][..]),
        ("31-mixed-direction.json", &["NotoSansArabic", "NotoEmoji", "DejaVuSans-Symbols"][..]),
    ] {
        let rendered = pdf::render(&case(name)).expect("render");
        assert!(rendered.replaced.is_empty(), "{name}: {:?}", rendered.replaced);
        let text = r.raw_text(&rendered.bytes);
        assert!(!text.contains("[U+"), "{name}: no markers\n{text}");
        let fonts = r.fonts(&rendered.bytes);
        for face in faces {
            assert!(fonts.iter().any(|f| f.face() == *face), "{name}: {face}\n{fonts:?}");
        }
        assert!(rendered.bytes.len() <= 60_000, "{name}: {} bytes", rendered.bytes.len());
    }
    // The reading order gives each value in a right-to-left script back as typed, vowel
    // marks (مُحَمَّد), ligatures (لا) and Persian non-joiners included. (pdftotext reads a number and
    // the punctuation beside it as one left-to-right word, "١٢،" as "،١٢": values with digits are
    // left to the raw order check above.)
    for name in ["05-arabic.json", "28-arabic-persian.json", VOWEL_MARKS] {
        let transaction = case(name);
        let text = squeeze(&r.reading_text(&pdf::render(&transaction).expect("render").bytes));
        // (Nor does it read a vowel mark that ends a line in its place: the Basmala's last kasra
        // comes out first.)
        let rtl_only = |v: &str| {
            v.chars().all(|c| !c.is_alphanumeric() || is_rtl(c) || is_arabic_mark(c))
                && !v.chars().any(char::is_numeric)
                && !v.chars().next_back().is_some_and(is_arabic_mark)
        };
        let values: Vec<String> =
            transaction.fields.iter().map(|f| f.value.clone()).chain([transaction.submitter.name.clone()]).collect();
        let checked: Vec<&String> = values.iter().filter(|v| rtl_only(v)).collect();
        assert!(!checked.is_empty(), "{name}");
        for value in checked {
            assert!(text.contains(&squeeze(value)), "{name}: {value}\nin {text}");
        }
    }
    // Word by word, in reading order: every right-to-left word of every value, with
    // the numbers and punctuation beside it, as often as it was typed.
    for name in ["05-arabic.json", "28-arabic-persian.json", "31-mixed-direction.json", VOWEL_MARKS] {
        let transaction = case(name);
        let text = r.reading_text(&pdf::render(&transaction).expect("render").bytes);
        let clean = |t: &str| {
            t.chars().filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}')).collect::<String>()
        };
        let count = |t: &str, word: &str| clean(t).matches(word).count();
        // (A word that mixes directions, "تامبere", is split by the bidi algorithm itself.)
        let mixes =
            |v: &str| v.split_whitespace().any(|w| w.chars().any(is_rtl) && w.chars().any(|c| c.is_ascii_alphabetic()));
        for value in transaction.fields.iter().map(|f| f.value.as_str()).filter(|v| !mixes(v)) {
            // (A word-final vowel mark before a symbol or at a line's end is read out of place.)
            let checked = |w: &&str| w.chars().all(|c| is_rtl(c) || is_arabic_mark(c)) && !w.ends_with(is_arabic_mark);
            for word in value.split_whitespace().filter(checked) {
                assert!(count(&text, word) >= count(value, word), "{name}: {word} in\n{text}");
            }
        }
    }
    // Every glyph of Arabic without vowel marks has its Unicode text: PDF/A-2a and PDF/UA-1. A
    // vowel mark (28 has the tanween of شكراً) is drawn in its letter's cluster, whose text the
    // letter carries: PDF/A-2b.
    for (name, accessible) in [("05-arabic.json", true), ("28-arabic-persian.json", false), (VOWEL_MARKS, false)] {
        let meta = r.metadata(&pdf::render(&case(name)).expect("render").bytes);
        assert_eq!(meta.contains("<pdfuaid:part>1</pdfuaid:part>"), accessible, "{name}");
        let conformance = if accessible { "A" } else { "B" };
        assert!(meta.contains(&format!("<pdfaid:conformance>{conformance}</pdfaid:conformance>")), "{name}");
    }
    // Thai words stay whole: no line of the long phrase ends before a vowel or tone mark.
    let text = r.raw_text(&pdf::render(&case("29-thai.json")).expect("render").bytes);
    for line in text.lines() {
        let first = line.chars().next();
        assert!(
            !first.is_some_and(unicode_normalization::char::is_combining_mark),
            "a line starts with a mark: {line}"
        );
    }
}
