//! What a remote call was doing, named once: the English words for logs and the chain, and the
//! message of the desk's texts that says it in the clerk's language.

use std::fmt;

/// A remote call's purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Building the HTTP client (certificates, proxy).
    BuildClient,
    /// Checking the address before connecting.
    Connect,
    /// `GET /me`.
    ReadMe,
    /// `GET /catalog/case-groups`.
    ReadCaseGroups,
    /// `GET /catalog/document-types`.
    ReadDocumentTypes,
    /// `GET /catalog/users`.
    ReadUsers,
    /// `GET /catalog/groups`.
    ReadGroups,
    /// `GET /cases`.
    SearchCases,
    /// `GET /cases/{id}`.
    ReadCase,
    /// `POST /cases`.
    OpenCase,
    /// `POST /documents`.
    UploadDocument,
    /// `POST /assignments`.
    SendAssignment,
    /// `POST /cases/{id}/withdraw`.
    WithdrawCase,
    /// `GET /documents?external_ref=`.
    LookUpDocument,
    /// `GET /assignments?external_ref=`.
    LookUpAssignment,
    /// `GET /transactions`.
    ListOutbox,
    /// `GET /services`.
    ListServices,
    /// `GET /completed`.
    ListCompleted,
    /// `GET /transactions/{id}`.
    ReadTransaction,
    /// `GET /transactions/{id}/attachments/{id}`.
    DownloadAttachment,
    /// `POST /transactions/{id}/claim`.
    Claim,
    /// `POST /transactions/{id}/release`.
    Release,
    /// `POST /transactions/{id}/complete`.
    Complete,
    /// `POST /transactions/{id}/reopen`.
    Reopen,
}

impl Action {
    /// Every action (the texts' tests check each has its message).
    pub const ALL: [Self; 24] = [
        Self::BuildClient,
        Self::Connect,
        Self::ReadMe,
        Self::ReadCaseGroups,
        Self::ReadDocumentTypes,
        Self::ReadUsers,
        Self::ReadGroups,
        Self::SearchCases,
        Self::ReadCase,
        Self::OpenCase,
        Self::UploadDocument,
        Self::SendAssignment,
        Self::WithdrawCase,
        Self::LookUpDocument,
        Self::LookUpAssignment,
        Self::ListOutbox,
        Self::ListServices,
        Self::ListCompleted,
        Self::ReadTransaction,
        Self::DownloadAttachment,
        Self::Claim,
        Self::Release,
        Self::Complete,
        Self::Reopen,
    ];

    /// The server the call goes to; `None` before any request is made.
    pub fn server(self) -> Option<Server> {
        match self {
            Self::BuildClient | Self::Connect => None,
            Self::ReadMe
            | Self::ReadCaseGroups
            | Self::ReadDocumentTypes
            | Self::ReadUsers
            | Self::ReadGroups
            | Self::SearchCases
            | Self::ReadCase
            | Self::OpenCase
            | Self::UploadDocument
            | Self::SendAssignment
            | Self::WithdrawCase
            | Self::LookUpDocument
            | Self::LookUpAssignment => Some(Server::Tweb),
            Self::ListOutbox
            | Self::ListServices
            | Self::ListCompleted
            | Self::ReadTransaction
            | Self::DownloadAttachment
            | Self::Claim
            | Self::Release
            | Self::Complete
            | Self::Reopen => Some(Server::Outbox),
        }
    }

    /// The English words, e.g. `opening the case`.
    pub fn english(self) -> &'static str {
        match self {
            Self::BuildClient => "building the HTTP client",
            Self::Connect => "connecting",
            Self::ReadMe => "reading who is signed in",
            Self::ReadCaseGroups => "reading the case groups",
            Self::ReadDocumentTypes => "reading the document types",
            Self::ReadUsers => "reading the users",
            Self::ReadGroups => "reading the groups",
            Self::SearchCases => "searching cases",
            Self::ReadCase => "reading the case",
            Self::OpenCase => "opening the case",
            Self::UploadDocument => "uploading the document",
            Self::SendAssignment => "sending the assignment",
            Self::WithdrawCase => "withdrawing the case",
            Self::LookUpDocument => "looking up the document",
            Self::LookUpAssignment => "looking up the assignment",
            Self::ListOutbox => "listing the outbox",
            Self::ListServices => "listing the e-services",
            Self::ListCompleted => "listing the day's filings",
            Self::ReadTransaction => "reading the transaction",
            Self::DownloadAttachment => "downloading the attachment",
            Self::Claim => "claiming the transaction",
            Self::Release => "releasing the transaction",
            Self::Complete => "marking the transaction filed",
            Self::Reopen => "returning the transaction to the inbox",
        }
    }

    /// The message id that says it (`call-…` in `assets/i18n/*.ftl`).
    pub fn message_id(self) -> &'static str {
        match self {
            Self::BuildClient => "call-build-client",
            Self::Connect => "call-connect",
            Self::ReadMe => "call-read-me",
            Self::ReadCaseGroups => "call-read-case-groups",
            Self::ReadDocumentTypes => "call-read-document-types",
            Self::ReadUsers => "call-read-users",
            Self::ReadGroups => "call-read-groups",
            Self::SearchCases => "call-search-cases",
            Self::ReadCase => "call-read-case",
            Self::OpenCase => "call-open-case",
            Self::UploadDocument => "call-upload-document",
            Self::SendAssignment => "call-send-assignment",
            Self::WithdrawCase => "call-withdraw-case",
            Self::LookUpDocument => "call-look-up-document",
            Self::LookUpAssignment => "call-look-up-assignment",
            Self::ListOutbox => "call-list-outbox",
            Self::ListServices => "call-list-services",
            Self::ListCompleted => "call-list-completed",
            Self::ReadTransaction => "call-read-transaction",
            Self::DownloadAttachment => "call-download-attachment",
            Self::Claim => "call-claim",
            Self::Release => "call-release",
            Self::Complete => "call-complete",
            Self::Reopen => "call-reopen",
        }
    }
}

/// One of the two servers the program talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Server {
    /// TWeb.
    Tweb,
    /// The ePalvelu outbox.
    Outbox,
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.english())
    }
}
