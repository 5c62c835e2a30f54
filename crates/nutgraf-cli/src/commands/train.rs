//! `nutgraf train`: fit the learned scorer on a dataset with highlights,
//! with optional k-fold cross-validation.
//!
//! Deterministic: folds are assigned by record order (record `i` is in fold
//! `i % k`), labels come from the greedy ROUGE oracle, and training uses no
//! random sampling, so the same data always gives the same model.

use std::io::{self, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use nutgraf_core::eval::rouge::{score_bullets, RougeMeans};
use nutgraf_core::score::gbdt::TrainParams;
use nutgraf_core::score::{LearnedConfig, ScorerConfig};
use nutgraf_core::train::{self, TrainingSet};
use nutgraf_core::{PipelineBuilder, PipelineConfig};
use rayon::prelude::*;

use crate::cli::TrainArgs;
use crate::dataset::{read_cases, Case};
use crate::ExitStatus;

/// Runs `train`.
pub fn run(args: TrainArgs) -> anyhow::Result<ExitStatus> {
    let start = Instant::now();
    let base = super::pipeline_config(&args.pipeline)?;
    let cases = read_cases(&args.dataset, args.limit)?;
    let per_doc: Vec<TrainingSet> = cases
        .par_iter()
        .map(|c| {
            let mut s = TrainingSet::default();
            s.add(&c.doc, &c.highlights);
            s
        })
        .collect();
    let params = TrainParams {
        trees: args.trees,
        depth: args.depth,
        learning_rate: args.learning_rate,
        ..TrainParams::default()
    };
    let mut err = io::stderr().lock();
    writeln!(
        err,
        "nutgraf: {} articles, {} examples labelled in {:.1}s",
        cases.len(),
        per_doc.iter().map(|s| s.y.len()).sum::<usize>(),
        start.elapsed().as_secs_f64()
    )?;

    if args.folds >= 2 {
        let dir = args.cv_dir.as_deref().unwrap_or(Path::new("."));
        fs_err::create_dir_all(dir)?;
        let mut all = RougeMeans::default();
        let mut out = io::stdout().lock();
        for k in 0..args.folds {
            let mut set = TrainingSet::default();
            for (i, s) in per_doc.iter().enumerate() {
                if i % args.folds != k {
                    set.extend(s.clone());
                }
            }
            let model = train::train(&set, &params);
            let model_path = dir.join(format!("fold-{k}.model.json"));
            fs_err::write(&model_path, serde_json::to_string(&model)?)?;
            let held: Vec<&Case> = cases
                .iter()
                .enumerate()
                .filter(|(i, _)| i % args.folds == k)
                .map(|(_, c)| c)
                .collect();
            let fold = evaluate_fold(
                &base,
                &model_path,
                &held,
                &dir.join(format!("fold-{k}.jsonl")),
            )?;
            let m = fold.means();
            writeln!(
                out,
                "fold {k}: {} articles, rouge1 {:.2} rouge2 {:.2} rougeL {:.2} rougeLsum {:.2}",
                fold.docs(),
                m.rouge1,
                m.rouge2,
                m.rouge_l,
                m.rouge_lsum
            )?;
            all.merge(&fold);
        }
        let m = all.means();
        writeln!(out, "cross-validated ({} folds, {} articles): rouge1 {:.2} rouge2 {:.2} rougeL {:.2} rougeLsum {:.2}",
            args.folds, all.docs(), m.rouge1, m.rouge2, m.rouge_l, m.rouge_lsum)?;
    }

    let mut set = TrainingSet::default();
    for s in per_doc {
        set.extend(s);
    }
    let model = train::train(&set, &params);
    fs_err::write(&args.output, serde_json::to_string(&model)?)
        .with_context(|| format!("writing {}", args.output.display()))?;
    writeln!(
        err,
        "nutgraf: wrote {} ({} trees) in {:.1}s",
        args.output.display(),
        model.trees.len(),
        start.elapsed().as_secs_f64()
    )?;
    Ok(ExitStatus::Success)
}

/// Summarizes `held` with the model at `model_path`, writes the system
/// output to `out` (readable by score_rouge.py), and returns the ROUGE means.
fn evaluate_fold(
    base: &PipelineConfig,
    model_path: &Path,
    held: &[&Case],
    out: &Path,
) -> anyhow::Result<RougeMeans> {
    let mut config = base.clone();
    config.scorer = ScorerConfig::Learned(LearnedConfig {
        model: Some(model_path.to_path_buf()),
    });
    let pipeline = PipelineBuilder::from_config(config).build()?;
    let rows: Vec<(String, nutgraf_core::eval::rouge::RougeScores)> = held
        .par_iter()
        .map(|c| {
            let points: Vec<String> = pipeline
                .summarize(&c.doc)
                .map(|s| s.key_points.into_iter().map(|p| p.text).collect())
                .unwrap_or_default();
            let line = serde_json::json!({"id": c.doc.id, "key_points": points}).to_string();
            (line, score_bullets(&c.highlights, &points))
        })
        .collect();
    let mut w = io::BufWriter::new(fs_err::File::create(out)?);
    let mut means = RougeMeans::default();
    for (line, s) in &rows {
        writeln!(w, "{line}")?;
        means.add(s);
    }
    w.flush()?;
    Ok(means)
}
