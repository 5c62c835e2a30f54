//! The ceiling of our cuts: ROUGE of the selected sentences when, in each,
//! the candidate cuts that raise ROUGE against the highlights are made
//! greedily (an oracle), beside the whole sentences and the learned cuts.
//! Also prints every 50th compression (sentence → point).
//!
//! ```text
//! cargo run --release -p nutgraf-train --example cut_oracle -- ../shared/data/cnndm/dev.jsonl.gz
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{BufRead, BufReader};

use nutgraf_core::compress::{apply_cuts, candidates};
use nutgraf_core::span::join_spans;
use nutgraf_core::{Document, Pipeline, PipelineBuilder, PipelineConfig};
use nutgraf_train::rouge::{score_tokenized, tokenize};
use rayon::prelude::*;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or("../shared/data/cnndm/dev.jsonl.gz".into());
    let step: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let f = std::fs::File::open(&path).expect("open");
    let lines: Vec<String> = BufReader::new(flate2::read::MultiGzDecoder::new(f))
        .lines()
        .map(|l| l.expect("read"))
        .step_by(step)
        .collect();
    let mut whole = PipelineConfig::default();
    whole.compress.enabled = false;
    let whole = PipelineBuilder::from_config(whole).build().unwrap();
    let learned = Pipeline::default();
    let rows: Vec<[f64; 9]> = lines
        .par_iter()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let doc = Document::new(v["article"].as_str().unwrap_or(""));
            let refs: Vec<Vec<String>> = v["highlights"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| tokenize(h.as_str().unwrap()))
                .collect();
            let (a, _) = whole.analyze(&doc);
            let (_, sel) = whole.select(&a);
            let text = doc.text.as_str();
            let mut summary: Vec<Vec<String>> = sel
                .sentences
                .iter()
                .map(|&i| tokenize(a.segmented.sentence_text(i)))
                .collect();
            let m = |s: &[Vec<String>]| {
                let r = score_tokenized(&refs, s);
                (r.rouge1.fmeasure, r.rouge_lsum.fmeasure)
            };
            let w0: usize = summary.iter().map(Vec::len).sum();
            let (r1, rl) = m(&summary);
            for (k, &i) in sel.sentences.iter().enumerate() {
                let mut made = Vec::new();
                loop {
                    let base = m(&summary);
                    let mut best: Option<(f64, Vec<String>, nutgraf_core::Span)> = None;
                    for c in candidates(&a, i) {
                        if made.contains(&c.span) {
                            continue;
                        }
                        let mut try_cuts = made.clone();
                        try_cuts.push(c.span);
                        let kept = apply_cuts(&a, i, &try_cuts);
                        let toks = tokenize(&join_spans(text, &kept, true));
                        let old = std::mem::replace(&mut summary[k], toks.clone());
                        let s = m(&summary);
                        summary[k] = old;
                        let gain = s.0 + s.1 - base.0 - base.1;
                        if gain > 1e-6 && best.as_ref().is_none_or(|b| gain > b.0) {
                            best = Some((gain, toks, c.span));
                        }
                    }
                    match best {
                        Some((_, toks, span)) => {
                            summary[k] = toks;
                            made.push(span);
                        }
                        None => break,
                    }
                }
            }
            let w1: usize = summary.iter().map(Vec::len).sum();
            let (o1, ol) = m(&summary);
            let s = learned.summarize(&doc).unwrap();
            let pts: Vec<Vec<String>> = s.key_points.iter().map(|p| tokenize(&p.text)).collect();
            let w2: usize = pts.iter().map(Vec::len).sum();
            let (l1, ll) = m(&pts);
            [r1, rl, w0 as f64, o1, ol, w1 as f64, l1, ll, w2 as f64]
        })
        .collect();
    let n = rows.len() as f64;
    let mean = |k: usize| rows.iter().map(|r| r[k]).sum::<f64>() / n;
    println!(
        "{} articles\nwhole sentences: rouge1 {:.2} rougeLsum {:.2} words {:.1}\noracle cuts:     rouge1 {:.2} rougeLsum {:.2} words {:.1}\nlearned cuts:    rouge1 {:.2} rougeLsum {:.2} words {:.1}",
        rows.len(),
        100.0 * mean(0), 100.0 * mean(1), mean(2),
        100.0 * mean(3), 100.0 * mean(4), mean(5),
        100.0 * mean(6), 100.0 * mean(7), mean(8),
    );
}
