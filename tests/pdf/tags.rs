//! The tagged PDF: its structure tree read back with lopdf and compared with what the transaction
//! says, element by element, with the text of each element's marked content.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Document, Object, ObjectId};

use super::own::to_unicode;
use super::reader::Reader;
use super::{corpus, squeeze};
use kirjaamo::pdf;

/// The text of each marked-content id of each page, and whether every text was inside marked
/// content (an MCID or an artefact).
fn marked_text(doc: &Document) -> (BTreeMap<(ObjectId, i64), String>, bool) {
    let mut out = BTreeMap::new();
    let mut all_marked = true;
    for page in doc.get_pages().into_values() {
        let fonts: BTreeMap<Vec<u8>, BTreeMap<u16, String>> = doc
            .get_page_fonts(page)
            .expect("fonts")
            .into_iter()
            .map(|(name, font)| (name, to_unicode(doc, font)))
            .collect();
        let content = Content::decode(&doc.get_page_content(page)).expect("decode");
        let mut stack: Vec<Option<i64>> = Vec::new();
        let mut font: Option<&BTreeMap<u16, String>> = None;
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" | "BMC" => {
                    let mcid = op.operands.get(1).and_then(|d| d.as_dict().ok()).and_then(|d| d.get(b"MCID").ok());
                    stack.push(mcid.and_then(|m| m.as_i64().ok()));
                }
                "EMC" => {
                    stack.pop();
                }
                "Tf" => font = op.operands.first().and_then(|n| n.as_name().ok()).and_then(|n| fonts.get(n)),
                "Tj" | "TJ" => {
                    if stack.is_empty() {
                        all_marked = false;
                    }
                    let strings: Vec<&[u8]> = match op.operands.first() {
                        Some(Object::Array(items)) => items.iter().filter_map(|i| i.as_str().ok()).collect(),
                        Some(Object::String(bytes, _)) => vec![bytes.as_slice()],
                        _ => Vec::new(),
                    };
                    let text: String = strings
                        .iter()
                        .flat_map(|s| s.chunks(2))
                        .filter_map(|pair| font?.get(&u16::from_be_bytes([pair[0], *pair.get(1)?])).cloned())
                        .collect();
                    if let Some(Some(mcid)) = stack.iter().rev().find(|m| m.is_some()) {
                        let entry: &mut String = out.entry((page, *mcid)).or_default();
                        entry.push_str(&text);
                        entry.push(' ');
                    }
                }
                _ => {}
            }
        }
    }
    (out, all_marked)
}

/// The structure tree as (depth, type, text of its own marked content) in document order.
fn walk(
    doc: &Document,
    id: ObjectId,
    depth: usize,
    texts: &BTreeMap<(ObjectId, i64), String>,
    out: &mut Vec<(usize, String, String)>,
) {
    let elem = doc.get_dictionary(id).expect("element");
    let kind = String::from_utf8_lossy(elem.get(b"S").and_then(Object::as_name).expect("type")).into_owned();
    let page = elem.get(b"Pg").and_then(Object::as_reference).ok();
    let kids = match elem.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(kid) => vec![kid.clone()],
        Err(_) => Vec::new(),
    };
    let mut text = String::new();
    let mut children = Vec::new();
    for kid in kids {
        match kid {
            Object::Integer(mcid) => text.push_str(&texts[&(page.expect("Pg"), mcid)]),
            Object::Reference(child) => children.push(child),
            Object::Dictionary(mcr) => {
                let page = mcr.get(b"Pg").and_then(Object::as_reference).expect("MCR Pg");
                let mcid = mcr.get(b"MCID").and_then(Object::as_i64).expect("MCID");
                text.push_str(&texts[&(page, mcid)]);
            }
            other => panic!("unexpected kid {other:?}"),
        }
    }
    out.push((depth, kind, squeeze(&text)));
    for child in children {
        walk(doc, child, depth + 1, texts, out);
    }
}

pub fn the_pdf_is_tagged_with_headings_label_value_tables_and_the_attachment_list(r: &dyn Reader) {
    let wanted = ["08-300-fields.json", "14-swedish.json", "18-many-attachments.json", "21-page-boundaries.json"];
    for (path, transaction) in corpus().into_iter().filter(|(p, _)| wanted.iter().any(|w| p.ends_with(w))) {
        let rendered = pdf::render(&transaction).expect("render");
        let info = r.info(&rendered.bytes);
        assert!(info.tagged, "{}: {info:?}", path.display());
        let meta = r.metadata(&rendered.bytes);
        assert!(
            meta.contains("<pdfaid:conformance>A</pdfaid:conformance>")
                && meta.contains("<pdfuaid:part>1</pdfuaid:part>")
        );

        let doc = Document::load_mem(&rendered.bytes).expect("lopdf reads it");
        let catalog = doc.catalog().expect("catalog");
        let marked =
            catalog.get(b"MarkInfo").and_then(Object::as_dict).and_then(|m| m.get(b"Marked")).expect("MarkInfo");
        assert_eq!(marked.as_bool().ok(), Some(true));
        let lang = catalog.get(b"Lang").and_then(Object::as_str).expect("Lang");
        assert_eq!(lang, if path.ends_with("14-swedish.json") { b"sv-FI" } else { b"fi-FI" });
        let (texts, all_marked) = marked_text(&doc);
        assert!(all_marked, "{}: every text is tagged content or an artefact", path.display());

        let root = catalog.get(b"StructTreeRoot").and_then(Object::as_reference).expect("StructTreeRoot");
        let root = doc.get_dictionary(root).expect("root");
        let document = root.get(b"K").and_then(Object::as_reference).expect("document element");
        let mut tree = Vec::new();
        walk(&doc, document, 0, &texts, &mut tree);

        // What the tree should say: the shown texts in the same order, each in its element.
        let shown = pdf::shown_text(&transaction).expect("content");
        let mut expected: Vec<(usize, &str, String)> =
            vec![(0, "Document", String::new()), (1, "H1", squeeze(&shown[0]))];
        let header_rows = 4
            + [
                transaction.submitter.personal_id.is_some(),
                transaction.submitter.email.is_some(),
                transaction.submitter.phone.is_some(),
                transaction.submitter.address.is_some(),
            ]
            .iter()
            .filter(|b| **b)
            .count()
            + 1;
        let mut at = 1;
        let table = |expected: &mut Vec<(usize, &str, String)>, rows: usize, at: &mut usize| {
            expected.push((1, "Table", String::new()));
            for _ in 0..rows {
                expected.push((2, "TR", String::new()));
                expected.push((3, "TH", squeeze(&shown[*at])));
                expected.push((3, "TD", squeeze(&shown[*at + 1])));
                *at += 2;
            }
        };
        table(&mut expected, header_rows, &mut at);
        // Sections: a heading, then a table of its fields.
        let mut fields = transaction.fields.iter().peekable();
        while let Some(field) = fields.next() {
            let section = field.section.clone();
            expected.push((1, "H2", squeeze(&shown[at])));
            at += 1;
            let mut rows = 1;
            while fields.peek().is_some_and(|f| f.section == section) {
                fields.next();
                rows += 1;
            }
            table(&mut expected, rows, &mut at);
        }
        expected.push((1, "H2", squeeze(&shown[at])));
        at += 1;
        if transaction.attachments.is_empty() {
            expected.push((1, "P", squeeze(&shown[at])));
        } else {
            expected.push((1, "L", String::new()));
            for _ in &transaction.attachments {
                expected.push((2, "LI", String::new()));
                expected.push((3, "LBody", squeeze(&format!("{}{}", shown[at], shown[at + 1]))));
                at += 2;
            }
        }
        let actual: Vec<(usize, &str, String)> = tree.iter().map(|(d, k, t)| (*d, k.as_str(), t.clone())).collect();
        assert_eq!(actual.len(), expected.len(), "{}: {actual:#?}", path.display());
        for (a, e) in actual.iter().zip(&expected) {
            assert_eq!(a, e, "{}", path.display());
        }
    }
}
