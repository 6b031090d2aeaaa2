//! "Tallenna kopio…": the OS file dialog when one can open, else (or on the clerk's word) the
//! downloads folder under a name that overwrites nothing. Every outcome is told, so a dialog that
//! fails never looks like the clerk cancelling.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::files::safe_filename;
use super::{Backend, plain};
use crate::audit::{Event, Recorder};
use crate::plain::{Plain, Told};

/// How a copy ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavedCopy {
    /// Written where the clerk chose.
    Chosen(PathBuf),
    /// No file dialog can open here: written into the downloads folder instead.
    NoDialog(PathBuf),
    /// Written into the downloads folder, as the clerk asked.
    Downloads(PathBuf),
    /// The clerk closed the dialog: nothing written.
    Cancelled,
}

/// Whether a file dialog can open: always on Windows and macOS; on Linux through the desktop
/// portal (a D-Bus session) or zenity. `env` reads a variable, `on_path` finds a program.
pub fn dialog_available(env: impl Fn(&str) -> Option<String>, on_path: impl Fn(&str) -> bool) -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let bus = env("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty())
        || env("XDG_RUNTIME_DIR").is_some_and(|d| Path::new(&d).join("bus").exists());
    bus || on_path("zenity")
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|p| p.join(program).is_file()))
}

/// `dir/name`, or `dir/stem (2).ext` and onwards when that exists: nothing is overwritten.
pub fn unique_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, format!(".{ext}")),
        _ => (name, String::new()),
    };
    (2..).map(|n| dir.join(format!("{stem} ({n}){ext}"))).find(|p| !p.exists()).unwrap_or(first)
}

async fn write_into(dir: Option<PathBuf>, bytes: Arc<Vec<u8>>, name: String) -> Result<PathBuf, Told> {
    let dir = dir.ok_or_else(|| Told::new(Plain::new("copy-no-downloads"), "the OS has no downloads folder"))?;
    tokio::fs::create_dir_all(&dir).await.map_err(plain)?;
    let path = unique_path(&dir, &name);
    tokio::fs::write(&path, bytes.as_slice()).await.map_err(plain)?;
    Ok(path)
}

/// Records each of `access` with where the copy goes (never the file's name: a citizen may have
/// named it after themselves).
async fn record(recorder: &Recorder, access: Vec<Event>, place: &str) -> Result<(), Told> {
    for event in access {
        let event = if event.detail.is_empty() {
            event.detail(format!("to {place}"))
        } else {
            let detail = format!("{} to {place}", event.detail);
            event.detail(detail)
        };
        recorder.record_async(event).await.map_err(plain)?;
    }
    Ok(())
}

impl Backend {
    /// Saves a copy of `bytes` as `filename` (without any folder the citizen put in it): where the
    /// clerk chooses in the file dialog, or into the downloads folder when no dialog can open; as
    /// work for a `Requested` value.
    /// `access` is what the copy discloses (an entry a transaction), recorded once the place is
    /// chosen and before anything is written.
    pub fn save_copy(
        &self,
        bytes: Arc<Vec<u8>>,
        filename: &str,
        access: Vec<Event>,
    ) -> impl Future<Output = Result<SavedCopy, Told>> + Send + 'static {
        let (name, downloads, recorder) = (safe_filename(filename), self.downloads_dir.clone(), self.access().clone());
        async move {
            // Looking along PATH touches the disk: here, off the UI thread.
            if !dialog_available(|v| std::env::var(v).ok(), on_path) {
                record(&recorder, access, "downloads folder").await?;
                return write_into(downloads, bytes, name).await.map(SavedCopy::NoDialog);
            }
            let Some(handle) = rfd::AsyncFileDialog::new().set_file_name(&name).save_file().await else {
                return Ok(SavedCopy::Cancelled);
            };
            let path = handle.path().to_owned();
            record(&recorder, access, "a file the clerk chose").await?;
            tokio::fs::write(&path, bytes.as_slice()).await.map_err(plain)?;
            Ok(SavedCopy::Chosen(path))
        }
    }

    /// Saves a copy of `bytes` into the downloads folder without a dialog; `access` as in
    /// [`Backend::save_copy`].
    pub fn save_copy_to_downloads(
        &self,
        bytes: Arc<Vec<u8>>,
        filename: &str,
        access: Vec<Event>,
    ) -> impl Future<Output = Result<SavedCopy, Told>> + Send + 'static {
        let (name, downloads, recorder) = (safe_filename(filename), self.downloads_dir.clone(), self.access().clone());
        async move {
            record(&recorder, access, "downloads folder").await?;
            write_into(downloads, bytes, name).await.map(SavedCopy::Downloads)
        }
    }

    /// Uses `dir` as the downloads folder (tests, or a kiosk).
    pub fn set_downloads_dir(&mut self, dir: PathBuf) {
        self.downloads_dir = Some(dir);
    }
}

#[cfg(test)]
mod tests {
    use super::{dialog_available, unique_path};

    #[test]
    fn without_a_portal_or_zenity_no_dialog_can_open_on_linux() {
        let none = |_: &str| None;
        let nothing = |_: &str| false;
        assert_eq!(dialog_available(none, nothing), !cfg!(target_os = "linux"));
        assert!(dialog_available(|v: &str| (v == "DBUS_SESSION_BUS_ADDRESS").then(|| "unix:path=/x".into()), nothing));
        assert!(dialog_available(none, |p: &str| p == "zenity"));
    }

    #[test]
    fn a_copy_never_overwrites_a_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(unique_path(dir.path(), "liite.pdf"), dir.path().join("liite.pdf"));
        std::fs::write(dir.path().join("liite.pdf"), b"x").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(unique_path(dir.path(), "liite.pdf"), dir.path().join("liite (2).pdf"));
        std::fs::write(dir.path().join("liite (2).pdf"), b"x").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(unique_path(dir.path(), "liite.pdf"), dir.path().join("liite (3).pdf"));
        std::fs::write(dir.path().join("README"), b"x").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(unique_path(dir.path(), "README"), dir.path().join("README (2)"));
    }
}
