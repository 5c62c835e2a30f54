//! Coordinate-descent tuning of the heuristic scorer and MMR selector on a
//! dataset with reference highlights (the CNN/DailyMail development set).
//!
//! ```text
//! cargo run --release -p nutgraf-core --example tune -- ../shared/data/cnndm/dev.jsonl.gz [ROUNDS]
//! ```
//!
//! Prints the best `PipelineConfig` as JSON together with its mean
//! (ROUGE-1 + ROUGE-Lsum) / 2. Deterministic: same data, same result.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{BufRead, BufReader};

use nutgraf_core::eval::rouge::{score_bullets, RougeMeans};
use nutgraf_core::score::{HeuristicWeights, ScorerConfig};
use nutgraf_core::select::{MmrParams, SelectorConfig};
use nutgraf_core::{Document, PipelineBuilder, PipelineConfig};
use serde_json::Value;

fn load(path: &str) -> Vec<(Document, Vec<String>)> {
    let f = std::fs::File::open(path).expect("open dataset");
    let r: Box<dyn BufRead> = if path.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(f)))
    } else {
        Box::new(BufReader::new(f))
    };
    r.lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(&l).expect("json");
            let doc = Document::new(v["article"].as_str().unwrap_or(""))
                .with_title(v["title"].as_str().unwrap_or(""));
            let hl = v["highlights"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            (doc, hl)
        })
        .collect()
}

fn evaluate(cfg: &PipelineConfig, data: &[(Document, Vec<String>)]) -> (f64, f64, f64) {
    let p = PipelineBuilder::from_config(cfg.clone())
        .build()
        .expect("valid config");
    let mut m = RougeMeans::default();
    for (doc, hl) in data {
        let pts: Vec<String> = p
            .summarize(doc)
            .map(|s| s.key_points.into_iter().map(|k| k.text).collect())
            .unwrap_or_default();
        m.add(&score_bullets(hl, &pts));
    }
    let r = m.means();
    ((r.rouge1 + r.rouge_lsum) / 2.0, r.rouge1, r.rouge_lsum)
}

fn get(cfg: &PipelineConfig) -> (HeuristicWeights, MmrParams) {
    let w = match &cfg.scorer {
        ScorerConfig::Heuristic(w) => w.clone(),
        _ => HeuristicWeights::default(),
    };
    let s = match &cfg.selector {
        SelectorConfig::Mmr(s) => s.clone(),
        _ => MmrParams::default(),
    };
    (w, s)
}

type Knob = (
    &'static str,
    fn(&mut (HeuristicWeights, MmrParams)) -> &mut f32,
);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = load(
        args.get(1)
            .map(String::as_str)
            .unwrap_or("../shared/data/cnndm/dev.jsonl.gz"),
    );
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2);
    let knobs: Vec<Knob> = vec![
        ("position_decay", |p| &mut p.0.position_decay),
        ("paragraph_start", |p| &mut p.0.paragraph_start),
        ("centrality", |p| &mut p.0.centrality),
        ("title", |p| &mut p.0.title),
        ("lead", |p| &mut p.0.lead),
        ("min_tokens", |p| &mut p.0.min_tokens),
        ("max_tokens", |p| &mut p.0.max_tokens),
        ("length_penalty", |p| &mut p.0.length_penalty),
        ("quote_penalty", |p| &mut p.0.quote_penalty),
        ("question_penalty", |p| &mut p.0.question_penalty),
        ("has_quote_penalty", |p| &mut p.0.has_quote_penalty),
        ("attribution_penalty", |p| &mut p.0.attribution_penalty),
        ("proper", |p| &mut p.0.proper),
        ("number", |p| &mut p.0.number),
        ("redundancy", |p| &mut p.1.redundancy),
        ("max_overlap", |p| &mut p.1.max_overlap),
        ("extra_threshold", |p| &mut p.1.extra_threshold),
    ];
    let mut best = PipelineConfig::default();
    let mut best_score = evaluate(&best, &data);
    eprintln!("start: {best_score:?}");
    for round in 0..rounds {
        let step = 0.5f32.powi(round as i32);
        for (name, knob) in &knobs {
            for k in 0..4 {
                let mut cfg = best.clone();
                let mut ws = get(&cfg);
                let v = knob(&mut ws);
                *v = match k {
                    0 => *v * (1.0 - 0.5 * step),
                    1 => *v * (1.0 + 0.5 * step),
                    2 => *v + 0.1 * step,
                    _ => *v - 0.1 * step,
                };
                cfg.scorer = ScorerConfig::Heuristic(ws.0);
                cfg.selector = SelectorConfig::Mmr(ws.1);
                let sc = evaluate(&cfg, &data);
                if sc.0 > best_score.0 + 1e-4 {
                    eprintln!("round {round} {name}: {:?} -> {:?}", best_score, sc);
                    best = cfg;
                    best_score = sc;
                }
            }
        }
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&best).expect("serialize")
    );
    eprintln!("best: {best_score:?}");
}
