//! The shape of a seed e-service: its form sections, fields and typical attachments.

/// How a seed field's value is made up.
#[derive(Debug, Clone, Copy)]
pub enum Gen {
    /// The submitter's full name.
    SubmitterName,
    /// The submitter's henkilötunnus.
    SubmitterId,
    /// The submitter's e-mail address.
    SubmitterEmail,
    /// The submitter's telephone number.
    SubmitterPhone,
    /// The submitter's street address.
    SubmitterStreet,
    /// The submitter's postal code and city.
    SubmitterPostal,
    /// Another person's full name.
    OtherName,
    /// Another person's henkilötunnus.
    OtherId,
    /// A vehicle registration number.
    Plate,
    /// An IBAN.
    Iban,
    /// A business id.
    BusinessId,
    /// A date this many days from the submission (negative: before).
    Date(i64, i64),
    /// One of these options, Finnish and Swedish labels.
    Choice(&'static [(&'static str, &'static str)]),
    /// Yes with this probability.
    Bool(f64),
    /// A whole number in the range.
    Number(u64, u64),
    /// A sum in euros in the range, with cents.
    Euros(u64, u64),
    /// One of these one-line texts (Finnish, Swedish).
    Line(&'static [(&'static str, &'static str)]),
    /// Free text of one to four paragraphs on the service's topic.
    Prose,
    /// A street address somewhere in the municipality.
    Street,
    /// A time range such as `7.00–18.00`.
    Hours,
}

/// One field of a seed form.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    /// Field key.
    pub key: &'static str,
    /// Label in Finnish.
    pub fi: &'static str,
    /// Label in Swedish.
    pub sv: &'static str,
    /// How the value is made.
    pub generate: Gen,
    /// Whether a citizen may leave it empty (then it is empty about a fifth of the time).
    pub optional: bool,
}

/// A form section; `repeat` repeats its fields with a running number (budget rows and the like).
#[derive(Debug, Clone, Copy)]
pub struct SectionSpec {
    /// Heading in Finnish.
    pub fi: &'static str,
    /// Heading in Swedish.
    pub sv: &'static str,
    /// Fields of the section.
    pub fields: &'static [FieldSpec],
    /// How many times the section repeats, at least and at most.
    pub repeat: (u64, u64),
}

/// The kind of file an attachment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A text PDF of a few pages.
    Pdf,
    /// A scanned PDF: one large JPEG page, several MB.
    ScanPdf,
    /// A phone photo.
    Jpeg,
    /// A large phone photo, several MB.
    LargeJpeg,
    /// A drawing or screenshot.
    Png,
    /// A Word document.
    Docx,
}

/// A typical attachment of a service.
#[derive(Debug, Clone, Copy)]
pub struct AttachmentSpec {
    /// File name stem in Finnish.
    pub fi: &'static str,
    /// File name stem in Swedish.
    pub sv: &'static str,
    /// Kind of file.
    pub kind: FileKind,
}

/// A seed e-service.
#[derive(Debug, Clone, Copy)]
pub struct ServiceSpec {
    /// Service id.
    pub id: &'static str,
    /// Name in Finnish.
    pub fi: &'static str,
    /// Name in Swedish.
    pub sv: &'static str,
    /// Case group its transactions usually go to.
    pub case_group: &'static str,
    /// Whether citizens sign in with strong identification (then the henkilötunnus is known).
    pub strong_id: bool,
    /// How many transactions the seed makes.
    pub count: u32,
    /// Attachments per transaction, at least and at most.
    pub attachments: (u64, u64),
    /// Attachments the service's citizens typically send, cycled through.
    pub files: &'static [AttachmentSpec],
    /// Form sections.
    pub sections: &'static [SectionSpec],
    /// Paragraphs of free text (Finnish, Swedish) that prose fields draw from.
    pub prose: &'static [(&'static str, &'static str)],
}

/// A required field.
pub const fn req(key: &'static str, fi: &'static str, sv: &'static str, generate: Gen) -> FieldSpec {
    FieldSpec { key, fi, sv, generate, optional: false }
}

/// An optional field.
pub const fn opt(key: &'static str, fi: &'static str, sv: &'static str, generate: Gen) -> FieldSpec {
    FieldSpec { key, fi, sv, generate, optional: true }
}

/// A section shown once.
pub const fn section(fi: &'static str, sv: &'static str, fields: &'static [FieldSpec]) -> SectionSpec {
    SectionSpec { fi, sv, fields, repeat: (1, 1) }
}

/// An attachment kind with its name stems.
pub const fn file(fi: &'static str, sv: &'static str, kind: FileKind) -> AttachmentSpec {
    AttachmentSpec { fi, sv, kind }
}
