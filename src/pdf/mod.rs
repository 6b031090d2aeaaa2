//! The transaction PDF: the record of what the citizen submitted, laid out with genpdf and
//! finished into a small, archival (PDF/A-2b), byte-reproducible file.
//!
//! [`render`] is synchronous and CPU-bound (genpdf's document is not `Send`): call it on a worker.

mod content;
mod finish;
mod format;
mod layout;
mod subset;
mod text;

use std::collections::BTreeSet;

use genpdf::fonts::{FontData, FontFamily};

pub use format::{field_value, size as format_size, timestamp};
pub use subset::{SLOT_CAPACITY, Subset, SubsetError, subset, subset_slots};

use crate::domain::{Language, Transaction};
use content::Content;
use text::Widths;

/// Liberation Sans Regular (SIL OFL 1.1).
const REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
/// Liberation Sans Bold (SIL OFL 1.1).
const BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");

/// A character the fonts cannot show, replaced by a visible `[U+XXXX]` marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplacedChar {
    /// The character as submitted.
    pub character: char,
    /// The marker printed in its place.
    pub marker: String,
    /// How many times it occurs.
    pub count: usize,
}

/// A rendered transaction PDF.
#[derive(Debug, Clone)]
pub struct RenderedPdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Characters replaced by markers; empty when every character could be shown.
    pub replaced: Vec<ReplacedChar>,
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A font could not be subset.
    #[error("the font could not be prepared")]
    Font(#[from] SubsetError),
    /// genpdf failed to lay out or write the document.
    #[error("the document could not be laid out")]
    Layout(#[from] genpdf::error::Error),
    /// The finishing pass failed.
    #[error("the PDF could not be finished")]
    Finish(#[from] finish::FinishError),
}

fn widths(subset: &Subset) -> Widths {
    let advances =
        subset.glyphs.iter().map(|(&c, &gid)| (c, subset.advances.get(gid as usize).copied().unwrap_or(0))).collect();
    Widths { advances, units_per_em: subset.units_per_em }
}

fn faces() -> Result<(ttf_parser::Face<'static>, ttf_parser::Face<'static>), SubsetError> {
    let parse = |data: &'static [u8]| ttf_parser::Face::parse(data, 0).map_err(SubsetError::from);
    Ok((parse(REGULAR)?, parse(BOLD)?))
}

fn content_of(transaction: &Transaction) -> Result<Content, PdfError> {
    let (regular, bold) = faces()?;
    let supported = |c: char| c == ' ' || (regular.glyph_index(c).is_some() && bold.glyph_index(c).is_some());
    Ok(Content::new(transaction, &supported))
}

/// Every text the PDF of `transaction` shows, in reading order, as it is printed (formatted, and
/// with markers for characters the fonts lack); the page footers are not included. Tests compare
/// it with the text extracted from the PDF.
pub fn shown_text(transaction: &Transaction) -> Result<Vec<String>, PdfError> {
    Ok(content_of(transaction)?.in_order())
}

/// The footer texts of page `page` of `pages`: left and right.
pub fn footer_text(transaction: &Transaction, page: usize, pages: usize) -> (String, String) {
    let word = format::texts(transaction.language).page;
    (transaction.id.clone(), format!("{word} {page} / {pages}"))
}

/// Renders `transaction` as its archival PDF.
pub fn render(transaction: &Transaction) -> Result<RenderedPdf, PdfError> {
    let content = content_of(transaction)?;
    let footer_left = content.header.first().map(|h| h.1.clone()).unwrap_or_default();
    let regular_chars: BTreeSet<char> = content.regular_chars(&footer_left);
    let bold_chars = content.bold_chars();
    // Slot mode keeps printpdf from scanning every Unicode code point per embedded font (about
    // 20 ms a face): genpdf lays out single-byte stand-ins with built-in font references, and the
    // finishing pass embeds the real subsets. Documents with more distinct characters than the
    // slots hold take the slower path where printpdf embeds the subsets itself.
    let slots =
        match (subset_slots(REGULAR, regular_chars.iter().copied()), subset_slots(BOLD, bold_chars.iter().copied())) {
            (Ok(regular), Ok(bold)) => Some((regular, bold)),
            _ => None,
        };
    let slot_mode = slots.is_some();
    let (regular, bold) = match slots {
        Some(pair) => pair,
        None => (subset(REGULAR, regular_chars)?, subset(BOLD, bold_chars)?),
    };
    let (regular_widths, bold_widths) = (widths(&regular), widths(&bold));
    use printpdf::BuiltinFont::{Helvetica, HelveticaBold, HelveticaBoldOblique, HelveticaOblique};
    let embedded = |builtin| if slot_mode { Some(builtin) } else { None };
    let family = FontFamily {
        regular: FontData::new(regular.data.clone(), embedded(Helvetica))?,
        bold: FontData::new(bold.data.clone(), embedded(HelveticaBold))?,
        // Never set in italic: built-in stand-ins keep genpdf from embedding two more faces.
        italic: FontData::new(regular.data.clone(), Some(HelveticaOblique))?,
        bold_italic: FontData::new(bold.data.clone(), Some(HelveticaBoldOblique))?,
    };
    let faces = layout::Faces {
        regular: layout::Face { widths: &regular_widths, encoding: &regular.encoding },
        bold: layout::Face { widths: &bold_widths, encoding: &bold.encoding },
    };
    let raw = layout::render(&content, &faces, family)?;
    let id_seed = serde_json::to_vec(transaction).unwrap_or_else(|_| transaction.id.clone().into_bytes());
    let input = finish::Finish {
        title: format!("{} {}", transaction.service.name, transaction.id),
        lang: match transaction.language {
            Language::Fi => "fi-FI",
            Language::Sv => "sv-FI",
        },
        created: transaction.submitted_at,
        id_seed: &id_seed,
        footer_left: &footer_left,
        page_word: content.texts.page,
        slot_mode,
        regular: finish::Face { subset: &regular, name: "LiberationSans" },
        bold: finish::Face { subset: &bold, name: "LiberationSans-Bold" },
    };
    let (bytes, pages) = finish::finish(&raw, &input)?;
    let replaced = content
        .replaced
        .iter()
        .map(|(&character, &count)| ReplacedChar { character, marker: text::marker(character), count })
        .collect();
    Ok(RenderedPdf { bytes, pages, replaced })
}

impl crate::plain::Explain for PdfError {
    fn plain(&self) -> crate::plain::Plain {
        crate::plain::Plain::new("pdf-failed")
    }
}
