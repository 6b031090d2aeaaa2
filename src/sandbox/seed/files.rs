//! Attachment bytes made at start-up: real PDF, JPEG, PNG and DOCX files, so previews, uploads
//! and checksums are tested on the formats citizens really send.

use std::io::{Cursor, Write};

use bytes::Bytes;
use image::{ImageFormat, Rgb, RgbImage};

use crate::sandbox::file_content::FileContent;

use super::rng::SeedRng;
use super::spec::FileKind;

/// Escapes text for a PDF string literal and encodes it as WinAnsi (Latin-1 for Finnish letters).
fn pdf_text(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push(b'\\');
                out.push(c as u8);
            }
            c if (c as u32) < 256 => out.push(c as u32 as u8),
            '–' => out.push(0x96),
            '€' => out.push(0x80),
            _ => out.push(b'?'),
        }
    }
    out
}

/// Writes a PDF from page content streams and optional image XObjects (`(width, height, jpeg)`).
/// The image's pieces are spliced in as they are, not copied (see [`FileContent`]).
fn pdf(pages: &[Vec<u8>], image: Option<(u32, u32, &FileContent)>) -> FileContent {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let page_count = pages.len();
    // 1 catalog, 2 pages, 3 font, 4 image (or a placeholder), 5 info, then per page its content
    // stream (6 + 2i) and the page (7 + 2i).
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: Vec<String> = (0..page_count).map(|i| format!("{} 0 R", 7 + 2 * i)).collect();
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {page_count} >>", kids.join(" ")).into_bytes());
    objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec());
    // The image object's body is written in place below, around the JPEG's pieces.
    objects.push(b"<< >>".to_vec());
    objects.push(b"<< /Producer (Kirjaamo sandbox) >>".to_vec());
    let xobject = if image.is_some() { " /XObject << /Im1 4 0 R >>" } else { "" };
    for (i, content) in pages.iter().enumerate() {
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(content);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >>{xobject} >> /Contents {} 0 R >>",
                6 + 2 * i
            )
            .into_bytes(),
        );
    }
    let mut out = Pieces::default();
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.write(format!("{} 0 obj\n", i + 1).as_bytes());
        match image {
            Some((w, h, jpeg)) if i == 3 => {
                out.write(format!(
                    "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {} >>\nstream\n",
                    jpeg.len()
                ).as_bytes());
                out.splice(jpeg);
                out.write(b"\nendstream");
            }
            _ => out.write(body),
        }
        out.write(b"\nendobj\n");
    }
    let xref = out.len();
    out.write(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.write(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.write(
        format!("trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    out.finish()
}

/// A file written in order: bytes written, and other contents' pieces spliced in between.
#[derive(Default)]
struct Pieces {
    done: Vec<Bytes>,
    current: Vec<u8>,
    len: usize,
}

impl Pieces {
    fn write(&mut self, bytes: &[u8]) {
        self.current.extend_from_slice(bytes);
        self.len += bytes.len();
    }

    fn splice(&mut self, content: &FileContent) {
        self.done.push(Bytes::from(std::mem::take(&mut self.current)));
        self.done.extend(content.parts());
        self.len += content.len();
    }

    fn len(&self) -> usize {
        self.len
    }

    fn finish(mut self) -> FileContent {
        if self.done.is_empty() {
            return FileContent::from(self.current);
        }
        self.done.push(Bytes::from(self.current));
        FileContent::pieces(self.done)
    }
}

/// A text PDF of one to three A4 pages.
fn text_pdf(rng: &mut SeedRng, title: &str, lines: &[&str]) -> FileContent {
    let pages: Vec<Vec<u8>> = (0..rng.range(1, 3))
        .map(|page| {
            let mut content = b"BT /F1 16 Tf 56 780 Td (".to_vec();
            content.extend(pdf_text(title));
            content.extend_from_slice(b") Tj /F1 11 Tf 0 -28 Td 14 TL\n");
            for n in 0..40 {
                content.push(b'(');
                content.extend(pdf_text(lines[(n + page as usize * 7) % lines.len()]));
                content.extend_from_slice(b") '\n");
            }
            content.extend_from_slice(format!("0 -20 Td (Sivu {}) Tj ET", page + 1).as_bytes());
            content
        })
        .collect();
    pdf(&pages, None)
}

fn encode(image: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    // Encoding an in-memory RgbImage cannot fail for these sizes; an empty file would show it.
    if image.write_to(&mut out, format).is_err() {
        return Vec::new();
    }
    out.into_inner()
}

fn drawing(rng: &mut SeedRng) -> RgbImage {
    let mut image = RgbImage::from_pixel(800, 600, Rgb([250, 250, 245]));
    for _ in 0..rng.range(4, 9) {
        let (x0, y0) = (rng.range(20, 600) as u32, rng.range(20, 420) as u32);
        let (w, h) = (rng.range(40, 180) as u32, rng.range(30, 160) as u32);
        let colour = Rgb([rng.range(0, 120) as u8, rng.range(0, 120) as u8, rng.range(60, 200) as u8]);
        for x in x0..(x0 + w).min(799) {
            for y in [y0, (y0 + h).min(599)] {
                image.put_pixel(x, y, colour);
            }
        }
        for y in y0..(y0 + h).min(599) {
            for x in [x0, (x0 + w).min(799)] {
                image.put_pixel(x, y, colour);
            }
        }
    }
    image
}

fn docx(title: &str, paragraphs: &[&str]) -> Vec<u8> {
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let body: String = std::iter::once(title)
        .chain(paragraphs.iter().copied())
        .map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", escape(p)))
        .collect();
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_owned()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_owned()),
        ("word/document.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#)),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in parts {
        // Writing into an in-memory buffer only fails on a zip library bug; the file is then empty.
        if zip.start_file(name, options).and_then(|()| Ok(zip.write_all(text.as_bytes())?)).is_err() {
            return Vec::new();
        }
    }
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}

/// File name extension and MIME type of a kind.
pub fn extension_and_type(kind: FileKind) -> (&'static str, &'static str) {
    match kind {
        FileKind::Pdf | FileKind::ScanPdf => ("pdf", "application/pdf"),
        FileKind::Jpeg | FileKind::LargeJpeg => ("jpg", "image/jpeg"),
        FileKind::Png => ("png", "image/png"),
        FileKind::Docx => ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    }
}

/// Makes the bytes of one attachment. `lines` is text for documents (the service's prose).
pub fn generate(rng: &mut SeedRng, kind: FileKind, title: &str, lines: &[&str]) -> FileContent {
    match kind {
        FileKind::Pdf => text_pdf(rng, title, lines),
        FileKind::ScanPdf => {
            let jpeg = super::photo::noise_jpeg(rng, 1240, 1754);
            let content = b"q 595 0 0 842 0 0 cm /Im1 Do Q".to_vec();
            pdf(&[content], Some((1240, 1754, &jpeg)))
        }
        FileKind::Jpeg => super::photo::noise_jpeg(rng, 1024, 768),
        FileKind::LargeJpeg => super::photo::noise_jpeg(rng, 2400, 1800),
        FileKind::Png => FileContent::from(encode(&drawing(rng), ImageFormat::Png)),
        FileKind::Docx => FileContent::from(docx(title, lines)),
    }
}
