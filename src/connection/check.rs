//! "Test connection": one read from each service, and what went wrong in plain words.

use crate::contract::tweb::Right;
use crate::outbox::OutboxClient;
use crate::plain::Told;
use crate::remote::{RemoteError, RemoteErrorKind};
use crate::tweb::{CaseSystem as _, TwebClient};

use super::Connection;

/// What a service check found, one word for the person who reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Signed in, with every right a filing needs.
    Ok,
    /// Plain http to another machine, or an unusable CA bundle: nothing was sent.
    Insecure,
    /// No answer: wrong address, the server is down, or a firewall.
    Unreachable,
    /// The server's certificate is not trusted (or TLS failed).
    BadCertificate,
    /// The user name, password or token is wrong.
    WrongCredentials,
    /// Signed in, but without a right a filing needs.
    MissingRights,
    /// Something answers, but not the service's API (wrong path?).
    NotTheService,
    /// The service answers that it cannot serve now.
    Unavailable,
    /// Not tried: a secret is missing or the keyring failed.
    NotStarted,
}

/// The outcome for one service.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceCheck {
    /// The one word.
    pub verdict: Verdict,
    /// The details: who signed in, or the error with its chain.
    pub detail: String,
    /// Rights the user lacks (TWeb).
    pub missing_rights: Vec<Right>,
    /// What a working service showed, for the person to recognise it.
    pub found: Option<Found>,
    /// Why it failed, in plain words with the chain.
    pub problem: Option<Told>,
}

/// What a working service showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// TWeb: who signed in.
    User {
        /// Full name.
        name: String,
        /// User name.
        user: String,
    },
    /// TWeb without `/me`: signed in, the catalog read, rights unknown.
    CatalogOnly {
        /// Case groups in the catalog.
        case_groups: usize,
    },
    /// The outbox: its e-services and pending transactions.
    Outbox {
        /// E-services.
        services: usize,
        /// Pending transactions.
        pending: u64,
    },
}

impl ServiceCheck {
    fn failed(error: &RemoteError) -> Self {
        let verdict = match error.kind {
            RemoteErrorKind::Insecure => Verdict::Insecure,
            RemoteErrorKind::Connection | RemoteErrorKind::Timeout => Verdict::Unreachable,
            RemoteErrorKind::Tls => Verdict::BadCertificate,
            RemoteErrorKind::Unauthorized => Verdict::WrongCredentials,
            RemoteErrorKind::Forbidden => Verdict::MissingRights,
            RemoteErrorKind::Unavailable => Verdict::Unavailable,
            RemoteErrorKind::NotFound
            | RemoteErrorKind::Protocol
            | RemoteErrorKind::Validation
            | RemoteErrorKind::Conflict
            | RemoteErrorKind::Gone => Verdict::NotTheService,
        };
        Self {
            verdict,
            detail: crate::error_chain(error),
            missing_rights: Vec::new(),
            found: None,
            problem: Some(Told::of(error)),
        }
    }

    /// Whether the service can be used.
    pub fn is_ok(&self) -> bool {
        self.verdict == Verdict::Ok
    }
}

/// The outcome of "Test connection".
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectionCheck {
    /// TWeb.
    pub tweb: ServiceCheck,
    /// The ePalvelu outbox.
    pub outbox: ServiceCheck,
    /// The virus scanner: its version (`None` when turned off by choice), or why it does not
    /// answer; `None` when not tried.
    pub scanner: Option<Result<Option<String>, Told>>,
}

impl ConnectionCheck {
    /// A check that could not start (e.g. a secret is missing): both services say why.
    pub fn not_started(why: Told) -> Self {
        let service = ServiceCheck {
            verdict: Verdict::NotStarted,
            detail: why.detail.clone(),
            missing_rights: Vec::new(),
            found: None,
            problem: Some(why),
        };
        Self { tweb: service.clone(), outbox: service, scanner: None }
    }

    /// Whether both services can be used.
    pub fn is_ok(&self) -> bool {
        self.tweb.is_ok() && self.outbox.is_ok()
    }
}

/// Checks both services of `connection`: signs in to TWeb and reads the user's rights, signs in
/// to the outbox and lists its e-services; asks the virus scanner whether it answers. Sends
/// nothing when an address is refused.
pub async fn check(connection: &Connection) -> ConnectionCheck {
    let http = match connection.http_client() {
        Ok(http) => http,
        Err(error) => {
            let failed = ServiceCheck::failed(&error);
            return ConnectionCheck { tweb: failed.clone(), outbox: failed, scanner: None };
        }
    };
    let tweb = TwebClient::new(http.clone(), &connection.tweb_url, connection.tweb_auth.clone());
    let outbox = OutboxClient::new(http, &connection.outbox_url, &connection.outbox_token);
    let scanner = crate::scan::Scanner::new(connection.scanner.clone());
    let (tweb, outbox, scanner) = tokio::join!(check_tweb(&tweb), check_outbox(&outbox), scanner.ping());
    ConnectionCheck { tweb, outbox, scanner: Some(scanner.map_err(|e| Told::of(&e))) }
}

async fn check_tweb(tweb: &TwebClient) -> ServiceCheck {
    match tweb.me().await {
        Ok(me) => {
            let missing: Vec<Right> = Right::ALL.into_iter().filter(|r| !me.rights.contains(r)).collect();
            let verdict = if missing.is_empty() { Verdict::Ok } else { Verdict::MissingRights };
            let detail = format!("{} ({})", me.name, me.user);
            let found = Some(Found::User { name: me.name, user: me.user });
            ServiceCheck { verdict, detail, missing_rights: missing, found, problem: None }
        }
        // A TWeb without the rights endpoint: signing in is still checked with a catalog read.
        Err(e) if e.kind == RemoteErrorKind::NotFound => match tweb.case_groups().await {
            Ok(groups) => ServiceCheck {
                verdict: Verdict::Ok,
                detail: format!("signed in; {} case groups; rights not checked (no /me)", groups.len()),
                missing_rights: Vec::new(),
                found: Some(Found::CatalogOnly { case_groups: groups.len() }),
                problem: None,
            },
            Err(e) => ServiceCheck::failed(&e),
        },
        Err(e) => ServiceCheck::failed(&e),
    }
}

async fn check_outbox(outbox: &OutboxClient) -> ServiceCheck {
    match outbox.services().await {
        Ok(services) => {
            let pending: u64 = services.iter().map(|s| u64::from(s.pending)).sum();
            ServiceCheck {
                verdict: Verdict::Ok,
                detail: format!("{} e-services, {pending} pending", services.len()),
                missing_rights: Vec::new(),
                found: Some(Found::Outbox { services: services.len(), pending }),
                problem: None,
            }
        }
        Err(e) => ServiceCheck::failed(&e),
    }
}
