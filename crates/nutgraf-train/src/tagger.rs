//! Fitting the quote stage's cue tagger
//! ([`nutgraf_core::quotes::tagger`]): logistic regression over hashed
//! features, by AdaGrad in a fixed order, so that the same rows give the
//! same model.

use std::collections::BTreeMap;

use nutgraf_core::quotes::tagger::{TaggerModel, MIN_CANDIDATE_CUES};
use rustc_hash::FxHashMap;

/// One training row: the lowercase word, its feature hashes, and whether
/// it lies in a gold cue.
pub type TaggerRow<'a> = (&'a str, Vec<u32>, bool);

/// Passes over the rows.
const EPOCHS: usize = 6;
/// AdaGrad's step.
const RATE: f32 = 0.2;
/// Weights smaller than this are dropped from the stored model.
const MIN_WEIGHT: f32 = 0.05;
/// Fewest candidate rows a feature must occur in to be learned.
const MIN_FEATURE_ROWS: u32 = 3;
/// Least share of a candidate's occurrences that are in a gold cue.
const MIN_CANDIDATE_RATE: f64 = 0.1;

/// The candidate words of the rows: in a gold cue at least
/// [`MIN_CANDIDATE_CUES`] times and in at least [`MIN_CANDIDATE_RATE`] of
/// their occurrences, sorted.
pub fn candidates(rows: &[&[TaggerRow<'_>]]) -> Vec<String> {
    let mut counts: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for r in rows.iter().flat_map(|r| r.iter()) {
        let e = counts.entry(r.0).or_default();
        e.0 += u32::from(r.2);
        e.1 += 1;
    }
    counts
        .into_iter()
        .filter(|(_, (cue, occ))| {
            *cue >= MIN_CANDIDATE_CUES && f64::from(*cue) >= MIN_CANDIDATE_RATE * f64::from(*occ)
        })
        .map(|(w, _)| w.to_string())
        .collect()
}

/// Fits a tagger on the rows of the candidate words, with `threshold` (in
/// log-odds) as its cue threshold.
pub fn fit(rows: &[&[TaggerRow<'_>]], threshold: f32) -> TaggerModel {
    let candidates = candidates(rows);
    let keep: std::collections::HashSet<&str> = candidates.iter().map(String::as_str).collect();
    let train: Vec<&TaggerRow<'_>> = rows
        .iter()
        .flat_map(|r| r.iter())
        .filter(|r| keep.contains(r.0))
        .collect();
    let mut seen: FxHashMap<u32, u32> = FxHashMap::default();
    for (_, f, _) in &train {
        for h in f {
            *seen.entry(*h).or_default() += 1;
        }
    }
    let mut w: FxHashMap<u32, (f32, f32)> = seen
        .into_iter()
        .filter(|&(_, n)| n >= MIN_FEATURE_ROWS)
        .map(|(h, _)| (h, (0.0, 0.0)))
        .collect();
    for _ in 0..EPOCHS {
        for (_, f, y) in &train {
            let z: f32 = f.iter().map(|h| w.get(h).map_or(0.0, |x| x.0)).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let g = p - f32::from(u8::from(*y));
            for h in f {
                let Some(e) = w.get_mut(h) else {
                    continue;
                };
                e.1 += g * g;
                e.0 -= RATE * g / (e.1 + 1e-6).sqrt();
            }
        }
    }
    let mut weights: Vec<(u32, f32)> = w
        .into_iter()
        .filter(|(_, (x, _))| x.abs() >= MIN_WEIGHT)
        .map(|(h, (x, _))| (h, (x * 1e4).round() / 1e4))
        .collect();
    weights.sort_by_key(|x| x.0);
    TaggerModel {
        threshold,
        candidates,
        weights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_is_deterministic_and_learns_the_context() {
        // `shows` is a cue before `that` (feature 1), not before `were` (2).
        let mut rows = Vec::new();
        for i in 0..40 {
            let cue = i % 2 == 0;
            rows.push(("shows", vec![0, if cue { 1 } else { 2 }], cue));
        }
        let a = fit(&[&rows], 0.0);
        let b = fit(&[&rows], 0.0);
        assert_eq!(a, b);
        assert_eq!(a.candidates, vec!["shows".to_string()]);
        let weight = |h: u32| a.weights.iter().find(|x| x.0 == h).map_or(0.0, |x| x.1);
        assert!(weight(1) > 0.5 && weight(2) < -0.5, "{:?}", a.weights);
    }

    #[test]
    fn rare_cue_words_are_no_candidates() {
        let rows = vec![
            ("claims", vec![0], true),
            ("claims", vec![0], true),
            ("the", vec![0], true),
        ];
        assert!(candidates(&[&rows]).is_empty());
    }
}
