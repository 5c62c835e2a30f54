//! Datasets with reference highlights (the CNN/DailyMail layout), for
//! `eval` and `train`.

use std::io::BufRead;
use std::path::Path;

use anyhow::Context;
use nutgraf_core::Document;
use serde_json::Value;

use crate::input::{self, BadInput};

/// One article with its human highlights.
pub struct Case {
    /// The article.
    pub doc: Document,
    /// The reference key points.
    pub highlights: Vec<String>,
}

/// Reads a JSONL(.gz) dataset of records with `article` and `highlights`
/// (and optional `id`, `title`), at most `limit` of them.
pub fn read_cases(path: &Path, limit: Option<usize>) -> anyhow::Result<Vec<Case>> {
    let name = input::display_name(Some(path));
    let reader = input::open(Some(path))?;
    let mut cases = Vec::new();
    for (i, line) in reader.split(b'\n').enumerate() {
        if limit.is_some_and(|l| cases.len() >= l) {
            break;
        }
        let line = line.with_context(|| format!("{name}: cannot read line {}", i + 1))?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let bad = |why: String| BadInput(format!("{name}, line {}: {why}", i + 1));
        let text = std::str::from_utf8(&line).map_err(|e| bad(format!("not valid UTF-8: {e}")))?;
        let mut value: Value =
            serde_json::from_str(text).map_err(|e| bad(format!("invalid JSON: {e}")))?;
        let highlights = match value.get_mut("highlights").map(Value::take) {
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s),
                    _ => Err(bad("`highlights` must hold strings".into())),
                })
                .collect::<Result<Vec<_>, _>>()?,
            Some(Value::String(s)) => s.split('\n').map(str::to_string).collect(),
            _ => return Err(bad("missing field `highlights` (a list of strings)".into()).into()),
        };
        let doc = nutgraf_core::ingest::record::record_to_document(value).map_err(bad)?;
        cases.push(Case { doc, highlights });
    }
    Ok(cases)
}
