//! Raster previews of the form PDF and of attachments (PDF, JPEG, PNG) for the clerk's screen.
//!
//! Everything here is CPU work for a worker thread. Results are premultiplied RGBA, ready for
//! `egui::ColorImage::from_rgba_premultiplied`. Bad input (corrupt, truncated, encrypted or
//! enormous files) gives a [`PreviewError`], never a panic or an unbounded allocation.

mod image_preview;
mod pdf_preview;

use std::sync::Arc;

pub use image_preview::decode_image;
pub use pdf_preview::PdfPreview;

/// Largest raster a preview may produce, in pixels (about 160 MB of RGBA).
pub const MAX_PIXELS: u64 = 40_000_000;
/// Longest side of a raster, in pixels.
pub const MAX_SIDE: u32 = 16_384;

/// How large a preview is drawn: `width` pixels wide (as wide as it is shown), and no side longer
/// than `max_side` (the largest texture the screen's graphics take), the page or image scaled
/// down to fit when it would be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// The width in pixels.
    pub width: u32,
    /// The longest side allowed, in pixels.
    pub max_side: u32,
}

impl Fit {
    /// `width` pixels wide, within `max_side`.
    pub fn new(width: u32, max_side: u32) -> Self {
        Self { width, max_side }
    }
}

/// One rendered page or image.
#[derive(Clone, PartialEq, Eq)]
pub struct Raster {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Premultiplied RGBA, row by row.
    pub rgba: Vec<u8>,
}

impl std::fmt::Debug for Raster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Raster({}×{})", self.width, self.height)
    }
}

/// Why a preview could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PreviewError {
    /// The PDF could not be read.
    #[error("the PDF file is damaged or not a PDF")]
    InvalidPdf,
    /// The PDF is password-protected.
    #[error("the PDF is password-protected and cannot be previewed")]
    Encrypted,
    /// The document has no such page.
    #[error("the document has no page {page} (it has {pages})")]
    NoSuchPage {
        /// The page asked for, from 1.
        page: usize,
        /// Pages in the document.
        pages: usize,
    },
    /// The result would be too large to show.
    #[error("the page or image is too large to preview ({width}×{height} pixels)")]
    TooLarge {
        /// Width it would have.
        width: u64,
        /// Height it would have.
        height: u64,
    },
    /// The image could not be decoded.
    #[error("the image could not be read: {0}")]
    InvalidImage(String),
    /// The file type has no preview.
    #[error("files of type {0} cannot be previewed; save a copy or open it with another program")]
    Unsupported(String),
    /// The renderer failed on this file.
    #[error("the page could not be drawn")]
    RenderFailed,
}

/// Checks a raster size against [`MAX_PIXELS`] and [`MAX_SIDE`].
pub fn check_size(width: u64, height: u64) -> Result<(u32, u32), PreviewError> {
    let too_large = || PreviewError::TooLarge { width, height };
    if width == 0 || height == 0 || width > u64::from(MAX_SIDE) || height > u64::from(MAX_SIDE) {
        return Err(too_large());
    }
    if width * height > MAX_PIXELS {
        return Err(too_large());
    }
    Ok((width as u32, height as u32))
}

/// A preview of any supported file: PDFs page by page, images whole.
pub enum Preview {
    /// A PDF with its page cache.
    Pdf(PdfPreview),
    /// A decoded image.
    Image(Arc<Raster>),
}

/// Whether files of this MIME type have a preview (PDF, JPEG, PNG).
pub fn previewable(content_type: &str) -> bool {
    matches!(essence(content_type), "application/pdf" | "image/jpeg" | "image/png")
}

/// The MIME type without its parameters.
fn essence(content_type: &str) -> &str {
    content_type.split(';').next().unwrap_or_default().trim()
}

impl Preview {
    /// Opens `bytes` of the given MIME type for preview; an image is decoded at once, scaled down
    /// to `fit` (a PDF's pages are drawn as asked for each).
    pub fn open(bytes: Arc<Vec<u8>>, content_type: &str, fit: Fit) -> Result<Self, PreviewError> {
        match essence(content_type) {
            "application/pdf" => PdfPreview::open(bytes).map(Self::Pdf),
            "image/jpeg" | "image/png" => decode_image(&bytes, fit).map(|r| Self::Image(Arc::new(r))),
            other => Err(PreviewError::Unsupported(other.to_owned())),
        }
    }

    /// Number of pages (1 for an image).
    pub fn pages(&self) -> usize {
        match self {
            Self::Pdf(pdf) => pdf.pages(),
            Self::Image(_) => 1,
        }
    }
}

impl crate::plain::Explain for PreviewError {
    fn plain(&self) -> crate::plain::Plain {
        use crate::plain::Plain;
        match self {
            Self::InvalidPdf => Plain::new("preview-invalid-pdf"),
            Self::Encrypted => Plain::new("preview-encrypted"),
            Self::NoSuchPage { page, pages } => {
                Plain::new("preview-no-such-page").number("page", *page).number("pages", *pages)
            }
            Self::TooLarge { .. } => Plain::new("preview-too-large"),
            Self::InvalidImage(_) => Plain::new("preview-invalid-image"),
            Self::Unsupported(kind) => Plain::new("preview-unsupported").text("kind", kind.clone()),
            Self::RenderFailed => Plain::new("preview-render-failed"),
        }
    }
}
