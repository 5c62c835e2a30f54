//! HTML pages in: body and title extracted, offsets into the extracted text.

use std::io::Write;

use serde_json::{json, Value};

use crate::util::*;

fn page_path() -> std::path::PathBuf {
    fixtures().join("../fixtures-html/ferry.html")
}

fn check_page_summary(v: &Value) {
    assert_eq!(
        v["headline"],
        "Storm shuts Port Ellery ferry for second day"
    );
    let text = v["text"]
        .as_str()
        .expect("JSON output carries the extracted text");
    assert!(
        !text.contains("All rights reserved") && !text.contains("Most read"),
        "{text}"
    );
    assert_grounded(text, v);
    let n = v["key_points"].as_array().unwrap().len();
    assert!((3..=4).contains(&n), "{v}");
}

#[test]
fn html_file_gives_title_and_grounded_points() {
    let o = nutgraf(
        &["summarize", page_path().to_str().unwrap(), "-f", "json"],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    check_page_summary(&serde_json::from_str(&stdout(&o)).unwrap());
}

#[test]
fn html_on_stdin_is_detected_and_gzip_works() {
    let page = std::fs::read(page_path()).unwrap();
    let o = nutgraf(&["summarize", "-f", "json"], &page);
    assert!(o.status.success(), "{}", stderr(&o));
    check_page_summary(&serde_json::from_str(&stdout(&o)).unwrap());

    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("page.html.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(&page).unwrap();
    let bytes = enc.finish().unwrap();
    std::fs::write(&gz, &bytes).unwrap();
    let o = nutgraf(&["summarize", gz.to_str().unwrap(), "-f", "json"], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    // A truncated gzip page is a clear error naming the file.
    std::fs::write(&gz, &bytes[..bytes.len() / 2]).unwrap();
    let o = nutgraf(&["summarize", gz.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("page.html.gz"), "{}", stderr(&o));
}

#[test]
fn batch_records_with_html() {
    let page = std::fs::read_to_string(page_path()).unwrap();
    let input = format!("{}\n", json!({"id": "ferry", "html": page}));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let o = batch(std::path::Path::new("-"), &out, input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = read_jsonl(&out);
    assert_eq!(rows[0]["id"], "ferry");
    check_page_summary(&rows[0]);
}

#[test]
fn page_without_body_text_is_bad_input() {
    let page =
        b"<!DOCTYPE html><html><head><title>x</title></head><body><img src=a.png></body></html>";
    let o = nutgraf(&["summarize"], page);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("no article text in the page"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn huge_and_deeply_nested_pages_do_not_hang_or_crash() {
    // 100,000 nested elements.
    let mut deep = String::from("<html><body>");
    deep.push_str(&"<div>".repeat(100_000));
    deep.push_str(
        "<p>The only sentence sits at the very bottom. It has a second sentence too.</p>",
    );
    deep.push_str(&"</div>".repeat(100_000));
    deep.push_str("</body></html>");
    let o = nutgraf(&["summarize", "--html", "-f", "json"], deep.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_grounded(v["text"].as_str().unwrap(), &v);

    // A 20 MB page.
    let para = "<p>Crews worked through the night to clear the harbour road after the storm.</p>\n";
    let mut big =
        String::from("<!DOCTYPE html><html><head><title>Big</title></head><body><article>");
    while big.len() < 20 * 1024 * 1024 {
        big.push_str(para);
    }
    big.push_str("</article></body></html>");
    let o = nutgraf(&["summarize", "-f", "json"], big.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_grounded(v["text"].as_str().unwrap(), &v);
}
