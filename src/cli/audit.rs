//! `kirjaamo audit`: the access log for a data protection officer. `verify` checks its hash chain
//! and names the first entry changed, removed or reordered; `export` writes the entries a
//! question is about as CSV ("who saw TX-…", "what did KUNTA\llaine see in March").

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use chrono::{DateTime, NaiveDate, TimeZone as _, Utc};
use clap::{Args, Subcommand};
use kirjaamo::audit::{AccessLog, Filter};

/// `kirjaamo audit …`
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check the access log's hash chain; exit code 1 names the first entry changed, removed or
    /// reordered.
    Verify(LogFile),
    /// Write the entries asked for as CSV (UTF-8, `;`, the time in UTC and in Helsinki time).
    Export(ExportArgs),
}

/// Which access log.
#[derive(Debug, Args)]
pub struct LogFile {
    /// The access log (`access-log.sqlite` beside the journals); by default this account's, in the
    /// machine's data folder (the Windows service's is `%ProgramData%\Kirjaamo\service`).
    #[arg(long)]
    file: Option<PathBuf>,
}

/// Options of `kirjaamo audit export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    log: LogFile,
    /// From this day on (YYYY-MM-DD, Helsinki time).
    #[arg(long)]
    from: Option<NaiveDate>,
    /// To this day, inclusive (YYYY-MM-DD, Helsinki time).
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Only this transaction (`TX-…`).
    #[arg(long)]
    transaction: Option<String>,
    /// Only this user: the OS account (with or without its domain) or the TWeb user.
    #[arg(long)]
    user: Option<String>,
    /// Where to write the CSV; standard output when left out.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// Runs the command; returns whether the log is whole (`verify`) or the CSV was written.
pub fn run(command: AuditCommand) -> Result<bool> {
    match command {
        AuditCommand::Verify(file) => verify(&file),
        AuditCommand::Export(args) => export(&args).map(|()| true),
    }
}

fn open(file: &LogFile) -> Result<AccessLog> {
    let path = match &file.file {
        Some(path) => path.clone(),
        None => AccessLog::path_in(&kirjaamo::paths::local_data_dir().context("the OS has no data folder")?),
    };
    if !path.is_file() {
        bail!("there is no access log at {}", kirjaamo::paths::shown(&path));
    }
    Ok(AccessLog::open(&path)?)
}

fn verify(file: &LogFile) -> Result<bool> {
    let log = open(file)?;
    let shown = kirjaamo::paths::shown(log.path());
    match log.verify()? {
        Ok(count) => {
            println!("{shown}: whole, {count} entries, each following the one before it.");
            Ok(true)
        }
        Err(tamper) => {
            println!("{shown}: NOT WHOLE: {tamper}. The entries before it are as written.");
            Ok(false)
        }
    }
}

/// The start of `day` in Helsinki.
fn start_of(day: NaiveDate) -> Result<DateTime<Utc>> {
    chrono_tz::Europe::Helsinki
        .from_local_datetime(&day.and_time(chrono::NaiveTime::MIN))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .with_context(|| format!("{day} has no midnight in Helsinki"))
}

fn export(args: &ExportArgs) -> Result<()> {
    let log = open(&args.log)?;
    let to = args.to.map(|d| d.succ_opt().context("--to is the last day there is").and_then(start_of)).transpose()?;
    let filter = Filter {
        from: args.from.map(start_of).transpose()?,
        to,
        transaction: args.transaction.clone(),
        user: args.user.clone(),
    };
    let entries = log.entries()?;
    let chosen: Vec<_> = entries.iter().filter(|e| filter.matches(e)).collect();
    let bytes = kirjaamo::audit::csv(chosen.iter().copied());
    match &args.output {
        Some(path) => {
            std::fs::write(path, &bytes).with_context(|| format!("writing {}", kirjaamo::paths::shown(path)))?;
            eprintln!("{} entries written to {}", chosen.len(), kirjaamo::paths::shown(path));
        }
        None => {
            use std::io::Write as _;
            std::io::stdout().write_all(&bytes).context("writing the CSV")?;
        }
    }
    Ok(())
}
