//! Per-service filing defaults: one TOML file per e-service in a mappings folder.
//! See `docs/mappings.md` for the format.

pub mod check;
mod demo;
pub mod folder;
mod mapping;
mod rules;
pub mod save;
mod template;

use std::path::{Path, PathBuf};

pub use demo::{DEMO_FILES, write_demo_files};
pub use mapping::{AssignmentDefaults, DefaultAction, ServiceMapping};
pub use rules::{AttachmentRule, attachment_type, wildcard};
pub use template::render_template;

/// Why mappings could not be read.
#[derive(Debug, thiserror::Error)]
pub enum MappingError {
    /// A file or folder could not be read.
    #[error("reading {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A file is not a valid mapping.
    #[error("{path} is not a valid mapping: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the line.
        message: String,
    },
    /// The file was changed on disk since the mapping being saved was read from it (another
    /// admin, or an editor, on a shared folder): nothing was written.
    #[error("{path} was changed on disk since it was read ({}); nothing was written", .fields.join(", "))]
    Changed {
        /// The file.
        path: PathBuf,
        /// The keys whose values differ between what was read and what is on disk now.
        fields: Vec<String>,
        /// The mapping on disk now (`None`: the file was removed or cannot be read as one).
        on_disk: Option<Box<ServiceMapping>>,
    },
}

/// Reads one mapping file.
pub fn load_file(path: &Path) -> Result<ServiceMapping, MappingError> {
    let text = std::fs::read_to_string(path).map_err(|source| MappingError::Io { path: path.to_owned(), source })?;
    toml::from_str(&text).map_err(|e| MappingError::Format { path: path.to_owned(), message: e.to_string() })
}

/// The `*.toml` files of `dir`, in file name order.
pub fn mapping_files(dir: &Path) -> Result<Vec<PathBuf>, MappingError> {
    let entries = std::fs::read_dir(dir).map_err(|source| MappingError::Io { path: dir.to_owned(), source })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Reads every `*.toml` mapping of `dir`, in file name order.
pub fn load_dir(dir: &Path) -> Result<Vec<ServiceMapping>, MappingError> {
    mapping_files(dir)?.iter().map(|p| load_file(p)).collect()
}

impl crate::plain::Explain for MappingError {
    fn plain(&self) -> crate::plain::Plain {
        use crate::plain::Plain;
        match self {
            Self::Io { path, source } => {
                Plain::new("mapping-io").text("path", path.display().to_string()).said("cause", source.plain())
            }
            Self::Format { path, .. } => Plain::new("mapping-format").text("path", path.display().to_string()),
            Self::Changed { path, fields, .. } => {
                Plain::new("mapping-changed").text("path", path.display().to_string()).text("fields", fields.join(", "))
            }
        }
    }
}
