//! Every key point's offsets slice the input to exactly the cited sentence,
//! over every article of the CNN/DailyMail development set.
//!
//! Runs only when `../shared` (beside the repository) holds the data set, or
//! `NUTGRAF_DEV_DATA` names a JSONL(.gz) file; otherwise it says so and
//! passes, so `cargo test` never depends on `../shared`. Our own fixtures get
//! the same check always, in the CLI's integration tests.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use nutgraf_core::segment::{NewsSegmenter, Segmenter};
use nutgraf_core::{Document, Pipeline};

#[test]
fn offsets_slice_back_on_every_dev_article() {
    let path = std::env::var_os("NUTGRAF_DEV_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/cnndm/dev.jsonl.gz")
        });
    let Ok(file) = std::fs::File::open(&path) else {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("skipped: {} not found", path.display());
        }
        return;
    };
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
    let pipeline = Pipeline::default();
    let segmenter = NewsSegmenter::default();
    let mut n = 0;
    for line in reader.lines() {
        let line = line.unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let doc = Document::new(v["article"].as_str().unwrap());
        let id = v["id"].as_str().unwrap_or("?");
        let s = pipeline
            .summarize(&doc)
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(
            !s.key_points.is_empty() && s.key_points.len() <= 4,
            "{id}: {} points",
            s.key_points.len()
        );
        let mut last = 0;
        for p in &s.key_points {
            assert_eq!(doc.text.get(p.start..p.end), Some(p.text.as_str()), "{id}");
            assert!(p.start >= last, "{id}: points out of order");
            last = p.end;
        }
        // Segment invariants: in order, inside their paragraph, trimmed.
        let seg = segmenter.segment(&doc);
        let mut end = 0;
        for sent in &seg.sentences {
            assert!(sent.span.start >= end, "{id}: overlapping sentences");
            assert!(seg.paragraphs[sent.paragraph].contains(sent.span), "{id}");
            let t = sent.span.slice(&doc.text);
            assert!(
                !t.is_empty() && t.trim() == t,
                "{id}: untrimmed sentence {t:?}"
            );
            end = sent.span.end;
        }
        n += 1;
    }
    assert!(n > 1000, "read only {n} articles from {}", path.display());
}
