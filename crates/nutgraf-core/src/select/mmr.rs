//! Maximal marginal relevance with near-duplicate blocking.

use serde::{Deserialize, Serialize};

use super::{Budget, Selection, Selector};
use crate::analyze::Analyzed;
use crate::score::Scored;

/// Parameters of [`MmrSelector`]. Every field has a tuned default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MmrParams {
    /// Penalty per unit of overlap with sentences already chosen (the share
    /// of a candidate's content stems that they already contain).
    pub redundancy: f32,
    /// Candidates whose overlap exceeds this share are never chosen.
    pub max_overlap: f32,
    /// Beyond `Budget::min`, a further point is taken only if its adjusted
    /// score is at least this.
    pub extra_threshold: f32,
    /// The threshold for a further point drops by this much per body
    /// sentence: longer articles earn more points.
    pub extra_per_sentence: f32,
    /// Beyond `Budget::min`, a further point is also taken while the points
    /// chosen so far hold fewer words than this (0 turns the rule off).
    pub target_words: f32,
    /// Refuse a candidate sharing any three-word sequence (by stems) with a
    /// point already chosen (trigram blocking).
    pub trigram_blocking: bool,
    /// Sentences with fewer content words than this are not candidates
    /// (unless nothing else is left).
    pub min_content_tokens: usize,
}

impl Default for MmrParams {
    /// Tuned with the built-in learned scorer by 5-fold cross-validation on
    /// the CNN/DailyMail development set (scores are log-odds).
    fn default() -> Self {
        MmrParams {
            redundancy: 0.5,
            max_overlap: 1.0,
            extra_threshold: 0.0,
            extra_per_sentence: 0.03,
            target_words: 0.0,
            trigram_blocking: true,
            min_content_tokens: 3,
        }
    }
}

impl MmrParams {
    /// The parameters tuned for the [`HeuristicScorer`](crate::score::HeuristicScorer)'s
    /// scale of scores.
    pub fn for_heuristic() -> MmrParams {
        MmrParams {
            redundancy: 0.1,
            max_overlap: 0.63,
            extra_threshold: 0.67,
            extra_per_sentence: 0.0,
            trigram_blocking: false,
            ..MmrParams::default()
        }
    }

    /// No redundancy control: the top-scoring sentences.
    pub fn plain_top() -> MmrParams {
        MmrParams {
            redundancy: 0.0,
            max_overlap: f32::INFINITY,
            extra_threshold: f32::NEG_INFINITY,
            extra_per_sentence: 0.0,
            target_words: 0.0,
            trigram_blocking: false,
            min_content_tokens: 0,
        }
    }
}

/// Greedy MMR selection.
#[derive(Clone, Debug, Default)]
pub struct MmrSelector {
    params: MmrParams,
}

impl MmrSelector {
    /// A selector with the given parameters.
    pub fn new(params: MmrParams) -> MmrSelector {
        MmrSelector { params }
    }
}

/// How many top-scoring candidates MMR considers; the rest never win.
const CANDIDATES: usize = 12;

impl Selector for MmrSelector {
    fn select(&self, doc: &Analyzed<'_>, scored: &Scored, budget: Budget) -> Selection {
        let p = &self.params;
        let mut cands: Vec<usize> = (0..doc.len())
            .filter(|&i| scored.scores.get(i).is_some_and(|s| s.is_finite()))
            .collect();
        let content = |i: usize| doc.sentence(i).iter().filter(|t| t.is_content()).count();
        let enough = cands
            .iter()
            .filter(|&&i| content(i) >= p.min_content_tokens)
            .count();
        if enough >= budget.min.max(1) {
            cands.retain(|&i| content(i) >= p.min_content_tokens);
        }
        let threshold = p.extra_threshold - p.extra_per_sentence * cands.len() as f32;
        cands.sort_by(|&a, &b| {
            scored.scores[b]
                .total_cmp(&scored.scores[a])
                .then(a.cmp(&b))
        });
        cands.truncate(CANDIDATES.max(budget.max));

        let mut covered = vec![false; doc.vocabulary_size as usize];
        let mut chosen: Vec<usize> = Vec::with_capacity(budget.max);
        let mut used = vec![false; cands.len()];
        let mut words = 0usize;
        let mut trigrams: rustc_hash::FxHashSet<u64> = Default::default();
        while chosen.len() < budget.max {
            let mut best: Option<(usize, f32)> = None;
            for (k, &i) in cands.iter().enumerate() {
                if used[k] {
                    continue;
                }
                let overlap = overlap_share(doc, i, &covered);
                if overlap > p.max_overlap {
                    continue;
                }
                if p.trigram_blocking && sentence_trigrams(doc, i).any(|t| trigrams.contains(&t)) {
                    continue;
                }
                let adjusted = scored.scores[i] - p.redundancy * overlap;
                if best.is_none_or(|(_, b)| adjusted > b) {
                    best = Some((k, adjusted));
                }
            }
            let Some((k, adjusted)) = best else { break };
            if chosen.len() >= budget.min && adjusted < threshold && words as f32 >= p.target_words
            {
                break;
            }
            used[k] = true;
            chosen.push(cands[k]);
            words += doc.sentence(cands[k]).len();
            if p.trigram_blocking {
                trigrams.extend(sentence_trigrams(doc, cands[k]));
            }
            for t in doc.sentence(cands[k]).iter().filter(|t| t.is_content()) {
                covered[t.stem as usize] = true;
            }
        }
        if chosen.len() < budget.min {
            // Redundancy rules left too few points (an article of near-
            // identical sentences): fill up with the best of the rest, in
            // any order of score, skipping only exact repeats.
            let text = &doc.segmented.doc.text;
            let mut rest: Vec<usize> = (0..doc.len())
                .filter(|&i| scored.scores.get(i).is_some_and(|s| s.is_finite()))
                .filter(|i| !chosen.contains(i))
                .collect();
            rest.sort_by(|&a, &b| {
                scored.scores[b]
                    .total_cmp(&scored.scores[a])
                    .then(a.cmp(&b))
            });
            for i in rest {
                if chosen.len() >= budget.min {
                    break;
                }
                let t = doc.segmented.sentences[i].span.slice(text);
                if !chosen
                    .iter()
                    .any(|&c| doc.segmented.sentences[c].span.slice(text) == t)
                {
                    chosen.push(i);
                }
            }
        }
        chosen.sort_unstable();
        Selection { sentences: chosen }
    }
}

/// Share of sentence `i`'s content tokens whose stems are already `covered`.
fn overlap_share(doc: &Analyzed<'_>, i: usize, covered: &[bool]) -> f32 {
    let (mut hit, mut all) = (0usize, 0usize);
    for t in doc.sentence(i).iter().filter(|t| t.is_content()) {
        all += 1;
        if covered[t.stem as usize] {
            hit += 1;
        }
    }
    if all == 0 {
        0.0
    } else {
        hit as f32 / all as f32
    }
}

/// The stem trigrams of sentence `i`, packed into `u64`s (21 bits a stem;
/// documents never reach two million distinct stems, and a collision would
/// only block one candidate).
fn sentence_trigrams<'a>(doc: &'a Analyzed<'_>, i: usize) -> impl Iterator<Item = u64> + 'a {
    doc.sentence(i).windows(3).map(|w| {
        let m = (1u64 << 21) - 1;
        (u64::from(w[0].stem) & m) << 42
            | (u64::from(w[1].stem) & m) << 21
            | (u64::from(w[2].stem) & m)
    })
}
