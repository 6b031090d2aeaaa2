//! The built-in data looks like a real municipality's: checked over HTTP, file by file.

use std::collections::{HashMap, HashSet};
use std::io::Cursor;

use kirjaamo::domain::PersonalId;
use reqwest::Method;
use serde_json::Value;

use crate::common::{Env, start};

async fn transactions(env: &Env) -> Vec<Value> {
    let page = env.outbox_get("/transactions?limit=200").await;
    let mut out = Vec::new();
    for summary in page["items"].as_array().expect("items") {
        let id = summary["id"].as_str().expect("id");
        out.push(env.outbox_get(&format!("/transactions/{id}")).await["transaction"].clone());
    }
    out
}

#[tokio::test]
async fn the_seed_outbox_is_varied_and_realistic() {
    let env = start().await;
    let all = transactions(&env).await;
    assert!(all.len() >= 60);
    let services: HashSet<&str> = all.iter().filter_map(|t| t["service"]["id"].as_str()).collect();
    assert!(services.len() >= 8, "{services:?}");
    let languages: HashSet<&str> = all.iter().filter_map(|t| t["language"].as_str()).collect();
    assert_eq!(languages, HashSet::from(["fi", "sv"]));
    let field_counts: Vec<usize> = all.iter().map(|t| t["fields"].as_array().map_or(0, Vec::len)).collect();
    assert!(field_counts.iter().all(|n| (5..=60).contains(n)), "{field_counts:?}");
    assert!(field_counts.iter().any(|n| *n >= 40), "some long forms: {field_counts:?}");
    let fields: Vec<&Value> = all.iter().flat_map(|t| t["fields"].as_array().into_iter().flatten()).collect();
    assert!(fields.iter().all(|f| f["section"].is_string()));
    assert!(fields.iter().any(|f| f["kind"] == "multiline" && f["value"].as_str().is_some_and(|v| v.contains("\n\n"))));
    let kinds: HashSet<&str> = fields.iter().filter_map(|f| f["kind"].as_str()).collect();
    for kind in ["text", "multiline", "date", "choice", "boolean", "number", "email", "phone"] {
        assert!(kinds.contains(kind), "no {kind} field");
    }
    // Every henkilötunnus in the data is valid and from the test range 900–999.
    let ids: Vec<&str> = all.iter().filter_map(|t| t["submitter"]["personal_id"].as_str()).collect();
    assert!(!ids.is_empty());
    for id in ids {
        assert!(PersonalId::parse(id).is_ok(), "{id}");
        assert!(id[7..10].parse::<u16>().is_ok_and(|n| n >= 900), "{id} is a test identity");
    }
    let counts: Vec<usize> = all.iter().map(|t| t["attachments"].as_array().map_or(0, Vec::len)).collect();
    assert!(counts.contains(&0) && counts.contains(&10), "{counts:?}");
}

#[tokio::test]
async fn seed_attachments_are_real_files_of_the_kinds_citizens_send() {
    let env = start().await;
    let mut by_type: HashMap<String, usize> = HashMap::new();
    let mut large = 0;
    let mut samples = Vec::new();
    for transaction in transactions(&env).await {
        let id = transaction["id"].as_str().expect("id").to_owned();
        for attachment in transaction["attachments"].as_array().expect("attachments") {
            let content_type = attachment["content_type"].as_str().expect("type").to_owned();
            let path = format!("/transactions/{id}/attachments/{}", attachment["id"].as_str().expect("id"));
            let bytes = env.outbox(Method::GET, &path).send().await.expect("request").bytes().await.expect("bytes");
            if bytes.len() >= 2_000_000 {
                large += 1;
            }
            match content_type.as_str() {
                // The malware samples: the EICAR test file as it is and inside a ZIP.
                "application/x-msdownload" => {
                    assert_eq!(bytes.as_ref(), kirjaamo::domain::eicar().as_slice(), "{id}");
                    samples.push(content_type);
                    continue;
                }
                "application/zip" => {
                    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).expect("a ZIP");
                    let mut inner = Vec::new();
                    std::io::Read::read_to_end(&mut zip.by_index(0).expect("one file"), &mut inner).expect("read");
                    assert_eq!(inner, kirjaamo::domain::eicar(), "{id}: EICAR inside");
                    samples.push(content_type);
                    continue;
                }
                "application/pdf" => {
                    assert!(
                        bytes.starts_with(b"%PDF-1.4") && bytes.ends_with(b"%%EOF\n"),
                        "{id} {}",
                        attachment["filename"]
                    );
                    // A real reader finds its pages and draws something on the first.
                    let mut preview = kirjaamo::preview::PdfPreview::open(std::sync::Arc::new(bytes.to_vec()))
                        .unwrap_or_else(|e| panic!("{id} {}: {e}", attachment["filename"]));
                    assert!(preview.pages() >= 1);
                    let page = preview.render(1, 120).expect("page 1 draws");
                    let inked = page.rgba.chunks(4).filter(|p| p[0] < 200 || p[1] < 200 || p[2] < 200).count();
                    assert!(inked > 20, "{id} {}: page 1 is blank", attachment["filename"]);
                }
                "image/jpeg" => assert_eq!(image::guess_format(&bytes).ok(), Some(image::ImageFormat::Jpeg)),
                "image/png" => {
                    let decoded = image::load_from_memory(&bytes).expect("PNG decodes");
                    assert!(decoded.width() > 100);
                }
                docx if docx.contains("wordprocessingml") => {
                    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).expect("DOCX is a zip");
                    assert!(zip.by_name("word/document.xml").is_ok());
                }
                other => panic!("unexpected attachment type {other}"),
            }
            *by_type.entry(content_type).or_default() += 1;
        }
    }
    assert_eq!(by_type.len(), 4, "{by_type:?}");
    assert_eq!(samples, ["application/x-msdownload", "application/zip"], "two malware samples");
    assert!(large >= 3, "{large} attachments of several MB");
}
