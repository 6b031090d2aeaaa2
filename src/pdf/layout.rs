//! The page layout with genpdf: A4, title, header block, sections of fields and the attachment
//! list. Every text arrives pre-wrapped to its column, so genpdf never has to break a line itself.

use std::collections::BTreeMap;

use genpdf::elements::{Break, LinearLayout, Paragraph, TableLayout};
use genpdf::style::Style;
use genpdf::{Element, Margins, SimplePageDecorator};

use super::content::Content;
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

/// The regular and the bold face.
pub struct Faces<'a> {
    /// Regular face.
    pub regular: Face<'a>,
    /// Bold face.
    pub bold: Face<'a>,
}

fn text_width_pt() -> f64 {
    (PAGE_WIDTH_MM - 2.0 * SIDE_MARGIN_MM) / MM_PER_PT
}

/// Wraps `text` for `face` and returns the lines as genpdf is to print them.
fn lines(text: &str, face: &Face<'_>, size: u8, width_pt: f64) -> Vec<String> {
    // A hair of slack so rounding in genpdf never makes a line one point too wide.
    let wrapped = wrap(text, face.widths, f64::from(size), width_pt * 0.995);
    wrapped
        .into_iter()
        .map(|line| {
            let line = visual(&line);
            if face.encoding.is_empty() {
                line
            } else {
                line.chars().map(|c| face.encoding.get(&c).copied().unwrap_or(c)).collect()
            }
        })
        .collect()
}

fn block(lines: Vec<String>, style: Style) -> LinearLayout {
    let mut layout = LinearLayout::vertical();
    for line in lines {
        if line.trim().is_empty() {
            layout.push(Break::new(1));
        } else {
            layout.push(Paragraph::new(line).styled(style));
        }
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
fn body(content: &Content, faces: &Faces<'_>) -> Result<LinearLayout, genpdf::error::Error> {
    let full = text_width_pt();
    let total = (LABEL_WEIGHT + VALUE_WEIGHT) as f64;
    let label_width = full * LABEL_WEIGHT as f64 / total - GAP_PT;
    let value_width = full * VALUE_WEIGHT as f64 / total;
    let bold = Style::new().bold().with_font_size(BODY_SIZE);
    let regular = Style::new().with_font_size(BODY_SIZE);
    let mut layout = LinearLayout::vertical();
    layout.push(block(
        lines(&content.title, &faces.bold, TITLE_SIZE, full),
        Style::new().bold().with_font_size(TITLE_SIZE),
    ));
    layout.push(Break::new(0.6));

    let mut header = table();
    for (label, value) in &content.header {
        let label = block(lines(label, &faces.bold, BODY_SIZE, label_width), bold);
        let value = block(lines(value, &faces.regular, BODY_SIZE, value_width), regular);
        let pad = Margins::trbl(0, 0, 0.8, 0);
        header.row().element(label.padded(pad)).element(value.padded(pad)).push()?;
    }
    layout.push(header);

    for section in &content.sections {
        layout.push(Break::new(1));
        let heading = Style::new().bold().with_font_size(HEADING_SIZE);
        layout.push(
            block(lines(&section.heading, &faces.bold, HEADING_SIZE, full), heading)
                .padded(Margins::trbl(0, 0, 1.5, 0)),
        );
        let mut rows: Option<TableLayout> = None;
        for field in &section.fields {
            let value_lines = lines(&field.value, &faces.regular, BODY_SIZE, value_width);
            if field.multiline || value_lines.len() > MAX_BESIDE_LINES {
                push_table(&mut layout, &mut rows);
                layout.push(block(lines(&field.label, &faces.bold, BODY_SIZE, full), bold));
                let below = block(lines(&field.value, &faces.regular, BODY_SIZE, full), regular);
                layout.push(below.padded(Margins::trbl(0.5, 0, 2, 0)));
            } else {
                let pad = Margins::trbl(0, 0, 1.5, 0);
                let label = block(lines(&field.label, &faces.bold, BODY_SIZE, label_width), bold).padded(pad);
                let value = block(value_lines, regular).padded(pad);
                rows.get_or_insert_with(table).row().element(label).element(value).push()?;
            }
        }
        push_table(&mut layout, &mut rows);
    }

    layout.push(Break::new(1));
    let heading = Style::new().bold().with_font_size(HEADING_SIZE);
    layout.push(
        block(lines(&content.attachments_heading, &faces.bold, HEADING_SIZE, full), heading)
            .padded(Margins::trbl(0, 0, 1.5, 0)),
    );
    for (name, details) in &content.attachments {
        layout.push(block(lines(name, &faces.bold, BODY_SIZE, full), bold));
        if !details.is_empty() {
            layout.push(
                block(lines(details, &faces.regular, BODY_SIZE, full), regular).padded(Margins::trbl(0, 0, 1.5, 0)),
            );
        }
    }
    Ok(layout)
}

/// Renders `content` with the given genpdf font family; returns genpdf's raw PDF.
pub fn render(
    content: &Content,
    faces: &Faces<'_>,
    family: genpdf::fonts::FontFamily<genpdf::fonts::FontData>,
) -> Result<Vec<u8>, genpdf::error::Error> {
    let mut document = genpdf::Document::new(family);
    document.set_minimal_conformance();
    document.set_paper_size(genpdf::PaperSize::A4);
    document.set_font_size(BODY_SIZE);
    document.set_line_spacing(1.15);
    let mut decorator = SimplePageDecorator::new();
    decorator.set_margins(Margins::trbl(16.0, SIDE_MARGIN_MM, BOTTOM_MARGIN_MM, SIDE_MARGIN_MM));
    document.set_page_decorator(decorator);
    document.push(body(content, faces)?);
    let mut out = Vec::new();
    document.render(&mut out)?;
    Ok(out)
}
