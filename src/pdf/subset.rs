//! A TrueType subsetter: keeps only the glyphs a document uses, renumbered from 1, so that the
//! PDF embeds a font of a few kilobytes instead of the whole face.
//!
//! Hinting instructions are dropped (PDF viewers do not need them for text at print sizes), and
//! so are the tables a PDF font program does not need (`name`, `kern`, `GPOS`, `GSUB`, `fpgm`, …).

use std::collections::BTreeMap;

/// Why a font could not be subset.
#[derive(Debug, thiserror::Error)]
pub enum SubsetError {
    /// The font is not a TrueType font with the tables a subset needs.
    #[error("the font has no usable {0} table")]
    MissingTable(&'static str),
    /// A glyph or table points outside the font data.
    #[error("the font data is damaged ({0})")]
    Damaged(&'static str),
    /// The font could not be parsed at all.
    #[error("the font could not be read")]
    Parse(#[from] ttf_parser::FaceParsingError),
    /// The shaper could not read the font.
    #[error("the font could not be read for shaping")]
    Shaping(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// More distinct glyphs than a font can hold.
    #[error("{0} distinct glyphs do not fit one font")]
    TooManyGlyphs(usize),
}

/// A subset font and how characters map into it.
#[derive(Debug, Clone)]
pub struct Subset {
    /// The TrueType font program.
    pub data: Vec<u8>,
    /// New glyph id of each character.
    pub glyphs: BTreeMap<char, u16>,
    /// Advance width of each new glyph, in font units.
    pub advances: Vec<u16>,
    /// Units per em.
    pub units_per_em: u16,
    /// Bounding box of all glyphs of the face (xMin, yMin, xMax, yMax), in font units.
    pub bbox: [i16; 4],
    /// Ascender and descender, in font units.
    pub ascent_descent: (i16, i16),
}

fn table<'a>(font: &'a [u8], tag: &'static [u8; 4]) -> Result<&'a [u8], SubsetError> {
    let count = read_u16(font, 4).ok_or(SubsetError::MissingTable("table directory"))? as usize;
    for i in 0..count {
        let record = 12 + 16 * i;
        if font.get(record..record + 4) == Some(&tag[..]) {
            let offset = read_u32(font, record + 8).ok_or(SubsetError::Damaged("table record"))? as usize;
            let length = read_u32(font, record + 12).ok_or(SubsetError::Damaged("table record"))? as usize;
            return font.get(offset..offset + length).ok_or(SubsetError::Damaged("table bounds"));
        }
    }
    Err(SubsetError::MissingTable(std::str::from_utf8(tag).unwrap_or("?")))
}

fn read_u16(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn read_u32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

fn set_u16(data: &mut [u8], at: usize, value: u16) {
    if let Some(slot) = data.get_mut(at..at + 2) {
        slot.copy_from_slice(&value.to_be_bytes());
    }
}

struct Source<'a> {
    glyf: &'a [u8],
    loca: Vec<u32>,
}

impl<'a> Source<'a> {
    fn new(font: &'a [u8]) -> Result<Self, SubsetError> {
        let head = table(font, b"head")?;
        let long = read_u16(head, 50).ok_or(SubsetError::Damaged("head"))? == 1;
        let count = read_u16(table(font, b"maxp")?, 4).ok_or(SubsetError::Damaged("maxp"))? as usize;
        let raw = table(font, b"loca")?;
        let loca = (0..=count)
            .map(|i| if long { read_u32(raw, 4 * i) } else { read_u16(raw, 2 * i).map(|v| u32::from(v) * 2) })
            .collect::<Option<Vec<u32>>>()
            .ok_or(SubsetError::Damaged("loca"))?;
        Ok(Self { glyf: table(font, b"glyf")?, loca })
    }

    fn glyph(&self, gid: u16) -> Result<&'a [u8], SubsetError> {
        let start = *self.loca.get(gid as usize).ok_or(SubsetError::Damaged("glyph id"))? as usize;
        let end = *self.loca.get(gid as usize + 1).ok_or(SubsetError::Damaged("glyph id"))? as usize;
        self.glyf.get(start..end.max(start)).ok_or(SubsetError::Damaged("glyph bounds"))
    }
}

const ARG_WORDS: u16 = 0x0001;
const HAS_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const HAS_XY_SCALE: u16 = 0x0040;
const HAS_2X2: u16 = 0x0080;
const HAS_INSTRUCTIONS: u16 = 0x0100;

/// Visits the components of a composite glyph: `(offset of the glyph index, glyph index, flags)`.
fn components(glyph: &[u8]) -> Result<Vec<(usize, u16, u16)>, SubsetError> {
    let mut out = Vec::new();
    let mut at = 10;
    loop {
        let flags = read_u16(glyph, at).ok_or(SubsetError::Damaged("composite glyph"))?;
        let gid = read_u16(glyph, at + 2).ok_or(SubsetError::Damaged("composite glyph"))?;
        out.push((at + 2, gid, flags));
        at += 4 + if flags & ARG_WORDS != 0 { 4 } else { 2 };
        at += match () {
            () if flags & HAS_SCALE != 0 => 2,
            () if flags & HAS_XY_SCALE != 0 => 4,
            () if flags & HAS_2X2 != 0 => 8,
            () => 0,
        };
        if flags & MORE_COMPONENTS == 0 {
            out.push((at, u16::MAX, flags));
            return Ok(out);
        }
    }
}

fn is_composite(glyph: &[u8]) -> bool {
    glyph.len() >= 10 && (glyph[0] & 0x80) != 0
}

/// The glyph without hinting instructions and with component ids renumbered.
fn rewrite(glyph: &[u8], renumber: &BTreeMap<u16, u16>) -> Result<Vec<u8>, SubsetError> {
    if glyph.is_empty() {
        return Ok(Vec::new());
    }
    if is_composite(glyph) {
        let parts = components(glyph)?;
        let end = parts.last().map_or(glyph.len(), |p| p.0);
        let mut out = glyph.get(..end).ok_or(SubsetError::Damaged("composite glyph"))?.to_vec();
        for (at, gid, flags) in &parts[..parts.len() - 1] {
            set_u16(&mut out, *at, renumber.get(gid).copied().unwrap_or(0));
            if flags & HAS_INSTRUCTIONS != 0 {
                set_u16(&mut out, at - 2, flags & !HAS_INSTRUCTIONS);
            }
        }
        return Ok(out);
    }
    let contours = read_u16(glyph, 0).ok_or(SubsetError::Damaged("glyph"))? as usize;
    let length_at = 10 + 2 * contours;
    let instructions = read_u16(glyph, length_at).ok_or(SubsetError::Damaged("glyph"))? as usize;
    let rest = glyph.get(length_at + 2 + instructions..).ok_or(SubsetError::Damaged("glyph"))?;
    let mut out = Vec::with_capacity(glyph.len());
    out.extend_from_slice(&glyph[..length_at]);
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(rest);
    Ok(out)
}

/// A format 4 `cmap` with one (3, 1) subtable for the BMP characters of `glyphs`.
fn cmap(glyphs: &BTreeMap<char, u16>) -> Vec<u8> {
    // Runs of consecutive characters with consecutive glyph ids: (start, end, first glyph id).
    let mut merged: Vec<(u16, u16, u16)> = Vec::new();
    for (&c, &gid) in glyphs {
        let Ok(code) = u16::try_from(u32::from(c)) else { continue };
        if code == 0xFFFF {
            continue;
        }
        match merged.last_mut() {
            Some((start, end, first)) if *end + 1 == code && first.wrapping_add(code - *start) == gid => *end = code,
            _ => merged.push((code, code, gid)),
        }
    }
    merged.push((0xFFFF, 0xFFFF, 0));
    let count = merged.len() as u16;
    let mut sub = Vec::new();
    let length = 16 + 8 * count as usize;
    let search = 2 * (1u16 << (15 - count.leading_zeros() as u16));
    for value in [4u16, length as u16, 0, count * 2, search, search.trailing_zeros() as u16 - 1, count * 2 - search] {
        sub.extend_from_slice(&value.to_be_bytes());
    }
    merged.iter().for_each(|s| sub.extend_from_slice(&s.1.to_be_bytes()));
    sub.extend_from_slice(&[0, 0]);
    merged.iter().for_each(|s| sub.extend_from_slice(&s.0.to_be_bytes()));
    for &(start, _, gid) in &merged {
        let delta = if start == 0xFFFF { 1 } else { gid.wrapping_sub(start) };
        sub.extend_from_slice(&delta.to_be_bytes());
    }
    merged.iter().for_each(|_| sub.extend_from_slice(&[0, 0]));
    let mut out = vec![0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12];
    out.extend(sub);
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn assemble(mut tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    tables.sort_by_key(|t| t.0);
    let count = tables.len() as u16;
    let search = 16 * (1u16 << (15 - count.leading_zeros() as u16));
    let mut out = Vec::new();
    for value in [0x0001u16, 0x0000, count, search, search.trailing_zeros() as u16 - 4, count * 16 - search] {
        out.extend_from_slice(&value.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

/// Subsets `font` to `chars` (characters the font lacks are left out of the mapping): glyphs are
/// renumbered from 1 in character order and the `cmap` maps the characters themselves.
pub fn subset(font: &[u8], chars: impl IntoIterator<Item = char>) -> Result<Subset, SubsetError> {
    let face = ttf_parser::Face::parse(font, 0)?;
    let mut slots: Vec<Option<u16>> = vec![Some(0)];
    let mut glyphs = BTreeMap::new();
    let mut placed: BTreeMap<u16, u16> = BTreeMap::new();
    for c in chars {
        if let Some(old) = face.glyph_index(c) {
            let new = *placed.entry(old.0).or_insert_with(|| {
                slots.push(Some(old.0));
                (slots.len() - 1) as u16
            });
            glyphs.insert(c, new);
        }
    }
    let cmap_map = glyphs.clone();
    build(font, &face, slots, glyphs, cmap_map)
}

/// Subsets `font` to the glyphs `gids`, in that order: glyph `gids[i]` becomes glyph `i + 1`
/// (glyph 0 stays `.notdef`), so that a PDF's CIDs can be the new glyph ids. A glyph may be listed
/// more than once (its outline is then copied). The `cmap` maps no character.
pub fn subset_glyphs(font: &[u8], gids: &[u16]) -> Result<Subset, SubsetError> {
    let face = ttf_parser::Face::parse(font, 0)?;
    if gids.len() >= usize::from(u16::MAX) / 2 {
        return Err(SubsetError::TooManyGlyphs(gids.len()));
    }
    let slots = std::iter::once(Some(0)).chain(gids.iter().map(|g| Some(*g))).collect();
    build(font, &face, slots, BTreeMap::new(), BTreeMap::new())
}

/// Writes the subset font: `slots[new glyph id]` is the old glyph id (or `None` for an empty
/// glyph); components of composite glyphs are appended.
fn build(
    font: &[u8],
    face: &ttf_parser::Face<'_>,
    mut slots: Vec<Option<u16>>,
    glyphs: BTreeMap<char, u16>,
    cmap_map: BTreeMap<char, u16>,
) -> Result<Subset, SubsetError> {
    let source = Source::new(font)?;
    let mut renumber: BTreeMap<u16, u16> = BTreeMap::new();
    for (new, old) in slots.iter().enumerate() {
        if let Some(old) = old {
            renumber.entry(*old).or_insert(new as u16);
        }
    }
    let mut queue: Vec<u16> = slots.iter().flatten().copied().collect();
    while let Some(gid) = queue.pop() {
        let glyph = source.glyph(gid)?;
        if !is_composite(glyph) {
            continue;
        }
        let parts = components(glyph)?;
        for part in &parts[..parts.len() - 1] {
            if let std::collections::btree_map::Entry::Vacant(entry) = renumber.entry(part.1) {
                entry.insert(slots.len() as u16);
                slots.push(Some(part.1));
                queue.push(part.1);
            }
        }
    }
    let mut glyf = Vec::new();
    let mut loca = Vec::with_capacity(slots.len() + 1);
    let mut hmtx = Vec::with_capacity(slots.len() * 4);
    let mut advances = Vec::with_capacity(slots.len());
    for slot in &slots {
        loca.extend_from_slice(&(glyf.len() as u32).to_be_bytes());
        let (advance, bearing) = match slot {
            Some(old) => {
                glyf.extend(rewrite(source.glyph(*old)?, &renumber)?);
                glyf.resize(glyf.len().div_ceil(4) * 4, 0);
                let id = ttf_parser::GlyphId(*old);
                (face.glyph_hor_advance(id).unwrap_or(0), face.glyph_hor_side_bearing(id).unwrap_or(0))
            }
            None => (0, 0),
        };
        advances.push(advance);
        hmtx.extend_from_slice(&advance.to_be_bytes());
        hmtx.extend_from_slice(&bearing.to_be_bytes());
    }
    loca.extend_from_slice(&(glyf.len() as u32).to_be_bytes());
    let count = slots.len() as u16;
    let mut head = table(font, b"head")?.to_vec();
    let read_i16 = |at: usize| read_u16(&head, at).map(|v| v as i16).ok_or(SubsetError::Damaged("head"));
    let bbox = [read_i16(36)?, read_i16(38)?, read_i16(40)?, read_i16(42)?];
    set_u16(&mut head, 50, 1);
    head.get_mut(8..12).ok_or(SubsetError::Damaged("head"))?.fill(0);
    let mut hhea = table(font, b"hhea")?.to_vec();
    set_u16(&mut hhea, 34, count);
    let mut maxp = table(font, b"maxp")?.to_vec();
    set_u16(&mut maxp, 4, count);
    let mut post = table(font, b"post")?.get(..32).ok_or(SubsetError::Damaged("post"))?.to_vec();
    post[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
    let mut tables = vec![
        (*b"head", head),
        (*b"hhea", hhea),
        (*b"maxp", maxp),
        (*b"post", post),
        (*b"hmtx", hmtx),
        (*b"loca", loca),
        (*b"glyf", glyf),
        (*b"cmap", cmap(&cmap_map)),
    ];
    if let Ok(os2) = table(font, b"OS/2") {
        tables.push((*b"OS/2", os2.to_vec()));
    }
    Ok(Subset {
        data: assemble(tables),
        glyphs,
        advances,
        units_per_em: face.units_per_em(),
        bbox,
        ascent_descent: (face.ascender(), face.descender()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");

    #[test]
    fn subset_maps_the_same_outlines_and_advances() {
        let text = "Äiti söi €-ΩЖ שלום ÅåÖö 0123 fi";
        let subset = subset(REGULAR, text.chars()).expect("subset");
        assert!(subset.data.len() < 20_000, "{} bytes", subset.data.len());
        let full = ttf_parser::Face::parse(REGULAR, 0).expect("full");
        let small = ttf_parser::Face::parse(&subset.data, 0).expect("subset parses");
        for c in text.chars() {
            let old = full.glyph_index(c).expect("full has it");
            let new = small.glyph_index(c).expect("subset maps it");
            assert_eq!(subset.glyphs[&c], new.0);
            assert_eq!(full.glyph_hor_advance(old), small.glyph_hor_advance(new), "{c}");
            assert_eq!(full.glyph_bounding_box(old), small.glyph_bounding_box(new), "{c}");
        }
        assert_eq!(small.glyph_index('x'), None);
    }

    #[test]
    fn glyph_subsets_keep_the_order_and_the_outlines() {
        let full = ttf_parser::Face::parse(REGULAR, 0).expect("full");
        let gids: Vec<u16> = "Äiti €".chars().map(|c| full.glyph_index(c).expect("has it").0).collect();
        let mut listed = gids.clone();
        listed.push(gids[0]);
        let subset = subset_glyphs(REGULAR, &listed).expect("subset");
        let small = ttf_parser::Face::parse(&subset.data, 0).expect("subset parses");
        for (i, old) in listed.iter().enumerate() {
            let new = ttf_parser::GlyphId(i as u16 + 1);
            let old = ttf_parser::GlyphId(*old);
            assert_eq!(full.glyph_bounding_box(old), small.glyph_bounding_box(new));
            assert_eq!(full.glyph_hor_advance(old), small.glyph_hor_advance(new));
        }
        assert!(subset.data.len() < 8_000, "{} bytes", subset.data.len());
    }
}
