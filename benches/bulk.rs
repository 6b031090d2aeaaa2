//! The desk's bulk filing of 40 ticked rows with 40 ms added to every request, 1, 4 and 8 filings
//! at once: the desk driven through AccessKit as in its tests, timed from the confirming click to
//! "40 / 40 valmis". Beside each, the floor: requests per filing × 40 ms × 40 / N. See
//! BENCHMARKS.md ("Filings in parallel").

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

#[path = "../tests/support/steps.rs"]
mod steps;

use std::sync::Arc;
use std::time::Instant;

use egui_kittest::kittest::Queryable as _;
use kirjaamo::domain::Transaction;
use kirjaamo::export::Journal;
use kirjaamo::sandbox::{FaultConfig, Sandbox, SandboxConfig};
use kirjaamo::ui::Backend;

const ROWS: usize = 40;
const LATENCY_MS: u64 = 40;

/// A sandbox with `ROWS` more parking permits (a service filed by default), copies of the seed's.
fn sandbox(runtime: &tokio::runtime::Runtime) -> Sandbox {
    let sandbox = runtime.block_on(Sandbox::start(SandboxConfig::default())).expect("sandbox");
    let seed = kirjaamo::sandbox::seed::seed_data(kirjaamo::sandbox::seed::DEFAULT_SEED);
    let parking: Vec<_> = seed.transactions.iter().filter(|t| t.transaction.service.id == "asukaspysakointi").collect();
    for i in 0..ROWS {
        let source = parking[i % parking.len()];
        let transaction = Transaction { id: format!("TX-BULK-{i:04}"), ..source.transaction.clone() };
        sandbox.add_transaction(transaction, source.files.clone());
    }
    sandbox
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let mappings_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
    println!("| N | bulk filing of {ROWS} rows at {LATENCY_MS} ms | requests per filing | floor | time / floor |");
    println!("|---|---|---|---|---|");
    for parallel in [1, 4, 8] {
        let sandbox = sandbox(&runtime);
        let mut connection = kirjaamo::demo::connection(&sandbox, "Testikirjaaja", "Bench");
        connection.parallel = parallel;
        let mappings = kirjaamo::mappings::load_dir(&mappings_dir).expect("mappings");
        let backend = Backend::new(
            runtime.handle().clone(),
            connection,
            Journal::in_memory().expect("journal"),
            mappings,
            Arc::new(|| {}),
        )
        .expect("backend");
        let mut harness = steps::desk(backend, kirjaamo::i18n::UiLanguage::Fi, egui::vec2(1400.0, 900.0));
        steps::wait_for(&mut harness, "odottaa");
        for i in 0..ROWS {
            let id = format!("TX-BULK-{i:04}");
            harness.get_by_label("Suodata").focus();
            harness.step();
            harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
            harness.event(egui::Event::Text(id.clone()));
            steps::settle(&mut harness);
            harness.get_by_label(&format!("Valitse joukkokirjaukseen: {id}")).click();
            harness.step();
        }
        steps::settle(&mut harness);
        sandbox.set_faults(FaultConfig::slow(LATENCY_MS, 1));
        harness.get_by_label(&format!("Kirjaa valitut oletuksin ({ROWS})")).click();
        steps::wait_for(&mut harness, &format!("Kirjataanko {ROWS} tapahtumaa oletuksin?"));
        steps::settle(&mut harness);
        harness.get_by_label("Kirjaa valitut (Enter)").click();
        let start = Instant::now();
        let done = format!("{ROWS} / {ROWS} valmis, 0 epäonnistui");
        while harness.query_all_by_label_contains(&done).next().is_none() {
            assert!(start.elapsed().as_secs() < 300, "the bulk filing did not end");
            harness.step();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let seconds = start.elapsed().as_secs_f64();
        let requests = f64::from(sandbox.fault_status().fired[0]) / ROWS as f64;
        let floor = requests * LATENCY_MS as f64 / 1000.0 * ROWS as f64 / parallel as f64;
        println!("| {parallel} | {seconds:.2} s | {requests:.1} | {floor:.2} s | {:.2}x |", seconds / floor);
        drop(harness);
        runtime.block_on(sandbox.stop());
    }
}
