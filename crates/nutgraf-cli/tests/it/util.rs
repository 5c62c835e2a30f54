//! Harness: run the binary, find fixtures, check cited offsets.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Path of the repository's `tests/fixtures`.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// Every fixture: (name, input text, title).
pub fn all_fixtures() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    for d in dirs {
        let text = std::fs::read_to_string(d.join("input.txt")).unwrap();
        let meta: Value =
            serde_json::from_str(&std::fs::read_to_string(d.join("meta.json")).unwrap()).unwrap();
        let title = meta["title"].as_str().unwrap_or("").to_string();
        out.push((
            d.file_name().unwrap().to_string_lossy().into_owned(),
            text,
            title,
        ));
    }
    assert!(out.len() >= 4, "fixtures missing");
    out
}

/// Runs `nutgraf ARGS` with `stdin` and returns its output.
pub fn nutgraf(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nutgraf"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run nutgraf");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Standard output as a string.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Standard error as a string.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The words of `s` (runs of letters and digits), lowercased.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The words of the slices of `input` at a JSON list of `{start, end}`
/// spans, checking that each span slices `input` and lies in `within`.
fn span_words(input: &str, spans: &Value, within: (usize, usize)) -> Vec<String> {
    let mut out = Vec::new();
    for sp in spans.as_array().expect("spans") {
        let (s, e) = (
            sp["start"].as_u64().unwrap() as usize,
            sp["end"].as_u64().unwrap() as usize,
        );
        assert!(
            within.0 <= s && e <= within.1,
            "span {s}..{e} outside {within:?}"
        );
        out.extend(words(input.get(s..e).expect("span slices the input")));
    }
    out
}

/// Checks that every key point of `summary` is grounded: its `start..end`
/// slices `input` (the whole sentence), its `spans` lie inside that sentence
/// and their words are exactly the words of `text`, which is never empty;
/// points are in article order without overlap. The same for
/// `headline_spans` when the headline is not the given title.
pub fn assert_grounded(input: &str, summary: &Value) {
    let points = summary["key_points"].as_array().expect("key_points");
    let mut last_end = 0;
    for p in points {
        let (s, e) = (
            p["start"].as_u64().unwrap() as usize,
            p["end"].as_u64().unwrap() as usize,
        );
        assert!(input.get(s..e).is_some(), "offsets {s}..{e}");
        let text = p["text"].as_str().unwrap();
        assert!(!words(text).is_empty(), "empty point {p}");
        assert_eq!(span_words(input, &p["spans"], (s, e)), words(text), "{p}");
        assert!(s >= last_end, "points overlap or are out of order");
        last_end = e;
    }
    let headline = summary["headline"].as_str().unwrap();
    assert!(!headline.trim().is_empty(), "empty headline");
    if summary["headline_source"] != "title" {
        assert_eq!(
            span_words(input, &summary["headline_spans"], (0, input.len())),
            words(headline),
            "headline {headline:?}"
        );
    }
}

/// Runs `nutgraf batch INPUT -o OUTPUT -q` with `stdin`.
pub fn batch(input: &std::path::Path, output: &std::path::Path, stdin: &[u8]) -> Output {
    nutgraf(
        &[
            "batch",
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
            "-q",
        ],
        stdin,
    )
}

/// Reads a JSONL file into values.
pub fn read_jsonl(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}
