//! `kirjaamo conformance`: checks a municipality's TWeb and outbox test environment against the
//! contracts and prints where they differ; the exit code is non-zero on any difference.

use anyhow::{Result, bail};
use clap::Args;
use kirjaamo::conformance::{Options, Outcome};

/// Options of `kirjaamo conformance`.
#[derive(Debug, Args)]
pub struct ConformanceArgs {
    /// Connection profile from the settings (or KIRJAAMO_PROFILE); its secrets from the keyring.
    #[arg(long, env = "KIRJAAMO_PROFILE", conflicts_with_all = ["tweb_url", "outbox_url"])]
    profile: Option<String>,
    /// TWeb base URL (or KIRJAAMO_TWEB_URL), without a profile; secrets from the environment.
    #[arg(long, env = "KIRJAAMO_TWEB_URL", requires = "outbox_url")]
    tweb_url: Option<String>,
    /// ePalvelu outbox base URL (or KIRJAAMO_OUTBOX_URL), without a profile.
    #[arg(long, env = "KIRJAAMO_OUTBOX_URL", requires = "tweb_url")]
    outbox_url: Option<String>,
    /// Also open one test case with a document and an assignment (a TEST environment only), and
    /// withdraw it at the end.
    #[arg(long, requires = "case_group")]
    write: bool,
    /// The test case's case group, e.g. 00.01 (with --write).
    #[arg(long, requires = "write")]
    case_group: Option<String>,
    /// The test document's type; the catalog's first when left out (with --write).
    #[arg(long, requires = "write")]
    document_type: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

/// Runs the checks and prints the report; returns whether the servers conform.
pub async fn run(args: ConformanceArgs) -> Result<bool> {
    let resolved = match (&args.profile, &args.tweb_url, &args.outbox_url) {
        (Some(name), _, _) => super::connect::profile(name)?,
        (None, Some(tweb), Some(outbox)) => {
            super::connect::from_environment(tweb, outbox, "conformance", "conformance")?
        }
        _ => {
            bail!("say where to connect: --profile NAME, or --tweb-url and --outbox-url (secrets from the environment)")
        }
    };
    let options = Options { write_case_group: args.case_group.clone(), document_type: args.document_type.clone() };
    let report = kirjaamo::conformance::run(&resolved.connection, &options).await;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.text());
    }
    let differs = report.differs();
    if differs {
        eprintln!("{} checks differ from the contract.", report.count(Outcome::Fail));
    }
    Ok(!differs)
}
