//! `nutgraf train`: fit the learned scorer and the compression model on a
//! dataset with highlights, with optional k-fold cross-validation.
//!
//! Deterministic: folds are assigned by record order (record `i` is in fold
//! `i % k`), labels come from the greedy ROUGE oracle, and training uses no
//! random sampling, so the same data always gives the same model.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use nutgraf_core::compress::CompressModel;
use nutgraf_core::score::{LearnedConfig, ScorerConfig};
use nutgraf_core::{PipelineBuilder, PipelineConfig};
use nutgraf_train::gbdt::TrainParams;
use nutgraf_train::rouge::{score_bullets, RougeMeans};
use nutgraf_train::summaries::{self as train, TrainingSet};
use rayon::prelude::*;

use super::read_cases;
use crate::cli::TrainArgs;
use crate::ExitStatus;
use nutgraf_train::datasets::Case;

/// The two models trained on some of the articles, written to files.
struct Fitted {
    scorer: PathBuf,
    compressor: PathBuf,
    scorer_trees: usize,
    compressor_trees: usize,
}

/// Runs `train`.
///
/// Three stages on the articles a fold trains on, each fed by the last, so
/// that the result depends on the data alone (not on the built-in models):
///
/// 1. a scorer on whole-sentence oracle labels;
/// 2. the compressor: a word model and a cut model, labelled on the
///    sentences that scorer selects;
/// 3. the final scorer, labelled by the oracle over the sentences as that
///    compressor cuts them (unless `--whole-sentence-oracle`).
pub fn run(args: TrainArgs) -> anyhow::Result<ExitStatus> {
    let start = Instant::now();
    let base = super::pipeline_config(&args.pipeline)?;
    let cases = read_cases(&args.dataset, args.limit)?;
    let whole: Vec<TrainingSet> = cases
        .par_iter()
        .map(|c| {
            let (x, y) = train::examples(&c.doc, &c.highlights);
            TrainingSet { x, y }
        })
        .collect();
    let params = TrainParams {
        trees: args.trees,
        depth: args.depth,
        learning_rate: args.learning_rate,
        ..TrainParams::default()
    };
    let cut_params = TrainParams {
        trees: args.cut_trees,
        depth: args.cut_depth,
        ..params.clone()
    };
    let word_params = TrainParams {
        trees: args.word_trees,
        depth: args.word_depth,
        min_leaf: 100,
        ..params.clone()
    };
    let mut err = io::stderr().lock();
    writeln!(
        err,
        "nutgraf: {} articles, {} sentence examples labelled in {:.1}s",
        cases.len(),
        whole.iter().map(|s| s.y.len()).sum::<usize>(),
        start.elapsed().as_secs_f64()
    )?;

    // Fits both models on the articles `keep` admits; files are named
    // `{stem}.model.json` and `{stem}.compress.json` unless given.
    let fit = |keep: &(dyn Fn(usize) -> bool + Sync),
               scorer_path: &Path,
               compressor_path: &Path|
     -> anyhow::Result<Fitted> {
        let used: Vec<usize> = (0..cases.len()).filter(|&i| keep(i)).collect();
        // 1. Whole-sentence scorer.
        let mut set = TrainingSet::default();
        for &i in &used {
            set.extend(whole[i].clone());
        }
        let first = train::train(&set, &params);
        let first_path = scorer_path.with_extension("whole.json");
        fs_err::write(&first_path, serde_json::to_string(&first)?)?;
        let mut config = base.clone();
        config.scorer = ScorerConfig::Learned(LearnedConfig {
            model: Some(first_path.clone()),
        });
        config.compress.enabled = false;
        let labeller = PipelineBuilder::from_config(config.clone()).build()?;
        // 2. The compressor, on the sentences that scorer selects.
        let labelled: Vec<(TrainingSet, Vec<f32>)> = used
            .par_iter()
            .map(|&i| train::compressor_examples(&labeller, &cases[i].doc, &cases[i].highlights))
            .collect();
        let mut words = TrainingSet::default();
        for (w, _) in &labelled {
            words.extend(w.clone());
        }
        let word_model = train::train_words(&words.x, &words.y, &word_params);
        let probe = train::word_compressor(&word_model).map_err(anyhow::Error::msg)?;
        let rows: Vec<Vec<Vec<f32>>> = used
            .par_iter()
            .map(|&i| train::cut_rows(&labeller, &cases[i].doc, &probe))
            .collect();
        let mut cuts = TrainingSet::default();
        for (x, (_, y)) in rows.into_iter().zip(&labelled) {
            anyhow::ensure!(x.len() == y.len(), "cut rows and labels differ");
            cuts.x.extend(x);
            cuts.y.extend(y.iter().copied());
        }
        let compressor = CompressModel {
            words: word_model,
            cuts: train::train_cuts(&cuts.x, &cuts.y, &cut_params),
        };
        fs_err::write(compressor_path, serde_json::to_string(&compressor)?)
            .with_context(|| format!("writing {}", compressor_path.display()))?;
        // 3. The final scorer, on compressed-oracle labels.
        let scorer = if args.whole_sentence_oracle {
            first
        } else {
            config.compress = base.compress.clone();
            config.compress.enabled = true;
            config.compress.model = Some(compressor_path.to_path_buf());
            let with_cuts = PipelineBuilder::from_config(config).build()?;
            let sets: Vec<TrainingSet> = used
                .par_iter()
                .map(|&i| {
                    let c = &cases[i];
                    let (x, y) = train::examples_compressed(&with_cuts, &c.doc, &c.highlights);
                    TrainingSet { x, y }
                })
                .collect();
            let mut set = TrainingSet::default();
            for s in sets {
                set.extend(s);
            }
            train::train(&set, &params)
        };
        fs_err::write(scorer_path, serde_json::to_string(&scorer)?)
            .with_context(|| format!("writing {}", scorer_path.display()))?;
        let _ = fs_err::remove_file(&first_path);
        Ok(Fitted {
            scorer: scorer_path.to_path_buf(),
            compressor: compressor_path.to_path_buf(),
            scorer_trees: scorer.trees.len(),
            compressor_trees: compressor.words.trees.len() + compressor.cuts.trees.len(),
        })
    };

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
            let fitted = fit(
                &|i| i % args.folds != k,
                &dir.join(format!("fold-{k}.model.json")),
                &dir.join(format!("fold-{k}.compress.json")),
            )?;
            let held: Vec<&Case> = cases
                .iter()
                .enumerate()
                .filter(|(i, _)| i % args.folds == k)
                .map(|(_, c)| c)
                .collect();
            for (t, &threshold) in thresholds.iter().enumerate() {
                let mut config = base.clone();
                config.compress.threshold = threshold;
                config.compress.model = Some(fitted.compressor.clone());
                let name = if t == 0 {
                    format!("fold-{k}.jsonl")
                } else {
                    format!("fold-{k}.t{t}.jsonl")
                };
                let fold = evaluate_fold(&config, &fitted.scorer, &held, &dir.join(name))?;
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

    let cut_output = args
        .compress_output
        .clone()
        .unwrap_or_else(|| args.output.with_extension("compress.json"));
    let fitted = fit(&|_| true, &args.output, &cut_output)?;
    writeln!(
        err,
        "nutgraf: wrote {} ({} trees) and {} ({} trees) in {:.1}s",
        fitted.scorer.display(),
        fitted.scorer_trees,
        fitted.compressor.display(),
        fitted.compressor_trees,
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
    fn means(&self) -> nutgraf_train::rouge::RougeF1 {
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
    let rows: Vec<(String, nutgraf_train::rouge::RougeScores, usize)> = held
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
