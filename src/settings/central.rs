//! The machine's configuration that IT deploys (`/etc/kirjaamo/kirjaamo.toml`,
//! `%ProgramData%\Kirjaamo\kirjaamo.toml`), read before each user's own settings: connection
//! profiles every user of the machine gets, the profile the desk opens when the user has chosen
//! none, and a mappings folder. A central profile is IT's: a user's profile of the same name does
//! not replace it, and the user's settings file never holds a copy of it. Secrets are never in
//! it: each clerk's password stays in their own keyring.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Profile, Settings, SettingsError};

/// The environment variable that names another central file (tests, a portable install).
pub const ENV: &str = "KIRJAAMO_CENTRAL_CONFIG";

/// The central file as IT writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Central {
    /// The profile the desk opens when the user has chosen none.
    #[serde(default)]
    pub active: Option<String>,
    /// A mappings folder for the machine (after a profile's own; see `mappings::folder`).
    #[serde(default)]
    pub mappings_dir: Option<PathBuf>,
    /// Profiles every user of the machine gets.
    #[serde(default, rename = "profile")]
    pub profiles: Vec<Profile>,
}

/// Where the central file is: `KIRJAAMO_CENTRAL_CONFIG`, else `%ProgramData%\Kirjaamo\kirjaamo.toml`
/// on Windows and `/etc/kirjaamo/kirjaamo.toml` elsewhere.
pub fn central_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    if cfg!(windows) {
        let data = std::env::var_os("ProgramData")?;
        return Some(PathBuf::from(data).join("Kirjaamo").join("kirjaamo.toml"));
    }
    Some(PathBuf::from("/etc/kirjaamo/kirjaamo.toml"))
}

impl Central {
    /// Reads the central file; none there is no central configuration.
    pub fn load(path: &Path) -> Result<Option<Self>, SettingsError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(SettingsError::Io { path: path.to_owned(), source }),
        };
        let central: Self = toml::from_str(&text)
            .map_err(|e| SettingsError::Format { path: path.to_owned(), message: e.message().trim().to_owned() })?;
        let check = Settings { profiles: central.profiles.clone(), ..Settings::default() };
        check.check()?;
        Ok(Some(central))
    }
}

impl Settings {
    /// The user's settings at `user` with the central file at `central` read first: the central
    /// profiles (marked [`Profile::central`]) before the user's, a user profile of the same name
    /// left out; the user's active profile if it exists, else the central one.
    pub fn load_with_central(user: &Path, central: Option<&Path>) -> Result<Self, SettingsError> {
        let mut settings = Self::load(user)?;
        let Some(central) = central.map(Central::load).transpose()?.flatten() else { return Ok(settings) };
        let mut profiles: Vec<Profile> = central.profiles.into_iter().map(|p| Profile { central: true, ..p }).collect();
        let own: Vec<Profile> =
            settings.profiles.into_iter().filter(|p| !profiles.iter().any(|c| c.name == p.name)).collect();
        profiles.extend(own);
        settings.profiles = profiles;
        let exists = |name: &String| settings.profiles.iter().any(|p| &p.name == name);
        if !settings.active.as_ref().is_some_and(exists) {
            settings.active = central.active.filter(exists);
        }
        if settings.active.is_some() && settings.first_run.is_none() {
            settings.first_run = Some(super::FirstRun::Connection);
        }
        settings.central_mappings_dir = central.mappings_dir;
        Ok(settings)
    }
}
