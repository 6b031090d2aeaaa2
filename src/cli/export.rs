//! `kirjaamo export`: unattended filing for service accounts (`--auto`), finishing interrupted
//! filings (`--resume`) and filing chosen transactions with their mapping's defaults (`--id`).
//! Progress goes to stderr and the log file, one summary line to stdout; the exit code is non-zero
//! when anything failed.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;
use kirjaamo::export::{Endpoint, EventKind, ExportError, FiledHow, FilingPlan, Journal, JournalError};
use kirjaamo::outbox::OutboxClient;
use kirjaamo::service::{CheckedMappings, Services};
use kirjaamo::tweb::TwebClient;

/// Says a line of the run on stderr and puts it into the log file (`logging::SAID`), so that a
/// scheduled run's progress and failures are there for IT the next morning.
macro_rules! say {
    ($($arg:tt)*) => {{
        let line = format!($($arg)*);
        eprintln!("{line}");
        tracing::info!(target: kirjaamo::logging::SAID, "{line}");
    }};
}
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
    /// Where to connect.
    #[command(flatten)]
    target: super::connect::Target,
    /// The filing journal; when left out, the one of these servers in the OS data directory
    /// (`journal-<profile or export>-<key of the two addresses>.sqlite`).
    #[arg(long)]
    journal: Option<PathBuf>,
    /// Name shown to clerks on the claims this run holds.
    #[arg(long, default_value = "Kirjaamo (automaattinen)")]
    clerk: String,
}

/// Runs the command; returns whether everything succeeded.
/// `mappings` is `--mappings` (given before or after `export`).
pub async fn run(args: ExportArgs, mappings: Option<PathBuf>) -> Result<bool> {
    if !args.auto && !args.resume && args.id.is_empty() {
        bail!("say what to file: --auto, --resume or --id TX…");
    }
    let mut resolved = args.target.resolve(&args.clerk, "export")?;
    // Claims made by this run name it, with or without a profile.
    resolved.connection.clerk.clone_from(&args.clerk);
    // Opening may wait for another process's lock; nothing else runs yet, and this future runs on
    // `main`'s own thread (`block_on`), not on a runtime worker.
    let journal = open_journal(&args, &resolved)?;
    let (events, mut received) = tokio::sync::mpsc::unbounded_channel::<kirjaamo::export::ExportEvent>();
    let printer = tokio::spawn(async move {
        while let Some(event) = received.recv().await {
            match event.kind {
                EventKind::Finished { step, object_id, adopted } => {
                    let how = if adopted { " (found from an earlier try)" } else { "" };
                    say!(
                        "{}: {step:?} done{}{how}",
                        event.transaction_id,
                        object_id.map(|id| format!(" → {id}")).unwrap_or_default()
                    );
                }
                EventKind::Retrying { step, message, attempt } => {
                    say!("{}: {step:?} retrying (try {attempt}): {message}", event.transaction_id);
                }
                EventKind::Done(result) => {
                    say!("{}: filed {}", event.transaction_id, result.diary_number.unwrap_or_default());
                }
                // A failure is said once, by the loop below, with what it means for the run.
                EventKind::Started(_) | EventKind::Progress { .. } | EventKind::Failed { .. } => {}
            }
        }
    });
    let Services { tweb, outbox, exporter } = Services::new(&resolved.connection, journal.clone(), Some(events))?;
    let mut plans: Vec<Result<FilingPlan, String>> = Vec::new();
    let mut skipped = 0;
    if args.resume {
        plans.extend(journal.unfinished().await?.into_iter().map(|record| Ok(record.plan)));
    } else {
        let data = kirjaamo::paths::data_dir();
        let folder = kirjaamo::mappings::folder::choose(
            mappings.as_deref(),
            resolved.mappings_dir.as_deref(),
            None,
            data.as_deref(),
        )
        .context("no mappings folder: pass --mappings")?;
        say!("mappings: {} (from {})", kirjaamo::paths::shown(&folder.dir), folder.source.words());
        let mappings = checked_mappings(tweb.as_ref(), &folder.dir).await?;
        let usable = |service: &str| mappings.usable(service).ok();
        let today = kirjaamo::domain::helsinki::today();
        let ids: Vec<String> = if args.auto {
            let pending = outbox.list_all(None).await?;
            let automatic = |service: &str| usable(service).is_some_and(|m| m.automatic);
            skipped = pending.iter().filter(|t| !automatic(&t.service.id)).count();
            pending.into_iter().filter(|t| automatic(&t.service.id)).map(|t| t.id).collect()
        } else {
            args.id.clone()
        };
        for id in ids {
            plans.push(plan_for(&outbox, &mappings, &id, today).await);
        }
    }
    let mut count = Counts { skipped, ..Counts::default() };
    for plan in plans {
        let (id, outcome) = match plan {
            Ok(plan) => (plan.transaction_id.clone(), exporter.file(&plan, &CancellationToken::new()).await),
            Err(message) => {
                count.failed += 1;
                say!("{message}");
                continue;
            }
        };
        match outcome {
            Ok(filed) if filed.how == FiledHow::Now => count.filed += 1,
            Ok(_) => count.earlier += 1,
            Err(e @ ExportError::AlreadyFiled { .. }) => {
                count.by_others += 1;
                say!("{e}");
            }
            Err(e @ ExportError::ClaimedBy { .. }) => {
                count.held += 1;
                say!("{e}");
            }
            Err(e) if e.stops_run() => {
                count.failed += 1;
                say!("{id}: FAILED: {}", kirjaamo::error_chain(&e));
                say!("Stopped: nothing more is filed until the journal can be written.");
                break;
            }
            Err(e) => {
                count.failed += 1;
                say!("{id}: FAILED: {}", kirjaamo::error_chain(&e));
            }
        }
    }
    drop(exporter);
    let _ = printer.await;
    println!("{count}");
    Ok(count.failed == 0)
}

/// What one run did; only `filed` counts filings this run made.
#[derive(Debug, Default)]
struct Counts {
    filed: usize,
    earlier: usize,
    by_others: usize,
    held: usize,
    failed: usize,
    skipped: usize,
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "filed {}, already filed {} (by this clerk earlier {}, by others {}), held by other clerks {}, failed {}, skipped {} (not automatic)",
            self.filed,
            self.earlier + self.by_others,
            self.earlier,
            self.by_others,
            self.held,
            self.failed,
            self.skipped
        )
    }
}

/// The journal of the servers this run connects to; what opening it found is said once.
fn open_journal(args: &ExportArgs, resolved: &super::connect::Resolved) -> Result<Journal> {
    let connection = &resolved.connection;
    let endpoint = Endpoint::new(&connection.tweb_url, &connection.outbox_url);
    let path = match &args.journal {
        Some(path) => path.clone(),
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
    tracing::debug!(journal = %kirjaamo::paths::shown(&path), %endpoint, "filing journal opened");
    Ok(journal)
}

/// The mappings checked against TWeb's catalog, as `kirjaamo mappings check` reports them: the
/// errors of those that fail are said on stderr, and those file nothing.
async fn checked_mappings(tweb: &TwebClient, dir: &std::path::Path) -> Result<CheckedMappings> {
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

async fn plan_for(
    outbox: &OutboxClient,
    mappings: &CheckedMappings,
    id: &str,
    today: chrono::NaiveDate,
) -> Result<FilingPlan, String> {
    let detail = outbox.get(id).await.map_err(|e| format!("{id}: {}", kirjaamo::error_chain(&e)))?;
    let transaction = detail.transaction;
    let mapping = mappings.usable(&transaction.service.id).map_err(|why| format!("{id}: {why}"))?;
    kirjaamo::service::from_mapping(&transaction, mapping, today).map_err(|e| format!("{id}: {e}"))
}
