//! JPEG and PNG attachments decoded with limits, scaled down to a screen-sized raster.

use std::io::Cursor;

use image::{ImageReader, Limits};

use super::{MAX_PIXELS, PreviewError, Raster, check_size};

/// Longest side of an image preview; larger photos are scaled down.
const PREVIEW_SIDE: u32 = 2048;

/// Decodes an image, refusing ones whose declared size is too large before allocating.
pub fn decode_image(bytes: &[u8]) -> Result<Raster, PreviewError> {
    let invalid = |e: image::ImageError| PreviewError::InvalidImage(e.to_string());
    let reader = || {
        ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| PreviewError::InvalidImage(e.to_string()))
    };
    let (width, height) = reader()?.into_dimensions().map_err(invalid)?;
    check_size(u64::from(width), u64::from(height))?;
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4 + 64 * 1024 * 1024);
    let mut reader = reader()?;
    reader.limits(limits);
    let mut decoded = reader.decode().map_err(invalid)?;
    if decoded.width() > PREVIEW_SIDE || decoded.height() > PREVIEW_SIDE {
        decoded = decoded.thumbnail(PREVIEW_SIDE, PREVIEW_SIDE);
    }
    let opaque = !decoded.color().has_alpha();
    let rgba = decoded.into_rgba8();
    let (width, height) = rgba.dimensions();
    let mut data = rgba.into_raw();
    if opaque {
        // A photo has no alpha: premultiplied is what it is.
        return Ok(Raster { width, height, rgba: data });
    }
    // Premultiply, as egui and the PDF previews expect.
    for pixel in data.chunks_exact_mut(4) {
        let alpha = u16::from(pixel[3]);
        for channel in &mut pixel[..3] {
            *channel = ((u16::from(*channel) * alpha + 127) / 255) as u8;
        }
    }
    Ok(Raster { width, height, rgba: data })
}
