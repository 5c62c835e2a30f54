//! Dumps every body sentence's features with ROUGE labels, one JSON line per
//! sentence, for studying which features carry signal.
//!
//! ```text
//! cargo run --release -p nutgraf-train --example dump_features -- ../shared/data/cnndm/dev.jsonl.gz > /tmp/features.jsonl
//! ```
//!
//! Labels: `r1` is the ROUGE-1 F1 of the sentence alone against the
//! highlights; `oracle` is 1 when the sentence is in the greedy oracle (add
//! the sentence that raises ROUGE-1 + ROUGE-Lsum F1 most, up to three).

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{BufRead, BufReader, Write};

use nutgraf_core::analyze::{Analyzer, WordAnalyzer};
use nutgraf_core::score::features::{feature_rows, sentence_features, FEATURE_NAMES};
use nutgraf_core::segment::{NewsSegmenter, Segmenter};
use nutgraf_core::Document;
use nutgraf_train::rouge::{score_tokenized, tokenize};
use nutgraf_train::summaries::greedy_oracle;
use rayon::prelude::*;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or("../shared/data/cnndm/dev.jsonl.gz".into());
    let f = std::fs::File::open(&path).expect("open");
    let lines: Vec<String> = BufReader::new(flate2::read::MultiGzDecoder::new(f))
        .lines()
        .map_while(Result::ok)
        .collect();
    let out: Vec<String> = lines
        .par_iter()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json");
            let id = v["id"].as_str().unwrap_or("").to_string();
            let doc = Document::new(v["article"].as_str().unwrap_or(""));
            let refs: Vec<Vec<String>> = v["highlights"]
                .as_array()
                .map(|a| a.iter().filter_map(|x| x.as_str()).map(tokenize).collect())
                .unwrap_or_default();
            let analyzed = WordAnalyzer.analyze(NewsSegmenter::default().segment(&doc));
            let feats = sentence_features(&analyzed);
            let idx: Vec<usize> = (0..feats.len()).filter(|&i| feats[i].is_some()).collect();
            let rows = feature_rows(&feats, false);
            let toks: Vec<Vec<String>> = idx
                .iter()
                .map(|&i| tokenize(analyzed.segmented.sentence_text(i)))
                .collect();
            let chosen = greedy_oracle(&toks, &refs, 3);
            let mut s = String::new();
            for (k, &i) in idx.iter().enumerate() {
                let r1 = score_tokenized(&refs, &[&toks[k]]).rouge1.fmeasure;
                let line = serde_json::json!({
                    "id": id, "sentence": i, "r1": r1,
                    "text": analyzed.segmented.sentence_text(i),
                    "oracle": u8::from(chosen.contains(&k)),
                    "f": FEATURE_NAMES.iter().zip(rows[k].iter()).map(|(n, v)| (n.to_string(), serde_json::json!(v))).collect::<serde_json::Map<_, _>>(),
                });
                s.push_str(&line.to_string());
                s.push('\n');
            }
            s
        })
        .collect();
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    for s in out {
        // A closed pipe (`| head`) ends the dump quietly.
        if w.write_all(s.as_bytes()).is_err() {
            return;
        }
    }
    let _ = w.flush();
}
