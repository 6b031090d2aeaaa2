//! Speed of the transaction PDF and its preview. Sizes are printed once at start; see BENCHMARKS.md
//! (`scripts/bench-all.sh` runs it with its anchors).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use kirjaamo::domain::Transaction;
use kirjaamo::preview::PdfPreview;

/// A seed transaction with about 30 fields, as a typical form.
fn typical() -> Transaction {
    let data = kirjaamo::sandbox::seed::seed_data(kirjaamo::sandbox::seed::DEFAULT_SEED);
    data.transactions
        .iter()
        .map(|t| &t.transaction)
        .min_by_key(|t| t.fields.len().abs_diff(30))
        .cloned()
        .expect("seed transactions")
}

fn corpus(name: &str) -> Transaction {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pdf_corpus").join(name);
    serde_json::from_str(&std::fs::read_to_string(path).expect("corpus file")).expect("transaction")
}

fn three_hundred() -> Transaction {
    corpus("08-300-fields.json")
}

fn benches(c: &mut Criterion) {
    let typical = typical();
    let large = three_hundred();
    // Emoji and symbols, and Arabic and Persian shaped with their own face.
    let emoji = corpus("04-emoji.json");
    let arabic = corpus("28-arabic-persian.json");
    // scripts/bench-all.sh lays the same typical form out with reportlab and Typst.
    if let Some(dir) = std::env::var_os("KIRJAAMO_BENCH_INPUTS") {
        let path = Path::new(&dir).join("typical.json");
        std::fs::write(&path, serde_json::to_string_pretty(&typical).expect("json")).expect("write typical.json");
    }
    for (name, transaction) in [("typical", &typical), ("300 fields", &large), ("emoji", &emoji), ("arabic", &arabic)] {
        let rendered = kirjaamo::pdf::render(transaction).expect("render");
        eprintln!(
            "{name}: {} fields, {} pages, {} bytes ({:.1} KB)",
            transaction.fields.len(),
            rendered.pages,
            rendered.bytes.len(),
            rendered.bytes.len() as f64 / 1024.0
        );
    }
    let mut group = c.benchmark_group("pdf");
    group.sample_size(30);
    group.bench_function("render typical form", |b| b.iter(|| kirjaamo::pdf::render(black_box(&typical))));
    group.bench_function("render 300-field form", |b| b.iter(|| kirjaamo::pdf::render(black_box(&large))));
    group.bench_function("render emoji form", |b| b.iter(|| kirjaamo::pdf::render(black_box(&emoji))));
    group.bench_function("render Arabic and Persian form", |b| b.iter(|| kirjaamo::pdf::render(black_box(&arabic))));
    let text: String = kirjaamo::pdf::shown_text(&typical).expect("text").concat();
    let font = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts/LiberationSans-Regular.ttf"))
        .expect("font");
    group.bench_function("subset regular face (typical)", |b| {
        b.iter(|| kirjaamo::pdf::subset(black_box(&font), text.chars()));
    });
    group.finish();

    let bytes = Arc::new(kirjaamo::pdf::render(&typical).expect("render").bytes);
    let mut preview = c.benchmark_group("preview");
    preview.sample_size(30);
    preview.bench_function("open and draw page 1 at 1000 px", |b| {
        b.iter(|| {
            let mut pdf = PdfPreview::open(Arc::clone(&bytes)).expect("opens");
            pdf.render(1, 1000).expect("page")
        });
    });
    preview.finish();
}

criterion_group!(pdf_benches, benches);
criterion_main!(pdf_benches);
