//! One field of a submitted form.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How a field's value is to be read and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Free text that may hold several paragraphs.
    Multiline,
    /// A calendar date, value in ISO 8601 (`2026-03-01`).
    Date,
    /// One option of a list, value is the option's label.
    Choice,
    /// Yes or no, value `true` or `false`.
    Boolean,
    /// A number with `.` as the decimal separator.
    Number,
    /// An e-mail address.
    Email,
    /// A telephone number.
    Phone,
}

/// A form field as the citizen filled it in, in form order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FormField {
    /// Stable key of the field within its e-service, e.g. `vehicle_registration`.
    pub key: String,
    /// The label the citizen saw, in the transaction's language.
    pub label: String,
    /// The value as submitted; empty when the citizen left the field empty.
    pub value: String,
    /// Kind of the value.
    pub kind: FieldKind,
    /// Heading of the form section the field belongs to.
    pub section: Option<String>,
}
