//! A read-only page per case, standing in for TWeb's web UI so the desk's "Open in TWeb" has
//! somewhere to go in demo mode: `GET /tweb/asia/{id}`. Personal ids are masked.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Html;

use super::error::ApiResult;
use super::shared::Shared;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The case page.
pub async fn case_page(State(shared): State<Arc<Shared>>, Path(id): Path<u64>) -> ApiResult<Html<String>> {
    let detail = shared.tweb().case_detail(id)?;
    let case = &detail.case;
    let mut html = format!(
        "<!doctype html><html lang=\"fi\"><meta charset=\"utf-8\"><title>{diary}</title>\
         <body style=\"font-family: sans-serif; max-width: 50em; margin: 2em auto\">\
         <p>TWeb (Kirjaamo sandbox)</p><h1>{diary}</h1><h2>{title}</h2>\
         <p>Asiaryhmä {group} · {status:?} · saapunut {received}</p><h3>Asianosaiset</h3><ul>",
        diary = escape(&case.diary_number),
        title = escape(&case.title),
        group = escape(&case.case_group),
        status = case.status,
        received = case.received_date.format("%-d.%-m.%Y"),
    );
    for party in &case.parties {
        let id = party.personal_id.as_ref().map(|p| format!(" ({})", p.masked())).unwrap_or_default();
        html.push_str(&format!("<li>{}{}</li>", escape(&party.name), escape(&id)));
    }
    html.push_str("</ul><h3>Asiakirjat</h3><ul>");
    for document in &detail.documents {
        html.push_str(&format!(
            "<li>{} · {} · {}</li>",
            escape(&document.title),
            escape(&document.document_type),
            escape(&document.filename)
        ));
    }
    html.push_str("</ul></body></html>");
    Ok(Html(html))
}
