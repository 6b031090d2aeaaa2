//! The page layout: A4, the title, the header block, the sections of fields and the attachment
//! list, with the structure tree built in the same pass, so that the tags' order is the order on
//! the page. Every text is wrapped to its column with the shaped widths; page breaks fall between
//! lines, a heading stays with what follows it and a label with its value's first line.

use super::content::Content;
use super::shape::{Glyph, Shaper};
use super::tags::{Elem, Kind, Tree};
use super::text::wrap;

/// Points in a millimetre.
pub const PT_PER_MM: f64 = 72.0 / 25.4;
/// A4 in points.
pub const PAGE_WIDTH_PT: f64 = 595.276;
/// A4 in points.
pub const PAGE_HEIGHT_PT: f64 = 841.89;
/// Left and right margins.
pub const SIDE_MARGIN_MM: f64 = 20.0;
/// Top margin.
const TOP_MARGIN_MM: f64 = 16.0;
/// Bottom margin, which holds the footer.
pub const BOTTOM_MARGIN_MM: f64 = 22.0;
/// Column weights of label and value in a table row.
const LABEL_WEIGHT: f64 = 2.0;
const VALUE_WEIGHT: f64 = 5.0;
/// Gap between a label and its value.
const GAP_PT: f64 = 8.0;
/// Values with more lines than this go below their label.
const MAX_BESIDE_LINES: usize = 3;
/// Font sizes.
const TITLE_SIZE: f64 = 16.0;
const HEADING_SIZE: f64 = 12.0;
const BODY_SIZE: f64 = 10.0;
/// Line height in em: Liberation Sans' ascent, descent and gap (1.15 em), spaced by 1.15.
const LINE_HEIGHT: f64 = 1.15 * 1.15;
/// Liberation Sans' ascent in em: the baseline's distance below a line's top.
const ASCENT: f64 = 1854.0 / 2048.0;

/// One printed line.
#[derive(Debug, Clone)]
pub struct Line {
    /// Left edge, in points from the page's left.
    pub x: f64,
    /// Baseline, in points from the page's bottom.
    pub baseline: f64,
    /// Font size.
    pub size: f64,
    /// The glyphs in visual order.
    pub glyphs: Vec<Glyph>,
    /// The structure element it belongs to.
    pub elem: Elem,
}

/// The document laid out: its pages' lines and its structure tree.
pub struct Laid {
    /// The lines of each page, in reading order.
    pub pages: Vec<Vec<Line>>,
    /// The structure tree; the lines' marked content is added as they are written.
    pub tree: Tree,
}

struct Lay<'a> {
    shaper: &'a Shaper,
    pages: Vec<Vec<Line>>,
    tree: Tree,
    /// Distance from the current page's top to the next line's top.
    y: f64,
}

fn line_height(size: f64) -> f64 {
    size * LINE_HEIGHT
}

fn top() -> f64 {
    TOP_MARGIN_MM * PT_PER_MM
}

fn bottom() -> f64 {
    PAGE_HEIGHT_PT - BOTTOM_MARGIN_MM * PT_PER_MM
}

fn left() -> f64 {
    SIDE_MARGIN_MM * PT_PER_MM
}

fn full_width() -> f64 {
    PAGE_WIDTH_PT - 2.0 * SIDE_MARGIN_MM * PT_PER_MM
}

/// Text wrapped for one column, in one weight and size.
struct Block {
    lines: Vec<String>,
    /// Whether each line belongs to a right-to-left paragraph (set flush right).
    rtl: Vec<bool>,
    bold: bool,
    size: f64,
    width: f64,
}

impl Block {
    fn height(&self) -> f64 {
        self.lines.len() as f64 * line_height(self.size)
    }
}

impl<'a> Lay<'a> {
    fn block(&self, text: &str, bold: bool, size: f64, width: f64) -> Block {
        let measure = |s: &str| self.shaper.width(s, bold) * size;
        let (mut lines, mut rtl) = (Vec::new(), Vec::new());
        // Each typed paragraph takes the direction of its first strong character.
        for paragraph in text.split('\n') {
            let right_to_left = unicode_bidi::get_base_direction(paragraph) == unicode_bidi::Direction::Rtl;
            // A hair of slack so that rounding never makes a line a point too wide.
            let wrapped = wrap(paragraph, &measure, width * 0.995);
            rtl.extend(std::iter::repeat_n(right_to_left, wrapped.len()));
            lines.extend(wrapped);
        }
        Block { lines, rtl, bold, size, width }
    }

    fn room(&self) -> f64 {
        bottom() - self.y
    }

    /// Starts a new page unless `height` fits on this one (or this one is still empty).
    fn ensure(&mut self, height: f64) {
        if height > self.room() + 1e-6 && self.y > top() + 1e-6 {
            self.pages.push(Vec::new());
            self.y = top();
        }
    }

    /// Puts line `index` of `block` at `x`, `below` lines below the current position.
    fn put(&mut self, block: &Block, index: usize, below: usize, x: f64, elem: Elem) {
        let Some(text) = block.lines.get(index) else { return };
        if text.trim().is_empty() {
            return;
        }
        // The indentation is shaped on its own: no kerning with the first letter moves it. A
        // right-to-left paragraph is set flush right, its indentation on the right.
        let rest = text.trim_start_matches(' ');
        let indent = self.shaper.line(&text[..text.len() - rest.len()], block.bold);
        let rtl = block.rtl.get(index).copied().unwrap_or(false);
        let mut glyphs = self.shaper.line_in(rest, block.bold, rtl);
        let x = if rtl {
            glyphs.extend(indent);
            x + (block.width - glyphs.iter().map(|g| g.advance).sum::<f64>() * block.size).max(0.0)
        } else {
            glyphs.splice(0..0, indent);
            x
        };
        let top_of_line = self.y + below as f64 * line_height(block.size);
        let line =
            Line { x, baseline: PAGE_HEIGHT_PT - top_of_line - ASCENT * block.size, size: block.size, glyphs, elem };
        if let Some(page) = self.pages.last_mut() {
            page.push(line);
        }
    }

    /// Puts `block` at `x` line by line, breaking pages between lines.
    fn flow(&mut self, block: &Block, x: f64, elem: Elem) {
        let height = line_height(block.size);
        for index in 0..block.lines.len() {
            self.ensure(height);
            self.put(block, index, 0, x, elem);
            self.y += height;
        }
    }

    fn gap(&mut self, height: f64) {
        self.y += height;
    }

    /// A label and its value side by side, kept on one page when they fit one.
    fn row(&mut self, table: Elem, label: &Block, value: &Block, pad: f64) {
        let tr = self.tree.add(table, Kind::Tr);
        let (th, td) = (self.tree.add(tr, Kind::Th), self.tree.add(tr, Kind::Td));
        let height = label.height().max(value.height()) + pad;
        if height > bottom() - top() {
            self.flow(label, left(), th);
            self.flow(value, left() + value_x(), td);
            self.gap(pad);
            return;
        }
        self.ensure(height);
        (0..label.lines.len()).for_each(|i| self.put(label, i, i, left(), th));
        (0..value.lines.len()).for_each(|i| self.put(value, i, i, left() + value_x(), td));
        self.gap(height);
    }

    /// A label with its value below it, at the full width.
    fn below(&mut self, table: Elem, label: &Block, value: &Block) {
        let tr = self.tree.add(table, Kind::Tr);
        let (th, td) = (self.tree.add(tr, Kind::Th), self.tree.add(tr, Kind::Td));
        let first_value_line = line_height(value.size).min(value.height());
        self.ensure(label.height() + 0.5 * PT_PER_MM + first_value_line);
        self.flow(label, left(), th);
        self.gap(0.5 * PT_PER_MM);
        self.flow(value, left(), td);
        self.gap(2.0 * PT_PER_MM);
    }

    /// A heading, kept with `next` points of what follows it.
    fn heading(&mut self, text: &str, next: f64) {
        let block = self.block(text, true, HEADING_SIZE, full_width());
        self.ensure(block.height() + 1.5 * PT_PER_MM + next);
        let elem = self.tree.add(Tree::ROOT, Kind::H2);
        self.flow(&block, left(), elem);
        self.gap(1.5 * PT_PER_MM);
    }
}

fn value_x() -> f64 {
    full_width() * LABEL_WEIGHT / (LABEL_WEIGHT + VALUE_WEIGHT)
}

/// Lays out `content`.
pub fn lay_out(content: &Content, shaper: &Shaper) -> Laid {
    let mut lay = Lay { shaper, pages: vec![Vec::new()], tree: Tree::default(), y: top() };
    let full = full_width();
    let label_width = value_x() - GAP_PT;
    let value_width = full - value_x();
    let body_line = line_height(BODY_SIZE);

    let title = lay.block(&content.title, true, TITLE_SIZE, full);
    let h1 = lay.tree.add(Tree::ROOT, Kind::H1);
    lay.flow(&title, left(), h1);
    lay.gap(0.6 * body_line);

    let header = lay.tree.add(Tree::ROOT, Kind::Table);
    for (label, value) in &content.header {
        let label = lay.block(label, true, BODY_SIZE, label_width);
        let value = lay.block(value, false, BODY_SIZE, value_width);
        lay.row(header, &label, &value, 0.8 * PT_PER_MM);
    }

    for section in &content.sections {
        lay.gap(body_line);
        lay.heading(&section.heading, body_line);
        let table = lay.tree.add(Tree::ROOT, Kind::Table);
        for field in &section.fields {
            let beside = lay.block(&field.value, false, BODY_SIZE, value_width);
            if field.multiline || beside.lines.len() > MAX_BESIDE_LINES {
                let label = lay.block(&field.label, true, BODY_SIZE, full);
                let value = lay.block(&field.value, false, BODY_SIZE, full);
                lay.below(table, &label, &value);
            } else {
                let label = lay.block(&field.label, true, BODY_SIZE, label_width);
                lay.row(table, &label, &beside, 1.5 * PT_PER_MM);
            }
        }
    }

    if content.attachments_heading.is_empty() {
        return Laid { pages: lay.pages, tree: lay.tree };
    }
    lay.gap(body_line);
    lay.heading(&content.attachments_heading, body_line);
    let list = match content.attachments.as_slice() {
        [(_, details)] if details.is_empty() => None,
        _ => Some(lay.tree.add(Tree::ROOT, Kind::L)),
    };
    for (name, details) in &content.attachments {
        let name = lay.block(name, true, BODY_SIZE, full);
        let details = lay.block(details, false, BODY_SIZE, full);
        let elem = match list {
            Some(list) => {
                let item = lay.tree.add(list, Kind::Li);
                lay.tree.add(item, Kind::LBody)
            }
            None => lay.tree.add(Tree::ROOT, Kind::P),
        };
        lay.ensure(name.height() + details.height());
        lay.flow(&name, left(), elem);
        if !details.lines.is_empty() && details.lines.iter().any(|l| !l.is_empty()) {
            lay.flow(&details, left(), elem);
            lay.gap(1.5 * PT_PER_MM);
        }
    }
    Laid { pages: lay.pages, tree: lay.tree }
}
