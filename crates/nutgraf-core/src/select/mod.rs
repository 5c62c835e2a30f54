//! Stage 4: choose the key points.
//!
//! A [`Selector`] picks sentences from a scored document within a [`Budget`]
//! and returns them in article order ([`Selection`]). The default,
//! [`mmr::MmrSelector`], takes the best-scoring sentence, then repeatedly the
//! best of the rest after a penalty for words already covered (maximal
//! marginal relevance), refuses near-duplicates outright, and decides between
//! the budget's minimum and maximum by how strong the next candidate is.

pub mod mmr;

use serde::{Deserialize, Serialize};

use crate::analyze::Analyzed;
use crate::score::Scored;

pub use mmr::{MmrParams, MmrSelector};

/// How many key points to choose: at least `min`, at most `max`, fewer only
/// when the article has fewer usable sentences.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Fewest points wanted.
    pub min: usize,
    /// Most points allowed.
    pub max: usize,
}

impl Default for Budget {
    /// Three or four points, as the nut graf layout asks.
    fn default() -> Self {
        Budget { min: 3, max: 4 }
    }
}

impl Budget {
    /// Exactly `n` points.
    pub fn exactly(n: usize) -> Budget {
        Budget { min: n, max: n }
    }
}

/// The chosen sentences, as indices into the document's sentences, in
/// article order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Sentence indices, ascending.
    pub sentences: Vec<usize>,
}

/// Picks key-point sentences.
pub trait Selector: Send + Sync {
    /// Chooses sentences of `doc` by `scored` within `budget`.
    fn select(&self, doc: &Analyzed<'_>, scored: &Scored, budget: Budget) -> Selection;
}

/// Serializable choice of selector.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum SelectorConfig {
    /// Take the top-scoring sentences with no redundancy control.
    Top,
    /// Maximal marginal relevance with near-duplicate blocking.
    Mmr(MmrParams),
}

impl Default for SelectorConfig {
    fn default() -> Self {
        SelectorConfig::Mmr(MmrParams::default())
    }
}

impl SelectorConfig {
    /// Builds the configured selector.
    pub fn build(&self) -> Box<dyn Selector> {
        match self {
            SelectorConfig::Top => Box::new(MmrSelector::new(MmrParams::plain_top())),
            SelectorConfig::Mmr(p) => Box::new(MmrSelector::new(p.clone())),
        }
    }
}
