//! The admin's work on mappings: a sample transaction for the preview, saving, importing and
//! exporting files.

use crate::plain::Told;
use std::path::PathBuf;

use super::{Backend, plain};
use crate::domain::Transaction;
use crate::mappings::ServiceMapping;

/// A mapping saved, and the file it went into.
pub enum Saved {
    /// Written: the file and the mapping saved.
    Written(PathBuf, Box<ServiceMapping>),
    /// Not written: the file changed on disk since the edit began.
    Changed {
        /// Keys that differ between what the edit began from and the file now.
        fields: Vec<String>,
        /// The file's mapping now (`None`: removed or unreadable).
        on_disk: Option<Box<ServiceMapping>>,
        /// What to tell the admin.
        told: Told,
    },
}

impl Backend {
    /// The folder mappings are saved to, when the desk has one.
    pub fn mappings_dir(&self) -> Option<&std::path::Path> {
        self.mappings_dir.as_deref()
    }

    /// Sets the folder mappings are read from and saved to.
    pub fn set_mappings_dir(&mut self, dir: PathBuf) {
        self.mappings_dir = Some(dir);
    }

    /// Every mapping the desk has, checked or not.
    pub fn mappings(&self) -> &[ServiceMapping] {
        self.mappings.all()
    }

    /// Uses `mapping` from now on (after a save); it is checked again with the next catalog.
    pub fn replace_mapping(&mut self, mapping: ServiceMapping) {
        self.mappings.replace(mapping);
    }

    /// One pending transaction of `service` (none when nothing is pending), for previewing
    /// templates; work for a `Requested` value.
    pub fn sample(
        &self,
        service: &str,
    ) -> impl Future<Output = Result<Option<Box<Transaction>>, Told>> + Send + 'static {
        let (outbox, service) = (self.outbox.clone(), service.to_owned());
        async move {
            let pending = outbox.list_all(Some(&service)).await.map_err(plain)?;
            match pending.first() {
                Some(first) => outbox.get(&first.id).await.map(|d| Some(Box::new(d.transaction))).map_err(plain),
                None => Ok(None),
            }
        }
    }

    /// Saves `mapping` into the mappings folder (comments kept, atomic) if the file still holds
    /// `base`, what the edit began from, or whatever it holds when `overwrite`; as work for a
    /// `Requested` value.
    pub fn save_mapping(
        &self,
        mapping: ServiceMapping,
        base: Option<ServiceMapping>,
        overwrite: bool,
    ) -> impl Future<Output = Result<Saved, Told>> + Send + 'static {
        let dir = self.mappings_dir.clone();
        async move {
            let dir = dir.ok_or_else(|| {
                Told::new(crate::plain::Plain::new("admin-no-folder"), "no mappings folder is configured")
            })?;
            let saved = tokio::task::spawn_blocking(move || {
                let written = if overwrite {
                    crate::mappings::save::save(&dir, &mapping)
                } else {
                    crate::mappings::save::save_unless_changed(&dir, &mapping, base.as_ref())
                };
                match written {
                    Ok(path) => Ok(Saved::Written(path, Box::new(mapping))),
                    Err(error @ crate::mappings::MappingError::Changed { .. }) => {
                        let told = Told::of(&error);
                        let crate::mappings::MappingError::Changed { fields, on_disk, .. } = error else {
                            return Err(told);
                        };
                        Ok(Saved::Changed { fields, on_disk, told })
                    }
                    Err(error) => Err(plain(error)),
                }
            });
            saved.await.unwrap_or_else(|e| Err(plain(e)))
        }
    }

    /// Asks the admin for a mapping file to import and reads it (`None`: the admin cancelled).
    pub async fn import_mapping() -> Result<Option<Box<ServiceMapping>>, Told> {
        let Some(file) = rfd::AsyncFileDialog::new().add_filter("TOML", &["toml"]).pick_file().await else {
            return Ok(None);
        };
        let path = file.path().to_owned();
        let read = tokio::task::spawn_blocking(move || crate::mappings::load_file(&path).map_err(plain));
        read.await.unwrap_or_else(|e| Err(plain(e))).map(|m| Some(Box::new(m)))
    }

    /// Asks the admin where to export `mapping` and writes it there as a new file; the path
    /// (`None`: the admin cancelled).
    pub async fn export_mapping(mapping: ServiceMapping) -> Result<Option<PathBuf>, Told> {
        let name = format!("{}.toml", mapping.service);
        let Some(file) = rfd::AsyncFileDialog::new().set_file_name(&name).save_file().await else {
            return Ok(None);
        };
        let path = file.path().to_owned();
        let text = crate::mappings::save::new_document(&mapping).to_string();
        crate::mappings::save::write_atomic(&path, &text).map_err(plain)?;
        Ok(Some(path))
    }
}
