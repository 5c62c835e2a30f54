//! Dataset readers: JSONL records with reference highlights (the
//! CNN/DailyMail layout) or titles (BBC), and PolNeAR split folders.
//!
//! Readers take an open reader and a name for messages, so the caller
//! decides how files are opened (the CLI opens gzip and standard input, with
//! its limits); every error names the input and the line.

use std::io::BufRead;
use std::path::Path;

use nutgraf_core::Document;
use serde_json::Value;

/// A dataset that cannot be read: which input, which line, and why.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// The input could not be read.
    #[error("{name}: cannot read line {line}: {source}")]
    Read {
        /// The input's name.
        name: String,
        /// 1-based line number.
        line: usize,
        /// The reader's error.
        source: std::io::Error,
    },
    /// A record is malformed.
    #[error("{name}, line {line}: {why}")]
    Bad {
        /// The input's name.
        name: String,
        /// 1-based line number (0 for the input as a whole).
        line: usize,
        /// What is wrong.
        why: String,
    },
    /// A folder or file of a split could not be read.
    #[error("{path}: {why}")]
    Path {
        /// The file or folder.
        path: String,
        /// What went wrong.
        why: String,
    },
}

/// One article with its human highlights.
pub struct Case {
    /// The article.
    pub doc: Document,
    /// The reference key points.
    pub highlights: Vec<String>,
}

/// The non-blank lines of `reader`, each parsed as JSON, at most `limit`
/// of those `keep` accepts, with their 1-based line numbers.
fn json_lines<T>(
    reader: impl BufRead,
    name: &str,
    limit: Option<usize>,
    mut keep: impl FnMut(Value, &dyn Fn(String) -> DatasetError) -> Result<T, DatasetError>,
) -> Result<Vec<T>, DatasetError> {
    let mut out = Vec::new();
    for (i, line) in reader.split(b'\n').enumerate() {
        if limit.is_some_and(|l| out.len() >= l) {
            break;
        }
        let line = line.map_err(|source| DatasetError::Read {
            name: name.to_string(),
            line: i + 1,
            source,
        })?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let bad = |why: String| DatasetError::Bad {
            name: name.to_string(),
            line: i + 1,
            why,
        };
        let text = std::str::from_utf8(&line).map_err(|e| bad(format!("not valid UTF-8: {e}")))?;
        let value: Value =
            serde_json::from_str(text).map_err(|e| bad(format!("invalid JSON: {e}")))?;
        out.push(keep(value, &bad)?);
    }
    Ok(out)
}

/// Reads a JSONL dataset of records with `article` and `highlights` (a list
/// of strings, or one string of lines), and optional `id` and `title`, at
/// most `limit` of them.
pub fn read_cases(
    reader: impl BufRead,
    name: &str,
    limit: Option<usize>,
) -> Result<Vec<Case>, DatasetError> {
    json_lines(reader, name, limit, |mut value, bad| {
        let highlights = match value.get_mut("highlights").map(Value::take) {
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s),
                    _ => Err(bad("`highlights` must hold strings".into())),
                })
                .collect::<Result<Vec<_>, _>>()?,
            Some(Value::String(s)) => s.split('\n').map(str::to_string).collect(),
            _ => return Err(bad("missing field `highlights` (a list of strings)".into())),
        };
        let doc = nutgraf_core::ingest::record::record_to_document(value).map_err(bad)?;
        Ok(Case { doc, highlights })
    })
}

/// `(article, title)` of the first `limit` records of a JSONL dataset; the
/// title is required when `need_title`, else empty when absent.
pub fn read_titled(
    reader: impl BufRead,
    name: &str,
    limit: usize,
    need_title: bool,
) -> Result<Vec<(String, String)>, DatasetError> {
    json_lines(reader, name, Some(limit), |v, bad| {
        let article = v["article"]
            .as_str()
            .ok_or_else(|| bad("missing field `article` (a string)".into()))?;
        let title = match v["title"].as_str() {
            Some(t) => t,
            None if need_title => return Err(bad("missing field `title` (a string)".into())),
            None => "",
        };
        Ok((article.to_string(), title.to_string()))
    })
}

/// The document names of a PolNeAR split folder (`text/NAME.txt`), sorted.
pub fn polnear_names(dir: &Path) -> Result<Vec<String>, DatasetError> {
    let text_dir = dir.join("text");
    let path_error = |why: String| DatasetError::Path {
        path: text_dir.display().to_string(),
        why,
    };
    let entries = std::fs::read_dir(&text_dir).map_err(|e| {
        path_error(format!(
            "{e} (expected a PolNeAR split folder with text/ and attributions/)"
        ))
    })?;
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| {
            let f = e.file_name().to_string_lossy().into_owned();
            f.strip_suffix(".txt").map(str::to_string)
        })
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(path_error("no .txt files".into()));
    }
    Ok(names)
}

/// The texts of a PolNeAR split folder, in name order.
pub fn polnear_texts(dir: &Path) -> Result<Vec<String>, DatasetError> {
    polnear_names(dir)?
        .iter()
        .map(|name| {
            let path = dir.join("text").join(format!("{name}.txt"));
            std::fs::read_to_string(&path).map_err(|e| DatasetError::Path {
                path: path.display().to_string(),
                why: e.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_read_highlights_in_both_forms_and_name_bad_lines() {
        let data = "{\"article\": \"A ferry stopped.\", \"highlights\": [\"Ferry stops\"]}\n\
                    \n\
                    {\"article\": \"Rain fell.\", \"highlights\": \"Rain\\nMore rain\"}\n";
        let cases = read_cases(data.as_bytes(), "d.jsonl", None).unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].highlights, ["Ferry stops"]);
        assert_eq!(cases[1].highlights, ["Rain", "More rain"]);
        assert_eq!(read_cases(data.as_bytes(), "d", Some(1)).unwrap().len(), 1);

        let bad = "{\"article\": \"A.\", \"highlights\": [\"x\"]}\n{\"article\": \"B.\"}\n";
        let err = read_cases(bad.as_bytes(), "d.jsonl", None).err().unwrap();
        assert_eq!(
            err.to_string(),
            "d.jsonl, line 2: missing field `highlights` (a list of strings)"
        );
        let err = read_cases(&b"{oops\n"[..], "d.jsonl", None).err().unwrap();
        assert!(
            err.to_string().starts_with("d.jsonl, line 1: invalid JSON"),
            "{err}"
        );
    }

    #[test]
    fn titled_records_require_a_title_only_when_asked() {
        let data = "{\"article\": \"A ferry stopped.\"}\n";
        let got = read_titled(data.as_bytes(), "t", 10, false).unwrap();
        assert_eq!(got, [("A ferry stopped.".to_string(), String::new())]);
        let err = read_titled(data.as_bytes(), "t", 10, true).err().unwrap();
        assert_eq!(
            err.to_string(),
            "t, line 1: missing field `title` (a string)"
        );
    }

    #[test]
    fn a_folder_without_texts_is_named_in_the_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("text")).unwrap();
        let err = polnear_names(dir.path()).err().unwrap();
        assert!(err.to_string().ends_with("text: no .txt files"), "{err}");
        let err = polnear_names(&dir.path().join("missing")).err().unwrap();
        assert!(
            err.to_string().contains("expected a PolNeAR split folder"),
            "{err}"
        );
    }
}
