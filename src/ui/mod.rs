//! The clerk desk (eframe/egui): inbox, transaction detail and the filing panel, one panel a
//! file. All I/O runs on the tokio runtime through [`Backend`]; answers come back over a channel
//! that requests a repaint, so the UI thread never blocks.

mod admin;
mod backend;
mod connections;
mod desk;
mod icon;
mod request;
mod shell;
mod watchdog;
mod widgets;

pub use backend::{AttachmentView, Backend, Catalog, Connection, PreviewPage, Reply};
pub use desk::{Action, DeskApp, Draft, InboxModel, Missing, RowState, SEEN_FOR};
pub use icon::window_icon;
pub use request::RequestState;
pub use shell::{Shell, ShellConfig};
pub use watchdog::{WINDOW_TIMEOUT, WindowWatchdog};

/// Key of the desk's language in eframe's storage. eframe keeps there the language, the
/// preview's zoom, the window's size and place, and egui's own memory (panel widths, open
/// sections); never data, connections or secrets.
pub const LANGUAGE_KEY: &str = "kirjaamo-language";

/// The eframe storage key of the preview's zoom.
pub const ZOOM_KEY: &str = "kirjaamo-zoom";

pub use widgets::Zoom;
