//! Where Kirjaamo keeps its files, and how it writes them: the OS data and config folders (or
//! `KIRJAAMO_DATA_DIR` / `KIRJAAMO_CONFIG_DIR`), and atomic writes that never leave half a file.
//! The lowest layer beside `remote`: settings, mappings, logging and the journal all use it.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The data folder a process was given for all its files (a Windows service's, which has no
/// user profile of a person), where `KIRJAAMO_DATA_DIR` names none.
static GIVEN: OnceLock<PathBuf> = OnceLock::new();

/// Makes `dir` the data folder of this process (both [`data_dir`] and [`local_data_dir`]) unless
/// `KIRJAAMO_DATA_DIR` names one; call it before anything reads a path. Later calls change
/// nothing.
pub fn use_data_dir(dir: PathBuf) {
    if std::env::var_os("KIRJAAMO_DATA_DIR").is_none() {
        let _ = GIVEN.set(dir);
    }
}

fn project() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("fi", "Kirjaamo", "Kirjaamo")
}

/// The machine's data folder for every user (`%ProgramData%`, as Windows' known folder; a service's
/// environment variables may name another); `None` elsewhere.
pub fn program_data() -> Option<PathBuf> {
    #[cfg(windows)]
    {
        dirs_sys::known_folder(windows_sys::Win32::UI::Shell::FOLDERID_ProgramData)
            .or_else(|| std::env::var_os("ProgramData").map(PathBuf::from))
    }
    #[cfg(not(windows))]
    {
        None
    }
}

/// Kirjaamo's data directory for what follows the clerk from machine to machine (the mappings
/// kept per user): `KIRJAAMO_DATA_DIR`, else the OS's (on Windows `%APPDATA%`, the roaming
/// profile; on Linux `~/.local/share`).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = GIVEN.get() {
        return Some(dir.clone());
    }
    if let Some(dir) = std::env::var_os("KIRJAAMO_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    project().map(|d| d.data_dir().to_owned())
}

/// Kirjaamo's data directory for what belongs to this machine (the filing journal and the
/// logs): `KIRJAAMO_DATA_DIR`, else the OS's local one (on Windows `%LOCALAPPDATA%`, which a
/// roaming profile does not copy: two machines must never share one journal file; on Linux the
/// same folder as [`data_dir`]).
pub fn local_data_dir() -> Option<PathBuf> {
    if let Some(dir) = GIVEN.get() {
        return Some(dir.clone());
    }
    if let Some(dir) = std::env::var_os("KIRJAAMO_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    project().map(|d| d.data_local_dir().to_owned())
}

/// Kirjaamo's configuration directory (`settings.toml`): `KIRJAAMO_CONFIG_DIR`, else the OS's.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("KIRJAAMO_CONFIG_DIR") {
        return Some(PathBuf::from(dir));
    }
    project().map(|d| d.config_dir().to_owned())
}

/// `path` as a person on this OS writes it: on Windows with `\` throughout (a folder typed as
/// `badmap/` and a file found in it would otherwise show as `badmap/\terassilupa.toml`);
/// elsewhere as it is.
pub fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    if cfg!(windows) { text.replace('/', "\\") } else { text }
}

/// The clerk's downloads folder (where a copy goes when no file dialog can open): the OS's,
/// else the home folder.
pub fn downloads_dir() -> Option<PathBuf> {
    let user = directories::UserDirs::new()?;
    Some(user.download_dir().unwrap_or_else(|| user.home_dir()).to_owned())
}

/// Runs `attempt` again while `busy` says another process holds a lock that SQLite's busy handler
/// does not always wait for (switching a fresh file to WAL, its first schema): every 50 ms, for at
/// most 10 s. For the files several processes open at once (the journal, the access log).
pub fn patiently<T, E>(mut attempt: impl FnMut() -> Result<T, E>, busy: impl Fn(&E) -> bool) -> Result<T, E> {
    let mut tries = 0;
    loop {
        match attempt() {
            Err(e) if tries < 200 && busy(&e) => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            other => return other,
        }
    }
}

/// Writes `bytes` to `path` through a synced temporary file beside it, renamed into place: a
/// reader sees the old file or the new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_atomic_write_replaces_the_whole_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("a.toml");
        super::write_atomic(&path, b"first version, longer").unwrap_or_else(|e| panic!("{e}"));
        super::write_atomic(&path, b"second").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"second"[..]));
        assert_eq!(std::fs::read_dir(dir.path()).map(Iterator::count).ok(), Some(1), "no temporary left");
    }
}
