//! The PDF file: content streams of shaped glyphs, each line a marked-content sequence of its
//! structure element, page footers ("Sivu X / Y") as pagination artefacts, the fonts subset to the
//! glyphs drawn, the structure tree, and the archival identification (PDF/A-2a and PDF/UA-1: XMP,
//! sRGB output intent, UTF-16 title, `/Lang`, `/MarkInfo`). The same input always gives the same
//! bytes: dates come from the submission and the document ID from the transaction.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

use super::fonts::FontSet;
use super::layout::{BOTTOM_MARGIN_MM, Laid, Line, PAGE_HEIGHT_PT, PAGE_WIDTH_PT, PT_PER_MM, SIDE_MARGIN_MM};
use super::metadata::{pdf_date, utf16, uuid, xmp};
use super::ops::{TextObject, num};
use super::shape::Shaper;
use super::subset::SubsetError;

/// The sRGB profile of the output intent.
const SRGB: &[u8] = include_bytes!("../../assets/icc/sRGB.icc");
const FOOTER_SIZE: f64 = 8.0;

/// Why the file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum FinishError {
    /// The PDF could not be written.
    #[error("the PDF could not be written")]
    Pdf(#[from] lopdf::Error),
    /// Writing the result failed.
    #[error("the finished PDF could not be written")]
    Write(#[from] std::io::Error),
    /// A font could not be subset.
    #[error("a font could not be embedded")]
    Font(#[from] SubsetError),
}

/// What the file needs besides the laid-out pages.
pub struct Finish<'a> {
    /// Title for the Info dictionary and XMP.
    pub title: String,
    /// Language tag of the document, e.g. `fi-FI`.
    pub lang: &'static str,
    /// Creation date (the submission time).
    pub created: DateTime<Utc>,
    /// Seed of the document ID (the transaction's bytes).
    pub id_seed: &'a [u8],
    /// Left footer text (the transaction id).
    pub footer_left: &'a str,
    /// "Sivu" or "Sida".
    pub page_word: &'a str,
}

/// The footer of page `page` of `pages`: a rule, the transaction id and "Sivu X / Y".
fn footer(out: &mut String, fonts: &mut FontSet, shaper: &Shaper, input: &Finish<'_>, page: usize, pages: usize) {
    let left_x = SIDE_MARGIN_MM * PT_PER_MM;
    let right_edge = PAGE_WIDTH_PT - SIDE_MARGIN_MM * PT_PER_MM;
    let rule_y = (BOTTOM_MARGIN_MM - 6.0) * PT_PER_MM;
    let text_y = (BOTTOM_MARGIN_MM - 11.0) * PT_PER_MM;
    let right = format!("{} {page} / {pages}", input.page_word);
    let right_x = right_edge - shaper.width(&right, false) * FOOTER_SIZE;
    out.push_str("/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n");
    let _ = writeln!(out, "q 0.6 G 0.5 w {} {} m {} {} l S Q", num(left_x), num(rule_y), num(right_edge), num(rule_y));
    out.push_str("q 0.3 g\n");
    let mut text = TextObject::begin(out, fonts);
    text.show(&shaper.line(input.footer_left, false), left_x, text_y, FOOTER_SIZE);
    text.show(&shaper.line(&right, false), right_x, text_y, FOOTER_SIZE);
    text.end();
    out.push_str("Q\nEMC\n");
}

/// The content stream of one page: one marked-content sequence for each run of lines of one
/// structure element, recorded in the tree.
fn content(lines: &[Line], page: usize, laid: &mut Laid, fonts: &mut FontSet) -> String {
    let mut out = String::new();
    let mut text = TextObject::begin(&mut out, fonts);
    let mut open: Option<usize> = None;
    let mut mcid = 0u32;
    for line in lines {
        if open != Some(line.elem) {
            if open.is_some() {
                text.raw("EMC\n");
            }
            laid.tree.mark(line.elem, page, mcid);
            text.raw(&format!("/{} <</MCID {mcid}>> BDC\n", laid.tree.kind(line.elem).tag()));
            mcid += 1;
            open = Some(line.elem);
        }
        text.show(&line.glyphs, line.x, line.baseline, line.size);
    }
    if open.is_some() {
        text.raw("EMC\n");
    }
    text.end();
    out
}

/// Writes `laid` as the archival, tagged PDF; returns its bytes and page count.
pub fn finish(mut laid: Laid, shaper: &Shaper, input: &Finish<'_>) -> Result<(Vec<u8>, usize), FinishError> {
    let mut doc = Document::with_version("1.7");
    let mut fonts = FontSet::default();
    let pages_id = doc.new_object_id();
    let page_lines = std::mem::take(&mut laid.pages);
    let count = page_lines.len();
    let mut streams = Vec::with_capacity(count);
    for (index, lines) in page_lines.iter().enumerate() {
        let mut text = content(lines, index, &mut laid, &mut fonts);
        footer(&mut text, &mut fonts, shaper, input, index + 1, count);
        streams.push(text);
    }
    let font_resources = fonts.embed(&mut doc)?;
    let resources = doc.add_object(Dictionary::from_iter([("Font", Object::Dictionary(font_resources))]));
    let mut page_ids: Vec<ObjectId> = Vec::with_capacity(count);
    for (index, text) in streams.into_iter().enumerate() {
        let contents = doc.add_object(Stream::new(Dictionary::new(), text.into_bytes()));
        let media = [0.0, 0.0, PAGE_WIDTH_PT, PAGE_HEIGHT_PT].map(|v| Object::Real(v as f32)).to_vec();
        page_ids.push(doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Page".to_vec())),
            ("Parent", Object::Reference(pages_id)),
            ("MediaBox", Object::Array(media)),
            ("Resources", Object::Reference(resources)),
            ("Contents", Object::Reference(contents)),
            ("StructParents", Object::Integer(index as i64)),
            ("Tabs", Object::Name(b"S".to_vec())),
        ])));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", Object::Array(page_ids.iter().map(|id| Object::Reference(*id)).collect())),
            ("Count", Object::Integer(count as i64)),
        ])),
    );
    let struct_root = laid.tree.write(&mut doc, &page_ids);

    let digest = Sha256::digest(input.id_seed);
    let id = Object::String(digest[..16].to_vec(), StringFormat::Hexadecimal);
    let date = Object::String(pdf_date(input.created).into_bytes(), StringFormat::Literal);
    let info = doc.add_object(Dictionary::from_iter([
        ("Title", utf16(&input.title)),
        ("Producer", Object::string_literal("Kirjaamo")),
        ("Creator", Object::string_literal("Kirjaamo")),
        ("CreationDate", date.clone()),
        ("ModDate", date),
    ]));
    let metadata = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        // PDF/A-2a and PDF/UA-1 ask every glyph for its Unicode text; a document with a glyph
        // that has none (an Arabic vowel mark, drawn in a cluster whose text its letter carries)
        // is identified as what it then honestly is, PDF/A-2b, tagged all the same.
        xmp(&input.title, input.lang, input.created, &uuid(&digest[..16]), fonts.all_mapped()),
    )
    .with_compression(false);
    let metadata = doc.add_object(metadata);
    let profile = doc.add_object(Stream::new(Dictionary::from_iter([("N", Object::Integer(3))]), SRGB.to_vec()));
    let intent = Dictionary::from_iter([
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        ("OutputConditionIdentifier", Object::string_literal("sRGB IEC61966-2.1")),
        ("Info", Object::string_literal("sRGB IEC61966-2.1")),
        ("DestOutputProfile", Object::Reference(profile)),
    ]);
    let catalog = doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", Object::Reference(pages_id)),
        ("StructTreeRoot", Object::Reference(struct_root)),
        ("MarkInfo", Object::Dictionary(Dictionary::from_iter([("Marked", Object::Boolean(true))]))),
        ("Lang", Object::string_literal(input.lang)),
        ("Metadata", Object::Reference(metadata)),
        ("OutputIntents", Object::Array(vec![Object::Dictionary(intent)])),
        // A viewer's window shows the title (service and transaction id), not the file name.
        ("ViewerPreferences", Object::Dictionary(Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]))),
    ]));
    doc.trailer.set("Root", Object::Reference(catalog));
    doc.trailer.set("Info", Object::Reference(info));
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    doc.renumber_objects();
    doc.compress();
    let mut out = Vec::new();
    // Object streams of up to 1,000 objects compress the structure tree's hundreds of elements
    // together.
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .max_objects_per_stream(1000)
        .compression_level(9)
        .build();
    doc.save_with_options(&mut out, options)?;
    Ok((super::xref::compress_xref(out), count))
}
