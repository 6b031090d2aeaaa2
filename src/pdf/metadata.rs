//! The PDF's identification: dates in Helsinki time, UTF-16 strings, the XMP packet that names it
//! PDF/A-2a and PDF/UA-1 (with the extension schema PDF/A asks for the PDF/UA property), or
//! PDF/A-2b when a glyph lacks Unicode text, and the document ID.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Helsinki;
use lopdf::{Object, StringFormat};

pub(super) fn pdf_date(at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Helsinki);
    let offset = local.format("%z").to_string();
    format!("D:{}{}'{}'", local.format("%Y%m%d%H%M%S"), &offset[..3], &offset[3..])
}

pub(super) fn utf16(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

pub(super) fn xmp(title: &str, lang: &str, at: DateTime<Utc>, id: &str, accessible: bool) -> Vec<u8> {
    let (conformance, ua) = if accessible { ("A", "\n   <pdfuaid:part>1</pdfuaid:part>") } else { ("B", "") };
    let date = at.with_timezone(&Helsinki).to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
    let title = xml_escape(title);
    format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <xmp:CreatorTool>Kirjaamo</xmp:CreatorTool>
   <pdf:Producer>Kirjaamo</pdf:Producer>
   <xmpMM:DocumentID>uuid:{id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{id}</xmpMM:InstanceID>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>{conformance}</pdfaid:conformance>{ua}
  </rdf:Description>
  <rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
     <pdfaProperty:name>part</pdfaProperty:name>
     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
     <pdfaProperty:category>internal</pdfaProperty:category>
     <pdfaProperty:description>Part of ISO 14289 the file follows</pdfaProperty:description>
    </rdf:li></rdf:Seq></pdfaSchema:property>
   </rdf:li></rdf:Bag></pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#
    )
    .into_bytes()
}

pub(super) fn uuid(bytes: &[u8]) -> String {
    let h = hex::encode(bytes);
    format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}
