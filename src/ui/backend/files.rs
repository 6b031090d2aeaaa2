//! Work on files: drawing the form PDF and attachments for preview, saving a copy.

use crate::plain::Told;
use std::sync::Arc;

use futures_util::StreamExt as _;

use super::{AttachmentView, Backend, PreviewPage, plain};
use crate::audit::{Action, Event};
use crate::domain::Transaction;
use crate::preview::{Fit, Preview, Raster};

/// Attachments larger than this are not downloaded for preview.
const PREVIEW_MAX_BYTES: u64 = 256 * 1024 * 1024;
/// The same limit in MiB, as the clerk is told it.
const PREVIEW_MAX_MIB: usize = 256;

/// Draws `page` of `preview` to `fit`, as egui takes it. The preview is used once, so
/// its raster is moved out and turned into the image's pixels as it goes (see [`pixels`]).
fn draw(mut preview: Preview, page: usize, fit: Fit) -> Result<egui::ColorImage, Told> {
    let raster = match &mut preview {
        Preview::Pdf(pdf) => pdf.render_fit(page, fit).map_err(plain)?,
        Preview::Image(raster) => Arc::clone(raster),
    };
    drop(preview);
    Ok(image(Arc::unwrap_or_clone(raster)))
}

/// A raster of premultiplied RGBA as an egui image (`Color32` is premultiplied RGBA too).
fn image(raster: Raster) -> egui::ColorImage {
    let size = [raster.width as usize, raster.height as usize];
    egui::ColorImage::new(size, pixels(raster.rgba))
}

/// Bytes copied at a time by [`pixels`].
const BLOCK: usize = 1 << 20;

/// Premultiplied RGBA bytes as egui's pixels. `Color32` is aligned to 4 bytes and a byte buffer
/// is not, so the pixels are copied: from the end, a block at a time, into fresh zeroed pages,
/// while the bytes shrink behind the copy (glibc gives a large block's freed tail back at once).
/// A page thus never needs twice its memory: 6.2 MB for a form page 1050 px wide, not 12.4.
fn pixels(mut rgba: Vec<u8>) -> Vec<egui::Color32> {
    let count = rgba.len() / 4;
    let mut out: Vec<egui::Color32> = bytemuck::allocation::zeroed_vec(count);
    let mut end = count * 4;
    rgba.truncate(end);
    while end > 0 {
        let start = end.saturating_sub(BLOCK);
        let target: &mut [u8] = bytemuck::cast_slice_mut(&mut out[start / 4..end / 4]);
        target.copy_from_slice(&rgba[start..end]);
        rgba.truncate(start);
        rgba.shrink_to_fit();
        end = start;
    }
    out
}

impl Backend {
    /// Renders the form PDF of `transaction` (or reuses `pdf`) and draws `page` to `fit`, on a
    /// blocking worker. Drawing is not seeing (pages are drawn ahead): the desk logs the view
    /// when it shows the page.
    /// Work for a `Requested` value.
    pub fn preview(
        &self,
        transaction: &Transaction,
        pdf: Option<Arc<Vec<u8>>>,
        page: usize,
        fit: Fit,
    ) -> impl Future<Output = Result<PreviewPage, Told>> + Send + 'static {
        let transaction = transaction.clone();
        let work = move || {
            let pdf = match pdf {
                Some(pdf) => Ok(pdf),
                None => crate::pdf::render(&transaction).map(|r| Arc::new(r.bytes)).map_err(plain),
            };
            let (pdf, pages, image) = match pdf {
                Ok(pdf) => match Preview::open(Arc::clone(&pdf), "application/pdf", fit) {
                    Ok(preview) => (pdf, preview.pages(), draw(preview, page, fit)),
                    Err(e) => (pdf, 0, Err(plain(e))),
                },
                Err(e) => (Arc::new(Vec::new()), 0, Err(e)),
            };
            PreviewPage { transaction_id: transaction.id.clone(), pdf, page, pages, width: fit.width, image }
        };
        async move { tokio::task::spawn_blocking(work).await.map_err(plain) }
    }

    /// Downloads an attachment (or reuses `bytes`), has the virus scanner check it, and draws
    /// `page` of it for preview; work for a `Requested` value. Nothing unscanned is drawn or kept
    /// for a copy: a file the scanner could not check, or found malware in, has no bytes and no page
    /// (a detection is logged, and the view names it so the transaction goes into quarantine).
    pub fn attachment(
        &self,
        transaction: &Transaction,
        attachment_id: &str,
        bytes: Option<Arc<Vec<u8>>>,
        page: usize,
        fit: Fit,
    ) -> impl Future<Output = Result<AttachmentView, Told>> + Send + 'static {
        let outbox = self.outbox.clone();
        let (transaction_id, attachment_id) = (transaction.id.clone(), attachment_id.to_owned());
        let listed = transaction.attachments.iter().find(|a| a.id == attachment_id).cloned();
        let content_type = listed.as_ref().map(|a| a.content_type.clone()).unwrap_or_default();
        let (access, service) = (self.access().clone(), transaction.service.id.clone());
        let scanner = self.scanner().clone();
        async move {
            let mut infected = None;
            let bytes = match bytes {
                Some(bytes) => Ok(bytes),
                None => match download(&outbox, &transaction_id, &attachment_id).await {
                    Ok(bytes) => {
                        let scanned = scan(&scanner, listed.as_ref(), &bytes).await;
                        match scanned {
                            Ok(Some(file)) => {
                                if file.1 {
                                    let event = crate::export::scanning::detection(&transaction_id, &service, &file.0);
                                    access.record_async(event).await.map_err(plain)?;
                                }
                                let told = Told::new(
                                    crate::plain::Plain::new("preview-infected")
                                        .text("signature", file.0.signature.clone()),
                                    format!("malware: {}", file.0.signature),
                                );
                                infected = Some(file.0);
                                Err(told)
                            }
                            Ok(None) => {
                                // Logged before it is shown; a log that cannot take it stops it.
                                let event = Event::ok(Action::ViewAttachment, transaction_id.clone(), Some(service))
                                    .detail(format!("attachment {attachment_id}"));
                                access.record_async(event).await.map_err(plain)?;
                                Ok(bytes)
                            }
                            Err(told) => Err(told),
                        }
                    }
                    Err(told) => Err(told),
                },
            };
            let drawn = match &bytes {
                Ok(bytes) => {
                    let bytes = Arc::clone(bytes);
                    let work = move || {
                        let preview = Preview::open(bytes, &content_type, fit).map_err(plain)?;
                        let pages = preview.pages();
                        Ok((pages, draw(preview, page, fit)))
                    };
                    tokio::task::spawn_blocking(work).await.unwrap_or_else(|e| Err(plain(e)))
                }
                Err(e) => Err(e.clone()),
            };
            let (pages, image) = match drawn {
                Ok((pages, image)) => (pages, image),
                Err(e) => (0, Err(e)),
            };
            Ok(AttachmentView { transaction_id, attachment_id, bytes, page, pages, width: fit.width, image, infected })
        }
    }
}

/// The scanner's verdict on `bytes` of `listed`: `None` when it may be shown (clean, or scanning
/// off by choice), the malware and whether it was found now, or why it was not scanned.
async fn scan(
    scanner: &crate::scan::Scanner,
    listed: Option<&crate::domain::Attachment>,
    bytes: &Arc<Vec<u8>>,
) -> Result<Option<(crate::contract::outbox::LeftOutFile, bool)>, Told> {
    let listed = listed.ok_or_else(|| Told::new(crate::plain::Plain::new("scan-source"), "not in the transaction"))?;
    /// The attachment's bytes, shared with the view rather than copied.
    struct Shared(Arc<Vec<u8>>);
    impl AsRef<[u8]> for Shared {
        fn as_ref(&self) -> &[u8] {
            self.0.as_slice()
        }
    }
    let owned = Shared(Arc::clone(bytes));
    let body = move || {
        futures_util::FutureExt::boxed(async move { Ok(crate::scan::body_of(bytes::Bytes::from_owner(owned))) })
    };
    let checked = scanner.check(&listed.sha256, body).await.map_err(plain)?;
    Ok(match checked.verdict {
        crate::scan::Verdict::Infected { signature } => {
            let file = crate::contract::outbox::LeftOutFile {
                attachment_id: listed.id.clone(),
                filename: listed.filename.clone(),
                signature,
            };
            Some((file, checked.fresh))
        }
        crate::scan::Verdict::Clean | crate::scan::Verdict::Off => None,
    })
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

    #[test]
    fn pixels_are_the_bytes_in_order_across_blocks() {
        // Two and a half blocks, every pixel different, and a stray byte that is not a pixel.
        let count = super::BLOCK * 5 / 8;
        let mut rgba: Vec<u8> = (0..count * 4).map(|i| (i % 251) as u8).collect();
        rgba.push(7);
        let expected: Vec<egui::Color32> =
            rgba.chunks_exact(4).map(|p| egui::Color32::from_rgba_premultiplied(p[0], p[1], p[2], p[3])).collect();
        assert_eq!(super::pixels(rgba), expected);
        assert!(super::pixels(Vec::new()).is_empty());
    }
}
