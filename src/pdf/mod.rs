//! The transaction PDF: the record of what the citizen submitted, laid out with genpdf and
//! finished into a small, archival (PDF/A-2b), byte-reproducible file.
//!
//! [`render`] is synchronous and CPU-bound (genpdf's document is not `Send`): call it on a worker.

mod content;
mod embedding;
pub mod faces;
mod finish;
mod format;
mod layout;
mod metadata;
mod subset;
mod text;

use std::collections::BTreeMap;

use genpdf::fonts::{FontData, FontFamily};
use printpdf::BuiltinFont;

pub use format::{field_value, size as format_size, timestamp};
pub use subset::{SLOT_CAPACITY, Subset, SubsetError, subset, subset_slots};

use crate::domain::{Language, Transaction};
use content::Content;
use embedding::{Charsets, Subsets};
use text::Widths;

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

/// `text`'s widths with the fallback faces' characters added, in `text`'s font units.
fn with_fallbacks(mut text: Widths, fallbacks: &[Option<&Subset>]) -> Widths {
    for subset in fallbacks.iter().flatten() {
        let scale = f64::from(text.units_per_em) / f64::from(subset.units_per_em.max(1));
        for (c, advance) in widths(subset).advances {
            let advance = (f64::from(advance) * scale).round().clamp(0.0, f64::from(u16::MAX)) as u16;
            text.advances.entry(c).or_insert(advance);
        }
    }
    text
}

fn content_of(transaction: &Transaction) -> Result<(Content, faces::Faces), PdfError> {
    let faces = faces::Faces::new()?;
    let supported = |c: char| faces.face_of(c).is_some();
    let content = Content::new(transaction, &supported);
    Ok((content, faces))
}

/// Every text the PDF of `transaction` shows, in reading order, as it is printed (formatted, and
/// with markers for characters the fonts lack); the page footers are not included. Tests compare
/// it with the text extracted from the PDF.
pub fn shown_text(transaction: &Transaction) -> Result<Vec<String>, PdfError> {
    Ok(content_of(transaction)?.0.in_order())
}

/// The footer texts of page `page` of `pages`: left and right.
pub fn footer_text(transaction: &Transaction, page: usize, pages: usize) -> (String, String) {
    let word = format::texts(transaction.language).page;
    (transaction.id.clone(), format!("{word} {page} / {pages}"))
}

/// The finishing pass's view of one embedded face.
fn face<'a>(embedded: &'a embedding::Embedded, name: &'static str, builtin: &'static [u8]) -> finish::Face<'a> {
    finish::Face { subset: &embedded.subset, name, builtin, slotted: embedded.slotted }
}

/// Renders `transaction` as its archival PDF.
pub fn render(transaction: &Transaction) -> Result<RenderedPdf, PdfError> {
    let (content, faces) = content_of(transaction)?;
    let footer_left = content.header.first().map(|h| h.1.clone()).unwrap_or_default();
    let sets = Charsets::new(&faces, content.regular_chars(&footer_left), content.bold_chars());
    let subsets = Subsets::new(&sets)?;
    let fallbacks = [subsets.emoji.as_ref().map(|e| &e.subset), subsets.symbols.as_ref().map(|e| &e.subset)];
    let regular_widths = with_fallbacks(widths(&subsets.regular.subset), &fallbacks);
    let bold_widths = with_fallbacks(widths(&subsets.bold.subset), &fallbacks);
    use BuiltinFont::{
        Courier, CourierBoldOblique, CourierOblique, Helvetica, HelveticaBold, HelveticaBoldOblique, HelveticaOblique,
        TimesBoldItalic, TimesItalic, TimesRoman,
    };
    let (regular, bold) = (&subsets.regular, &subsets.bold);
    let liberation = FontFamily {
        regular: FontData::new(regular.subset.data.clone(), regular.stand_in(Helvetica))?,
        bold: FontData::new(bold.subset.data.clone(), bold.stand_in(HelveticaBold))?,
        // Never set in italic: built-in stand-ins keep genpdf from embedding two more faces.
        italic: FontData::new(regular.subset.data.clone(), Some(HelveticaOblique))?,
        bold_italic: FontData::new(bold.subset.data.clone(), Some(HelveticaBoldOblique))?,
    };
    // A fallback face has one weight: its regular and bold stand-ins are the same built-in name,
    // and the italic ones are never set.
    let emoji = match &subsets.emoji {
        Some(face) => Some(Subsets::family(face, [Courier, Courier, CourierOblique, CourierBoldOblique])?),
        None => None,
    };
    let symbols = match &subsets.symbols {
        Some(face) => Some(Subsets::family(face, [TimesRoman, TimesRoman, TimesItalic, TimesBoldItalic])?),
        None => None,
    };
    let empty = BTreeMap::new();
    let layout_faces = layout::Faces {
        regular: layout::Face { widths: &regular_widths, encoding: &regular.subset.encoding },
        bold: layout::Face { widths: &bold_widths, encoding: &bold.subset.encoding },
        route: &sets.route,
        emoji: subsets.emoji.as_ref().map_or(&empty, |f| &f.subset.encoding),
        symbols: subsets.symbols.as_ref().map_or(&empty, |f| &f.subset.encoding),
    };
    let raw = layout::render(&content, &layout_faces, layout::Fonts { text: liberation, emoji, symbols })?;
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
        faces: [
            Some(face(regular, "LiberationSans", b"Helvetica")),
            Some(face(bold, "LiberationSans-Bold", b"Helvetica-Bold")),
            subsets.emoji.as_ref().map(|e| face(e, "NotoEmoji", b"Courier")),
            subsets.symbols.as_ref().map(|e| face(e, "DejaVuSans-Symbols", b"Times-Roman")),
        ]
        .into_iter()
        .flatten()
        .collect(),
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
