//! Work on files: drawing the form PDF and attachments for preview, saving a copy.

use crate::plain::Told;
use std::sync::Arc;

use futures_util::StreamExt as _;

use super::{AttachmentView, Backend, PreviewPage, plain};
use crate::domain::Transaction;
use crate::preview::{Preview, Raster};

/// Attachments larger than this are not downloaded for preview.
const PREVIEW_MAX_BYTES: u64 = 256 * 1024 * 1024;
/// The same limit in MiB, as the clerk is told it.
const PREVIEW_MAX_MIB: usize = 256;

/// Draws `page` of `preview` `width` pixels wide, as egui takes it. The preview is used once, so
/// its raster is moved out, and its pixels become the image's without a copy.
fn draw(mut preview: Preview, page: usize, width: u32) -> Result<egui::ColorImage, Told> {
    let raster = match &mut preview {
        Preview::Pdf(pdf) => pdf.render(page, width).map_err(plain)?,
        Preview::Image(raster) => Arc::clone(raster),
    };
    drop(preview);
    Ok(image(Arc::unwrap_or_clone(raster)))
}

/// A raster of premultiplied RGBA as an egui image (`Color32` is premultiplied RGBA too).
fn image(raster: Raster) -> egui::ColorImage {
    let size = [raster.width as usize, raster.height as usize];
    match bytemuck::allocation::try_cast_vec::<u8, egui::Color32>(raster.rgba) {
        Ok(pixels) => egui::ColorImage::new(size, pixels),
        Err((_, rgba)) => egui::ColorImage::from_rgba_premultiplied(size, &rgba),
    }
}

impl Backend {
    /// Renders the form PDF of `transaction` (or reuses `pdf`) and draws `page` `width` pixels
    /// wide, on a blocking worker.
    /// Work for a `Requested` value.
    pub fn preview(
        &self,
        transaction: &Transaction,
        pdf: Option<Arc<Vec<u8>>>,
        page: usize,
        width: u32,
    ) -> impl Future<Output = Result<PreviewPage, Told>> + Send + 'static {
        let transaction = transaction.clone();
        let work = move || {
            let pdf = match pdf {
                Some(pdf) => Ok(pdf),
                None => crate::pdf::render(&transaction).map(|r| Arc::new(r.bytes)).map_err(plain),
            };
            let (pdf, pages, image) = match pdf {
                Ok(pdf) => match Preview::open(Arc::clone(&pdf), "application/pdf") {
                    Ok(preview) => (pdf, preview.pages(), draw(preview, page, width)),
                    Err(e) => (pdf, 0, Err(plain(e))),
                },
                Err(e) => (Arc::new(Vec::new()), 0, Err(e)),
            };
            PreviewPage { transaction_id: transaction.id.clone(), pdf, page, pages, image }
        };
        async move { tokio::task::spawn_blocking(work).await.map_err(plain) }
    }

    /// Downloads an attachment (or reuses `bytes`) and draws `page` of it for preview; work for
    /// a `Requested` value.
    pub fn attachment(
        &self,
        transaction: &Transaction,
        attachment_id: &str,
        bytes: Option<Arc<Vec<u8>>>,
        page: usize,
        width: u32,
    ) -> impl Future<Output = Result<AttachmentView, Told>> + Send + 'static {
        let outbox = self.outbox.clone();
        let (transaction_id, attachment_id) = (transaction.id.clone(), attachment_id.to_owned());
        let content_type = transaction
            .attachments
            .iter()
            .find(|a| a.id == attachment_id)
            .map(|a| a.content_type.clone())
            .unwrap_or_default();
        async move {
            let bytes = match bytes {
                Some(bytes) => Ok(bytes),
                None => download(&outbox, &transaction_id, &attachment_id).await,
            };
            let drawn = match &bytes {
                Ok(bytes) => {
                    let bytes = Arc::clone(bytes);
                    let work = move || {
                        let preview = Preview::open(bytes, &content_type).map_err(plain)?;
                        let pages = preview.pages();
                        Ok((pages, draw(preview, page, width)))
                    };
                    tokio::task::spawn_blocking(work).await.unwrap_or_else(|e| Err(plain(e)))
                }
                Err(e) => Err(e.clone()),
            };
            let (pages, image) = match drawn {
                Ok((pages, image)) => (pages, image),
                Err(e) => (0, Err(e)),
            };
            Ok(AttachmentView { transaction_id, attachment_id, bytes, page, pages, image })
        }
    }
}

/// The last path component of a citizen-given name, without characters Windows refuses.
pub fn safe_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String =
        base.chars().map(|c| if c.is_control() || "<>:\"|?*".contains(c) { '_' } else { c }).collect();
    let cleaned = cleaned.trim_matches(['.', ' ']).to_owned();
    if cleaned.is_empty() { "liite".to_owned() } else { cleaned }
}

async fn download(outbox: &crate::outbox::OutboxClient, id: &str, attachment_id: &str) -> Result<Arc<Vec<u8>>, Told> {
    let mut download = outbox.attachment(id, attachment_id).await.map_err(plain)?;
    if download.length.is_some_and(|l| l > PREVIEW_MAX_BYTES) {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(download.length.unwrap_or(0)).unwrap_or(0));
    while let Some(chunk) = download.body.next().await {
        bytes.extend_from_slice(&chunk.map_err(plain)?);
        if bytes.len() as u64 > PREVIEW_MAX_BYTES {
            return Err(too_large());
        }
    }
    Ok(Arc::new(bytes))
}

/// An attachment too large to preview (it is still filed; a copy can be saved).
fn too_large() -> Told {
    let mib = PREVIEW_MAX_MIB;
    Told::new(crate::plain::Plain::new("preview-file-too-large").number("mib", mib), format!("over {mib} MiB"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_citizen_chosen_name_never_picks_the_folder() {
        assert_eq!(super::safe_filename("../../etc/passwd"), "passwd");
        assert_eq!(super::safe_filename("C:\\Users\\x\\kuva?.jpg"), "kuva_.jpg");
        assert_eq!(super::safe_filename(".."), "liite");
        assert_eq!(super::safe_filename("liite 1.pdf"), "liite 1.pdf");
    }
}
