//! The connections dialog: profiles on the left, the chosen one's form on the right, Test
//! connection with its findings in plain words, Save, Use this connection, Remove, the demo.

use crate::connection::{ConnectionCheck, Found, ServiceCheck, Verdict};
use crate::contract::tweb::Right;
use crate::i18n::Texts;
use crate::settings::Settings;
use crate::ui::widgets::tokens::Tone;

pub mod form;

use form::{PickField, ProfileForm};

/// What the user asked of the dialog this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogAction {
    /// Nothing.
    None,
    /// Close it.
    Close,
    /// Test the chosen profile.
    Test,
    /// Save every profile.
    Save,
    /// Save, then switch to the chosen profile.
    Use,
    /// Remove the chosen profile (saved at once).
    Remove,
    /// Switch to the demo.
    Demo,
    /// A profile was chosen or added: ask the keyring what it holds.
    Chosen,
    /// "Choose…" for a path field.
    Pick(PickField),
}

/// The dialog's state.
#[derive(Default)]
pub struct ConnectionsDialog {
    /// The profiles being edited.
    pub forms: Vec<ProfileForm>,
    /// Index of the one shown.
    pub selected: usize,
    /// Number of the last test sent.
    pub test_seq: u64,
    /// The last test: `None` while it runs.
    pub test: Option<Option<ConnectionCheck>>,
    /// A save is under way.
    pub saving: bool,
    /// What the last save said.
    pub notice: Option<Result<String, crate::ui::widgets::Failure>>,
}

impl ConnectionsDialog {
    /// The dialog over `settings`, showing the active profile.
    pub fn new(settings: &Settings) -> Self {
        let forms: Vec<ProfileForm> = settings.profiles.iter().map(ProfileForm::of).collect();
        let selected = settings.active.as_ref().and_then(|a| forms.iter().position(|f| &f.name == a)).unwrap_or(0);
        Self { forms, selected, ..Self::default() }
    }

    /// The form shown.
    pub fn form(&self) -> Option<&ProfileForm> {
        self.forms.get(self.selected)
    }

    /// Draws the dialog; `active` is the profile in use, `busy` whether a filing runs.
    pub fn show(&mut self, ctx: &egui::Context, t: &Texts, active: Option<&str>, busy: bool) -> DialogAction {
        let mut action = DialogAction::None;
        // Anchored at the top: findings arriving below do not move the fields being edited.
        let id = egui::Id::unique("connections");
        let area = egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, [0.0, 40.0]);
        let modal = egui::Modal::new(id).area(area).show(ctx, |ui| {
            ui.set_width(960.0_f32.min(ctx.content_rect().width() - 60.0));
            ui.heading(t.get("connections-heading"));
            ui.separator();
            // Everything but the buttons scrolls, so they stay on screen however long the
            // findings are.
            let height = ctx.content_rect().height() - 150.0;
            egui::ScrollArea::vertical().max_height(height).auto_shrink([false, true]).show(ui, |ui| {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(180.0);
                        action = self.list(ui, t, active);
                    });
                    ui.add_space(12.0);
                    ui.vertical(|ui| match self.forms.get_mut(self.selected) {
                        Some(form) => {
                            if let Some(field) = form.show(ui, t) {
                                action = DialogAction::Pick(field);
                            }
                        }
                        None => {
                            ui.label(t.get("connections-none"));
                        }
                    });
                });
                ui.separator();
                if let Some(test) = &self.test {
                    test_result(ui, t, test.as_ref());
                    ui.separator();
                }
                if let Some(notice) = &self.notice {
                    match notice {
                        Ok(text) => {
                            ui.label(text);
                        }
                        Err(failure) => failure.show(ui, t),
                    }
                }
                if busy {
                    ui.colored_label(ui.visuals().warn_fg_color, t.get("connections-busy"));
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                let has_form = self.form().is_some();
                let testing = matches!(self.test, Some(None));
                if ui.add_enabled(has_form && !testing, egui::Button::new(t.get("connections-test"))).clicked() {
                    action = DialogAction::Test;
                }
                if ui.add_enabled(!self.saving, egui::Button::new(t.get("connections-save"))).clicked() {
                    action = DialogAction::Save;
                }
                let use_button = egui::Button::new(t.get("connections-use"));
                if ui
                    .add_enabled(has_form && !busy && !self.saving, use_button)
                    .on_hover_text(t.get("connections-use-hint"))
                    .clicked()
                {
                    action = DialogAction::Use;
                }
                // IT's profile cannot be removed here.
                let removable = has_form && !self.form().is_some_and(|f| f.central);
                if ui.add_enabled(removable && !self.saving, egui::Button::new(t.get("connections-remove"))).clicked() {
                    action = DialogAction::Remove;
                }
                if self.saving || testing {
                    ui.spinner();
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button(t.get("connections-close")).clicked() {
                        action = DialogAction::Close;
                    }
                    if ui.add_enabled(!busy, egui::Button::new(t.get("connections-demo"))).clicked() {
                        action = DialogAction::Demo;
                    }
                });
            });
        });
        if modal.should_close() && action == DialogAction::None {
            action = DialogAction::Close;
        }
        action
    }

    fn list(&mut self, ui: &mut egui::Ui, t: &Texts, active: Option<&str>) -> DialogAction {
        let mut action = DialogAction::None;
        for (i, form) in self.forms.iter().enumerate() {
            let mut text = form.name.clone();
            if form.original.as_deref().is_some_and(|o| Some(o) == active) {
                text = format!("{text} ({})", t.get("connections-active"));
            }
            if ui.add(egui::Button::selectable(i == self.selected, text).truncate()).clicked() && i != self.selected {
                self.selected = i;
                self.test = None;
                action = DialogAction::Chosen;
            }
        }
        if ui.button(t.get("connections-new")).clicked() {
            let number = self.forms.len() + 1;
            self.forms.push(ProfileForm::named(t.with("connections-new-name", &[("number", number.into())])));
            self.selected = self.forms.len() - 1;
            self.test = None;
        }
        action
    }
}

fn verdict_text(t: &Texts, verdict: Verdict) -> String {
    t.get(match verdict {
        Verdict::Ok => "check-ok",
        Verdict::Insecure => "check-insecure",
        Verdict::Unreachable => "check-unreachable",
        Verdict::BadCertificate => "check-bad-certificate",
        Verdict::WrongCredentials => "check-wrong-credentials",
        Verdict::MissingRights => "check-missing-rights",
        Verdict::NotTheService => "check-not-the-service",
        Verdict::Unavailable => "check-unavailable",
        Verdict::NotStarted => "check-not-started",
    })
}

fn right_text(t: &Texts, right: Right) -> String {
    t.get(match right {
        Right::ReadCases => "right-read-cases",
        Right::CreateCases => "right-create-cases",
        Right::AddDocuments => "right-add-documents",
        Right::CreateAssignments => "right-create-assignments",
    })
}

fn test_result(ui: &mut egui::Ui, t: &Texts, check: Option<&ConnectionCheck>) {
    let Some(check) = check else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t.get("connections-testing"));
        });
        return;
    };
    for (service, result) in [(t.get("check-tweb"), &check.tweb), (t.get("check-outbox"), &check.outbox)] {
        service_result(ui, t, &service, result);
    }
    if let Some(scanner) = &check.scanner {
        scanner_result(ui, t, scanner);
    }
}

/// The virus scanner's answer: its version, off by choice, or why it does not answer.
fn scanner_result(ui: &mut egui::Ui, t: &Texts, scanner: &Result<Option<String>, crate::plain::Told>) {
    let (tone, verdict) = match scanner {
        Ok(None) => (Tone::Warning, t.get("top-scan-off")),
        Ok(Some(_)) => (Tone::Success, t.get("check-ok")),
        Err(_) => (Tone::Danger, t.get("check-scanner-failed")),
    };
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("{}:", t.get("check-scanner")));
        ui.colored_label(crate::ui::widgets::tokens::text(tone, ui.visuals()), verdict);
    });
    match scanner {
        Ok(Some(version)) => {
            ui.add(egui::Label::new(egui::RichText::new(version).weak()).wrap());
        }
        Ok(None) => {}
        Err(problem) => {
            ui.add(egui::Label::new(egui::RichText::new(t.say(&problem.plain)).weak()).wrap());
            crate::ui::widgets::details(ui, t, problem);
        }
    }
}

fn service_result(ui: &mut egui::Ui, t: &Texts, service: &str, result: &ServiceCheck) {
    let tone = if result.is_ok() { Tone::Success } else { Tone::Danger };
    let color = crate::ui::widgets::tokens::text(tone, ui.visuals());
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("{service}:"));
        ui.colored_label(color, verdict_text(t, result.verdict));
    });
    if !result.missing_rights.is_empty() {
        let rights: Vec<String> = result.missing_rights.iter().map(|r| right_text(t, *r)).collect();
        ui.label(t.with("check-missing", &[("rights", (&rights.join(", ")).into())]));
    }
    let detail = match &result.found {
        Some(Found::User { name, user }) => t.with("check-signed-in", &[("name", name.into()), ("user", user.into())]),
        Some(Found::CatalogOnly { case_groups }) => t.with("check-catalog-only", &[("count", (*case_groups).into())]),
        Some(Found::Outbox { services, pending }) => t.with(
            "check-outbox-found",
            &[("services", (*services).into()), ("pending", usize::try_from(*pending).unwrap_or(usize::MAX).into())],
        ),
        None => match &result.problem {
            Some(problem) => t.say(&problem.plain),
            None => String::new(),
        },
    };
    ui.add(egui::Label::new(egui::RichText::new(detail).weak()).wrap());
    if let Some(problem) = &result.problem {
        crate::ui::widgets::details(ui, t, problem);
    }
}
