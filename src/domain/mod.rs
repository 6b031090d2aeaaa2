//! Pure domain types shared by every part of Kirjaamo.
//!
//! Nothing here does I/O. The ePalvelu side is [`Transaction`] and what it holds; the TWeb side is
//! the records plan ([`CaseGroup`], [`DocumentType`]), its people ([`User`], [`Group`]) and the
//! objects a filing creates ([`Case`], [`Document`], [`Assignment`]).

mod assignment;
mod attachment;
mod case;
mod case_group;
mod catalog;
mod document;
mod document_type;
mod eicar;
mod field;
mod group;
pub mod helsinki;
mod party;
mod personal_id;
mod records;
pub mod reference;
mod submitter;
mod transaction;
mod transaction_id;
mod user;
pub mod waiting;

pub use assignment::{Assignment, AssignmentStatus, Recipients};
pub use attachment::Attachment;
pub use case::{Case, CaseStatus};
pub use case_group::{CaseGroup, is_code as is_case_group_code};
pub use catalog::Catalog;
pub use document::Document;
pub use document_type::DocumentType;
pub use eicar::eicar;
pub use field::{FieldKind, FormField};
pub use group::Group;
pub use party::{Party, PartyRole};
pub use personal_id::{PersonalId, PersonalIdError, mask_personal_id};
pub use records::{PersonalDataLevel, PublicityClass, RecordsProperties, Retention};
pub use submitter::{PostalAddress, Submitter};
pub use transaction::{Language, Service, Transaction};
pub use transaction_id::TransactionId;
pub use user::User;
