//! PDF pages rasterised with hayro, cached per page and width.

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::{LoadPdfError, Pdf};
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};

use super::{Fit, PreviewError, Raster, check_size};

/// Rendered pages kept per document.
const CACHED_PAGES: usize = 8;

/// An open PDF whose pages can be drawn at any width.
pub struct PdfPreview {
    pdf: Pdf,
    cache: VecDeque<((usize, u32), Arc<Raster>)>,
}

impl PdfPreview {
    /// Parses the PDF; a damaged or encrypted file is an error.
    pub fn open(bytes: Arc<Vec<u8>>) -> Result<Self, PreviewError> {
        let parsed = catch_unwind(AssertUnwindSafe(|| Pdf::new(bytes))).map_err(|_panic| PreviewError::InvalidPdf)?;
        let pdf = parsed.map_err(|e| match e {
            LoadPdfError::Decryption(_) => PreviewError::Encrypted,
            LoadPdfError::Invalid => PreviewError::InvalidPdf,
        })?;
        if pdf.pages().is_empty() {
            return Err(PreviewError::InvalidPdf);
        }
        Ok(Self { pdf, cache: VecDeque::new() })
    }

    /// Number of pages.
    pub fn pages(&self) -> usize {
        self.pdf.pages().len()
    }

    /// Size of page `page` (from 1) in points.
    pub fn page_size(&self, page: usize) -> Result<(f32, f32), PreviewError> {
        let pages = self.pdf.pages();
        let found = page.checked_sub(1).and_then(|i| pages.get(i));
        found
            .map(hayro::hayro_syntax::page::Page::render_dimensions)
            .ok_or(PreviewError::NoSuchPage { page, pages: pages.len() })
    }

    /// Draws page `page` (from 1) as wide as `fit` asks, or narrower when its height would pass
    /// `fit`'s longest side (a long receipt, or a wide zoom on a small screen's graphics).
    pub fn render_fit(&mut self, page: usize, fit: Fit) -> Result<Arc<Raster>, PreviewError> {
        let (page_width, page_height) = self.page_size(page)?;
        let side = fit.max_side.max(1);
        let mut width = fit.width.min(side);
        if page_width >= 1.0 && page_height * width as f32 / page_width > side as f32 {
            width = ((side as f32 * page_width / page_height).floor() as u32).max(1);
        }
        self.render(page, width)
    }

    /// Draws page `page` (from 1) `width` pixels wide on white, from the cache when it was drawn before.
    pub fn render(&mut self, page: usize, width: u32) -> Result<Arc<Raster>, PreviewError> {
        if let Some((_, raster)) = self.cache.iter().find(|(key, _)| *key == (page, width)) {
            return Ok(Arc::clone(raster));
        }
        let (page_width, page_height) = self.page_size(page)?;
        if !(page_width.is_finite() && page_height.is_finite()) || page_width < 1.0 || page_height < 1.0 {
            return Err(PreviewError::RenderFailed);
        }
        let scale = width as f32 / page_width;
        let height = (page_height * scale).ceil() as u64;
        check_size(u64::from(width), height)?;
        let pages = self.pdf.pages();
        let target = pages.get(page - 1).ok_or(PreviewError::NoSuchPage { page, pages: pages.len() })?;
        let settings = PixmapSettings { x_scale: scale, y_scale: scale, bg_color: WHITE };
        let drawn = catch_unwind(AssertUnwindSafe(|| {
            let cache = RenderCache::new();
            let pixmap =
                hayro::render(target, &cache, &InterpreterSettings::default(), &RenderSettings::default(), &settings);
            let (w, h) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
            // The pixmap's own buffer becomes the raster's, premultiplied as it is: no copy.
            let rgba = pixmap.take_rgba8(hayro::vello_cpu::peniko::ImageAlphaType::AlphaPremultiplied);
            Raster { width: w, height: h, rgba }
        }))
        .map_err(|_panic| PreviewError::RenderFailed)?;
        let raster = Arc::new(drawn);
        if self.cache.len() == CACHED_PAGES {
            self.cache.pop_front();
        }
        self.cache.push_back(((page, width), Arc::clone(&raster)));
        Ok(raster)
    }
}
