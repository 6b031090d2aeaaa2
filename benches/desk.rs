//! CPU time of the desk's frames with 10,000 pending transactions: an idle frame, a scroll frame
//! and a filter keystroke, each including tessellation (everything but the GPU). See BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use kirjaamo::domain::Transaction;
use kirjaamo::export::Journal;
use kirjaamo::i18n::UiLanguage;
use kirjaamo::sandbox::{Sandbox, SandboxConfig};
use kirjaamo::ui::{Backend, DeskApp};

const ROWS: usize = 10_000;

/// A sandbox holding `ROWS` pending transactions: the seed's, then copies of them.
fn sandbox(runtime: &tokio::runtime::Runtime) -> Sandbox {
    let sandbox = runtime.block_on(Sandbox::start(SandboxConfig::default())).expect("sandbox");
    let seed = kirjaamo::sandbox::seed::seed_data(kirjaamo::sandbox::seed::DEFAULT_SEED);
    let extra = ROWS - seed.transactions.len();
    for i in 0..extra {
        let source = &seed.transactions[i % seed.transactions.len()];
        let transaction = Transaction {
            id: format!("TX-2026-B{i:05}"),
            submitted_at: source.transaction.submitted_at + chrono::Duration::seconds(i as i64),
            ..source.transaction.clone()
        };
        sandbox.add_transaction(transaction, source.files.clone());
    }
    sandbox
}

fn input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0))),
        events,
        ..egui::RawInput::default()
    }
}

/// One frame as eframe runs it, without the GPU: the UI pass and tessellation.
fn frame(ctx: &egui::Context, app: &mut DeskApp, events: Vec<egui::Event>) {
    let output = ctx.run_ui(input(events), |ui| {
        app.logic(ui.ctx());
        app.show(ui);
    });
    std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
}

fn benches(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let sandbox = sandbox(&runtime);
    let connection = kirjaamo::demo::connection(&sandbox, "Bench", "Bench");
    let mappings = kirjaamo::mappings::load_dir(std::path::Path::new("mappings")).expect("mappings");
    let journal = Journal::in_memory().expect("journal");
    let backend =
        Backend::new(runtime.handle().clone(), connection, journal, mappings, Arc::new(|| {})).expect("backend");
    let ctx = egui::Context::default();
    DeskApp::install_fonts(&ctx);
    let mut app = DeskApp::new(backend, UiLanguage::Fi);
    for _ in 0..3_000 {
        frame(&ctx, &mut app, Vec::new());
        if app.pending() == ROWS {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(app.pending(), ROWS, "the inbox did not load");
    // The rows carry their badges: overdue, secret, henkilötunnus, possible duplicate (the
    // copies repeat the seed's submitters). The secrecy needs TWeb's catalog: until it has come
    // every row's secrecy is unknown and counts as secret.
    for _ in 0..3_000 {
        frame(&ctx, &mut app, Vec::new());
        if (1..ROWS).contains(&app.flagged().1) {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let (overdue, secret, personal, duplicates) = app.flagged();
    assert!(overdue > 0 && secret > 0 && personal > 0 && duplicates > 0, "{:?}", app.flagged());
    eprintln!(
        "desk bench: {} pending transactions in the inbox; {overdue} overdue, {secret} secret, {personal} with a \
         henkilötunnus, {duplicates} possible duplicates",
        app.pending()
    );

    let mut group = c.benchmark_group("desk, 10,000 pending");
    group.bench_function("idle frame", |b| b.iter(|| frame(&ctx, &mut app, Vec::new())));
    let mut down = true;
    group.bench_function("scroll frame", |b| {
        b.iter(|| {
            // Scroll over the inbox, down then back up.
            let delta = if down { -600.0 } else { 600.0 };
            down = !down;
            let events = vec![
                egui::Event::PointerMoved(egui::pos2(200.0, 500.0)),
                egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, delta),
                    phase: egui::TouchPhase::Move,
                    modifiers: egui::Modifiers::NONE,
                    source: egui::MouseWheelSource::Wheel,
                },
            ];
            frame(&ctx, &mut app, events);
        });
    });
    // Focus the filter with "/", then each keystroke is a frame with a text event or a backspace.
    let slash = egui::Event::Key {
        key: egui::Key::Slash,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    frame(&ctx, &mut app, vec![slash]);
    frame(&ctx, &mut app, Vec::new());
    frame(&ctx, &mut app, vec![egui::Event::Text("q".to_owned())]);
    let narrowed = app.shown();
    assert!(narrowed < ROWS, "the keystroke did not reach the filter");
    eprintln!("desk bench: \"q\" in the filter shows {narrowed} of {ROWS}");
    let backspace = egui::Event::Key {
        key: egui::Key::Backspace,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    frame(&ctx, &mut app, vec![backspace.clone()]);
    assert_eq!(app.shown(), ROWS);
    let mut typed = false;
    group.bench_function("filter keystroke", |b| {
        b.iter(|| {
            let event = if typed { backspace.clone() } else { egui::Event::Text("q".to_owned()) };
            typed = !typed;
            frame(&ctx, &mut app, vec![event]);
        });
    });
    group.finish();
    runtime.block_on(sandbox.stop());
}

criterion_group!(desk, benches);
criterion_main!(desk);
