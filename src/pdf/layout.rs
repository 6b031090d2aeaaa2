//! The page layout with genpdf: A4, title, header block, sections of fields and the attachment
//! list. Every text arrives pre-wrapped to its column, so genpdf never has to break a line itself.

use std::collections::BTreeMap;

use genpdf::elements::{Break, LinearLayout, Paragraph, TableLayout};
use genpdf::fonts::{Font, FontData, FontFamily};
use genpdf::style::Style;
use genpdf::{Element, Margins, SimplePageDecorator};

use super::content::Content;
use super::faces::Fallback;
use super::text::{Widths, visual, wrap};

/// Millimetres in a point.
const MM_PER_PT: f64 = 25.4 / 72.0;
/// Page width of A4 in millimetres.
const PAGE_WIDTH_MM: f64 = 210.0;
/// Left and right margins.
pub const SIDE_MARGIN_MM: f64 = 20.0;
/// Bottom margin, which holds the footer written by the finishing pass.
pub const BOTTOM_MARGIN_MM: f64 = 22.0;
/// Column weights of label and value in a table row.
const LABEL_WEIGHT: usize = 2;
const VALUE_WEIGHT: usize = 5;
/// Gap between a label and its value.
const GAP_PT: f64 = 8.0;
/// Values with more lines than this go below their label.
const MAX_BESIDE_LINES: usize = 3;

/// Font sizes.
pub const TITLE_SIZE: u8 = 16;
const HEADING_SIZE: u8 = 12;
const BODY_SIZE: u8 = 10;

/// One face as the layout uses it.
pub struct Face<'a> {
    /// Advance widths of the real characters.
    pub widths: &'a Widths,
    /// Stand-in characters genpdf is given in slot mode; empty when it gets the real ones.
    pub encoding: &'a BTreeMap<char, char>,
}

/// The regular and the bold face, and the fallback faces for what they lack.
pub struct Faces<'a> {
    /// Regular face; its widths also hold the fallback characters of regular text.
    pub regular: Face<'a>,
    /// Bold face; its widths also hold the fallback characters of bold text.
    pub bold: Face<'a>,
    /// The fallback face of each character Liberation Sans lacks.
    pub route: &'a BTreeMap<char, Fallback>,
    /// Stand-ins of the emoji face's characters (slot mode).
    pub emoji: &'a BTreeMap<char, char>,
    /// Stand-ins of the symbol face's characters (slot mode).
    pub symbols: &'a BTreeMap<char, char>,
}

/// One printed line: runs of text, each set in one face.
type Line = Vec<(Fallback, String)>;

/// The genpdf families of the fallback faces a document uses.
#[derive(Clone, Copy, Default)]
struct Families {
    emoji: Option<FontFamily<Font>>,
    symbols: Option<FontFamily<Font>>,
}

/// Everything the elements are built from.
struct Ctx<'a> {
    faces: &'a Faces<'a>,
    families: Families,
}

fn text_width_pt() -> f64 {
    (PAGE_WIDTH_MM - 2.0 * SIDE_MARGIN_MM) / MM_PER_PT
}

/// Wraps `text` for `face` and returns the lines as genpdf is to print them, each cut into runs
/// of one face.
fn lines(text: &str, face: &Face<'_>, faces: &Faces<'_>, size: u8, width_pt: f64) -> Vec<Line> {
    // A hair of slack so rounding in genpdf never makes a line one point too wide.
    let wrapped = wrap(text, face.widths, f64::from(size), width_pt * 0.995);
    wrapped.into_iter().map(|line| runs(&visual(&line), face, faces)).collect()
}

/// `line` cut where the face changes, each character replaced by its stand-in in slot mode.
fn runs(line: &str, face: &Face<'_>, faces: &Faces<'_>) -> Line {
    let mut out: Line = Vec::new();
    for c in line.chars() {
        let which = faces.route.get(&c).copied().unwrap_or(Fallback::Text);
        let encoding = match which {
            Fallback::Text => face.encoding,
            Fallback::Emoji => faces.emoji,
            Fallback::Symbols => faces.symbols,
        };
        let c = encoding.get(&c).copied().unwrap_or(c);
        match out.last_mut() {
            Some((last, run)) if *last == which => run.push(c),
            _ => out.push((which, c.to_string())),
        }
    }
    out
}

fn block(lines: Vec<Line>, style: Style, ctx: &Ctx<'_>) -> LinearLayout {
    let mut layout = LinearLayout::vertical();
    for line in lines {
        if line.iter().all(|(_, run)| run.trim().is_empty()) {
            layout.push(Break::new(1));
            continue;
        }
        let mut paragraph = Paragraph::default();
        for (which, run) in line {
            let family = match which {
                Fallback::Text => None,
                Fallback::Emoji => ctx.families.emoji,
                Fallback::Symbols => ctx.families.symbols,
            };
            paragraph.push_styled(run, family.map_or_else(Style::new, |f| Style::new().with_font_family(f)));
        }
        layout.push(paragraph.styled(style));
    }
    layout
}

fn table() -> TableLayout {
    TableLayout::new(vec![LABEL_WEIGHT, VALUE_WEIGHT])
}

fn push_table(layout: &mut LinearLayout, rows: &mut Option<TableLayout>) {
    if let Some(table) = rows.take() {
        layout.push(table);
    }
}

/// Builds the genpdf elements of `content`.
fn body(content: &Content, ctx: &Ctx<'_>) -> Result<LinearLayout, genpdf::error::Error> {
    let faces = ctx.faces;
    let full = text_width_pt();
    let total = (LABEL_WEIGHT + VALUE_WEIGHT) as f64;
    let label_width = full * LABEL_WEIGHT as f64 / total - GAP_PT;
    let value_width = full * VALUE_WEIGHT as f64 / total;
    let bold = Style::new().bold().with_font_size(BODY_SIZE);
    let regular = Style::new().with_font_size(BODY_SIZE);
    let mut layout = LinearLayout::vertical();
    layout.push(block(
        lines(&content.title, &faces.bold, faces, TITLE_SIZE, full),
        Style::new().bold().with_font_size(TITLE_SIZE),
        ctx,
    ));
    layout.push(Break::new(0.6));

    let mut header = table();
    for (label, value) in &content.header {
        let label = block(lines(label, &faces.bold, faces, BODY_SIZE, label_width), bold, ctx);
        let value = block(lines(value, &faces.regular, faces, BODY_SIZE, value_width), regular, ctx);
        let pad = Margins::trbl(0, 0, 0.8, 0);
        header.row().element(label.padded(pad)).element(value.padded(pad)).push()?;
    }
    layout.push(header);

    for section in &content.sections {
        layout.push(Break::new(1));
        let heading = Style::new().bold().with_font_size(HEADING_SIZE);
        layout.push(
            block(lines(&section.heading, &faces.bold, faces, HEADING_SIZE, full), heading, ctx)
                .padded(Margins::trbl(0, 0, 1.5, 0)),
        );
        let mut rows: Option<TableLayout> = None;
        for field in &section.fields {
            let value_lines = lines(&field.value, &faces.regular, faces, BODY_SIZE, value_width);
            if field.multiline || value_lines.len() > MAX_BESIDE_LINES {
                push_table(&mut layout, &mut rows);
                layout.push(block(lines(&field.label, &faces.bold, faces, BODY_SIZE, full), bold, ctx));
                let below = block(lines(&field.value, &faces.regular, faces, BODY_SIZE, full), regular, ctx);
                layout.push(below.padded(Margins::trbl(0.5, 0, 2, 0)));
            } else {
                let pad = Margins::trbl(0, 0, 1.5, 0);
                let label =
                    block(lines(&field.label, &faces.bold, faces, BODY_SIZE, label_width), bold, ctx).padded(pad);
                let value = block(value_lines, regular, ctx).padded(pad);
                rows.get_or_insert_with(table).row().element(label).element(value).push()?;
            }
        }
        push_table(&mut layout, &mut rows);
    }

    layout.push(Break::new(1));
    let heading = Style::new().bold().with_font_size(HEADING_SIZE);
    layout.push(
        block(lines(&content.attachments_heading, &faces.bold, faces, HEADING_SIZE, full), heading, ctx)
            .padded(Margins::trbl(0, 0, 1.5, 0)),
    );
    for (name, details) in &content.attachments {
        layout.push(block(lines(name, &faces.bold, faces, BODY_SIZE, full), bold, ctx));
        if !details.is_empty() {
            layout.push(
                block(lines(details, &faces.regular, faces, BODY_SIZE, full), regular, ctx)
                    .padded(Margins::trbl(0, 0, 1.5, 0)),
            );
        }
    }
    Ok(layout)
}

/// The genpdf fonts of one document: Liberation Sans, and the fallback faces it uses.
pub struct Fonts {
    /// Liberation Sans (regular, bold and the italic stand-ins genpdf asks for).
    pub text: FontFamily<FontData>,
    /// Noto Emoji in all four of genpdf's variants, when the document has emoji.
    pub emoji: Option<FontFamily<FontData>>,
    /// DejaVu Sans Symbols likewise, when the document has symbols Liberation lacks.
    pub symbols: Option<FontFamily<FontData>>,
}

/// Renders `content` with the given genpdf fonts; returns genpdf's raw PDF.
pub fn render(content: &Content, faces: &Faces<'_>, fonts: Fonts) -> Result<Vec<u8>, genpdf::error::Error> {
    let mut document = genpdf::Document::new(fonts.text);
    let families = Families {
        emoji: fonts.emoji.map(|family| document.add_font_family(family)),
        symbols: fonts.symbols.map(|family| document.add_font_family(family)),
    };
    document.set_minimal_conformance();
    document.set_paper_size(genpdf::PaperSize::A4);
    document.set_font_size(BODY_SIZE);
    document.set_line_spacing(1.15);
    let mut decorator = SimplePageDecorator::new();
    decorator.set_margins(Margins::trbl(16.0, SIDE_MARGIN_MM, BOTTOM_MARGIN_MM, SIDE_MARGIN_MM));
    document.set_page_decorator(decorator);
    document.push(body(content, &Ctx { faces, families })?);
    let mut out = Vec::new();
    document.render(&mut out)?;
    Ok(out)
}
