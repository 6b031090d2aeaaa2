//! Citizens' photos for the seed, in their real sizes (a phone's 2400×1800 at quality 92 is
//! megabytes of JPEG) without encoding megapixels at start-up. A baseline JPEG with one restart
//! interval per row of 8×8 blocks lets rows be reused: a few noisy strips are encoded once each,
//! and the scan repeats them down the picture, each row after a restart marker (which resets the
//! DC prediction, so every copy decodes the same). The result is a valid JPEG of the full size, as
//! many bytes as a noisy photo has, made from a thirtieth of the pixels. Deterministic per seed.
//! The photo is kept as pieces pointing into its strips ([`FileContent::Pieces`]), joined only
//! when it is downloaded: kilobytes in memory for megabytes served.

use std::io::Cursor;

use bytes::Bytes;

use crate::sandbox::file_content::FileContent;

use image::{Rgb, RgbImage};

use super::rng::SeedRng;

/// How many distinct strips a photo is made of (its bands of shade from top to bottom).
const STRIPS: u32 = 6;
/// The encoder writes 4:4:4, so a row of blocks is 8 pixels high.
const ROW: u32 = 8;

/// A noisy, shaded photo of `width`×`height` (width a multiple of 8) as JPEG at quality 92.
/// Takes from `rng` what a full-size noise photo did: a tint and a seed for the noise.
pub fn noise_jpeg(rng: &mut SeedRng, width: u32, height: u32) -> FileContent {
    let (r, g, b) = (rng.range(40, 200) as i32, rng.range(40, 200) as i32, rng.range(40, 200) as i32);
    let mut noise = SeedRng::new(rng.next_u64());
    // Each strip's noise has a seed of its own, drawn in order, so the strips can be made on two
    // threads (the sandbox starts on a 2-core machine) and the bytes stay the same.
    let seeds: Vec<u64> = (0..STRIPS).map(|_| noise.next_u64()).collect();
    let strip = |k: u32, seed: u64| {
        let top = k * height / STRIPS;
        let mut noise = SeedRng::new(seed);
        encode(&RgbImage::from_fn(width, ROW, |x, y| {
            let n = (noise.next_u64() % 48) as i32 - 24;
            let shade = ((x * 60 / width.max(1)) + ((top + y) * 90 / height.max(1))) as i32;
            let clamp = |v: i32| v.clamp(0, 255) as u8;
            Rgb([clamp(r + shade + n), clamp(g + shade / 2 + n), clamp(b - shade / 3 + n)])
        }))
    };
    let half = (STRIPS / 2) as usize;
    let (upper, lower) = std::thread::scope(|scope| {
        let lower = scope.spawn(|| (half..STRIPS as usize).map(|k| strip(k as u32, seeds[k])).collect::<Vec<_>>());
        let upper: Vec<Vec<u8>> = (0..half).map(|k| strip(k as u32, seeds[k])).collect();
        // A strip thread that panicked leaves the photo empty, which the tests would show.
        (upper, lower.join().unwrap_or_default())
    });
    let strips: Vec<Bytes> = upper.into_iter().chain(lower).map(Bytes::from).collect();
    if strips.len() != STRIPS as usize {
        return FileContent::from(Vec::new());
    }
    stitch(&strips, width, height).map_or_else(|| FileContent::from(Vec::new()), FileContent::pieces)
}

fn encode(image: &RgbImage) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    // Phone cameras save at high quality, which is what makes citizens' photos large. Encoding an
    // in-memory strip cannot fail; an empty strip would make the photo empty, which a test shows.
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92);
    if encoder.encode_image(image).is_err() {
        return Vec::new();
    }
    out.into_inner()
}

/// Where the scan's entropy-coded data begins and ends in a JPEG the encoder wrote, and where
/// its SOS segment starts: `(sos, data, end)`.
fn scan(jpeg: &[u8]) -> Option<(usize, usize, usize)> {
    let mut at = 2;
    while at + 4 <= jpeg.len() {
        if jpeg[at] != 0xFF {
            return None;
        }
        let length = usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
        if jpeg[at + 1] == 0xDA {
            // The encoder ends the scan with EOI and writes nothing after it.
            return Some((at, at + 2 + length, jpeg.len().checked_sub(2)?));
        }
        at += 2 + length;
    }
    None
}

/// One JPEG of `width`×`height` whose rows of blocks are the strips' scans in turn, top to bottom,
/// as pieces: the header, then each row's restart marker and a strip's scan (shared, not copied).
fn stitch(strips: &[Bytes], width: u32, height: u32) -> Option<Vec<Bytes>> {
    let first = strips.first()?;
    let (sos, data, _) = scan(first)?;
    let mut header = first[..sos].to_vec();
    // The frame header says the full height.
    let sof = header.windows(2).position(|w| w == [0xFF, 0xC0])?;
    header.get_mut(sof + 5..sof + 7)?.copy_from_slice(&u16::try_from(height).ok()?.to_be_bytes());
    // A restart interval of one row of blocks.
    let interval = u16::try_from(width / ROW).ok()?;
    header.extend_from_slice(&[0xFF, 0xDD, 0x00, 0x04]);
    header.extend_from_slice(&interval.to_be_bytes());
    header.extend_from_slice(&first[sos..data]);
    static MARKERS: [[u8; 2]; 8] = [
        [0xFF, 0xD0],
        [0xFF, 0xD1],
        [0xFF, 0xD2],
        [0xFF, 0xD3],
        [0xFF, 0xD4],
        [0xFF, 0xD5],
        [0xFF, 0xD6],
        [0xFF, 0xD7],
    ];
    let scans: Vec<Bytes> =
        strips.iter().map(|s| scan(s).map(|(_, data, end)| s.slice(data..end))).collect::<Option<_>>()?;
    let rows = height.div_ceil(ROW);
    let mut pieces = Vec::with_capacity(2 * rows as usize + 1);
    pieces.push(Bytes::from(header));
    for row in 0..rows {
        if row > 0 {
            pieces.push(Bytes::from_static(&MARKERS[((row - 1) % 8) as usize]));
        }
        pieces.push(scans.get((row * STRIPS / rows) as usize)?.clone());
    }
    pieces.push(Bytes::from_static(&[0xFF, 0xD9]));
    Some(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stitched_photo_decodes_at_its_full_size_is_as_large_as_a_photo_and_repeats_per_seed() {
        for (width, height) in [(1024, 768), (2400, 1800), (1240, 1754)] {
            let jpeg = noise_jpeg(&mut SeedRng::new(7), width, height).bytes();
            let picture = image::load_from_memory_with_format(&jpeg, image::ImageFormat::Jpeg)
                .unwrap_or_else(|e| panic!("{width}×{height} decodes: {e}"))
                .into_rgb8();
            assert_eq!(picture.dimensions(), (width, height));
            // Noise at quality 92: about half a byte a pixel, as a camera's photo of a busy scene
            // (the 2400×1800 one is 2 MB), the same as the full-size noise photo was.
            assert!(jpeg.len() as u32 * 5 > width * height * 2, "{width}×{height}: {} bytes", jpeg.len());
            // The bands of shade run from top to bottom: the last row is not the first.
            assert_ne!(picture.get_pixel(width / 2, 0), picture.get_pixel(width / 2, height - 1));
            assert_eq!(jpeg, noise_jpeg(&mut SeedRng::new(7), width, height).bytes(), "the same seed, the same bytes");
        }
        let photo = |seed| noise_jpeg(&mut SeedRng::new(seed), 1024, 768).bytes();
        assert_ne!(photo(7), photo(8));
    }
}
