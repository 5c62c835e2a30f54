//! One pipeline behind every entry point: the same article gives the same
//! JSON from `summarize`, from `batch` and from the library's
//! `Pipeline::run`.

use nutgraf_core::render::{render, Format};
use nutgraf_core::{Input, Pipeline};
use serde_json::{json, Value};

use crate::util::*;

/// The library's JSON for `input`.
fn library_json(input: Input, title: Option<&str>) -> Value {
    let run = Pipeline::default()
        .run(input, title.map(str::to_string))
        .expect("the library summarizes it");
    let mut out = Vec::new();
    render(Format::Json, &run.document, &run.summary, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

/// `summarize -f json` of `path`.
fn summarize_json(path: &std::path::Path, extra: &[&str]) -> Value {
    let mut args = vec!["summarize", path.to_str().unwrap(), "-f", "json"];
    args.extend_from_slice(extra);
    let o = nutgraf(&args, b"");
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

/// `batch` of one record, with its `line` field taken out.
fn batch_json(record: &Value) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let o = nutgraf(
        &["batch", "-", "-o", out.to_str().unwrap(), "-q"],
        format!("{record}\n").as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let written = std::fs::read_to_string(&out).unwrap();
    let mut v: Value = serde_json::from_str(written.trim()).unwrap();
    assert_eq!(v["line"], 1);
    v.as_object_mut().unwrap().remove("line");
    v
}

#[test]
fn an_html_page_gives_one_json_from_every_entry_point() {
    let path = fixtures().join("../fixtures-html/ferry.html");
    let page = std::fs::read(&path).unwrap();
    let cli = summarize_json(&path, &[]);
    let lib = library_json(Input::Html(page.clone()), None);
    let batch = batch_json(&json!({ "html": String::from_utf8(page.clone()).unwrap() }));
    let record = library_json(
        Input::Record(json!({ "html": String::from_utf8(page).unwrap() }).to_string()),
        None,
    );
    assert!(cli["text"].is_string(), "the extracted text is carried");
    assert_eq!(cli, lib);
    assert_eq!(cli, batch);
    assert_eq!(cli, record);
}

#[test]
fn a_text_article_gives_one_json_from_every_entry_point() {
    for (name, text, title) in all_fixtures() {
        let path = fixtures().join(&name).join("input.txt");
        let cli = summarize_json(&path, &["--title", &title]);
        let lib = library_json(Input::Text(text.clone()), Some(&title));
        let batch = batch_json(&json!({ "article": text, "title": title }));
        assert_eq!(cli, lib, "{name}");
        assert_eq!(cli, batch, "{name}");
    }
}

#[test]
fn library_errors_name_the_field_or_the_page() {
    let p = Pipeline::default();
    let e = p
        .run(Input::Record(r#"{"title": "T"}"#.into()), None)
        .unwrap_err();
    assert_eq!(e.to_string(), "missing field `article` (or `text`)");
    let e = p
        .run(Input::Html(b"<html><body></body></html>".to_vec()), None)
        .unwrap_err();
    assert!(
        e.to_string().starts_with("no article text in the page"),
        "{e}"
    );
    assert_eq!(
        p.run(Input::Text("  \n".into()), None).unwrap_err(),
        nutgraf_core::Error::EmptyDocument
    );
}
