//! One new-case filing against the in-process sandbox: the form PDF (already rendered, as the
//! desk has it from the preview), three 1 MB attachments streamed from the outbox into TWeb, and
//! an assignment. Then the seed's largest transaction filed with scanning off and with every
//! attachment scanned by a local clamd (nothing remembered between filings), when clamd is
//! installed. See BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

#[path = "../tests/support/clamd.rs"]
mod clamd;
#[path = "../tests/support/tools.rs"]
mod tools;

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use criterion::{Criterion, criterion_group, criterion_main};
use futures_util::TryStreamExt;
use kirjaamo::domain::{Attachment, Transaction};
use kirjaamo::export::{ExportConfig, Exporter, Journal};
use kirjaamo::outbox::OutboxClient;
use kirjaamo::sandbox::{Sandbox, SandboxConfig};
use kirjaamo::scan::{Scanner, ScannerChoice};
use kirjaamo::tweb::{TwebAuth, TwebClient};
use sha2::{Digest, Sha256};
use tokio_util::sync::CancellationToken;

struct Bench {
    sandbox: Sandbox,
    tweb: Arc<TwebClient>,
    outbox: OutboxClient,
    journal: Journal,
}

impl Bench {
    /// An exporter with `scanner` (a fresh memory of verdicts each time).
    fn exporter(&self, scanner: Scanner) -> Exporter<TwebClient> {
        let mut config = ExportConfig::new("Bench");
        config.scanner = scanner;
        Exporter::new(Arc::clone(&self.tweb), self.outbox.clone(), self.journal.clone(), config, None)
    }
}

fn benches(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let (bench, template, files, largest) = runtime.block_on(async {
        let sandbox = Sandbox::start(SandboxConfig::default()).await.expect("sandbox");
        let http = kirjaamo::remote::http_client().expect("client");
        let outbox = OutboxClient::new(http.clone(), &sandbox.outbox_url(), "epalvelu-demo-token");
        let auth = TwebAuth::Basic { user: "kirjaamo".into(), password: "demo".into() };
        let tweb = Arc::new(TwebClient::new(http, &sandbox.tweb_url(), auth));
        let endpoint = kirjaamo::export::Endpoint::new(&sandbox.tweb_url(), &sandbox.outbox_url());
        let journal = Journal::open(&dir.path().join("bench.sqlite"), &endpoint).expect("journal");
        let id = outbox.list_all(Some("asukaspysakointi")).await.expect("list")[0].id.clone();
        let mut template = outbox.get(&id).await.expect("transaction").transaction;
        let files: Vec<Bytes> = (0..3u8).map(|i| Bytes::from(vec![i; 1_000_000])).collect();
        template.attachments = files
            .iter()
            .enumerate()
            .map(|(i, bytes)| Attachment {
                id: format!("A{}", i + 1),
                filename: format!("liite{}.pdf", i + 1),
                content_type: "application/pdf".into(),
                size: bytes.len() as u64,
                sha256: hex::encode(Sha256::digest(bytes)),
            })
            .collect();
        // The seed's largest transaction, with its files (filed by its own service's mapping).
        let mut largest: Option<Transaction> = None;
        for summary in outbox.list_all(None).await.expect("list") {
            let t = outbox.get(&summary.id).await.expect("transaction").transaction;
            if largest.as_ref().is_none_or(|l| t.attachment_bytes() > l.attachment_bytes()) {
                largest = Some(t);
            }
        }
        let largest = largest.expect("a transaction");
        let mut largest_files = Vec::new();
        for attachment in &largest.attachments {
            let download = outbox.attachment(&largest.id, &attachment.id).await.expect("download");
            let chunks: Vec<Bytes> = download.body.try_collect().await.expect("bytes");
            largest_files.push(Bytes::from(chunks.concat()));
        }
        (Bench { sandbox, tweb, outbox, journal }, template, files, (largest, largest_files))
    });
    let pdf = Bytes::from(kirjaamo::pdf::render(&template).expect("render").bytes);
    let mapping_of = |service: &str| {
        kirjaamo::mappings::load_file(std::path::Path::new(&format!("mappings/{service}.toml"))).expect("mapping")
    };
    let mappings = [mapping_of("asukaspysakointi"), mapping_of(&largest.0.service.id)];
    let mut next = 0u64;
    let mut file = |runtime: &tokio::runtime::Runtime,
                    exporter: &Exporter<TwebClient>,
                    template: &Transaction,
                    files: &[Bytes],
                    pdf: Option<Bytes>| {
        next += 1;
        let transaction = Transaction { id: format!("TX-BENCH-{next:06}"), ..template.clone() };
        bench.sandbox.add_transaction(transaction.clone(), files.to_vec());
        let mapping = mappings.iter().find(|m| m.service == transaction.service.id).expect("mapping");
        let plan =
            kirjaamo::service::from_mapping(&transaction, mapping, kirjaamo::domain::helsinki::today()).expect("plan");
        let start = Instant::now();
        runtime.block_on(exporter.file_with_pdf(&plan, &CancellationToken::new(), pdf)).expect("filed");
        start.elapsed()
    };
    let mut group = c.benchmark_group("export");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));
    let off = bench.exporter(Scanner::off());
    group.bench_function("new-case filing: PDF + 3 × 1 MB + assignment", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| file(&runtime, &off, &template, &files, Some(pdf.clone()))).sum());
    });
    group.finish();
    let (largest, largest_files) = &largest;
    let size = largest.attachment_bytes() / 1000;
    let count = largest.attachments.len();
    let server = clamd::find().is_some().then(clamd::Clamd::start_for_seed);
    if server.is_none() {
        println!("not measured: filing with clamd scanning (clamd is not installed: apt-get install clamav-daemon)");
    }
    let scanning = server.as_ref().map(|s| s.tcp_choice(None).parse::<ScannerChoice>().expect("scanner"));
    // On this machine, and over a network as between a town hall and its hosted servers (40 ms
    // added to every request to either server).
    for latency_ms in [0, 40] {
        let name = if latency_ms == 0 { "export".to_owned() } else { format!("export at {latency_ms} ms") };
        let mut group = c.benchmark_group(name);
        group.sample_size(if latency_ms == 0 { 20 } else { 10 });
        group.measurement_time(Duration::from_secs(if latency_ms == 0 { 8 } else { 20 }));
        bench.sandbox.set_faults(kirjaamo::sandbox::FaultConfig::slow(latency_ms, 1));
        group.bench_function(format!("seed's largest ({count} files, {size} kB), scanning off"), |b| {
            b.iter_custom(|iters| (0..iters).map(|_| file(&runtime, &off, largest, largest_files, None)).sum());
        });
        if let Some(choice) = &scanning {
            let name = format!("seed's largest ({count} files, {size} kB), every file scanned by clamd");
            group.bench_function(name, |b| {
                b.iter_custom(|iters| {
                    (0..iters)
                        .map(|_| {
                            // A fresh memory of verdicts: every file is scanned.
                            let exporter = bench.exporter(Scanner::new(choice.clone()));
                            file(&runtime, &exporter, largest, largest_files, None)
                        })
                        .sum()
                });
            });
        }
        if let (0, Some(choice)) = (latency_ms, &scanning) {
            // clamd's own work on those files: each scanned through the scanner alone, one after
            // the other, with no filing around it.
            group.bench_function(format!("seed's largest ({count} files, {size} kB), clamd alone"), |b| {
                b.iter_custom(|iters| {
                    let start = Instant::now();
                    for _ in 0..iters {
                        let scanner = Scanner::new(choice.clone());
                        for (attachment, bytes) in largest.attachments.iter().zip(largest_files) {
                            let bytes = bytes.clone();
                            let body = move || {
                                let body = kirjaamo::scan::body_of(bytes);
                                futures_util::FutureExt::boxed(async move { Ok(body) })
                            };
                            runtime.block_on(scanner.check(&attachment.sha256, body)).expect("scanned");
                        }
                    }
                    start.elapsed()
                });
            });
        }
        group.finish();
    }
}

criterion_group!(export_benches, benches);
criterion_main!(export_benches);
