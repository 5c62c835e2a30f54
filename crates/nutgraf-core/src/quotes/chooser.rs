//! Which words of the text name a quote's speaker: a boosted-tree model
//! over every word near the quote, trained by `nutgraf train-quotes` on
//! PolNeAR train, where a word is right when it lies in the gold source of
//! the attribution the quote pairs with.
//!
//! The rules pick a speaker phrase by shape (`"...," X said`, `X said
//! that ...`). Where two phrases fit (`Allen did suggest`, after
//! `Acknowledging that ...`), or none does, this model looks at each word of
//! the quote's sentence and the sentences on either side, and its best
//! word replaces the rules' speaker when it beats the best word of that
//! speaker by [`MARGIN`] (in log-odds) and is itself likely enough
//! ([`MIN_SCORE`]). The chosen word grows into its phrase (a name, a
//! pronoun, or a noun phrase ending at it).

use std::sync::LazyLock;

use super::scan::{self, Tok, TokKind};
use super::{coref, lexicon, phrase, Quote, QuoteKind};
use crate::analyze::stopwords::{is_stop_word, is_stop_word_in_any_case};
use crate::score::gbdt::{self, CompiledGbdt, Gbdt};
use crate::Span;

/// The built-in model, as `nutgraf train-quotes` writes it.
pub const MODEL_JSON: &str = include_str!("../../models/quote-speaker.json");

/// How much better (log-odds) the best word must score than the rules'
/// speaker to replace it; chosen by cross-validation on PolNeAR train (the
/// README's model card).
pub const MARGIN: f32 = 0.5;

/// The least log-odds of a word chosen as speaker.
pub const MIN_SCORE: f32 = -2.0;

/// Words looked at on each side of the quote, at most.
const REACH: usize = 60;

/// Feature names, in row order.
pub const FEATURES: [&str; 37] = [
    "direct",
    "has_cue",
    "rule_has_speaker",
    "in_rule_speaker",
    "cue_distance",
    "content_distance",
    "sentence_delta",
    "capitalized",
    "sentence_initial",
    "pronoun",
    "subject_pronoun",
    "stop_word",
    "word_class",
    "verb_like",
    "cue_next",
    "cue_before",
    "comma_next",
    "comma_before",
    "determiner_before",
    "name_run",
    "name_run_last",
    "suffix_ing",
    "suffix_ly",
    "suffix_ed",
    "possessive",
    "not_name",
    "word_length",
    "quote_marks_between",
    "verbs_to_cue",
    "commas_to_cue",
    "all_caps",
    "acronym",
    "parenthesis_next",
    "lead_word",
    "verb_next",
    "stop_word_before",
    "rule_speaker_words",
];

const NF: usize = FEATURES.len();

static MODEL: LazyLock<Option<Gbdt>> = LazyLock::new(|| gbdt::parse_model(MODEL_JSON, NF).ok());

/// The built-in model (`None` only if its JSON were broken; a test checks
/// that it is not, and the rules' speakers then stand).
pub fn model() -> Option<&'static Gbdt> {
    MODEL.as_ref()
}

/// The built-in model compiled for prediction.
static COMPILED: LazyLock<Option<CompiledGbdt>> =
    LazyLock::new(|| model().and_then(|m| CompiledGbdt::new(m).ok()));

/// The candidate words of one quote and what is known of the quote.
pub struct Context {
    /// Token indices of the candidate words, in text order.
    pub words: Vec<usize>,
    cue: Option<(usize, usize)>,
    speaker: Option<(usize, usize)>,
    /// Token ranges of the content spans.
    content: Vec<(usize, usize)>,
    /// Sentence index of each candidate word, and of the content's first.
    sentence_of: Vec<usize>,
    content_sentence: (usize, usize),
    /// Sentence starts (token index) of the candidates' sentences.
    first_word_of_sentence: Vec<usize>,
    direct: bool,
}

/// Token range `[from, to)` covering byte span `s`.
fn tok_range(toks: &[Tok], s: Span) -> (usize, usize) {
    let from = toks.partition_point(|t| t.end <= s.start);
    let to = toks.partition_point(|t| t.start < s.end);
    (from, to.max(from))
}

fn sentence_index(sentences: &[Span], at: usize) -> usize {
    sentences.partition_point(|s| s.end <= at)
}

/// True for a word that may be (part of) a speaker: not a lowercase
/// function word (`the`, `of`, `and`) unless it is a pronoun, relative or
/// demonstrative (`who`, `that`) or a quantifier (`some`, `others`). The
/// chooser leaves the rest out: about a third of the words near a quote.
fn may_name(text: &str, t: &Tok) -> bool {
    let w = t.slice(text);
    if !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return true;
    }
    !is_stop_word(w)
        || coref::is_pronoun(w)
        || matches!(
            w,
            "who"
                | "whom"
                | "which"
                | "that"
                | "this"
                | "these"
                | "those"
                | "some"
                | "others"
                | "both"
                | "all"
                | "each"
                | "few"
                | "most"
                | "any"
                | "them"
        )
}

/// The candidate words of `q`: words of the sentence before its content,
/// the sentences it spans and the one after, at most `REACH` words each
/// way, outside its content, leaving out function words
/// (see `may_name`).
pub fn context(text: &str, toks: &[Tok], sentences: &[Span], q: &Quote) -> Option<Context> {
    let first = q.content.iter().map(|c| c.start).min()?;
    let last = q.content.iter().map(|c| c.end).max()?;
    let s0 = sentence_index(sentences, first);
    let s1 = sentence_index(sentences, last.saturating_sub(1));
    let lo_byte = sentences
        .get(s0.saturating_sub(1))
        .map_or(first, |s| s.start.min(first));
    let hi_byte = sentences
        .get(s1 + 1)
        .or(sentences.get(s1))
        .map_or(last, |s| s.end.max(last));
    let content: Vec<(usize, usize)> = q.content.iter().map(|&c| tok_range(toks, c)).collect();
    let (cf, cl) = (
        content.iter().map(|c| c.0).min()?,
        content.iter().map(|c| c.1).max()?,
    );
    let lo = toks
        .partition_point(|t| t.start < lo_byte)
        .max(cf.saturating_sub(REACH));
    let hi = toks
        .partition_point(|t| t.start < hi_byte)
        .min(cl + REACH)
        .min(toks.len());
    let inside = |k: usize| content.iter().any(|&(a, b)| (a..b).contains(&k));
    let words: Vec<usize> = (lo..hi)
        .filter(|&k| toks[k].kind == TokKind::Word && !inside(k) && may_name(text, &toks[k]))
        .collect();
    let sentence_of: Vec<usize> = words
        .iter()
        .map(|&k| sentence_index(sentences, toks[k].start))
        .collect();
    let first_word_of_sentence = sentence_of
        .iter()
        .map(|&s| {
            sentences
                .get(s)
                .map_or(lo, |sp| toks.partition_point(|t| t.start < sp.start))
        })
        .collect();
    Some(Context {
        words,
        cue: q.cue.map(|c| tok_range(toks, c)),
        speaker: q.speaker.map(|s| tok_range(toks, s)),
        content,
        sentence_of,
        content_sentence: (s0, s1),
        first_word_of_sentence,
        direct: q.kind == QuoteKind::Direct,
    })
}

fn flag(b: bool) -> f32 {
    f32::from(u8::from(b))
}

fn clamp(d: isize) -> f32 {
    d.clamp(-(REACH as isize), REACH as isize) as f32
}

/// What the features count over runs of tokens, read once per article:
/// prefix counts of verb-like words, commas and quotation marks, so that a
/// candidate's counts up to the cue cost two look-ups.
pub struct Counts {
    verb_like: Vec<bool>,
    verbs: Vec<u32>,
    commas: Vec<u32>,
    marks: Vec<u32>,
}

impl Counts {
    /// Reads the article's tokens.
    pub fn new(text: &str, toks: &[Tok]) -> Counts {
        let verb_like: Vec<bool> = (0..toks.len())
            .map(|j| toks[j].kind == TokKind::Word && lexicon::is_verb_like(text, toks, j))
            .collect();
        let prefix = |f: &dyn Fn(usize) -> bool| {
            let mut out = Vec::with_capacity(toks.len() + 1);
            let mut n = 0u32;
            out.push(0);
            for j in 0..toks.len() {
                n += u32::from(f(j));
                out.push(n);
            }
            out
        };
        let verbs = prefix(&|j| verb_like[j]);
        let commas = prefix(&|j| scan::is_comma(text, &toks[j]));
        let marks = prefix(&|j| toks[j].kind == TokKind::Quote);
        Counts {
            verb_like,
            verbs,
            commas,
            marks,
        }
    }

    fn in_range(prefix: &[u32], r: std::ops::Range<usize>) -> usize {
        if r.end <= r.start {
            return 0;
        }
        (prefix[r.end] - prefix[r.start]) as usize
    }
}

/// True when `w` ends with `suffix` (lowercase) in any case: no character
/// outside ASCII lowercases to the ASCII letters of a suffix here.
fn ends_with_in_any_case(w: &str, suffix: &str) -> bool {
    w.len() >= suffix.len()
        && w.as_bytes()[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// The feature row of candidate `i` of `ctx`.
pub fn features(text: &str, toks: &[Tok], counts: &Counts, ctx: &Context, i: usize) -> [f32; NF] {
    let k = ctx.words[i];
    let t = &toks[k];
    let w = t.slice(text);
    let upper = scan::starts_upper(w);
    let word = |j: usize| toks.get(j).filter(|t| t.kind == TokKind::Word);
    let prev = k.checked_sub(1).and_then(|j| toks.get(j));
    let next = toks.get(k + 1);
    let is_name_word = |j: usize| {
        word(j).is_some_and(|t| {
            let s = t.slice(text);
            scan::starts_upper(s) && !coref::is_not_name(s)
        })
    };
    let (mut a, mut b) = (k, k + 1);
    if is_name_word(k) {
        while a > 0 && is_name_word(a - 1) {
            a -= 1;
        }
        while is_name_word(b) {
            b += 1;
        }
    }
    let (cue_distance, cue_next, cue_before, verbs_to_cue, commas_to_cue) = match ctx.cue {
        Some((cf, cl)) => {
            let d = if k < cf {
                k as isize - cf as isize
            } else {
                k as isize - cl as isize + 1
            };
            let between = if k < cf { k + 1..cf } else { cl..k };
            let verbs = Counts::in_range(&counts.verbs, between.clone());
            let commas = Counts::in_range(&counts.commas, between);
            (
                clamp(d),
                flag(k + 1 == cf),
                flag(k == cl),
                verbs.min(9) as f32,
                commas.min(9) as f32,
            )
        }
        None => (99.0, 0.0, 0.0, 9.0, 9.0),
    };
    let (cf, cl) = (
        ctx.content.iter().map(|c| c.0).min().unwrap_or(k),
        ctx.content.iter().map(|c| c.1).max().unwrap_or(k),
    );
    let content_distance = if k < cf {
        k as isize - cf as isize
    } else if k >= cl {
        k as isize - cl as isize + 1
    } else {
        0
    };
    let marks = if k < cf { k + 1..cf } else { cl..k };
    let quote_marks = Counts::in_range(&counts.marks, marks);
    let s = ctx.sentence_of[i];
    let sentence_delta = if s < ctx.content_sentence.0 {
        s as isize - ctx.content_sentence.0 as isize
    } else if s > ctx.content_sentence.1 {
        s as isize - ctx.content_sentence.1 as isize
    } else {
        0
    };
    let first_word = (ctx.first_word_of_sentence[i]..k).all(|j| toks[j].kind != TokKind::Word);
    let in_rule = ctx.speaker.is_some_and(|(a, b)| (a..b).contains(&k));
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let caps = w.chars().filter(|c| c.is_uppercase()).count();
    [
        flag(ctx.direct),
        flag(ctx.cue.is_some()),
        flag(ctx.speaker.is_some()),
        flag(in_rule),
        cue_distance,
        clamp(content_distance),
        sentence_delta.clamp(-3, 3) as f32,
        flag(upper),
        flag(first_word),
        flag(coref::is_pronoun(w)),
        flag(coref::is_subject_pronoun(w)),
        flag(is_stop_word_in_any_case(w)),
        f32::from(lexicon::rule_class(t.class)),
        flag(counts.verb_like[k]),
        cue_next,
        cue_before,
        flag(next.is_some_and(|t| scan::is_comma(text, t))),
        flag(prev.is_some_and(|t| scan::is_comma(text, t))),
        flag(prev.is_some_and(|p| lexicon::is_determiner(text, p))),
        (b - a).min(9) as f32,
        flag(is_name_word(k) && b == k + 1),
        flag(ends_with_in_any_case(w, "ing")),
        flag(ends_with_in_any_case(w, "ly")),
        flag(ends_with_in_any_case(w, "ed")),
        flag(ends_with_in_any_case(w, "'s") || ends_with_in_any_case(w, "\u{2019}s")),
        flag(coref::is_not_name(w)),
        w.len().min(20) as f32,
        quote_marks.min(9) as f32,
        verbs_to_cue,
        commas_to_cue,
        flag(letters > 1 && caps == letters),
        flag(letters >= 2 && caps == letters && letters <= 5),
        flag(next.is_some_and(|t| t.slice(text) == "(")),
        flag(coref::is_lead_word(w)),
        flag(counts.verb_like.get(k + 1).copied().unwrap_or(false)),
        flag(
            prev.is_some_and(|p| {
                p.kind == TokKind::Word && is_stop_word_in_any_case(p.slice(text))
            }),
        ),
        ctx.speaker.map_or(0.0, |(a, b)| {
            (a..b)
                .filter(|&j| toks[j].kind == TokKind::Word)
                .count()
                .min(12) as f32
        }),
    ]
}

/// The phrase around chosen word `k`: a pronoun alone, a run of
/// capitalized words, else the noun phrase ending at it.
fn grow(text: &str, toks: &[Tok], k: usize) -> Span {
    let t = &toks[k];
    let w = t.slice(text);
    if coref::is_pronoun(w) {
        return Span::new(t.start, t.end);
    }
    let cap = |j: usize| {
        toks.get(j).is_some_and(|t| {
            t.kind == TokKind::Word && scan::starts_upper(t.slice(text)) && {
                let s = t.slice(text);
                !coref::is_not_name(s) && !coref::is_lead_word(s)
            }
        })
    };
    if cap(k) {
        let (mut a, mut b) = (k, k + 1);
        while a > 0 && cap(a - 1) {
            a -= 1;
        }
        while cap(b) {
            b += 1;
        }
        return Span::new(toks[a].start, toks[b - 1].end);
    }
    let lo = k.saturating_sub(8);
    scan::noun_phrase_back(text, toks, lo, k + 1)
        .filter(|s| s.start <= t.start && s.end >= t.end)
        .unwrap_or(Span::new(t.start, t.end))
}

/// Re-chooses the speakers of `quotes` (before name resolution) with
/// `model`: see the module's notes.
pub fn rechoose(text: &str, toks: &[Tok], sentences: &[Span], quotes: &mut [Quote], model: &Gbdt) {
    rechoose_with(text, toks, sentences, quotes, model, MARGIN, MIN_SCORE);
}

/// [`rechoose`] with a given margin and least score.
pub fn rechoose_with(
    text: &str,
    toks: &[Tok],
    sentences: &[Span],
    quotes: &mut [Quote],
    model: &Gbdt,
    margin: f32,
    min_score: f32,
) {
    let Some(compiled) = gbdt::compiled(model, self::model().zip(COMPILED.as_ref())) else {
        return;
    };
    let mut rows: Vec<[f32; NF]> = Vec::new();
    // Read once, and only for an article with a quote to choose for.
    let mut counts: Option<Counts> = None;
    for q in quotes.iter_mut() {
        // A transcript label is the speaker by the page's layout; reported
        // speech keeps the rules' speaker (on PolNeAR the model gains there
        // on neither dev nor train).
        if q.cue.is_some_and(|c| c.slice(text) == ":") || q.kind != QuoteKind::Direct {
            continue;
        }
        // A speaker right beside its cue (`X said`, `said X`) stands: the
        // model almost never overrules one (PolNeAR train: the same
        // figures with or without it), and skipping it saves a third of
        // the rows.
        if let (Some(sp), Some(cue)) = (q.speaker, q.cue) {
            let (a, b) = tok_range(toks, sp);
            let (cf, cl) = tok_range(toks, cue);
            if b == cf || a == cl {
                continue;
            }
        }
        let Some(ctx) = context(text, toks, sentences, q) else {
            continue;
        };
        let counts = counts.get_or_insert_with(|| Counts::new(text, toks));
        rows.clear();
        rows.extend((0..ctx.words.len()).map(|i| features(text, toks, counts, &ctx, i)));
        let scores = compiled.predict_rows(&rows);
        let mut best: Option<(f32, usize)> = None;
        let mut rule_best = f32::NEG_INFINITY;
        for (i, (row, &z)) in rows.iter().zip(&scores).enumerate() {
            if row[3] > 0.5 {
                rule_best = rule_best.max(z);
            }
            if best.is_none_or(|(bz, _)| z > bz) {
                best = Some((z, i));
            }
        }
        let Some((z, i)) = best else {
            continue;
        };
        let k = ctx.words[i];
        let in_rule = ctx.speaker.is_some_and(|(a, b)| (a..b).contains(&k));
        if in_rule || z < min_score || z < rule_best + margin {
            continue;
        }
        // A phrase that names no one (`Despite`) never replaces the rules'.
        let phrase = grow(text, toks, k);
        let (from, to) = tok_range(toks, phrase);
        if let Some(p) = phrase::speaker_phrase(text, &toks[from..to]) {
            q.speaker = Some(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_model_loads() {
        let m = model().expect("the built-in speaker model parses");
        assert_eq!(m.features, FEATURES);
    }
}
