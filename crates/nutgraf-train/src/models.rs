//! Fitting the built-in models other than the sentence scorer and the
//! compressor ([`crate::summaries`]): the quote confidence and speaker
//! models, and the two headline models. Each takes the rows the core's
//! feature functions make, with labels, and fixes its own settings, so that
//! `nutgraf train-quotes` and `nutgraf train-headlines` write the built-in
//! models byte for byte.

use nutgraf_core::headline::{self, KEEP_FEATURES, LINE_FEATURES};
use nutgraf_core::quotes::{chooser, confidence};
use nutgraf_core::score::gbdt::Gbdt;

use crate::gbdt::{train, TrainParams};
use crate::rouge::tokenize;

fn names(features: &[&str]) -> Vec<String> {
    features.iter().map(|s| s.to_string()).collect()
}

/// Fits the speaker model on feature rows and their labels (1: the word is
/// in the gold source). Deterministic.
pub fn speaker_model(x: &[[f32; chooser::FEATURES.len()]], y: &[f32]) -> Gbdt {
    let rows: Vec<Vec<f32>> = x.iter().map(|r| r.to_vec()).collect();
    let params = TrainParams {
        trees: 120,
        depth: 5,
        learning_rate: 0.1,
        lambda: 1.0,
        min_leaf: 20,
        bins: 64,
    };
    train(&names(&chooser::FEATURES), &rows, y, &params)
}

/// Fits the confidence model on feature rows and their labels (1: the
/// quote is right). Deterministic.
pub fn confidence_model(x: &[[f32; confidence::FEATURES.len()]], y: &[f32]) -> Gbdt {
    let rows: Vec<Vec<f32>> = x.iter().map(|r| r.to_vec()).collect();
    let params = TrainParams {
        trees: 60,
        depth: 4,
        learning_rate: 0.1,
        lambda: 1.0,
        min_leaf: 20,
        bins: 64,
    };
    train(&names(&confidence::FEATURES), &rows, y, &params)
}

/// Fits the first-line model ([`headline::LINE_MODEL`]) on the rows of
/// [`headline::line_examples`]: `headlined` are texts whose first line is
/// their headline, `plain` texts that open with body text. Deterministic.
pub fn line_model(headlined: &[&str], plain: &[&str]) -> Gbdt {
    let (x, y) = headline::line_examples(headlined, plain);
    let params = TrainParams {
        trees: 60,
        depth: 3,
        learning_rate: 0.2,
        lambda: 1.0,
        min_leaf: 8,
        bins: 64,
    };
    train(&names(&LINE_FEATURES), &x, &y, &params)
}

/// Fits the keep model ([`headline::KEEP_MODEL`]) from `(article,
/// headline)` pairs: each row of [`headline::keep_rows`] is labelled 1 when
/// its token's ROUGE token is one of the headline's. Deterministic.
pub fn keep_model(pairs: &[(&str, &str)]) -> Gbdt {
    let mut x: Vec<Vec<f32>> = Vec::new();
    let mut y: Vec<f32> = Vec::new();
    for (article, title) in pairs {
        let reference: Vec<String> = tokenize(title);
        for (row, span) in headline::keep_rows(article) {
            let hit = tokenize(span.slice(article))
                .iter()
                .any(|w| reference.contains(w));
            x.push(row);
            y.push(f32::from(u8::from(hit)));
        }
    }
    let params = TrainParams {
        trees: 20,
        depth: 2,
        learning_rate: 0.4,
        lambda: 1.0,
        min_leaf: 20,
        bins: 32,
    };
    train(&names(&KEEP_FEATURES), &x, &y, &params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_model_training_is_deterministic_and_valid() {
        let headlined = [
            "Council Votes to Close Pool\n\nThe city council voted on Tuesday to close the old \
             public pool after a long debate about its costs and its future.",
            "Storm shuts island ferry for a week.\n\nHigh winds forced the harbour to close, and \
             the ferry company said service would only resume once the storm had passed.",
        ];
        let plain = [
            "The council has voted to close the pool, officials said.\n\nThe vote came after \
             a long debate about the pool's costs.",
            "Rain fell on Monday. The harbour was closed and the ferry did not sail.",
        ];
        let a = line_model(&headlined, &plain);
        assert_eq!(a, line_model(&headlined, &plain));
        assert!(a.validate().is_ok());
        assert_eq!(a.features, LINE_FEATURES);
        let (x, y) = headline::line_examples(&headlined, &plain);
        assert_eq!(x.len(), y.len());
        assert!(y.contains(&1.0) && y.contains(&0.0), "{y:?}");
    }

    #[test]
    fn keep_model_training_is_deterministic() {
        let pairs = [
            (
                "The city council has voted to close the harbour pool. The pool opened in \
                 1931. The council said the pool would close in May.",
                "Council to close harbour pool",
            ),
            (
                "Storms have forced the island ferry to stop sailing for a week. The ferry \
                 firm said storms made crossings unsafe.",
                "Storms halt island ferry",
            ),
        ];
        let a = keep_model(&pairs);
        assert_eq!(a, keep_model(&pairs));
        assert!(a.validate().is_ok());
        assert_eq!(a.features, KEEP_FEATURES);
        // Rows point at words of their article's lead sentence.
        let rows = headline::keep_rows(pairs[0].0);
        assert!(!rows.is_empty());
        assert!(rows
            .iter()
            .all(|(r, s)| r.len() == KEEP_FEATURES.len() && s.end <= 55));
    }
}
