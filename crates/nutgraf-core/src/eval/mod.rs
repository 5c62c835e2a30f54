//! Evaluation: ROUGE as Google's `rouge-score` computes it, and quote
//! attribution figures as `score_quotes.py` computes them on PolNeAR.
//!
//! Scores are checked for parity with the Python scorers (see [`rouge`] and
//! [`quotes`]), so numbers from `nutgraf eval` and `nutgraf eval-quotes` can
//! be compared with the shared tools' directly.

pub mod quotes;
pub mod rouge;
