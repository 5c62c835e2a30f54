//! ROUGE parity with Google's `rouge-score` 0.1.2.
//!
//! `tests/data/rouge_reference.json` holds synthetic (reference, candidate)
//! pairs scored by the Python package; regenerate it with
//! `python3 scripts/gen_rouge_reference.py`. Every precision, recall and
//! F-measure must match within `TOLERANCE` (the file stores 12 decimals).

use nutgraf_train::rouge::{score, score_bullets, score_tokenized, tokenize, Prf, RougeScores};
use serde_json::Value;

const TOLERANCE: f64 = 1e-6;
const METRICS: [&str; 4] = ["rouge1", "rouge2", "rougeL", "rougeLsum"];

fn metric(s: &RougeScores, name: &str) -> Prf {
    match name {
        "rouge1" => s.rouge1,
        "rouge2" => s.rouge2,
        "rougeL" => s.rouge_l,
        "rougeLsum" => s.rouge_lsum,
        _ => unreachable!("unknown metric {name}"),
    }
}

struct Pair {
    reference: String,
    candidate: String,
    /// Per metric, `[precision, recall, fmeasure]` from Python.
    want: Vec<[f64; 3]>,
}

fn load() -> Vec<Pair> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/rouge_reference.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("parsing {path}: {e}"));
    let pairs = doc["pairs"].as_array().expect("`pairs` array");
    pairs
        .iter()
        .map(|p| Pair {
            reference: p["reference"].as_str().expect("reference").to_string(),
            candidate: p["candidate"].as_str().expect("candidate").to_string(),
            want: METRICS
                .iter()
                .map(|m| {
                    let v = p["scores"][m]
                        .as_array()
                        .unwrap_or_else(|| panic!("scores.{m}"));
                    [0, 1, 2].map(|i| v[i].as_f64().expect("number"))
                })
                .collect(),
        })
        .collect()
}

/// The largest difference from Python over all pairs, or the first pair that
/// differs by more than `TOLERANCE`, described in full.
fn compare(pairs: &[Pair], how: &str, f: impl Fn(&Pair) -> RougeScores) -> f64 {
    let mut max_diff: f64 = 0.0;
    for (i, p) in pairs.iter().enumerate() {
        let got = f(p);
        for (m, want) in METRICS.iter().zip(&p.want) {
            let g = metric(&got, m);
            for (field, (g, w)) in ["precision", "recall", "fmeasure"]
                .iter()
                .zip([g.precision, g.recall, g.fmeasure].into_iter().zip(*want))
            {
                let d = (g - w).abs();
                assert!(
                    d <= TOLERANCE,
                    "{how}: pair #{i}, {m}.{field}: rust {g} vs python {w}\n\
                     reference: {:?}\ncandidate: {:?}\n\
                     reference tokens: {:?}\ncandidate tokens: {:?}",
                    p.reference,
                    p.candidate,
                    tokenize(&p.reference),
                    tokenize(&p.candidate),
                );
                max_diff = max_diff.max(d);
            }
        }
    }
    max_diff
}

#[test]
#[allow(clippy::print_stderr)] // The margin is worth seeing with `--nocapture`.
fn matches_rouge_score_on_reference_pairs() {
    let pairs = load();
    assert!(pairs.len() >= 1000, "only {} reference pairs", pairs.len());
    let d = compare(&pairs, "score", |p| score(&p.reference, &p.candidate));
    eprintln!("{} pairs, max |rust - python| = {d:e}", pairs.len());
}

#[test]
fn bullets_and_tokens_give_the_same_scores() {
    let pairs = load();
    compare(&pairs, "score_bullets", |p| {
        let r: Vec<&str> = p.reference.split('\n').collect();
        let c: Vec<&str> = p.candidate.split('\n').collect();
        score_bullets(&r, &c)
    });
    compare(&pairs, "score_tokenized", |p| {
        let r: Vec<Vec<String>> = p.reference.split('\n').map(tokenize).collect();
        let c: Vec<Vec<String>> = p.candidate.split('\n').map(tokenize).collect();
        score_tokenized(&r, &c)
    });
}
