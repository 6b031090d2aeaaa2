//! The window around the desk: the start screen (first run, or a connection being opened), the
//! desk of the session in use, and the connections dialog over it. Switching connections is
//! explicit, and the previous desk stays until the next one is open.

use std::path::PathBuf;
use std::sync::Arc;

use tokio::runtime::Handle;

mod start;
mod worker;

use start::{StartChoice, StartState};
use worker::{Session, ShellReply, ShellWorker};

use crate::connection::Secrets;
use crate::credentials::SecretStore;
use crate::i18n::{Texts, UiLanguage};
use crate::plain::{Plain, Told};
use crate::settings::{FirstRun, Profile, Settings};
use crate::ui::connections::form::{ProfileForm, SecretChange, forget_all};
use crate::ui::connections::{ConnectionsDialog, DialogAction};
use crate::ui::desk::DeskApp;
use crate::ui::widgets::Failure;

/// Where the shell keeps its settings and secrets, and what it starts with.
pub struct ShellConfig {
    /// The settings file (`None` when the OS has no config directory: nothing can be saved).
    pub settings_path: Option<PathBuf>,
    /// The secrets (the OS keyring in the app).
    pub store: Arc<dyn SecretStore>,
    /// `--mappings`: the mappings folder of every session.
    pub mappings_dir: Option<PathBuf>,
    /// Where journals (and the default mappings folder) go; the OS data directory when `None`.
    pub data_dir: Option<PathBuf>,
    /// The machine's central configuration (`settings::central_path`), read before the user's.
    pub central_path: Option<PathBuf>,
    /// `--demo`: start the demo whatever the settings say.
    pub demo: bool,
    /// The language to start in.
    pub language: UiLanguage,
}

/// The app: start screen, desk and connections dialog.
pub struct Shell {
    worker: ShellWorker,
    settings_path: Option<PathBuf>,
    settings: Settings,
    settings_error: Option<Told>,
    texts: Texts,
    desk: Option<DeskApp>,
    session: Option<Option<crate::demo::Demo>>,
    current: Option<String>,
    start: StartState,
    opening: Option<Option<Profile>>,
    dialog: Option<ConnectionsDialog>,
    open_after_save: Option<(Profile, Secrets)>,
    loading: bool,
    demo: bool,
    /// The preview's zoom until a desk is open (then the desk's).
    zoom: crate::ui::widgets::Zoom,
    /// When the demo was chosen (by the clerk or by `--demo`), until its inbox is drawn: the
    /// time between is logged at debug level for `scripts/bench-desk.py`.
    demo_chosen: Option<std::time::Instant>,
}

impl Shell {
    /// The shell on `runtime`. The settings are read on the worker; then it opens what they say:
    /// the demo, the active profile, the connections dialog, or the first-run choice.
    pub fn new(runtime: Handle, config: ShellConfig, repaint: Arc<dyn Fn() + Send + Sync>) -> Self {
        let mut worker = ShellWorker::new(runtime, config.store, repaint, config.mappings_dir, config.data_dir);
        worker.set_central(config.central_path);
        match &config.settings_path {
            Some(path) => worker.load(path.clone()),
            None => tracing::warn!("the OS has no configuration directory: settings cannot be saved"),
        }
        let mut shell = Self {
            worker,
            loading: config.settings_path.is_some(),
            settings_path: config.settings_path,
            settings: Settings::default(),
            settings_error: None,
            texts: Texts::new(config.language),
            desk: None,
            session: None,
            current: None,
            start: StartState::Loading,
            opening: None,
            dialog: None,
            open_after_save: None,
            demo: config.demo,
            zoom: crate::ui::widgets::Zoom::FitWidth,
            demo_chosen: None,
        };
        if !shell.loading {
            shell.loaded(Ok(Settings::default()));
        }
        shell
    }

    /// The settings are here: open what they say.
    fn loaded(&mut self, result: Result<Settings, Told>) {
        self.loading = false;
        self.start = StartState::Welcome;
        match result {
            Ok(settings) => self.settings = settings,
            Err(error) => self.settings_error = Some(error),
        }
        if self.demo {
            self.open_demo();
        } else if let Some(profile) = self.settings.active_profile().cloned() {
            self.open_profile(profile, Secrets::default());
        } else {
            match self.settings.first_run {
                Some(FirstRun::Demo) => self.open_demo(),
                Some(FirstRun::Connection) => self.open_dialog(),
                None => {}
            }
        }
    }

    /// Whether the settings are still being read (the start screen shows a spinner).
    pub fn is_loading(&self) -> bool {
        self.loading
    }

    /// The desk, once a session is open.
    pub fn desk(&mut self) -> Option<&mut DeskApp> {
        self.desk.as_mut()
    }

    /// The settings as last read or saved.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The preview's zoom.
    pub fn zoom(&self) -> crate::ui::widgets::Zoom {
        self.desk.as_ref().map_or(self.zoom, DeskApp::zoom)
    }

    /// Uses `zoom` for the previews (as stored from the last session).
    pub fn set_zoom(&mut self, zoom: crate::ui::widgets::Zoom) {
        self.zoom = zoom;
        if let Some(desk) = &mut self.desk {
            desk.set_zoom(zoom);
        }
    }

    /// The language shown.
    pub fn language(&self) -> UiLanguage {
        self.desk.as_ref().map_or(self.texts.language(), DeskApp::language)
    }

    fn open_demo(&mut self) {
        self.demo_chosen = Some(std::time::Instant::now());
        self.opening = Some(None);
        self.start = StartState::Opening(self.texts.get("demo-label"));
        self.worker.open_demo(self.texts.get("demo-clerk"), self.texts.get("demo-label"));
    }

    fn open_profile(&mut self, profile: Profile, typed: Secrets) {
        // A profile's inbox is not the demo's: nothing is timed.
        self.demo_chosen = None;
        self.start = StartState::Opening(profile.name.clone());
        self.opening = Some(Some(profile.clone()));
        self.worker.open_profile(profile, typed);
    }

    fn open_dialog(&mut self) {
        let mut dialog = ConnectionsDialog::new(&self.settings);
        if let Some(profile) = dialog.form().and_then(|f| f.profile().ok()) {
            self.worker.stored(profile);
        }
        if let Some(error) = &self.settings_error {
            dialog.notice = Some(Err(Failure::new("start-settings-error", error.clone())));
        }
        self.dialog = Some(dialog);
    }

    fn save(&mut self, settings: Settings, changes: Vec<SecretChange>) {
        match &self.settings_path {
            Some(path) => self.worker.save(settings, path.clone(), changes),
            None => {
                let error = Told::new(Plain::new("start-no-config-dir"), "the OS has no configuration directory");
                if let Some(dialog) = &mut self.dialog {
                    dialog.saving = false;
                    dialog.notice = Some(Err(Failure::new("connections-save-failed", error)));
                }
            }
        }
    }

    fn take_replies(&mut self) {
        for reply in self.worker.poll() {
            match reply {
                ShellReply::Loaded(result) => self.loaded(result),
                ShellReply::Opened(result) => self.opened(result),
                ShellReply::Tested(seq, check) => {
                    if let Some(dialog) = self.dialog.as_mut().filter(|d| d.test_seq == seq) {
                        dialog.test = Some(Some(*check));
                    }
                }
                ShellReply::Saved(saved, keyring) => self.saved(saved, keyring),
                ShellReply::Picked(field, path) => {
                    let form = self.dialog.as_mut().and_then(|d| d.forms.get_mut(d.selected));
                    if let (Some(form), Some(path)) = (form, path) {
                        form.set_path(field, &path);
                    }
                }
                ShellReply::Stored(name, stored) => {
                    let dialog = self.dialog.as_mut();
                    if let Some(form) = dialog.and_then(|d| d.forms.iter_mut().find(|f| f.name.trim() == name)) {
                        form.stored = Some(stored);
                    }
                }
            }
        }
    }

    fn opened(&mut self, result: Result<Box<Session>, Told>) {
        let Some(what) = self.opening.take() else { return };
        let name = what.as_ref().map_or_else(|| self.texts.get("demo-label"), |p| p.name.clone());
        match result {
            Ok(session) => {
                let Session { backend, demo } = *session;
                let mut desk = DeskApp::new(backend, self.language());
                desk.set_zoom(self.zoom());
                self.desk = Some(desk);
                self.session = Some(demo);
                self.current = what.map(|p| p.name);
                self.dialog = None;
            }
            Err(error) => {
                // For IT's support: the technical chain the clerk sees folded away.
                tracing::warn!("the connection {name} could not be opened: {}", error.detail);
                self.demo_chosen = None;
                // A desk in use stays; the dialog (opened if need be) says why the switch failed.
                if self.desk.is_some() && self.dialog.is_none() {
                    self.open_dialog();
                }
                if let Some(dialog) = &mut self.dialog {
                    let plain = Plain::new("start-failed-named").text("name", &name).said("error", error.plain.clone());
                    let told = Told { plain, detail: error.detail.clone() };
                    dialog.notice = Some(Err(Failure::new("start-failed-because", told)));
                }
                // Secrets this computer cannot keep (no keyring) or has not got: asked for at once,
                // in the dialog on that profile, rather than a retry that cannot help.
                let asks = matches!(error.plain.id, "connection-missing" | "connection-keyring");
                if asks && self.desk.is_none() && what.is_some() {
                    if self.dialog.is_none() {
                        self.open_dialog();
                    }
                    if let Some(dialog) = &mut self.dialog {
                        let plain =
                            Plain::new("start-ask-secrets").text("name", &name).said("error", error.plain.clone());
                        let told = Told { plain, detail: error.detail.clone() };
                        dialog.notice = Some(Err(Failure::new("start-failed-because", told)));
                    }
                }
                if self.desk.is_none() {
                    self.start = StartState::Failed(name, error);
                }
            }
        }
    }

    fn saved(&mut self, saved: Result<Settings, Told>, keyring: Result<(), Told>) {
        let open = self.open_after_save.take();
        let t = &self.texts;
        let settings = match saved {
            Ok(settings) => settings,
            Err(error) => {
                if let Some(dialog) = &mut self.dialog {
                    dialog.saving = false;
                    dialog.notice = Some(Err(Failure::new("connections-save-failed", error)));
                }
                return;
            }
        };
        self.settings = settings;
        self.settings_error = None;
        if let Some(dialog) = &mut self.dialog {
            dialog.saving = false;
            dialog.notice = Some(match &keyring {
                Ok(()) => Ok(t.get("connections-saved")),
                Err(error) => Err(Failure::new("connections-keyring-refused", error.clone())),
            });
            for form in &mut dialog.forms {
                form.original = Some(form.name.trim().to_owned());
                if keyring.is_ok() {
                    (form.tweb_secret, form.outbox_secret) = (String::new(), String::new());
                    (form.forget_tweb, form.forget_outbox) = (false, false);
                }
            }
            if let Some(profile) = dialog.form().and_then(|f| f.profile().ok()) {
                self.worker.stored(profile);
            }
        }
        if let Some((profile, typed)) = open {
            self.open_profile(profile, typed);
        }
    }

    /// The settings the dialog's forms describe, or the first form's problem.
    fn settings_from_dialog(&mut self, skip: Option<usize>) -> Option<Settings> {
        let dialog = self.dialog.as_mut()?;
        let mut settings = self.settings.clone();
        settings.profiles.clear();
        for (i, form) in dialog.forms.iter().enumerate().filter(|(i, _)| Some(*i) != skip) {
            match form.profile() {
                Ok(profile) => {
                    if settings.active.is_some() && settings.active == form.original {
                        settings.active = Some(profile.name.clone());
                    }
                    settings.profiles.push(profile);
                }
                Err(error) => {
                    let name = form.name.clone();
                    dialog.notice = Some(Err(Failure::new("connections-invalid", named(error, &name))));
                    dialog.selected = i;
                    return None;
                }
            }
        }
        if !settings.profiles.iter().any(|p| Some(&p.name) == settings.active.as_ref()) {
            settings.active = None;
        }
        settings.first_run.get_or_insert(FirstRun::Connection);
        Some(settings)
    }

    fn dialog_action(&mut self, action: DialogAction) {
        match action {
            DialogAction::None => {}
            DialogAction::Close => self.dialog = None,
            DialogAction::Pick(field) => self.worker.pick(field),
            DialogAction::Chosen => {
                if let Some(profile) = self.dialog.as_ref().and_then(|d| d.form()).and_then(|f| f.profile().ok()) {
                    self.worker.stored(profile);
                }
            }
            DialogAction::Test => {
                let Some(dialog) = &mut self.dialog else { return };
                let Some(form) = dialog.form() else { return };
                match form.profile() {
                    Ok(profile) => {
                        let typed = form.typed();
                        dialog.test_seq += 1;
                        dialog.test = Some(None);
                        self.worker.test(dialog.test_seq, profile, typed);
                    }
                    Err(error) => {
                        let name = form.name.clone();
                        dialog.notice = Some(Err(Failure::new("connections-invalid", named(error, &name))));
                    }
                }
            }
            DialogAction::Save | DialogAction::Use => {
                let Some(mut settings) = self.settings_from_dialog(None) else { return };
                let Some(dialog) = &mut self.dialog else { return };
                let changes = dialog.forms.iter().flat_map(ProfileForm::changes).collect();
                if action == DialogAction::Use {
                    let Some(form) = dialog.form() else { return };
                    let Ok(profile) = form.profile() else { return };
                    settings.active = Some(profile.name.clone());
                    self.open_after_save = Some((profile, form.typed()));
                }
                dialog.saving = true;
                self.save(settings, changes);
            }
            DialogAction::Remove => {
                let Some(index) = self.dialog.as_ref().map(|d| d.selected) else { return };
                let Some(settings) = self.settings_from_dialog(Some(index)) else { return };
                let Some(dialog) = &mut self.dialog else { return };
                let removed = dialog.forms.remove(index);
                dialog.selected = dialog.selected.min(dialog.forms.len().saturating_sub(1));
                dialog.test = None;
                let mut changes: Vec<_> = dialog.forms.iter().flat_map(ProfileForm::changes).collect();
                changes.extend(removed.original.as_deref().map(forget_all).unwrap_or_default());
                dialog.saving = true;
                self.save(settings, changes);
            }
            DialogAction::Demo => self.choose_demo(),
        }
    }

    /// The demo, chosen from the start screen or the dialog: remembered for the next start,
    /// except over a settings file that could not be read (it is not overwritten unasked).
    fn choose_demo(&mut self) {
        if self.settings_error.is_none() {
            let mut settings = self.settings.clone();
            settings.first_run = Some(FirstRun::Demo);
            settings.active = None;
            self.save(settings, Vec::new());
        }
        self.open_demo();
    }

    fn start_choice(&mut self, choice: StartChoice) {
        match choice {
            StartChoice::None => {}
            StartChoice::Demo => self.choose_demo(),
            StartChoice::Setup => {
                self.settings.first_run.get_or_insert(FirstRun::Connection);
                self.open_dialog();
                if let Some(dialog) = self.dialog.as_mut().filter(|d| d.forms.is_empty()) {
                    let name = self.texts.with("connections-new-name", &[("number", 1_usize.into())]);
                    dialog.forms.push(ProfileForm::named(name));
                }
            }
            StartChoice::Retry => match self.settings.active_profile().cloned() {
                Some(profile) => self.open_profile(profile, Secrets::default()),
                None => self.open_demo(),
            },
        }
    }

    /// Takes the answers that arrived, the shell's own and the desk's; before each frame, also
    /// while the window is hidden.
    pub fn logic(&mut self, ctx: &egui::Context) {
        self.take_replies();
        if let Some(desk) = &mut self.desk {
            desk.logic(ctx);
        }
    }

    /// Draws the window; shared by the app and the tests (which call [`Shell::logic`] first).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let busy = match &mut self.desk {
            Some(desk) => {
                desk.show(ui);
                if desk.inbox_shown()
                    && let Some(chosen) = self.demo_chosen.take()
                {
                    let ms = chosen.elapsed().as_millis();
                    tracing::debug!(target: "kirjaamo::timing", ms, "demo inbox drawn {ms} ms after the demo was chosen");
                }
                let wants_dialog = desk.take_connections_request();
                let language = desk.language();
                let busy = desk.filing_in_progress();
                if language != self.texts.language() {
                    self.texts = Texts::new(language);
                }
                if wants_dialog && self.dialog.is_none() {
                    self.open_dialog();
                }
                busy
            }
            None => {
                let mut language = self.texts.language();
                let choice = start::show(ui, &self.texts, &self.start, self.settings_error.as_ref(), &mut language);
                if language != self.texts.language() {
                    self.texts = Texts::new(language);
                }
                self.start_choice(choice);
                false
            }
        };
        if let Some(dialog) = &mut self.dialog {
            let action = dialog.show(ui.ctx(), &self.texts, self.current.as_deref(), busy || self.opening.is_some());
            self.dialog_action(action);
        }
    }
}

impl eframe::App for Shell {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        Shell::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // Only the language and the preview's zoom: nothing of the data, the connection or its
        // secrets is kept here. (egui keeps the panels' widths in its own memory.)
        eframe::set_value(storage, super::LANGUAGE_KEY, &self.language());
        eframe::set_value(storage, super::ZOOM_KEY, &self.zoom());
    }
}

/// `error` told as the problem of the connection `name` (`connections-invalid` names it).
fn named(error: Told, name: &str) -> Told {
    let plain = Plain::new("connection-named").text("name", name).said("error", error.plain);
    Told { plain, detail: error.detail }
}
