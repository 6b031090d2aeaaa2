//! Where the headless commands connect: a settings profile with its secrets from the OS keyring
//! (or, where there is no keyring, from the environment, which the command says), or addresses
//! and secrets given entirely by the environment for service accounts.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use kirjaamo::connection::{Connection, ConnectionError, Secrets};
use kirjaamo::credentials::{CredentialError, OsKeyring, SecretKind};
use kirjaamo::settings::{Profile, Settings};
use kirjaamo::tweb::TwebAuth;

/// A secret from the environment, registered so that no log line shows it.
pub fn env_secret(name: &str) -> Option<String> {
    let value = std::env::var(name).ok().filter(|v| !v.is_empty())?;
    kirjaamo::logging::register_secret(&value);
    Some(value)
}

/// TWeb credentials from the environment (service accounts without a profile).
pub fn env_tweb_auth() -> Result<TwebAuth> {
    if let Some(token) = env_secret("KIRJAAMO_TWEB_TOKEN") {
        return Ok(TwebAuth::Bearer(token));
    }
    // The user name is no secret: registering it would blank every log line naming `kirjaamo`.
    let user = std::env::var("KIRJAAMO_TWEB_USER").ok().filter(|v| !v.is_empty());
    match (user, env_secret("KIRJAAMO_TWEB_PASSWORD")) {
        (Some(user), Some(password)) => Ok(TwebAuth::Basic { user, password }),
        _ => bail!("no TWeb credentials: set KIRJAAMO_TWEB_TOKEN, or KIRJAAMO_TWEB_USER and KIRJAAMO_TWEB_PASSWORD"),
    }
}

/// The environment variable that may hold a secret of `kind`.
pub fn env_name(kind: SecretKind) -> &'static str {
    match kind {
        SecretKind::TwebPassword => "KIRJAAMO_TWEB_PASSWORD",
        SecretKind::TwebToken => "KIRJAAMO_TWEB_TOKEN",
        SecretKind::OutboxToken => "KIRJAAMO_OUTBOX_TOKEN",
    }
}

/// A profile's connection and its defaults (journal, mappings folder).
pub struct Resolved {
    /// The connection.
    pub connection: Connection,
    /// What names the journal: the profile's name, or `export` without one.
    pub label: String,
    /// The profile's mappings folder.
    pub mappings_dir: Option<PathBuf>,
    /// The central configuration's mappings folder.
    pub central_mappings_dir: Option<PathBuf>,
}

/// The connection of the profile `name` from the settings file; secrets from the keyring, and
/// from the environment where the keyring has none or there is no keyring (said on stderr).
pub fn profile(name: &str) -> Result<Resolved> {
    let path = Settings::default_path().context("the OS has no configuration directory for the settings")?;
    let central = kirjaamo::settings::central_path();
    let settings = Settings::load_with_central(&path, central.as_deref())?;
    let Some(profile) = settings.profiles.iter().find(|p| p.name == name) else {
        let names: Vec<&str> = settings.profiles.iter().map(|p| p.name.as_str()).collect();
        bail!("{} has no profile called {name} (profiles: {})", kirjaamo::paths::shown(&path), names.join(", "));
    };
    let secrets = secrets(profile)?;
    let connection = Connection::from_profile(profile, &secrets)?;
    let mappings_dir = profile.mappings_dir.clone();
    Ok(Resolved {
        connection,
        label: name.to_owned(),
        mappings_dir,
        central_mappings_dir: settings.central_mappings_dir,
    })
}

fn secrets(profile: &Profile) -> Result<Secrets> {
    let tweb_kind = kirjaamo::connection::tweb_secret_kind(profile);
    let stored = match kirjaamo::connection::read_secrets(profile, &OsKeyring) {
        Ok(stored) => stored,
        Err(ConnectionError::Keyring { source: CredentialError::NoKeyring(why), .. }) => {
            eprintln!(
                "No keyring on this computer ({why}): reading the secrets of {} from {} and KIRJAAMO_OUTBOX_TOKEN.",
                profile.name,
                env_name(tweb_kind)
            );
            Secrets::default()
        }
        Err(other) => return Err(other.into()),
    };
    let take = |kind: SecretKind, stored: Option<String>| {
        stored.or_else(|| {
            let value = env_secret(env_name(kind));
            if value.is_some() {
                eprintln!(
                    "{} of {}: from {} (not in the keyring)",
                    kirjaamo::connection::secret_name(kind),
                    profile.name,
                    env_name(kind)
                );
            }
            value
        })
    };
    let secrets = Secrets { tweb: take(tweb_kind, stored.tweb), outbox: take(SecretKind::OutboxToken, stored.outbox) };
    Ok(secrets)
}

/// Where a headless command connects: a profile, or two addresses with secrets from the
/// environment (flattened into the command's options); with neither, the profile that the central
/// configuration makes active (a service started by the OS, with no options).
#[derive(Debug, clap::Args)]
pub struct Target {
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
    /// The virus scanner (or KIRJAAMO_SCANNER), instead of the profile's: clamd://HOST:PORT,
    /// clamd:///path/to/clamd.socket, amsi, or none to file without scanning.
    #[arg(long, env = "KIRJAAMO_SCANNER")]
    scanner: Option<kirjaamo::scan::ScannerChoice>,
    /// Filings at once (or KIRJAAMO_PARALLEL), instead of the profile's (4 when it says none;
    /// at most 16).
    #[arg(long, env = "KIRJAAMO_PARALLEL", value_parser = clap::value_parser!(u16).range(1..=16))]
    parallel: Option<u16>,
}

impl Target {
    /// The connection: the profile's, or the addresses' with `clerk` and the name `label`.
    pub fn resolve(&self, clerk: &str, label: &str) -> Result<Resolved> {
        let mut resolved = self.resolve_servers(clerk, label)?;
        if let Some(scanner) = &self.scanner {
            resolved.connection.scanner = scanner.clone();
        }
        if let Some(parallel) = self.parallel {
            resolved.connection.parallel = usize::from(parallel);
        }
        Ok(resolved)
    }

    fn resolve_servers(&self, clerk: &str, label: &str) -> Result<Resolved> {
        match (&self.profile, &self.tweb_url, &self.outbox_url) {
            (Some(name), _, _) => profile(name),
            (None, Some(tweb), Some(outbox)) => from_environment(tweb, outbox, clerk, label),
            _ => match central_profile()? {
                Some(name) => {
                    eprintln!("Connecting with {name}, the central configuration's profile.");
                    profile(&name)
                }
                None => bail!(
                    "say where to connect: --profile NAME, or --tweb-url and --outbox-url (secrets from the environment); this computer has no central configuration that names a profile"
                ),
            },
        }
    }
}

/// The profile the central configuration makes active, if there is a central file that names one.
fn central_profile() -> Result<Option<String>> {
    let Some(path) = kirjaamo::settings::central_path() else { return Ok(None) };
    let central = kirjaamo::settings::Central::load(&path)?;
    Ok(central.and_then(|c| c.active))
}

/// A connection to `tweb_url` and `outbox_url` with the secrets from the environment (service
/// accounts and tools without a profile), named `label`.
pub fn from_environment(tweb_url: &str, outbox_url: &str, clerk: &str, label: &str) -> Result<Resolved> {
    kirjaamo::remote::check_base_url(tweb_url)?;
    kirjaamo::remote::check_base_url(outbox_url)?;
    let outbox_token = env_secret("KIRJAAMO_OUTBOX_TOKEN").context("no outbox token: set KIRJAAMO_OUTBOX_TOKEN")?;
    let connection = Connection {
        tweb_url: tweb_url.to_owned(),
        tweb_auth: env_tweb_auth()?,
        outbox_url: outbox_url.to_owned(),
        outbox_token,
        clerk: clerk.to_owned(),
        label: label.to_owned(),
        case_url: None,
        ca_bundle: None,
        proxy: None,
        scanner: kirjaamo::scan::ScannerChoice::NotConfigured,
        parallel: kirjaamo::export::pace::DEFAULT_PARALLEL,
    };
    let central = kirjaamo::settings::central_path().and_then(|p| kirjaamo::settings::Central::load(&p).ok().flatten());
    let central_mappings_dir = central.and_then(|c| c.mappings_dir);
    Ok(Resolved { connection, label: label.to_owned(), mappings_dir: None, central_mappings_dir })
}
