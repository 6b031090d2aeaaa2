//! The credentials the sandbox accepts (demo values).

/// The credentials the sandbox accepts.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// TWeb user name for Basic authentication.
    pub tweb_user: String,
    /// TWeb password for Basic authentication.
    pub tweb_password: String,
    /// TWeb API token for Bearer authentication.
    pub tweb_token: String,
    /// ePalvelu outbox token.
    pub outbox_token: String,
    /// A TWeb user (with `tweb_password`) who may read but not file: "missing rights".
    pub limited_tweb_user: String,
    /// An outbox token of another organisation: valid, but without access to this outbox.
    pub foreign_outbox_token: String,
}

impl Credentials {
    /// The demo credentials, printed by `kirjaamo sandbox` and used by `--demo`.
    pub fn demo() -> Self {
        Self {
            tweb_user: "kirjaamo".to_owned(),
            tweb_password: "demo".to_owned(),
            tweb_token: "tweb-demo-token".to_owned(),
            outbox_token: "epalvelu-demo-token".to_owned(),
            limited_tweb_user: "lukija".to_owned(),
            foreign_outbox_token: "epalvelu-naapurikunta-token".to_owned(),
        }
    }
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("tweb_user", &self.tweb_user)
            .field("limited_tweb_user", &self.limited_tweb_user)
            .finish_non_exhaustive()
    }
}
