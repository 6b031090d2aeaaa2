//! The clerk desk (eframe/egui): inbox, transaction detail and the filing panel, one panel a
//! file. All I/O runs on the tokio runtime through [`Backend`]; answers come back over a channel
//! that requests a repaint, so the UI thread never blocks.

mod actions;
mod admin;
mod admin_form;
mod app;
mod assign;
mod backend;
mod case_editor;
mod connection_form;
mod connections;
mod detail;
mod draft;
mod failed;
mod filing;
mod inbox;
mod inbox_model;
mod keys;
mod picker;
mod replies;
mod request;
mod shell;
mod shell_worker;
mod start;
mod top;
mod widgets;

pub use app::DeskApp;
pub use backend::{AttachmentView, Backend, Catalog, Connection, PreviewPage, Reply};
pub use draft::{Action, Draft, Missing};
pub use inbox_model::{InboxModel, RowState};
pub use request::RequestState;
pub use shell::{Shell, ShellConfig};

/// Key of the desk's language in eframe's storage (the only thing the desk keeps there).
pub const LANGUAGE_KEY: &str = "kirjaamo-language";
