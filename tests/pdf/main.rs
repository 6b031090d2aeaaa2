//! The transaction PDF over a corpus of tricky transactions: nothing lost or doubled, fonts
//! embedded and subset, PDF/A identification, the structure tree, reproducible bytes.
//!
//! Each reading check runs twice, with two independent readers (`reader.rs`): our own on lopdf,
//! always, and poppler with qpdf where they are installed. Where they are not, the run says which
//! checks it left and counts them as ignored; `KIRJAAMO_REQUIRE_TOOLS=1` (CI) makes that a failure.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use kirjaamo::domain::Transaction;
use kirjaamo::pdf;
use libtest_mimic::{Arguments, Trial};

mod checks;
mod own;
mod poppler;
mod protected;
mod reader;
mod scripts;
mod tags;
#[path = "../support/tools.rs"]
mod tools;

use reader::Reader;

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

/// The corpus case named `name`.
fn case(name: &str) -> Transaction {
    corpus().into_iter().find(|(p, _)| p.ends_with(name)).unwrap_or_else(|| panic!("{name} in the corpus")).1
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

fn the_corpus_is_large_and_tricky_enough() {
    let corpus = corpus();
    assert!(corpus.len() >= 20);
    let values: Vec<&str> = corpus.iter().flat_map(|(_, t)| t.fields.iter().map(|f| f.value.as_str())).collect();
    assert!(values.iter().any(|v| v.len() >= 5000 - 100), "a 5,000-character value");
    assert!(values.iter().any(|v| v.starts_with("https://") && v.len() >= 200), "a 200-character URL");
    assert!(values.iter().any(|v| v.contains('\t')), "tabs");
    assert!(corpus.iter().any(|(_, t)| t.fields.len() >= 300), "300 fields");
}

fn the_same_transaction_gives_the_same_bytes() {
    let (_, transaction) = corpus().into_iter().nth(1).expect("a transaction");
    let first = pdf::render(&transaction).expect("render");
    let second = pdf::render(&transaction).expect("render");
    assert!(first.bytes == second.bytes, "renders differ");
    let mut changed = transaction.clone();
    changed.fields[1].value.push('!');
    assert!(pdf::render(&changed).expect("render").bytes != first.bytes);
}

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

fn the_pdfs_stay_within_their_size_budgets() {
    // The budgets, with the structure tree: a typical seed form ≤ 25 KB, the 300-field form
    // ≤ 45 KB (BENCHMARKS.md has the figures).
    let data = kirjaamo::sandbox::seed::seed_data(kirjaamo::sandbox::seed::DEFAULT_SEED);
    let typical = data.transactions.iter().map(|t| &t.transaction).min_by_key(|t| t.fields.len().abs_diff(30));
    let typical = pdf::render(typical.expect("seed transactions")).expect("render");
    assert!(typical.bytes.len() <= 25 * 1024, "typical: {} bytes", typical.bytes.len());
    let (_, large) = corpus().into_iter().find(|(p, _)| p.ends_with("08-300-fields.json")).expect("case");
    let large = pdf::render(&large).expect("render");
    assert!(large.bytes.len() <= 45 * 1024, "300 fields: {} bytes", large.bytes.len());
}

/// A check that reads the PDF, run once with each reader.
type Check = fn(&dyn Reader);

fn main() {
    let args = Arguments::from_args();
    let plain: [(&str, fn()); 4] = [
        ("the_corpus_is_large_and_tricky_enough", the_corpus_is_large_and_tricky_enough),
        ("the_same_transaction_gives_the_same_bytes", the_same_transaction_gives_the_same_bytes),
        (
            "the_pdf_command_renders_a_data_file_and_refuses_a_bad_one",
            the_pdf_command_renders_a_data_file_and_refuses_a_bad_one,
        ),
        ("the_pdfs_stay_within_their_size_budgets", the_pdfs_stay_within_their_size_budgets),
    ];
    let reading: [(&str, Check); 9] = [
        ("every_word_is_printed_exactly_once_in_order", checks::every_word_is_printed_exactly_once_in_order),
        (
            "indentation_soft_hyphens_and_zero_width_spaces_print_as_laid_out",
            checks::indentation_soft_hyphens_and_zero_width_spaces_print_as_laid_out,
        ),
        ("missing_glyphs_are_marked_and_reported", checks::missing_glyphs_are_marked_and_reported),
        (
            "emoji_and_symbols_print_from_the_fallback_faces_and_extract_as_typed",
            checks::emoji_and_symbols_print_from_the_fallback_faces_and_extract_as_typed,
        ),
        ("the_pdf_is_clean_subset_and_archival", checks::the_pdf_is_clean_subset_and_archival),
        (
            "the_pdf_is_tagged_with_headings_label_value_tables_and_the_attachment_list",
            tags::the_pdf_is_tagged_with_headings_label_value_tables_and_the_attachment_list,
        ),
        (
            "arabic_persian_thai_and_mixed_lines_print_shaped_and_extract_as_typed",
            scripts::arabic_persian_thai_and_mixed_lines_print_shaped_and_extract_as_typed,
        ),
        (
            "a_protection_order_s_address_is_in_no_text_of_the_pdf",
            protected::a_protection_order_s_address_is_in_no_text_of_the_pdf,
        ),
        (
            "the_secret_address_document_carries_the_address_and_nothing_else",
            protected::the_secret_address_document_carries_the_address_and_nothing_else,
        ),
    ];
    let mut trials: Vec<Trial> = plain
        .into_iter()
        .map(|(name, check)| {
            Trial::test(name, move || {
                check();
                Ok(())
            })
        })
        .collect();
    let with = |reader: &'static dyn Reader| {
        reading.map(|(name, check)| {
            Trial::test(format!("{}::{name}", reader.name()), move || {
                check(reader);
                Ok(())
            })
        })
    };
    trials.extend(with(&own::Own));
    let quiet = args.list;
    let what = "the PDF read back by a second, independent reader (poppler, qpdf)";
    trials.extend(tools::needing(&poppler::TOOLS, what, with(&poppler::Poppler).into(), quiet));
    libtest_mimic::run(&args, trials).exit();
}
