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
pub mod gbdt;
pub mod heuristic;
pub mod lead;
pub mod learned;

use serde::{Deserialize, Serialize};

use crate::analyze::Analyzed;
use crate::Error;

pub use heuristic::{HeuristicScorer, HeuristicWeights};
pub use lead::LeadScorer;
pub use learned::{LearnedConfig, LearnedScorer};

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
    /// Boosted trees trained on ROUGE oracle labels.
    Learned(LearnedConfig),
}

impl Default for ScorerConfig {
    /// The learned scorer with the built-in model.
    fn default() -> Self {
        ScorerConfig::Learned(LearnedConfig::default())
    }
}

impl ScorerConfig {
    /// Builds the configured scorer; fails only when a model file cannot be
    /// loaded.
    pub fn build(&self) -> Result<Box<dyn Scorer>, Error> {
        Ok(match self {
            ScorerConfig::Lead => Box::new(LeadScorer),
            ScorerConfig::Heuristic(w) => Box::new(HeuristicScorer::new(w.clone())),
            ScorerConfig::Learned(LearnedConfig { model: None }) => {
                Box::new(LearnedScorer::builtin())
            }
            ScorerConfig::Learned(LearnedConfig { model: Some(path) }) => {
                Box::new(LearnedScorer::from_file(path)?)
            }
        })
    }
}
