//! The read-only outbox checks: sign-in, the services, the pending list and its cursor, one
//! transaction and one attachment download, the day's completed list, and the error format.

use std::collections::HashSet;

use sha2::{Digest, Sha256};

use super::Checks;
use super::probe::Probe;
use crate::contract::outbox::{CompletedPage, ServiceSummary, TransactionDetail, TransactionPage};
use crate::outbox::path_segment;

/// Runs the read-only outbox checks.
pub(super) async fn run(outbox: &Probe, checks: &mut Checks) {
    let services = match outbox.get("/services", &[]).await {
        Ok(answer) => answer.json::<Vec<ServiceSummary>>(200),
        Err(no) => {
            checks.record("outbox.reachable", "the outbox answers at its address", Err(no.words));
            return;
        }
    };
    let found = services.as_ref().map(|s| format!("{} e-services", s.len())).map_err(Clone::clone);
    checks.record("outbox.services", "GET /services answers 200 with the e-services and their pending counts", found);
    let rule = "a request without the token answers 401 as problem+json";
    let result = match outbox.send(outbox.request(reqwest::Method::GET, "/services", false)).await {
        Ok(answer) => answer.problem(&[401]).map(|_| "401 problem+json".to_owned()),
        Err(no) => Err(no.words),
    };
    checks.record("outbox.sign-in-refused", rule, result);
    let first = pending(outbox, checks).await;
    match first {
        Some(id) => transaction(outbox, &id, checks).await,
        None => {
            let why = "no pending transaction to read";
            checks.skip("outbox.transaction", "GET /transactions/{id} answers the form and its attachments", why);
            checks.skip("outbox.attachment", "an attachment's bytes match its size and SHA-256", why);
        }
    }
    let rule = "GET /completed answers the day's completed transactions (Helsinki date)";
    let today = crate::domain::helsinki::today().to_string();
    let result = match outbox.get("/completed", &[("from", today)]).await {
        Ok(answer) => answer.json::<CompletedPage>(200).map(|p| format!("{} completed today", p.items.len())),
        Err(no) => Err(no.words),
    };
    checks.record("outbox.completed", rule, result);
    super::refused(
        outbox,
        checks,
        "outbox.limit-201",
        "limit above 200 is refused with 400 problem+json",
        ("/transactions", &[("limit", "201")]),
        400,
    )
    .await;
    let rule = "a transaction that does not exist answers 404 problem+json";
    super::refused(outbox, checks, "outbox.not-found", rule, ("/transactions/KIRJAAMO-CONFORMANCE-NONE", &[]), 404)
        .await;
}

/// The pending list's first two pages of two; the first transaction's id.
async fn pending(outbox: &Probe, checks: &mut Checks) -> Option<String> {
    let rule = "GET /transactions pages by next_cursor (limit 1–200), no transaction on two pages";
    let result = async {
        let first = match outbox.get("/transactions", &[("limit", "2".into())]).await {
            Ok(answer) => answer.json::<TransactionPage>(200)?,
            Err(no) => return Err(no.words),
        };
        if first.items.len() > 2 {
            return Err(format!("limit 2 answered {} transactions", first.items.len()));
        }
        let Some(cursor) = first.next_cursor.clone() else {
            return Ok((first.items.first().map(|t| t.id.clone()), format!("{} pending", first.items.len())));
        };
        let second = match outbox.get("/transactions", &[("limit", "2".into()), ("cursor", cursor)]).await {
            Ok(answer) => answer.json::<TransactionPage>(200)?,
            Err(no) => return Err(no.words),
        };
        let on_first: HashSet<&str> = first.items.iter().map(|t| t.id.as_str()).collect();
        if let Some(again) = second.items.iter().find(|t| on_first.contains(t.id.as_str())) {
            return Err(format!("{} is on the first and the second page", again.id));
        }
        Ok((first.items.first().map(|t| t.id.clone()), "two pages by the cursor, none on both".to_owned()))
    }
    .await;
    let first = result.as_ref().ok().and_then(|(id, _)| id.clone());
    checks.record("outbox.pending.paging", rule, result.map(|(_, found)| found));
    first
}

async fn transaction(outbox: &Probe, id: &str, checks: &mut Checks) {
    let rule = "GET /transactions/{id} answers the form and its attachments";
    let path = format!("/transactions/{}", path_segment(id));
    let detail = match outbox.get(&path, &[]).await {
        Ok(answer) => answer.json::<TransactionDetail>(200).and_then(|d| {
            if d.transaction.id == id { Ok(d) } else { Err(format!("asked for {id}, answered {}", d.transaction.id)) }
        }),
        Err(no) => Err(no.words),
    };
    let found = detail
        .as_ref()
        .map(|d| {
            format!("{id}: {} fields, {} attachments", d.transaction.fields.len(), d.transaction.attachments.len())
        })
        .map_err(Clone::clone);
    checks.record("outbox.transaction", rule, found);
    let rule = "an attachment's bytes match its size and SHA-256, with its content type and x-content-sha256";
    let Some(attachment) = detail.ok().and_then(|d| d.transaction.attachments.into_iter().next()) else {
        checks.skip("outbox.attachment", rule, format!("{id} has no attachment"));
        return;
    };
    let result = match outbox.get(&format!("{path}/attachments/{}", path_segment(&attachment.id)), &[]).await {
        Ok(answer) if answer.status != 200 => Err(answer.unexpected("200")),
        Ok(answer) => {
            let sum = hex::encode(Sha256::digest(&answer.body));
            let header = answer.headers.get("x-content-sha256").and_then(|v| v.to_str().ok()).unwrap_or("");
            let media = answer.content_type.split(';').next().unwrap_or("").trim().to_owned();
            if answer.body.len() as u64 != attachment.size {
                Err(format!("{} bytes where the transaction says {}", answer.body.len(), attachment.size))
            } else if !sum.eq_ignore_ascii_case(&attachment.sha256) {
                Err(format!("SHA-256 {sum} where the transaction says {}", attachment.sha256))
            } else if !header.eq_ignore_ascii_case(&sum) {
                Err(format!("x-content-sha256 is {header:?}, the bytes' sum is {sum}"))
            } else if !media.eq_ignore_ascii_case(&attachment.content_type) {
                Err(format!("served as {media:?}, stored as {:?}", attachment.content_type))
            } else {
                Ok(format!("{} bytes of {media}, sum matches", answer.body.len()))
            }
        }
        Err(no) => Err(no.words),
    };
    checks.record("outbox.attachment", rule, result);
}
