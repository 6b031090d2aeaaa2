//! The clerk desk (eframe/egui): inbox, transaction detail and the filing panel, one panel a
//! file. All I/O runs on the tokio runtime through [`Backend`]; answers come back over a channel
//! that requests a repaint, so the UI thread never blocks.

mod app;
mod backend;
mod detail;
mod filing;
mod inbox;
mod request;

pub use app::DeskApp;
pub use backend::{Backend, Connection, PreviewPage, Reply};
pub use request::RequestState;
