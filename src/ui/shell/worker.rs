//! The shell's work off the UI thread: opening a session (demo or a profile), testing a
//! connection, saving settings and secrets, reading which secrets the keyring holds. Every call
//! runs on the tokio runtime (keyring and file work on its blocking pool); answers come back over
//! a channel that wakes the UI.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use tokio::runtime::Handle;

use crate::connection::{Connection, ConnectionCheck, Secrets};
use crate::credentials::SecretStore;
use crate::export::Journal;
use crate::plain::{Plain, Told};
use crate::settings::{Profile, Settings};
use crate::ui::backend::Backend;
use crate::ui::connections::form::{PickField, SecretChange, Stored};

/// A running desk session and what it keeps alive.
pub struct Session {
    /// The desk's backend.
    pub backend: Backend,
    /// The demo's embedded sandbox and mappings copy (stopped and removed when dropped).
    pub demo: Option<crate::demo::Demo>,
}

/// An answer to the shell.
pub enum ShellReply {
    /// The settings file read (a missing file is the first run), or why not.
    Loaded(Result<Settings, Told>),
    /// A session opened, or why not.
    Opened(Result<Box<Session>, Told>),
    /// The result of "Test connection" number `seq`.
    Tested(u64, Box<ConnectionCheck>),
    /// Settings saved (then the secrets: `Err` names what the keyring refused).
    Saved(Result<Settings, Told>, Result<(), Told>),
    /// Which secrets the keyring holds for a profile.
    Stored(String, Stored),
    /// A file or folder chosen for a form field (`None`: cancelled).
    Picked(PickField, Option<PathBuf>),
}

/// Runs the shell's requests.
pub struct ShellWorker {
    runtime: Handle,
    store: Arc<dyn SecretStore>,
    replies: Sender<ShellReply>,
    inbox: Receiver<ShellReply>,
    repaint: Arc<dyn Fn() + Send + Sync>,
    mappings_dir: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    central: Option<PathBuf>,
}

/// An error as the desk tells it.
fn chain<E: crate::plain::Explain + 'static>(error: &E) -> Told {
    Told::of(error)
}

impl ShellWorker {
    /// A worker on `runtime` keeping secrets in `store`; `mappings_dir` overrides every
    /// session's mappings folder (`--mappings`); `data_dir` replaces the OS data directory.
    pub fn new(
        runtime: Handle,
        store: Arc<dyn SecretStore>,
        repaint: Arc<dyn Fn() + Send + Sync>,
        mappings_dir: Option<PathBuf>,
        data_dir: Option<PathBuf>,
    ) -> Self {
        let (replies, inbox) = channel();
        Self { runtime, store, replies, inbox, repaint, mappings_dir, data_dir, central: None }
    }

    /// Reads the machine's central configuration from `path` before the user's settings.
    pub fn set_central(&mut self, path: Option<PathBuf>) {
        self.central = path;
    }

    fn send(&self, future: impl Future<Output = ShellReply> + Send + 'static) {
        let (replies, repaint) = (self.replies.clone(), Arc::clone(&self.repaint));
        self.runtime.spawn(async move {
            let _ = replies.send(future.await);
            repaint();
        });
    }

    /// Answers that arrived since the last call.
    pub fn poll(&self) -> Vec<ShellReply> {
        self.inbox.try_iter().collect()
    }

    /// Reads the settings file.
    pub fn load(&self, path: PathBuf) {
        let central = self.central.clone();
        self.send(async move {
            let read = tokio::task::spawn_blocking(move || {
                Settings::load_with_central(&path, central.as_deref()).map_err(|e| chain(&e))
            })
            .await;
            ShellReply::Loaded(read.unwrap_or_else(|e| Err(chain(&e))))
        });
    }

    /// Opens the demo: an embedded sandbox on 127.0.0.1 and its demo credentials, on its own
    /// practice mappings (`demo-mappings` in the data folder), whatever mappings folder is set.
    pub fn open_demo(&self, clerk: String, label: String) {
        let practice = self.data_dir.clone().or_else(crate::paths::data_dir).map(|d| d.join("demo-mappings"));
        // The demo's access log: its citizens are made up, but a trainee learns what is logged,
        // and `kirjaamo audit` can be tried on it.
        let log_dir = self.data_dir.clone().or_else(crate::paths::local_data_dir).map(|d| d.join("demo"));
        let (runtime, repaint, dir) = (self.runtime.clone(), Arc::clone(&self.repaint), practice);
        self.send(async move {
            let result = async {
                let demo = crate::demo::Demo::start(&clerk, &label, dir).await.map_err(|e| chain(&e))?;
                let dir = demo.mappings_dir.clone();
                let connection = demo.connection.clone();
                let mappings = crate::mappings::load_dir(&dir).map_err(|e| chain(&e))?;
                let journal = Journal::in_memory().map_err(|e| chain(&e))?;
                let log = match log_dir {
                    Some(log_dir) => tokio::task::spawn_blocking(move || {
                        crate::audit::AccessLog::open(&crate::audit::AccessLog::path_in(&log_dir))
                            .map(crate::audit::AccessLog::without_copies)
                    })
                    .await
                    .map_err(|e| chain(&e))?
                    .map_err(|e| chain(&e))?,
                    None => crate::audit::AccessLog::in_memory().map_err(|e| chain(&e))?,
                };
                let mut backend = Backend::with_log(runtime, connection, journal, Some(log), mappings, repaint)
                    .map_err(|e| chain(&e))?;
                backend.set_mappings_dir(dir);
                backend.set_demo();
                Ok(Box::new(Session { backend, demo: Some(demo) }))
            }
            .await;
            ShellReply::Opened(result)
        });
    }

    /// Opens `profile` with the secrets typed in (`typed`, used for this session only) or else
    /// those in the keyring.
    pub fn open_profile(&self, profile: Profile, typed: Secrets) {
        let (runtime, repaint, store) = (self.runtime.clone(), Arc::clone(&self.repaint), Arc::clone(&self.store));
        let option = self.mappings_dir.clone();
        let central = self.central.clone();
        // The journal is the machine's (Local on Windows), the user's own mappings roam.
        let data_dir = self.data_dir.clone().or_else(crate::paths::local_data_dir);
        let roaming = self.data_dir.clone().or_else(crate::paths::data_dir);
        self.send(async move {
            let store_profile = profile.clone();
            let connection = tokio::task::spawn_blocking(move || {
                Connection::from_profile(&store_profile, &with_stored(&store_profile, typed, store.as_ref())?)
                    .map_err(|e| chain(&e))
            })
            .await;
            let mut connection = match connection {
                Ok(Ok(connection)) => connection,
                Ok(Err(told)) => return ShellReply::Opened(Err(told)),
                Err(e) => return ShellReply::Opened(Err(chain(&e))),
            };
            // Who files is never typed: the TWeb user, or the OS account.
            connection.clerk = clerk_of(&connection, &profile).await;
            let opened = tokio::task::spawn_blocking(move || {
                let data_dir = data_dir.ok_or_else(|| {
                    Told::new(
                        Plain::new("start-no-data-dir"),
                        "the OS has no data directory for the journal and mappings",
                    )
                })?;
                let data = roaming.unwrap_or_else(|| data_dir.clone());
                let central = central
                    .as_deref()
                    .and_then(|path| crate::settings::Central::load(path).ok().flatten())
                    .and_then(|c| c.mappings_dir);
                let folder = crate::mappings::folder::choose(
                    option.as_deref(),
                    profile.mappings_dir.as_deref(),
                    central.as_deref(),
                    Some(&data),
                );
                let dir = folder.map_or_else(|| data.join("mappings"), |f| f.dir);
                std::fs::create_dir_all(&dir)
                    .map_err(|source| chain(&crate::mappings::MappingError::Io { path: dir.clone(), source }))?;
                let mappings = crate::mappings::load_dir(&dir).map_err(|e| chain(&e))?;
                let journal = crate::service::journal_for(&connection, &data_dir).map_err(|e| chain(&e))?;
                let opened = format!(
                    "opened {}{}: TWeb {}, outbox {}, mappings {}, files as {}",
                    profile.name,
                    if profile.central { " (central configuration)" } else { "" },
                    connection.tweb_url,
                    connection.outbox_url,
                    crate::paths::shown(&dir),
                    connection.clerk
                );
                let mut backend =
                    Backend::new(runtime, connection, journal, mappings, repaint).map_err(|e| chain(&e))?;
                // For IT's support: which servers and folder this desk works with, and as whom.
                tracing::info!("{opened}");
                backend.set_mappings_dir(dir);
                Ok::<_, Told>(Box::new(Session { backend, demo: None }))
            })
            .await;
            ShellReply::Opened(opened.unwrap_or_else(|e| Err(chain(&e))))
        });
    }

    /// Tests `profile` with the typed secrets or else the keyring's.
    pub fn test(&self, seq: u64, profile: Profile, typed: Secrets) {
        let store = Arc::clone(&self.store);
        self.send(async move {
            let prepared = tokio::task::spawn_blocking(move || {
                let secrets = with_stored(&profile, typed, store.as_ref())?;
                Connection::from_profile(&profile, &secrets).map_err(|e| chain(&e))
            })
            .await
            .unwrap_or_else(|e| Err(chain(&e)));
            let check = match prepared {
                Ok(connection) => crate::connection::check(&connection).await,
                Err(message) => crate::connection::ConnectionCheck::not_started(message),
            };
            ShellReply::Tested(seq, Box::new(check))
        });
    }

    /// Saves `settings` to `path`, then applies the secret changes to the keyring.
    pub fn save(&self, settings: Settings, path: PathBuf, changes: Vec<SecretChange>) {
        let store = Arc::clone(&self.store);
        self.send(async move {
            let done = tokio::task::spawn_blocking(move || {
                if let Err(e) = settings.save(&path) {
                    return (Err(chain(&e)), Ok(()));
                }
                let mut refused = Vec::new();
                for change in changes {
                    let result = match &change {
                        SecretChange::Set(profile, kind, secret) => store.set(profile, *kind, secret),
                        SecretChange::Forget(profile, kind) => store.forget(profile, *kind),
                    };
                    if let Err(e) = result {
                        refused.push(chain(&e));
                    }
                }
                refused.dedup();
                (Ok(settings), refused.into_iter().next().map_or(Ok(()), Err))
            })
            .await;
            let (saved, secrets) = done.unwrap_or_else(|e| (Err(chain(&e)), Ok(())));
            ShellReply::Saved(saved, secrets)
        });
    }

    /// Asks the OS file dialog for the path of `field`.
    pub fn pick(&self, field: PickField) {
        self.send(async move {
            let dialog = rfd::AsyncFileDialog::new();
            let chosen = match field {
                PickField::CaBundle => dialog.add_filter("PEM", &["pem", "crt", "cer"]).pick_file().await,
                PickField::MappingsDir => dialog.pick_folder().await,
            };
            ShellReply::Picked(field, chosen.map(|handle| handle.path().to_owned()))
        });
    }

    /// Asks which secrets of `profile` the keyring holds.
    pub fn stored(&self, profile: Profile) {
        let store = Arc::clone(&self.store);
        self.send(async move {
            let name = profile.name.clone();
            let stored = tokio::task::spawn_blocking(move || {
                let secrets = crate::connection::read_secrets(&profile, store.as_ref()).map_err(|e| chain(&e))?;
                Ok((secrets.tweb.is_some(), secrets.outbox.is_some()))
            })
            .await
            .unwrap_or_else(|e| Err(chain(&e)));
            ShellReply::Stored(name, stored)
        });
    }
}

/// The typed secrets, the missing ones filled from the keyring. A keyring that is not there is
/// not an error while everything was typed.
fn with_stored(profile: &Profile, typed: Secrets, store: &dyn SecretStore) -> Result<Secrets, Told> {
    let typed = Secrets { tweb: typed.tweb.filter(|s| !s.is_empty()), outbox: typed.outbox.filter(|s| !s.is_empty()) };
    if typed.tweb.is_some() && typed.outbox.is_some() {
        return Ok(typed);
    }
    let stored = crate::connection::read_secrets(profile, store).map_err(|e| chain(&e))?;
    Ok(Secrets { tweb: typed.tweb.or(stored.tweb), outbox: typed.outbox.or(stored.outbox) })
}

/// The name this desk files under ([`crate::connection::identity`]): TWeb's `/me` is asked (for at
/// most 10 s) where the clerk signs in as themselves. Neither TWeb nor the OS naming anyone leaves
/// the profile's name, said in the log.
async fn clerk_of(connection: &Connection, profile: &Profile) -> String {
    use crate::tweb::CaseSystem as _;
    let me = match (&profile.tweb_sign_in, connection.http_client()) {
        (crate::settings::TwebSignIn::Password { .. }, Ok(http)) => {
            let tweb = crate::tweb::TwebClient::new(http, &connection.tweb_url, connection.tweb_auth.clone());
            match tokio::time::timeout(std::time::Duration::from_secs(10), tweb.me()).await {
                Ok(Ok(me)) => Some(me),
                Ok(Err(e)) => {
                    tracing::info!("TWeb did not say who signed in ({}); the OS account files", crate::error_chain(&e));
                    None
                }
                Err(_) => None,
            }
        }
        _ => None,
    };
    match crate::connection::identity(&profile.tweb_sign_in, me.as_ref()) {
        Some(identity) => identity.name,
        None => {
            tracing::warn!("neither TWeb nor the OS names the clerk: the profile's name is used");
            profile.clerk.clone()
        }
    }
}
