//! `kirjaamo secrets set`: stores a profile's secrets in the keyring of the account that runs it,
//! from the environment (`KIRJAAMO_TWEB_PASSWORD` or `KIRJAAMO_TWEB_TOKEN`, and
//! `KIRJAAMO_OUTBOX_TOKEN`), never from the command line, which other users of the computer can
//! read. For IT: the account a service runs as has no desk to type them into.

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use kirjaamo::credentials::{OsKeyring, SecretKind, SecretStore as _};
use kirjaamo::settings::Settings;

/// `kirjaamo secrets …`
#[derive(Debug, Subcommand)]
pub enum SecretsCommand {
    /// Store the secrets of a profile, from the environment, in this account's keyring.
    Set {
        /// The profile (a central one or this account's own); by default the active one.
        #[arg(long, env = "KIRJAAMO_PROFILE")]
        profile: Option<String>,
    },
}

/// Runs the command.
pub fn run(command: SecretsCommand) -> Result<()> {
    let SecretsCommand::Set { profile } = command;
    let path = Settings::default_path().context("the OS has no configuration directory for the settings")?;
    let central = kirjaamo::settings::central_path();
    let settings = Settings::load_with_central(&path, central.as_deref())?;
    let name = profile.or_else(|| settings.active.clone()).context("say which profile: --profile NAME")?;
    let Some(profile) = settings.profiles.iter().find(|p| p.name == name) else {
        let names: Vec<&str> = settings.profiles.iter().map(|p| p.name.as_str()).collect();
        bail!("there is no profile called {name} (profiles: {})", names.join(", "));
    };
    let tweb = kirjaamo::connection::tweb_secret_kind(profile);
    let mut stored = Vec::new();
    for kind in [tweb, SecretKind::OutboxToken] {
        let variable = super::connect::env_name(kind);
        let Some(secret) = super::connect::env_secret(variable) else { continue };
        OsKeyring
            .set(&profile.name, kind, &secret)
            .with_context(|| format!("{} of {name} could not be stored", kirjaamo::connection::secret_name(kind)))?;
        stored.push(kirjaamo::connection::secret_name(kind));
    }
    if stored.is_empty() {
        bail!(
            "nothing to store: set {} and KIRJAAMO_OUTBOX_TOKEN in the environment of this command",
            super::connect::env_name(tweb)
        );
    }
    println!("Stored {} of {name} in the keyring of this account.", stored.join(" and "));
    Ok(())
}
