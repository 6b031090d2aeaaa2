//! The PDF read back by poppler (`pdftotext`, `pdffonts`, `pdfinfo`) and qpdf: the second,
//! independent reader, where they are installed.

use std::process::Command;

use super::reader::{FontRow, Info, Reader, Word};

/// poppler-utils and qpdf.
pub struct Poppler;

/// The outside programs this reader runs.
pub const TOOLS: [crate::tools::Tool; 4] = [
    crate::tools::Tool { program: "pdftotext", package: "poppler-utils" },
    crate::tools::Tool { program: "pdffonts", package: "poppler-utils" },
    crate::tools::Tool { program: "pdfinfo", package: "poppler-utils" },
    crate::tools::Tool { program: "qpdf", package: "qpdf" },
];

/// Runs `program args… file.pdf` (and `-` for pdftotext) and gives back stdout and stderr.
pub fn run(program: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("t.pdf");
    std::fs::write(&file, pdf).expect("write");
    let mut command = Command::new(program);
    command.args(args).arg(&file);
    if program == "pdftotext" {
        command.arg("-");
    }
    let output = command.output().unwrap_or_else(|e| panic!("{program} does not run: {e}"));
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success() || program == "qpdf", "{program} failed: {text}");
    text
}

/// A line of `pdfinfo`: the value after `key:`.
fn field(text: &str, key: &str) -> String {
    text.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix(':').map(|v| v.trim().to_owned())).unwrap_or_default()
}

impl Reader for Poppler {
    fn name(&self) -> &'static str {
        "poppler"
    }

    fn raw_text(&self, pdf: &[u8]) -> String {
        run("pdftotext", &["-raw", "-enc", "UTF-8"], pdf)
    }

    fn reading_text(&self, pdf: &[u8]) -> String {
        run("pdftotext", &["-enc", "UTF-8"], pdf)
    }

    fn words(&self, pdf: &[u8]) -> Vec<Word> {
        let html = run("pdftotext", &["-bbox", "-f", "1", "-l", "1", "-enc", "UTF-8"], pdf);
        html.lines()
            .filter_map(|line| {
                let x = line.split("xMin=\"").nth(1)?.split('"').next()?.parse().ok()?;
                let word = line.split('>').nth(1)?.split("</word").next()?;
                Some(Word { text: word.to_owned(), x })
            })
            .collect()
    }

    fn fonts(&self, pdf: &[u8]) -> Vec<FontRow> {
        let listing = run("pdffonts", &[], pdf);
        listing
            .lines()
            .skip(2)
            .map(|row| {
                let columns: Vec<&str> = row.split_whitespace().collect();
                let yes = |i: usize| columns.get(columns.len().saturating_sub(i)) == Some(&"yes");
                FontRow { name: columns[0].to_owned(), embedded: yes(5), subset: yes(4), unicode: yes(3) }
            })
            .collect()
    }

    fn metadata(&self, pdf: &[u8]) -> String {
        run("pdfinfo", &["-meta"], pdf)
    }

    fn info(&self, pdf: &[u8]) -> Info {
        let text = run("pdfinfo", &[], pdf);
        Info {
            version: field(&text, "PDF version"),
            title: field(&text, "Title"),
            tagged: field(&text, "Tagged") == "yes",
        }
    }

    fn check(&self, pdf: &[u8]) -> Result<(), String> {
        let check = run("qpdf", &["--check"], pdf);
        if check.contains("No syntax or stream encoding errors found") && !check.contains("WARNING") {
            Ok(())
        } else {
            Err(check)
        }
    }

    fn displays_doc_title(&self, pdf: &[u8]) -> bool {
        run("qpdf", &["--json=2", "--json-key=qpdf"], pdf).contains("\"/DisplayDocTitle\": true")
    }
}
