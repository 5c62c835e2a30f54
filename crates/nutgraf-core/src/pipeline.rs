//! The pipeline: segment → analyze → score → select → summary.
//!
//! Built once with [`PipelineBuilder`], then immutable and `Send + Sync`, so
//! one pipeline serves every batch thread. Each stage is a trait object made
//! from its serializable config, so a later stage (a learned scorer, an HTML
//! ingest) is a new config variant, not a change here.

use serde::{Deserialize, Serialize};

use crate::analyze::{Analyzer, AnalyzerConfig};
use crate::score::{Scorer, ScorerConfig};
use crate::segment::{Segmenter, SegmenterConfig, SentenceKind};
use crate::select::{Budget, Selector, SelectorConfig};
use crate::summary::{DocStats, KeyPoint, Summary};
use crate::{Document, Error};

/// Every setting of a pipeline; serializable so runs can be reproduced.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PipelineConfig {
    /// How to split sentences.
    pub segmenter: SegmenterConfig,
    /// How to tokenize.
    pub analyzer: AnalyzerConfig,
    /// How to score sentences.
    pub scorer: ScorerConfig,
    /// How to choose key points.
    pub selector: SelectorConfig,
    /// How many key points.
    pub budget: Budget,
}

/// Builds a [`Pipeline`].
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    config: PipelineConfig,
}

impl PipelineBuilder {
    /// A builder with every default: news segmenter, word analyzer,
    /// heuristic scorer, MMR selector, three or four points.
    pub fn new() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Starts from a whole config.
    pub fn from_config(config: PipelineConfig) -> PipelineBuilder {
        PipelineBuilder { config }
    }

    /// Sets the scorer (default: [`ScorerConfig::Heuristic`]).
    pub fn scorer(mut self, scorer: ScorerConfig) -> PipelineBuilder {
        self.config.scorer = scorer;
        self
    }

    /// Sets the selector (default: [`SelectorConfig::Mmr`]).
    pub fn selector(mut self, selector: SelectorConfig) -> PipelineBuilder {
        self.config.selector = selector;
        self
    }

    /// Sets the number of key points (default: three or four).
    pub fn budget(mut self, budget: Budget) -> PipelineBuilder {
        self.config.budget = budget;
        self
    }

    /// Asks for exactly `n` key points.
    pub fn points(self, n: usize) -> PipelineBuilder {
        self.budget(Budget::exactly(n))
    }

    /// Checks the settings and builds the pipeline.
    pub fn build(self) -> Result<Pipeline, Error> {
        let b = self.config.budget;
        if b.min == 0 || b.min > b.max || b.max > 100 {
            return Err(Error::Config(format!(
                "points must be between 1 and 100 with min <= max, got {}..={}",
                b.min, b.max
            )));
        }
        Ok(Pipeline {
            segmenter: self.config.segmenter.build(),
            analyzer: self.config.analyzer.build(),
            scorer: self.config.scorer.build(),
            selector: self.config.selector.build(),
            config: self.config,
        })
    }
}

/// An immutable summarization pipeline.
pub struct Pipeline {
    segmenter: Box<dyn Segmenter>,
    analyzer: Box<dyn Analyzer>,
    scorer: Box<dyn Scorer>,
    selector: Box<dyn Selector>,
    config: PipelineConfig,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("config", &self.config)
            .finish()
    }
}

impl Default for Pipeline {
    fn default() -> Self {
        PipelineBuilder::new()
            .build()
            .expect("default config is valid")
    }
}

impl Pipeline {
    /// The settings this pipeline was built from.
    pub fn config(&self) -> &PipelineConfig {
        &self.config
    }

    /// Summarizes one document.
    ///
    /// Errors on empty or binary input; any other text gives a summary, with
    /// fewer points than asked only when the article has fewer sentences.
    pub fn summarize(&self, doc: &Document) -> Result<Summary, Error> {
        check_text(&doc.text)?;
        let segmented = self.segmenter.segment(doc);
        let analyzed = self.analyzer.analyze(segmented);
        let scored = self.scorer.score(&analyzed);
        let selection = self.selector.select(&analyzed, &scored, self.config.budget);

        let sentences = &analyzed.segmented.sentences;
        let key_points = selection
            .sentences
            .iter()
            .map(|&i| {
                let span = sentences[i].span;
                KeyPoint {
                    text: span.slice(&doc.text).to_string(),
                    sentence: i,
                    start: span.start,
                    end: span.end,
                    score: scored.scores[i],
                }
            })
            .collect();
        let body = sentences
            .iter()
            .filter(|s| s.kind == SentenceKind::Body)
            .count();
        let stats = DocStats {
            bytes: doc.text.len(),
            paragraphs: analyzed.segmented.paragraphs.len(),
            sentences: body,
            furniture: sentences.len() - body,
            words: analyzed.tokens.len(),
        };
        Ok(Summary {
            id: doc.id.clone(),
            headline: doc
                .title
                .as_deref()
                .map(str::trim)
                .unwrap_or("")
                .to_string(),
            key_points,
            stats,
        })
    }
}

/// Rejects text that is empty or binary.
///
/// Binary means a NUL byte, or more than 10% of the first 4 KiB being control
/// bytes other than tab, line feed, carriage return and form feed.
fn check_text(text: &str) -> Result<(), Error> {
    if text.trim().is_empty() {
        return Err(Error::EmptyDocument);
    }
    if let Some(offset) = memchr::memchr(0, text.as_bytes()) {
        return Err(Error::Binary { offset, byte: 0 });
    }
    let head = &text.as_bytes()[..text.len().min(4096)];
    let is_control = |b: &u8| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c);
    if head.iter().filter(|b| is_control(b)).count() * 10 > head.len() {
        let offset = head.iter().position(is_control).unwrap_or(0);
        return Err(Error::Binary {
            offset,
            byte: head[offset],
        });
    }
    Ok(())
}
