//! Sentence compression: a key point is its sentence with what an editor
//! cuts taken out.
//!
//! A sentence offers *cuts*, byte ranges that can go without breaking it
//! ([`candidates`]): an opening phrase before its first comma (`On Tuesday,
//! ...`), a phrase between two commas or dashes (appositives, relative
//! clauses: `the council, which met late, voted`), a closing phrase after
//! its last comma, a parenthetical, a leading connective (`But`,
//! `However,`), a time phrase (`on Tuesday afternoon`, `last week`), and the
//! empty attribution of `X said Tuesday that he asked` (→ `X asked`). Cuts
//! never cross a quotation, never split a number (`12,000`), and never take a
//! negation (`not`, `never`, `denied`...) or an attribution (`, police
//! said`): whose claim a point is stays in it.
//!
//! Which cuts to make is learned ([`Compressor`]): boosted trees over 28
//! features of the cut and its sentence predict whether making it raises
//! ROUGE against the human highlights (labels from the `nutgraf-train`
//! crate). A cut is made when its log-odds clear the threshold; a point keeps at least
//! five words (or its whole sentence).
//!
//! The point is the kept slices joined ([`crate::span::join_spans`]): its
//! words are exactly the words of its spans.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::analyze::{Analyzed, Token};
use crate::score::gbdt::{CompiledGbdt, Gbdt};
use crate::{Error, Span};

mod candidates;
mod features;

pub use candidates::candidates;
use candidates::*;
use features::*;

/// The built-in compression model's JSON.
pub const DEFAULT_COMPRESS_MODEL: &str = include_str!("../../models/compress.json");

/// What kind of phrase a cut takes out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CutKind {
    /// From the sentence start to its first comma: `On Tuesday, `.
    Lead = 0,
    /// Between two commas or dashes, one delimiter kept: `, which met late,`.
    Inner = 1,
    /// From the last comma or dash to the final punctuation.
    Trail = 2,
    /// A parenthetical: ` (D-Maine)`.
    Paren = 3,
    /// A connective opening the sentence: `But `, `However, `.
    Connective = 4,
    /// A time phrase: ` on Tuesday afternoon`, ` last week`.
    Time = 5,
    /// `said [time] that he ` between a subject and its verb.
    SaidThat = 6,
    /// A secondary clause or phrase to the next delimiter or the end, opened
    /// by a subordinator or relative word with no comma before it
    /// (` after the vote ...`, ` including ...`, ` who ...`).
    Clause = 7,
}

/// One possible cut: bytes of the sentence that may go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cut {
    /// The bytes taken out.
    pub span: Span,
    /// What they are.
    pub kind: CutKind,
}

/// Number of features per cut.
pub const CUT_FEATURES: usize = 36;

/// Feature names, in row order.
pub const CUT_FEATURE_NAMES: [&str; CUT_FEATURES] = [
    "kind",
    "words",
    "share_of_sentence",
    "sentence_words",
    "start_position",
    "reaches_end",
    "first_relative",
    "first_subordinator",
    "first_determiner",
    "first_preposition",
    "first_ing",
    "first_capitalized",
    "has_number",
    "capitalized_share",
    "has_quote",
    "has_time",
    "mean_doc_frequency",
    "max_doc_frequency",
    "title_overlap",
    "lead_overlap",
    "sentence_index",
    "stop_share",
    "delimiter_before",
    "delimiter_after",
    "content_words",
    "commas_in_sentence",
    "has_and_or",
    "next_capitalized",
    "covered_elsewhere",
    "first_that",
    "first_time_subordinator",
    "words_before",
    "mean_word_probability",
    "expected_matches",
    "expected_misses",
    "rest_mean_word_probability",
];

/// Settings of the compressor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CompressConfig {
    /// Compress key points at all (`false` gives whole sentences).
    pub enabled: bool,
    /// A cut is made when its log-odds exceed this.
    pub threshold: f32,
    /// A model file written by `nutgraf train`; `None` for the built-in one.
    pub model: Option<std::path::PathBuf>,
    /// While the compressed points hold fewer words than this, and the
    /// budget allows, one more point is taken (0 turns it off).
    pub fill_words: f32,
}

impl Default for CompressConfig {
    fn default() -> Self {
        CompressConfig {
            enabled: true,
            threshold: -0.15,
            model: None,
            fill_words: 0.0,
        }
    }
}

/// The compression model as `nutgraf train` writes it: a word model (is
/// this word in the highlights?) whose predictions feed the cut model (is
/// this cut worth making?).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CompressModel {
    /// Log-odds that a word of a key point is a word of the reference.
    pub words: Gbdt,
    /// Log-odds that a cut raises ROUGE.
    pub cuts: Gbdt,
}

/// Makes the learned cuts in sentences.
#[derive(Clone, Debug)]
pub struct Compressor {
    words: Arc<CompiledGbdt>,
    cuts: Arc<CompiledGbdt>,
    threshold: f32,
}

impl Compressor {
    /// The compressor from `config`.
    pub fn new(config: &CompressConfig) -> Result<Compressor, Error> {
        let (json, name) = match &config.model {
            None => (
                DEFAULT_COMPRESS_MODEL.to_string(),
                "the built-in compression model".to_string(),
            ),
            Some(p) => (
                std::fs::read_to_string(p)
                    .map_err(|e| Error::Model(format!("{}: cannot read: {e}", p.display())))?,
                p.display().to_string(),
            ),
        };
        let model: CompressModel = serde_json::from_str(&json)
            .map_err(|e| Error::Model(format!("{name}: not a nutgraf compression model: {e}")))?;
        Compressor::from_model(&model)
            .map(|c| c.with_threshold(config.threshold))
            .map_err(|e| Error::Model(format!("{name}: {e}")))
    }

    /// The compressor of a trained model, with the default threshold.
    pub fn from_model(model: &CompressModel) -> Result<Compressor, String> {
        if model.words.features.len() != WORD_FEATURES || model.cuts.features.len() != CUT_FEATURES
        {
            return Err(format!(
                "a compression model needs {WORD_FEATURES} word and {CUT_FEATURES} cut features, it has {} and {}",
                model.words.features.len(),
                model.cuts.features.len()
            ));
        }
        Ok(Compressor {
            words: Arc::new(CompiledGbdt::new(&model.words)?),
            cuts: Arc::new(CompiledGbdt::new(&model.cuts)?),
            threshold: CompressConfig::default().threshold,
        })
    }

    /// The same compressor making cuts above `threshold`.
    pub fn with_threshold(mut self, threshold: f32) -> Compressor {
        self.threshold = threshold;
        self
    }

    /// The word model's log-odds for each word of sentence `i`.
    pub fn word_scores(&self, doc: &Analyzed<'_>, ctx: &DocContext, i: usize) -> Vec<f32> {
        self.words.predict_rows(&word_rows(doc, ctx, i))
    }

    /// The feature rows of sentence `i`'s candidate cuts.
    pub fn cut_rows(
        &self,
        doc: &Analyzed<'_>,
        ctx: &DocContext,
        i: usize,
        cuts: &[Cut],
    ) -> Vec<[f32; CUT_FEATURES]> {
        let probs: Vec<f32> = self
            .word_scores(doc, ctx, i)
            .into_iter()
            .map(|z| 1.0 / (1.0 + (-z).exp()))
            .collect();
        let text = doc.segmented.doc.text.as_str();
        let span = doc.segmented.sentences[i].span;
        let shape = SentenceShape {
            delims: delimiters(text, span).0,
            fin: final_punct_start(text, span),
        };
        cuts.iter()
            .map(|c| cut_features(doc, ctx, i, c, &probs, &shape))
            .collect()
    }

    /// The kept spans of sentence `i`, in order: the whole sentence when no
    /// cut is worth making.
    pub fn compress(&self, doc: &Analyzed<'_>, ctx: &DocContext, i: usize) -> Vec<Span> {
        let sentence = doc.segmented.sentences[i].span;
        let cuts = candidates(doc, i);
        if cuts.is_empty() {
            return vec![sentence];
        }
        let rows = self.cut_rows(doc, ctx, i, &cuts);
        let scores = self.cuts.predict_rows(&rows);
        let mut order: Vec<usize> = (0..cuts.len())
            .filter(|&k| scores[k] > self.threshold)
            .collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
        let chosen: Vec<Span> = order.iter().map(|&k| cuts[k].span).collect();
        apply_cuts(doc, i, &chosen)
    }
}

/// Number of features per word.
pub const WORD_FEATURES: usize = 18;

/// Word feature names, in row order.
pub const WORD_FEATURE_NAMES: [&str; WORD_FEATURES] = [
    "frequency",
    "frequency_per_1000",
    "first_seen",
    "stop",
    "number",
    "capitalized",
    "time",
    "attribution",
    "position",
    "sentence_index",
    "length",
    "in_lead",
    "in_title",
    "selected_count",
    "in_quote",
    "in_parentheses",
    "delimiters_before",
    "sentence_words",
];

/// The word feature rows of sentence `i`, one per word.
pub fn word_rows(doc: &Analyzed<'_>, ctx: &DocContext, i: usize) -> Vec<[f32; WORD_FEATURES]> {
    let text = doc.segmented.doc.text.as_str();
    let s = doc.segmented.sentences[i].span;
    let toks = doc.sentence(i);
    let n = toks.len().max(1) as f32;
    let total = doc.tokens.len().max(1) as f32;
    let body = ctx.body_index.get(i).copied().unwrap_or(0).min(100) as f32;
    // Quotation, parenthesis and delimiter state at each word, in one scan.
    let b = text.as_bytes();
    let mut rows = Vec::with_capacity(toks.len());
    let (mut straight, mut curly, mut paren, mut delims) = (false, 0i32, 0i32, 0u32);
    let mut at = s.start;
    for (k, t) in toks.iter().enumerate() {
        while at < t.span.start && at < b.len() {
            match b[at] {
                b'"' => straight = !straight,
                b'(' => paren += 1,
                b')' => paren = (paren - 1).max(0),
                b',' | b';' => delims += 1,
                0xE2 if b.get(at + 1) == Some(&0x80) => match b.get(at + 2) {
                    Some(0x9C) => curly += 1,
                    Some(0x9D) => curly = (curly - 1).max(0),
                    Some(0x94) => delims += 1,
                    _ => {}
                },
                _ => {}
            }
            at += 1;
        }
        at = at.max(t.span.end);
        let st = t.stem as usize;
        let f = f32::from(ctx.frequency.get(st).copied().unwrap_or(0));
        let flag = |x: u8| f32::from(u8::from(t.flags & x != 0));
        rows.push([
            f,
            1000.0 * f / total,
            f32::from(ctx.first_seen.get(st).copied().unwrap_or(0)),
            flag(Token::STOP),
            flag(Token::NUMBER),
            flag(Token::CAPITALIZED),
            flag(Token::TIME),
            flag(Token::ATTRIBUTION),
            k as f32 / n,
            body,
            t.span.len() as f32,
            f32::from(u8::from(ctx.lead.binary_search(&t.stem).is_ok())),
            f32::from(u8::from(doc.title_stems.contains(&t.stem))),
            f32::from(ctx.selected.get(st).copied().unwrap_or(0)),
            f32::from(u8::from(straight || curly > 0)),
            f32::from(u8::from(paren > 0)),
            delims as f32,
            toks.len() as f32,
        ]);
    }
    rows
}

/// Per-document counts the cut features read: built once per document.
#[derive(Clone, Debug, Default)]
pub struct DocContext {
    /// Occurrences of each stem id in the body.
    pub frequency: Vec<u16>,
    /// Stem ids of the first body sentence's content words, sorted.
    pub lead: Vec<u32>,
    /// Body sentence index of each sentence (`usize::MAX` for others).
    pub body_index: Vec<usize>,
    /// The body sentence index where each stem first occurs.
    pub first_seen: Vec<u16>,
    /// Stems of the content words of the selected sentences, with the
    /// number of selected sentences holding each (set by
    /// [`DocContext::select`]).
    pub selected: Vec<u8>,
}

impl DocContext {
    /// Counts for `doc`.
    pub fn new(doc: &Analyzed<'_>) -> DocContext {
        let mut frequency = vec![0u16; doc.vocabulary_size as usize];
        for t in &doc.tokens {
            if let Some(f) = frequency.get_mut(t.stem as usize) {
                *f = f.saturating_add(1);
            }
        }
        let mut body_index = vec![usize::MAX; doc.len()];
        let mut first_seen = vec![u16::MAX; doc.vocabulary_size as usize];
        let mut k = 0;
        let mut lead = Vec::new();
        for (i, b) in body_index.iter_mut().enumerate() {
            if doc.is_body(i) {
                for t in doc.sentence(i) {
                    if let Some(f) = first_seen.get_mut(t.stem as usize) {
                        *f = (*f).min(k.min(1000) as u16);
                    }
                }
                if k == 0 {
                    lead = doc
                        .sentence(i)
                        .iter()
                        .filter(|t| t.is_content())
                        .map(|t| t.stem)
                        .collect();
                    lead.sort_unstable();
                }
                *b = k;
                k += 1;
            }
        }
        DocContext {
            frequency,
            lead,
            body_index,
            first_seen,
            selected: Vec::new(),
        }
    }

    /// Records the sentences chosen as key points, so that a cut can see
    /// whether its words are said by another point too.
    pub fn select(&mut self, doc: &Analyzed<'_>, chosen: &[usize]) {
        self.selected = vec![0; doc.vocabulary_size as usize];
        for &i in chosen {
            let mut seen: Vec<u32> = doc
                .sentence(i)
                .iter()
                .filter(|t| t.is_content())
                .map(|t| t.stem)
                .collect();
            seen.sort_unstable();
            seen.dedup();
            for st in seen {
                if let Some(c) = self.selected.get_mut(st as usize) {
                    *c = c.saturating_add(1);
                }
            }
        }
    }
}

/// Fewest words a compressed point keeps.
const MIN_WORDS: usize = 5;

/// Makes the cuts of `chosen` (best first) in sentence `i`, skipping any
/// that overlaps one already made or would leave fewer than
/// `MIN_WORDS` words (or under a third of the sentence); returns the
/// kept spans, trimmed, in order.
pub fn apply_cuts(doc: &Analyzed<'_>, i: usize, chosen: &[Span]) -> Vec<Span> {
    let sentence = doc.segmented.sentences[i].span;
    let toks = doc.sentence(i);
    let total = toks.len();
    let floor = MIN_WORDS.max(total.div_ceil(3));
    let mut made: Vec<Span> = Vec::new();
    let mut removed = 0;
    let words_in = |c: Span| {
        toks.iter()
            .filter(|t| c.start <= t.span.start && t.span.end <= c.end)
            .count()
    };
    for &c in chosen {
        let overlapping: Vec<usize> = (0..made.len())
            .filter(|&k| made[k].start < c.end && c.start < made[k].end)
            .collect();
        // A cut that holds the ones made so far replaces them; any other
        // overlap is skipped.
        if !overlapping.iter().all(|&k| c.contains(made[k])) {
            continue;
        }
        let freed: usize = overlapping.iter().map(|&k| words_in(made[k])).sum();
        let words = words_in(c);
        if total + freed < removed + words + floor {
            continue;
        }
        for &k in overlapping.iter().rev() {
            made.remove(k);
        }
        removed = removed + words - freed;
        made.push(c);
    }
    if made.is_empty() {
        return vec![sentence];
    }
    made.sort_unstable();
    let text = &doc.segmented.doc.text;
    let mut kept = Vec::with_capacity(made.len() + 1);
    let mut at = sentence.start;
    for m in made
        .iter()
        .chain(std::iter::once(&Span::new(sentence.end, sentence.end)))
    {
        let piece = trim_span(text, Span::new(at, m.start.max(at)));
        if !piece.is_empty() {
            kept.push(piece);
        }
        at = m.end.max(at);
    }
    if kept.is_empty() {
        vec![sentence]
    } else {
        kept
    }
}

fn trim_span(text: &str, s: Span) -> Span {
    let slice = s.slice(text);
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail >= slice.len() {
        return Span::new(s.start, s.start);
    }
    Span::new(s.start + lead, s.end - trail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{Analyzer, WordAnalyzer};
    use crate::segment::{NewsSegmenter, Segmenter};
    use crate::span::{join_spans, same_words};
    use crate::Document;

    /// The cuts of the first sentence of `text`, as the text they take out.
    fn cuts_of(text: &str) -> Vec<(CutKind, String)> {
        let doc = Document::new(text);
        let a = WordAnalyzer.analyze(NewsSegmenter::default().segment(&doc));
        candidates(&a, 0)
            .into_iter()
            .map(|c| (c.kind, c.span.slice(text).to_string()))
            .collect()
    }

    #[test]
    fn asides_and_openers_are_cuts() {
        let cuts = cuts_of(
            "On Tuesday, the council (all seven members), which met until midnight, voted to \
             close the pool after a long debate.",
        );
        let has = |k: CutKind, s: &str| cuts.iter().any(|(kind, t)| *kind == k && t == s);
        assert!(has(CutKind::Lead, "On Tuesday, "), "{cuts:?}");
        assert!(
            has(CutKind::Inner, ", which met until midnight,"),
            "{cuts:?}"
        );
        assert!(has(CutKind::Paren, " (all seven members)"), "{cuts:?}");
        assert!(has(CutKind::Clause, " after a long debate"), "{cuts:?}");
    }

    #[test]
    fn negations_attributions_and_numbers_are_never_cut() {
        for (text, kept) in [
            (
                "The mayor, who has not commented, will sign the budget on Friday next week.",
                "not",
            ),
            (
                "Ticket prices will rise by a third next spring, the transit authority said.",
                "said",
            ),
            (
                "The plant will employ 12,000 people and cost $2.5bn over the next ten years.",
                "12,000",
            ),
        ] {
            for (_, cut) in cuts_of(text) {
                assert!(!cut.contains(kept), "{cut:?} cut from {text:?}");
            }
        }
        // A phrase opening with an auxiliary is the main verb, not an aside.
        let cuts = cuts_of("Jane Roe, the singer of the band, has died, aged 78, in Lisbon today.");
        assert!(
            cuts.iter().all(|(_, t)| !t.contains("has died")),
            "{cuts:?}"
        );
    }

    #[test]
    fn subjects_and_clauses_are_no_asides() {
        // The subject before an aside is no opening phrase.
        let cuts =
            cuts_of("The kitten, who has since been named Max, was found by staff in a warehouse.");
        assert!(cuts.iter().all(|(k, _)| *k != CutKind::Lead), "{cuts:?}");
        let cuts =
            cuts_of("Kelly Marsh, a nurse from Leeds, won the lottery jackpot last weekend.");
        assert!(cuts.iter().all(|(k, _)| *k != CutKind::Lead), "{cuts:?}");
        // A day in a name is no time phrase.
        let cuts = cuts_of(
            "Christians across the country observed Good Friday with services and a march.",
        );
        assert!(cuts.iter().all(|(k, _)| *k != CutKind::Time), "{cuts:?}");
        // A day after a determiner is a noun phrase's noun.
        let cuts = cuts_of("It was the Saturday that saw the home side keep their hopes alive.");
        assert!(cuts.iter().all(|(k, _)| *k != CutKind::Time), "{cuts:?}");
        // A possessive time word is no time phrase.
        let cuts =
            cuts_of("The striker scored twice in Saturday's win over the league leaders at home.");
        assert!(cuts.iter().all(|(k, _)| *k != CutKind::Time), "{cuts:?}");
        // A comma then a dash closes no aside.
        let cuts = cuts_of("It is an odd place for a nest, but the bird is busy building one - inside a lamp post.");
        assert!(
            cuts.iter().all(|(_, t)| !t.contains("busy building")),
            "{cuts:?}"
        );
    }

    #[test]
    fn empty_attribution_collapses_to_the_verb() {
        let text =
            "Senator Ana Cruz said Tuesday afternoon that she asked the agency to delay the vote.";
        let doc = Document::new(text);
        let a = WordAnalyzer.analyze(NewsSegmenter::default().segment(&doc));
        let cut = candidates(&a, 0)
            .into_iter()
            .find(|c| c.kind == CutKind::SaidThat)
            .expect("a said-that cut");
        let kept = apply_cuts(&a, 0, &[cut.span]);
        let shown = join_spans(text, &kept, true);
        assert_eq!(
            shown,
            "Senator Ana Cruz asked the agency to delay the vote."
        );
        assert!(same_words(text, &kept, &shown));
    }

    #[test]
    fn cuts_keep_five_words_and_never_overlap() {
        let text = "However, on Monday, in the rain, with little warning, the old pier collapsed.";
        let doc = Document::new(text);
        let a = WordAnalyzer.analyze(NewsSegmenter::default().segment(&doc));
        let all: Vec<Span> = candidates(&a, 0).iter().map(|c| c.span).collect();
        let kept = apply_cuts(&a, 0, &all);
        let shown = join_spans(text, &kept, true);
        assert!(crate::span::words(&shown).len() >= MIN_WORDS, "{shown:?}");
        assert!(same_words(text, &kept, &shown));
        assert!(kept.windows(2).all(|w| w[0].end <= w[1].start), "{kept:?}");
    }

    #[test]
    fn the_built_in_model_loads_and_compresses() {
        let c = Compressor::new(&CompressConfig::default()).unwrap();
        let text = "On Tuesday, the council, which met until midnight, voted 5-2 to close the \
                    Main Street pool. The pool opened in 1962. Residents said they were angry. \
                    A new vote is set for May.";
        let doc = Document::new(text);
        let a = WordAnalyzer.analyze(NewsSegmenter::default().segment(&doc));
        let mut ctx = DocContext::new(&a);
        ctx.select(&a, &[0]);
        let kept = c.compress(&a, &ctx, 0);
        let shown = join_spans(text, &kept, true);
        assert!(same_words(text, &kept, &shown));
        assert!(shown.contains("voted 5-2 to close"), "{shown:?}");
    }

    #[test]
    fn a_model_of_the_wrong_shape_is_an_error() {
        let m = CompressModel::default();
        assert!(Compressor::from_model(&m).is_err());
    }
}
