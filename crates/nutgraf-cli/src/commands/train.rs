//! `nutgraf train`: fit the learned scorer and the compression model on a
//! dataset with highlights, with optional k-fold cross-validation.
//!
//! Deterministic: folds are assigned by record order (record `i` is in fold
//! `i % k`), labels come from the greedy ROUGE oracle, and training uses no
//! random sampling, so the same data always gives the same model.

use std::io::{self, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use nutgraf_core::compress::CompressModel;
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
    // Cut labels come from the sentences the whole-sentence pipeline picks.
    let mut label_config = base.clone();
    label_config.compress.enabled = false;
    let labeller = PipelineBuilder::from_config(label_config).build()?;
    // Sentence labels from the oracle over compressed sentences, with the
    // compressor of the base settings (the built-in one unless
    // `--compress-model` names another).
    let compressed_labels = if args.whole_sentence_oracle || !base.compress.enabled {
        None
    } else {
        Some(PipelineBuilder::from_config(base.clone()).build()?)
    };
    let per_doc: Vec<(TrainingSet, TrainingSet, Vec<f32>)> = cases
        .par_iter()
        .map(|c| {
            let (sx, sy) = match &compressed_labels {
                Some(p) => train::examples_compressed(p, &c.doc, &c.highlights),
                None => train::examples(&c.doc, &c.highlights),
            };
            let s = TrainingSet { x: sx, y: sy };
            let (x, y) = train::word_examples(&labeller, &c.doc, &c.highlights);
            let cut_labels = train::cut_labels(&labeller, &c.doc, &c.highlights);
            (s, TrainingSet { x, y }, cut_labels)
        })
        .collect();
    let params = TrainParams {
        trees: args.trees,
        depth: args.depth,
        learning_rate: args.learning_rate,
        ..TrainParams::default()
    };
    let mut err = io::stderr().lock();
    let cut_params = TrainParams {
        trees: args.cut_trees,
        depth: args.cut_depth,
        ..params.clone()
    };
    let word_params = TrainParams {
        trees: 30,
        depth: 5,
        min_leaf: 100,
        ..params.clone()
    };
    // Trains a compression model on the articles `keep` says, returning it.
    let train_compressor =
        |keep: &(dyn Fn(usize) -> bool + Sync)| -> anyhow::Result<CompressModel> {
            let mut words = TrainingSet::default();
            for (i, (_, w, _)) in per_doc.iter().enumerate() {
                if keep(i) {
                    words.extend(w.clone());
                }
            }
            let word_model = train::train_words(&words.x, &words.y, &word_params);
            let probe = train::word_compressor(&word_model).map_err(anyhow::Error::msg)?;
            let rows: Vec<(Vec<Vec<f32>>, &Vec<f32>)> = cases
                .par_iter()
                .enumerate()
                .filter(|(i, _)| keep(*i))
                .map(|(i, c)| (train::cut_rows(&labeller, &c.doc, &probe), &per_doc[i].2))
                .collect();
            let mut cuts = TrainingSet::default();
            for (x, y) in rows {
                anyhow::ensure!(x.len() == y.len(), "cut rows and labels differ");
                cuts.x.extend(x);
                cuts.y.extend(y.iter().copied());
            }
            let cut_model = train::train_cuts(&cuts.x, &cuts.y, &cut_params);
            Ok(CompressModel {
                words: word_model,
                cuts: cut_model,
            })
        };
    writeln!(
        err,
        "nutgraf: {} articles, {} sentence examples and {} cut examples ({:.1}% worth cutting) labelled in {:.1}s",
        cases.len(),
        per_doc.iter().map(|s| s.0.y.len()).sum::<usize>(),
        per_doc.iter().map(|s| s.2.len()).sum::<usize>(),
        100.0 * per_doc.iter().map(|s| s.2.iter().sum::<f32>()).sum::<f32>()
            / per_doc.iter().map(|s| s.2.len()).sum::<usize>().max(1) as f32,
        start.elapsed().as_secs_f64()
    )?;
    let mut thresholds = args.cut_thresholds.clone();
    if thresholds.is_empty() {
        thresholds.push(base.compress.threshold);
    }

    if args.folds >= 2 {
        let dir = args.cv_dir.as_deref().unwrap_or(Path::new("."));
        fs_err::create_dir_all(dir)?;
        let mut all = vec![RougeMeans::default(); thresholds.len()];
        let mut out = io::stdout().lock();
        for k in 0..args.folds {
            let mut set = TrainingSet::default();
            for (i, (s, _, _)) in per_doc.iter().enumerate() {
                if i % args.folds != k {
                    set.extend(s.clone());
                }
            }
            let model = train::train(&set, &params);
            let model_path = dir.join(format!("fold-{k}.model.json"));
            fs_err::write(&model_path, serde_json::to_string(&model)?)?;
            let cut_model = train_compressor(&|i| i % args.folds != k)?;
            let cut_path = dir.join(format!("fold-{k}.compress.json"));
            fs_err::write(&cut_path, serde_json::to_string(&cut_model)?)?;
            let held: Vec<&Case> = cases
                .iter()
                .enumerate()
                .filter(|(i, _)| i % args.folds == k)
                .map(|(_, c)| c)
                .collect();
            for (t, &threshold) in thresholds.iter().enumerate() {
                let mut config = base.clone();
                config.compress.threshold = threshold;
                config.compress.model = Some(cut_path.clone());
                let name = if t == 0 {
                    format!("fold-{k}.jsonl")
                } else {
                    format!("fold-{k}.t{t}.jsonl")
                };
                let fold = evaluate_fold(&config, &model_path, &held, &dir.join(name))?;
                let m = fold.means();
                writeln!(
                    out,
                    "fold {k} (cut threshold {threshold}): {} articles, rouge1 {:.2} rouge2 {:.2} rougeL {:.2} rougeLsum {:.2}, {:.1} words",
                    fold.docs(),
                    m.rouge1,
                    m.rouge2,
                    m.rouge_l,
                    m.rouge_lsum,
                    fold.words
                )?;
                all[t].merge(&fold.rouge);
            }
        }
        for (t, all) in all.iter().enumerate() {
            let m = all.means();
            writeln!(out, "cross-validated ({} folds, {} articles, cut threshold {}): rouge1 {:.2} rouge2 {:.2} rougeL {:.2} rougeLsum {:.2}",
                args.folds, all.docs(), thresholds[t], m.rouge1, m.rouge2, m.rouge_l, m.rouge_lsum)?;
        }
    }

    let cut_model = train_compressor(&|_| true)?;
    let mut set = TrainingSet::default();
    for (s, _, _) in per_doc {
        set.extend(s);
    }
    let model = train::train(&set, &params);
    fs_err::write(&args.output, serde_json::to_string(&model)?)
        .with_context(|| format!("writing {}", args.output.display()))?;
    let cut_output = args
        .compress_output
        .clone()
        .unwrap_or_else(|| args.output.with_extension("compress.json"));
    fs_err::write(&cut_output, serde_json::to_string(&cut_model)?)
        .with_context(|| format!("writing {}", cut_output.display()))?;
    writeln!(
        err,
        "nutgraf: wrote {} ({} trees) and {} ({} trees) in {:.1}s",
        args.output.display(),
        model.trees.len(),
        cut_output.display(),
        cut_model.words.trees.len() + cut_model.cuts.trees.len(),
        start.elapsed().as_secs_f64()
    )?;
    Ok(ExitStatus::Success)
}

/// ROUGE means of a fold's output and its mean words per summary.
struct FoldScores {
    rouge: RougeMeans,
    words: f64,
}

impl FoldScores {
    fn docs(&self) -> usize {
        self.rouge.docs()
    }
    fn means(&self) -> nutgraf_core::eval::rouge::RougeF1 {
        self.rouge.means()
    }
}

/// Summarizes `held` with the model at `model_path`, writes the system
/// output to `out` (readable by score_rouge.py), and returns the ROUGE means.
fn evaluate_fold(
    base: &PipelineConfig,
    model_path: &Path,
    held: &[&Case],
    out: &Path,
) -> anyhow::Result<FoldScores> {
    let mut config = base.clone();
    config.scorer = ScorerConfig::Learned(LearnedConfig {
        model: Some(model_path.to_path_buf()),
    });
    let pipeline = PipelineBuilder::from_config(config).build()?;
    let rows: Vec<(String, nutgraf_core::eval::rouge::RougeScores, usize)> = held
        .par_iter()
        .map(|c| {
            let points: Vec<String> = pipeline
                .summarize(&c.doc)
                .map(|s| s.key_points.into_iter().map(|p| p.text).collect())
                .unwrap_or_default();
            let line = serde_json::json!({"id": c.doc.id, "key_points": points}).to_string();
            let words = points.iter().map(|p| p.split_whitespace().count()).sum();
            (line, score_bullets(&c.highlights, &points), words)
        })
        .collect();
    let mut w = io::BufWriter::new(fs_err::File::create(out)?);
    let mut means = RougeMeans::default();
    let mut words = 0usize;
    for (line, s, n) in &rows {
        writeln!(w, "{line}")?;
        means.add(s);
        words += n;
    }
    w.flush()?;
    Ok(FoldScores {
        words: words as f64 / rows.len().max(1) as f64,
        rouge: means,
    })
}
