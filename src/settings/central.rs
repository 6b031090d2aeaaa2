//! The machine's configuration that IT deploys (`/etc/kirjaamo/kirjaamo.toml`,
//! `%ProgramData%\Kirjaamo\kirjaamo.toml`), read before each user's own settings: connection
//! profiles every user of the machine gets, the profile the desk opens when the user has chosen
//! none, and a mappings folder. A central profile is IT's: a user's profile of the same name does
//! not replace it, and the user's settings file never holds a copy of it. Secrets are never in
//! it: each clerk's password stays in their own keyring.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Profile, Settings, SettingsError};

/// Days a verified filing's personal data stays in the journal when the central file says nothing.
pub const RETENTION_DAYS: u32 = 30;

/// The retention period of this machine: the central file's `retention_days`, else
/// [`RETENTION_DAYS`]. A central file that cannot be read leaves the default.
pub fn retention_days() -> u32 {
    central_path()
        .and_then(|path| Central::load(&path).ok().flatten())
        .and_then(|c| c.retention_days)
        .unwrap_or(RETENTION_DAYS)
}

/// The environment variable that names another central file (tests, a portable install).
pub const ENV: &str = "KIRJAAMO_CENTRAL_CONFIG";

/// The central file as IT writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Central {
    /// The profile the desk opens when the user has chosen none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<String>,
    /// A mappings folder for the machine (after a profile's own; see `mappings::folder`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mappings_dir: Option<PathBuf>,
    /// Days after a verified filing that its personal data stays in the journals (default
    /// [`RETENTION_DAYS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_days: Option<u32>,
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
        return crate::paths::program_data().map(|data| data.join("Kirjaamo").join("kirjaamo.toml"));
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
        central.check()?;
        Ok(Some(central))
    }

    /// Checks the profiles as a user's are checked, and that the active one exists.
    pub fn check(&self) -> Result<(), SettingsError> {
        let check = Settings { profiles: self.profiles.clone(), ..Settings::default() };
        check.check()?;
        match &self.active {
            Some(name) if !self.profiles.iter().any(|p| &p.name == name) => Err(SettingsError::Format {
                path: PathBuf::new(),
                message: format!("the active profile {name} is not among the profiles"),
            }),
            _ => Ok(()),
        }
    }

    /// Puts `profile` in, replacing the one of the same name, and makes it the active one.
    pub fn set_profile(&mut self, profile: Profile) {
        let name = profile.name.clone();
        match self.profiles.iter_mut().find(|p| p.name == name) {
            Some(old) => *old = profile,
            None => self.profiles.push(profile),
        }
        self.active = Some(name);
    }

    /// Checks and writes the file atomically, creating its folder; a header says what wrote it.
    pub fn save(&self, path: &Path) -> Result<(), SettingsError> {
        self.check().map_err(|e| match e {
            SettingsError::Format { message, .. } => SettingsError::Format { path: path.to_owned(), message },
            other => other,
        })?;
        let body = toml::to_string_pretty(self)
            .map_err(|e| SettingsError::Format { path: path.to_owned(), message: e.to_string() })?;
        let text = format!("{HEADER}{body}");
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| SettingsError::Io { path: dir.to_owned(), source })?;
        }
        crate::paths::write_atomic(path, text.as_bytes())
            .map_err(|source| SettingsError::Io { path: path.to_owned(), source })
    }
}

/// The first lines of a central file that Kirjaamo writes.
const HEADER: &str = "# Kirjaamo's central configuration for every user of this computer (docs/installing.md).\n\
# Written by `kirjaamo central write` (the installer runs it with its properties); editing by\n\
# hand is fine. Secrets never go here: each clerk's are in their own keyring.\n\n";

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
