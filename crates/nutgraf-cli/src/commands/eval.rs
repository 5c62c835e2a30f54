//! `nutgraf eval`: ROUGE of nutgraf and of Lead-3 on a dataset with
//! reference highlights.
//!
//! Throughput is measured on one thread over the nutgraf pipeline alone
//! (reading and scoring excluded), so it is comparable with the criterion
//! benchmarks; ROUGE is then computed on all cores. The ROUGE figures are
//! those of `score_rouge.py` (Google's `rouge-score`), which our Rust
//! implementation matches to 1e-6 (see `tests/rouge_parity.rs` in the core).

use std::io::{self, Write};
use std::time::Instant;

use nutgraf_core::score::ScorerConfig;
use nutgraf_core::select::SelectorConfig;
use nutgraf_core::{PipelineBuilder, Summary};
use nutgraf_train::rouge::{score_bullets, RougeF1, RougeMeans};
use rayon::prelude::*;
use serde::Serialize;

use super::read_cases;
use crate::cli::EvalArgs;
use crate::input::{self, BadInput};
use crate::ExitStatus;
use nutgraf_train::datasets::Case;

#[derive(Serialize)]
struct SystemFigures {
    #[serde(flatten)]
    rouge: RougeF1,
    mean_words: f64,
    mean_points: f64,
}

#[derive(Serialize)]
struct Report {
    docs: usize,
    failed: usize,
    nutgraf: SystemFigures,
    lead3: SystemFigures,
    articles_per_sec_one_core: f64,
}

/// Runs `eval`.
pub fn run(args: EvalArgs) -> anyhow::Result<ExitStatus> {
    let name = input::display_name(Some(&args.dataset));
    let cases = read_cases(&args.dataset, args.limit)?;
    if cases.is_empty() {
        return Err(BadInput(format!("{name}: no records")).into());
    }
    let nutgraf = super::pipeline(&args.pipeline)?;
    // Lead-3 is the first three whole sentences, as the literature reports it.
    let mut lead3 = PipelineBuilder::new()
        .scorer(ScorerConfig::Lead)
        .selector(SelectorConfig::Top)
        .points(3)
        .config();
    lead3.compress.enabled = false;
    let lead3 = PipelineBuilder::from_config(lead3).build()?;

    // One core, pipeline only, after a warm-up pass over the first articles
    // that fills the stem cache as a long-running process would have it.
    for c in cases.iter().take(500) {
        let _ = nutgraf.summarize(&c.doc);
    }
    let start = Instant::now();
    let outputs: Vec<Option<Summary>> = cases
        .iter()
        .map(|c| nutgraf.summarize(&c.doc).ok())
        .collect();
    let per_sec = cases.len() as f64 / start.elapsed().as_secs_f64().max(1e-9);
    let failed = outputs.iter().filter(|o| o.is_none()).count();

    let scored: Vec<_> = cases
        .par_iter()
        .zip(outputs.par_iter())
        .map(|(c, o)| {
            let ours = point_texts(o.as_ref());
            let lead = lead3.summarize(&c.doc).ok();
            let theirs = point_texts(lead.as_ref());
            let words = |b: &[&str]| {
                b.iter()
                    .map(|t| t.split_whitespace().count())
                    .sum::<usize>()
            };
            (
                score_bullets(&c.highlights, &ours),
                words(&ours),
                ours.len(),
                score_bullets(&c.highlights, &theirs),
                words(&theirs),
                theirs.len(),
            )
        })
        .collect();
    let (mut ours, mut lead) = (RougeMeans::default(), RougeMeans::default());
    let (mut ow, mut op, mut lw, mut lp) = (0usize, 0usize, 0usize, 0usize);
    for (a, aw, ap, b, bw, bp) in &scored {
        ours.add(a);
        lead.add(b);
        ow += aw;
        op += ap;
        lw += bw;
        lp += bp;
    }
    let n = cases.len() as f64;
    let report = Report {
        docs: cases.len(),
        failed,
        nutgraf: SystemFigures {
            rouge: ours.means(),
            mean_words: ow as f64 / n,
            mean_points: op as f64 / n,
        },
        lead3: SystemFigures {
            rouge: lead.means(),
            mean_words: lw as f64 / n,
            mean_points: lp as f64 / n,
        },
        articles_per_sec_one_core: per_sec,
    };

    if let Some(path) = &args.output {
        write_system(path, &cases, &outputs)?;
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        serde_json::to_writer(&mut out, &report)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{name}: {} articles ({} failed)",
            report.docs, report.failed
        )?;
        writeln!(
            out,
            "system    rouge1  rouge2  rougeL  rougeLsum  words  points"
        )?;
        for (label, s) in [("nutgraf", &report.nutgraf), ("lead-3", &report.lead3)] {
            writeln!(
                out,
                "{label:<8} {:>7.2} {:>7.2} {:>7.2} {:>10.2} {:>6.1} {:>7.2}",
                s.rouge.rouge1,
                s.rouge.rouge2,
                s.rouge.rouge_l,
                s.rouge.rouge_lsum,
                s.mean_words,
                s.mean_points
            )?;
        }
        writeln!(
            out,
            "throughput: {per_sec:.0} articles/s on one core (pipeline only)"
        )?;
    }
    Ok(if failed > 0 {
        ExitStatus::BadInput
    } else {
        ExitStatus::Success
    })
}

fn write_system(
    path: &std::path::Path,
    cases: &[Case],
    outputs: &[Option<Summary>],
) -> anyhow::Result<()> {
    let file = fs_err::File::create(path)?;
    let mut w = io::BufWriter::new(file);
    for (c, o) in cases.iter().zip(outputs) {
        let points = point_texts(o.as_ref());
        serde_json::to_writer(
            &mut w,
            &serde_json::json!({"id": c.doc.id, "key_points": points}),
        )?;
        writeln!(w)?;
    }
    w.flush()?;
    Ok(())
}

/// The key points' texts of a summary, none when there is no summary.
fn point_texts(summary: Option<&Summary>) -> Vec<&str> {
    summary.map_or_else(Vec::new, |s| {
        s.key_points.iter().map(|p| p.text.as_str()).collect()
    })
}
