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
//! ROUGE against the human highlights (labels from [`crate::train`]). A cut
//! is made when its log-odds clear the threshold; a point keeps at least
//! five words (or its whole sentence).
//!
//! The point is the kept slices joined ([`crate::span::join_spans`]): its
//! words are exactly the words of its spans.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::analyze::{Analyzed, Token};
use crate::score::gbdt::{CompiledGbdt, Gbdt};
use crate::{Error, Span};

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
/// [`MIN_WORDS`] words (or under a third of the sentence); returns the
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

// ---------------------------------------------------------------------------
// Candidate cuts

/// A delimiter of the sentence outside quotations.
#[derive(Clone, Copy, Debug)]
struct Delim {
    /// First byte of the delimiter (a preceding space included for dashes).
    start: usize,
    /// One past its last byte.
    end: usize,
    /// 1 comma, 2 semicolon, 3 dash.
    class: u8,
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}')
}

/// Commas, semicolons and spaced dashes of the sentence at quotation depth
/// zero, and parentheticals; commas between digits are no delimiters.
fn delimiters(text: &str, s: Span) -> (Vec<Delim>, Vec<Span>) {
    let b = text.as_bytes();
    let body = s.slice(text);
    let mut out = Vec::new();
    let mut parens = Vec::new();
    let mut in_straight = false;
    let mut curly = 0i32;
    let mut open_paren: Option<usize> = None;
    for (off, c) in body.char_indices() {
        let at = s.start + off;
        match c {
            '"' => in_straight = !in_straight,
            '\u{201c}' => curly += 1,
            '\u{201d}' => curly = (curly - 1).max(0),
            _ => {}
        }
        if in_straight || curly > 0 {
            continue;
        }
        match c {
            ',' => {
                let digit_before = at > 0 && b[at - 1].is_ascii_digit();
                let digit_after = b.get(at + 1).is_some_and(u8::is_ascii_digit);
                if !(digit_before && digit_after) {
                    out.push(Delim {
                        start: at,
                        end: at + 1,
                        class: 1,
                    });
                }
            }
            ';' => out.push(Delim {
                start: at,
                end: at + 1,
                class: 2,
            }),
            '\u{2014}' | '\u{2013}' | '-' => {
                let w = c.len_utf8();
                let spaced_before = at > 0 && b[at - 1] == b' ';
                let spaced_after = b.get(at + w) == Some(&b' ');
                let double = c == '-' && b.get(at + 1) == Some(&b'-');
                if c == '-' && !double && !(spaced_before && spaced_after) {
                    continue;
                }
                if c != '-' || double || (spaced_before && spaced_after) {
                    let end = at + if double { 2 } else { w };
                    if out.last().is_some_and(|d: &Delim| d.end > at) {
                        continue;
                    }
                    out.push(Delim {
                        start: if spaced_before { at - 1 } else { at },
                        end,
                        class: 3,
                    });
                }
            }
            '(' => open_paren = Some(at),
            ')' => {
                if let Some(o) = open_paren.take() {
                    let start = if o > 0 && b[o - 1] == b' ' { o - 1 } else { o };
                    if start > s.start {
                        parens.push(Span::new(start, at + 1));
                    }
                }
            }
            _ => {}
        }
    }
    (out, parens)
}

/// Where the sentence's final punctuation (and closing quotation marks or
/// brackets after it) begins.
fn final_punct_start(text: &str, s: Span) -> usize {
    let body = s.slice(text);
    let trimmed = body.trim_end_matches(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}', ')']);
    s.start + trimmed.len()
}

/// Whether a sentence opening with `toks` opens with an introductory
/// phrase: a preposition, subordinator or time word; or an `-ly` adverb or
/// a participle (`Speaking to reporters,`) followed by a lowercase word, so
/// that names (`Kelly Smith,`, `Emily,`) are no openers.
fn opens_phrase(text: &str, toks: &[Token]) -> bool {
    const OPENERS: &[&str] = &[
        "in",
        "on",
        "at",
        "for",
        "with",
        "without",
        "by",
        "from",
        "after",
        "before",
        "during",
        "under",
        "over",
        "amid",
        "despite",
        "following",
        "as",
        "while",
        "when",
        "if",
        "although",
        "though",
        "because",
        "since",
        "once",
        "until",
        "unlike",
        "like",
        "last",
        "this",
        "earlier",
        "later",
        "yesterday",
        "today",
        "meanwhile",
        "however",
        "still",
        "instead",
        "now",
        "then",
        "also",
        "but",
        "and",
        "so",
        "yet",
        "according",
        "to",
        "of",
        "into",
        "through",
        "within",
        "among",
        "overall",
        "indeed",
        "separately",
        "elsewhere",
    ];
    let Some(t) = toks.first() else {
        return false;
    };
    let w = t.span.slice(text);
    if lower_eq(w, OPENERS) || t.flags & Token::TIME != 0 {
        return true;
    }
    let suffixed = w.len() > 4 && (w.ends_with("ly") || w.ends_with("ing") || w.ends_with("ed"));
    suffixed
        && toks
            .get(1)
            .is_some_and(|n| n.flags & Token::CAPITALIZED == 0)
}

const CONNECTIVES: &[&str] = &[
    "but",
    "and",
    "however",
    "meanwhile",
    "so",
    "yet",
    "also",
    "now",
    "still",
    "instead",
    "moreover",
    "furthermore",
    "additionally",
    "separately",
    "indeed",
    "overall",
    "then",
];

const TIME_BEFORE: &[&str] = &[
    "on", "last", "this", "earlier", "late", "early", "next", "since",
];
const TIME_UNITS: &[&str] = &[
    "week", "month", "year", "weekend", "night", "summer", "winter",
];
const TIME_AFTER: &[&str] = &["morning", "afternoon", "evening", "night"];

fn lower_eq(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The cuts sentence `i` offers, guarded (see the module docs).
pub fn candidates(doc: &Analyzed<'_>, i: usize) -> Vec<Cut> {
    let text = doc.segmented.doc.text.as_str();
    let s = doc.segmented.sentences[i].span;
    let toks = doc.sentence(i);
    if toks.len() < MIN_WORDS + 2 || s.len() > 4000 {
        return Vec::new();
    }
    let word = |t: &Token| t.span.slice(text);
    let (delims, parens) = delimiters(text, s);
    let fin = final_punct_start(text, s);
    let mut cuts = Vec::new();
    let commas: Vec<&Delim> = delims.iter().collect();
    if let Some(first) = commas.first() {
        // Lead: up to and including the first delimiter and the space after,
        // when it is an opening phrase (`On Tuesday,`, `After the vote,`,
        // `Speaking to reporters,`), never the subject (`The kitten, who`).
        let opener = opens_phrase(text, toks);
        if first.class == 1 && first.start > s.start && opener {
            let mut end = first.end;
            while text.as_bytes().get(end) == Some(&b' ') {
                end += 1;
            }
            if end < fin {
                cuts.push(Cut {
                    span: Span::new(s.start, end),
                    kind: CutKind::Lead,
                });
            }
        }
    }
    for w in commas.windows(2) {
        let (a, b) = (w[0], w[1]);
        if b.start <= a.end {
            continue;
        }
        // Between two commas both go (`the council, which met, voted`);
        // between two dashes, both; mixed delimiters close no aside.
        if a.class != b.class {
            continue;
        }
        let end = b.end;
        cuts.push(Cut {
            span: Span::new(a.start, end.min(fin)),
            kind: CutKind::Inner,
        });
    }
    if let Some(last) = commas.last() {
        if last.end < fin {
            cuts.push(Cut {
                span: Span::new(last.start, fin),
                kind: CutKind::Trail,
            });
        }
    }
    for p in parens {
        cuts.push(Cut {
            span: p,
            kind: CutKind::Paren,
        });
    }
    if let Some(t0) = toks.first() {
        if t0.span.start <= s.start + 1 && lower_eq(word(t0), CONNECTIVES) {
            if let Some(t1) = toks.get(1) {
                cuts.push(Cut {
                    span: Span::new(s.start, t1.span.start),
                    kind: CutKind::Connective,
                });
            }
        }
    }
    // Time phrases (not the sentence's first word).
    let mut k = 1;
    while k < toks.len() {
        let w = word(&toks[k]);
        let unit = lower_eq(w, TIME_UNITS)
            && toks
                .get(k.wrapping_sub(1))
                .is_some_and(|p| lower_eq(word(p), TIME_BEFORE));
        if toks[k].flags & Token::TIME != 0 || unit {
            let mut from = k;
            // `Good Friday`, `Super Tuesday`: a name, not a time phrase.
            // `the Saturday that…`, `every Monday`: the day is the noun of
            // a phrase, and cutting it leaves the determiner dangling.
            let before = word(&toks[k - 1]);
            if (toks[k - 1].flags & Token::CAPITALIZED != 0
                || lower_eq(before, DETERMINERS)
                || lower_eq(before, &["every", "each", "that", "one", "same"]))
                && !lower_eq(before, TIME_BEFORE)
            {
                k += 1;
                continue;
            }
            if lower_eq(word(&toks[from - 1]), TIME_BEFORE) {
                // `on Tuesday` goes whole, or (opening the sentence) not at all.
                if from == 1 {
                    k += 1;
                    continue;
                }
                from -= 1;
            }
            let mut to = k;
            if toks
                .get(k + 1)
                .is_some_and(|n| lower_eq(word(n), TIME_AFTER))
            {
                to += 1;
            }
            let start = toks[from].span.start;
            let end = toks[to].span.end;
            // Only plain words in between, and a space before.
            let inner = &text[start..end];
            // `Saturday's game` keeps its possessive: only a phrase that
            // ends at a space or punctuation goes.
            let ends_clean = text[end..]
                .chars()
                .next()
                .is_none_or(|c| c == ' ' || matches!(c, ',' | '.' | ';' | ':' | ')' | '!' | '?'));
            if from >= 1
                && ends_clean
                && !inner.contains([',', '"', '\u{201c}', '\u{201d}'])
                && text.as_bytes()[start - 1] == b' '
            {
                cuts.push(Cut {
                    span: Span::new(start - 1, end),
                    kind: CutKind::Time,
                });
            }
            k = to + 1;
        } else {
            k += 1;
        }
    }
    said_that(doc, i, &mut cuts);
    clauses(text, toks, &delims, fin, &mut cuts);
    cuts.retain(|c| allowed(text, toks, c));
    cuts
}

const CLAUSE_OPENERS: &[&str] = &[
    "after",
    "before",
    "while",
    "because",
    "despite",
    "amid",
    "following",
    "since",
    "when",
    "including",
    "although",
    "though",
    "where",
    "which",
    "who",
    "that",
    "as",
    "until",
    "unless",
    "whereas",
    "whose",
    "during",
];

/// Secondary clauses with no comma before them: from the opener to the
/// next delimiter or the final punctuation, at least four words in.
fn clauses(text: &str, toks: &[Token], delims: &[Delim], fin: usize, cuts: &mut Vec<Cut>) {
    for k in 4..toks.len().saturating_sub(1) {
        let t = &toks[k];
        if !lower_eq(t.span.slice(text), CLAUSE_OPENERS) {
            continue;
        }
        let before = &text[toks[k - 1].span.end..t.span.start];
        if before != " " {
            continue;
        }
        let end = delims
            .iter()
            .find(|d| d.start > t.span.start)
            .map_or(fin, |d| d.start);
        if end <= t.span.end {
            continue;
        }
        let span = Span::new(t.span.start - 1, end);
        if !span
            .slice(text)
            .contains([',', '"', '\u{201c}', '\u{201d}', '(', ')'])
        {
            cuts.push(Cut {
                span,
                kind: CutKind::Clause,
            });
        }
    }
}

/// `X said Tuesday that he asked` → `X asked`: the cut from `said` to after
/// the pronoun, when `said` comes within the first eight words.
fn said_that(doc: &Analyzed<'_>, i: usize, cuts: &mut Vec<Cut>) {
    let text = doc.segmented.doc.text.as_str();
    let toks = doc.sentence(i);
    let word = |k: usize| toks[k].span.slice(text);
    for k in 1..toks.len().min(8) {
        if !matches!(word(k), "said" | "says") {
            continue;
        }
        let mut j = k + 1;
        while j < toks.len() && j <= k + 4 && word(j) != "that" {
            j += 1;
        }
        if j + 2 >= toks.len() || word(j) != "that" {
            return;
        }
        if !matches!(word(j + 1), "he" | "she" | "they" | "it" | "we") {
            return;
        }
        let span = Span::new(toks[k].span.start, toks[j + 2].span.start);
        if !span
            .slice(text)
            .contains([',', '"', '\u{201c}', '\u{201d}'])
        {
            cuts.push(Cut {
                span,
                kind: CutKind::SaidThat,
            });
        }
        return;
    }
}

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "cannot", "without",
    "deny", "denied", "denies", "denying", "refused", "refuses", "refuse", "unable", "nowhere",
    "t",
];

/// A cut must not take a negation, an attribution (but for the empty one of
/// [`CutKind::SaidThat`]), half a quotation, or most of the sentence.
fn allowed(text: &str, toks: &[Token], c: &Cut) -> bool {
    let slice = c.span.slice(text);
    if slice.is_empty() {
        return false;
    }
    let straight = slice.matches('"').count();
    let opens = slice.matches('\u{201c}').count();
    let closes = slice.matches('\u{201d}').count();
    if !straight.is_multiple_of(2) || opens != closes {
        return false;
    }
    let inside: Vec<&Token> = toks
        .iter()
        .filter(|t| c.span.start <= t.span.start && t.span.end <= c.span.end)
        .collect();
    if inside.is_empty() || inside.len() * 2 > toks.len() {
        return false;
    }
    // `Jane Doe, a singer, has died, aged 78`: a phrase between commas that
    // opens with an auxiliary or a verb of the main clause is no aside.
    if matches!(c.kind, CutKind::Inner | CutKind::Trail)
        && lower_eq(
            inside[0].span.slice(text),
            &[
                "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could",
                "may", "might", "must", "should", "did", "does", "do",
            ],
        )
    {
        return false;
    }
    inside.iter().all(|t| {
        let w = t.span.slice(text);
        !lower_eq(w, NEGATIONS)
            && (c.kind == CutKind::SaidThat || t.flags & Token::ATTRIBUTION == 0)
            && !lower_eq(
                w,
                &[
                    "say", "says", "tells", "claimed", "claims", "insisted", "stated",
                ],
            )
    })
}

// ---------------------------------------------------------------------------
// Features

const RELATIVES: &[&str] = &["who", "which", "whose", "where", "whom", "when", "that"];
const SUBORDINATORS: &[&str] = &[
    "while",
    "although",
    "though",
    "as",
    "after",
    "before",
    "because",
    "since",
    "if",
    "despite",
    "including",
    "unless",
    "until",
    "whereas",
    "even",
    "once",
    "amid",
];
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "our", "my"];
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "for", "with", "by", "from", "of", "to", "during", "under", "over", "into",
    "near", "between", "against", "about", "through", "across",
];

/// What every cut of one sentence reads of it: its delimiters and where
/// its final punctuation starts, found once per sentence.
struct SentenceShape {
    delims: Vec<Delim>,
    fin: usize,
}

/// The feature row of cut `c` of sentence `i`.
/// `probs` holds the word model's probability for each word of the sentence.
fn cut_features(
    doc: &Analyzed<'_>,
    ctx: &DocContext,
    i: usize,
    c: &Cut,
    probs: &[f32],
    shape: &SentenceShape,
) -> [f32; CUT_FEATURES] {
    let text = doc.segmented.doc.text.as_str();
    let s = doc.segmented.sentences[i].span;
    let toks = doc.sentence(i);
    let n = toks.len().max(1) as f32;
    let first_k = toks.partition_point(|t| t.span.start < c.span.start);
    let inside: &[Token] = {
        let to = toks.partition_point(|t| t.span.end <= c.span.end);
        &toks[first_k..to.max(first_k)]
    };
    let m = inside.len().max(1) as f32;
    let slice = c.span.slice(text);
    // The first word of the phrase, past a leading delimiter.
    let first = inside.first().map(|t| t.span.slice(text)).unwrap_or("");
    let (fin, delims) = (shape.fin, &shape.delims);
    let delim_class = |at: usize| -> f32 {
        delims
            .iter()
            .find(|d| d.start <= at && at < d.end.max(d.start + 1))
            .map_or(0.0, |d| f32::from(d.class))
    };
    let content: Vec<&Token> = inside.iter().filter(|t| t.is_content()).collect();
    let freqs: Vec<f32> = content
        .iter()
        .map(|t| f32::from(ctx.frequency.get(t.stem as usize).copied().unwrap_or(0)))
        .collect();
    let mean_f = if freqs.is_empty() {
        0.0
    } else {
        freqs.iter().sum::<f32>() / freqs.len() as f32
    };
    let max_f = freqs.iter().copied().fold(0.0, f32::max);
    let cw = content.len().max(1) as f32;
    let title = content
        .iter()
        .filter(|t| doc.title_stems.contains(&t.stem))
        .count() as f32
        / cw;
    let lead = content
        .iter()
        .filter(|t| ctx.lead.binary_search(&t.stem).is_ok())
        .count() as f32
        / cw;
    let caps = inside
        .iter()
        .filter(|t| t.flags & Token::CAPITALIZED != 0 && t.span.start > s.start)
        .count() as f32;
    let next = toks.get(first_k + inside.len());
    let in_cut = |k: usize| k >= first_k && k < first_k + inside.len();
    let (mut sum_in, mut sum_out) = (0.0f32, 0.0f32);
    for (k, p) in probs.iter().enumerate() {
        if in_cut(k) {
            sum_in += p;
        } else {
            sum_out += p;
        }
    }
    let rest = (toks.len() - inside.len()).max(1) as f32;
    let elsewhere = content
        .iter()
        .filter(|t| ctx.selected.get(t.stem as usize).is_some_and(|&c| c >= 2))
        .count() as f32
        / cw;
    [
        c.kind as u8 as f32,
        inside.len() as f32,
        inside.len() as f32 / n,
        toks.len() as f32,
        first_k as f32 / n,
        f32::from(u8::from(c.span.end >= fin)),
        f32::from(u8::from(lower_eq(first, RELATIVES))),
        f32::from(u8::from(lower_eq(first, SUBORDINATORS))),
        f32::from(u8::from(lower_eq(first, DETERMINERS))),
        f32::from(u8::from(lower_eq(first, PREPOSITIONS))),
        f32::from(u8::from(first.len() > 4 && first.ends_with("ing"))),
        f32::from(u8::from(first.starts_with(|ch: char| ch.is_uppercase()))),
        f32::from(u8::from(
            inside.iter().any(|t| t.flags & Token::NUMBER != 0),
        )),
        caps / m,
        f32::from(u8::from(slice.contains(is_quote_char))),
        f32::from(u8::from(inside.iter().any(|t| t.flags & Token::TIME != 0))),
        mean_f,
        max_f,
        title,
        lead,
        ctx.body_index.get(i).copied().unwrap_or(0).min(100) as f32,
        inside.iter().filter(|t| t.is_stop()).count() as f32 / m,
        delim_class(c.span.start),
        delim_class(c.span.end.saturating_sub(1)),
        content.len() as f32,
        delims.iter().filter(|d| d.class == 1).count() as f32,
        f32::from(u8::from(
            inside
                .iter()
                .any(|t| lower_eq(t.span.slice(text), &["and", "or"])),
        )),
        f32::from(u8::from(
            next.is_some_and(|t| t.flags & Token::CAPITALIZED != 0),
        )),
        elsewhere,
        f32::from(u8::from(first.eq_ignore_ascii_case("that"))),
        f32::from(u8::from(lower_eq(
            first,
            &[
                "after", "before", "when", "since", "while", "as", "until", "during",
            ],
        ))),
        first_k as f32,
        sum_in / m,
        sum_in,
        inside.len() as f32 - sum_in,
        sum_out / rest,
    ]
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
