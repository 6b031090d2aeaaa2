//! The desk's settings: connection profiles and the first-run choice, as TOML in the OS config
//! directory. No secret is ever part of them: the types have no field for one, and secrets live
//! in the keyring (see [`crate::credentials`]).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

mod central;

pub use central::{Central, RETENTION_DAYS, central_path, retention_days};

/// How a profile signs in to TWeb; the password or token itself is in the keyring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TwebSignIn {
    /// User name and a password from the keyring.
    Password {
        /// TWeb user name.
        user: String,
    },
    /// An API token from the keyring.
    Token,
}

/// One connection, e.g. "Testi" or "Tuotanto".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Name shown in the window.
    pub name: String,
    /// TWeb REST API base URL.
    pub tweb_url: String,
    /// How to sign in to TWeb.
    pub tweb_sign_in: TwebSignIn,
    /// ePalvelu outbox base URL.
    pub outbox_url: String,
    /// Address of a case in TWeb's web UI, with `{id}` and `{diary}`.
    #[serde(default)]
    pub case_url: Option<String>,
    /// A name from older settings files, used on claims only when neither TWeb nor the OS names
    /// the clerk (the desk finds who files itself: `connection::identity`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub clerk: String,
    /// The municipality's own CA bundle (PEM), trusted besides the system roots.
    #[serde(default)]
    pub ca_bundle: Option<PathBuf>,
    /// The proxy for this connection (`http://proxy.kunta.fi:8080`; `direct` for none); without
    /// it the OS's proxy settings apply. Servers on this machine are always reached straight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy: Option<String>,
    /// The mappings folder (may be a shared folder).
    #[serde(default)]
    pub mappings_dir: Option<PathBuf>,
    /// The virus scanner every attachment passes (`clamd://HOST:PORT`, `clamd:///socket`, `amsi`
    /// or `none`); without one, no attachment is opened or filed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scanner: Option<crate::scan::ScannerChoice>,
    /// Filings at once against these servers (4 when left out; at most 16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel: Option<usize>,
    /// Whether it comes from the machine's central configuration (IT's; never saved in the
    /// user's settings file).
    #[serde(skip)]
    pub central: bool,
}

/// What the user chose on the first start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FirstRun {
    /// The demo with the embedded sandbox.
    Demo,
    /// A real connection.
    Connection,
}

/// Everything in the settings file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The first-run choice, once made.
    #[serde(default)]
    pub first_run: Option<FirstRun>,
    /// Name of the profile in use.
    #[serde(default)]
    pub active: Option<String>,
    /// The profiles.
    #[serde(default, rename = "profile")]
    pub profiles: Vec<Profile>,
    /// The central configuration's mappings folder, if it names one (never saved here).
    #[serde(skip)]
    pub central_mappings_dir: Option<PathBuf>,
}

/// Why settings could not be read, checked or written.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The file could not be read or written.
    #[error("{path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid.
    #[error("{path} is not a valid settings file: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A profile's address is refused.
    #[error("profile {profile}")]
    Address {
        /// The profile.
        profile: String,
        /// Why.
        #[source]
        source: crate::remote::PolicyError,
    },
    /// Two profiles share a name.
    #[error("two profiles are called {0}")]
    Duplicate(String),
}

impl Settings {
    /// `settings.toml` in `KIRJAAMO_CONFIG_DIR`, else in the OS config directory.
    pub fn default_path() -> Option<PathBuf> {
        crate::paths::config_dir().map(|d| d.join("settings.toml"))
    }

    /// The active profile.
    pub fn active_profile(&self) -> Option<&Profile> {
        let name = self.active.as_deref()?;
        self.profiles.iter().find(|p| p.name == name)
    }

    /// Checks the profiles: https addresses (plain http only to this machine), unique names.
    pub fn check(&self) -> Result<(), SettingsError> {
        for (i, profile) in self.profiles.iter().enumerate() {
            if self.profiles[..i].iter().any(|p| p.name == profile.name) {
                return Err(SettingsError::Duplicate(profile.name.clone()));
            }
            for url in [&profile.tweb_url, &profile.outbox_url] {
                crate::remote::check_base_url(url)
                    .map_err(|source| SettingsError::Address { profile: profile.name.clone(), source })?;
            }
        }
        Ok(())
    }

    /// Reads the settings; a missing file is the first run (defaults).
    pub fn load(path: &Path) -> Result<Self, SettingsError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => return Err(SettingsError::Io { path: path.to_owned(), source }),
        };
        // The parser's own text quotes the offending line, which could be a secret typed into the
        // wrong file: only the line number and the message are passed on.
        let settings: Self = toml::from_str(&text).map_err(|e| {
            let line = e.span().and_then(|span| text.get(..span.start)).map(|before| before.matches('\n').count() + 1);
            let message = e.message().trim().to_owned();
            let message = line.map_or_else(|| message.clone(), |line| format!("line {line}: {message}"));
            SettingsError::Format { path: path.to_owned(), message }
        })?;
        settings.check()?;
        Ok(settings)
    }

    /// Checks and writes the settings atomically, creating the folder.
    pub fn save(&self, path: &Path) -> Result<(), SettingsError> {
        // The central profiles are IT's: the user's file never holds a copy of them.
        let own = Self {
            profiles: self.profiles.iter().filter(|p| !p.central).cloned().collect(),
            central_mappings_dir: None,
            ..self.clone()
        };
        own.check()?;
        let text = toml::to_string_pretty(&own)
            .map_err(|e| SettingsError::Format { path: path.to_owned(), message: e.to_string() })?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| SettingsError::Io { path: dir.to_owned(), source })?;
        }
        crate::paths::write_atomic(path, text.as_bytes())
            .map_err(|source| SettingsError::Io { path: path.to_owned(), source })
    }
}

impl crate::plain::Explain for SettingsError {
    fn plain(&self) -> crate::plain::Plain {
        use crate::plain::Plain;
        match self {
            Self::Io { path, source } => {
                Plain::new("settings-io").text("path", path.display().to_string()).said("cause", source.plain())
            }
            Self::Format { path, .. } => Plain::new("settings-format").text("path", path.display().to_string()),
            Self::Address { profile, source } => {
                Plain::new("settings-address").text("profile", profile.clone()).said("cause", source.plain())
            }
            Self::Duplicate(name) => Plain::new("settings-duplicate").text("name", name.clone()),
        }
    }
}

#[cfg(test)]
mod tests;
