//! Reading articles: files or standard input, plain or gzip, text or JSON.
//!
//! Every error names what was being read (the file, the line, the field), so
//! the user can find the bad input without guessing.

use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;
use nutgraf_core::Document;
use serde_json::Value;

/// An error in the user's input (exit code 1), as opposed to a usage or
/// internal error (exit code 2).
#[derive(Debug)]
pub struct BadInput(pub String);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

/// A display name for a path, `<stdin>` for `-`.
pub fn display_name(path: Option<&Path>) -> String {
    match path {
        None => "<stdin>".to_string(),
        Some(p) if p.as_os_str() == "-" => "<stdin>".to_string(),
        Some(p) => p.display().to_string(),
    }
}

/// Opens `path` (or standard input for `-`/`None`) as a buffered reader,
/// decompressing gzip when the name ends in `.gz` or the data starts with
/// the gzip magic bytes.
pub fn open(path: Option<&Path>) -> anyhow::Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = match path {
        Some(p) if p.as_os_str() != "-" => Box::new(
            fs_err::File::open(p).map_err(|e| anyhow::Error::new(BadInput(e.to_string())))?,
        ),
        _ => Box::new(io::stdin()),
    };
    let mut buf = BufReader::with_capacity(1 << 16, raw);
    // Any read failure (a directory, an I/O error) is unreadable input,
    // exit 1, as for a missing file.
    let magic = buf
        .fill_buf()
        .map_err(|e| BadInput(format!("reading {}: {e}", display_name(path))))?;
    if magic.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            MultiGzDecoder::new(buf),
        )))
    } else {
        Ok(Box::new(buf))
    }
}

/// Reads all of `path` into memory (decompressed).
pub fn read_all(path: Option<&Path>) -> anyhow::Result<Vec<u8>> {
    let name = display_name(path);
    let mut r = open(path)?;
    let mut bytes = Vec::new();
    r.read_to_end(&mut bytes)
        .map_err(|e| BadInput(format!("{name}: cannot read: {e}")))?;
    Ok(bytes)
}

/// Decodes UTF-8, or explains where it is not UTF-8.
pub fn utf8(name: &str, bytes: Vec<u8>) -> Result<String, BadInput> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
        BadInput(format!(
            "{name}: not valid UTF-8 (byte 0x{:02x} at offset {offset}, line {line})",
            bytes[offset]
        ))
    })
}

/// Parses one JSON record into a document: `article` (or `text`, or `html`
/// for a page) is required, `title` and `id` (string or number) are
/// optional. The flag is true when the text was extracted from HTML.
pub fn parse_record(json: &str) -> Result<(Document, bool), String> {
    let value: Value = serde_json::from_str(json).map_err(|e| format!("invalid JSON: {e}"))?;
    let numeric_id = value.get("id").is_some_and(Value::is_number);
    let (mut doc, html) = record_to_document_html(value)?;
    if numeric_id {
        // A number as written: `123456789012345678901234567890` is no
        // `1.2345678901234568e+29`.
        doc.id = record_id(json).or(doc.id);
    }
    Ok((doc, html))
}

/// The `id` of a JSON record as written (a string's value, a number's
/// digits), read on its own so that an error in another field can still
/// name the record; `None` when there is none or the line is no object.
pub fn record_id(json: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct IdOnly<'a> {
        #[serde(borrow)]
        id: Option<&'a serde_json::value::RawValue>,
    }
    let raw = serde_json::from_str::<IdOnly<'_>>(json).ok()?.id?.get();
    match raw.as_bytes().first()? {
        b'"' => serde_json::from_str::<String>(raw).ok(),
        b'-' | b'0'..=b'9' => Some(raw.to_string()),
        _ => None,
    }
}

/// Turns a parsed JSON value into a document. A record with an `html`
/// field (and no `article` or `text`) is an HTML page: its body is
/// extracted, and the returned flag is true.
pub fn record_to_document_html(value: Value) -> Result<(Document, bool), String> {
    record(value, true)
}

/// Turns a parsed JSON value into a document from `article` (or `text`).
pub fn record_to_document(value: Value) -> Result<Document, String> {
    record(value, false).map(|(doc, _)| doc)
}

fn record(value: Value, allow_html: bool) -> Result<(Document, bool), String> {
    let Value::Object(mut obj) = value else {
        return Err("expected a JSON object".to_string());
    };
    let id = match obj.remove("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(_) => return Err("field `id` must be a string or a number".to_string()),
    };
    let (mut doc, from_html) = match (
        obj.remove("article"),
        obj.remove("text"),
        obj.remove("html"),
    ) {
        (Some(Value::String(s)), _, _) | (None, Some(Value::String(s)), _) => {
            (Document::new(s), false)
        }
        (Some(_), _, _) => return Err("field `article` must be a string".to_string()),
        (None, Some(_), _) => return Err("field `text` must be a string".to_string()),
        (None, None, Some(Value::String(h))) if allow_html => {
            let doc = nutgraf_core::ingest::from_html(h.as_bytes())
                .map_err(|e| format!("field `html`: {e}"))?;
            (doc, true)
        }
        (None, None, Some(_)) if allow_html => {
            return Err("field `html` must be a string".to_string())
        }
        (None, None, _) => return Err("missing field `article` (or `text`)".to_string()),
    };
    doc.id = id;
    match obj.remove("title") {
        None | Some(Value::Null) => {}
        Some(Value::String(t)) => doc = doc.with_title(t),
        Some(_) => return Err("field `title` must be a string".to_string()),
    }
    Ok((doc, from_html))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_need_an_article() {
        let d = parse_record(r#"{"id": 123456789012345678901234567890, "article": "A b."}"#)
            .unwrap()
            .0;
        assert_eq!(d.id.as_deref(), Some("123456789012345678901234567890"));
        assert_eq!(
            record_id(r#"{"id": "x\"y", "title": 3}"#).as_deref(),
            Some("x\"y")
        );
        assert_eq!(record_id(r#"{"title": 3}"#), None);
        let d = parse_record(r#"{"id": 7, "article": "A b.", "title": "T"}"#)
            .unwrap()
            .0;
        assert_eq!(d.id.as_deref(), Some("7"));
        assert_eq!(d.title.as_deref(), Some("T"));
        assert_eq!(d.text, "A b.");
        let d = parse_record(r#"{"text": "Only text."}"#).unwrap().0;
        assert_eq!(d.text, "Only text.");
        assert_eq!(
            parse_record(r#"{"id": "x"}"#).unwrap_err(),
            "missing field `article` (or `text`)"
        );
        assert_eq!(parse_record("[1]").unwrap_err(), "expected a JSON object");
        assert!(parse_record("{\"article\": ")
            .unwrap_err()
            .starts_with("invalid JSON"));
        assert_eq!(
            parse_record(r#"{"article": 3}"#).unwrap_err(),
            "field `article` must be a string"
        );
    }

    #[test]
    fn utf8_errors_name_offset_and_line() {
        let e = utf8("f.txt", b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!(
            e.0,
            "f.txt: not valid UTF-8 (byte 0xff at offset 7, line 2)"
        );
    }
}
