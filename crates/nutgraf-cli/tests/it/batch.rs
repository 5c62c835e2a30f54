//! `nutgraf batch`.

use std::io::Write;

use serde_json::{json, Value};

use crate::util::*;

fn records() -> (Vec<(String, String, String)>, String) {
    let mut lines = String::new();
    let mut texts = Vec::new();
    for (name, text, title) in all_fixtures() {
        lines.push_str(&json!({"id": name, "article": text, "title": title}).to_string());
        lines.push('\n');
        texts.push((name, text, title));
    }
    (texts, lines)
}

/// A temporary folder holding [`records`] as `in.jsonl`: the folder (kept
/// alive by the caller), the file's path, the articles and the file's text.
fn records_file() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Vec<(String, String, String)>,
    String,
) {
    let (texts, input) = records();
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in.jsonl");
    std::fs::write(&inp, &input).unwrap();
    (dir, inp, texts, input)
}

#[test]
fn batch_matches_summarize_and_keeps_order() {
    let (dir, inp, texts, _) = records_file();
    let out = dir.path().join("out.jsonl");
    let o = batch(&inp, &out, b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = read_jsonl(&out);
    assert_eq!(lines.len(), texts.len());
    for (v, (name, text, title)) in lines.iter().zip(&texts) {
        assert_eq!(v["id"], name.as_str());
        assert_grounded(text, v);
        // Same answer as `summarize` on the same article.
        let s = nutgraf(
            &["summarize", "-f", "json", "--title", title],
            text.as_bytes(),
        );
        let single: Value = serde_json::from_str(&stdout(&s)).unwrap();
        assert_eq!(v["key_points"], single["key_points"], "{name}");
    }
}

#[test]
fn broken_lines_become_error_records_and_exit_1() {
    let input = concat!(
        "{\"id\": \"a\", \"article\": \"The mill reopened on Monday. Workers cheered at the gate. Orders are up by a third.\"}\n",
        "{\"id\": \"b\", \"article\": \n",
        "\n",
        "[1, 2, 3]\n",
        "{\"id\": \"d\", \"title\": \"no article\"}\n",
        "{\"id\": \"e\", \"article\": \"   \"}\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let o = nutgraf(
        &["batch", "-", "-o", out.to_str().unwrap(), "-q"],
        input.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("4 of 5 records"), "{}", stderr(&o));
    let lines = read_jsonl(&out);
    assert_eq!(lines.len(), 5, "one output per non-blank input line");
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[0]["key_points"]
        .as_array()
        .is_some_and(|k| !k.is_empty()));
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("invalid JSON"));
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[2]["error"], "expected a JSON object");
    assert_eq!(lines[3]["error"], "missing field `article` (or `text`)");
    assert_eq!(lines[4]["id"], "e");
    assert_eq!(lines[4]["error"], "the article is empty");
}

#[test]
fn gzip_input_and_truncated_gzip() {
    let (_, input) = records();
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("in.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(input.as_bytes()).unwrap();
    let bytes = enc.finish().unwrap();
    std::fs::write(&gz, &bytes).unwrap();
    let out = dir.path().join("out.jsonl");
    let o = batch(&gz, &out, b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 4);

    std::fs::write(&gz, &bytes[..bytes.len() / 2]).unwrap();
    let o = batch(&gz, &out, b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("in.jsonl.gz"),
        "names the file: {}",
        stderr(&o)
    );
}

#[test]
fn a_stream_broken_after_many_chunks_keeps_what_came_before_in_order() {
    // 2,000 short records (chunks of 256 a worker, 512 at -j2), the gzip
    // cut off in its last fifth: every record of the chunks before the
    // break is written to standard output, in input order, and the exit
    // code is 1.
    let mut input = String::new();
    for i in 0..2000 {
        let article = format!(
            "Councillor Ana Brandt said the ferry number {i} would run at dawn. \
             The harbour board agreed on Tuesday, and riders cheered."
        );
        input.push_str(&json!({"id": i, "article": article}).to_string());
        input.push('\n');
    }
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::none());
    enc.write_all(input.as_bytes()).unwrap();
    let bytes = enc.finish().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("in.jsonl.gz");
    std::fs::write(&gz, &bytes[..bytes.len() * 4 / 5]).unwrap();
    let o = nutgraf(
        &["batch", gz.to_str().unwrap(), "-o", "-", "-q", "-j", "2"],
        b"",
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("in.jsonl.gz"), "{}", stderr(&o));
    let ids: Vec<u64> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(ids.len() >= 1024, "{} records written", ids.len());
    assert!(ids.len() < 2000, "{} records written", ids.len());
    assert!(
        ids.iter().enumerate().all(|(i, &id)| id == i as u64),
        "in input order"
    );
}

#[test]
fn the_input_file_is_never_the_output() {
    let (dir, inp, _, input) = records_file();
    let link = dir.path().join("link.jsonl");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&inp, &link).unwrap();
    #[cfg(not(unix))]
    std::fs::hard_link(&inp, &link).unwrap();
    for out in [&inp, &link] {
        let o = batch(&inp, out, b"");
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("the output is the input file"),
            "{}",
            stderr(&o)
        );
        assert_eq!(std::fs::read_to_string(&inp).unwrap(), input, "input kept");
    }
}

/// `-o /dev/null`, a FIFO or a symlink is written through: the rename that
/// guards a regular file must never replace a device or a link (a timing run
/// with `-o /dev/null` once left a regular file there).
#[cfg(unix)]
#[test]
fn special_outputs_are_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let (dir, inp, texts, _) = records_file();

    let target = dir.path().join("target.jsonl");
    std::fs::write(&target, "x".repeat(1 << 20)).unwrap();
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let o = batch(&inp, &link, b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(read_jsonl(&target).len(), texts.len(), "old bytes cut");

    let fifo = dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let o = batch(&inp, &fifo, b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let got = reader.join().unwrap();
    assert_eq!(got.lines().count(), texts.len());
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn absurd_thread_counts_are_capped() {
    let (dir, inp, texts, _) = records_file();
    let out = dir.path().join("out.jsonl");
    let o = nutgraf(
        &[
            "batch",
            inp.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-q",
            "-j",
            "100000",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("capped at"), "{}", stderr(&o));
    assert_eq!(read_jsonl(&out).len(), texts.len());
}
