//! The pipeline: segment → analyze → score → select → summary.
//!
//! Built once with [`PipelineBuilder`], then immutable and `Send + Sync`, so
//! one pipeline serves every batch thread. Each stage is a trait object made
//! from its serializable config, so a later stage (a learned scorer, an HTML
//! ingest) is a new config variant, not a change here.

use serde::{Deserialize, Serialize};

use crate::analyze::{Analyzed, Analyzer, AnalyzerConfig};
use crate::compress::{CompressConfig, Compressor, DocContext};
use crate::headline::Layout;
use crate::score::{Scored, Scorer, ScorerConfig};
use crate::segment::{Segmenter, SegmenterConfig, SentenceKind};
use crate::select::{Budget, Selection, Selector, SelectorConfig};
use crate::span::join_spans;
use crate::summary::{DocStats, GivenPoint, HeadlineSource, KeyPoint, Summary};
use crate::{Document, Error, Span};

/// Every setting of a pipeline; serializable so runs can be reproduced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
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
    /// Leave quotes and attributions out (they are extracted by default).
    pub skip_quotes: bool,
    /// List only the direct quotes whose confidence reaches this (0 lists
    /// all).
    pub min_quote_confidence: f32,
    /// List only the reported speech whose confidence reaches this (0
    /// lists all).
    pub min_reported_confidence: f32,
    /// How to compress key points.
    pub compress: CompressConfig,
}

impl Default for PipelineConfig {
    fn default() -> Self {
        PipelineConfig {
            segmenter: Default::default(),
            analyzer: Default::default(),
            scorer: Default::default(),
            selector: Default::default(),
            budget: Default::default(),
            skip_quotes: false,
            min_quote_confidence: crate::quotes::confidence::DEFAULT_MIN_CONFIDENCE,
            min_reported_confidence: crate::quotes::confidence::DEFAULT_MIN_REPORTED_CONFIDENCE,
            compress: Default::default(),
        }
    }
}

impl PipelineConfig {
    /// The unsupervised pipeline: the heuristic scorer with the selector
    /// settings tuned for it.
    pub fn heuristic() -> PipelineConfig {
        PipelineConfig {
            scorer: ScorerConfig::Heuristic(Default::default()),
            selector: SelectorConfig::Mmr(crate::select::MmrParams::for_heuristic()),
            ..PipelineConfig::default()
        }
    }
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

    /// The settings so far.
    pub fn config(self) -> PipelineConfig {
        self.config
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
            scorer: self.config.scorer.build()?,
            selector: self.config.selector.build(),
            compressor: if self.config.compress.enabled {
                Some(Compressor::new(&self.config.compress)?)
            } else {
                None
            },
            config: self.config,
        })
    }
}

/// One article as a user gives it: what [`Pipeline::run`] takes, from the
/// CLI, the server and the bindings alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Plain text (its first line may be its headline), or our own output
    /// layout.
    Text(String),
    /// An HTML page, as bytes: a page declares its own character set. Its
    /// article body is extracted first.
    Html(Vec<u8>),
    /// A JSON record: `article` (or `text`, or `html`), `title`, `id`
    /// ([`crate::ingest::record`]).
    Record(String),
}

impl Input {
    /// The document the input holds, and whether its text was extracted
    /// (from an HTML page), so that the summary must carry it.
    pub fn into_document(self) -> Result<(Document, bool), Error> {
        match self {
            Input::Text(text) => Ok((Document::new(text), false)),
            Input::Html(page) => crate::ingest::from_html(&page)
                .map(|d| (d, true))
                .map_err(|e| Error::NoArticle(Box::new(e))),
            Input::Record(json) => {
                crate::ingest::record::parse_record(&json).map_err(Error::Record)
            }
        }
    }
}

/// An input's document and its summary, as [`Pipeline::run`] gives them.
#[derive(Clone, Debug, PartialEq)]
pub struct Summarized {
    /// The article as read: its text is what every offset points into.
    pub document: Document,
    /// The summary; its `text` is set when the document's text is not the
    /// input as given (extracted from a page).
    pub summary: Summary,
}

impl Summarized {
    /// The summary of `document`, carrying the text its offsets point into
    /// when that text is not the input as given (`extracted` from a page).
    fn new(document: Document, extracted: bool, mut summary: Summary) -> Summarized {
        if extracted {
            summary.text = Some(document.text.clone());
        }
        Summarized { document, summary }
    }
}

/// An immutable summarization pipeline.
pub struct Pipeline {
    segmenter: Box<dyn Segmenter>,
    analyzer: Box<dyn Analyzer>,
    scorer: Box<dyn Scorer>,
    selector: Box<dyn Selector>,
    compressor: Option<Compressor>,
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

    /// Segments and analyzes `doc`: a first line that is a headline and the
    /// `- ` lines of our own layout are set aside as headings, and the
    /// headline line stands in for a missing title.
    pub fn analyze<'d>(&self, doc: &'d Document) -> (Analyzed<'d>, Layout) {
        let layout = crate::headline::read_layout(&doc.text);
        let mut segmented = self.segmenter.segment(doc);
        if !layout.furniture.is_empty() {
            for s in &mut segmented.sentences {
                if layout.furniture.iter().any(|f| f.contains(s.span)) {
                    s.kind = SentenceKind::Heading;
                }
            }
        }
        if doc.title.is_none() {
            segmented.title_span = layout.headline;
        }
        (self.analyzer.analyze(segmented), layout)
    }

    /// The compressor, unless compression is turned off.
    pub fn compressor(&self) -> Option<&Compressor> {
        self.compressor.as_ref()
    }

    /// Scores and selects the key-point sentences of an analyzed document.
    pub fn select(&self, analyzed: &Analyzed<'_>) -> (Scored, Selection) {
        let scored = self.scorer.score(analyzed);
        let selection = self.selector.select(analyzed, &scored, self.config.budget);
        (scored, selection)
    }

    /// Reads an input and summarizes it: the one path from what a user
    /// gives to a summary, which every entry point takes. `title`, when
    /// given, replaces the input's own.
    ///
    /// ```
    /// use nutgraf_core::{Input, Pipeline};
    ///
    /// let page = b"<html><head><title>Bridge reopens</title></head><body><article>\
    ///     <p>The old bridge over the river reopened on Monday after two years of repairs.</p>\
    ///     <p>Engineers replaced every cable and most of the deck, the county said.</p>\
    ///     <p>Traffic was light in the morning and heavy by the evening rush.</p>\
    ///     </article></body></html>";
    /// let run = Pipeline::default().run(Input::Html(page.to_vec()), None)?;
    /// assert!(!run.summary.key_points.is_empty());
    /// // The offsets point into the extracted text, which the summary carries.
    /// let text = run.summary.text.as_deref().unwrap();
    /// let p = &run.summary.key_points[0];
    /// assert!(text.get(p.start..p.end).is_some());
    /// # Ok::<(), nutgraf_core::Error>(())
    /// ```
    pub fn run(&self, input: Input, title: Option<String>) -> Result<Summarized, Error> {
        let (mut document, extracted) = input.into_document()?;
        if let Some(t) = title {
            document = document.with_title(t);
        }
        let summary = self.summarize(&document)?;
        Ok(Summarized::new(document, extracted, summary))
    }

    /// Reads and summarizes many inputs, each as [`Pipeline::run`] would
    /// with no title given: the same results, in the same order, through
    /// [`Pipeline::summarize_all`].
    pub fn run_all(&self, inputs: Vec<Input>) -> Vec<Result<Summarized, Error>> {
        let mut docs = Vec::with_capacity(inputs.len());
        let read: Vec<Result<bool, Error>> = inputs
            .into_iter()
            .map(|input| {
                input.into_document().map(|(doc, extracted)| {
                    docs.push(doc);
                    extracted
                })
            })
            .collect();
        let mut summaries = self.summarize_all(&docs).into_iter().zip(docs);
        read.into_iter()
            .map(|r| {
                let extracted = r?;
                let (summary, document) = summaries
                    .next()
                    .expect("one summary for each document read");
                Ok(Summarized::new(document, extracted, summary?))
            })
            .collect()
    }

    /// Summarizes one document.
    ///
    /// Errors on empty or binary input; any other text gives a summary, with
    /// fewer points than asked only when the article has fewer sentences.
    pub fn summarize(&self, doc: &Document) -> Result<Summary, Error> {
        let (mut summary, analyzed) = self.summarize_but_quotes(doc)?;
        self.add_quotes(&mut summary, &analyzed);
        Ok(summary)
    }

    /// How many documents [`Pipeline::summarize_all`] and
    /// [`Pipeline::run_all`] are best given at a time: enough for each
    /// stage's tables to stay in the cache from one document to the next,
    /// few enough that a pool of threads still shares the work out evenly
    /// (groups of 4 and 64 did as well on CNN/DM dev).
    pub const GROUP: usize = 16;

    /// Summarizes many documents, each as [`Pipeline::summarize`] would:
    /// the same summaries, in the same order. Every document's key points
    /// are chosen first and its quotes read after, so that each stage's
    /// tables stay in the cache for a run of documents.
    pub fn summarize_all(&self, docs: &[Document]) -> Vec<Result<Summary, Error>> {
        let done: Vec<Result<(Summary, Analyzed<'_>), Error>> =
            docs.iter().map(|d| self.summarize_but_quotes(d)).collect();
        done.into_iter()
            .map(|r| {
                r.map(|(mut summary, analyzed)| {
                    self.add_quotes(&mut summary, &analyzed);
                    summary
                })
            })
            .collect()
    }

    /// Everything of a summary but its quotes, with the analysis the quotes
    /// are read from.
    fn summarize_but_quotes<'d>(
        &self,
        doc: &'d Document,
    ) -> Result<(Summary, Analyzed<'d>), Error> {
        check_text(&doc.text)?;
        let (analyzed, layout) = self.analyze(doc);
        let (scored, selection) = self.select(&analyzed);
        let text = doc.text.as_str();
        let sentences = &analyzed.segmented.sentences;
        let key_points = self.points(&analyzed, &scored, selection);
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
        let (headline, headline_source, headline_spans) = headline_of(doc, &analyzed, &layout);
        let given_points = layout
            .given_points
            .iter()
            .map(|s| GivenPoint {
                text: s.slice(text).to_string(),
                start: s.start,
                end: s.end,
            })
            .collect();
        let summary = Summary {
            id: doc.id.clone(),
            headline,
            headline_source,
            headline_spans,
            given_points,
            key_points,
            stats,
            metadata: doc.metadata.clone(),
            language: crate::language::detect(text),
            speakers: Vec::new(),
            quotes: Vec::new(),
            quotes_note: None,
            offset_unit: "byte".to_string(),
            text: None,
        };
        Ok((summary, analyzed))
    }

    /// Reads the quotes of an analyzed document into its summary (or the
    /// note of why they were not read).
    fn add_quotes(&self, summary: &mut Summary, analyzed: &Analyzed<'_>) {
        if self.config.skip_quotes {
            return;
        }
        if !summary.language.is_english() {
            summary.quotes_note = Some(format!(
                "not extracted: the article reads as {}, and the quote rules are for English",
                summary.language.name
            ));
            return;
        }
        let mut quotes = crate::quotes::extract(&analyzed.segmented);
        let (direct, reported) = (
            self.config.min_quote_confidence,
            self.config.min_reported_confidence,
        );
        quotes.retain(|q| crate::quotes::confidence::reaches(q, direct, reported));
        summary.speakers = crate::quotes::speakers(&mut quotes);
        summary.quotes = quotes;
    }
}

impl Pipeline {
    /// The key points of the selected sentences, compressed; while the
    /// compressed points are short of `compress.fill_words` and the budget
    /// allows, one more point is selected.
    fn points(
        &self,
        analyzed: &Analyzed<'_>,
        scored: &Scored,
        selection: Selection,
    ) -> Vec<KeyPoint> {
        let text = analyzed.segmented.doc.text.as_str();
        let sentences = &analyzed.segmented.sentences;
        let mut selection = selection;
        let mut cut: Vec<Vec<Span>> = Vec::new();
        if let Some(c) = &self.compressor {
            let mut ctx = DocContext::new(analyzed);
            loop {
                ctx.select(analyzed, &selection.sentences);
                cut = selection
                    .sentences
                    .iter()
                    .map(|&i| c.compress(analyzed, &ctx, i))
                    .collect();
                let n = selection.sentences.len();
                let budget = self.config.budget;
                if n >= budget.max || self.config.compress.fill_words <= 0.0 {
                    break;
                }
                let words: usize = cut
                    .iter()
                    .map(|spans| {
                        spans
                            .iter()
                            .map(|s| crate::span::words(s.slice(text)).len())
                            .sum::<usize>()
                    })
                    .sum();
                if (words as f32) >= self.config.compress.fill_words {
                    break;
                }
                let more = self.selector.select(
                    analyzed,
                    scored,
                    Budget {
                        min: n + 1,
                        max: n + 1,
                    },
                );
                if more.sentences.len() <= n {
                    break;
                }
                selection = more;
            }
        }
        selection
            .sentences
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let span = sentences[i].span;
                let spans = cut.get(k).cloned().unwrap_or_else(|| vec![span]);
                let shown = if spans.len() == 1 && spans[0] == span {
                    span.slice(text).to_string()
                } else {
                    join_spans(text, &spans, true)
                };
                KeyPoint {
                    text: shown,
                    spans,
                    sentence: i,
                    start: span.start,
                    end: span.end,
                    score: scored.scores[i],
                }
            })
            .collect()
    }
}

/// The headline: the title, else the first line, else a generated one;
/// never empty for a document with any text.
fn headline_of(
    doc: &Document,
    analyzed: &Analyzed<'_>,
    layout: &Layout,
) -> (String, HeadlineSource, Vec<Span>) {
    let text = doc.text.as_str();
    if let Some(t) = doc
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        return (t.to_string(), HeadlineSource::Title, Vec::new());
    }
    if let Some(h) = layout.headline.filter(|h| !h.slice(text).trim().is_empty()) {
        let shown = h
            .slice(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        return (shown, HeadlineSource::FirstLine, vec![h]);
    }
    let mut spans = crate::headline::generate(analyzed);
    let mut shown = join_spans(text, &spans, false);
    if shown.is_empty() {
        // No body sentence: the first words of the text, whatever they are.
        spans = first_words(text, 14);
        shown = join_spans(text, &spans, false);
    }
    (shown, HeadlineSource::Generated, spans)
}

/// The span from the first word of `text` to the end of its `n`th word.
fn first_words(text: &str, n: usize) -> Vec<Span> {
    let mut first: Option<Span> = None;
    let mut last = Span::default();
    let mut k = 0;
    crate::analyze::for_each_word(text, Span::new(0, text.len().min(4096)), |s| {
        if k < n {
            first.get_or_insert(s);
            last = s;
        }
        k += 1;
    });
    first.map_or_else(Vec::new, |f| vec![Span::new(f.start, last.end)])
}

/// Rejects text that is empty, has no words, or is binary.
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
    if !text.chars().any(char::is_alphanumeric) {
        return Err(Error::NoWords);
    }
    Ok(())
}

#[cfg(test)]
mod tests {

    #[test]
    fn quotes_of_other_languages_are_left_out_with_a_note() {
        let es = "El ayuntamiento votó el martes cerrar el viejo puente sobre el río para \
                  repararlo.\n\n\"No podemos esperar más\", dijo la alcaldesa Ana Ruiz. Los \
                  vecinos dicen que las obras durarán casi todo el verano porque el acero es \
                  más antiguo de lo que se pensaba.";
        let s = Pipeline::default().summarize(&Document::new(es)).unwrap();
        assert_eq!(s.language.code, "spa");
        assert!(s.quotes.is_empty());
        assert!(s.quotes_note.as_deref().unwrap().contains("Spanish"));
        assert!(!s.key_points.is_empty());
        let en = "The council voted on Tuesday to close the old bridge over the river for \
                  repairs.\n\n\"We cannot wait any longer,\" said the mayor, Ana Ruiz. The \
                  neighbours say the work will take most of the summer because the steel is \
                  older than anyone had thought.";
        let s = Pipeline::default().summarize(&Document::new(en)).unwrap();
        assert_eq!(s.language.code, "eng");
        assert!(s.quotes_note.is_none());
        assert!(!s.quotes.is_empty());
    }

    use super::*;
    use crate::score::HeuristicWeights;
    use crate::select::MmrParams;

    #[test]
    fn every_config_round_trips_through_json() {
        let configs = [
            PipelineConfig::default(),
            PipelineConfig {
                scorer: ScorerConfig::Lead,
                selector: SelectorConfig::Top,
                budget: Budget::exactly(3),
                ..PipelineConfig::default()
            },
            PipelineConfig {
                scorer: ScorerConfig::Heuristic(HeuristicWeights {
                    title: 2.0,
                    ..Default::default()
                }),
                selector: SelectorConfig::Mmr(MmrParams {
                    redundancy: 0.9,
                    ..Default::default()
                }),
                ..PipelineConfig::default()
            },
        ];
        for c in configs {
            let json = serde_json::to_string(&c).unwrap();
            let back: PipelineConfig = serde_json::from_str(&json).unwrap();
            assert_eq!(back, c, "{json}");
        }
        // Tagged: the strategy name is in the JSON, and omitted fields default.
        let c: PipelineConfig = serde_json::from_str(r#"{"scorer": {"type": "Lead"}}"#).unwrap();
        assert_eq!(c.scorer, ScorerConfig::Lead);
        assert_eq!(c.budget, Budget::default());
    }

    #[test]
    fn bad_budgets_are_config_errors() {
        for b in [
            Budget { min: 0, max: 3 },
            Budget { min: 4, max: 3 },
            Budget::exactly(101),
        ] {
            let e = PipelineBuilder::new().budget(b).build().unwrap_err();
            assert!(matches!(e, Error::Config(_)), "{b:?}");
        }
    }

    #[test]
    fn empty_and_binary_text_are_errors() {
        let p = Pipeline::default();
        assert_eq!(
            p.summarize(&Document::new(" \n\t")).unwrap_err(),
            Error::EmptyDocument
        );
        assert_eq!(
            p.summarize(&Document::new("abc\0def. More text here."))
                .unwrap_err(),
            Error::Binary { offset: 3, byte: 0 }
        );
        let junk: String = (0..200).map(|i| char::from(1 + (i % 8) as u8)).collect();
        assert!(matches!(
            p.summarize(&Document::new(junk)),
            Err(Error::Binary { .. })
        ));
        // Punctuation alone is no article either: no point, no headline.
        assert_eq!(
            p.summarize(&Document::new("- ... !")).unwrap_err(),
            Error::NoWords
        );
    }

    #[test]
    fn summarize_all_gives_each_document_what_summarize_gives_it() {
        let docs = [
            Document::new(
                "The council voted on Tuesday to close the old bridge for repairs.\n\n\"We \
                 cannot wait any longer,\" said the mayor, Ana Ruiz. Work starts in June.",
            ),
            Document::new(" \n\t"),
            Document::new(
                "El ayuntamiento votó el martes cerrar el viejo puente sobre el río. \
                 \"No podemos esperar más\", dijo la alcaldesa Ana Ruiz.",
            ),
            Document::new("abc\0def. More text here."),
            Document::new("Rain is due on Friday, forecasters said. Schools stay open.")
                .with_title("Rain on Friday"),
        ];
        for p in [
            Pipeline::default(),
            PipelineBuilder::from_config(PipelineConfig {
                skip_quotes: true,
                ..PipelineConfig::default()
            })
            .build()
            .unwrap(),
        ] {
            let all = p.summarize_all(&docs);
            assert_eq!(all.len(), docs.len());
            for (d, got) in docs.iter().zip(&all) {
                assert_eq!(got, &p.summarize(d), "{:?}", d.text);
            }
            assert!(all[0].as_ref().unwrap().quotes.len() == usize::from(!p.config.skip_quotes));
            assert_eq!(all[1], Err(Error::EmptyDocument));
            assert!(all[2].as_ref().unwrap().quotes_note.is_some() != p.config.skip_quotes);
        }
    }

    #[test]
    fn run_all_gives_each_input_what_run_gives_it() {
        let inputs = vec![
            Input::Record(
                r#"{"id": "a", "text": "The council voted on Tuesday to close the old bridge. \"We cannot wait,\" said the mayor, Ana Ruiz."}"#
                    .to_string(),
            ),
            Input::Record(r#"{"id": "b", "text": 7}"#.to_string()),
            Input::Html(
                b"<html><head><title>Bridge reopens</title></head><body><article>\
                  <p>The old bridge over the river reopened on Monday after two years of repairs.</p>\
                  <p>Engineers replaced every cable and most of the deck, the county said.</p>\
                  </article></body></html>"
                    .to_vec(),
            ),
            Input::Text(" \n ".to_string()),
            Input::Text("Rain is due on Friday, forecasters said. Schools stay open.".to_string()),
        ];
        let p = Pipeline::default();
        let all = p.run_all(inputs.clone());
        assert_eq!(all.len(), inputs.len());
        for (input, got) in inputs.into_iter().zip(&all) {
            assert_eq!(got, &p.run(input, None));
        }
        assert!(all[1].is_err() && all[3].is_err());
        assert!(
            all[2].as_ref().unwrap().summary.text.is_some(),
            "a page's text is carried"
        );
        assert!(all[4].as_ref().unwrap().summary.text.is_none());
    }

    #[test]
    fn repeated_sentences_are_never_both_chosen() {
        let text = "The bridge on Route 9 will close for repairs in June. \
                    The bridge on Route 9 will close for repairs in June. \
                    Drivers should use the ferry or the northern bypass instead. \
                    Engineers found cracks in two of the steel supports last winter. \
                    Work is expected to take about four months and cost $12 million.";
        let doc = Document::new(text);
        let s = Pipeline::default().summarize(&doc).unwrap();
        let texts: Vec<&str> = s.key_points.iter().map(|p| p.text.as_str()).collect();
        let mut dedup = texts.clone();
        dedup.dedup();
        assert_eq!(texts, dedup, "duplicate point chosen");
        assert!(s.key_points.len() >= 3);
        assert!(
            s.key_points.windows(2).all(|w| w[0].start < w[1].start),
            "article order"
        );
    }

    #[test]
    fn blocking_never_leaves_fewer_points_than_asked() {
        // Every sentence shares the trigram "the city council", so trigram
        // blocking alone would stop at one point.
        let text = "The city council voted to close the pool in July. \
                    The city council also cut funding for the summer camp. \
                    The city council will meet again on the library plan. \
                    The city council heard from forty residents at the session. \
                    The city council chair called the cuts painful but needed.";
        let s = Pipeline::default().summarize(&Document::new(text)).unwrap();
        assert!(s.key_points.len() >= 3, "{:?}", s.key_points);
    }

    #[test]
    fn points_flag_is_honoured_when_possible() {
        let text = "One thing happened today in the town. A second thing followed it soon after. \
                    Then a third event surprised the crowd. A fourth one closed the day quietly. \
                    Finally a fifth note was added by the clerk.";
        let doc = Document::new(text);
        for n in 1..=5 {
            let s = PipelineBuilder::new()
                .points(n)
                .build()
                .unwrap()
                .summarize(&doc)
                .unwrap();
            assert_eq!(s.key_points.len(), n, "asked for {n}");
        }
        let s = PipelineBuilder::new()
            .points(9)
            .build()
            .unwrap()
            .summarize(&doc)
            .unwrap();
        assert_eq!(s.key_points.len(), 5, "no more points than sentences");
    }
}
