//! JSON records: one article as a JSON object, as `nutgraf batch` reads
//! them a line at a time, and as the server and the bindings take them.
//!
//! `article` (or `text`, or `html` for a page) is required; `title` and
//! `id` (a string or a number, kept as written) are optional.

use serde_json::Value;

use crate::Document;

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

/// The `id` of a record from the start and the end of its line alone (a
/// line cut at `--max-bytes` is no whole JSON): a string or number `"id"`
/// key before the text fields, or the last one in `tail`, after them. Best
/// effort; `None` when not found.
pub fn record_id_cut(head: &str, tail: &str) -> Option<String> {
    let text_key = ["\"article\"", "\"text\"", "\"html\""]
        .iter()
        .filter_map(|k| head.find(k))
        .min();
    match head.find("\"id\"") {
        Some(key) if text_key.is_none_or(|t| key < t) => id_value(&head[key + 4..]),
        _ => tail.rfind("\"id\"").and_then(|k| id_value(&tail[k + 4..])),
    }
}

/// The string or number after `: ` at the start of `rest`.
fn id_value(rest: &str) -> Option<String> {
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    if let Some(body) = rest.strip_prefix('"') {
        // The string to its closing quote, escapes skipped.
        let mut escaped = false;
        let end = body.char_indices().find_map(|(k, c)| {
            let close = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            close.then_some(k + 2)
        })?;
        serde_json::from_str::<String>(&rest[..end]).ok()
    } else {
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')))
            .unwrap_or(rest.len());
        (end > 0).then(|| rest[..end].to_string())
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
            let doc = super::from_html(h.as_bytes()).map_err(|e| format!("field `html`: {e}"))?;
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
    fn ids_are_read_from_the_start_of_a_cut_line() {
        assert_eq!(
            record_id_cut(r#"{"id": "a\"b", "article": "very lo"#, "").as_deref(),
            Some("a\"b")
        );
        assert_eq!(
            record_id_cut(r#"{"id":123456789012345678901234567890,"text":"x"#, "").as_deref(),
            Some("123456789012345678901234567890")
        );
        // An "id" inside the article text is no id; one after it is.
        assert_eq!(
            record_id_cut(r#"{"article": "the \"id\": 5 is"#, "end"),
            None
        );
        assert_eq!(record_id_cut(r#"{"article": "no id"#, ""), None);
        assert_eq!(
            record_id_cut(r#"{"article": "long"#, r#"ng text", "id": "big"}"#).as_deref(),
            Some("big")
        );
    }
}
