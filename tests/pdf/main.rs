//! The transaction PDF, checked with poppler and qpdf over a corpus of tricky transactions:
//! nothing lost or doubled, fonts embedded and subset, PDF/A identification, reproducible bytes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use kirjaamo::domain::Transaction;
use kirjaamo::pdf;

mod scripts;
mod tags;

fn corpus() -> Vec<(PathBuf, Transaction)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pdf_corpus");
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(&dir).expect("corpus").filter_map(|e| Some(e.ok()?.path())).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "json"));
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read");
            let transaction = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, transaction)
        })
        .collect()
}

fn tool(program: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("t.pdf");
    std::fs::write(&file, pdf).expect("write");
    let mut command = Command::new(program);
    command.args(args).arg(&file);
    if program == "pdftotext" {
        command.arg("-");
    }
    let output = command.output().unwrap_or_else(|e| panic!("{program} must be installed (.ci/packages): {e}"));
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success() || program == "qpdf", "{program} failed: {text}");
    text
}

/// The text without white space and without the bidi marks pdftotext puts around RTL words.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'))
        .collect()
}

/// Arabic vowel and other marks.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061a}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06ed}')
}

/// The case whose Arabic carries vowel marks. `pdftotext -raw` keeps no bidi state and breaks a
/// word at each mark, so the raw order check leaves it out; pdftotext's reading order gives it
/// back as typed, which `arabic_persian_thai_and_mixed_lines_print_shaped_and_extract_as_typed`
/// checks.
const VOWEL_MARKS: &str = "32-arabic-vowel-marks.json";

/// In a transaction with right-to-left text, the words with left-to-right letters only (the
/// others as they are): `pdftotext -raw` gives a right-to-left line's words in the order they are
/// drawn, numbers, emoji and symbols take the direction of the text around them, and brackets are
/// mirrored where it turns. The right-to-left words are checked in pdftotext's reading order by
/// `arabic_persian_thai_and_mixed_lines_print_shaped_and_extract_as_typed`.
fn left_to_right(text: &str, has_rtl: bool) -> String {
    let script = |c: char| matches!(c, '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}');
    if !has_rtl {
        return text.to_owned();
    }
    let words = text.split_whitespace().filter(|w| !w.chars().any(script) && w.chars().any(char::is_alphabetic));
    words.map(|w| w.replace(['(', ')', '[', ']', '{', '}'], "")).collect::<Vec<String>>().join(" ")
}

/// Whether `actual` is `expected` as printed: zero-width spaces print nothing, and a soft hyphen
/// prints nothing or, where the line broke at it, "-". Returns the first char where they part.
fn printed_as(expected: &str, actual: &str) -> Result<(), usize> {
    let expected: Vec<char> = expected.chars().filter(|&c| c != '\u{200b}').collect();
    let actual: Vec<char> = actual.chars().collect();
    let (mut e, mut a) = (0, 0);
    while e < expected.len() {
        if expected[e] == '\u{ad}' {
            if actual.get(a) == Some(&'-') && expected.get(e + 1) != Some(&'-') {
                a += 1;
            }
            e += 1;
        } else if actual.get(a) == Some(&expected[e]) {
            e += 1;
            a += 1;
        } else {
            return Err(a);
        }
    }
    if a == actual.len() { Ok(()) } else { Err(a) }
}

/// Letters of the right-to-left scripts, and the marks on them: what pdftotext reads back in
/// logical order. (Digits and punctuation, Arabic-Indic ones too, it reads as drawn.)
fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0591}'..='\u{05c7}' | '\u{05d0}'..='\u{05f4}' | '\u{0610}'..='\u{061a}' | '\u{0620}'..='\u{065f}'
        | '\u{066e}'..='\u{06d3}' | '\u{06d5}'..='\u{06ed}' | '\u{06fa}'..='\u{06ff}' | '\u{0750}'..='\u{077f}'
        | '\u{08a0}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{fefc}')
}

fn word_counts<'a>(texts: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    // Words with soft hyphens may print in two pieces; `printed_as` checks them.
    for word in texts.flat_map(str::split_whitespace).filter(|w| !w.contains(['\u{ad}', '\u{200b}'])) {
        // A word that mixes directions ("تامبere") is split by the bidi algorithm itself, its
        // parts apart on the line and each beside other words: each part counts on its own.
        let mut part = String::new();
        for c in word.chars() {
            if part.chars().next_back().is_some_and(|p| is_rtl(p) != is_rtl(c)) {
                *counts.entry(std::mem::take(&mut part)).or_default() += 1;
            }
            part.push(c);
        }
        *counts.entry(part).or_default() += 1;
    }
    counts
}

#[test]
fn the_corpus_is_large_and_tricky_enough() {
    let corpus = corpus();
    assert!(corpus.len() >= 20);
    let values: Vec<&str> = corpus.iter().flat_map(|(_, t)| t.fields.iter().map(|f| f.value.as_str())).collect();
    assert!(values.iter().any(|v| v.len() >= 5000 - 100), "a 5,000-character value");
    assert!(values.iter().any(|v| v.starts_with("https://") && v.len() >= 200), "a 200-character URL");
    assert!(values.iter().any(|v| v.contains('\t')), "tabs");
    assert!(corpus.iter().any(|(_, t)| t.fields.len() >= 300), "300 fields");
}

#[test]
fn every_word_is_printed_exactly_once_in_order() {
    for (path, transaction) in corpus().into_iter().filter(|(p, _)| !p.ends_with(VOWEL_MARKS)) {
        let rendered = pdf::render(&transaction).unwrap_or_else(|e| panic!("{}: {e:#}", path.display()));
        let extracted = tool("pdftotext", &["-raw", "-enc", "UTF-8"], &rendered.bytes);
        let pages: Vec<&str> = extracted.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
        assert_eq!(pages.len(), rendered.pages, "{}", path.display());
        let mut body = String::new();
        for (index, page) in pages.iter().enumerate() {
            let mut lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
            let (left, right) = pdf::footer_text(&transaction, index + 1, rendered.pages);
            // Both footer texts stand on one baseline, so pdftotext gives them as one line.
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

/// Each word pdftotext finds on page 1 with its left edge, in points (`pdftotext -bbox`).
fn word_boxes(pdf: &[u8]) -> Vec<(String, f64)> {
    let html = tool("pdftotext", &["-bbox", "-f", "1", "-l", "1", "-enc", "UTF-8"], pdf);
    html.lines()
        .filter_map(|line| {
            let x = line.split("xMin=\"").nth(1)?.split('"').next()?.parse().ok()?;
            let word = line.split('>').nth(1)?.split("</word").next()?;
            Some((word.to_owned(), x))
        })
        .collect()
}

#[test]
fn indentation_soft_hyphens_and_zero_width_spaces_print_as_laid_out() {
    let (_, transaction) =
        corpus().into_iter().find(|(p, _)| p.ends_with("27-indent-soft-hyphens.json")).expect("case");
    let rendered = pdf::render(&transaction).expect("render");
    assert!(rendered.replaced.is_empty(), "no markers: {:?}", rendered.replaced);
    let text = tool("pdftotext", &["-raw", "-enc", "UTF-8"], &rendered.bytes);
    assert!(!text.contains("[U+") && !text.contains(['\u{ad}', '\u{200b}']), "{text}");
    assert!(text.contains("Tavuviiva ei näy"), "no hyphen where the line does not break");

    // A tab is four spaces of Liberation Sans at 10 pt (569/2048 em each): 11.1 pt, on the
    // continuation of a wrapped line too; four typed spaces indent as far as one tab.
    let boxes = word_boxes(&rendered.bytes);
    let x =
        |word: &str| boxes.iter().find(|(w, _)| w == word).map(|b| b.1).unwrap_or_else(|| panic!("{word}: {boxes:?}"));
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

#[test]
fn missing_glyphs_are_marked_and_reported() {
    let (_, cjk) = corpus().into_iter().find(|(p, _)| p.ends_with("22-cjk.json")).expect("CJK case");
    let rendered = pdf::render(&cjk).expect("render");
    let world = rendered.replaced.iter().find(|r| r.character == '世').expect("世 reported");
    assert_eq!(world.marker, "[U+4E16]");
    assert_eq!(world.count, 2);
    let text = tool("pdftotext", &["-raw", "-enc", "UTF-8"], &rendered.bytes);
    assert!(text.contains("[U+4E16]"));
}

#[test]
fn emoji_and_symbols_print_from_the_fallback_faces_and_extract_as_typed() {
    let case = |name: &str| corpus().into_iter().find(|(p, _)| p.ends_with(name)).expect("case").1;
    let emoji = pdf::render(&case("04-emoji.json")).expect("render");
    // Only the skin-tone modifier has no shipped face (Noto Emoji draws no modifiers).
    let replaced: Vec<char> = emoji.replaced.iter().map(|r| r.character).collect();
    assert_eq!(replaced, ['\u{1f3fd}'], "{:?}", emoji.replaced);
    let text = tool("pdftotext", &["-raw", "-enc", "UTF-8"], &emoji.bytes);
    for typed in ["Palaute 😀", "👍", "palvelusta 🎉🇫🇮", "👨\u{200d}👩\u{200d}👧", "❤\u{fe0f}"] {
        assert!(text.contains(typed), "{typed:?} in\n{text}");
    }
    let fonts = tool("pdffonts", &[], &emoji.bytes);
    assert!(fonts.contains("+NotoEmoji"), "{fonts}");

    let symbols = pdf::render(&case("15-symbols.json")).expect("render");
    assert!(symbols.replaced.is_empty(), "{:?}", symbols.replaced);
    let text = tool("pdftotext", &["-raw", "-enc", "UTF-8"], &symbols.bytes);
    assert!(text.contains("→ ← ↑ ↓ ✓ ✗ № ℃"), "{text}");
    let fonts = tool("pdffonts", &[], &symbols.bytes);
    assert!(fonts.contains("+DejaVuSans-Symbols") && !fonts.contains("NotoEmoji"), "only the faces used: {fonts}");

    // Hundreds of distinct characters of many scripts, with emoji and symbols among them.
    let many = pdf::render(&case("26-many-scripts.json")).expect("render");
    assert!(many.replaced.is_empty(), "{:?}", many.replaced);
    let text = tool("pdftotext", &["-raw", "-enc", "UTF-8"], &many.bytes);
    assert!(text.contains("✓ valmis 😀 → seuraava ℃ ★"), "{text}");
    let fonts = tool("pdffonts", &[], &many.bytes);
    for face in ["+NotoEmoji", "+DejaVuSans-Symbols"] {
        let row = fonts.lines().find(|l| l.contains(face)).unwrap_or_else(|| panic!("{face}: {fonts}"));
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(&columns[columns.len() - 5..columns.len() - 2], ["yes", "yes", "yes"], "{row}");
    }
}

#[test]
fn the_pdf_is_clean_subset_and_archival() {
    // Every fourth case, and the two whose text needs the emoji and the symbol face.
    let cases = corpus()
        .into_iter()
        .enumerate()
        .filter(|(i, (p, _))| i % 4 == 0 || p.ends_with("04-emoji.json") || p.ends_with("15-symbols.json"));
    for (_, (path, transaction)) in cases {
        let rendered = pdf::render(&transaction).expect("render");
        let check = tool("qpdf", &["--check"], &rendered.bytes);
        assert!(check.contains("No syntax or stream encoding errors found"), "{}: {check}", path.display());
        assert!(!check.contains("WARNING"), "{}: {check}", path.display());
        let fonts = tool("pdffonts", &[], &rendered.bytes);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!((2..=6).contains(&rows.len()), "{}: only the faces used\n{fonts}", path.display());
        let mut names: Vec<&str> = Vec::new();
        for row in rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            assert!(columns[0].contains('+'), "subset tag: {row}");
            let name = columns[0].split('+').nth(1).unwrap_or_default();
            assert!(
                [
                    "LiberationSans",
                    "LiberationSans-Bold",
                    "NotoSansArabic",
                    "NotoSansThai",
                    "NotoEmoji",
                    "DejaVuSans-Symbols"
                ]
                .contains(&name),
                "{row}"
            );
            assert!(!names.contains(&name), "each face embedded once: {fonts}");
            names.push(name);
            assert_eq!(
                &columns[columns.len() - 5..columns.len() - 2],
                ["yes", "yes", "yes"],
                "embedded, subset, unicode: {row}"
            );
        }
        let info = tool("pdfinfo", &["-meta"], &rendered.bytes);
        // PDF/A-2a and PDF/UA-1 where every glyph has its Unicode text; PDF/A-2b where a mark is
        // drawn in a cluster whose text its letter carries (Arabic vowel marks, Thai vowel and tone
        // marks, a combining tilde on q): pdftotext reads a mark with its own text apart.
        let accessible = info.contains("<pdfaid:conformance>A</pdfaid:conformance>")
            && info.contains("<pdfuaid:part>1</pdfuaid:part>");
        let archival = info.contains("<pdfaid:conformance>B</pdfaid:conformance>") && !info.contains("pdfuaid:part");
        assert!(info.contains("<pdfaid:part>2</pdfaid:part>") && (accessible || archival), "{}", path.display());
        let marks = transaction.fields.iter().any(|f| {
            f.value.chars().any(|c| is_arabic_mark(c) || ('\u{0e31}'..='\u{0e4e}').contains(&c) || c == '\u{0303}')
        });
        assert_eq!(accessible, !marks, "{}", path.display());
        assert!(info.contains(&transaction.id), "dc:title names the transaction");
        let summary = tool("pdfinfo", &[], &rendered.bytes);
        assert!(summary.contains("PDF version:     1.7"), "{summary}");
        assert!(
            summary.contains(&format!("Title:           {} {}", transaction.service.name, transaction.id)),
            "{summary}"
        );
        let raw = String::from_utf8_lossy(&rendered.bytes);
        assert!(raw.contains("GTS_PDFA1") || !raw.contains("FOGRA"), "sRGB output intent");
        let json = tool("qpdf", &["--json=2", "--json-key=qpdf"], &rendered.bytes);
        assert!(json.contains("\"/DisplayDocTitle\": true"), "{}: the window shows the title", path.display());
    }
}

#[test]
fn the_same_transaction_gives_the_same_bytes() {
    let (_, transaction) = corpus().into_iter().nth(1).expect("a transaction");
    let first = pdf::render(&transaction).expect("render");
    let second = pdf::render(&transaction).expect("render");
    assert!(first.bytes == second.bytes, "renders differ");
    let mut changed = transaction.clone();
    changed.fields[1].value.push('!');
    assert!(pdf::render(&changed).expect("render").bytes != first.bytes);
}

#[test]
fn the_pdf_command_renders_a_data_file_and_refuses_a_bad_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, mut transaction) = corpus().into_iter().next().expect("a transaction");
    transaction.attachments.clear();
    let input = dir.path().join("tx.json");
    std::fs::write(&input, serde_json::to_string(&transaction).expect("json")).expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_kirjaamo")).arg("pdf").arg(&input).output().expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let pdf_bytes = std::fs::read(dir.path().join("tx.pdf")).expect("tx.pdf written");
    assert!(pdf_bytes.starts_with(b"%PDF-1.7"));
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"id\": 5}").expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_kirjaamo")).arg("pdf").arg(&broken).output().expect("runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("broken.json") && stderr.contains("not a valid transaction"), "{stderr}");
}

#[test]
fn the_pdfs_stay_within_their_size_budgets() {
    // Issue 18's budgets, with the structure tree: a typical seed form ≤ 25 KB, the 300-field
    // form ≤ 45 KB (BENCHMARKS.md has the figures).
    let data = kirjaamo::sandbox::seed::seed_data(kirjaamo::sandbox::seed::DEFAULT_SEED);
    let typical = data.transactions.iter().map(|t| &t.transaction).min_by_key(|t| t.fields.len().abs_diff(30));
    let typical = pdf::render(typical.expect("seed transactions")).expect("render");
    assert!(typical.bytes.len() <= 25 * 1024, "typical: {} bytes", typical.bytes.len());
    let (_, large) = corpus().into_iter().find(|(p, _)| p.ends_with("08-300-fields.json")).expect("case");
    let large = pdf::render(&large).expect("render");
    assert!(large.bytes.len() <= 45 * 1024, "300 fields: {} bytes", large.bytes.len());
}
