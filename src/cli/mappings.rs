//! `kirjaamo mappings check [DIR]`: checks the mapping files against TWeb's catalog and the
//! outbox's transactions; prints `file:line: error: …` and exits non-zero on any error.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use kirjaamo::domain::Catalog;
use kirjaamo::mappings::check::{Checker, ServiceFacts, Severity};
use kirjaamo::outbox::OutboxClient;
use kirjaamo::tweb::TwebClient;

/// `kirjaamo mappings …`.
#[derive(Debug, Subcommand)]
pub enum MappingsCommand {
    /// Check the mapping files of DIR (by default the folder the desk and `export` use: the
    /// profile's, KIRJAAMO_MAPPINGS_DIR, or `mappings` in the data directory).
    Check(CheckArgs),
}

/// Options of `kirjaamo mappings check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Folder of the mapping files (the same as `--mappings`).
    dir: Option<PathBuf>,
    /// Connection profile (or KIRJAAMO_PROFILE): its TWeb and outbox with its CA bundle, proxy and
    /// secrets, and its mappings folder.
    #[arg(long, env = "KIRJAAMO_PROFILE", conflicts_with_all = ["tweb_url", "outbox_url"])]
    profile: Option<String>,
    /// TWeb base URL (or KIRJAAMO_TWEB_URL) without a profile; without either, the sandbox's
    /// built-in catalog is used.
    #[arg(long, env = "KIRJAAMO_TWEB_URL")]
    tweb_url: Option<String>,
    /// ePalvelu outbox base URL (or KIRJAAMO_OUTBOX_URL).
    #[arg(long, env = "KIRJAAMO_OUTBOX_URL")]
    outbox_url: Option<String>,
}

/// The sandbox's catalog and what its seeded outbox holds.
fn builtin() -> (Catalog, Vec<ServiceFacts>) {
    let (catalog, transactions) = kirjaamo::demo::builtin_catalog();
    (catalog, facts(&transactions))
}

fn facts(transactions: &[kirjaamo::domain::Transaction]) -> Vec<ServiceFacts> {
    let mut by_id: BTreeMap<String, ServiceFacts> = BTreeMap::new();
    for t in transactions {
        let entry = by_id.entry(t.service.id.clone()).or_insert_with(|| ServiceFacts {
            id: t.service.id.clone(),
            name: t.service.name.clone(),
            ..ServiceFacts::default()
        });
        entry.pending += 1;
        entry.field_keys.extend(t.fields.iter().map(|f| f.key.clone()));
    }
    by_id.into_values().collect()
}

/// Reads the live catalog, and the pending transactions for their services and field keys.
async fn live(tweb_url: &str, outbox_url: Option<&str>) -> Result<(Catalog, Vec<ServiceFacts>)> {
    kirjaamo::remote::check_base_url(tweb_url)?;
    if let Some(url) = outbox_url {
        kirjaamo::remote::check_base_url(url)?;
    }
    let http = kirjaamo::remote::http_client()?;
    let tweb = TwebClient::new(http.clone(), tweb_url, super::connect::env_tweb_auth()?);
    let catalog = kirjaamo::tweb::fetch_catalog(&tweb).await.context("reading TWeb's catalog")?;
    let Some(outbox_url) = outbox_url else { return Ok((catalog, Vec::new())) };
    let token = std::env::var("KIRJAAMO_OUTBOX_TOKEN").context("no outbox token: set KIRJAAMO_OUTBOX_TOKEN")?;
    read_outbox(catalog, &OutboxClient::new(http, outbox_url, &token)).await
}

/// The catalog and the outbox of a profile's connection (its CA bundle, proxy and secrets).
async fn of_profile(connection: &kirjaamo::connection::Connection) -> Result<(Catalog, Vec<ServiceFacts>)> {
    let http = connection.http_client()?;
    let tweb = TwebClient::new(http.clone(), &connection.tweb_url, connection.tweb_auth.clone());
    let catalog = kirjaamo::tweb::fetch_catalog(&tweb).await.context("reading TWeb's catalog")?;
    read_outbox(catalog, &OutboxClient::new(http, &connection.outbox_url, &connection.outbox_token)).await
}

async fn read_outbox(catalog: Catalog, outbox: &OutboxClient) -> Result<(Catalog, Vec<ServiceFacts>)> {
    let mut transactions = Vec::new();
    for summary in outbox.list_all(None).await.context("listing the outbox")? {
        transactions.push(outbox.get(&summary.id).await.context("reading a transaction")?.transaction);
    }
    Ok((catalog, facts(&transactions)))
}

/// Runs the command; returns whether no file has an error. `mappings` is `--mappings`.
pub async fn run(command: MappingsCommand, mappings: Option<PathBuf>) -> Result<bool> {
    let MappingsCommand::Check(args) = command;
    let option = match (args.dir.clone(), mappings) {
        (Some(a), Some(b)) if a != b => {
            anyhow::bail!("two mappings folders given ({} and --mappings {}): give one", a.display(), b.display())
        }
        (a, b) => a.or(b),
    };
    let profile = args.profile.as_deref().map(super::connect::profile).transpose()?;
    let data = kirjaamo::paths::data_dir();
    let profile_dir = profile.as_ref().and_then(|p| p.mappings_dir.as_deref());
    let central = kirjaamo::settings::central_path().and_then(|p| kirjaamo::settings::Central::load(&p).ok().flatten());
    let central_dir =
        profile.as_ref().map_or_else(|| central.and_then(|c| c.mappings_dir), |p| p.central_mappings_dir.clone());
    let folder =
        kirjaamo::mappings::folder::choose(option.as_deref(), profile_dir, central_dir.as_deref(), data.as_deref())
            .context("no mappings folder: give DIR or --mappings")?;
    eprintln!("Checking {} (from {}).", kirjaamo::paths::shown(&folder.dir), folder.source.words());
    let (catalog, services) = match (&profile, &args.tweb_url) {
        (Some(profile), _) => of_profile(&profile.connection).await?,
        (None, Some(url)) => live(url, args.outbox_url.as_deref()).await?,
        (None, None) => {
            eprintln!("No TWeb connection given (--tweb-url): checking against the sandbox's built-in catalog.");
            builtin()
        }
    };
    let reports = Checker { catalog: &catalog, services: &services }.check_dir(&folder.dir)?;
    let (mut errors, mut warnings) = (0, 0);
    for issue in reports.iter().flat_map(|r| &r.issues) {
        println!("{issue}");
        match issue.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
    }
    let unmapped: Vec<&str> = services
        .iter()
        .filter(|s| !reports.iter().any(|r| r.mapping.as_ref().is_some_and(|m| m.service == s.id)))
        .map(|s| s.id.as_str())
        .collect();
    if !unmapped.is_empty() {
        println!("note: no mapping for {} (clerks choose by hand)", unmapped.join(", "));
    }
    println!("{} files checked: {errors} errors, {warnings} warnings", reports.len());
    Ok(errors == 0)
}
