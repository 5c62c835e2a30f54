//! The unsupervised scorer: a weighted mix of interpretable features.
//!
//! News puts what matters first (the inverted pyramid), so position carries
//! most of the weight; centrality, title overlap and length move sentences up
//! or down from there. The weights are the defaults of [`HeuristicWeights`],
//! chosen by a grid search on the CNN/DailyMail development set (see the
//! README's design notes for the figures).

use serde::{Deserialize, Serialize};

use super::features::{sentence_features, SentenceFeatures};
use super::{Scored, Scorer};
use crate::analyze::Analyzed;

/// Weights of [`HeuristicScorer`]. Every field has a tuned default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HeuristicWeights {
    /// Weight of the position prior `1 / (1 + body_index)^position_decay`.
    pub position: f32,
    /// Exponent of the position prior.
    pub position_decay: f32,
    /// Bonus for the first sentence of a paragraph.
    pub paragraph_start: f32,
    /// Weight of [`SentenceFeatures::centrality`].
    pub centrality: f32,
    /// Weight of [`SentenceFeatures::title_overlap`].
    pub title: f32,
    /// Weight of [`SentenceFeatures::lead_overlap`].
    pub lead: f32,
    /// Sentences shorter than this many tokens are penalized.
    pub min_tokens: f32,
    /// Sentences longer than this many tokens are penalized.
    pub max_tokens: f32,
    /// Penalty per token outside `min_tokens..=max_tokens`.
    pub length_penalty: f32,
    /// Penalty for a sentence opening with a quotation mark.
    pub quote_penalty: f32,
    /// Penalty for a question.
    pub question_penalty: f32,
    /// Penalty for a sentence holding a quotation mark anywhere.
    pub has_quote_penalty: f32,
    /// Penalty for a sentence with an attribution cue (said, told...).
    pub attribution_penalty: f32,
    /// Weight of [`SentenceFeatures::proper_share`].
    pub proper: f32,
    /// Weight of [`SentenceFeatures::number_share`].
    pub number: f32,
    /// Extra weight for each of the first body positions (index 0 is the
    /// first body sentence), added to the power-law prior.
    pub position_bonus: [f32; 6],
    /// Penalty for a sentence opening with a pronoun or connective.
    pub dependent_penalty: f32,
    /// Weight for a sentence naming a day or relative time.
    pub time_word: f32,
    /// Penalty per unit of relative length above 1 (longer than average).
    pub relative_length_penalty: f32,
    /// Weight of [`SentenceFeatures::coverage`].
    pub coverage: f32,
    /// Weight of [`SentenceFeatures::entity_centrality`].
    pub entity: f32,
    /// Weight of [`SentenceFeatures::mean_word_length`] above 5 bytes.
    pub word_length: f32,
    /// Weight for a sentence giving someone's age in apposition.
    pub age: f32,
    /// Penalty for a sentence that reads like a photo caption.
    pub caption_penalty: f32,
}

impl Default for HeuristicWeights {
    fn default() -> Self {
        HeuristicWeights {
            position: 1.0,
            position_decay: 1.85,
            paragraph_start: 0.0875,
            centrality: 1.3125,
            title: 0.3,
            lead: -0.0469,
            min_tokens: 15.075,
            max_tokens: 84.375,
            length_penalty: 0.245,
            quote_penalty: 0.0887,
            question_penalty: 0.1887,
            has_quote_penalty: 0.0231,
            attribution_penalty: 0.0,
            proper: 0.075,
            number: 0.0797,
            position_bonus: [-0.25, -0.1037, 0.0, 0.0, 0.025, 0.0],
            dependent_penalty: 0.0,
            time_word: 0.0281,
            relative_length_penalty: 0.05,
            coverage: 0.0,
            entity: 0.0,
            word_length: 0.0,
            age: 0.0125,
            caption_penalty: 0.0,
        }
    }
}

/// Scores sentences with [`HeuristicWeights`].
#[derive(Clone, Debug, Default)]
pub struct HeuristicScorer {
    weights: HeuristicWeights,
}

impl HeuristicScorer {
    /// A scorer with the given weights.
    pub fn new(weights: HeuristicWeights) -> HeuristicScorer {
        HeuristicScorer { weights }
    }

    /// The score of one sentence with features `f`.
    pub fn score_features(&self, f: &SentenceFeatures) -> f32 {
        let w = &self.weights;
        let mut s = w.position / (1.0 + f.body_index as f32).powf(w.position_decay);
        if f.index_in_paragraph == 0 {
            s += w.paragraph_start;
        }
        s += w.centrality * f.centrality + w.title * f.title_overlap + w.lead * f.lead_overlap;
        let n = f.tokens as f32;
        if n < w.min_tokens {
            s -= w.length_penalty * (w.min_tokens - n);
        } else if n > w.max_tokens {
            s -= w.length_penalty * (n - w.max_tokens);
        }
        if f.starts_with_quote {
            s -= w.quote_penalty;
        }
        if f.is_question {
            s -= w.question_penalty;
        }
        if f.has_quote {
            s -= w.has_quote_penalty;
        }
        if f.has_attribution {
            s -= w.attribution_penalty;
        }
        s += w.proper * f.proper_share + w.number * f.number_share;
        if let Some(b) = w.position_bonus.get(f.body_index) {
            s += b;
        }
        if f.starts_dependent {
            s -= w.dependent_penalty;
        }
        if f.has_time_word {
            s += w.time_word;
        }
        s -= w.relative_length_penalty * (f.relative_length - 1.0).max(0.0);
        s += w.coverage * f.coverage + w.entity * f.entity_centrality;
        s += w.word_length * (f.mean_word_length - 5.0);
        if f.has_age {
            s += w.age;
        }
        if f.is_caption {
            s -= w.caption_penalty;
        }
        s
    }
}

impl Scorer for HeuristicScorer {
    fn score(&self, doc: &Analyzed<'_>) -> Scored {
        let scores = sentence_features(doc)
            .iter()
            .map(|f| {
                f.as_ref()
                    .map_or(f32::NEG_INFINITY, |f| self.score_features(f))
            })
            .collect();
        Scored { scores }
    }
}
