//! What the checks read from a PDF, behind one trait with two independent readers: our own on
//! lopdf (`own.rs`, always there) and poppler with qpdf (`poppler.rs`, where installed). Every
//! check runs with each, so a defect one reader shares with the writer the other still sees.

/// A word of page 1 and its left edge in points.
#[derive(Clone, Debug)]
pub struct Word {
    /// The word's text.
    pub text: String,
    /// Its left edge.
    pub x: f64,
}

/// One font of the PDF, as `pdffonts` lists it.
#[derive(Clone, Debug)]
pub struct FontRow {
    /// The base font name with its subset tag (`ABCDEF+LiberationSans`).
    pub name: String,
    /// Whether the font program is embedded.
    pub embedded: bool,
    /// Whether it is a subset (a six-letter tag).
    pub subset: bool,
    /// Whether it has a `ToUnicode` map.
    pub unicode: bool,
}

impl FontRow {
    /// The name without its subset tag.
    pub fn face(&self) -> &str {
        self.name.split_once('+').map_or(self.name.as_str(), |(_, face)| face)
    }
}

/// The document information a reader shows.
#[derive(Clone, Debug)]
pub struct Info {
    /// The PDF version, `1.7`.
    pub version: String,
    /// The title in the document information.
    pub title: String,
    /// Whether the document says it is tagged (`MarkInfo /Marked true`).
    pub tagged: bool,
}

/// A reader of the transaction PDF.
pub trait Reader: Sync {
    /// The reader's name in a failure.
    fn name(&self) -> &'static str;
    /// The text in the order drawn, a line per baseline, pages parted by form feeds
    /// (`pdftotext -raw`).
    fn raw_text(&self, pdf: &[u8]) -> String;
    /// The text in reading order, right-to-left lines read from the right (`pdftotext`).
    fn reading_text(&self, pdf: &[u8]) -> String;
    /// The words of page 1 with their left edges (`pdftotext -bbox`).
    fn words(&self, pdf: &[u8]) -> Vec<Word>;
    /// The fonts (`pdffonts`).
    fn fonts(&self, pdf: &[u8]) -> Vec<FontRow>;
    /// The XMP metadata (`pdfinfo -meta`).
    fn metadata(&self, pdf: &[u8]) -> String;
    /// Version, title and tagging (`pdfinfo`).
    fn info(&self, pdf: &[u8]) -> Info;
    /// The file's syntax and streams (`qpdf --check`): an error in words.
    fn check(&self, pdf: &[u8]) -> Result<(), String>;
    /// Whether a viewer's window shows the title (`/ViewerPreferences /DisplayDocTitle true`).
    fn displays_doc_title(&self, pdf: &[u8]) -> bool;
}
