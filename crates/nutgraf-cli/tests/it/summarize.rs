//! `nutgraf summarize`.

use serde_json::Value;

use crate::util::*;

#[test]
fn json_points_are_grounded_on_every_fixture() {
    for (name, text, title) in all_fixtures() {
        let o = nutgraf(
            &["summarize", "--format", "json", "--title", &title],
            text.as_bytes(),
        );
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["headline"], title.trim(), "{name}");
        let n = v["key_points"].as_array().unwrap().len();
        assert!((3..=4).contains(&n), "{name}: {n} points");
        assert_grounded(&text, &v);
    }
}

#[test]
fn text_layout_is_headline_then_points_then_body() {
    let path = fixtures().join("harbor-storm/input.txt");
    let o = nutgraf(
        &[
            "summarize",
            path.to_str().unwrap(),
            "--title",
            "Storm shuts ferry",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Storm shuts ferry");
    let points: Vec<&&str> = lines[1..]
        .iter()
        .take_while(|l| l.starts_with("- "))
        .collect();
    assert!((3..=4).contains(&points.len()), "{out}");
    // Byline, update stamp and furniture never become key points.
    for p in &points {
        assert!(
            !p.contains("Scroll down") && !p.contains("Last updated") && !p.starts_with("- By "),
            "{p}"
        );
    }
    assert!(
        lines[1 + points.len()..].contains(&"Scroll down for video"),
        "body keeps everything"
    );
}

#[test]
fn markdown_and_points_flag() {
    let path = fixtures().join("chip-plant/input.txt");
    let o = nutgraf(
        &[
            "summarize",
            path.to_str().unwrap(),
            "-f",
            "markdown",
            "-t",
            "Chip plant",
            "-n",
            "2",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("# Chip plant\n\n"), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("- ")).count(),
        2,
        "{out}"
    );
}

#[test]
fn json_record_input_takes_title_and_id() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/chip-plant.json");
    let o = nutgraf(&["summarize", path.to_str().unwrap(), "-f", "json"], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["id"], "chip-plant");
    assert_eq!(v["headline"], "Valdera picks Arizona for $2.5bn chip plant");
    let record: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_grounded(record["article"].as_str().unwrap(), &v);
}

#[test]
fn datelines_are_not_cited() {
    let text = std::fs::read_to_string(fixtures().join("council-budget/input.txt")).unwrap();
    let o = nutgraf(&["summarize", "-f", "json"], text.as_bytes());
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    for p in v["key_points"].as_array().unwrap() {
        assert!(!p["text"].as_str().unwrap().contains("(Ledger)"), "{p}");
    }
    assert_eq!(v["headline"], "", "no title given, no invented headline");
}

use std::path::PathBuf;
