//! The `kirjaamo` binary: the clerk desk (GUI), the sandbox and the admin tools.

// On Windows a GUI program: no console window opens beside the desk. The subcommands attach to
// the console they were started from (`cli::os::use_parent_console`).
#![cfg_attr(windows, windows_subsystem = "windows")]
// The binary is the edge that talks to people on the console: its subcommands print.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod cli;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use kirjaamo::sandbox::{FaultConfig, Sandbox, SandboxConfig, seed};

/// Files ePalvelu e-service transactions into TWeb.
#[derive(Debug, Parser)]
#[command(name = "kirjaamo", version, about)]
struct Cli {
    /// Run against an embedded sandbox (demo data on an ephemeral 127.0.0.1 port).
    #[arg(long)]
    demo: bool,
    /// The mappings folder (a shared folder serves every clerk), before the profile's and
    /// KIRJAAMO_MAPPINGS_DIR; for the desk, `export` and `mappings check`. The demo always works on
    /// its own practice copy.
    #[arg(long, global = true)]
    mappings: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the TWeb and ePalvelu outbox simulators on 127.0.0.1 until Ctrl+C.
    Sandbox {
        /// Port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 8700)]
        port: u16,
        /// Seed of the built-in data.
        #[arg(long, default_value_t = seed::DEFAULT_SEED)]
        seed: u64,
        /// Load transactions from this folder instead of the built-in data (see docs/sandbox.md).
        #[arg(long)]
        data: Option<PathBuf>,
        /// Keep the state in this file across restarts.
        #[arg(long)]
        state: Option<PathBuf>,
        /// Inject faults from this JSON file (see docs/sandbox.md).
        #[arg(long)]
        faults: Option<PathBuf>,
    },
    /// Render a transaction file (the sandbox's --data format) as its archival PDF.
    Pdf {
        /// The transaction JSON; its attachments lie in a folder of the same name beside it.
        transaction: PathBuf,
        /// Where to write the PDF; beside the transaction with the extension .pdf when left out.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// File transactions without the GUI: --auto, --resume or --id TX… (a --profile with its secrets
    /// from the keyring, or addresses and secrets from the environment).
    Export(cli::export::ExportArgs),
    /// Run the automatic export until stopped (SIGTERM, Ctrl+C, a service stop): rounds every
    /// --interval seconds, backing off while a server is down; one per pair of servers.
    Service(cli::service::ServiceArgs),
    /// The Windows service of the automatic export: `install`, `uninstall`, and `run` (which the
    /// Service Control Manager starts).
    #[command(subcommand)]
    WindowsService(cli::winservice::WindowsServiceCommand),
    /// The access log of who used or disclosed whose data: `verify` its hash chain, `export` it
    /// as CSV.
    #[command(subcommand)]
    Audit(cli::audit::AuditCommand),
    /// Remove the personal data of filings verified longer ago than the retention period from the
    /// journals (`--dry-run` shows what would go); the desk and the export also do it at start.
    Purge(cli::purge::PurgeArgs),
    /// Ask the virus scanner whether it answers, and scan the files given (try the EICAR test
    /// file); exit code 1 unless it answered and every file is clean.
    Scan(cli::scan::ScanArgs),
    /// The machine's central configuration for every user (IT's): `write` a profile, `show` it.
    #[command(subcommand)]
    Central(cli::central::CentralCommand),
    /// Store a profile's secrets from the environment in this account's keyring (`set`): for the
    /// account a service runs as.
    #[command(subcommand)]
    Secrets(cli::secrets::SecretsCommand),
    /// Check the per-service mapping files (`check [DIR]`); non-zero exit on any error.
    #[command(subcommand)]
    Mappings(cli::mappings::MappingsCommand),
    /// Check a municipality's TWeb and outbox test environment against the contracts; non-zero
    /// exit on any difference (docs/integration.md).
    Conformance(cli::conformance::ConformanceArgs),
    /// Write the OpenAPI contracts this build carries to DIR, or with --check fail when the files
    /// there differ from them.
    Contracts {
        /// Folder to write them to (or to compare with).
        dir: PathBuf,
        /// Compare instead of writing.
        #[arg(long)]
        check: bool,
    },
}

/// Runs the command and ends with its exit code, after the log files are written out (the
/// logging guard is dropped when `run` returns; `std::process::exit` would lose the last lines).
fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(error) => {
            eprintln!("Error: {error:?}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<ExitCode> {
    cli::os::return_large_blocks();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help, --version or a usage error: clap prints it and sets the exit code.
            cli::os::use_parent_console();
            e.exit()
        }
    };
    if cli.command.is_some() {
        cli::os::use_parent_console();
    }
    // A Windows service has no person's profile: its journal, logs and status are the machine's.
    if let Some(Command::WindowsService(cli::winservice::WindowsServiceCommand::Run(_))) = &cli.command
        && let Some(dir) = cli::winservice::data_dir()
    {
        kirjaamo::paths::use_data_dir(dir);
    }
    // The sandbox and the admin tools log to stderr only; the desk and the export also to files.
    let to_files = matches!(
        cli.command,
        None | Some(
            Command::Export(_)
                | Command::Service(_)
                | Command::WindowsService(cli::winservice::WindowsServiceCommand::Run(_))
        )
    );
    let log_dir = kirjaamo::logging::log_dir().filter(|_| to_files);
    let (_log_guard, log_error) = kirjaamo::logging::init(log_dir.as_deref());
    if let Some(error) = log_error {
        tracing::warn!("{}", kirjaamo::error_chain(&error));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("kirjaamo-worker")
        .build()
        .context("could not start the async runtime")?;
    match cli.command {
        Some(Command::Sandbox { port, seed, data, state, faults }) => {
            let faults = match faults {
                Some(path) => read_faults(&path)?,
                None => FaultConfig::default(),
            };
            let config = SandboxConfig {
                bind: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port),
                seed,
                data_dir: data,
                state_file: state,
                faults,
                ..SandboxConfig::default()
            };
            runtime.block_on(serve(config)).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Contracts { dir, check }) => contracts(&dir, check).map(|()| ExitCode::SUCCESS),
        Some(Command::Pdf { transaction, output }) => pdf(&transaction, output).map(|()| ExitCode::SUCCESS),
        Some(Command::Export(args)) => runtime.block_on(cli::export::run(args, cli.mappings)).map(succeeded),
        Some(Command::Service(args)) => runtime.block_on(cli::service::run(args, cli.mappings)).map(succeeded),
        Some(Command::WindowsService(cli::winservice::WindowsServiceCommand::Run(args))) => {
            cli::winservice::run_service(&runtime, *args, cli.mappings).map(succeeded)
        }
        Some(Command::WindowsService(command)) => cli::winservice::manage(&command).map(|()| ExitCode::SUCCESS),
        Some(Command::Purge(args)) => cli::purge::run(&args).map(succeeded),
        Some(Command::Scan(args)) => runtime.block_on(cli::scan::run(args)).map(succeeded),
        Some(Command::Audit(command)) => cli::audit::run(command).map(succeeded),
        Some(Command::Central(command)) => cli::central::run(command).map(|()| ExitCode::SUCCESS),
        Some(Command::Secrets(command)) => cli::secrets::run(command).map(|()| ExitCode::SUCCESS),
        Some(Command::Conformance(args)) => runtime.block_on(cli::conformance::run(args)).map(succeeded),
        Some(Command::Mappings(command)) => runtime.block_on(cli::mappings::run(command, cli.mappings)).map(succeeded),
        None => desk(&runtime, cli.demo, cli.mappings),
    }
}

/// Exit code 0 when everything succeeded, 1 when anything failed.
fn succeeded(ok: bool) -> ExitCode {
    if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn read_faults(path: &Path) -> Result<FaultConfig> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", kirjaamo::paths::shown(path)))?;
    serde_json::from_str(&text)
        .with_context(|| format!("{} is not a fault configuration", kirjaamo::paths::shown(path)))
}

async fn serve(config: SandboxConfig) -> Result<()> {
    let sandbox = Sandbox::start(config).await.context("the sandbox could not start")?;
    print_endpoints(&sandbox);
    tokio::signal::ctrl_c().await.context("waiting for Ctrl+C")?;
    sandbox.stop().await;
    Ok(())
}

fn print_endpoints(sandbox: &Sandbox) {
    let credentials = kirjaamo::sandbox::Credentials::demo();
    println!("Kirjaamo sandbox listening on http://{}", sandbox.addr());
    println!(
        "  TWeb:    {}/api/v1  (Basic {}:{} or Bearer {})",
        sandbox.tweb_url(),
        credentials.tweb_user,
        credentials.tweb_password,
        credentials.tweb_token
    );
    println!("  ePalvelu: {}/api/v1  (Bearer {})", sandbox.outbox_url(), credentials.outbox_token);
    println!("  Control: http://{}/_sandbox/faults", sandbox.addr());
    println!("Press Ctrl+C to stop.");
}

/// The clerk desk. Its settings (connection profiles; secrets in the OS keyring) decide what
/// opens: the active profile, the demo, or on the first run the choice between them. `--demo`
/// runs against an embedded sandbox on an ephemeral 127.0.0.1 port whatever the settings say.
fn desk(runtime: &tokio::runtime::Runtime, demo: bool, mappings_dir: Option<PathBuf>) -> Result<ExitCode> {
    let settings_path = kirjaamo::settings::Settings::default_path();
    let options = eframe::NativeOptions {
        viewport: match kirjaamo::ui::window_icon() {
            Some(icon) => egui::ViewportBuilder::default().with_icon(icon),
            None => egui::ViewportBuilder::default(),
        }
        .with_inner_size([1280.0, 800.0])
        .with_title("Kirjaamo")
        .with_app_id("kirjaamo"),
        ..Default::default()
    };
    let handle = runtime.handle().clone();
    let texts = kirjaamo::i18n::Texts::new(kirjaamo::i18n::UiLanguage::from_os());
    let (message, timeout) = (texts.get("window-timeout"), kirjaamo::ui::WINDOW_TIMEOUT);
    let watchdog = kirjaamo::ui::WindowWatchdog::start(timeout, move || {
        tracing::error!("the window did not open in {} s; giving up", timeout.as_secs());
        cli::os::tell_failure(&message, MESSAGE_STAYS, cli::os::DESK_TIMED_OUT);
        // The main thread is stuck inside the window system: only ending the process ends it.
        #[allow(clippy::exit)]
        std::process::exit(cli::os::DESK_TIMED_OUT);
    })
    .context("the window watchdog could not start")?;
    eframe::run_native(
        "Kirjaamo",
        options,
        Box::new(move |cc| {
            watchdog.opened();
            kirjaamo::ui::DeskApp::install_fonts(&cc.egui_ctx);
            let ctx = cc.egui_ctx.clone();
            let language = cc
                .storage
                .and_then(|s| eframe::get_value(s, kirjaamo::ui::LANGUAGE_KEY))
                .unwrap_or_else(kirjaamo::i18n::UiLanguage::from_os);
            let config = kirjaamo::ui::ShellConfig {
                settings_path,
                store: std::sync::Arc::new(kirjaamo::credentials::OsKeyring),
                mappings_dir,
                data_dir: None,
                central_path: kirjaamo::settings::central_path(),
                demo,
                language,
            };
            let repaint = std::sync::Arc::new(move || ctx.request_repaint());
            let mut shell = kirjaamo::ui::Shell::new(handle, config, repaint);
            if let Some(zoom) = cc.storage.and_then(|s| eframe::get_value(s, kirjaamo::ui::ZOOM_KEY)) {
                shell.set_zoom(zoom);
            }
            Ok(Box::new(shell))
        }),
    )
    .map_or_else(
        |e| {
            // Told once, in the person's language; the technical cause goes to the log.
            tracing::error!("the window could not open: {e}");
            cli::os::tell_failure(&texts.get("window-failed"), MESSAGE_STAYS, cli::os::DESK_FAILED);
            Ok(ExitCode::from(u8::try_from(cli::os::DESK_FAILED).unwrap_or(1)))
        },
        |()| Ok(ExitCode::SUCCESS),
    )
}

/// How long a message box about a desk that could not start waits for someone to close it.
const MESSAGE_STAYS: std::time::Duration = std::time::Duration::from_secs(120);

fn pdf(path: &Path, output: Option<PathBuf>) -> Result<()> {
    let loaded = kirjaamo::sandbox::load_transaction_file(path)
        .with_context(|| format!("{} could not be read as a transaction", kirjaamo::paths::shown(path)))?;
    let rendered = kirjaamo::pdf::render(&loaded.transaction).context("the PDF could not be made")?;
    let output = output.unwrap_or_else(|| path.with_extension("pdf"));
    std::fs::write(&output, &rendered.bytes).with_context(|| format!("writing {}", kirjaamo::paths::shown(&output)))?;
    println!("wrote {} ({} pages, {} bytes)", kirjaamo::paths::shown(&output), rendered.pages, rendered.bytes.len());
    for replaced in &rendered.replaced {
        println!(
            "  {} × U+{:04X} shown as {} (the font has no glyph for it)",
            replaced.count,
            u32::from(replaced.character),
            replaced.marker
        );
    }
    Ok(())
}

fn contracts(dir: &Path, check: bool) -> Result<()> {
    let mut stale = Vec::new();
    for document in kirjaamo::contract::documents::ALL {
        let path = dir.join(document.name);
        if check {
            let there = std::fs::read_to_string(&path).unwrap_or_default();
            if there != document.text {
                stale.push(kirjaamo::paths::shown(&path));
            }
        } else {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", kirjaamo::paths::shown(dir)))?;
            std::fs::write(&path, document.text)
                .with_context(|| format!("writing {}", kirjaamo::paths::shown(&path)))?;
            println!("wrote {}", kirjaamo::paths::shown(&path));
        }
    }
    if !stale.is_empty() {
        bail!(
            "these files differ from the contracts of Kirjaamo {}: {} (`kirjaamo contracts` writes them)",
            env!("CARGO_PKG_VERSION"),
            stale.join(", ")
        );
    }
    Ok(())
}
