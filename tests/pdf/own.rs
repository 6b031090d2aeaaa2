//! The PDF read back without outside programs: lopdf parses it; each font's `ToUnicode` map and
//! widths give each glyph its text and advance; the text operators place it on the page. This is
//! the reader every run has; poppler and qpdf (`poppler.rs`) read the same PDFs again where they
//! are installed.

use std::collections::{BTreeMap, HashMap};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};

use super::is_rtl;
use super::reader::{FontRow, Info, Reader, Word};

/// The reader built on lopdf.
pub struct Own;

/// One glyph as drawn: its text (empty for a mark whose cluster's text its letter carries), where
/// its left edge and baseline are, and where the pen stands after it.
#[derive(Clone, Debug)]
struct Placed {
    text: String,
    x: f64,
    y: f64,
    end: f64,
    size: f64,
}

struct Font {
    to_unicode: BTreeMap<u16, String>,
    widths: HashMap<u16, f64>,
    default_width: f64,
}

fn load(pdf: &[u8]) -> Document {
    Document::load_mem(pdf).expect("lopdf reads the PDF")
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map(|(_, o)| o).unwrap_or(object)
}

/// The `ToUnicode` map of a font: code to text (`bfchar` entries of two-byte codes).
pub fn to_unicode(doc: &Document, font: &Dictionary) -> BTreeMap<u16, String> {
    let mut map = BTreeMap::new();
    let Ok(stream) = font.get(b"ToUnicode").map(|o| resolve(doc, o)).and_then(Object::as_stream) else {
        return map;
    };
    let data = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
    for line in String::from_utf8_lossy(&data).lines() {
        let parts: Vec<&str> = line.split(['<', '>']).filter(|p| !p.trim().is_empty()).collect();
        if parts.len() == 2 && parts[0].len() == 4 {
            let code = u16::from_str_radix(parts[0], 16).expect("code");
            let units: Vec<u16> = (0..parts[1].len() / 4)
                .map(|i| u16::from_str_radix(&parts[1][4 * i..4 * i + 4], 16).expect("unit"))
                .collect();
            map.insert(code, String::from_utf16_lossy(&units));
        }
    }
    map
}

/// The descendant CIDFont of a Type0 font.
fn descendant<'a>(doc: &'a Document, font: &'a Dictionary) -> Option<&'a Dictionary> {
    let kids = resolve(doc, font.get(b"DescendantFonts").ok()?).as_array().ok()?;
    resolve(doc, kids.first()?).as_dict().ok()
}

/// A CIDFont's widths from its `W` array (`c [w …]` and `c_first c_last w` forms) and `DW`.
fn widths(doc: &Document, cid_font: &Dictionary) -> (HashMap<u16, f64>, f64) {
    let number = |o: &Object| o.as_float().map(f64::from).or_else(|_| o.as_i64().map(|i| i as f64)).ok();
    let default = cid_font.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
    let mut map = HashMap::new();
    let Some(w) = cid_font.get(b"W").ok().map(|o| resolve(doc, o)).and_then(|o| o.as_array().ok()) else {
        return (map, default);
    };
    let mut i = 0;
    while i + 1 < w.len() {
        let first = w[i].as_i64().unwrap_or(0);
        match resolve(doc, &w[i + 1]) {
            Object::Array(list) => {
                for (k, width) in list.iter().enumerate() {
                    map.insert((first + k as i64) as u16, number(width).unwrap_or(default));
                }
                i += 2;
            }
            last => {
                let last = last.as_i64().unwrap_or(first);
                let width = w.get(i + 2).and_then(number).unwrap_or(default);
                for cid in first..=last {
                    map.insert(cid as u16, width);
                }
                i += 3;
            }
        }
    }
    (map, default)
}

fn number(o: &Object) -> f64 {
    o.as_float().map(f64::from).or_else(|_| o.as_i64().map(|i| i as f64)).unwrap_or(0.0)
}

/// Every glyph of every page, in the order drawn.
fn pages(doc: &Document) -> Vec<Vec<Placed>> {
    let mut out = Vec::new();
    for page in doc.get_pages().into_values() {
        let fonts: HashMap<Vec<u8>, Font> = doc
            .get_page_fonts(page)
            .expect("fonts")
            .into_iter()
            .map(|(name, font)| {
                let (widths, default_width) = descendant(doc, font).map(|d| widths(doc, d)).unwrap_or_default();
                (name, Font { to_unicode: to_unicode(doc, font), widths, default_width })
            })
            .collect();
        let content = Content::decode(&doc.get_page_content(page)).expect("the content stream decodes");
        let mut glyphs = Vec::new();
        let (mut line, mut pen) = ((0.0, 0.0), (0.0, 0.0));
        let mut font: Option<&Font> = None;
        let mut size = 0.0;
        for op in &content.operations {
            let arg = |i: usize| op.operands.get(i).map(number).unwrap_or(0.0);
            match op.operator.as_str() {
                "BT" => (line, pen) = ((0.0, 0.0), (0.0, 0.0)),
                "Td" | "TD" => {
                    line = (line.0 + arg(0), line.1 + arg(1));
                    pen = line;
                }
                "Tm" => {
                    line = (arg(4), arg(5));
                    pen = line;
                }
                "Tf" => {
                    font = op.operands.first().and_then(|n| n.as_name().ok()).and_then(|n| fonts.get(n));
                    size = arg(1);
                }
                "Tj" | "TJ" => {
                    let items: Vec<&Object> = match op.operands.first() {
                        Some(Object::Array(items)) => items.iter().collect(),
                        Some(other) => vec![other],
                        None => Vec::new(),
                    };
                    let font = font.expect("a font is set before text");
                    for item in items {
                        match item {
                            Object::String(bytes, _) => {
                                for pair in bytes.chunks(2) {
                                    let code = u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
                                    let width = font.widths.get(&code).copied().unwrap_or(font.default_width);
                                    let end = pen.0 + width / 1000.0 * size;
                                    let text = font.to_unicode.get(&code).cloned().unwrap_or_default();
                                    glyphs.push(Placed { text, x: pen.0, y: pen.1, end, size });
                                    pen.0 = end;
                                }
                            }
                            adjust => pen.0 -= number(adjust) / 1000.0 * size,
                        }
                    }
                }
                _ => {}
            }
        }
        out.push(glyphs);
    }
    out
}

/// A page's glyphs as lines, in the order drawn: a new line where the baseline moves by more than
/// a third of the text size (a mark drawn above its letter stays on its line).
fn lines(glyphs: &[Placed]) -> Vec<Vec<Placed>> {
    let mut lines: Vec<Vec<Placed>> = Vec::new();
    let mut baseline = f64::NAN;
    for glyph in glyphs {
        let same = (glyph.y - baseline).abs() <= glyph.size / 3.0;
        match lines.last_mut() {
            Some(line) if same => line.push(glyph.clone()),
            _ => {
                baseline = glyph.y;
                lines.push(vec![glyph.clone()]);
            }
        }
    }
    lines
}

/// Whether `glyph` stands apart from the glyphs read since the last gap (`span`, their left and
/// right edges) by more than a fifth of the text size, to either side; `span` then starts anew at
/// it, else takes it in. A mark drawn back over its letter stays inside the span.
fn apart(span: &mut Option<(f64, f64)>, glyph: &Placed) -> bool {
    let gap = span.map(|(lo, hi)| (glyph.x - hi).max(lo - glyph.end));
    let apart = gap.is_some_and(|g| g > glyph.size / 5.0);
    *span = match *span {
        Some((lo, hi)) if !apart => Some((lo.min(glyph.x), hi.max(glyph.end))),
        _ => Some((glyph.x, glyph.end)),
    };
    apart
}

/// A line's text: the glyphs' texts, with a space where a glyph stands apart from those before it
/// (two cells of a row, the two footer texts), white space collapsed.
fn line_text(line: &[Placed]) -> String {
    let mut text = String::new();
    let mut span = None;
    for glyph in line {
        if apart(&mut span, glyph) {
            text.push(' ');
        }
        text.push_str(&glyph.text);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A line's text in reading order. The glyphs are drawn left to right, a right-to-left run's last
/// letter first and a cluster's text as drawn; a line with right-to-left letters is read from
/// the right, character by character, and each run of left-to-right characters in it is turned
/// back to be read from the left (as poppler reads it).
fn reading_order(drawn: &str) -> String {
    if !drawn.chars().any(is_rtl) {
        return drawn.to_owned();
    }
    let ltr = |c: char| c.is_alphanumeric() && !is_rtl(c);
    let mut chars: Vec<char> = drawn.chars().rev().collect();
    let mut i = 0;
    while i < chars.len() {
        if ltr(chars[i]) {
            let start = i;
            while i < chars.len() && !is_rtl(chars[i]) {
                i += 1;
            }
            // Neutral characters after the run belong to the right-to-left text around it.
            let mut stop = i;
            while stop > start && !ltr(chars[stop - 1]) {
                stop -= 1;
            }
            chars[start..stop].reverse();
        } else {
            i += 1;
        }
    }
    chars.into_iter().collect()
}

fn text(pdf: &[u8], order: bool) -> String {
    let doc = load(pdf);
    pages(&doc)
        .iter()
        .map(|page| {
            let lines: Vec<String> =
                lines(page).iter().map(|l| if order { reading_order(&line_text(l)) } else { line_text(l) }).collect();
            format!("{}\n", lines.join("\n"))
        })
        .collect::<Vec<_>>()
        .join("\u{c}")
}

/// The words of page 1 in the order drawn, each with its left edge.
fn words(pdf: &[u8]) -> Vec<Word> {
    let doc = load(pdf);
    let mut out: Vec<Word> = Vec::new();
    for line in lines(pages(&doc).first().map(Vec::as_slice).unwrap_or_default()) {
        let mut span = None;
        let mut after_space = true;
        for glyph in &line {
            let space = glyph.text.chars().all(char::is_whitespace);
            let starts = apart(&mut span, glyph) || after_space;
            if !space {
                match out.last_mut() {
                    Some(word) if !starts => word.text.push_str(&glyph.text),
                    _ => out.push(Word { text: glyph.text.clone(), x: glyph.x }),
                }
            }
            after_space = space;
        }
    }
    out
}

fn catalog(doc: &Document) -> &Dictionary {
    doc.catalog().expect("catalog")
}

/// A text string of the PDF: UTF-16BE with its byte order mark, or PDFDocEncoding (ASCII here).
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xfe, 0xff]) {
        Some(utf16) => {
            String::from_utf16_lossy(&utf16.chunks(2).map(|p| u16::from_be_bytes([p[0], p[1]])).collect::<Vec<_>>())
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

impl Reader for Own {
    fn name(&self) -> &'static str {
        "lopdf"
    }

    fn raw_text(&self, pdf: &[u8]) -> String {
        text(pdf, false)
    }

    fn reading_text(&self, pdf: &[u8]) -> String {
        text(pdf, true)
    }

    fn words(&self, pdf: &[u8]) -> Vec<Word> {
        words(pdf)
    }

    fn fonts(&self, pdf: &[u8]) -> Vec<FontRow> {
        let doc = load(pdf);
        let mut rows: Vec<FontRow> = Vec::new();
        for page in doc.get_pages().into_values() {
            for font in doc.get_page_fonts(page).expect("fonts").into_values() {
                let name =
                    font.get(b"BaseFont").and_then(Object::as_name).map(|n| String::from_utf8_lossy(n).into_owned());
                let name = name.unwrap_or_default();
                if rows.iter().any(|r| r.name == name) {
                    continue;
                }
                let descriptor = descendant(&doc, font)
                    .and_then(|d| d.get(b"FontDescriptor").ok())
                    .and_then(|o| resolve(&doc, o).as_dict().ok());
                let embedded = descriptor
                    .is_some_and(|d| [&b"FontFile"[..], b"FontFile2", b"FontFile3"].iter().any(|k| d.get(k).is_ok()));
                let subset = name.find('+') == Some(6) && name[..6].chars().all(|c| c.is_ascii_uppercase());
                let unicode = font.get(b"ToUnicode").is_ok();
                rows.push(FontRow { name, embedded, subset, unicode });
            }
        }
        rows
    }

    fn metadata(&self, pdf: &[u8]) -> String {
        let doc = load(pdf);
        let stream = catalog(&doc).get(b"Metadata").map(|o| resolve(&doc, o)).and_then(Object::as_stream);
        let stream = stream.expect("the catalog has its XMP metadata");
        let data = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
        String::from_utf8(data).expect("XMP is UTF-8")
    }

    fn info(&self, pdf: &[u8]) -> Info {
        let doc = load(pdf);
        let info = doc.trailer.get(b"Info").map(|o| resolve(&doc, o)).and_then(Object::as_dict).expect("Info");
        let title = info.get(b"Title").and_then(Object::as_str).map(text_string).unwrap_or_default();
        let marked = catalog(&doc)
            .get(b"MarkInfo")
            .map(|o| resolve(&doc, o))
            .and_then(Object::as_dict)
            .and_then(|m| m.get(b"Marked"))
            .and_then(Object::as_bool);
        let header = pdf.get(..8).map(|h| String::from_utf8_lossy(h).into_owned()).unwrap_or_default();
        let version = header.strip_prefix("%PDF-").unwrap_or_default().to_owned();
        assert_eq!(version, doc.version, "the header and lopdf agree on the version");
        Info { version, title, tagged: marked.unwrap_or(false) }
    }

    fn check(&self, pdf: &[u8]) -> Result<(), String> {
        let doc = Document::load_mem(pdf).map_err(|e| format!("lopdf cannot read it: {e}"))?;
        for (id, object) in &doc.objects {
            if let Object::Stream(stream) = object
                && stream.dict.get(b"Filter").is_ok()
            {
                stream.decompressed_content().map_err(|e| format!("stream {id:?} does not decode: {e}"))?;
            }
        }
        for page in doc.get_pages().into_values() {
            Content::decode(&doc.get_page_content(page)).map_err(|e| format!("page {page:?}: {e}"))?;
        }
        Ok(())
    }

    fn displays_doc_title(&self, pdf: &[u8]) -> bool {
        let doc = load(pdf);
        let preferences = catalog(&doc).get(b"ViewerPreferences").map(|o| resolve(&doc, o)).and_then(Object::as_dict);
        preferences.and_then(|p| p.get(b"DisplayDocTitle")).and_then(Object::as_bool).unwrap_or(false)
    }
}
