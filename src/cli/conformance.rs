//! `kirjaamo conformance`: checks a municipality's TWeb and outbox test environment against the
//! contracts and prints where they differ; the exit code is non-zero on any difference.

use anyhow::Result;
use clap::Args;
use kirjaamo::conformance::{Options, Outcome};

/// Options of `kirjaamo conformance`.
#[derive(Debug, Args)]
pub struct ConformanceArgs {
    /// Where to connect.
    #[command(flatten)]
    target: super::connect::Target,
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
    let resolved = args.target.resolve("conformance", "conformance")?;
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
