//! The corpus read back by a [`Reader`]: nothing lost or doubled, in order, indents and soft
//! hyphens as laid out, the fallback faces, and the file clean, subset and archival.

use super::reader::Reader;
use super::{VOWEL_MARKS, case, corpus, is_arabic_mark, is_rtl, left_to_right, printed_as, squeeze, word_counts};
use kirjaamo::pdf;

pub fn every_word_is_printed_exactly_once_in_order(r: &dyn Reader) {
    for (path, transaction) in corpus().into_iter().filter(|(p, _)| !p.ends_with(VOWEL_MARKS)) {
        let rendered = pdf::render(&transaction).unwrap_or_else(|e| panic!("{}: {e:#}", path.display()));
        let extracted = r.raw_text(&rendered.bytes);
        let pages: Vec<&str> = extracted.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
        assert_eq!(pages.len(), rendered.pages, "{}", path.display());
        let mut body = String::new();
        for (index, page) in pages.iter().enumerate() {
            let mut lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
            let (left, right) = pdf::footer_text(&transaction, index + 1, rendered.pages);
            // Both footer texts stand on one baseline, so they read as one line.
            let footer = lines.pop().unwrap_or_default();
            assert_eq!(footer, format!("{left} {right}"), "{} page {}", path.display(), index + 1);
            body.push_str(&lines.join("\n"));
            body.push('\n');
        }
        let shown = pdf::shown_text(&transaction).expect("content");
        let has_rtl = shown.iter().any(|t| t.chars().any(is_rtl));
        let expected = squeeze(&shown.iter().map(|t| left_to_right(t, has_rtl)).collect::<String>());
        let actual = squeeze(&left_to_right(&body, has_rtl));
        if let Err(at) = printed_as(&expected, &actual) {
            let context = |s: &str| s.chars().skip(at.saturating_sub(30)).take(80).collect::<String>();
            panic!(
                "{}: text differs at char {at}\nexpected …{}…\nprinted  …{}…",
                path.display(),
                context(&expected),
                context(&actual)
            );
        }
        // Word by word: every word that fits a line appears exactly as often as it was submitted.
        let plain: String = body.chars().filter(|c| !matches!(c, '\u{202a}'..='\u{202e}')).collect();
        let plain = left_to_right(&plain, has_rtl);
        let printed = word_counts(std::iter::once(plain.as_str()));
        let shown_ltr: Vec<String> = shown.iter().map(|t| left_to_right(t, has_rtl)).collect();
        for (word, count) in word_counts(shown_ltr.iter().map(String::as_str)) {
            if word.chars().count() <= 40 {
                assert_eq!(printed.get(&word), Some(&count), "{}: {word:?}", path.display());
            }
        }
    }
}

pub fn indentation_soft_hyphens_and_zero_width_spaces_print_as_laid_out(r: &dyn Reader) {
    let transaction = case("27-indent-soft-hyphens.json");
    let rendered = pdf::render(&transaction).expect("render");
    assert!(rendered.replaced.is_empty(), "no markers: {:?}", rendered.replaced);
    let text = r.raw_text(&rendered.bytes);
    assert!(!text.contains("[U+") && !text.contains(['\u{ad}', '\u{200b}']), "{text}");
    assert!(text.contains("Tavuviiva ei näy"), "no hyphen where the line does not break");

    // A tab is four spaces of Liberation Sans at 10 pt (569/2048 em each): 11.1 pt, on the
    // continuation of a wrapped line too; four typed spaces indent as far as one tab.
    let words = r.words(&rendered.bytes);
    let x =
        |word: &str| words.iter().find(|w| w.text == word).map(|w| w.x).unwrap_or_else(|| panic!("{word}: {words:?}"));
    let tab = 4.0 * 569.0 / 2048.0 * 10.0;
    let margin = x("Huomiot:");
    for (word, tabs) in [("Ensimmäinen", 1.0), ("Alakohta,", 2.0), ("Toinen", 1.0), ("Neljällä", 1.0), ("Loppu", 0.0)]
    {
        assert!((x(word) - margin - tabs * tab).abs() < 0.5, "{word} at {} (margin {margin})", x(word));
    }
    let lines: Vec<&str> = text.lines().collect();
    let after = lines.iter().position(|l| l.starts_with("Alakohta,")).expect("the long line");
    assert!(!lines[after + 1].starts_with("Toinen"), "the long line wraps");
    let continued = lines[after + 1].split_whitespace().next().expect("a word");
    assert!((x(continued) - margin - 2.0 * tab).abs() < 0.5, "{continued} keeps the indent");

    // The compound words break at their soft hyphens, with a hyphen there and nowhere else.
    let hyphenated: Vec<&&str> = lines.iter().filter(|l| l.ends_with('-')).collect();
    assert!(!hyphenated.is_empty(), "{text}");
    let words: Vec<String> = transaction.fields[1].value.split(' ').map(|w| w.replace('\u{ad}', "")).collect();
    for line in hyphenated {
        let piece = line.rsplit(' ').next().unwrap_or_default().trim_end_matches('-');
        assert!(words.iter().any(|w| w.contains(piece) && !w.ends_with(piece)), "{piece} ends at a soft hyphen");
    }
}

pub fn missing_glyphs_are_marked_and_reported(r: &dyn Reader) {
    let rendered = pdf::render(&case("22-cjk.json")).expect("render");
    let world = rendered.replaced.iter().find(|r| r.character == '世').expect("世 reported");
    assert_eq!(world.marker, "[U+4E16]");
    assert_eq!(world.count, 2);
    assert_eq!(r.raw_text(&rendered.bytes).matches("[U+4E16]").count(), 2);
}

pub fn emoji_and_symbols_print_from_the_fallback_faces_and_extract_as_typed(r: &dyn Reader) {
    let faces = |pdf: &[u8]| r.fonts(pdf).iter().map(|f| f.face().to_owned()).collect::<Vec<String>>();
    let emoji = pdf::render(&case("04-emoji.json")).expect("render");
    // Only the skin-tone modifier has no shipped face (Noto Emoji draws no modifiers).
    let replaced: Vec<char> = emoji.replaced.iter().map(|r| r.character).collect();
    assert_eq!(replaced, ['\u{1f3fd}'], "{:?}", emoji.replaced);
    let text = r.raw_text(&emoji.bytes);
    for typed in ["Palaute 😀", "👍", "palvelusta 🎉🇫🇮", "👨\u{200d}👩\u{200d}👧", "❤\u{fe0f}"] {
        assert!(text.contains(typed), "{typed:?} in\n{text}");
    }
    assert!(faces(&emoji.bytes).iter().any(|f| f == "NotoEmoji"), "{:?}", faces(&emoji.bytes));

    let symbols = pdf::render(&case("15-symbols.json")).expect("render");
    assert!(symbols.replaced.is_empty(), "{:?}", symbols.replaced);
    let text = r.raw_text(&symbols.bytes);
    assert!(text.contains("→ ← ↑ ↓ ✓ ✗ № ℃"), "{text}");
    let used = faces(&symbols.bytes);
    assert!(used.iter().any(|f| f == "DejaVuSans-Symbols") && !used.iter().any(|f| f == "NotoEmoji"), "{used:?}");

    // Hundreds of distinct characters of many scripts, with emoji and symbols among them.
    let many = pdf::render(&case("26-many-scripts.json")).expect("render");
    assert!(many.replaced.is_empty(), "{:?}", many.replaced);
    let text = r.raw_text(&many.bytes);
    assert!(text.contains("✓ valmis 😀 → seuraava ℃ ★"), "{text}");
    let fonts = r.fonts(&many.bytes);
    for face in ["NotoEmoji", "DejaVuSans-Symbols"] {
        let row = fonts.iter().find(|f| f.face() == face).unwrap_or_else(|| panic!("{face}: {fonts:?}"));
        assert!(row.embedded && row.subset && row.unicode, "{row:?}");
    }
}

pub fn the_pdf_is_clean_subset_and_archival(r: &dyn Reader) {
    // Every fourth case, and the two whose text needs the emoji and the symbol face.
    let cases = corpus()
        .into_iter()
        .enumerate()
        .filter(|(i, (p, _))| i % 4 == 0 || p.ends_with("04-emoji.json") || p.ends_with("15-symbols.json"));
    for (_, (path, transaction)) in cases {
        let rendered = pdf::render(&transaction).expect("render");
        if let Err(problem) = r.check(&rendered.bytes) {
            panic!("{}: {problem}", path.display());
        }
        let fonts = r.fonts(&rendered.bytes);
        assert!((2..=6).contains(&fonts.len()), "{}: only the faces used\n{fonts:?}", path.display());
        let mut names: Vec<&str> = Vec::new();
        for row in &fonts {
            assert!(row.name.contains('+'), "subset tag: {row:?}");
            let known = [
                "LiberationSans",
                "LiberationSans-Bold",
                "NotoSansArabic",
                "NotoSansThai",
                "NotoEmoji",
                "DejaVuSans-Symbols",
            ];
            assert!(known.contains(&row.face()), "{row:?}");
            assert!(!names.contains(&row.face()), "each face embedded once: {fonts:?}");
            names.push(row.face());
            assert!(row.embedded && row.subset && row.unicode, "embedded, subset, unicode: {row:?}");
        }
        let meta = r.metadata(&rendered.bytes);
        // PDF/A-2a and PDF/UA-1 where every glyph has its Unicode text; PDF/A-2b where a mark is
        // drawn in a cluster whose text its letter carries (Arabic vowel marks, Thai vowel and tone
        // marks, a combining tilde on q): a reader reads a mark with its own text apart.
        let accessible = meta.contains("<pdfaid:conformance>A</pdfaid:conformance>")
            && meta.contains("<pdfuaid:part>1</pdfuaid:part>");
        let archival = meta.contains("<pdfaid:conformance>B</pdfaid:conformance>") && !meta.contains("pdfuaid:part");
        assert!(meta.contains("<pdfaid:part>2</pdfaid:part>") && (accessible || archival), "{}", path.display());
        let marks = transaction.fields.iter().any(|f| {
            f.value.chars().any(|c| is_arabic_mark(c) || ('\u{0e31}'..='\u{0e4e}').contains(&c) || c == '\u{0303}')
        });
        assert_eq!(accessible, !marks, "{}", path.display());
        assert!(meta.contains(&transaction.id), "dc:title names the transaction");
        let info = r.info(&rendered.bytes);
        assert_eq!(info.version, "1.7", "{info:?}");
        assert_eq!(info.title, format!("{} {}", transaction.service.name, transaction.id), "{info:?}");
        let raw = String::from_utf8_lossy(&rendered.bytes);
        assert!(raw.contains("GTS_PDFA1") || !raw.contains("FOGRA"), "sRGB output intent");
        assert!(r.displays_doc_title(&rendered.bytes), "{}: the window shows the title", path.display());
    }
}
