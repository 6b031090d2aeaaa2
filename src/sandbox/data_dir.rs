//! `--data DIR`: transactions from a folder instead of the built-in seed. Each transaction is a
//! `<name>.json` file in the format of `GET /transactions/{id}`'s `transaction` (see
//! `docs/sandbox.md`); its attachment files lie in `<name>/` under their `filename`. `size` and
//! `sha256` may be left out; when given they must match the file.

use crate::sandbox::file_content::FileContent;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::seed::SeedTransaction;
use crate::domain::Transaction;

/// Why a data folder could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// A file could not be read.
    #[error("reading {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A transaction file is not valid.
    #[error("{path} is not a valid transaction")]
    Format {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: serde_json::Error,
    },
    /// An attachment is unsafe, missing or does not match its metadata.
    #[error("{path}: {detail}")]
    Attachment {
        /// The transaction file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
    /// Two files hold the same transaction id.
    #[error("{path}: transaction id {id} appears twice")]
    Duplicate {
        /// The second file.
        path: PathBuf,
        /// The id.
        id: String,
    },
}

fn read(path: &Path) -> Result<Vec<u8>, DataError> {
    std::fs::read(path).map_err(|source| DataError::Io { path: path.to_owned(), source })
}

/// Loads one transaction file and its attachments (the `--data` format).
pub fn load_one(path: &Path) -> Result<SeedTransaction, DataError> {
    let mut value: serde_json::Value =
        serde_json::from_slice(&read(path)?).map_err(|source| DataError::Format { path: path.to_owned(), source })?;
    let folder = path.with_extension("");
    let mut files = Vec::new();
    let attachment_error = |detail: String| DataError::Attachment { path: path.to_owned(), detail };
    if let Some(attachments) = value.get_mut("attachments").and_then(|a| a.as_array_mut()) {
        for attachment in attachments {
            let filename = attachment.get("filename").and_then(|f| f.as_str()).unwrap_or_default().to_owned();
            let safe = !filename.is_empty()
                && Path::new(&filename).file_name().is_some_and(|n| n == filename.as_str())
                && filename != "..";
            if !safe {
                return Err(attachment_error(format!("attachment file name {filename:?} is not a plain file name")));
            }
            let bytes = read(&folder.join(&filename))?;
            let sha = hex::encode(Sha256::digest(&bytes));
            let size = bytes.len() as u64;
            if let Some(object) = attachment.as_object_mut() {
                if object.get("sha256").and_then(|s| s.as_str()).is_some_and(|s| s != sha) {
                    return Err(attachment_error(format!("{filename}: sha256 in the JSON does not match the file")));
                }
                if object.get("size").and_then(serde_json::Value::as_u64).is_some_and(|s| s != size) {
                    return Err(attachment_error(format!(
                        "{filename}: size in the JSON is not the file's {size} bytes"
                    )));
                }
                object.insert("sha256".into(), sha.into());
                object.insert("size".into(), size.into());
            }
            files.push(FileContent::from(bytes));
        }
    }
    let transaction: Transaction =
        serde_json::from_value(value).map_err(|source| DataError::Format { path: path.to_owned(), source })?;
    Ok(SeedTransaction { transaction, files })
}

/// Loads every `*.json` transaction of `dir`, in file name order.
pub fn load(dir: &Path) -> Result<Vec<SeedTransaction>, DataError> {
    let entries = std::fs::read_dir(dir).map_err(|source| DataError::Io { path: dir.to_owned(), source })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && p.is_file())
        .collect();
    paths.sort();
    let mut out: Vec<SeedTransaction> = Vec::with_capacity(paths.len());
    for path in paths {
        let loaded = load_one(&path)?;
        if out.iter().any(|t| t.transaction.id == loaded.transaction.id) {
            return Err(DataError::Duplicate { path, id: loaded.transaction.id });
        }
        out.push(loaded);
    }
    Ok(out)
}
