//! `kirjaamo scan`: asks the virus scanner whether it answers (and which signatures it has), and
//! scans the files given, as the desk and the export would. For IT setting up a scanner (try the
//! EICAR test file) and for the checks of the Windows build.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use futures_util::FutureExt;
use kirjaamo::scan::{Scanner, ScannerChoice, Verdict};

/// Options of `kirjaamo scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The scanner (or KIRJAAMO_SCANNER): clamd://HOST:PORT, clamd:///path/to/clamd.socket, amsi or
    /// none; by default the one of `--profile`, else of the central configuration's profile.
    #[arg(long, env = "KIRJAAMO_SCANNER")]
    scanner: Option<ScannerChoice>,
    /// The connection profile whose scanner to use.
    #[arg(long, env = "KIRJAAMO_PROFILE")]
    profile: Option<String>,
    /// Files to scan.
    files: Vec<PathBuf>,
}

fn profile_scanner(name: Option<&str>) -> Result<ScannerChoice> {
    let path = kirjaamo::settings::Settings::default_path().context("the OS has no configuration directory")?;
    let central = kirjaamo::settings::central_path();
    let settings = kirjaamo::settings::Settings::load_with_central(&path, central.as_deref())?;
    let active =
        central.as_deref().and_then(|p| kirjaamo::settings::Central::load(p).ok().flatten()).and_then(|c| c.active);
    let name = name.map(str::to_owned).or(active).context("say which scanner: --scanner or --profile")?;
    let profile = settings.profiles.iter().find(|p| p.name == name).with_context(|| format!("no profile {name}"))?;
    Ok(profile.scanner.clone().unwrap_or_default())
}

/// Runs the command; returns whether the scanner answered and every file is clean.
pub async fn run(args: ScanArgs) -> Result<bool> {
    let choice = match args.scanner {
        Some(choice) => choice,
        None => profile_scanner(args.profile.as_deref())?,
    };
    let scanner = Scanner::new(choice);
    match scanner.ping().await {
        Ok(Some(version)) => println!("scanner {}: {version}", scanner.choice()),
        Ok(None) => println!("scanner none: scanning is off"),
        Err(e) => {
            println!("scanner {}: not available: {}", scanner.choice(), kirjaamo::error_chain(&e));
            return Ok(false);
        }
    }
    let mut all_clean = true;
    for file in &args.files {
        let shown = kirjaamo::paths::shown(file);
        let bytes = std::fs::read(file).with_context(|| format!("reading {shown}"))?;
        let sha = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&bytes));
        let body = move || async move { Ok(kirjaamo::scan::body_of(bytes::Bytes::from(bytes))) }.boxed();
        match scanner.check(&sha, body).await {
            Ok(checked) => match checked.verdict {
                Verdict::Clean => println!("{shown}: clean"),
                Verdict::Off => {
                    all_clean = false;
                    println!("{shown}: not scanned (scanning is off)");
                }
                Verdict::Infected { signature } => {
                    all_clean = false;
                    println!("{shown}: MALWARE {signature}");
                }
            },
            Err(e) => {
                all_clean = false;
                println!("{shown}: not scanned: {}", kirjaamo::error_chain(&e));
            }
        }
    }
    Ok(all_clean)
}
