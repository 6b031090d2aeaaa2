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
mod secret;
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

/// What `make` builds from the characters the fonts support, with the shaper that tells it.
fn shaped<T>(make: impl FnOnce(&dyn Fn(char, Option<char>) -> bool) -> T) -> Result<(T, Shaper), PdfError> {
    let shaper = Shaper::new()?;
    let supported = |c: char, previous: Option<char>| shaper.faces().supports(c, previous);
    let made = make(&supported);
    Ok((made, shaper))
}

fn content_of(transaction: &Transaction) -> Result<(Content, Shaper), PdfError> {
    shaped(|supported| Content::new(transaction, supported))
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
    let title = format!("{} {}", transaction.service.name, transaction.id);
    let id_seed = serde_json::to_vec(transaction).unwrap_or_else(|_| transaction.id.clone().into_bytes());
    finish_content(transaction, &content, &shaper, title, &id_seed)
}

/// The title of the separate secret address document in `language`.
pub fn secret_address_title(language: Language) -> &'static str {
    format::texts(language).secret_address_title
}

fn secret_content_of(transaction: &Transaction) -> Result<Option<(Content, Shaper)>, PdfError> {
    let (content, shaper) = shaped(|supported| Content::secret_address(transaction, supported))?;
    Ok(content.map(|content| (content, shaper)))
}

/// Every text the secret address document of `transaction` shows, in reading order (see
/// [`shown_text`]); `None` when there is no such document.
pub fn secret_address_text(transaction: &Transaction) -> Result<Option<Vec<String>>, PdfError> {
    Ok(secret_content_of(transaction)?.map(|(content, _)| content.in_order()))
}

/// Renders the separate secret document that carries the address of a submitter with a
/// protection order, the only place that address is filed; `None` without a protection order or
/// without an address.
pub fn render_secret_address(transaction: &Transaction) -> Result<Option<RenderedPdf>, PdfError> {
    let Some((content, shaper)) = secret_content_of(transaction)? else { return Ok(None) };
    let title = format!("{} {}", content.texts.secret_address_title, transaction.id);
    let mut id_seed = serde_json::to_vec(transaction).unwrap_or_else(|_| transaction.id.clone().into_bytes());
    id_seed.extend_from_slice(b":protected-address");
    finish_content(transaction, &content, &shaper, title, &id_seed).map(Some)
}

fn finish_content(
    transaction: &Transaction,
    content: &Content,
    shaper: &Shaper,
    title: String,
    id_seed: &[u8],
) -> Result<RenderedPdf, PdfError> {
    let footer_left = transaction.id.clone();
    let laid = layout::lay_out(content, shaper);
    let input = finish::Finish {
        title,
        lang: match transaction.language {
            Language::Fi => "fi-FI",
            Language::Sv => "sv-FI",
        },
        created: transaction.submitted_at,
        id_seed,
        footer_left: &footer_left,
        page_word: content.texts.page,
    };
    let (bytes, pages) = finish::finish(laid, shaper, &input)?;
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
