//! How far to trust each quote: a boosted-tree model over the shape of its
//! speaker, cue and content, trained by `nutgraf train-quotes` on PolNeAR
//! train, where a quote counts as right when the scorer pairs its content
//! with a gold attribution and its speaker (if it names one) overlaps the
//! gold source.
//!
//! The rules find quotes; this model says which of them an editor can
//! trust. Its log-odds become each quote's `confidence` (a probability), and
//! the default list keeps the quotes at or above [`DEFAULT_MIN_CONFIDENCE`],
//! chosen on PolNeAR dev for speaker precision (see the README's model card).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::{Quote, QuoteKind};
use crate::analyze::stopwords::is_stop_word_in_any_case;
use crate::score::gbdt::{self, CompiledGbdt, Gbdt};

/// The built-in model, as `nutgraf train-quotes` writes it.
pub const MODEL_JSON: &str = include_str!("../../models/quote-confidence.json");

/// The confidence under which a direct quote leaves the default list
/// (reported speech: [`DEFAULT_MIN_REPORTED_CONFIDENCE`]). Chosen on
/// PolNeAR dev for speaker precision of at least 0.85 and checked on train
/// by cross-validation; the README's model card has the table.
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.4;

/// The confidence under which reported speech (no quotation marks) leaves
/// the default list: the cue tagger's finds are less sure than quotation
/// marks, and at 0.5 speaker precision on PolNeAR dev stays at 0.85 (0.835
/// at 0.4) while direct quotes keep their recall.
pub const DEFAULT_MIN_REPORTED_CONFIDENCE: f32 = 0.5;

/// True when `q` reaches the least confidence for its kind: `direct` for
/// direct quotes, `reported` for the rest.
pub fn reaches(q: &Quote, direct: f32, reported: f32) -> bool {
    q.confidence
        >= match q.kind {
            QuoteKind::Direct => direct,
            QuoteKind::Indirect => reported,
        }
}

/// Feature names, in row order.
pub const FEATURES: [&str; 30] = [
    "direct",
    "has_cue",
    "has_speaker",
    "speaker_words",
    "speaker_first_capitalized",
    "speaker_pronoun",
    "speaker_first_stop",
    "speaker_last_stop",
    "speaker_possessive",
    "speaker_punctuation",
    "speaker_capitalized_share",
    "speaker_resolved",
    "speaker_verb_like",
    "speaker_name_words",
    "cue_words",
    "cue_class",
    "cue_core",
    "cue_according",
    "cue_ing",
    "cue_ed",
    "speaker_before_cue",
    "speaker_cue_gap",
    "content_words",
    "content_spans",
    "content_quote_marks",
    "content_starts_that",
    "position",
    "quotes_in_document",
    "speaker_mentions",
    "cue_after_content",
];

const NF: usize = FEATURES.len();

static MODEL: LazyLock<Option<Gbdt>> = LazyLock::new(|| gbdt::parse_model(MODEL_JSON, NF).ok());

/// The built-in model (`None` only if its JSON were broken; a test checks
/// that it is not, and every quote then gets confidence 1).
pub fn model() -> Option<&'static Gbdt> {
    MODEL.as_ref()
}

/// The built-in model compiled for prediction.
static COMPILED: LazyLock<Option<CompiledGbdt>> =
    LazyLock::new(|| self::model().and_then(|m| CompiledGbdt::new(m).ok()));

/// Words of `s`: runs split at whitespace, with edge punctuation trimmed.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// In one pass: how many [`words`] `s` has (its whitespace-separated
/// pieces with a letter or digit in them), and how many double quotation
/// marks.
fn words_and_marks(s: &str) -> (usize, usize) {
    let (mut words, mut marks) = (0, 0);
    // In a piece that has had a letter or digit yet.
    let mut counted = false;
    for c in s.chars() {
        if c.is_whitespace() {
            counted = false;
        } else if c.is_alphanumeric() {
            words += usize::from(!counted);
            counted = true;
        } else if matches!(c, '"' | '\u{201c}' | '\u{201d}') {
            marks += 1;
        }
    }
    (words, marks)
}

fn capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn lower_in(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
const CORE_CUES: &[&str] = &["said", "says", "say", "told", "tells", "tell", "saying"];

/// How many of a document's quotes each speaker has (by resolved name, else
/// the speaker as written): counted once per document, not per quote.
pub fn speaker_counts<'q>(text: &'q str, quotes: &'q [Quote]) -> FxHashMap<&'q str, usize> {
    let mut counts = FxHashMap::default();
    for q in quotes {
        if let Some(name) = q
            .speaker_name
            .as_deref()
            .or(q.speaker.map(|p| p.slice(text)))
        {
            *counts.entry(name).or_insert(0) += 1;
        }
    }
    counts
}

/// The features of quote `i` of a document's `quotes`, in [`FEATURES`]
/// order; `counts` is [`speaker_counts`] of the same quotes.
pub fn features(
    text: &str,
    quotes: &[Quote],
    i: usize,
    counts: &FxHashMap<&str, usize>,
) -> [f32; NF] {
    let q = &quotes[i];
    let mut x = [0f32; NF];
    let b = |v: bool| f32::from(u8::from(v));
    x[0] = b(q.kind == QuoteKind::Direct);
    x[1] = b(q.cue.is_some());
    x[2] = b(q.speaker.is_some());
    if let Some(sp) = q.speaker {
        let s = sp.slice(text);
        let ws: Vec<&str> = words(s).collect();
        x[3] = ws.len() as f32;
        if let (Some(first), Some(last)) = (ws.first(), ws.last()) {
            x[4] = b(capitalized(first));
            x[5] = b(ws.len() == 1 && lower_in(first, PRONOUNS));
            x[6] = b(is_stop_word_in_any_case(first) && !lower_in(first, PRONOUNS));
            x[7] = b(is_stop_word_in_any_case(last) && !lower_in(last, PRONOUNS));
        }
        x[8] = b(s.ends_with("'s") || s.ends_with("\u{2019}s") || s.ends_with('\''));
        x[9] = b(s.contains([',', '"', '\u{201c}', '\u{201d}', '(', ':', ';']));
        x[10] = ws.iter().filter(|w| capitalized(w)).count() as f32 / ws.len().max(1) as f32;
        x[11] = b(q.speaker_name.as_deref().is_some_and(|n| n != s));
        x[12] = b(ws
            .iter()
            .any(|w| !capitalized(w) && (w.ends_with("ed") || w.ends_with("ing"))));
        x[13] = q
            .speaker_name
            .as_deref()
            .map_or(ws.len(), |n| words(n).count()) as f32;
        let name = q.speaker_name.as_deref().unwrap_or(s);
        x[28] = counts.get(name).copied().unwrap_or(0) as f32;
    }
    if let Some(c) = q.cue {
        let s = c.slice(text);
        let ws: Vec<&str> = words(s).collect();
        x[14] = ws.len() as f32;
        let first = ws.first().copied().unwrap_or("");
        x[15] = f32::from(super::lexicon::rule_class(super::lexicon::word_class(
            first,
        )));
        x[16] = b(lower_in(first, CORE_CUES));
        x[17] = b(first.eq_ignore_ascii_case("according"));
        x[18] = b(first.ends_with("ing"));
        x[19] = b(first.ends_with("ed"));
        if let Some(sp) = q.speaker {
            x[20] = b(sp.start < c.start);
            let (a, z) = if sp.end <= c.start {
                (sp.end, c.start)
            } else {
                (c.end.min(sp.start), sp.start)
            };
            x[21] = text.get(a..z).map_or(0, |g| words(g).count()) as f32;
        }
        x[29] = b(q.content.first().is_some_and(|f| c.start >= f.end));
    }
    let (content_words, marks) = q
        .content
        .iter()
        .map(|c| words_and_marks(c.slice(text)))
        .fold((0, 0), |(w, m), (a, b)| (w + a, m + b));
    x[22] = content_words as f32;
    x[23] = q.content.len() as f32;
    x[24] = marks as f32;
    x[25] = b(q
        .content
        .first()
        .and_then(|c| words(c.slice(text)).next())
        .is_some_and(|w| w.eq_ignore_ascii_case("that")));
    x[26] = q
        .content
        .first()
        .map_or(0.0, |c| c.start as f32 / text.len().max(1) as f32);
    x[27] = quotes.len() as f32;
    x
}

/// Sets every quote's `confidence` from `model` (the built-in one when
/// `None`).
pub fn assign(text: &str, quotes: &mut [Quote], model: Option<&Gbdt>) {
    let Some(model) = model.or(self::model()) else {
        return;
    };
    let Some(m) = gbdt::compiled(model, self::model().zip(COMPILED.as_ref())) else {
        return;
    };
    let counts = speaker_counts(text, quotes);
    let rows: Vec<[f32; NF]> = (0..quotes.len())
        .map(|i| features(text, quotes, i, &counts))
        .collect();
    let p = m
        .predict_rows(&rows)
        .into_iter()
        .map(|z| 1.0 / (1.0 + (-z).exp()));
    for (q, p) in quotes.iter_mut().zip(p) {
        // Two decimals: stable output, and no false precision.
        q.confidence = (p * 100.0).round() / 100.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_model_loads() {
        let m = model().expect("the built-in quote model parses");
        assert_eq!(m.features, FEATURES);
    }

    #[test]
    fn words_and_marks_count_as_words_and_a_char_filter_do() {
        for s in [
            "“We will — we must — win,” she said.\u{a0}Café 42 -- ok",
            "",
            "  \"...\"  ",
            "a-b c'd \u{201d}e\u{201c}",
        ] {
            let marks = s
                .chars()
                .filter(|&c| matches!(c, '"' | '\u{201c}' | '\u{201d}'));
            assert_eq!(
                words_and_marks(s),
                (words(s).count(), marks.count()),
                "{s:?}"
            );
        }
    }
}
