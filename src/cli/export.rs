//! `kirjaamo export`: unattended filing for service accounts (`--auto`), finishing interrupted
//! filings (`--resume`) and filing chosen transactions with their mapping's defaults (`--id`).
//! Progress goes to stderr, one summary line to stdout; the exit code is non-zero when anything failed.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use clap::Args;
use kirjaamo::export::{EventKind, ExportConfig, ExportError, Exporter, FilingPlan, Journal};
use kirjaamo::mappings::ServiceMapping;
use kirjaamo::outbox::OutboxClient;
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
    /// Connection profile from the settings (or KIRJAAMO_PROFILE): its addresses, its secrets from
    /// the OS keyring (from the environment where there is none), its journal and mappings.
    #[arg(long, env = "KIRJAAMO_PROFILE", conflicts_with_all = ["tweb_url", "outbox_url"])]
    profile: Option<String>,
    /// TWeb base URL (or KIRJAAMO_TWEB_URL), without a profile; secrets from the environment.
    #[arg(long, env = "KIRJAAMO_TWEB_URL", requires = "outbox_url")]
    tweb_url: Option<String>,
    /// ePalvelu outbox base URL (or KIRJAAMO_OUTBOX_URL), without a profile.
    #[arg(long, env = "KIRJAAMO_OUTBOX_URL", requires = "tweb_url")]
    outbox_url: Option<String>,
    /// Folder of the service mappings; KIRJAAMO_MAPPINGS_DIR, else `mappings` in the data directory.
    #[arg(long)]
    mappings: Option<PathBuf>,
    /// The filing journal; the OS data directory's when left out.
    #[arg(long)]
    journal: Option<PathBuf>,
    /// Name shown to clerks on the claims this run holds.
    #[arg(long, default_value = "Kirjaamo (automaattinen)")]
    clerk: String,
}

/// The connection the arguments name: a profile, or addresses with secrets from the environment.
fn connect(args: &ExportArgs) -> Result<super::connect::Resolved> {
    if let Some(name) = &args.profile {
        return super::connect::profile(name);
    }
    let (Some(tweb_url), Some(outbox_url)) = (&args.tweb_url, &args.outbox_url) else {
        bail!("say where to connect: --profile NAME, or --tweb-url and --outbox-url (secrets from the environment)");
    };
    kirjaamo::remote::check_base_url(tweb_url)?;
    kirjaamo::remote::check_base_url(outbox_url)?;
    let outbox_token =
        super::connect::env_secret("KIRJAAMO_OUTBOX_TOKEN").context("no outbox token: set KIRJAAMO_OUTBOX_TOKEN")?;
    let connection = kirjaamo::connection::Connection {
        tweb_url: tweb_url.clone(),
        tweb_auth: super::connect::env_tweb_auth()?,
        outbox_url: outbox_url.clone(),
        outbox_token,
        clerk: args.clerk.clone(),
        label: "export".to_owned(),
        case_url: None,
        ca_bundle: None,
    };
    Ok(super::connect::Resolved { connection, journal: Journal::default_path(), mappings_dir: None })
}

/// Runs the command; returns whether everything succeeded.
pub async fn run(args: ExportArgs) -> Result<bool> {
    if !args.auto && !args.resume && args.id.is_empty() {
        bail!("say what to file: --auto, --resume or --id TX…");
    }
    let resolved = connect(&args)?;
    let http = resolved.connection.http_client()?;
    let tweb = Arc::new(TwebClient::new(http.clone(), &resolved.connection.tweb_url, resolved.connection.tweb_auth));
    let outbox = OutboxClient::new(http, &resolved.connection.outbox_url, &resolved.connection.outbox_token);
    let journal_path = match args.journal.clone().or(resolved.journal) {
        Some(path) => path,
        None => bail!("the OS has no data directory for the journal; pass --journal"),
    };
    let journal = Journal::open(&journal_path)?;
    let (events, mut received) = tokio::sync::mpsc::unbounded_channel::<kirjaamo::export::ExportEvent>();
    let printer = tokio::spawn(async move {
        while let Some(event) = received.recv().await {
            match event.kind {
                EventKind::Finished { step, object_id, adopted } => {
                    let how = if adopted { " (found from an earlier try)" } else { "" };
                    eprintln!(
                        "{}: {step:?} done{}{how}",
                        event.transaction_id,
                        object_id.map(|id| format!(" → {id}")).unwrap_or_default()
                    );
                }
                EventKind::Retrying { step, message, attempt } => {
                    eprintln!("{}: {step:?} retrying (try {attempt}): {message}", event.transaction_id)
                }
                EventKind::Failed { message, .. } => eprintln!("{}: FAILED: {message}", event.transaction_id),
                EventKind::Done(result) => {
                    eprintln!("{}: filed {}", event.transaction_id, result.diary_number.unwrap_or_default())
                }
                EventKind::Started(_) | EventKind::Progress { .. } => {}
            }
        }
    });
    let exporter =
        Exporter::new(Arc::clone(&tweb), outbox.clone(), journal.clone(), ExportConfig::new(&args.clerk), Some(events));
    let mut plans: Vec<Result<FilingPlan, String>> = Vec::new();
    let mut skipped = 0;
    if args.resume {
        plans.extend(journal.unfinished().await?.into_iter().map(|record| Ok(record.plan)));
    } else {
        let dir = args
            .mappings
            .clone()
            .or(resolved.mappings_dir)
            .or_else(kirjaamo::mappings::default_dir)
            .context("no mappings folder: pass --mappings")?;
        let mappings = checked_mappings(tweb.as_ref(), &dir).await?;
        let today = chrono::Utc::now().date_naive();
        let ids: Vec<String> = if args.auto {
            let pending = outbox.list_all(None).await?;
            let automatic = |service: &str| mappings.iter().any(|m| m.service == service && m.automatic);
            skipped = pending.iter().filter(|t| !automatic(&t.service.id)).count();
            pending.into_iter().filter(|t| automatic(&t.service.id)).map(|t| t.id).collect()
        } else {
            args.id.clone()
        };
        for id in ids {
            plans.push(plan_for(&outbox, &mappings, &id, today).await);
        }
    }
    let (mut filed, mut failed) = (0, 0);
    for plan in plans {
        let outcome = match plan {
            Ok(plan) => exporter.file(&plan, &CancellationToken::new()).await.map_err(|e| match e {
                ExportError::ClaimedBy { .. } => format!("{e}"),
                other => format!("{:#}", anyhow::Error::from(other)),
            }),
            Err(message) => Err(message),
        };
        match outcome {
            Ok(_) => filed += 1,
            Err(message) => {
                failed += 1;
                eprintln!("{message}");
            }
        }
    }
    drop(exporter);
    let _ = printer.await;
    println!("filed {filed}, failed {failed}, skipped {skipped} (not automatic)");
    Ok(failed == 0)
}

/// The mappings that pass the check against TWeb's catalog; the others are named with their
/// errors on stderr and file nothing.
async fn checked_mappings(tweb: &TwebClient, dir: &std::path::Path) -> Result<Vec<ServiceMapping>> {
    let catalog = kirjaamo::tweb::fetch_catalog(tweb).await.context("reading TWeb's catalog to check the mappings")?;
    let reports = kirjaamo::mappings::check::Checker { catalog: &catalog, services: &[] }.check_dir(dir)?;
    let mut usable = Vec::new();
    for report in reports {
        if report.usable() {
            usable.extend(report.mapping);
            continue;
        }
        for issue in report.issues.iter().filter(|i| i.severity == kirjaamo::mappings::check::Severity::Error) {
            eprintln!("{issue}");
        }
        eprintln!("{}: not used until fixed (run `kirjaamo mappings check`)", report.path.display());
    }
    Ok(usable)
}

async fn plan_for(
    outbox: &OutboxClient,
    mappings: &[ServiceMapping],
    id: &str,
    today: chrono::NaiveDate,
) -> Result<FilingPlan, String> {
    let detail = outbox.get(id).await.map_err(|e| format!("{id}: {:#}", anyhow::Error::from(e)))?;
    let transaction = detail.transaction;
    let mapping = mappings
        .iter()
        .find(|m| m.service == transaction.service.id)
        .ok_or_else(|| format!("{id}: the e-service {} has no mapping", transaction.service.id))?;
    FilingPlan::from_mapping(&transaction, mapping, today).map_err(|e| format!("{id}: {e}"))
}
