//! Compresses the cross-reference stream lopdf writes uncompressed (7 bytes an object: 7 KB for a
//! 300-field form's thousand structure elements). It is the file's last object and `startxref`
//! points at its start, so rewriting it moves no other object. PNG "up" prediction over its rows
//! leaves runs of zeros that Flate packs tightly.

use lopdf::{Dictionary, Stream};

/// `pdf` with its final cross-reference stream Flate-compressed; `pdf` unchanged if its end is
/// not the uncompressed stream expected.
pub fn compress_xref(pdf: Vec<u8>) -> Vec<u8> {
    rewrite(&pdf).unwrap_or(pdf)
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| i + from)
}

fn rewrite(pdf: &[u8]) -> Option<Vec<u8>> {
    let tail = pdf.len().saturating_sub(64);
    let marker = tail + find(&pdf[tail..], b"startxref", 0)?;
    let start: usize = std::str::from_utf8(pdf.get(marker + 9..)?).ok()?.split_whitespace().next()?.parse().ok()?;
    let dict_start = find(pdf, b"<<", start)?;
    let dict_end = find(pdf, b">>stream\n", dict_start)?;
    let dict = std::str::from_utf8(&pdf[dict_start + 2..dict_end]).ok()?;
    if !dict.contains("/Type/XRef") || !dict.contains("/W[1 4 2]") || dict.contains("/Filter") {
        return None;
    }
    let length_at = dict.find("/Length ")?;
    let length_text: String = dict[length_at + 8..].chars().take_while(char::is_ascii_digit).collect();
    let length: usize = length_text.parse().ok()?;
    let data_start = dict_end + b">>stream\n".len();
    let data = pdf.get(data_start..data_start + length)?;
    if !data.len().is_multiple_of(7) {
        return None;
    }
    let mut predicted = Vec::with_capacity(data.len() / 7 * 8);
    let mut previous = [0u8; 7];
    for row in data.chunks(7) {
        predicted.push(2); // PNG "up"
        predicted.extend(row.iter().zip(previous).map(|(b, p)| b.wrapping_sub(p)));
        previous.copy_from_slice(row);
    }
    let mut stream = Stream::new(Dictionary::new(), predicted);
    stream.compress().ok()?;
    if stream.dict.get(b"Filter").is_err() {
        return None;
    }
    let kept = format!("{}{}", &dict[..length_at], &dict[length_at + 8 + length_text.len()..]);
    let mut out = pdf[..dict_start].to_vec();
    out.extend_from_slice(
        format!(
            "<<{kept}/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns 7>>/Length {}>>stream\n",
            stream.content.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&stream.content);
    out.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{start}\n%%EOF\n").as_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compressed_cross_reference_stream_still_finds_every_object() {
        let mut doc = lopdf::Document::with_version("1.7");
        let pages = doc.new_object_id();
        let kids: Vec<lopdf::Object> = (0..300)
            .map(|_| {
                let page = lopdf::Dictionary::from_iter([
                    ("Type", lopdf::Object::Name(b"Page".to_vec())),
                    ("Parent", lopdf::Object::Reference(pages)),
                ]);
                lopdf::Object::Reference(doc.add_object(page))
            })
            .collect();
        let count = kids.len() as i64;
        let tree = [("Type", lopdf::Object::Name(b"Pages".to_vec())), ("Kids", lopdf::Object::Array(kids))];
        let mut tree = lopdf::Dictionary::from_iter(tree);
        tree.set("Count", count);
        doc.objects.insert(pages, lopdf::Object::Dictionary(tree));
        let catalog = doc.add_object(lopdf::Dictionary::from_iter([
            ("Type", lopdf::Object::Name(b"Catalog".to_vec())),
            ("Pages", lopdf::Object::Reference(pages)),
        ]));
        doc.trailer.set("Root", catalog);
        let mut plain = Vec::new();
        doc.save_modern(&mut plain).expect("save");
        let compressed = compress_xref(plain.clone());
        assert!(compressed.len() + 1000 < plain.len(), "{} vs {}", compressed.len(), plain.len());
        let reread = lopdf::Document::load_mem(&compressed).expect("reads");
        assert_eq!(reread.get_pages().len(), 300);
        // Anything else comes back unchanged.
        assert_eq!(compress_xref(b"%PDF-1.7 not a pdf".to_vec()), b"%PDF-1.7 not a pdf");
    }
}
