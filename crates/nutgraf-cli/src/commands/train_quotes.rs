//! `nutgraf train-quotes`: the quote confidence model from a PolNeAR split.

use std::io::Write;

use nutgraf_core::eval::quotes::{label_quotes, QuoteScorer};
use nutgraf_core::quotes::{self, confidence, Quote};

use super::eval_quotes::{read_split, SplitDoc};
use crate::cli::TrainQuotesArgs;
use crate::ExitStatus;

/// Confidence thresholds reported.
const THRESHOLDS: [f32; 7] = [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

/// Folds of the cross-validation on the training split.
const FOLDS: usize = 5;

/// Runs `train-quotes`.
pub fn run(args: TrainQuotesArgs) -> anyhow::Result<ExitStatus> {
    let docs = read_split(&args.dir)?;
    let rows: Vec<(Vec<[f32; confidence::FEATURES.len()]>, Vec<f32>)> =
        docs.iter().map(rows_of).collect();
    let fit = |keep: &dyn Fn(usize) -> bool| {
        let (mut x, mut y) = (Vec::new(), Vec::new());
        for (rx, ry) in rows
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(*i))
            .map(|(_, r)| r)
        {
            x.extend_from_slice(rx);
            y.extend_from_slice(ry);
        }
        confidence::train(&x, &y)
    };
    let n: usize = rows.iter().map(|r| r.1.len()).sum();
    let positives: usize = rows
        .iter()
        .map(|r| r.1.iter().filter(|&&v| v > 0.5).count())
        .sum();
    let mut err = std::io::stderr().lock();
    writeln!(
        err,
        "nutgraf: {} texts, {n} quotes, {positives} right ({:.1}%)",
        docs.len(),
        100.0 * positives as f64 / n.max(1) as f64
    )?;
    if let Some(path) = &args.cues {
        let cues: Vec<Vec<(usize, usize)>> = docs
            .iter()
            .map(|(_, _, gold, _)| gold.iter().flat_map(|g| g.cue.iter().copied()).collect())
            .collect();
        let table = quotes::learn_cues(
            docs.iter()
                .zip(&cues)
                .map(|((_, doc, _, _), c)| (doc.text.as_str(), c.as_slice())),
        );
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs_err::create_dir_all(parent)?;
        }
        fs_err::write(path, &table)?;
        writeln!(
            err,
            "nutgraf: wrote {} ({} cue words)",
            path.display(),
            quotes::learned_cues(&table).count()
        )?;
    }
    let model = fit(&|_| true);
    if let Some(parent) = args.output.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs_err::create_dir_all(parent)?;
    }
    fs_err::write(&args.output, serde_json::to_string(&model)? + "\n")?;
    writeln!(err, "nutgraf: wrote {}", args.output.display())?;

    // Cross-validated on the training split: each text scored by the model
    // of the folds it is not in.
    let fold_models: Vec<_> = (0..FOLDS).map(|k| fit(&|i| i % FOLDS != k)).collect();
    let cv: Vec<SplitDoc> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut d = d.clone();
            confidence::assign(&d.1.text, &mut d.3, Some(&fold_models[i % FOLDS]));
            d
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    report(&mut out, &format!("{FOLDS}-fold CV"), &cv)?;
    if let Some(dev) = &args.dev {
        let mut split = read_split(dev)?;
        for d in &mut split {
            confidence::assign(&d.1.text, &mut d.3, Some(&model));
        }
        report(&mut out, &dev.display().to_string(), &split)?;
    }
    Ok(ExitStatus::Success)
}

/// The feature rows and labels of one text's quotes: right when its
/// speaker overlaps the gold source, or, with no speaker, when its content
/// pairs with a gold attribution.
fn rows_of(d: &SplitDoc) -> (Vec<[f32; confidence::FEATURES.len()]>, Vec<f32>) {
    let (_, doc, gold, quotes) = d;
    let labels = label_quotes(&doc.text, gold, quotes);
    let counts = confidence::speaker_counts(&doc.text, quotes);
    quotes
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (q, l))| {
            let right = if q.speaker.is_some() {
                l.speaker_right
            } else {
                l.paired
            };
            (
                confidence::features(&doc.text, quotes, i, &counts),
                f32::from(u8::from(right)),
            )
        })
        .unzip()
}

/// Prints the figures of each threshold on a split whose quotes carry
/// their confidence.
fn report(out: &mut impl Write, name: &str, split: &[SplitDoc]) -> anyhow::Result<()> {
    for t in THRESHOLDS {
        let mut scorer = QuoteScorer::default();
        for (_, doc, gold, quotes) in split {
            let kept: Vec<Quote> = quotes
                .iter()
                .filter(|q| q.confidence >= t)
                .cloned()
                .collect();
            scorer.add(&doc.text, gold, Some(&kept));
        }
        let s = scorer.scores();
        writeln!(
            out,
            "{name}, confidence >= {t}: {}",
            serde_json::to_string(&s)?
        )?;
    }
    Ok(())
}
