//! `kirjaamo export`: unattended filing for service accounts (`--auto`), finishing interrupted
//! filings (`--resume`) and filing chosen transactions with their mapping's defaults (`--id`).
//! Progress goes to stderr and the log file, one summary line to stdout; the exit code is non-zero
//! when anything failed.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;
use kirjaamo::export::{Endpoint, EventKind, Journal, JournalError};

use super::batch::{Job, auto_jobs, file_jobs};
use super::said::{emit, note, now, say};
use kirjaamo::service::{CheckedMappings, Services};
use kirjaamo::tweb::TwebClient;

use tokio_util::sync::CancellationToken;

/// Options of `kirjaamo export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// File every pending transaction whose service mapping is marked automatic.
    #[arg(long, conflicts_with_all = ["resume", "id"])]
    auto: bool,
    /// Finish the filings the journal shows as interrupted or failed.
    #[arg(long, conflicts_with = "id")]
    resume: bool,
    /// File these transactions with their mapping's defaults.
    #[arg(long, num_args = 1..)]
    id: Vec<String>,
    /// Where it connects, its journal and its name.
    #[command(flatten)]
    unattended: Unattended,
    /// How it reports.
    #[command(flatten)]
    output: Output,
}

/// `--json`, shared by `export` and `service`.
#[derive(Debug, Args)]
pub struct Output {
    /// One JSON object a line on stdout (each filing, each failure, each run's counts) for log
    /// collectors; the words for people stay on stderr.
    #[arg(long)]
    pub json: bool,
}

impl Output {
    /// Turns the JSON lines on for this process when asked for.
    pub fn apply(&self) {
        super::said::set_json(self.json);
    }
}

/// What an unattended run (`export`, `service`) connects to, the journal it keeps and the name
/// it files under.
#[derive(Debug, Args)]
pub struct Unattended {
    /// Where to connect.
    #[command(flatten)]
    pub target: super::connect::Target,
    /// The filing journal; when left out, the one of these servers in the OS data directory
    /// (`journal-<profile or export>-<key of the two addresses>.sqlite`).
    #[arg(long)]
    pub journal: Option<PathBuf>,
    /// Name shown to clerks on the claims this run holds.
    #[arg(long, default_value = "Kirjaamo (automaattinen)")]
    pub clerk: String,
}

impl Unattended {
    /// The connection, named after the clerk this run files as, and its journal with its path.
    pub fn open(&self) -> Result<(super::connect::Resolved, Journal, PathBuf)> {
        let mut resolved = self.target.resolve(&self.clerk, "export")?;
        // Claims made by this run name it, with or without a profile.
        resolved.connection.clerk.clone_from(&self.clerk);
        // Opening may wait for another process's lock; nothing else runs yet.
        let (journal, path) = open_journal(self.journal.as_deref(), &resolved)?;
        Ok((resolved, journal, path))
    }
}

/// Runs the command; returns whether everything succeeded.
/// `mappings` is `--mappings` (given before or after `export`).
pub async fn run(args: ExportArgs, mappings: Option<PathBuf>) -> Result<bool> {
    if !args.auto && !args.resume && args.id.is_empty() {
        bail!("say what to file: --auto, --resume or --id TX…");
    }
    args.output.apply();
    // This future runs on `main`'s own thread (`block_on`), not on a runtime worker.
    let (resolved, journal, _) = args.unattended.open()?;
    let (events, printer) = progress();
    let Services { tweb, outbox, exporter, .. } = Services::new(&resolved.connection, journal.clone(), Some(events))?;
    let mut jobs = Vec::new();
    let mut skipped = 0;
    let mut checked = None;
    if args.resume {
        jobs.extend(journal.unfinished().await?.into_iter().map(|record| Job::Planned(Box::new(record.plan))));
        // Those that could not be read are read again and planned by their mappings.
        let unread = journal.unread().await?;
        if !unread.is_empty() {
            let folder = folder(mappings.as_deref(), &resolved)?;
            checked = Some(checked_mappings(tweb.as_ref(), &folder).await?);
            jobs.extend(unread.into_iter().map(|u| Job::Read(u.transaction_id)));
        }
    } else {
        let folder = folder(mappings.as_deref(), &resolved)?;
        let mappings = checked_mappings(tweb.as_ref(), &folder).await?;
        if args.auto {
            (jobs, skipped) = auto_jobs(&outbox, &mappings).await?;
        } else {
            jobs.extend(args.id.iter().map(|id| Job::Read(id.clone())));
        }
        checked = Some(mappings);
    }
    let mut count = file_jobs(&exporter, checked.as_ref(), jobs, &CancellationToken::new()).await;
    count.skipped = skipped;
    drop(exporter);
    let _ = printer.await;
    if super::said::json() {
        emit(&serde_json::json!({ "event": "run", "at": now(), "counts": count }));
    } else {
        println!("{count}");
    }
    Ok(count.failed == 0)
}

/// A channel for the filings' progress, and the task that says each step as it ends.
pub(super) fn progress()
-> (tokio::sync::mpsc::UnboundedSender<kirjaamo::export::ExportEvent>, tokio::task::JoinHandle<()>) {
    let (events, mut received) = tokio::sync::mpsc::unbounded_channel::<kirjaamo::export::ExportEvent>();
    let printer = tokio::spawn(async move {
        while let Some(event) = received.recv().await {
            match event.kind {
                EventKind::Finished { step, object_id, adopted } => {
                    let how = if adopted { " (found from an earlier try)" } else { "" };
                    note!(
                        "{}: {} done{}{how}",
                        event.transaction_id,
                        kirjaamo::i18n::english(&step.plain()),
                        object_id.map(|id| format!(" → {id}")).unwrap_or_default()
                    );
                }
                EventKind::Retrying { step, message, attempt } => {
                    let step = kirjaamo::i18n::english(&step.plain());
                    note!("{}: {step} retrying (try {attempt}): {message}", event.transaction_id);
                }
                EventKind::Done(result) => {
                    emit(&serde_json::json!({
                        "event": "filed", "at": now(), "transaction": event.transaction_id,
                        "case_id": result.case_id, "diary_number": result.diary_number,
                        "document_ids": result.document_ids, "assignment_id": result.assignment_id,
                    }));
                    let into = match (&result.diary_number, result.assignment_id) {
                        (Some(diary), _) => format!("into {diary}"),
                        (None, Some(assignment)) => format!("as assignment {assignment} (no case)"),
                        (None, None) => "(no case)".to_owned(),
                    };
                    say!("{}: filed {into}", event.transaction_id);
                }
                // A failure is said once, by the loop below, with what it means for the run.
                EventKind::Started(_) | EventKind::Progress { .. } | EventKind::Failed { .. } => {}
            }
        }
    });
    (events, printer)
}

/// The mappings folder by the one rule, said once.
pub(super) fn folder(option: Option<&std::path::Path>, resolved: &super::connect::Resolved) -> Result<PathBuf> {
    let data = kirjaamo::paths::data_dir();
    let central = resolved.central_mappings_dir.as_deref();
    let folder = kirjaamo::mappings::folder::choose(option, resolved.mappings_dir.as_deref(), central, data.as_deref())
        .context("no mappings folder: pass --mappings")?;
    say!("mappings: {} (from {})", kirjaamo::paths::shown(&folder.dir), folder.source.words());
    Ok(folder.dir)
}

/// The journal of the servers this run connects to (`journal`, else the one of these servers in
/// the data folder) and its path; what opening it found is said once.
fn open_journal(journal: Option<&std::path::Path>, resolved: &super::connect::Resolved) -> Result<(Journal, PathBuf)> {
    let connection = &resolved.connection;
    let endpoint = Endpoint::new(&connection.tweb_url, &connection.outbox_url);
    let path = match journal {
        Some(path) => path.to_owned(),
        None => {
            let dir = kirjaamo::paths::local_data_dir()
                .context("the OS has no data directory for the journal; pass --journal")?;
            // The names journals had before they were tied to their servers.
            let slug: String = resolved
                .label
                .chars()
                .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { '-' })
                .collect();
            for old in ["journal.sqlite".to_owned(), format!("journal-{slug}.sqlite")] {
                let old = dir.join(old);
                if old.exists() {
                    say!(
                        "An older journal not tied to a server, {}, is left alone; what was filed is checked against TWeb and the outbox.",
                        kirjaamo::paths::shown(&old)
                    );
                }
            }
            endpoint.journal_path(&dir, &resolved.label)
        }
    };
    let journal = match Journal::open(&path, &endpoint) {
        Ok(journal) => journal,
        Err(e @ JournalError::OtherEndpoint { .. }) => {
            bail!(
                "{}; this run connects to {endpoint}: leave out --journal, or give another one",
                kirjaamo::error_chain(&e)
            )
        }
        Err(e) => bail!("{}; nothing was filed", kirjaamo::error_chain(&e)),
    };
    for notice in journal.notices() {
        say!("{notice}");
    }
    kirjaamo::service::purge_expired(&journal);
    tracing::debug!(journal = %kirjaamo::paths::shown(&path), %endpoint, "filing journal opened");
    Ok((journal, path))
}

/// The mappings checked against TWeb's catalog, as `kirjaamo mappings check` reports them: the
/// errors of those that fail are said on stderr, and those file nothing.
pub(super) async fn checked_mappings(tweb: &TwebClient, dir: &std::path::Path) -> Result<CheckedMappings> {
    let catalog = kirjaamo::tweb::fetch_catalog(tweb).await.context("reading TWeb's catalog to check the mappings")?;
    let reports = kirjaamo::mappings::check::Checker { catalog: &catalog, services: &[] }.check_dir(dir)?;
    for report in reports.iter().filter(|r| !r.usable()) {
        for issue in report.issues.iter().filter(|i| i.severity == kirjaamo::mappings::check::Severity::Error) {
            say!("{issue}");
        }
        say!("{}: not used until fixed (run `kirjaamo mappings check`)", kirjaamo::paths::shown(&report.path));
    }
    Ok(CheckedMappings::from_reports(&reports))
}
