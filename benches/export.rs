//! One new-case filing against the in-process sandbox: the form PDF (already rendered, as the
//! desk has it from the preview), three 1 MB attachments streamed from the outbox into TWeb, and
//! an assignment. See BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use criterion::{Criterion, criterion_group, criterion_main};
use kirjaamo::domain::{Attachment, Transaction};
use kirjaamo::export::{ExportConfig, Exporter, Journal};
use kirjaamo::outbox::OutboxClient;
use kirjaamo::sandbox::{Sandbox, SandboxConfig};
use kirjaamo::tweb::{TwebAuth, TwebClient};
use sha2::{Digest, Sha256};
use tokio_util::sync::CancellationToken;

fn benches(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let (sandbox, exporter, template, files) = runtime.block_on(async {
        let sandbox = Sandbox::start(SandboxConfig::default()).await.expect("sandbox");
        let http = kirjaamo::remote::http_client().expect("client");
        let outbox = OutboxClient::new(http.clone(), &sandbox.outbox_url(), "epalvelu-demo-token");
        let auth = TwebAuth::Basic { user: "kirjaamo".into(), password: "demo".into() };
        let tweb = Arc::new(TwebClient::new(http, &sandbox.tweb_url(), auth));
        let endpoint = kirjaamo::export::Endpoint::new(&sandbox.tweb_url(), &sandbox.outbox_url());
        let journal = Journal::open(&dir.path().join("bench.sqlite"), &endpoint).expect("journal");
        let exporter = Exporter::new(tweb, outbox.clone(), journal, ExportConfig::new("Bench"), None);
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
        (sandbox, exporter, template, files)
    });
    let pdf = Bytes::from(kirjaamo::pdf::render(&template).expect("render").bytes);
    let mapping =
        kirjaamo::mappings::load_file(std::path::Path::new("mappings/asukaspysakointi.toml")).expect("mapping");
    let mut next = 0u64;
    let mut group = c.benchmark_group("export");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("new-case filing: PDF + 3 × 1 MB + assignment", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                next += 1;
                let transaction = Transaction { id: format!("TX-BENCH-{next:06}"), ..template.clone() };
                sandbox.add_transaction(transaction.clone(), files.clone());
                let plan = kirjaamo::service::from_mapping(&transaction, &mapping, kirjaamo::domain::helsinki::today())
                    .expect("plan");
                let start = Instant::now();
                runtime
                    .block_on(exporter.file_with_pdf(&plan, &CancellationToken::new(), Some(pdf.clone())))
                    .expect("filed");
                total += start.elapsed();
            }
            total
        });
    });
    group.finish();
}

criterion_group!(export_benches, benches);
criterion_main!(export_benches);
