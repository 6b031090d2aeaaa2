//! `kirjaamo service`: the automatic export, running until stopped. Each round finishes what the
//! journal holds unfinished, then files every pending transaction whose mapping is automatic,
//! with the same engine as `kirjaamo export`; the mapping files are read again each round. While
//! a server is down the rounds back off. SIGTERM, Ctrl+C or a service stop interrupt the current
//! step where it stands (kept as interrupted, finished by the next start). One service runs per
//! pair of servers (a lock beside the journal), and it writes its state to a status file for
//! monitoring.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::Args;
use kirjaamo::service::Services;
use tokio_util::sync::CancellationToken;

use super::batch::{Counts, Job, auto_jobs, file_jobs};
use super::export::{checked_mappings, folder, progress};
use super::said::say;

/// Options of `kirjaamo service`.
#[derive(Debug, Args)]
pub struct ServiceArgs {
    /// Where it connects, its journal and its name.
    #[command(flatten)]
    unattended: super::export::Unattended,
    /// How it reports.
    #[command(flatten)]
    output: super::export::Output,
    /// Seconds between rounds while all is well.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    interval: u64,
    /// The status file for monitoring (JSON); by default `service-status.json` beside the journal.
    #[arg(long)]
    status: Option<PathBuf>,
}

/// The longest wait between rounds while a server is down.
const MAX_BACKOFF: Duration = Duration::from_secs(15 * 60);

/// What the status file says.
#[derive(Debug, serde::Serialize)]
struct Status<'a> {
    /// `running`, `waiting`, `backing_off` or `stopped`.
    state: &'a str,
    /// The process.
    pid: u32,
    /// When the service started (RFC 3339).
    started_at: &'a str,
    /// When the last round ended.
    last_round_at: Option<String>,
    /// What the last round did.
    last_round: Option<Counts>,
    /// Filed since the service started.
    filed_total: usize,
    /// Why the last round could not run, if it could not.
    last_error: Option<String>,
    /// When the next round starts.
    next_round_at: Option<String>,
}

/// Runs the service until SIGTERM or Ctrl+C; returns whether it stopped cleanly.
pub async fn run(args: ServiceArgs, mappings: Option<PathBuf>) -> Result<bool> {
    let stop = CancellationToken::new();
    tokio::spawn(stop_on_signal(stop.clone()));
    run_until(args, mappings, stop).await
}

/// Runs the service until `stop` is cancelled (a signal, or a stop from the Windows Service
/// Control Manager); returns whether it stopped cleanly.
pub async fn run_until(args: ServiceArgs, mappings: Option<PathBuf>, stop: CancellationToken) -> Result<bool> {
    args.output.apply();
    let (resolved, journal, journal_path) = args.unattended.open()?;
    let _lock = single_instance(&journal_path)?;
    let status_path = args.status.clone().unwrap_or_else(|| journal_path.with_file_name("service-status.json"));
    let (events, printer) = progress();
    let Services { tweb, outbox, exporter, .. } = Services::new(&resolved.connection, journal.clone(), Some(events))?;
    tokio::spawn({
        let stop = stop.clone();
        async move {
            stop.cancelled().await;
            say!("Stopping: the filing under way stops where it stands and is finished by the next start.");
        }
    });
    let started = chrono::Utc::now().to_rfc3339();
    let mut status = Status {
        state: "running",
        pid: std::process::id(),
        started_at: &started,
        last_round_at: None,
        last_round: None,
        filed_total: 0,
        last_error: None,
        next_round_at: None,
    };
    say!(
        "The automatic export runs every {} s as {}; a service stop, SIGTERM or Ctrl+C stops it (status: {}).",
        args.interval,
        args.unattended.clerk,
        kirjaamo::paths::shown(&status_path)
    );
    // Which folder does not change while the service runs (its files are read each round).
    let folder = folder(mappings.as_deref(), &resolved)?;
    let interval = Duration::from_secs(args.interval);
    let mut wait = interval;
    while !stop.is_cancelled() {
        status.state = "running";
        write_status(&status_path, &status);
        let round = async {
            let mut jobs: Vec<_> =
                journal.unfinished().await?.into_iter().map(|r| Job::Planned(Box::new(r.plan))).collect();
            jobs.extend(journal.unread().await?.into_iter().map(|u| Job::Read(u.transaction_id)));
            let mappings = checked_mappings(tweb.as_ref(), &folder).await?;
            let (auto, skipped) = auto_jobs(&outbox, &mappings).await?;
            // A transaction the journal holds unfinished is filed once, from its own plan.
            let mut seen = std::collections::HashSet::new();
            jobs.retain(|j| seen.insert(j.id().to_owned()));
            jobs.extend(auto.into_iter().filter(|j| !seen.contains(j.id())));
            let mut count = file_jobs(&exporter, Some(&mappings), jobs, &stop).await;
            count.skipped = skipped;
            anyhow::Ok(count)
        };
        let now = chrono::Utc::now();
        match round.await {
            Ok(count) => {
                // An idle round is not said: the status file shows it ran.
                if count.filed + count.earlier + count.by_others + count.held + count.failed + count.interrupted > 0 {
                    say!("{count}");
                }
                super::said::emit(&serde_json::json!({ "event": "round", "at": now.to_rfc3339(), "counts": count }));
                status.filed_total += count.filed;
                status.last_round = Some(count);
                status.last_error = None;
                wait = interval;
                status.state = "waiting";
            }
            Err(e) => {
                let why = kirjaamo::error_chain(e.as_ref());
                wait = (wait * 2).min(MAX_BACKOFF).max(interval);
                say!("This round could not run: {why}. The next one in {} s.", wait.as_secs());
                super::said::emit(&serde_json::json!({
                    "event": "round_failed", "at": now.to_rfc3339(), "error": why, "next_in_s": wait.as_secs(),
                }));
                status.last_error = Some(why);
                status.state = "backing_off";
            }
        }
        status.last_round_at = Some(now.to_rfc3339());
        let next = chrono::Utc::now() + chrono::Duration::from_std(wait).unwrap_or_default();
        status.next_round_at = Some(next.to_rfc3339());
        write_status(&status_path, &status);
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = stop.cancelled() => {}
        }
    }
    status.state = "stopped";
    status.next_round_at = None;
    write_status(&status_path, &status);
    drop(exporter);
    let _ = printer.await;
    say!("The automatic export stopped.");
    Ok(true)
}

/// The lock that keeps a second service off the same pair of servers; held while the value lives.
fn single_instance(journal: &Path) -> Result<std::fs::File> {
    let path = journal.with_extension("service.lock");
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("opening {}", kirjaamo::paths::shown(&path)))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => bail!(
            "another kirjaamo service already runs for these servers (it holds {}); this one does not start",
            kirjaamo::paths::shown(&path)
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("locking {}", kirjaamo::paths::shown(&path)));
        }
    }
    let _ = file.set_len(0);
    let _ = writeln!(file, "{}", std::process::id());
    Ok(file)
}

/// Writes the status for monitoring; a status that cannot be written is said, and the service
/// goes on.
fn write_status(path: &Path, status: &Status<'_>) {
    let written = serde_json::to_vec_pretty(status)
        .map_err(std::io::Error::other)
        .and_then(|bytes| kirjaamo::paths::write_atomic(path, &bytes));
    if let Err(e) = written {
        say!("The status file {} could not be written: {e}", kirjaamo::paths::shown(path));
    }
}

/// Cancels `stop` on Ctrl+C, or SIGTERM (a service manager's stop).
async fn stop_on_signal(stop: CancellationToken) {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(term) => term,
            Err(e) => {
                say!("SIGTERM cannot be caught ({e}); Ctrl+C still stops the service");
                let _ = tokio::signal::ctrl_c().await;
                stop.cancel();
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
    stop.cancel();
}
