//! The Lead baseline: body sentences in article order.

use super::{Scored, Scorer};
use crate::analyze::Analyzed;

/// Scores body sentences by position alone: the first scores highest.
#[derive(Clone, Copy, Debug, Default)]
pub struct LeadScorer;

impl Scorer for LeadScorer {
    fn score(&self, doc: &Analyzed<'_>) -> Scored {
        let mut rank = 0.0f32;
        let scores = (0..doc.len())
            .map(|i| {
                if doc.is_body(i) && !doc.sentence(i).is_empty() {
                    rank += 1.0;
                    1.0 / rank
                } else {
                    f32::NEG_INFINITY
                }
            })
            .collect();
        Scored { scores }
    }
}
