//! A filing's receipt as the desk shows it: the diary number and the case's title, the documents
//! made with their types, the assignment's recipients and due date, and whether it can be undone.
//! The filing panel and the day list both draw it.

use crate::contract::outbox::{FilingAction, FilingResult};
use crate::domain::Catalog;
use crate::i18n::Texts;
use crate::ui::widgets::tokens::{self, Tone};

/// What the receipt offers the clerk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceiptCommand {
    /// Open the case in TWeb's own UI.
    OpenUrl(String),
    /// Undo the filing: withdraw the case and return the transaction to the inbox.
    Undo,
}

/// A document type's code with its name from the catalog.
fn type_name(catalog: Option<&Catalog>, code: &str) -> String {
    catalog.and_then(|c| c.document_type(code)).map_or_else(|| code.to_owned(), |d| format!("{} {}", d.code, d.name))
}

/// The assignment's recipients by name, users first.
pub fn recipients(catalog: Option<&Catalog>, recipients: &crate::domain::Recipients) -> String {
    let user = |id: &String| {
        catalog.and_then(|c| c.users.iter().find(|u| &u.id == id)).map_or_else(|| id.clone(), |u| u.name.clone())
    };
    let group = |id: &String| {
        catalog.and_then(|c| c.groups.iter().find(|g| &g.id == id)).map_or_else(|| id.clone(), |g| g.name.clone())
    };
    recipients.users.iter().map(user).chain(recipients.groups.iter().map(group)).collect::<Vec<_>>().join(", ")
}

/// The heading's words: "Kirjattu: 12/02.05.01/2026" or "Kirjattu: ilman asiaa".
pub fn heading(t: &Texts, result: &FilingResult) -> String {
    let diary = result.diary_number.clone().unwrap_or_else(|| t.get("filing-no-case"));
    t.with("filing-done", &[("diary", (&diary).into())])
}

/// The receipt as lines of text (the day list's CSV and screen readers use the same words).
pub fn lines(t: &Texts, catalog: Option<&Catalog>, result: &FilingResult) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(title) = &result.case_title {
        lines.push(t.with("receipt-case-title", &[("title", title.into())]));
    }
    for document in &result.documents {
        let kind = type_name(catalog, &document.document_type);
        let id = if document.form { "receipt-form" } else { "receipt-attachment" };
        lines.push(t.with(id, &[("title", (&document.title).into()), ("type", (&kind).into())]));
    }
    if result.documents.is_empty() && !result.document_ids.is_empty() {
        lines.push(t.with("receipt-documents", &[("count", result.document_ids.len().into())]));
    }
    for file in &result.left_out {
        let args = [("file", (&file.filename).into()), ("signature", (&file.signature).into())];
        lines.push(t.with("receipt-left-out", &args));
    }
    if let Some(assignment) = &result.assignment {
        let to = recipients(catalog, &assignment.recipients);
        let line = match assignment.due_date {
            Some(due) => {
                let due = due.format("%-d.%-m.%Y").to_string();
                t.with("receipt-assignment-due", &[("to", (&to).into()), ("due", (&due).into())])
            }
            None => t.with("receipt-assignment", &[("to", (&to).into())]),
        };
        lines.push(line);
    } else if result.assignment_id.is_some() {
        lines.push(t.get("receipt-assignment-sent"));
    }
    lines
}

/// Whether a filing can be taken back, as the receipt says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    /// It can: a new case this desk opened minutes ago, without an assignment.
    Offer,
    /// It is being undone.
    Running,
    /// It was undone: the case's diary number.
    Done(String),
    /// It could not be undone: why.
    Failed(crate::plain::Told),
    /// It cannot be (any more), for this reason.
    No(NoUndo),
}

/// Why a filing cannot be undone from the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoUndo {
    /// Another clerk's filing, or one this desk did not make.
    NotThisDesk,
    /// It sent an assignment (assignment only, or a new case with one).
    Assignment,
    /// It went onto an existing case.
    ExistingCase,
    /// The minutes in which TWeb withdraws a case have passed.
    Late,
}

impl NoUndo {
    /// The Fluent id of what the receipt says.
    pub fn text_id(self) -> &'static str {
        match self {
            Self::NotThisDesk => "receipt-no-undo",
            Self::Assignment => "receipt-no-undo-assignment",
            Self::ExistingCase => "receipt-no-undo-existing",
            Self::Late => "receipt-no-undo-late",
        }
    }
}

/// How `result`, filed `age` ago by this desk (or by another clerk when `None`), can be undone:
/// TWeb's contract withdraws only a new case opened minutes ago that holds nothing but what the
/// filing made and has no assignment, and the outbox reopens only its clerk's completion.
pub fn undo_for(result: &FilingResult, age: Option<chrono::Duration>) -> Undo {
    let window =
        chrono::Duration::minutes(crate::contract::tweb::WITHDRAW_MINUTES.min(crate::contract::outbox::REOPEN_MINUTES));
    match result.action {
        FilingAction::AssignmentOnly => Undo::No(NoUndo::Assignment),
        FilingAction::ExistingCase => Undo::No(NoUndo::ExistingCase),
        FilingAction::NewCase if result.assignment_id.is_some() => Undo::No(NoUndo::Assignment),
        FilingAction::NewCase => match age {
            Some(age) if age < window && result.case_id.is_some() => Undo::Offer,
            Some(_) => Undo::No(NoUndo::Late),
            None => Undo::No(NoUndo::NotThisDesk),
        },
    }
}

/// Draws the receipt of `result`; `url` is the case's page in TWeb's UI.
pub fn show(
    t: &Texts,
    catalog: Option<&Catalog>,
    result: &FilingResult,
    url: Option<&str>,
    undo: &Undo,
    ui: &mut egui::Ui,
) -> Vec<ReceiptCommand> {
    let mut commands = Vec::new();
    let text = egui::RichText::new(heading(t, result)).heading();
    ui.label(text.color(tokens::text(Tone::Success, ui.visuals())));
    for line in lines(t, catalog, result) {
        ui.label(line);
    }
    ui.horizontal_wrapped(|ui| {
        if let Some(diary) = &result.diary_number
            && ui.button(t.get("filing-copy")).clicked()
        {
            ui.ctx().copy_text(diary.clone());
        }
        if let Some(url) = url
            && ui.link(t.get("filing-open-tweb")).on_hover_text(url).clicked()
        {
            commands.push(ReceiptCommand::OpenUrl(url.to_owned()));
        }
    });
    match undo {
        Undo::Offer => {
            let minutes = usize::try_from(crate::contract::tweb::WITHDRAW_MINUTES).unwrap_or_default();
            let hint = t.with("receipt-undo-hint", &[("minutes", minutes.into())]);
            if ui.button(t.get("receipt-undo")).on_hover_text(&hint).clicked() {
                commands.push(ReceiptCommand::Undo);
            }
            ui.weak(hint);
        }
        Undo::Running => {
            ui.spinner();
        }
        Undo::Done(diary) => {
            ui.strong(t.with("receipt-undone", &[("diary", diary.into())]));
        }
        Undo::Failed(told) => crate::ui::widgets::told(ui, t, "receipt-undo-failed", told),
        Undo::No(why) => {
            let minutes = usize::try_from(crate::contract::tweb::WITHDRAW_MINUTES).unwrap_or_default();
            ui.weak(t.with(why.text_id(), &[("minutes", minutes.into())]));
        }
    }
    commands
}
