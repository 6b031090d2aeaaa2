//! The two OpenAPI documents as the build carries them: the committed files under `assets/api/`,
//! which a test holds equal to what the sandbox's code generates (`tests/sandbox/contracts.rs`).
//! The shipped program writes these copies (`kirjaamo contracts`) instead of generating them, so
//! the generator and its YAML writer stay out of the binary (about 0.75 MB).

/// One contract file: its name under `assets/api/` and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContractDocument {
    /// File name, such as `tweb.openapi.yaml`.
    pub name: &'static str,
    /// The OpenAPI 3.1 document as YAML.
    pub text: &'static str,
}

/// The TWeb contract.
pub const TWEB: ContractDocument =
    ContractDocument { name: "tweb.openapi.yaml", text: include_str!("../../assets/api/tweb.openapi.yaml") };

/// The ePalvelu outbox contract.
pub const OUTBOX: ContractDocument = ContractDocument {
    name: "epalvelu-outbox.openapi.yaml",
    text: include_str!("../../assets/api/epalvelu-outbox.openapi.yaml"),
};

/// Both contracts, TWeb first.
pub const ALL: [ContractDocument; 2] = [TWEB, OUTBOX];
