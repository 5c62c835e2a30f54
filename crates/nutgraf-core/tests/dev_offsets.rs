//! Every key point and headline is grounded, over every article of the
//! CNN/DailyMail development set: `start..end` slices the input to the whole
//! source sentence, and the words of each point's (and the headline's)
//! text are exactly the words of its spans.
//!
//! Ignored by a plain `cargo test`, which never reads `../shared`; `.ci/run`
//! runs it with `cargo test --release -- --ignored` when the data is there
//! (or `NUTGRAF_DEV_DATA` names a JSONL(.gz) file). Run that way without the
//! data, it fails. Our own fixtures get the same check always, in the CLI's
//! integration tests.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use nutgraf_core::segment::{NewsSegmenter, Segmenter};
use nutgraf_core::span::same_words;
use nutgraf_core::{Document, Pipeline, Span};

#[test]
#[ignore = "reads the dev set in ../shared; run by .ci/run"]
fn offsets_slice_back_on_every_dev_article() {
    let path = std::env::var_os("NUTGRAF_DEV_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/cnndm/dev.jsonl.gz")
        });
    let file = std::fs::File::open(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (set NUTGRAF_DEV_DATA)", path.display()));
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
            assert!(doc.text.get(p.start..p.end).is_some(), "{id}");
            assert!(!p.text.trim().is_empty(), "{id}: empty point");
            assert!(same_words(&doc.text, &p.spans, &p.text), "{id}: {p:?}");
            let sentence = Span::new(p.start, p.end);
            assert!(p.spans.iter().all(|s| sentence.contains(*s)), "{id}: {p:?}");
            assert!(p.start >= last, "{id}: points out of order");
            last = p.end;
        }
        assert!(!s.headline.trim().is_empty(), "{id}: empty headline");
        assert!(
            same_words(&doc.text, &s.headline_spans, &s.headline),
            "{id}: headline {:?} {:?}",
            s.headline,
            s.headline_spans
        );
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
