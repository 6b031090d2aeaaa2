//! JPEG and PNG attachments decoded with limits, scaled down to the width they are shown at.

use std::io::Cursor;

use image::{DynamicImage, GrayImage, ImageReader, Limits, RgbImage};

use super::{Fit, MAX_PIXELS, MAX_SIDE, PreviewError, Raster, check_size};

/// Decodes an image, refusing ones whose declared size is too large before allocating, and
/// scales it down to at most `fit`'s width and twice that high, within its longest side (never
/// up): a phone's 2400×1800 photo shown 1000 px wide is 3 MB of pixels instead of 17.
pub fn decode_image(bytes: &[u8], fit: Fit) -> Result<Raster, PreviewError> {
    let invalid = |e: image::ImageError| PreviewError::InvalidImage(e.to_string());
    let reader = || {
        ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| PreviewError::InvalidImage(e.to_string()))
    };
    let (width, height) = reader()?.into_dimensions().map_err(invalid)?;
    check_size(u64::from(width), u64::from(height))?;
    let side = fit.max_side.clamp(1, MAX_SIDE);
    let (max_width, max_height) = (fit.width.clamp(1, side), fit.width.saturating_mul(2).clamp(1, side));
    let jpeg = reader()?.format() == Some(image::ImageFormat::Jpeg);
    let scaled = if jpeg { scaled_jpeg(bytes, (width, height), (max_width, max_height)) } else { None };
    let mut decoded = match scaled {
        Some(decoded) => decoded,
        None => {
            let mut limits = Limits::default();
            limits.max_alloc = Some(MAX_PIXELS * 4 + 64 * 1024 * 1024);
            let mut reader = reader()?;
            reader.limits(limits);
            reader.decode().map_err(invalid)?
        }
    };
    if decoded.width() > max_width || decoded.height() > max_height {
        // Scaled while still RGB: the full-size RGBA copy is never made.
        decoded = decoded.thumbnail(max_width, max_height);
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

/// A large JPEG decoded straight at a fraction of its size (1/2, 1/4 or 1/8, in the inverse DCT,
/// the smallest still at least as large as shown): a 2400×1800 photo shown 1200 px wide never
/// exists at its full 13 MB. `None` when it needs no scaling or this decoder cannot read it
/// (CMYK, damaged): then the full decode is used, and says what is wrong.
fn scaled_jpeg(bytes: &[u8], (width, height): (u32, u32), (max_width, max_height): (u32, u32)) -> Option<DynamicImage> {
    if width <= max_width && height <= max_height {
        return None;
    }
    let ratio = f64::min(f64::from(max_width) / f64::from(width), f64::from(max_height) / f64::from(height));
    let wanted = |side: u32| u16::try_from((f64::from(side) * ratio).ceil() as u32).ok();
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.set_max_decoding_buffer_size(usize::try_from(MAX_PIXELS * 4).ok()?);
    decoder.read_info().ok()?;
    decoder.scale(wanted(width)?, wanted(height)?).ok()?;
    let pixels = decoder.decode().ok()?;
    let info = decoder.info()?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => RgbImage::from_raw(w, h, pixels).map(DynamicImage::ImageRgb8),
        jpeg_decoder::PixelFormat::L8 => GrayImage::from_raw(w, h, pixels).map(DynamicImage::ImageLuma8),
        _ => None,
    }
}
