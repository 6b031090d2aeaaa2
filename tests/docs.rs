//! The docs name only what exists: every relative link of README.md, BENCHMARKS.md and docs/*.md
//! leads to a file (and, with `#anchor`, to a heading of it), and every repository path they
//! name in backticks (`src/…`, `tests/…`, `scripts/…`, …) is there.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};

/// Where a path named in backticks may start; other backticked text is code or a value.
const ROOTS: [&str; 11] =
    ["src/", "tests/", "scripts/", "assets/", "docs/", ".ci/", ".cargo/", "benches/", "packaging/", "mappings/", "../"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn documents() -> Vec<PathBuf> {
    let mut docs = vec![root().join("README.md"), root().join("BENCHMARKS.md")];
    let mut more: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("docs/")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    more.sort();
    docs.extend(more);
    docs
}

/// GitHub's anchor of a heading: lower case, spaces to `-`, other punctuation dropped.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn anchors(text: &str) -> Vec<String> {
    text.lines().filter_map(|l| l.strip_prefix('#')).map(|h| anchor(h.trim_start_matches('#'))).collect()
}

/// The targets of the Markdown links `[…](target)` and `![…](target)` of `text`.
fn links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        rest = &rest[at + 2..];
        if let Some(end) = rest.find(')') {
            out.push(rest[..end].trim().to_owned());
        }
    }
    out
}

/// Repository paths in backticks: `src/ui/`, `tests/pdf/`, `scripts/real-window.sh 1366x768`
/// (the first word), without a `:line` or a placeholder (`*`, `<…>`, `{…}`, `…`).
fn named_paths(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            continue;
        }
        let word = part.split_whitespace().next().unwrap_or_default();
        let word = word.split(':').next().unwrap_or_default().trim_end_matches([',', '.', ')']);
        if ROOTS.iter().any(|r| word.starts_with(r)) && !word.contains(['*', '<', '{', '…', '$']) {
            out.push(word.to_owned());
        }
    }
    out
}

#[test]
fn every_link_and_named_path_of_the_docs_exists() {
    let mut missing = Vec::new();
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).expect("read");
        let dir = doc.parent().expect("a folder");
        let shown = doc.strip_prefix(root()).unwrap_or(&doc).display().to_string();
        for link in links(&text) {
            if link.starts_with("http://") || link.starts_with("https://") || link.starts_with("mailto:") {
                continue;
            }
            let (file, fragment) = link.split_once('#').map_or((link.as_str(), None), |(f, a)| (f, Some(a)));
            let target = if file.is_empty() { doc.clone() } else { dir.join(file) };
            if !target.exists() {
                missing.push(format!("{shown}: link {link}"));
            } else if let Some(fragment) = fragment {
                let target_text = std::fs::read_to_string(&target).unwrap_or_default();
                if !anchors(&target_text).iter().any(|a| a == fragment) {
                    missing.push(format!("{shown}: no heading for #{fragment} in {file}"));
                }
            }
        }
        for path in named_paths(&text) {
            // A path is named from the repository's root, or from the doc's own folder.
            if !root().join(&path).exists() && !dir.join(&path).exists() {
                missing.push(format!("{shown}: `{path}`"));
            }
        }
    }
    assert!(missing.is_empty(), "named in the docs but not in the repository:\n{}", missing.join("\n"));
}

#[test]
fn the_checker_finds_links_paths_and_anchors() {
    let text = "See [a](docs/a.md#two-words) and ![p](x.png), `src/main.rs:12`, `tests/*.rs`, `cargo test`.";
    assert_eq!(links(text), ["docs/a.md#two-words", "x.png"]);
    assert_eq!(named_paths(text), ["src/main.rs"]);
    assert_eq!(anchor(" Two words!"), "two-words");
    assert_eq!(anchors("# Title\n## `kirjaamo conformance`: checking\n"), ["title", "kirjaamo-conformance-checking"]);
}

#[test]
fn the_settings_example_of_installing_md_is_a_valid_settings_file() {
    let text = std::fs::read_to_string(root().join("docs/installing.md")).expect("read");
    let start = text.find("```toml\n# settings.toml\n").expect("the example") + "```toml\n".len();
    let example = &text[start..start + text[start..].find("```").expect("its end")];
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("settings.toml");
    std::fs::write(&path, example).expect("write");
    let settings = kirjaamo::settings::Settings::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(settings.profiles.len(), 2);
    assert_eq!(settings.active_profile().map(|p| p.name.as_str()), Some("Tuotanto"));
    // Both ways of writing a base URL name the same API root.
    let roots: Vec<String> = settings.profiles.iter().map(|p| kirjaamo::remote::api_root(&p.tweb_url)).collect();
    assert_eq!(roots, ["https://tweb.kunta.fi/tweb", "https://tweb-testi.kunta.fi/tweb"]);
}
