//! `kirjaamo central`: the machine's central configuration as IT deploys it. `write` puts one
//! connection profile (and the machine's mappings folder) into the central file and makes it the
//! profile every user's desk opens; the MSI runs it with its public properties. `show` prints the
//! file in effect. Empty values count as not given, as an installer passes properties nobody set.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand, ValueEnum};
use kirjaamo::settings::{Central, Profile, TwebSignIn, central_path};

/// `kirjaamo central …`
#[derive(Debug, Subcommand)]
pub enum CentralCommand {
    /// Put a connection profile into the central configuration (replacing one of the same name)
    /// and make it the one every user's desk opens.
    Write(WriteArgs),
    /// Print the central configuration in effect and where it is.
    Show {
        /// Another central file than the machine's.
        #[arg(long)]
        file: Option<PathBuf>,
    },
}

/// How the profile signs in to TWeb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SignIn {
    /// Each clerk signs in as themselves: the OS account's user name and their own password.
    Password,
    /// A shared TWeb API token; the OS account names the clerk.
    Token,
}

/// Options of `kirjaamo central write`.
#[derive(Debug, Args)]
pub struct WriteArgs {
    /// Another central file than the machine's (`%ProgramData%\Kirjaamo\kirjaamo.toml`,
    /// `/etc/kirjaamo/kirjaamo.toml`).
    #[arg(long)]
    file: Option<PathBuf>,
    /// The profile's name, shown in the desk's window.
    #[arg(long, default_value = "Tuotanto")]
    profile: String,
    /// TWeb base URL (with or without `/api/v1`).
    #[arg(long, default_value = "")]
    tweb_url: String,
    /// ePalvelu outbox base URL (with or without `/api/v1`).
    #[arg(long, default_value = "")]
    outbox_url: String,
    /// How clerks sign in to TWeb.
    #[arg(long, value_enum, default_value = "password")]
    sign_in: SignIn,
    /// The municipality's own CA bundle (PEM), trusted besides the system roots.
    #[arg(long, default_value = "")]
    ca_bundle: String,
    /// The proxy (`http://proxy.kunta.fi:8080`, or `direct`); without it the OS's settings apply.
    #[arg(long, default_value = "")]
    proxy: String,
    /// Address of a case in TWeb's web UI, with `{id}` and `{diary}`.
    #[arg(long, default_value = "")]
    case_url: String,
    /// The mappings folder every user of this computer works with (may be a shared folder).
    #[arg(long, default_value = "")]
    mappings_dir: String,
    /// The virus scanner: clamd://HOST:PORT, clamd:///path/to/clamd.socket, amsi (the Windows
    /// antivirus) or none; without one, no attachment is opened or filed.
    #[arg(long, default_value = "")]
    scanner: String,
}

/// Runs the command.
pub fn run(command: CentralCommand) -> Result<()> {
    match command {
        CentralCommand::Write(args) => write(&args),
        CentralCommand::Show { file } => show(file),
    }
}

fn the_file(file: Option<PathBuf>) -> Result<PathBuf> {
    file.or_else(central_path).context("this computer has no place for a central configuration")
}

fn given(value: &str) -> Option<String> {
    Some(value.trim().to_owned()).filter(|v| !v.is_empty())
}

fn write(args: &WriteArgs) -> Result<()> {
    let path = the_file(args.file.clone())?;
    let shown = kirjaamo::paths::shown(&path);
    let (tweb, outbox) = (given(&args.tweb_url), given(&args.outbox_url));
    let mappings = given(&args.mappings_dir);
    let profile_only =
        [&args.ca_bundle, &args.proxy, &args.case_url, &args.scanner].into_iter().any(|v| given(v).is_some());
    let scanner = given(&args.scanner).map(|s| s.parse::<kirjaamo::scan::ScannerChoice>()).transpose()?;
    if tweb.is_none() && outbox.is_none() && profile_only {
        bail!(
            "a CA bundle, a proxy, a case address and a scanner belong to a profile: give the TWeb and outbox addresses too (TWEB_URL and OUTBOX_URL in the installer)"
        );
    }
    if tweb.is_none() && outbox.is_none() && mappings.is_none() {
        println!("Nothing to write: no addresses and no mappings folder were given; {shown} is as it was.");
        return Ok(());
    }
    // An existing file is kept but for what is given: a file that cannot be read is not replaced.
    let mut central = Central::load(&path)
        .with_context(|| format!("{shown} is there but cannot be read; fix or remove it first"))?
        .unwrap_or_default();
    match (tweb, outbox) {
        (Some(tweb_url), Some(outbox_url)) => {
            let profile = Profile {
                name: args.profile.trim().to_owned(),
                tweb_url,
                tweb_sign_in: match args.sign_in {
                    // Empty: each clerk's own account name (`connection::Connection::from_profile`).
                    SignIn::Password => TwebSignIn::Password { user: String::new() },
                    SignIn::Token => TwebSignIn::Token,
                },
                outbox_url,
                case_url: given(&args.case_url),
                clerk: String::new(),
                ca_bundle: given(&args.ca_bundle).map(PathBuf::from),
                proxy: given(&args.proxy),
                mappings_dir: None,
                scanner,
                parallel: None,
                central: false,
            };
            if profile.name.is_empty() {
                bail!("the profile needs a name");
            }
            if let Some(bundle) = profile.ca_bundle.as_deref().filter(|b| !b.is_file()) {
                eprintln!(
                    "Note: the CA bundle {} is not there yet; the desk cannot connect until it is.",
                    kirjaamo::paths::shown(bundle)
                );
            }
            central.set_profile(profile);
        }
        (None, None) => {}
        (Some(_), None) => bail!("a TWeb address without an outbox address: give both (OUTBOX_URL in the installer)"),
        (None, Some(_)) => bail!("an outbox address without a TWeb address: give both (TWEB_URL in the installer)"),
    }
    if let Some(dir) = mappings {
        central.mappings_dir = Some(PathBuf::from(dir));
    }
    central.save(&path).with_context(|| format!("{shown} was not written"))?;
    println!("Wrote {shown}.");
    Ok(())
}

fn show(file: Option<PathBuf>) -> Result<()> {
    let path = the_file(file)?;
    let shown = kirjaamo::paths::shown(&path);
    match Central::load(&path).with_context(|| format!("{shown} cannot be read"))? {
        None => println!("No central configuration: {shown} does not exist."),
        Some(central) => {
            println!("{shown}:");
            let text = toml::to_string_pretty(&central).context("the configuration could not be printed")?;
            print!("{text}");
        }
    }
    Ok(())
}
