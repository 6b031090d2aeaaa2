//! A transaction (asiointitapahtuma): one submitted form and its attachments.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Attachment, FormField, Submitter};

/// Language the citizen used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Finnish.
    Fi,
    /// Swedish.
    Sv,
}

/// An e-service of ePalvelu, e.g. the resident parking permit form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub struct Service {
    /// Stable id, e.g. `asukaspysakointi`.
    pub id: String,
    /// Name in the transaction's language.
    pub name: String,
}

/// One submission waiting in the ePalvelu outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Transaction {
    /// Id assigned by ePalvelu, e.g. `TX-2026-000123`.
    pub id: String,
    /// The e-service the form belongs to.
    pub service: Service,
    /// When the citizen submitted the form.
    pub submitted_at: DateTime<Utc>,
    /// Language of the form.
    pub language: Language,
    /// Who submitted it.
    pub submitter: Submitter,
    /// Title ePalvelu gave the submission.
    pub title: String,
    /// Form fields in form order.
    pub fields: Vec<FormField>,
    /// Attached files, in the order the citizen added them.
    pub attachments: Vec<Attachment>,
}

impl Transaction {
    /// The field with the given key, if the form has one.
    pub fn field(&self, key: &str) -> Option<&FormField> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// Total size of the attachments in bytes.
    pub fn attachment_bytes(&self) -> u64 {
        self.attachments.iter().map(|a| a.size).sum()
    }

    /// Whether `text` (a field's value as shown) carries the submitter's address that a
    /// protection order keeps secret: its street or its postal code. Showing a field too few is
    /// the safe side.
    pub fn shows_secret_address(&self, text: &str) -> bool {
        let Some(address) = self.submitter.address.as_ref().filter(|_| self.submitter.protection_order) else {
            return false;
        };
        let text = text.to_lowercase();
        [&address.street, &address.postal_code]
            .into_iter()
            .map(|part| part.trim().to_lowercase())
            .any(|part| !part.is_empty() && text.contains(&part))
    }
}
