//! The export's errors in plain words ([`Explain`]): each variant names its message in
//! `assets/i18n/*.ftl`; the technical chain stays in the detail.

use super::{ExportError, JournalError, Step};
use crate::plain::{Explain, Plain};

impl Step {
    /// The step as the desk names it (`step-…`).
    pub fn plain(&self) -> Plain {
        match self {
            Self::Read => Plain::new("step-read"),
            Self::Claim => Plain::new("step-claim"),
            Self::Case => Plain::new("step-case"),
            Self::Form => Plain::new("step-form"),
            Self::Attachment(id) => Plain::new("step-attachment").text("id", id.clone()),
            Self::SecretAddress => Plain::new("step-secret-address"),
            Self::Assignment => Plain::new("step-assignment"),
            Self::Complete => Plain::new("step-complete"),
        }
    }
}

impl Explain for ExportError {
    fn plain(&self) -> Plain {
        match self {
            Self::Remote { step, source } => {
                Plain::new("export-remote").said("step", step.plain()).said("cause", source.plain())
            }
            Self::Journal(error) => error.plain(),
            Self::Audit(error) => error.plain(),
            Self::ClaimedBy { holder, .. } => Plain::new("export-claimed-by").text("holder", holder.clone()),
            Self::AlreadyFiled { by, .. } => Plain::new("export-already-filed").text("by", by.clone()),
            Self::BadTransaction { problems, .. } => {
                Plain::new("export-bad-transaction").number("count", problems.len())
            }
            Self::Misplaced { step, object_id, .. } => {
                Plain::new("export-misplaced").said("step", step.plain()).text("object", object_id.to_string())
            }
            Self::CaseChanged { expected, found, .. } => {
                Plain::new("export-case-changed").text("expected", expected.clone()).text("found", found.clone())
            }
            Self::Unjournaled { error, .. } => Plain::new("export-unjournaled").said("cause", error.plain()),
            Self::Pdf(_) => Plain::new("export-pdf"),
            Self::Cancelled { .. } => Plain::new("export-cancelled"),
            Self::NotScanned { file, source } => {
                Plain::new("export-not-scanned").text("file", file.clone()).said("cause", source.plain())
            }
            Self::Quarantined { files, .. } => Plain::new("export-quarantined").number("count", files.len()).text(
                "files",
                files.iter().map(|f| format!("{} ({})", f.filename, f.signature)).collect::<Vec<_>>().join(", "),
            ),
            Self::LeftOutClean { file } => Plain::new("export-left-out-clean").text("file", file.clone()),
        }
    }
}

impl Explain for JournalError {
    fn plain(&self) -> Plain {
        let (id, path) = match self {
            Self::Sqlite { path, .. } => ("journal-sqlite", Some(path)),
            Self::Unwritable { path, .. } => ("journal-unwritable", Some(path)),
            Self::DiskFull { path, .. } => ("journal-disk-full", Some(path)),
            Self::Folder { path, .. } => ("journal-folder", Some(path)),
            Self::MoveAside { path, .. } => ("journal-move-aside", Some(path)),
            Self::Damaged { path, .. } => ("journal-damaged", Some(path)),
            Self::Newer { path, .. } => ("journal-newer", Some(path)),
            Self::OtherEndpoint { path, .. } => ("journal-other-endpoint", Some(path)),
            Self::Corrupt(_) | Self::Unreadable { .. } => ("journal-corrupt", None),
            Self::Worker(_) => ("journal-worker", None),
        };
        let plain = Plain::new(id);
        match path {
            Some(path) => plain.text("path", path.display().to_string()),
            None => plain,
        }
    }
}
