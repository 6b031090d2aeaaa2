//! The clerk desk driven through AccessKit with egui_kittest, against the sandbox over HTTP.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

mod access;
mod admin;
mod bulk;
mod connections;
mod copy;
mod day;
mod deadline;
mod duplicates;
mod failed;
mod filing;
mod language;
mod layout;
mod prefetch;
mod protection;
mod secrecy;
mod seen;
mod triage;

#[path = "../support/faults.rs"]
mod faults;
pub use faults::fault;
#[path = "../support/steps.rs"]
mod steps;
pub use steps::{settle, wait_for};

use std::sync::Arc;
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kirjaamo::export::Journal;
use kirjaamo::sandbox::{Credentials, Sandbox, SandboxConfig};
use kirjaamo::ui::{Backend, DeskApp};

/// Steps the desk until its inbox has loaded: the count before `word` ("odottaa", "väntar") is
/// not 0 (the line shows "0 odottaa" until the outbox answered).
pub fn wait_loaded<S>(harness: &mut Harness<'_, S>, word: &str) {
    use egui_kittest::kittest::NodeT as _;
    for _ in 0..3_000 {
        harness.step();
        let loaded = harness.query_all_by_label_contains(word).any(|n| {
            let node = n.accesskit_node();
            let text = node.value().or_else(|| node.label()).unwrap_or_default();
            text.split_whitespace().next().is_some_and(|count| count.parse::<usize>().is_ok_and(|c| c > 0))
        });
        if loaded {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the inbox never loaded");
}

/// A desk on a fresh sandbox, with or without the repo's mappings.
pub fn desk(runtime: &tokio::runtime::Runtime, with_mappings: bool) -> (Sandbox, Harness<'static, DeskApp>) {
    let dir = with_mappings.then(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings"));
    desk_with(runtime, dir.as_deref(), false)
}

/// A desk on a fresh sandbox reading mappings from `dir`; with `save`, the admin saves there.
pub fn desk_with(
    runtime: &tokio::runtime::Runtime,
    dir: Option<&std::path::Path>,
    save: bool,
) -> (Sandbox, Harness<'static, DeskApp>) {
    let sandbox = runtime.block_on(Sandbox::start(SandboxConfig::default())).expect("sandbox");
    let harness = desk_on(runtime, &sandbox, dir, save);
    (sandbox, harness)
}

/// A desk on `sandbox` reading mappings from `dir`; with `save`, the admin saves there.
pub fn desk_on(
    runtime: &tokio::runtime::Runtime,
    sandbox: &Sandbox,
    dir: Option<&std::path::Path>,
    save: bool,
) -> Harness<'static, DeskApp> {
    desk_in(runtime, sandbox, dir, save, kirjaamo::i18n::UiLanguage::Fi)
}

/// Like [`desk_on`], in `language`.
pub fn desk_in(
    runtime: &tokio::runtime::Runtime,
    sandbox: &Sandbox,
    dir: Option<&std::path::Path>,
    save: bool,
    language: kirjaamo::i18n::UiLanguage,
) -> Harness<'static, DeskApp> {
    desk_sized(runtime, sandbox, dir, save, language, egui::vec2(1400.0, 900.0), "Testi")
}

/// Like [`desk_in`], in a window of `size`.
pub fn desk_sized(
    runtime: &tokio::runtime::Runtime,
    sandbox: &Sandbox,
    dir: Option<&std::path::Path>,
    save: bool,
    language: kirjaamo::i18n::UiLanguage,
    size: egui::Vec2,
    label: &str,
) -> Harness<'static, DeskApp> {
    let window = Window { language, size, label };
    desk_journal(runtime, sandbox, dir, save, &window, Journal::in_memory().expect("journal"))
}

/// A desk in `language` on `journal`: started again on the journal of the desk before it.
pub fn desk_with_journal(
    runtime: &tokio::runtime::Runtime,
    sandbox: &Sandbox,
    dir: Option<&std::path::Path>,
    language: kirjaamo::i18n::UiLanguage,
    journal: Journal,
) -> Harness<'static, DeskApp> {
    let window = Window { language, size: egui::vec2(1400.0, 900.0), label: "Testi" };
    desk_journal(runtime, sandbox, dir, false, &window, journal)
}

/// The desk's language, its window's size and its connection's name.
#[derive(Clone, Copy)]
struct Window<'a> {
    language: kirjaamo::i18n::UiLanguage,
    size: egui::Vec2,
    label: &'a str,
}

fn desk_journal(
    runtime: &tokio::runtime::Runtime,
    sandbox: &Sandbox,
    dir: Option<&std::path::Path>,
    save: bool,
    window: &Window<'_>,
    journal: Journal,
) -> Harness<'static, DeskApp> {
    let Window { language, size, label } = *window;
    let connection = kirjaamo::demo::connection(sandbox, "Testikirjaaja", label);
    let mappings = dir.map(|d| kirjaamo::mappings::load_dir(d).expect("mappings")).unwrap_or_default();
    let mut backend =
        Backend::new(runtime.handle().clone(), connection, journal, mappings, Arc::new(|| {})).expect("backend");
    if let (true, Some(dir)) = (save, dir) {
        backend.set_mappings_dir(dir.to_owned());
    }
    // Copies go to a folder of the test's own, never the tester's downloads.
    backend.set_downloads_dir(std::env::temp_dir().join(format!("kirjaamo-downloads-{}", std::process::id())));
    steps::desk(backend, language, size)
}

/// Keeps the selected transaction on screen as long as the desk wants it seen before it files
/// ([`kirjaamo::ui::SEEN_FOR`]), stepping the frames meanwhile: what a clerk does before Enter.
pub fn look<S>(harness: &mut Harness<'_, S>) {
    let until = std::time::Instant::now() + kirjaamo::ui::SEEN_FOR + Duration::from_millis(50);
    while std::time::Instant::now() < until {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A client of the sandbox's outbox.
pub fn outbox(sandbox: &Sandbox) -> kirjaamo::outbox::OutboxClient {
    let http = kirjaamo::remote::http_client().expect("client");
    kirjaamo::outbox::OutboxClient::new(http, &sandbox.outbox_url(), &Credentials::demo().outbox_token)
}

/// A client of the sandbox's TWeb.
pub fn tweb(sandbox: &Sandbox) -> kirjaamo::tweb::TwebClient {
    let http = kirjaamo::remote::http_client().expect("client");
    kirjaamo::tweb::TwebClient::new(
        http,
        &sandbox.tweb_url(),
        kirjaamo::tweb::TwebAuth::Bearer(Credentials::demo().tweb_token),
    )
}

/// The pending transactions, oldest first.
pub fn pending(
    runtime: &tokio::runtime::Runtime,
    sandbox: &Sandbox,
) -> Vec<kirjaamo::contract::outbox::TransactionSummary> {
    runtime.block_on(outbox(sandbox).list_all(None)).expect("pending")
}

/// Clicks the inbox row of transaction `title` and, where its content is closed (secret, or its
/// secrecy not known), asks for it as a clerk would.
pub fn open(harness: &mut Harness<'_, DeskApp>, title: &str, id: &str) {
    harness.get_by_label_contains(title).click();
    wait_for(harness, id);
    settle(harness);
    if let Some(reveal) = harness.query_by_label("Näytä sisältö") {
        reveal.click();
    }
    wait_for(harness, "Sivu 1 /");
}

/// Ticks the rows of `ids` (on screen already) and asks to file them in bulk (Shift+Enter), as a
/// clerk would: the confirmation opens.
pub fn ask_bulk_for(harness: &mut Harness<'_, DeskApp>, ids: &[&str]) {
    for id in ids {
        harness.get_by_label(&format!("Valitse joukkokirjaukseen: {id}")).click();
        settle(harness);
    }
    harness.key_press(egui::Key::Escape);
    settle(harness);
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Enter);
}

/// Replaces the text of the input labelled `label` with `text`, as a clerk would: focus, select
/// all, type.
pub fn fill<S>(harness: &mut Harness<'_, S>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.step();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.event(egui::Event::Text(text.to_owned()));
    settle(harness);
}

/// Empties the input labelled `label`: focus, select all, delete.
pub fn clear<S>(harness: &mut Harness<'_, S>, label: &str) {
    harness.get_by_label(label).focus();
    harness.step();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    settle(harness);
}

/// Chooses an assignment-only filing by mouse, as a clerk without defaults would: the form's
/// document type `form` (its code and the name the picker shows), attachments as HAKLIITE, to
/// the group Kirjaamo.
pub fn assignment_only_to_kirjaamo(harness: &mut Harness<'_, DeskApp>, form: (&str, &str)) {
    harness.get_by_label_contains("3 Vain toimeksianto").click();
    settle(harness);
    fill(harness, "Vaihda lomakkeen tyyppi", form.0);
    harness.get_by_label_contains(&format!("{} {} ·", form.0, form.1)).click();
    settle(harness);
    fill(harness, "Vaihda liitteiden tyyppi", "HAKLIITE");
    harness.get_by_label_contains("HAKLIITE Hakemuksen liite ·").click();
    settle(harness);
    fill(harness, "Lisää vastaanottaja", "kirjaamo");
    harness.get_by_label("Ryhmä Kirjaamo").click();
    settle(harness);
}

/// Opens the drop-down labelled `label` and picks `choice`.
pub fn choose<S>(harness: &mut Harness<'_, S>, label: &str, choice: &str) {
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, label).click();
    settle(harness);
    harness.get_by_label(choice).click();
    settle(harness);
}
