//! The embedded fonts: each face the document uses becomes a Type0 font over a subset of exactly
//! the glyphs it draws. A CID stands for one glyph with one text, so the `ToUnicode` map is exact
//! even where one glyph is drawn for several texts (its outline is then embedded twice, which is
//! rare and small) or one text takes several glyphs (the text goes on one of them).

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use sha2::{Digest, Sha256};

use super::faces::FaceId;
use super::shape::Glyph;
use super::subset::{Subset, SubsetError, subset_glyphs};

/// The glyphs one face draws, each with its text, numbered from 1 in the order of first use.
#[derive(Default)]
struct Used {
    cids: BTreeMap<(u16, String), u16>,
    order: Vec<(u16, String)>,
}

/// The glyphs the document draws, face by face.
#[derive(Default)]
pub struct FontSet {
    used: BTreeMap<FaceId, Used>,
}

impl FontSet {
    /// The CID that draws `glyph` with its text, given on first use.
    pub fn cid(&mut self, glyph: &Glyph) -> u16 {
        let used = self.used.entry(glyph.face).or_default();
        let key = (glyph.gid, glyph.text.clone());
        if let Some(cid) = used.cids.get(&key) {
            return *cid;
        }
        used.order.push(key.clone());
        let cid = u16::try_from(used.order.len()).unwrap_or(u16::MAX);
        used.cids.insert(key, cid);
        cid
    }

    /// Whether every glyph drawn maps to Unicode text (PDF/A-2a, PDF/UA-1). A glyph without text
    /// is a mark or a second glyph of a right-to-left cluster whose text another glyph carries.
    pub fn all_mapped(&self) -> bool {
        self.used.values().all(|u| u.order.iter().all(|(_, text)| !text.is_empty()))
    }

    /// The PDF resource name of `face`.
    pub fn resource(face: FaceId) -> String {
        format!("F{}", face.index())
    }

    /// Embeds the faces used into `doc`; returns the font resource dictionary.
    pub fn embed(&self, doc: &mut Document) -> Result<Dictionary, SubsetError> {
        let mut resources = Dictionary::new();
        for (face, used) in &self.used {
            let gids: Vec<u16> = used.order.iter().map(|(gid, _)| *gid).collect();
            let subset = subset_glyphs(face.data(), &gids)?;
            let font = type0(doc, *face, &subset, &used.order);
            resources.set(Self::resource(*face), Object::Reference(font));
        }
        Ok(resources)
    }
}

/// The subset tag: six letters from the subset's bytes, so that the same glyphs get the same tag.
fn tag(data: &[u8]) -> String {
    Sha256::digest(data).iter().take(6).map(|b| char::from(b'A' + b % 26)).collect()
}

/// The `ToUnicode` CMap: CID `i + 1` gives the text of `order[i]`; glyphs without text (marks
/// and the other glyphs of a cluster whose text another carries) give none.
fn to_unicode(order: &[(u16, String)]) -> Vec<u8> {
    let entries: Vec<(usize, &str)> = order
        .iter()
        .enumerate()
        .filter(|(_, (_, text))| !text.is_empty())
        .map(|(i, (_, t))| (i + 1, t.as_str()))
        .collect();
    let mut text = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in entries.chunks(100) {
        text.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (cid, unicode) in chunk {
            let utf16: String = unicode.encode_utf16().map(|u| format!("{u:04X}")).collect();
            text.push_str(&format!("<{cid:04X}> <{utf16}>\n"));
        }
        text.push_str("endbfchar\n");
    }
    text.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    text.into_bytes()
}

/// Adds the Type0 font (and its parts) that embeds `subset` of `face`; returns its object.
fn type0(doc: &mut Document, face: FaceId, subset: &Subset, order: &[(u16, String)]) -> ObjectId {
    let name = format!("{}+{}", tag(&subset.data), face.name()).into_bytes();
    let scale = 1000.0 / f64::from(subset.units_per_em.max(1));
    let units = |v: i16| Object::Integer((f64::from(v) * scale).round() as i64);
    let file = Stream::new(
        Dictionary::from_iter([("Length1", Object::Integer(subset.data.len() as i64))]),
        subset.data.clone(),
    )
    .with_compression(true);
    let file = doc.add_object(file);
    let descriptor = doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"FontDescriptor".to_vec())),
        ("FontName", Object::Name(name.clone())),
        ("Flags", Object::Integer(4)),
        ("FontBBox", Object::Array(subset.bbox.map(units).to_vec())),
        ("ItalicAngle", Object::Integer(0)),
        ("Ascent", units(subset.ascent_descent.0)),
        ("Descent", units(subset.ascent_descent.1)),
        ("CapHeight", units(subset.ascent_descent.0)),
        ("StemV", Object::Integer(80)),
        ("FontFile2", Object::Reference(file)),
    ]));
    // The widths of CIDs 1..=n, the glyphs drawn (composite parts after them are never drawn).
    let widths: Vec<Object> = subset
        .advances
        .iter()
        .skip(1)
        .take(order.len())
        .map(|a| Object::Integer((f64::from(*a) * scale).round() as i64))
        .collect();
    let cid = doc.add_object(Dictionary::from_iter([
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
        ("DW", Object::Integer(0)),
        ("W", Object::Array(vec![Object::Integer(1), Object::Array(widths)])),
        ("CIDToGIDMap", Object::Name(b"Identity".to_vec())),
    ]));
    let to_unicode = doc.add_object(Stream::new(Dictionary::new(), to_unicode(order)).with_compression(true));
    doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type0".to_vec())),
        ("BaseFont", Object::Name(name)),
        ("Encoding", Object::Name(b"Identity-H".to_vec())),
        ("DescendantFonts", Object::Array(vec![Object::Reference(cid)])),
        ("ToUnicode", Object::Reference(to_unicode)),
    ]))
}
