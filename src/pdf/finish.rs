//! The finishing pass over genpdf's output: names the embedded font subsets, drops faces the
//! document never uses, writes the page footers ("Sivu X / Y"), makes the file PDF/A-2b (XMP
//! identification, sRGB output intent, UTF-16 title) and compresses every stream. The same input
//! always gives the same bytes: dates come from the submission and the document ID from the
//! transaction.

use chrono::{DateTime, Utc};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

use super::layout::{BOTTOM_MARGIN_MM, SIDE_MARGIN_MM};
use super::metadata::{pdf_date, utf16, uuid, xmp};
use super::subset::Subset;

/// The sRGB profile of the output intent.
const SRGB: &[u8] = include_bytes!("../../assets/icc/sRGB.icc");
const PT_PER_MM: f64 = 72.0 / 25.4;
const PAGE_WIDTH_PT: f64 = 595.276;
const FOOTER_SIZE: f64 = 8.0;

/// Why the finishing pass failed.
#[derive(Debug, thiserror::Error)]
pub enum FinishError {
    /// genpdf's output could not be read or the result not written.
    #[error("the PDF could not be processed")]
    Pdf(#[from] lopdf::Error),
    /// Writing the result failed.
    #[error("the finished PDF could not be written")]
    Write(#[from] std::io::Error),
    /// genpdf's output lacks something it always has.
    #[error("the PDF has no {0}")]
    Missing(&'static str),
}

/// One embedded face: its subset, its PDF name and the built-in font that stands in for it in
/// slot mode.
pub struct Face<'a> {
    /// The subset handed to genpdf.
    pub subset: &'a Subset,
    /// PostScript-style name without the subset tag, e.g. `LiberationSans-Bold`.
    pub name: &'static str,
    /// The built-in font name genpdf writes for it in slot mode, e.g. `Helvetica-Bold`.
    pub builtin: &'static [u8],
    /// Whether it is in slot mode (genpdf wrote stand-in codes under `builtin`); otherwise
    /// printpdf embedded it and the pass only names it.
    pub slotted: bool,
}

/// What the finishing pass needs to know.
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
    /// The faces: Liberation Sans regular first (it also sets the footers), then bold, then the
    /// emoji and symbol fallbacks the document uses.
    pub faces: Vec<Face<'a>>,
}

fn tag(data: &[u8]) -> String {
    Sha256::digest(data).iter().take(6).map(|b| char::from(b'A' + b % 26)).collect()
}

/// Renames the embedded fonts and fixes their descriptors; returns the first face's new name.
fn name_fonts(doc: &mut Document, faces: &[&Face<'_>]) -> Result<Option<Vec<u8>>, FinishError> {
    let mut descriptors: Vec<(ObjectId, ObjectId, usize)> = Vec::new(); // descriptor, font file, face
    for (id, object) in &doc.objects {
        let Object::Dictionary(dict) = object else { continue };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"FontDescriptor") {
            continue;
        }
        let Ok(file) = dict.get(b"FontFile2").and_then(Object::as_reference) else { continue };
        let Ok(Object::Stream(stream)) = doc.get_object(file) else { continue };
        if let Some(face) = faces.iter().position(|f| f.subset.data == stream.content) {
            descriptors.push((*id, file, face));
        }
    }
    let mut regular_name = None;
    for (descriptor, _, face) in &descriptors {
        let subset = faces[*face].subset;
        let name = format!("{}+{}", tag(&subset.data), faces[*face].name).into_bytes();
        if *face == 0 {
            regular_name = Some(name.clone());
        }
        let scale = 1000.0 / f64::from(subset.units_per_em.max(1));
        let bbox = subset.bbox.map(|v| Object::Integer((f64::from(v) * scale).round() as i64));
        let dict = doc.get_dictionary_mut(*descriptor)?;
        dict.set("FontName", Object::Name(name.clone()));
        dict.set("FontBBox", Object::Array(bbox.to_vec()));
        for object in doc.objects.values_mut() {
            let Object::Dictionary(font) = object else { continue };
            if font.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0") {
                continue;
            }
            let Ok(Object::Array(descendants)) = font.get_mut(b"DescendantFonts") else { continue };
            let Some(Object::Dictionary(cid)) = descendants.first_mut() else { continue };
            if cid.get(b"FontDescriptor").and_then(Object::as_reference).ok() == Some(*descriptor) {
                cid.set("BaseFont", Object::Name(name.clone()));
                cid.set("CIDToGIDMap", Object::Name(b"Identity".to_vec()));
                font.set("BaseFont", Object::Name(name.clone()));
            }
        }
    }
    Ok(regular_name)
}

fn to_unicode(subset: &Subset) -> Vec<u8> {
    let mut entries: Vec<(u16, char)> = subset.glyphs.iter().map(|(&c, &gid)| (gid, c)).collect();
    entries.sort();
    let mut text = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in entries.chunks(100) {
        text.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (gid, c) in chunk {
            let utf16: String = c.encode_utf16(&mut [0; 2]).iter().map(|u| format!("{u:04X}")).collect();
            text.push_str(&format!("<{gid:04X}> <{utf16}>\n"));
        }
        text.push_str("endbfchar\n");
    }
    text.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    text.into_bytes()
}

/// Builds the Type0 font dictionary (and its parts) that embeds `face`'s subset.
fn type0(doc: &mut Document, face: &Face<'_>) -> (Dictionary, Vec<u8>) {
    let subset = face.subset;
    let name = format!("{}+{}", tag(&subset.data), face.name).into_bytes();
    let scale = 1000.0 / f64::from(subset.units_per_em.max(1));
    let units = |v: i16| Object::Integer((f64::from(v) * scale).round() as i64);
    let mut file = Stream::new(
        Dictionary::from_iter([("Length1", Object::Integer(subset.data.len() as i64))]),
        subset.data.clone(),
    );
    file = file.with_compression(true);
    let file = doc.add_object(file);
    let descriptor = doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"FontDescriptor".to_vec())),
        ("FontName", Object::Name(name.clone())),
        ("Flags", Object::Integer(32)),
        ("FontBBox", Object::Array(subset.bbox.map(units).to_vec())),
        ("ItalicAngle", Object::Integer(0)),
        ("Ascent", units(subset.ascent_descent.0)),
        ("Descent", units(subset.ascent_descent.1)),
        ("CapHeight", units(subset.ascent_descent.0)),
        ("StemV", Object::Integer(80)),
        ("FontFile2", Object::Reference(file)),
    ]));
    let widths: Vec<Object> =
        subset.advances.iter().map(|a| Object::Integer((f64::from(*a) * scale).round() as i64)).collect();
    let cid = Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"CIDFontType2".to_vec())),
        ("BaseFont", Object::Name(name.clone())),
        (
            "CIDSystemInfo",
            Object::Dictionary(Dictionary::from_iter([
                ("Registry", Object::string_literal("Adobe")),
                ("Ordering", Object::string_literal("Identity")),
                ("Supplement", Object::Integer(0)),
            ])),
        ),
        ("FontDescriptor", Object::Reference(descriptor)),
        ("W", Object::Array(vec![Object::Integer(0), Object::Array(widths)])),
        ("CIDToGIDMap", Object::Name(b"Identity".to_vec())),
    ]);
    let cid = doc.add_object(cid);
    let to_unicode = doc.add_object(Stream::new(Dictionary::new(), to_unicode(subset)));
    let font = Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type0".to_vec())),
        ("BaseFont", Object::Name(name.clone())),
        ("Encoding", Object::Name(b"Identity-H".to_vec())),
        ("DescendantFonts", Object::Array(vec![Object::Reference(cid)])),
        ("ToUnicode", Object::Reference(to_unicode)),
    ]);
    (font, name)
}

/// Slot mode: replaces genpdf's built-in stand-in references with the embedded subsets (a face
/// that two stand-ins name is embedded once); returns the first face's name.
fn embed_slot_fonts(doc: &mut Document, faces: &[&Face<'_>]) -> Result<Option<Vec<u8>>, FinishError> {
    let targets: Vec<(ObjectId, usize)> = doc
        .objects
        .iter()
        .filter_map(|(id, object)| {
            let base = object.as_dict().ok()?.get(b"BaseFont").ok()?.as_name().ok()?;
            faces.iter().position(|face| face.builtin == base).map(|face| (*id, face))
        })
        .collect();
    let mut made: Vec<Option<(Dictionary, Vec<u8>)>> = vec![None; faces.len()];
    for (id, face) in targets {
        let (font, _) = match &made[face] {
            Some(done) => done.clone(),
            None => {
                let done = type0(doc, faces[face]);
                made[face] = Some(done.clone());
                done
            }
        };
        doc.objects.insert(id, Object::Dictionary(font));
    }
    Ok(made.into_iter().next().flatten().map(|(_, name)| name))
}

/// Removes fonts no content stream uses (genpdf registers italic faces the layout never sets).
fn drop_unused_fonts(doc: &mut Document, pages: &[ObjectId]) -> Result<(), FinishError> {
    let mut used: Vec<Vec<u8>> = Vec::new();
    for page in pages {
        let content = doc.get_page_content(*page);
        for (name, _) in doc.get_page_fonts(*page)? {
            let mut needle = b"/".to_vec();
            needle.extend_from_slice(&name);
            needle.push(b' ');
            if content.windows(needle.len()).any(|w| w == needle.as_slice()) && !used.contains(&name) {
                used.push(name);
            }
        }
    }
    let keep = |fonts: &mut Dictionary| {
        let unused: Vec<Vec<u8>> = fonts.iter().map(|(k, _)| k.clone()).filter(|k| !used.contains(k)).collect();
        for key in unused {
            fonts.remove(&key);
        }
    };
    // Font resource dictionaries are referenced from, or inline in, resource dictionaries.
    let referenced: Vec<ObjectId> =
        doc.objects.values().filter_map(|o| o.as_dict().ok()?.get(b"Font").ok()?.as_reference().ok()).collect();
    for id in referenced {
        if let Ok(fonts) = doc.get_dictionary_mut(id) {
            keep(fonts);
        }
    }
    for object in doc.objects.values_mut() {
        let Object::Dictionary(dict) = object else { continue };
        if let Ok(Object::Dictionary(fonts)) = dict.get_mut(b"Font") {
            keep(fonts);
        }
        if let Ok(Object::Dictionary(resources)) = dict.get_mut(b"Resources")
            && let Ok(Object::Dictionary(fonts)) = resources.get_mut(b"Font")
        {
            keep(fonts);
        }
    }
    Ok(())
}

fn hex_glyphs(text: &str, subset: &Subset) -> String {
    text.chars().map(|c| format!("{:04X}", subset.glyphs.get(&c).copied().unwrap_or(0))).collect()
}

fn text_width(text: &str, subset: &Subset, size: f64) -> f64 {
    let units: f64 = text
        .chars()
        .map(|c| subset.glyphs.get(&c).and_then(|g| subset.advances.get(*g as usize)).copied().unwrap_or(0))
        .map(f64::from)
        .sum();
    units * size / f64::from(subset.units_per_em.max(1))
}

fn footer(input: &Finish<'_>, subset: &Subset, font: &str, page: usize, pages: usize) -> Vec<u8> {
    let left_x = SIDE_MARGIN_MM * PT_PER_MM;
    let right_edge = PAGE_WIDTH_PT - SIDE_MARGIN_MM * PT_PER_MM;
    let rule_y = (BOTTOM_MARGIN_MM - 6.0) * PT_PER_MM;
    let text_y = (BOTTOM_MARGIN_MM - 11.0) * PT_PER_MM;
    let right = format!("{} {page} / {pages}", input.page_word);
    let right_x = right_edge - text_width(&right, subset, FOOTER_SIZE);
    format!(
        "\nq 0.6 G 0.5 w {left_x:.2} {rule_y:.2} m {right_edge:.2} {rule_y:.2} l S Q\n\
         q 0.3 g BT /{font} {FOOTER_SIZE} Tf 1 0 0 1 {left_x:.2} {text_y:.2} Tm <{}> Tj ET \
         BT /{font} {FOOTER_SIZE} Tf 1 0 0 1 {right_x:.2} {text_y:.2} Tm <{}> Tj ET Q\n",
        hex_glyphs(input.footer_left, subset),
        hex_glyphs(&right, subset),
    )
    .into_bytes()
}

/// Finishes genpdf's `raw` output; returns the archival PDF.
pub fn finish(raw: &[u8], input: &Finish<'_>) -> Result<(Vec<u8>, usize), FinishError> {
    let mut doc = Document::load_mem(raw)?;
    doc.version = "1.7".to_owned();
    let regular = input.faces.first().ok_or(FinishError::Missing("regular face"))?;
    let slotted: Vec<&Face<'_>> = input.faces.iter().filter(|f| f.slotted).collect();
    let embedded: Vec<&Face<'_>> = input.faces.iter().filter(|f| !f.slotted).collect();
    let slot_name = if slotted.is_empty() { None } else { embed_slot_fonts(&mut doc, &slotted)? };
    let embedded_name = if embedded.is_empty() { None } else { name_fonts(&mut doc, &embedded)? };
    let regular_name = (if regular.slotted { slot_name } else { embedded_name })
        .ok_or(FinishError::Missing("embedded regular font"))?;
    let regular = regular.subset;
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    drop_unused_fonts(&mut doc, &pages)?;
    for (index, page) in pages.iter().enumerate() {
        let resource = doc
            .get_page_fonts(*page)?
            .into_iter()
            .find(|(_, font)| font.get(b"BaseFont").and_then(Object::as_name).ok() == Some(regular_name.as_slice()))
            .map(|(name, _)| String::from_utf8_lossy(&name).into_owned())
            .ok_or(FinishError::Missing("regular font on every page"))?;
        doc.add_page_contents(*page, footer(input, regular, &resource, index + 1, pages.len()))?;
    }

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
    let mut metadata = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp(&input.title, input.created, &uuid(&digest[..16])),
    );
    metadata = metadata.with_compression(false);
    let metadata = doc.add_object(metadata);
    let profile = doc.add_object(Stream::new(Dictionary::from_iter([("N", Object::Integer(3))]), SRGB.to_vec()));
    let intent = Dictionary::from_iter([
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        ("OutputConditionIdentifier", Object::string_literal("sRGB IEC61966-2.1")),
        ("Info", Object::string_literal("sRGB IEC61966-2.1")),
        ("DestOutputProfile", Object::Reference(profile)),
    ]);
    let catalog = doc.catalog_mut()?;
    catalog.set("Metadata", Object::Reference(metadata));
    catalog.set("OutputIntents", Object::Array(vec![Object::Dictionary(intent)]));
    catalog.set("Lang", Object::string_literal(input.lang));
    // A viewer's window shows the title (service and transaction id), not the file name.
    catalog.set(
        "ViewerPreferences",
        Object::Dictionary(Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))])),
    );
    doc.trailer.set("Info", Object::Reference(info));
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    doc.prune_objects();
    doc.renumber_objects();
    doc.compress();
    let mut out = Vec::new();
    doc.save_modern(&mut out)?;
    Ok((out, pages.len()))
}
