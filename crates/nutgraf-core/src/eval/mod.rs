//! Evaluation: ROUGE as Google's `rouge-score` computes it.
