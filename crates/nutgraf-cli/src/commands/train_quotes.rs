//! `nutgraf train-quotes`: the quote confidence model from a PolNeAR split.

use std::io::Write;

use nutgraf_core::quotes::tagger::{self, CueTagger};
use nutgraf_core::quotes::{self, chooser, confidence, Quote, QuoteModels};
use nutgraf_core::score::gbdt::Gbdt;
use nutgraf_core::segment::{NewsSegmenter, Segmenter};
use nutgraf_train::models;
use nutgraf_train::polnear::{label_quotes, paired_sources, QuoteScorer, QuoteScores};
use nutgraf_train::tagger::TaggerRow;
use rayon::prelude::*;

use super::eval_quotes::{read_split, SplitDoc};
use crate::cli::TrainQuotesArgs;
use crate::ExitStatus;

/// Confidence thresholds reported.
const THRESHOLDS: [f32; 7] = [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

/// Folds of the cross-validation on the training split.
const FOLDS: usize = 5;

/// One speaker-chooser row: quote index, features, label.
type SpeakerRow = (usize, [f32; chooser::FEATURES.len()], f32);

/// The quotes of `doc` found with `models`.
fn extract(doc: &nutgraf_core::Document, models: QuoteModels<'_>) -> Vec<Quote> {
    quotes::extract_with(&NewsSegmenter::default().segment(doc), models)
}

/// The speaker chooser's rows of one text, from the rules' quotes: a word
/// is right when it lies in the gold source its quote pairs with.
fn speaker_rows_of(d: &SplitDoc, tagger: Option<&CueTagger>) -> Vec<SpeakerRow> {
    let (_, doc, gold, _) = d;
    let models = QuoteModels {
        speaker: None,
        confidence: None,
        tagger,
    };
    let rules = extract(doc, models);
    let sources = paired_sources(&doc.text, gold, &rules);
    let seg = NewsSegmenter::default().segment(doc);
    quotes::speaker_rows(&seg, &rules)
        .into_iter()
        .map(|(qi, w, row)| {
            let right = sources[qi]
                .iter()
                .any(|s| s.start < w.end && w.start < s.end);
            (qi, row, f32::from(u8::from(right)))
        })
        .collect()
}

/// Words that end a gold cue without being its head (`pointed to`,
/// `talking about`).
const PARTICLES: [&str; 18] = [
    "to", "about", "of", "for", "on", "in", "at", "with", "up", "out", "over", "into", "off",
    "that", "as", "by", "from", "against",
];

/// The cue tagger's rows of one text: a word is a cue when it is the head
/// of a gold cue, its last word that is no particle (`denied` in `have
/// denied`, `criticism` in `sharp criticism`, `pointed` in `pointed to`).
fn tagger_rows_of(d: &SplitDoc) -> Vec<TaggerRow<'_>> {
    let (_, doc, gold, _) = d;
    let text = doc.text.as_str();
    // Gold spans count characters; rows count bytes.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let byte = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    let mut heads = std::collections::HashSet::new();
    for g in gold {
        let mut head = None;
        for &(a, b) in &g.cue {
            let (a, b) = (byte(a), byte(b));
            let Some(span) = text.get(a..b) else {
                continue;
            };
            let mut at = a;
            for w in span.split(|c: char| !c.is_alphanumeric()) {
                if !w.is_empty() && !PARTICLES.contains(&w.to_lowercase().as_str()) {
                    head = Some(at);
                }
                at += w.len() + 1;
            }
        }
        heads.extend(head);
    }
    quotes::tagger_rows(text)
        .into_iter()
        .map(|(span, w, f)| (w, f, heads.contains(&span.start)))
        .collect()
}

/// Fits the cue tagger on all texts and on each fold's, writes the full one
/// to `path`, and prints the folds' cross-validated precision and recall
/// over candidate words. Returns the full tagger and the folds'.
fn fit_tagger(
    out: &mut impl Write,
    docs: &[SplitDoc],
    threshold: f32,
    path: &std::path::Path,
) -> anyhow::Result<(CueTagger, Vec<CueTagger>)> {
    let rows: Vec<Vec<TaggerRow<'_>>> = docs.par_iter().map(tagger_rows_of).collect();
    let refs = |keep: &dyn Fn(usize) -> bool| -> Vec<&[TaggerRow<'_>]> {
        rows.iter()
            .enumerate()
            .filter(|(i, _)| keep(*i))
            .map(|(_, r)| r.as_slice())
            .collect()
    };
    let full = nutgraf_train::tagger::fit(&refs(&|_| true), threshold);
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs_err::create_dir_all(parent)?;
    }
    fs_err::write(path, serde_json::to_string(&full)? + "\n")?;
    let folds: Vec<CueTagger> = (0..FOLDS)
        .into_par_iter()
        .map(|k| {
            CueTagger::new(&nutgraf_train::tagger::fit(
                &refs(&|i| i % FOLDS != k),
                threshold,
            ))
        })
        .collect();
    // Cross-validated, over each fold's candidates.
    let (mut tp, mut fp, mut missed) = (0usize, 0usize, 0usize);
    for (i, r) in rows.iter().enumerate() {
        let t = &folds[i % FOLDS];
        for (w, f, cue) in r {
            match (t.weigh(w, f).is_some_and(|z| z >= threshold), *cue) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => missed += 1,
                _ => {}
            }
        }
    }
    writeln!(
        out,
        "cue tagger ({} candidates, {} weights): {FOLDS}-fold CV cues found {tp}, wrong {fp}, missed {missed} (of gold cue words the lexicon does not know)",
        full.candidates.len(),
        full.weights.len()
    )?;
    Ok((CueTagger::new(&full), folds))
}

/// Trains the speaker chooser on the texts `keep` admits.
fn fit_speaker(rows: &[Vec<SpeakerRow>], keep: &dyn Fn(usize) -> bool) -> Gbdt {
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for (_, r) in rows.iter().enumerate().filter(|(i, _)| keep(*i)) {
        for (_, row, l) in r {
            x.push(*row);
            y.push(*l);
        }
    }
    models::speaker_model(&x, &y)
}

/// Speaker recall of the chooser's decision at several margins and least
/// scores, cross-validated: per quote, the best word against the rules'.
fn sweep(out: &mut impl Write, rows: &[Vec<SpeakerRow>], models: &[Gbdt]) -> anyhow::Result<()> {
    const MARGINS: [f32; 6] = [0.0, 0.5, 1.0, 1.5, 2.0, 3.0];
    const MINS: [f32; 4] = [-2.0, -1.0, 0.0, 1.0];
    let mut right = vec![[0usize; MINS.len()]; MARGINS.len()];
    let (mut rules_right, mut quotes_with_words, mut oracle) = (0usize, 0usize, 0usize);
    for (i, r) in rows.iter().enumerate() {
        let m = &models[i % models.len()];
        let mut k = 0;
        while k < r.len() {
            let qi = r[k].0;
            let end = k + r[k..].iter().take_while(|x| x.0 == qi).count();
            let (mut best, mut best_right) = (f32::NEG_INFINITY, false);
            let (mut rule_best, mut rule_right) = (f32::NEG_INFINITY, false);
            for (_, row, l) in &r[k..end] {
                let z = m.predict(row);
                if z > best {
                    (best, best_right) = (z, *l > 0.5);
                }
                if row[3] > 0.5 {
                    rule_best = rule_best.max(z);
                    rule_right |= *l > 0.5;
                }
            }
            quotes_with_words += 1;
            oracle += usize::from(r[k..end].iter().any(|x| x.2 > 0.5));
            rules_right += usize::from(rule_right);
            for (a, &margin) in MARGINS.iter().enumerate() {
                for (b, &min) in MINS.iter().enumerate() {
                    let take = best >= min && best >= rule_best + margin;
                    right[a][b] += usize::from(if take { best_right } else { rule_right });
                }
            }
            k = end;
        }
    }
    writeln!(
        out,
        "speaker chooser ({} quotes): rules alone right {rules_right}, some word right {oracle}",
        quotes_with_words
    )?;
    for (a, margin) in MARGINS.iter().enumerate() {
        let cells: Vec<String> = MINS
            .iter()
            .zip(&right[a])
            .map(|(m, r)| format!("min {m}: {r}"))
            .collect();
        writeln!(out, "  margin {margin}: {}", cells.join(", "))?;
    }
    Ok(())
}

/// Runs `train-quotes`.
pub fn run(args: TrainQuotesArgs) -> anyhow::Result<ExitStatus> {
    let mut docs = read_split(&args.dir)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut err = std::io::stderr().lock();
    // The cue tagger first: the rules read its cues. Each text's quotes in
    // the cross-validation are found with the tagger of the folds it is
    // not in.
    let (full_tagger, fold_taggers) = match &args.tagger {
        Some(path) => {
            let (full, folds) = fit_tagger(&mut out, &docs, args.tagger_threshold, path)?;
            writeln!(err, "nutgraf: wrote {}", path.display())?;
            (Some(full), folds.into_iter().map(Some).collect())
        }
        None => {
            let t = tagger::model().cloned();
            (t.clone(), vec![t; FOLDS])
        }
    };
    let full_tagger = full_tagger.as_ref();
    let fold_tagger = |i: usize| fold_taggers[i % FOLDS].as_ref();
    // The speaker chooser first: its choices are what the confidence
    // model then learns to trust. `cv_docs` hold each text's quotes as the
    // chooser of the folds it is not in finds them.
    let mut cv_docs = docs.clone();
    let mut speaker_model = chooser::model().cloned();
    if let Some(path) = &args.speaker {
        let rows: Vec<Vec<SpeakerRow>> = docs
            .par_iter()
            .enumerate()
            .map(|(i, d)| speaker_rows_of(d, fold_tagger(i)))
            .collect();
        let n: usize = rows.iter().map(Vec::len).sum();
        writeln!(err, "nutgraf: speaker chooser: {n} candidate words")?;
        let full = fit_speaker(&rows, &|_| true);
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs_err::create_dir_all(parent)?;
        }
        fs_err::write(path, serde_json::to_string(&full)? + "\n")?;
        writeln!(err, "nutgraf: wrote {}", path.display())?;
        let folds: Vec<Gbdt> = (0..FOLDS)
            .into_par_iter()
            .map(|k| fit_speaker(&rows, &|i| i % FOLDS != k))
            .collect();
        sweep(&mut out, &rows, &folds)?;
        cv_docs.par_iter_mut().enumerate().for_each(|(i, d)| {
            let models = QuoteModels {
                speaker: Some(&folds[i % FOLDS]),
                confidence: None,
                tagger: fold_tagger(i),
            };
            d.3 = extract(&d.1, models);
        });
        speaker_model = Some(full);
    }
    docs.par_iter_mut().for_each(|d| {
        let models = QuoteModels {
            speaker: speaker_model.as_ref(),
            confidence: None,
            tagger: full_tagger,
        };
        d.3 = extract(&d.1, models);
    });
    if args.speaker.is_none() {
        cv_docs = docs.clone();
    }
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
        models::confidence_model(&x, &y)
    };
    let n: usize = rows.iter().map(|r| r.1.len()).sum();
    let positives: usize = rows
        .iter()
        .map(|r| r.1.iter().filter(|&&v| v > 0.5).count())
        .sum();
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

    // Cross-validated on the training split: each text's quotes found by
    // the chooser of the folds it is not in and scored by the confidence
    // model of those folds.
    let cv_rows: Vec<_> = cv_docs.iter().map(rows_of).collect();
    let fold_models: Vec<_> = (0..FOLDS)
        .map(|k| {
            let (mut x, mut y) = (Vec::new(), Vec::new());
            for (_, (rx, ry)) in cv_rows.iter().enumerate().filter(|(i, _)| i % FOLDS != k) {
                x.extend_from_slice(rx);
                y.extend_from_slice(ry);
            }
            models::confidence_model(&x, &y)
        })
        .collect();
    for (i, d) in cv_docs.iter_mut().enumerate() {
        confidence::assign(&d.1.text, &mut d.3, Some(&fold_models[i % FOLDS]));
    }
    report(&mut out, &format!("{FOLDS}-fold CV"), &cv_docs)?;
    if let Some(dev) = &args.dev {
        let mut split = read_split(dev)?;
        split.par_iter_mut().for_each(|d| {
            let models = QuoteModels {
                speaker: speaker_model.as_ref(),
                confidence: Some(&model),
                tagger: full_tagger,
            };
            d.3 = extract(&d.1, models);
        });
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

/// The scorer's figures on a split for the quotes `keep` admits.
fn scores_of(split: &[SplitDoc], keep: impl Fn(&Quote) -> bool) -> QuoteScores {
    let mut scorer = QuoteScorer::default();
    for (_, doc, gold, quotes) in split {
        let kept: Vec<Quote> = quotes.iter().filter(|q| keep(q)).cloned().collect();
        scorer.add(&doc.text, gold, Some(&kept));
    }
    scorer.scores()
}

/// Prints the figures of each threshold on a split whose quotes carry
/// their confidence.
fn report(out: &mut impl Write, name: &str, split: &[SplitDoc]) -> anyhow::Result<()> {
    for t in THRESHOLDS {
        let s = scores_of(split, |q| q.confidence >= t);
        writeln!(
            out,
            "{name}, confidence >= {t}: {}",
            serde_json::to_string(&s)?
        )?;
    }
    // Direct quotes and reported speech held to different thresholds.
    for direct in [0.0, 0.2, 0.3, 0.4] {
        for indirect in [0.4, 0.5, 0.6] {
            let s = scores_of(split, |q| confidence::reaches(q, direct, indirect));
            writeln!(
                out,
                "{name}, direct >= {direct}, reported >= {indirect}: speaker P {:.4} R {:.4} F1 {:.4}, content F1 {:.4}, exact F1 {:.4}, direct speaker R {:.4}",
                s.all.speaker.p, s.all.speaker.r, s.all.speaker.f1, s.all.content.f1, s.all.content_exact.f1, s.direct.speaker_recall
            )?;
        }
    }
    Ok(())
}
