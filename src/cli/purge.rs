//! `kirjaamo purge`: removes the personal data of filings verified longer ago than the machine's
//! retention period from every filing journal in the data folder, and the damaged journals set
//! aside that long ago. The desk, `export` and `service` do the same for their own journal at
//! every start; `--dry-run` shows what would go.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use kirjaamo::export::Journal;

/// Options of `kirjaamo purge`.
#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// Show what would go, and change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Days a verified filing's personal data is kept; by default the central configuration's
    /// `retention_days`, else 30.
    #[arg(long)]
    days: Option<u32>,
    /// The folder of the journals; by default this account's data folder.
    #[arg(long)]
    dir: Option<PathBuf>,
}

/// Runs the command; returns whether every journal could be purged.
pub fn run(args: &PurgeArgs) -> Result<bool> {
    let dir = match &args.dir {
        Some(dir) => dir.clone(),
        None => kirjaamo::paths::local_data_dir().context("the OS has no data folder; pass --dir")?,
    };
    let days = args.days.unwrap_or_else(kirjaamo::settings::retention_days);
    let before = chrono::Utc::now() - chrono::Duration::days(i64::from(days));
    let verb = if args.dry_run { "would remove" } else { "removed" };
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", kirjaamo::paths::shown(&dir)))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("journal-")))
        .filter(|p| p.extension().is_some_and(|e| e == "sqlite"))
        .collect();
    names.sort();
    let mut ok = true;
    for path in names {
        let shown = kirjaamo::paths::shown(&path);
        if path.to_string_lossy().contains(".damaged-") {
            // A damaged journal set aside holds what it held: removed whole once it is old enough.
            let old = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .is_ok_and(|at| chrono::DateTime::<chrono::Utc>::from(at) < before);
            if old {
                println!("{shown}: {verb} (a damaged journal set aside over {days} days ago)");
                if !args.dry_run {
                    for file in [path.clone(), with_suffix(&path, "-wal"), with_suffix(&path, "-shm")] {
                        let _ = std::fs::remove_file(file);
                    }
                }
            }
            continue;
        }
        match Journal::purge_file(&path, before, args.dry_run) {
            Ok(ids) => println!(
                "{shown}: {verb} the personal data of {} filings verified over {days} days ago{}",
                ids.len(),
                if ids.is_empty() { String::new() } else { format!(" ({})", ids.join(", ")) }
            ),
            Err(e) => {
                ok = false;
                eprintln!("{shown}: {}", kirjaamo::error_chain(&e));
            }
        }
    }
    Ok(ok)
}

fn with_suffix(path: &std::path::Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
