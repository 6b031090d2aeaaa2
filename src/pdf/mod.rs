//! The transaction PDF: the record of what the citizen submitted, shaped with harfrust, laid out
//! here and written with lopdf into a small, tagged, archival (PDF/A-2a, PDF/UA-1),
//! byte-reproducible file.
//!
//! [`render`] is synchronous and CPU-bound: call it on a worker.

mod content;
pub mod faces;
mod finish;
mod fonts;
mod format;
mod layout;
mod metadata;
mod ops;
mod shape;
mod subset;
mod tags;
mod text;
mod xref;

pub use format::{field_value, size as format_size, timestamp};
pub use subset::{Subset, SubsetError, subset, subset_glyphs};

use crate::domain::{Language, Transaction};
use content::Content;
use shape::Shaper;

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
    /// The file could not be written.
    #[error("the PDF could not be finished")]
    Finish(#[from] finish::FinishError),
}

fn content_of(transaction: &Transaction) -> Result<(Content, Shaper), PdfError> {
    let shaper = Shaper::new()?;
    let supported = |c: char, previous: Option<char>| shaper.faces().supports(c, previous);
    let content = Content::new(transaction, &supported);
    Ok((content, shaper))
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

/// Renders `transaction` as its archival, tagged PDF.
pub fn render(transaction: &Transaction) -> Result<RenderedPdf, PdfError> {
    let (content, shaper) = content_of(transaction)?;
    let footer_left = content.header.first().map(|h| h.1.clone()).unwrap_or_default();
    let laid = layout::lay_out(&content, &shaper);
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
    };
    let (bytes, pages) = finish::finish(laid, &shaper, &input)?;
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
