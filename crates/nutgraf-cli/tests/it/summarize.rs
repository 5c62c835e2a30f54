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
        if title.trim().is_empty() {
            assert_eq!(v["headline_source"], "generated", "{name}");
        } else {
            assert_eq!(v["headline"], title.trim(), "{name}");
            assert_eq!(v["headline_source"], "title", "{name}");
        }
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
    // The points are the list right under the heading (a "Who said what"
    // list may follow the body).
    let points = out
        .lines()
        .skip(2)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("- "))
        .count();
    assert_eq!(points, 2, "{out}");
}

const QUOTED: &str =
    "The Port Ellery ferry stayed shut on Monday after the storm tore up the north pier.\n\n\
\"We will reopen the pier by Friday,\" the harbour master, Ana Reyes, said on Monday.\n\n\
About 600 people cross on the ferry each weekday, and many spent the night in a school gym.\n\n\
\"It was the worst damage in a decade,\" she said, \"and the decking simply lifted off.\"\n\n\
The operator said that a reduced timetable would start on Thursday.\n";

#[test]
fn who_said_what_in_text_markdown_and_json() {
    let o = nutgraf(&["summarize"], QUOTED.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let (_, who) = out.split_once("Who said what:\n").expect(&out);
    let lines: Vec<&str> = who.lines().collect();
    assert_eq!(
        lines,
        [
            "- Ana Reyes \u{2014} \"We will reopen the pier by Friday,\"",
            "- Ana Reyes \u{2014} \"It was the worst damage in a decade,\" \"and the decking simply lifted off.\"",
            "- The operator \u{2014} that a reduced timetable would start on Thursday",
        ],
        "{out}"
    );

    let o = nutgraf(&["summarize", "-f", "markdown"], QUOTED.as_bytes());
    assert!(
        stdout(&o).contains("\n## Who said what\n\n- Ana Reyes"),
        "{}",
        stdout(&o)
    );

    let o = nutgraf(&["summarize", "-f", "json"], QUOTED.as_bytes());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["offset_unit"], "byte");
    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 3);
    for q in quotes {
        let mut joined = Vec::new();
        for c in q["content"].as_array().unwrap() {
            let (s, e) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            joined.push(&QUOTED[s..e]);
        }
        assert_eq!(joined.join(" "), q["text"].as_str().unwrap());
        if let Some(sp) = q["speaker"].as_object() {
            let (s, e) = (
                sp["start"].as_u64().unwrap() as usize,
                sp["end"].as_u64().unwrap() as usize,
            );
            assert!(!QUOTED[s..e].trim().is_empty());
        }
    }
    assert_eq!(quotes[1]["speaker_name"], "Ana Reyes");
    assert_eq!(
        quotes[1]["content"].as_array().unwrap().len(),
        2,
        "split quote: {}",
        quotes[1]
    );
}

#[test]
fn quotes_only_and_no_quotes() {
    let o = nutgraf(&["summarize", "--quotes-only"], QUOTED.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Who said what:\n- Ana Reyes"), "{out}");
    assert!(!out.contains("About 600 people"), "{out}");

    let o = nutgraf(
        &["summarize", "--quotes-only", "-f", "json"],
        QUOTED.as_bytes(),
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["quotes"].as_array().unwrap().len(), 3);
    assert!(v.get("key_points").is_none());

    let o = nutgraf(
        &["summarize", "--no-quotes", "-f", "json"],
        QUOTED.as_bytes(),
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["quotes"].as_array().unwrap().len(), 0);

    let o = nutgraf(
        &["summarize", "--no-quotes", "--quotes-only"],
        QUOTED.as_bytes(),
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "conflicting flags are a usage error"
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
    assert_eq!(
        v["headline_source"], "generated",
        "no title given: one is made"
    );
    assert!(!v["headline"].as_str().unwrap().contains("(Ledger)"));
    assert_grounded(&text, &v);
}

use std::path::PathBuf;
