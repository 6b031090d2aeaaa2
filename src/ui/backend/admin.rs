//! The admin's work on mappings: a sample transaction for the preview, saving, importing and
//! exporting files.

use std::path::PathBuf;

use super::{Backend, Reply, plain};
use crate::mappings::ServiceMapping;

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

    /// Uses `mapping` from now on (after a save) and checks it against the catalog again.
    pub fn replace_mapping(&mut self, mapping: ServiceMapping) {
        self.mappings.replace(mapping);
        self.catalog();
    }

    /// Reads one pending transaction of `service`, for previewing templates.
    pub fn sample(&self, service: &str) {
        let (outbox, service) = (self.outbox.clone(), service.to_owned());
        self.send(async move {
            let result = async {
                let pending = outbox.list_all(Some(&service)).await.map_err(plain)?;
                match pending.first() {
                    Some(first) => outbox.get(&first.id).await.map(|d| Some(Box::new(d.transaction))).map_err(plain),
                    None => Ok(None),
                }
            }
            .await;
            Reply::Sample(service, result)
        });
    }

    /// Saves `mapping` into the mappings folder (comments kept, atomic).
    pub fn save_mapping(&self, mapping: ServiceMapping) {
        let Some(dir) = self.mappings_dir.clone() else {
            let _ = self.replies.send(Reply::MappingSaved(Err("no mappings folder".to_owned())));
            return;
        };
        self.send(async move {
            let saved = tokio::task::spawn_blocking(move || {
                crate::mappings::save::save(&dir, &mapping).map(|path| (path, mapping)).map_err(plain)
            });
            Reply::MappingSaved(saved.await.unwrap_or_else(|e| Err(plain(e))).map(Box::new))
        });
    }

    /// Asks the admin for a mapping file to import and reads it.
    pub fn import_mapping(&self) {
        self.send(async move {
            let Some(file) = rfd::AsyncFileDialog::new().add_filter("TOML", &["toml"]).pick_file().await else {
                return Reply::MappingImported(None);
            };
            let path = file.path().to_owned();
            let read = tokio::task::spawn_blocking(move || crate::mappings::load_file(&path).map_err(plain));
            Reply::MappingImported(Some(read.await.unwrap_or_else(|e| Err(plain(e))).map(Box::new)))
        });
    }

    /// Asks the admin where to export `mapping` and writes it there as a new file.
    pub fn export_mapping(&self, mapping: ServiceMapping) {
        self.send(async move {
            let name = format!("{}.toml", mapping.service);
            let Some(file) = rfd::AsyncFileDialog::new().set_file_name(&name).save_file().await else {
                return Reply::Saved(None);
            };
            let path = file.path().to_owned();
            let text = crate::mappings::save::new_document(&mapping).to_string();
            let written = crate::mappings::save::write_atomic(&path, &text).map_err(plain);
            Reply::Saved(Some(written.map(|()| path.display().to_string())))
        });
    }
}
