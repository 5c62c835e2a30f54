//! Hostile and malformed input: a clear message and a documented exit code,
//! or a sensible result; never a panic.

use serde_json::Value;

use crate::util::*;

fn no_panic(o: &std::process::Output) {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "panic: {err}");
}

#[test]
fn empty_input_is_bad_input() {
    let o = nutgraf(&["summarize"], b"");
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "nutgraf: <stdin>: the article is empty\n");
    let o = nutgraf(&["summarize"], b" \n\t\n ");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn binary_junk_is_bad_input() {
    let junk: Vec<u8> = (0..4000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8 & 0x1f)
        .collect();
    let o = nutgraf(&["summarize"], &junk);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("binary"), "{}", stderr(&o));
    let o = nutgraf(
        &["summarize"],
        b"Some text\0with a NUL byte. And more text here.",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("binary data (control byte 0x00 at byte 9)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn invalid_utf8_names_the_place() {
    let o = nutgraf(&["summarize"], b"Fine first line.\nThen \xc3\x28 broken.");
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "nutgraf: <stdin>: not valid UTF-8 (byte 0xc3 at offset 22, line 2)\n"
    );
}

#[test]
fn missing_file_names_the_file() {
    let o = nutgraf(&["summarize", "no/such/article.txt"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/article.txt"), "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_2() {
    let o = nutgraf(&["summarize", "--points", "0"], b"x");
    assert_eq!(o.status.code(), Some(2));
    let o = nutgraf(&["frobnicate"], b"");
    assert_eq!(o.status.code(), Some(2));
    let o = nutgraf(&["--help"], b"");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Exit codes:"));
}

#[test]
fn text_without_sentence_punctuation_still_gives_grounded_points() {
    let text = "flood waters rose along the river all night and crews built walls of sand \
                while families left their homes and the mayor asked for help from the state "
        .repeat(40);
    let o = nutgraf(&["summarize", "-f", "json"], text.as_bytes());
    no_panic(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(!v["key_points"].as_array().unwrap().is_empty());
    assert_grounded(&text, &v);
}

#[test]
fn fifty_megabyte_single_line() {
    let unit = "The tide came in early and the boats were moved to safety. ";
    let text = unit.repeat(50 * 1024 * 1024 / unit.len());
    assert!(text.len() > 49 * 1024 * 1024 && !text.contains('\n'));
    let o = nutgraf(&["summarize", "-f", "json"], text.as_bytes());
    no_panic(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_grounded(&text, &v);
    assert_eq!(v["stats"]["bytes"], text.len());
}

#[test]
fn unreadable_model_is_bad_input_and_a_bad_config_a_usage_error() {
    let o = nutgraf(
        &["summarize", "--model", "no/such/model.json"],
        b"Some text. More text here.",
    );
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/model.json"), "{}", stderr(&o));
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("bad.json");
    std::fs::write(&cfg, "{\"scorer\": {\"type\": \"Nope\"}}").unwrap();
    let o = nutgraf(
        &["summarize", "--config", cfg.to_str().unwrap()],
        b"Some text. More text here.",
    );
    // A malformed configuration is a usage error.
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("not a pipeline configuration"),
        "{}",
        stderr(&o)
    );
    // So is a field nutgraf does not know (a typo would be ignored).
    std::fs::write(&cfg, "{\"compres\": {\"threshold\": 0}}").unwrap();
    let o = nutgraf(
        &["summarize", "--config", cfg.to_str().unwrap()],
        b"Some text. More text here.",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown field `compres`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_directory_is_unreadable_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let o = nutgraf(&["summarize", d], b"");
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains(d), "{}", stderr(&o));
    let out = dir.path().join("out.jsonl");
    let o = nutgraf(&["batch", d, "-o", out.to_str().unwrap(), "-q"], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

#[test]
fn a_txt_file_opening_with_a_brace_is_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("note.txt");
    std::fs::write(
        &f,
        "{Editor's note: this story was updated on Friday.}\n\nThe council voted on Tuesday to close the old bridge for repairs. The work will take most of the summer, the mayor said.",
    )
    .unwrap();
    let o = nutgraf(&["summarize", f.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("old bridge"), "{}", stdout(&o));
    // The same text on standard input is still read as a (broken) record.
    let o = nutgraf(&["summarize"], &std::fs::read(&f).unwrap());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}
