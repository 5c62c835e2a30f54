//! nutgraf-train: what trains and measures nutgraf's models, kept out of the
//! core, which holds only what serving needs.
//!
//! - [`gbdt`]: fitting the boosted trees the core predicts with.
//! - [`summaries`]: the sentence scorer's and compressor's training rows,
//!   labelled by the greedy ROUGE oracle, and their fitting.
//! - [`models`]: fitting the quote and headline models.
//! - [`tagger`]: fitting the quote stage's cue tagger.
//! - [`rouge`]: ROUGE exactly as Google's `rouge-score` computes it.
//! - [`polnear`]: PolNeAR's gold attributions and quote scoring exactly as
//!   `score_quotes.py` computes it, with the labels the quote models learn.
//! - [`datasets`]: JSONL datasets with highlights or titles, and PolNeAR
//!   split folders.
//!
//! The `nutgraf` CLI's `train`, `train-quotes`, `train-headlines`, `eval`
//! and `eval-quotes` commands are built on it.

pub mod datasets;
pub mod gbdt;
pub mod models;
pub mod polnear;
pub mod rouge;
pub mod summaries;
pub mod tagger;
