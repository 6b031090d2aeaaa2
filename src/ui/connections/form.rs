//! One connection profile as the settings dialog edits it: the profile's fields as text, the
//! secrets typed in (kept in memory only until saved to the keyring) and what the keyring holds.

use std::path::PathBuf;

use crate::connection::Secrets;
use crate::credentials::SecretKind;
use crate::i18n::Texts;
use crate::plain::{Plain, Told};
use crate::settings::{Profile, TwebSignIn};

/// Which secrets of a profile the keyring holds, or why it could not be asked.
pub type Stored = Result<(bool, bool), crate::plain::Told>;

/// A path field of the connection form with a "Choose…" button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickField {
    /// The CA bundle (a PEM file).
    CaBundle,
    /// The mappings folder.
    MappingsDir,
}

/// What to do with one secret on saving.
#[derive(Clone)]
pub enum SecretChange {
    /// Store or replace it.
    Set(String, SecretKind, String),
    /// Forget it.
    Forget(String, SecretKind),
}

/// A profile being edited.
#[derive(Default)]
pub struct ProfileForm {
    /// The profile's name when it was loaded (`None` for a new one).
    pub original: Option<String>,
    /// Whether it is the central configuration's (IT's).
    pub central: bool,
    /// Filings at once as the settings file says (not edited here).
    pub parallel: Option<usize>,
    /// Name.
    pub name: String,
    /// TWeb base URL.
    pub tweb_url: String,
    /// Sign in with an API token instead of a user name and password.
    pub token: bool,
    /// The sign-in kind as loaded (`None` for a new profile).
    pub loaded_token: Option<bool>,
    /// TWeb user name.
    pub user: String,
    /// TWeb password or token typed in.
    pub tweb_secret: String,
    /// Outbox base URL.
    pub outbox_url: String,
    /// Outbox token typed in.
    pub outbox_secret: String,
    /// Case URL template.
    pub case_url: String,
    /// The clerk's name.
    pub clerk: String,
    /// CA bundle path.
    pub ca_bundle: String,
    /// Proxy address, `direct`, or empty for the OS's settings.
    pub proxy: String,
    /// Mappings folder.
    pub mappings_dir: String,
    /// The virus scanner as written (`clamd://…`, `amsi`, `none`); empty for none chosen.
    pub scanner: String,
    /// Which secrets the keyring holds, once asked.
    pub stored: Option<Stored>,
    /// Forget the TWeb secret on saving.
    pub forget_tweb: bool,
    /// Forget the outbox token on saving.
    pub forget_outbox: bool,
}

/// Width of every input of the form, so that they line up.
const FIELD_WIDTH: f32 = 380.0;

fn path_text(path: Option<&PathBuf>) -> String {
    path.map(|p| p.display().to_string()).unwrap_or_default()
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

impl ProfileForm {
    /// A new, empty profile called `name` (nothing in the keyring yet).
    pub fn named(name: String) -> Self {
        Self { name, stored: Some(Ok((false, false))), ..Self::default() }
    }

    /// The form of a saved profile.
    pub fn of(profile: &Profile) -> Self {
        let (token, user) = match &profile.tweb_sign_in {
            TwebSignIn::Password { user } => (false, user.clone()),
            TwebSignIn::Token => (true, String::new()),
        };
        Self {
            original: Some(profile.name.clone()),
            central: profile.central,
            parallel: profile.parallel,
            name: profile.name.clone(),
            tweb_url: profile.tweb_url.clone(),
            token,
            loaded_token: Some(token),
            user,
            outbox_url: profile.outbox_url.clone(),
            case_url: profile.case_url.clone().unwrap_or_default(),
            clerk: profile.clerk.clone(),
            ca_bundle: path_text(profile.ca_bundle.as_ref()),
            proxy: profile.proxy.clone().unwrap_or_default(),
            mappings_dir: path_text(profile.mappings_dir.as_ref()),
            scanner: profile.scanner.as_ref().map(ToString::to_string).unwrap_or_default(),
            ..Self::default()
        }
    }

    /// The profile the form describes, or what is wrong with it.
    pub fn profile(&self) -> Result<Profile, Told> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Told::new(Plain::new("profile-name-empty"), "the name is empty"));
        }
        if name.contains('/') {
            return Err(Told::new(Plain::new("profile-name-slash"), "the name may not contain /"));
        }
        for url in [&self.tweb_url, &self.outbox_url] {
            crate::remote::check_base_url(url.trim()).map_err(|e| Told::of(&e))?;
        }
        crate::remote::check_proxy(&self.proxy).map_err(|e| Told::of(&e))?;
        let scanner = match self.scanner.trim() {
            "" => None,
            text => Some(text.parse::<crate::scan::ScannerChoice>().map_err(|e| {
                Told::new(Plain::new("profile-scanner-bad").text("given", text.to_owned()), e.to_string())
            })?),
        };
        let tweb_sign_in = if self.token {
            TwebSignIn::Token
        } else {
            let user = self.user.trim();
            if user.is_empty() {
                return Err(Told::new(Plain::new("profile-user-empty"), "the TWeb user name is empty"));
            }
            TwebSignIn::Password { user: user.to_owned() }
        };
        Ok(Profile {
            name: name.to_owned(),
            tweb_url: self.tweb_url.trim().to_owned(),
            tweb_sign_in,
            outbox_url: self.outbox_url.trim().to_owned(),
            case_url: optional(&self.case_url),
            clerk: self.clerk.trim().to_owned(),
            ca_bundle: optional(&self.ca_bundle).map(PathBuf::from),
            proxy: optional(&self.proxy),
            mappings_dir: optional(&self.mappings_dir).map(PathBuf::from),
            scanner,
            parallel: self.parallel,
            central: self.central,
        })
    }

    /// The secrets typed in.
    pub fn typed(&self) -> Secrets {
        Secrets { tweb: optional(&self.tweb_secret), outbox: optional(&self.outbox_secret) }
    }

    fn tweb_kind(&self) -> SecretKind {
        if self.token { SecretKind::TwebToken } else { SecretKind::TwebPassword }
    }

    /// What saving does to the keyring: typed secrets stored, forgotten ones removed, the old
    /// kind's secret removed when the sign-in kind changed, a renamed profile's secrets under its old name removed (the new
    /// name needs them typed again).
    pub fn changes(&self) -> Vec<SecretChange> {
        let name = self.name.trim().to_owned();
        let mut changes = Vec::new();
        if self.loaded_token == Some(!self.token) {
            // The sign-in kind changed: the other kind's secret is of no use any more.
            let unused = if self.token { SecretKind::TwebPassword } else { SecretKind::TwebToken };
            changes.push(SecretChange::Forget(name.clone(), unused));
        }
        if let Some(secret) = optional(&self.tweb_secret) {
            changes.push(SecretChange::Set(name.clone(), self.tweb_kind(), secret));
        } else if self.forget_tweb {
            changes.push(SecretChange::Forget(name.clone(), self.tweb_kind()));
        }
        if let Some(secret) = optional(&self.outbox_secret) {
            changes.push(SecretChange::Set(name.clone(), SecretKind::OutboxToken, secret));
        } else if self.forget_outbox {
            changes.push(SecretChange::Forget(name.clone(), SecretKind::OutboxToken));
        }
        if let Some(old) = self.original.as_ref().filter(|old| **old != name) {
            changes.extend(forget_all(old));
        }
        changes
    }

    /// Puts a chosen path into its field.
    pub fn set_path(&mut self, field: PickField, path: &std::path::Path) {
        let text = path.display().to_string();
        match field {
            PickField::CaBundle => self.ca_bundle = text,
            PickField::MappingsDir => self.mappings_dir = text,
        }
    }

    /// Draws the form; returns the path field whose "Choose…" was clicked.
    pub fn show(&mut self, ui: &mut egui::Ui, t: &Texts) -> Option<PickField> {
        let mut pick = None;
        // IT's profile from the central file: only the clerk's own secrets are theirs to change.
        let locked = self.central;
        if locked {
            ui.colored_label(ui.visuals().warn_fg_color, t.get("connections-central"));
        }
        egui::Grid::new("connection-form").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            text_row(ui, &t.get("connections-name"), &mut self.name, None, locked);
            text_row(ui, &t.get("connections-tweb-url"), &mut self.tweb_url, Some("https://"), locked);
            let label = ui.label(t.get("connections-sign-in"));
            ui.add_enabled_ui(!locked, |ui| {
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.token, false, t.get("connections-sign-in-password"));
                    ui.radio_value(&mut self.token, true, t.get("connections-sign-in-token"))
                })
            })
            .response
            .labelled_by(label.id);
            ui.end_row();
            if !self.token {
                text_row(ui, &t.get("connections-user"), &mut self.user, None, locked);
            }
            let tweb_label = t.get(if self.token { "connections-token" } else { "connections-password" });
            let stored = self.stored.as_ref().map(|s| s.as_ref().map(|s| s.0));
            secret_row(ui, t, &tweb_label, &mut self.tweb_secret, stored, &mut self.forget_tweb);
            text_row(ui, &t.get("connections-outbox-url"), &mut self.outbox_url, Some("https://"), locked);
            let stored = self.stored.as_ref().map(|s| s.as_ref().map(|s| s.1));
            secret_row(
                ui,
                t,
                &t.get("connections-outbox-token"),
                &mut self.outbox_secret,
                stored,
                &mut self.forget_outbox,
            );
            let hint = t.get("connections-case-url-hint");
            text_row(ui, &t.get("connections-case-url"), &mut self.case_url, Some(&hint), locked);
            // Who files is never typed: it is said, not edited.
            ui.label(t.get("connections-clerk"));
            ui.scope(|ui| {
                ui.set_max_width(FIELD_WIDTH);
                ui.add(egui::Label::new(egui::RichText::new(t.get("connections-clerk-identity")).weak()).wrap());
            });
            ui.end_row();
            if path_row(ui, t, &t.get("connections-ca-bundle"), &mut self.ca_bundle, locked) {
                pick = Some(PickField::CaBundle);
            }
            let hint = t.get("connections-proxy-hint");
            text_row(ui, &t.get("connections-proxy"), &mut self.proxy, Some(&hint), locked);
            if path_row(ui, t, &t.get("connections-mappings"), &mut self.mappings_dir, locked) {
                pick = Some(PickField::MappingsDir);
            }
            let hint = t.get("connections-scanner-hint");
            text_row(ui, &t.get("connections-scanner"), &mut self.scanner, Some(&hint), locked);
        });
        pick
    }
}

/// Every secret of a profile, forgotten (a removed or renamed profile).
pub fn forget_all(profile: &str) -> Vec<SecretChange> {
    [SecretKind::TwebPassword, SecretKind::TwebToken, SecretKind::OutboxToken]
        .into_iter()
        .map(|kind| SecretChange::Forget(profile.to_owned(), kind))
        .collect()
}

fn text_row(ui: &mut egui::Ui, label: &str, value: &mut String, hint: Option<&str>, locked: bool) {
    let label = ui.label(label);
    let mut edit = egui::TextEdit::singleline(value).desired_width(FIELD_WIDTH).interactive(!locked);
    if let Some(hint) = hint {
        edit = edit.hint_text(hint);
    }
    ui.add(edit).labelled_by(label.id);
    ui.end_row();
}

/// A path with "Choose…"; returns whether it was clicked.
fn path_row(ui: &mut egui::Ui, t: &Texts, label: &str, value: &mut String, locked: bool) -> bool {
    let label = ui.label(label);
    let clicked = ui
        .horizontal(|ui| {
            let width = FIELD_WIDTH - ui.spacing().item_spacing.x - 80.0;
            let edit = egui::TextEdit::singleline(value).desired_width(width).interactive(!locked);
            ui.add(edit).labelled_by(label.id);
            let choose = egui::Button::new(t.get("connections-choose")).min_size(egui::vec2(80.0, 0.0));
            ui.add_enabled(!locked, choose).clicked()
        })
        .inner;
    ui.end_row();
    clicked
}

fn secret_row(
    ui: &mut egui::Ui,
    t: &Texts,
    label: &str,
    value: &mut String,
    stored: Option<Result<bool, &crate::plain::Told>>,
    forget: &mut bool,
) {
    let label = ui.label(label);
    ui.vertical(|ui| {
        ui.add(egui::TextEdit::singleline(value).password(true).desired_width(FIELD_WIDTH)).labelled_by(label.id);
        ui.horizontal(|ui| match stored {
            None => {
                ui.weak(t.get("connections-secret-checking"));
            }
            Some(Err(error)) => {
                // The dialog's notice tells the whole story; the hover says it briefly.
                ui.colored_label(ui.visuals().warn_fg_color, t.get("connections-keyring-unavailable"))
                    .on_hover_text(t.say(&error.plain));
            }
            Some(Ok(false)) => {
                ui.weak(t.get("connections-secret-missing"));
            }
            Some(Ok(true)) if *forget => {
                ui.weak(t.get("connections-secret-forgotten"));
            }
            Some(Ok(true)) => {
                ui.weak(t.get("connections-secret-stored"));
                if ui.small_button(t.get("connections-secret-forget")).clicked() {
                    *forget = true;
                }
            }
        });
    });
    ui.end_row();
}

#[cfg(test)]
mod tests {
    use super::{ProfileForm, SecretChange};
    use crate::credentials::SecretKind;
    use crate::settings::{Profile, TwebSignIn};

    fn kinds(changes: &[SecretChange]) -> Vec<(&'static str, SecretKind)> {
        changes
            .iter()
            .map(|c| match c {
                SecretChange::Set(_, kind, _) => ("set", *kind),
                SecretChange::Forget(_, kind) => ("forget", *kind),
            })
            .collect()
    }

    #[test]
    fn saving_touches_the_keyring_only_for_what_changed() {
        let profile = Profile {
            name: "Testi".to_owned(),
            tweb_url: "https://tweb.kunta.fi/api".to_owned(),
            tweb_sign_in: TwebSignIn::Password { user: "mvirtanen".to_owned() },
            outbox_url: "https://epalvelu.kunta.fi/api".to_owned(),
            case_url: None,
            clerk: "Maija".to_owned(),
            ca_bundle: None,
            proxy: None,
            mappings_dir: None,
            scanner: None,
            parallel: None,
            central: false,
        };
        let mut form = ProfileForm::of(&profile);
        assert!(form.changes().is_empty(), "an untouched profile changes nothing in the keyring");
        form.outbox_secret = "uusi".to_owned();
        assert_eq!(kinds(&form.changes()), [("set", SecretKind::OutboxToken)]);
        form.token = true;
        form.tweb_secret = "avain".to_owned();
        assert_eq!(
            kinds(&form.changes()),
            [("forget", SecretKind::TwebPassword), ("set", SecretKind::TwebToken), ("set", SecretKind::OutboxToken)]
        );
        form.name = "Tuotanto".to_owned();
        let renamed = form.changes();
        assert_eq!(renamed.len(), 6, "the old name's three secrets are forgotten too");
        assert!(matches!(&renamed[3], SecretChange::Forget(old, _) if old == "Testi"));
    }
}
