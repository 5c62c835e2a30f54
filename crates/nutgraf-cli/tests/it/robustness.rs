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
        "nutgraf: <stdin>: not valid UTF-8 (byte 0xc3 at offset 22, line 2; for Latin-1 or Windows-1252 text add --encoding windows-1252)\n"
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

/// Gzip of `n` bytes of `a`: a few kilobytes that expand a thousandfold.
fn gzip_bomb(n: usize) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b'a'; 1 << 16];
    for _ in 0..n / chunk.len() {
        z.write_all(&chunk).unwrap();
    }
    z.finish().unwrap()
}

#[test]
fn decompressed_input_over_the_limit_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("bomb.txt.gz");
    std::fs::write(&bomb, gzip_bomb(8 << 20)).unwrap();
    let o = nutgraf(
        &["summarize", bomb.to_str().unwrap(), "--max-bytes", "1M"],
        b"",
    );
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(
            "bomb.txt.gz: larger than 1048576 bytes after decompression (the --max-bytes limit"
        ),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty(), "nothing echoed");
    // Lifted, the same input is read (and is one long word, no article).
    let o = nutgraf(&["summarize", "--max-bytes", "1X"], b"");
    assert_eq!(o.status.code(), Some(2), "a bad size is a usage error");
}

#[test]
fn a_batch_line_over_the_limit_is_an_error_line_with_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let output = dir.path().join("out.jsonl");
    let long = "word ".repeat(400_000);
    let lines = [
        serde_json::json!({"id": "a", "article": "The ferry ran late again on Monday. Riders waited on the pier for an hour."}).to_string(),
        serde_json::json!({"id": "big", "article": long}).to_string(),
        serde_json::json!({"id": 3, "article": "The council voted to close the old library. Readers protested outside."}).to_string(),
    ];
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let o = nutgraf(
        &[
            "batch",
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
            "-q",
            "--max-bytes",
            "1M",
        ],
        b"",
    );
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    let out = read_jsonl(&output);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["id"], "a");
    assert!(out[0]["key_points"].is_array());
    assert_eq!(out[1]["id"], "big");
    assert_eq!(out[1]["line"], 2);
    assert!(
        out[1]["error"].as_str().unwrap().contains("--max-bytes"),
        "{}",
        out[1]
    );
    assert_eq!(out[2]["id"], "3");
    assert!(out[2]["key_points"].is_array());
}

#[test]
fn a_failed_batch_run_leaves_the_earlier_output_whole() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl.gz");
    let output = dir.path().join("out.jsonl");
    // A gzip stream cut in the middle: the read fails part way.
    let mut z = {
        use std::io::Write;
        let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        for k in 0..2000 {
            writeln!(
                z,
                "{}",
                serde_json::json!({"id": k, "article": format!("Record {k} says the ferry ran late again. Riders waited {k} minutes on the pier.")})
            )
            .unwrap();
        }
        z.finish().unwrap()
    };
    z.truncate(z.len() / 2);
    std::fs::write(&input, &z).unwrap();
    std::fs::write(&output, "earlier results\n").unwrap();
    let o = batch(&input, &output, b"");
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&output).unwrap(),
        "earlier results\n"
    );
    // No temporary file is left beside it.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".nutgraf-batch-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn format_in_forces_the_kind_of_input() {
    let text = b"{Editor's note: updated.} The ferry ran late again on Monday. Riders waited on the pier for an hour.";
    let o = nutgraf(&["summarize"], text);
    assert_eq!(o.status.code(), Some(1), "read as JSON by default on stdin");
    let o = nutgraf(&["summarize", "--format-in", "text"], text);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("The ferry ran late"), "{}", stdout(&o));
    let page = b"<p>The ferry ran late again on Monday, the operator said. Riders waited on the pier for an hour.</p>";
    let o = nutgraf(&["summarize", "--format-in", "text", "-f", "json"], page);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["key_points"][0]["text"]
        .as_str()
        .unwrap()
        .starts_with("<p>"));
    let o = nutgraf(&["summarize", "--format-in", "html", "-f", "json"], page);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["text"].as_str().unwrap().starts_with("The ferry"), "{v}");
}

#[test]
fn latin1_text_is_read_with_encoding() {
    let latin1 = b"Caf\xe9 owners in S\xe3o Paulo said the new rules would hurt them. The city council voted on Monday to keep them.";
    let o = nutgraf(&["summarize"], latin1);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("--encoding windows-1252"),
        "{}",
        stderr(&o)
    );
    let o = nutgraf(&["summarize", "--encoding", "latin1", "-f", "json"], latin1);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let text = v["text"].as_str().unwrap();
    assert!(text.starts_with("Café owners in São Paulo"), "{text}");
    assert_grounded(text, &v);
    let o = nutgraf(&["summarize", "--encoding", "klingon"], latin1);
    assert_eq!(o.status.code(), Some(2));
}
