//! The read-only TWeb checks: TLS, sign-in and rights, the catalog, case search and paging, and
//! the error format of bad requests.

use std::collections::HashSet;

use super::Checks;
use super::probe::Probe;
use crate::contract::tweb::{CasePage, Me, Right};
use crate::domain::{CaseGroup, DocumentType, Group, User};

/// What the read-only checks found that the write checks build on.
pub(super) struct Found {
    pub case_groups: Vec<CaseGroup>,
    pub document_types: Vec<DocumentType>,
    /// The assignment's recipient: the signed-in user when a catalog user, else the first user.
    pub recipient: Option<String>,
}

fn unique<'a>(what: &str, keys: impl Iterator<Item = &'a str>) -> Result<usize, String> {
    let mut seen = HashSet::new();
    for key in keys {
        if !seen.insert(key) {
            return Err(format!("{what} {key} appears twice"));
        }
    }
    Ok(seen.len())
}

/// Runs the read-only TWeb checks.
pub(super) async fn run(tweb: &Probe, checks: &mut Checks) -> Option<Found> {
    let me = tweb.get("/me", &[]).await;
    let tls_rule = "https with a certificate the computer trusts (plain http only to this machine)";
    match &me {
        Err(no) if no.tls => {
            checks.record("tweb.tls", tls_rule, Err(no.words.clone()));
        }
        Err(no) => {
            checks.record("tweb.reachable", "TWeb answers at its address", Err(no.words.clone()));
            return None;
        }
        Ok(_) if tweb.base().starts_with("https://") => {
            checks.record("tweb.tls", tls_rule, Ok("https; the certificate is trusted".to_owned()));
        }
        Ok(_) => {
            checks.record("tweb.tls", tls_rule, Ok("plain http to this machine".to_owned()));
        }
    }
    let me: Option<Me> = match me {
        Ok(answer) => {
            let parsed = answer.json::<Me>(200);
            let found = parsed.as_ref().map(|m| format!("signed in as {} ({})", m.name, m.user)).map_err(Clone::clone);
            checks.record("tweb.sign-in", "GET /me answers 200 with the user and their rights", found);
            parsed.ok()
        }
        Err(_) => None,
    };
    match &me {
        Some(me) => {
            let missing: Vec<&str> = Right::ALL
                .iter()
                .filter(|r| !me.rights.contains(r))
                .map(|r| match r {
                    Right::ReadCases => "read-cases",
                    Right::CreateCases => "create-cases",
                    Right::AddDocuments => "add-documents",
                    Right::CreateAssignments => "create-assignments",
                })
                .collect();
            let rule = "the user has every right a filing needs";
            let result = if missing.is_empty() {
                Ok("read-cases, create-cases, add-documents, create-assignments".to_owned())
            } else {
                Err(format!("the user lacks {}", missing.join(", ")))
            };
            checks.record("tweb.rights", rule, result);
        }
        None => checks.skip("tweb.rights", "the user has every right a filing needs", "needs tweb.sign-in"),
    }
    refused_sign_in(tweb, checks).await;
    let catalog = catalog(tweb, checks).await;
    paging(tweb, checks).await;
    bad_requests(tweb, checks).await;
    let (me, (case_groups, document_types, users)) = (me?, catalog?);
    let recipient = users.iter().find(|u| u.id == me.user).or(users.first()).map(|u| u.id.clone());
    Some(Found { case_groups, document_types, recipient })
}

async fn refused_sign_in(tweb: &Probe, checks: &mut Checks) {
    let rule = "a request without credentials answers 401 as problem+json";
    let result = match tweb.send(tweb.request(reqwest::Method::GET, "/me", false)).await {
        Ok(answer) => answer.problem(&[401]).map(|_| "401 problem+json".to_owned()),
        Err(no) => Err(no.words),
    };
    checks.record("tweb.sign-in-refused", rule, result);
}

async fn catalog(tweb: &Probe, checks: &mut Checks) -> Option<(Vec<CaseGroup>, Vec<DocumentType>, Vec<User>)> {
    let groups_rule = "GET /catalog/case-groups lists the records plan's classes, codes such as 02.05.01, each once";
    let case_groups = match tweb.get("/catalog/case-groups", &[]).await {
        Ok(answer) => answer.json::<Vec<CaseGroup>>(200),
        Err(no) => Err(no.words),
    };
    let case_groups = case_groups.and_then(|groups| {
        if let Some(bad) = groups.iter().find(|g| !crate::domain::is_case_group_code(&g.code)) {
            return Err(format!("{:?} is not a case group code of one to four two-digit levels", bad.code));
        }
        let count = unique("case group", groups.iter().map(|g| g.code.as_str()))?;
        if !groups.iter().any(|g| g.active) {
            return Err(format!("none of the {count} case groups is open for new cases"));
        }
        Ok(groups)
    });
    let found = case_groups.as_ref().map(|g| format!("{} case groups", g.len())).map_err(Clone::clone);
    checks.record("tweb.catalog.case-groups", groups_rule, found);

    let types_rule = "GET /catalog/document-types lists document types, each code once";
    let document_types = match tweb.get("/catalog/document-types", &[]).await {
        Ok(answer) => answer.json::<Vec<DocumentType>>(200),
        Err(no) => Err(no.words),
    };
    let document_types = document_types.and_then(|types| {
        if types.is_empty() {
            return Err("no document types".to_owned());
        }
        unique("document type", types.iter().map(|t| t.code.as_str())).map(|_| types)
    });
    let found = document_types.as_ref().map(|t| format!("{} document types", t.len())).map_err(Clone::clone);
    checks.record("tweb.catalog.document-types", types_rule, found);

    let users = match tweb.get("/catalog/users", &[]).await {
        Ok(answer) => answer
            .json::<Vec<User>>(200)
            .and_then(|users| unique("user", users.iter().map(|u| u.id.as_str())).map(|_| users)),
        Err(no) => Err(no.words),
    };
    let found = users.as_ref().map(|u| format!("{} users", u.len())).map_err(Clone::clone);
    checks.record("tweb.catalog.users", "GET /catalog/users lists the recipients, each id once", found);
    let groups = match tweb.get("/catalog/groups", &[]).await {
        Ok(answer) => answer
            .json::<Vec<Group>>(200)
            .and_then(|groups| unique("group", groups.iter().map(|g| g.id.as_str())).map(|n| format!("{n} groups"))),
        Err(no) => Err(no.words),
    };
    checks.record("tweb.catalog.groups", "GET /catalog/groups lists the recipient groups, each id once", groups);
    Some((case_groups.ok()?, document_types.ok()?, users.unwrap_or_default()))
}

async fn page(tweb: &Probe, page: u32, per_page: u32) -> Result<CasePage, String> {
    let query = [("page", page.to_string()), ("per_page", per_page.to_string())];
    let page_read = match tweb.get("/cases", &query).await {
        Ok(answer) => answer.json::<CasePage>(200)?,
        Err(no) => return Err(no.words),
    };
    if page_read.page != page || page_read.per_page != per_page {
        return Err(format!(
            "asked for page {page} of {per_page}, answered page {} of {}",
            page_read.page, page_read.per_page
        ));
    }
    if page_read.items.len() > per_page as usize {
        return Err(format!("page {page} holds {} cases, more than per_page {per_page}", page_read.items.len()));
    }
    if let Some(bad) = page_read.items.iter().find(|c| !super::is_diary_number(&c.diary_number)) {
        return Err(format!("case {} has the diary number {:?}, not N/CODE/YYYY", bad.id, bad.diary_number));
    }
    Ok(page_read)
}

async fn paging(tweb: &Probe, checks: &mut Checks) {
    let rule = "GET /cases pages from 1 with per_page, newest first, no case on two pages, total counts all";
    let result = async {
        let first = page(tweb, 1, 2).await?;
        let second = page(tweb, 2, 2).await?;
        if first.total != second.total {
            return Err(format!("total {} on page 1 but {} on page 2", first.total, second.total));
        }
        let on_first: HashSet<u64> = first.items.iter().map(|c| c.id).collect();
        if let Some(again) = second.items.iter().find(|c| on_first.contains(&c.id)) {
            return Err(format!("case {} is on pages 1 and 2", again.id));
        }
        let seen = first.items.iter().chain(&second.items).collect::<Vec<_>>();
        if seen.windows(2).any(|w| w[0].created_at < w[1].created_at) {
            return Err("the cases are not newest first".to_owned());
        }
        let expected = first.total.min(4);
        if (seen.len() as u64) < expected {
            return Err(format!("total {} but pages 1 and 2 of 2 hold {} cases", first.total, seen.len()));
        }
        Ok(format!("{} cases in all; pages 1 and 2 of 2 consistent", first.total))
    }
    .await;
    checks.record("tweb.cases.paging", rule, result);
    let rule = "a search by an external ref nobody has answers 200 with no cases";
    let unused = format!("kirjaamo-conformance:none:{}", chrono::Utc::now().timestamp_micros());
    let result = match tweb.get("/cases", &[("external_ref", unused)]).await {
        Ok(answer) => answer.json::<CasePage>(200).and_then(|p| {
            if p.items.is_empty() && p.total == 0 {
                Ok("no cases".to_owned())
            } else {
                Err(format!("{} cases for a ref nobody has: the ref filter is not applied", p.total))
            }
        }),
        Err(no) => Err(no.words),
    };
    checks.record("tweb.cases.by-ref", rule, result);
}

async fn bad_requests(tweb: &Probe, checks: &mut Checks) {
    let rule = "page 0 is refused with 400 problem+json";
    super::refused(tweb, checks, "tweb.cases.page-0", rule, ("/cases", &[("page", "0")]), 400).await;
    let rule = "per_page above 100 is refused with 400 problem+json";
    super::refused(tweb, checks, "tweb.cases.per-page-101", rule, ("/cases", &[("per_page", "101")]), 400).await;
    let rule = "GET /documents without external_ref is refused with 400 problem+json";
    super::refused(tweb, checks, "tweb.documents.needs-ref", rule, ("/documents", &[]), 400).await;
    let rule = "a case that does not exist answers 404 problem+json";
    super::refused(tweb, checks, "tweb.cases.not-found", rule, ("/cases/9223372036854775807", &[]), 404).await;
}
