//! The clerk's desk: the inbox, the transaction's detail, the filing panel (case choices and the
//! assignment) and the failed filings. Each panel is a view over what it shows that returns
//! commands; [`DeskApp`] (the `app` module, the only one naming it) applies them.

mod app;
mod assign;
mod bulk_confirm;
mod case_editor;
mod day;
mod detail;
mod draft;
mod failed;
mod filing;
mod filings;
mod inbox;
mod inbox_model;
mod keymap;
mod keys_help;
mod prefetch;
mod receipt;
mod sight;
#[cfg(test)]
mod tests;
mod top;

pub use app::DeskApp;
pub use draft::{Action, Draft, Missing};
pub use inbox_model::{InboxModel, RowState};
pub use sight::SEEN_FOR;
