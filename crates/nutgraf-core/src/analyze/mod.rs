//! Stage 2: tokens, lowercasing, stop words and stems.

pub mod stem;
