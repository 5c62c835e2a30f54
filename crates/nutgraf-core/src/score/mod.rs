//! Stage 3: give every sentence a score for how much it belongs in the nut graf.
//!
//! A [`Scorer`] reads an [`Analyzed`] document and returns one score per
//! sentence ([`Scored`]); sentences that are not body text (datelines,
//! bylines, furniture) always get `f32::NEG_INFINITY` so no selector can pick
//! them. Strategies:
//!
//! - [`lead::LeadScorer`]: the first sentences first (the Lead-3 baseline).
//! - [`heuristic::HeuristicScorer`]: position and paragraph structure,
//!   centrality, overlap with the title and the lead, and length, mixed with
//!   weights tuned on the CNN/DailyMail development set.

pub mod features;
pub mod heuristic;
pub mod lead;

use serde::{Deserialize, Serialize};

use crate::analyze::Analyzed;

pub use heuristic::{HeuristicScorer, HeuristicWeights};
pub use lead::LeadScorer;

/// One score per sentence, higher is better.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scored {
    /// Same length and order as the document's sentences.
    pub scores: Vec<f32>,
}

/// Scores sentences.
pub trait Scorer: Send + Sync {
    /// Scores every sentence of `doc`.
    fn score(&self, doc: &Analyzed<'_>) -> Scored;
}

/// Serializable choice of scorer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum ScorerConfig {
    /// Earlier sentences score higher.
    Lead,
    /// Hand-tuned mix of position, centrality, title overlap and length.
    Heuristic(HeuristicWeights),
}

impl Default for ScorerConfig {
    fn default() -> Self {
        ScorerConfig::Heuristic(HeuristicWeights::default())
    }
}

impl ScorerConfig {
    /// Builds the configured scorer.
    pub fn build(&self) -> Box<dyn Scorer> {
        match self {
            ScorerConfig::Lead => Box::new(LeadScorer),
            ScorerConfig::Heuristic(w) => Box::new(HeuristicScorer::new(w.clone())),
        }
    }
}
