//! Widgets several screens share. A widget imports no app state: it shows what it is given and
//! returns what the person asked for.

mod language;
pub mod pages;
pub mod picker;
mod recipients;
mod records;
pub mod tokens;
mod told;

pub use language::language_menu;
pub use pages::{PageState, Zoom, drawing_width, shown_width};
pub use recipients::recipients;
pub use records::{case_group_choices, document_type_choices, publicity};
pub use told::{Failure, details, told};
