//! `nutgraf eval` and `nutgraf train` on a tiny dataset of our own articles
//! with highlights we wrote.

use serde_json::{json, Value};

use crate::util::*;

fn dataset(dir: &std::path::Path) -> std::path::PathBuf {
    let mut lines = String::new();
    for (name, text, _) in all_fixtures() {
        // The first sentence of each fixture's body as a stand-in highlight.
        let first = text
            .lines()
            .find(|l| l.len() > 60)
            .unwrap_or(&text)
            .to_string();
        lines.push_str(&json!({"id": name, "article": text, "highlights": [first]}).to_string());
        lines.push('\n');
    }
    let path = dir.join("data.jsonl");
    std::fs::write(&path, lines).unwrap();
    path
}

#[test]
fn eval_prints_both_systems_and_writes_scorer_input() {
    let dir = tempfile::tempdir().unwrap();
    let data = dataset(dir.path());
    let out = dir.path().join("system.jsonl");
    let o = nutgraf(
        &[
            "eval",
            data.to_str().unwrap(),
            "--json",
            "--output",
            out.to_str().unwrap(),
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["docs"], 4);
    for system in ["nutgraf", "lead3"] {
        let r1 = v[system]["rouge1"].as_f64().unwrap();
        assert!(r1 > 0.0 && r1 <= 100.0, "{system}: {r1}");
        assert!(v[system]["rougeLsum"].as_f64().unwrap() > 0.0);
    }
    assert!(v["articles_per_sec_one_core"].as_f64().unwrap() > 0.0);
    // The layout score_rouge.py reads: an id and a list of key point strings.
    let rows = read_jsonl(&out);
    assert_eq!(rows.len(), 4);
    for r in &rows {
        assert!(r["id"].is_string());
        let kp = r["key_points"].as_array().unwrap();
        assert!(
            (3..=4).contains(&kp.len()) && kp.iter().all(Value::is_string),
            "{r}"
        );
    }
}

#[test]
fn eval_needs_highlights() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.jsonl");
    std::fs::write(
        &path,
        "{\"id\": \"a\", \"article\": \"Text here. More text.\"}\n",
    )
    .unwrap();
    let o = nutgraf(&["eval", path.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("line 1: missing field `highlights`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn train_writes_a_model_that_summarize_loads() {
    let dir = tempfile::tempdir().unwrap();
    let data = dataset(dir.path());
    let model = dir.path().join("model.json");
    let o = nutgraf(
        &[
            "train",
            data.to_str().unwrap(),
            "-o",
            model.to_str().unwrap(),
            "--trees",
            "3",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(fixtures().join("chip-plant/input.txt")).unwrap();
    let s = nutgraf(
        &[
            "summarize",
            "-f",
            "json",
            "--model",
            model.to_str().unwrap(),
        ],
        text.as_bytes(),
    );
    assert!(s.status.success(), "{}", stderr(&s));
    let v: Value = serde_json::from_str(&stdout(&s)).unwrap();
    assert_grounded(&text, &v);
}

/// `tests/fixtures-polnear`: one article of our own in PolNeAR's layout,
/// with two gold attributions (one quote, one reported statement).
fn polnear_fixture() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures-polnear")
}

#[test]
fn eval_quotes_scores_a_polnear_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("quotes.jsonl");
    let o = nutgraf(
        &[
            "eval-quotes",
            polnear_fixture().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["docs"], 1);
    assert_eq!(v["all"]["gold"], 2);
    assert_eq!(v["all"]["content"]["r"], 1.0, "{v}");
    assert_eq!(v["all"]["speaker"]["r"], 1.0, "{v}");
    // Both contents match exactly, the reported one from its "that".
    assert_eq!(v["all"]["content_exact"]["r"], 1.0, "{v}");
    let line: Value = serde_json::from_str(std::fs::read_to_string(&out).unwrap().trim()).unwrap();
    assert_eq!(line["id"], "ledger_2026-03-02_ferry");
    assert_eq!(line["offset_unit"], "byte");
    assert_eq!(line["quotes"].as_array().unwrap().len(), 2);
}

#[test]
fn eval_quotes_names_a_folder_without_texts() {
    let dir = tempfile::tempdir().unwrap();
    let o = nutgraf(&["eval-quotes", dir.path().to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("text"), "{}", stderr(&o));
}
