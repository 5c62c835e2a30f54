//! Oracle study: for each article, the best three of the first eight body
//! sentences by ROUGE (mean of ROUGE-1 and ROUGE-Lsum F1) against the
//! reference highlights, and how often each position is in it.
//!
//! ```text
//! cargo run --release -p nutgraf-core --example oracle -- ../shared/data/cnndm/dev.jsonl.gz
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{BufRead, BufReader};

use nutgraf_core::eval::rouge::{score_tokenized, tokenize, RougeMeans};
use nutgraf_core::segment::{NewsSegmenter, Segmenter, SentenceKind};
use nutgraf_core::Document;
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
    let seg = NewsSegmenter::default();
    let results: Vec<_> = lines
        .par_iter()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json");
            let doc = Document::new(v["article"].as_str().unwrap_or(""));
            let refs: Vec<Vec<String>> = v["highlights"]
                .as_array()
                .map(|a| a.iter().filter_map(|x| x.as_str()).map(tokenize).collect())
                .unwrap_or_default();
            let s = seg.segment(&doc);
            let body: Vec<Vec<String>> = s
                .sentences
                .iter()
                .filter(|x| x.kind == SentenceKind::Body)
                .take(8)
                .map(|x| tokenize(x.span.slice(&doc.text)))
                .collect();
            let n = body.len();
            let mut best = (f64::MIN, vec![], None);
            for a in 0..n {
                for b in a + 1..n {
                    for c in b + 1..n {
                        let cand = [&body[a], &body[b], &body[c]];
                        let sc = score_tokenized(&refs, &cand);
                        let m = sc.rouge1.fmeasure + sc.rouge_lsum.fmeasure;
                        if m > best.0 {
                            best = (m, vec![a, b, c], Some(sc));
                        }
                    }
                }
            }
            let lead = score_tokenized(&refs, &body[..n.min(3)]);
            let dated = s.sentences.iter().any(|x| x.kind == SentenceKind::Dateline);
            (best.1, best.2.unwrap_or_default(), lead, dated)
        })
        .collect();
    let mut pos = [0usize; 8];
    let mut pos_dated = [0usize; 8];
    let mut dated_docs = 0;
    let (mut oracle, mut lead) = (RougeMeans::default(), RougeMeans::default());
    for (p, o, l, d) in &results {
        dated_docs += usize::from(*d);
        for &i in p {
            if *d {
                pos_dated[i] += 1;
            } else {
                pos[i] += 1;
            }
        }
        oracle.add(o);
        lead.add(l);
    }
    println!("position counts in the oracle, {dated_docs} articles with a dateline: {pos_dated:?}");
    println!("position counts in the oracle, the others: {pos:?}");
    println!("oracle top-3-of-8: {:?}", oracle.means());
    println!("lead-3: {:?}", lead.means());
}
