//! The learned scorer: gradient-boosted trees over [`SentenceFeatures`].
//!
//! The model predicts the log-odds that a sentence belongs to the greedy
//! ROUGE oracle of its article (see the `nutgraf-train` crate's
//! `summaries`). The default model, trained on the CNN/DailyMail
//! development set with `nutgraf train`, is
//! built into the library from `models/default.json`; another can be loaded
//! from a file.
//!
//! [`SentenceFeatures`]: super::features::SentenceFeatures

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::features::{feature_rows, sentence_features, FEATURE_NAMES};
use super::gbdt::{CompiledGbdt, Gbdt};
use super::{Scored, Scorer};
use crate::analyze::Analyzed;
use crate::Error;

/// The built-in model's JSON.
pub const DEFAULT_MODEL: &str = include_str!("../../models/default.json");

/// Which model a [`LearnedScorer`] uses.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LearnedConfig {
    /// A model file written by `nutgraf train`; `None` for the built-in one.
    pub model: Option<PathBuf>,
}

/// Scores sentences with a boosted-tree model.
#[derive(Clone, Debug)]
pub struct LearnedScorer {
    model: Arc<Gbdt>,
    compiled: Arc<CompiledGbdt>,
}

impl LearnedScorer {
    /// The scorer with the built-in model.
    pub fn builtin() -> LearnedScorer {
        LearnedScorer::from_json(DEFAULT_MODEL, "the built-in model")
            .expect("the built-in model is valid (checked by a test)")
    }

    /// A scorer from a model's JSON; `name` says where it came from, for errors.
    pub fn from_json(json: &str, name: &str) -> Result<LearnedScorer, Error> {
        let model: Gbdt = serde_json::from_str(json)
            .map_err(|e| Error::Model(format!("{name}: not a nutgraf model: {e}")))?;
        LearnedScorer::new(model).map_err(|e| Error::Model(format!("{name}: {e}")))
    }

    /// A scorer from a model file.
    pub fn from_file(path: &Path) -> Result<LearnedScorer, Error> {
        let name = path.display().to_string();
        let json = std::fs::read_to_string(path)
            .map_err(|e| Error::Model(format!("{name}: cannot read: {e}")))?;
        LearnedScorer::from_json(&json, &name)
    }

    /// A scorer from a trained model; the model must use our feature names.
    pub fn new(model: Gbdt) -> Result<LearnedScorer, String> {
        if model.features != FEATURE_NAMES {
            return Err(format!(
                "the model's features ({}) are not this version's ({})",
                model.features.join(", "),
                FEATURE_NAMES.join(", ")
            ));
        }
        let compiled = CompiledGbdt::new(&model)?;
        Ok(LearnedScorer {
            model: Arc::new(model),
            compiled: Arc::new(compiled),
        })
    }

    /// The model.
    pub fn model(&self) -> &Gbdt {
        &self.model
    }
}

impl Scorer for LearnedScorer {
    fn score(&self, doc: &Analyzed<'_>) -> Scored {
        let has_title = !doc.title_stems.is_empty();
        let feats = sentence_features(doc);
        let rows = feature_rows(&feats, has_title);
        let mut predicted = self.compiled.predict_rows(&rows).into_iter();
        let scores = feats
            .iter()
            .map(|f| match f {
                Some(_) => predicted.next().unwrap_or(f32::NEG_INFINITY),
                None => f32::NEG_INFINITY,
            })
            .collect();
        Scored { scores }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{Analyzer, WordAnalyzer};
    use crate::segment::{NewsSegmenter, Segmenter};
    use crate::Document;

    #[test]
    fn builtin_model_loads_and_scores_body_sentences_only() {
        let s = LearnedScorer::builtin();
        assert_eq!(s.model().features, FEATURE_NAMES);
        assert!(!s.model().trees.is_empty());
        let doc = Document::new(
            "BOSTON (Wire) -- The harbor tunnel reopened on Sunday after a month of repairs. \
             Commuters cheered as the first buses passed through. Officials said the work \
             cost $40 million. Scroll down for video",
        );
        let a = WordAnalyzer.analyze(NewsSegmenter::default().segment(&doc));
        let scored = s.score(&a);
        assert_eq!(scored.scores.len(), a.len());
        for i in 0..a.len() {
            assert_eq!(scored.scores[i].is_finite(), a.is_body(i), "sentence {i}");
        }
    }

    #[test]
    fn bad_models_are_errors_not_panics() {
        assert!(matches!(
            LearnedScorer::from_json("{", "m.json"),
            Err(Error::Model(_))
        ));
        let e =
            LearnedScorer::from_json(r#"{"features": ["x"], "base": 0.0, "trees": []}"#, "m.json")
                .unwrap_err();
        assert!(e.to_string().contains("not this version's"), "{e}");
        let e = LearnedScorer::from_file(Path::new("no/such/model.json")).unwrap_err();
        assert!(e.to_string().contains("no/such/model.json"), "{e}");
    }
}
