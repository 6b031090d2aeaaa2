//! Previews of the form PDF and of attachments, and what happens with bad files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::path::Path;
use std::sync::Arc;

use kirjaamo::domain::Transaction;
use kirjaamo::preview::{Fit, PdfPreview, Preview, PreviewError, decode_image};

fn form_pdf() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pdf_corpus/21-page-boundaries.json");
    let transaction: Transaction = serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
    kirjaamo::pdf::render(&transaction).expect("render").bytes
}

fn dark_pixels(rgba: &[u8]) -> usize {
    rgba.chunks_exact(4).filter(|p| p[0] < 128 && p[3] == 255).count()
}

#[test]
fn form_pages_render_at_the_asked_width_with_text_on_them() {
    let mut preview = PdfPreview::open(Arc::new(form_pdf())).expect("opens");
    assert!(preview.pages() >= 2);
    let first = preview.render(1, 1000).expect("page 1");
    assert_eq!(first.width, 1000);
    assert_eq!(first.height, 1414, "A4 at 1000 px wide");
    assert_eq!(first.rgba.len(), 1000 * 1414 * 4);
    assert!(dark_pixels(&first.rgba) > 10_000, "text is drawn");
    let again = preview.render(1, 1000).expect("cached");
    assert!(Arc::ptr_eq(&first, &again), "the second request comes from the cache");
    let last = preview.render(preview.pages(), 500).expect("last page");
    assert_eq!(last.width, 500);
    assert_eq!(preview.render(99, 500).unwrap_err(), PreviewError::NoSuchPage { page: 99, pages: preview.pages() });
    assert!(matches!(preview.render(0, 500), Err(PreviewError::NoSuchPage { .. })));
}

#[test]
fn damaged_and_truncated_pdfs_are_errors_not_panics() {
    assert_eq!(PdfPreview::open(Arc::new(b"not a pdf at all".to_vec())).err(), Some(PreviewError::InvalidPdf));
    assert_eq!(PdfPreview::open(Arc::new(Vec::new())).err(), Some(PreviewError::InvalidPdf));
    let pdf = form_pdf();
    for cut in [pdf.len() / 10, pdf.len() / 2, pdf.len() - 20] {
        // A truncated file either fails to open or renders what survives; it never panics.
        if let Ok(mut preview) = PdfPreview::open(Arc::new(pdf[..cut].to_vec())) {
            for page in 1..=preview.pages() {
                let _ = preview.render(page, 300);
            }
        }
    }
    let mut garbled = pdf.clone();
    for i in (200..garbled.len()).step_by(97) {
        garbled[i] ^= 0x5A;
    }
    if let Ok(mut preview) = PdfPreview::open(Arc::new(garbled)) {
        let _ = preview.render(1, 300);
    }
}

#[test]
fn an_encrypted_pdf_is_reported_as_such() {
    let mut doc = lopdf::Document::load_mem(&form_pdf()).expect("lopdf reads the form");
    let version = lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "omistaja",
        user_password: "salasana",
        key_length: 128,
        permissions: lopdf::Permissions::default(),
    };
    let state = lopdf::EncryptionState::try_from(version).expect("an RC4 128-bit security handler");
    doc.encrypt(&state).expect("encrypts");
    let mut locked = Vec::new();
    doc.save_to(&mut locked).expect("written");
    assert!(String::from_utf8_lossy(&locked).contains("/Encrypt"), "the file is encrypted");
    assert_eq!(PdfPreview::open(Arc::new(locked)).err(), Some(PreviewError::Encrypted));
}

#[test]
fn an_enormous_page_is_refused_before_drawing() {
    let huge = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 10 14400] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    let mut preview = PdfPreview::open(Arc::new(huge.to_vec())).expect("opens");
    assert!(matches!(preview.render(1, 1000), Err(PreviewError::TooLarge { .. })));
}

#[test]
fn a_page_is_drawn_narrower_when_its_height_would_pass_the_longest_texture_side() {
    let mut preview = PdfPreview::open(Arc::new(form_pdf())).expect("opens");
    let raster = preview.render_fit(1, Fit::new(1600, 2048)).expect("draws");
    assert!(raster.height <= 2048 && raster.height >= 2040, "{raster:?}");
    assert!(raster.width < 1600 && raster.width > 1400, "A4 is 1:1.414: {raster:?}");
    let raster = preview.render_fit(1, Fit::new(1000, 2048)).expect("draws");
    assert_eq!(raster.width, 1000, "within the side, as wide as asked");
}

#[test]
fn images_decode_scaled_and_premultiplied_and_bad_ones_are_errors() {
    let photo = image::RgbImage::from_fn(3000, 2000, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
    let mut jpeg = std::io::Cursor::new(Vec::new());
    photo.write_to(&mut jpeg, image::ImageFormat::Jpeg).expect("encode");
    let raster = decode_image(jpeg.get_ref(), Fit::new(1000, 8192)).expect("decodes");
    assert_eq!((raster.width, raster.height), (1000, 667), "scaled to the width it is shown at");
    assert!(raster.rgba.chunks_exact(4).all(|p| p[3] == 255));
    // Zoomed in, the same photo is drawn wider, never wider than it is.
    assert_eq!(decode_image(jpeg.get_ref(), Fit::new(2400, 8192)).map(|r| (r.width, r.height)), Ok((2400, 1600)));
    assert_eq!(decode_image(jpeg.get_ref(), Fit::new(4000, 8192)).map(|r| (r.width, r.height)), Ok((3000, 2000)));
    // Never past the longest texture side the screen's graphics take.
    assert_eq!(decode_image(jpeg.get_ref(), Fit::new(2400, 2048)).map(|r| (r.width, r.height)), Ok((2048, 1365)));
    // A tall, narrow image (a phone's screenshot) is held to twice the width in height.
    let tall = image::RgbImage::from_pixel(600, 3000, image::Rgb([1, 2, 3]));
    let mut tall_png = std::io::Cursor::new(Vec::new());
    tall.write_to(&mut tall_png, image::ImageFormat::Png).expect("encode");
    assert_eq!(decode_image(tall_png.get_ref(), Fit::new(1000, 8192)).map(|r| (r.width, r.height)), Ok((400, 2000)));

    let half_transparent = image::RgbaImage::from_pixel(4, 4, image::Rgba([200, 100, 50, 128]));
    let mut png = std::io::Cursor::new(Vec::new());
    half_transparent.write_to(&mut png, image::ImageFormat::Png).expect("encode");
    let raster = decode_image(png.get_ref(), Fit::new(1000, 8192)).expect("decodes");
    assert_eq!(&raster.rgba[..4], &[100, 50, 25, 128], "premultiplied");

    let truncated = &jpeg.get_ref()[..jpeg.get_ref().len() / 3];
    // A cut-off photo is an error or a partly grey picture, never a panic.
    if let Ok(partial) = decode_image(truncated, Fit::new(1000, 8192)) {
        assert_eq!((partial.width, partial.height), (1000, 667));
    }
    assert!(matches!(decode_image(b"GIF89a nonsense", Fit::new(1000, 8192)), Err(PreviewError::InvalidImage(_))));
    // A PNG header that claims 100,000 × 100,000 pixels is refused before any allocation.
    let mut bomb = png.get_ref().clone();
    bomb[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    assert!(matches!(
        decode_image(&bomb, Fit::new(1000, 8192)),
        Err(PreviewError::TooLarge { .. } | PreviewError::InvalidImage(_))
    ));
}

#[test]
fn previews_open_by_content_type() {
    let preview = Preview::open(Arc::new(form_pdf()), "application/pdf", Fit::new(1000, 8192)).expect("pdf");
    assert!(preview.pages() >= 2);
    let docx = Preview::open(
        Arc::new(vec![1, 2, 3]),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Fit::new(1000, 8192),
    );
    assert!(matches!(docx, Err(PreviewError::Unsupported(_))));
}
