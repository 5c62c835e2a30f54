//! Evaluation: ROUGE as Google's `rouge-score` computes it.
//!
//! Scores are checked for parity with the Python package (see [`rouge`]), so
//! numbers from `nutgraf eval` can be compared with published results and with
//! `tools/score_rouge.py` directly.

pub mod rouge;
