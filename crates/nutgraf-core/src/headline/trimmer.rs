//! A headline from the lead: a grounded compression of its first sentence.
//!
//! Headline writers keep the lead's who-did-what and drop the rest. The
//! rules follow Dorr et al.'s Hedge Trimmer (2003), adapted to work on words
//! and punctuation only (no parser; a few microseconds an article):
//!
//! 1. **Lead.** The first body sentence of at least six words that ends like
//!    a sentence, among the first few (match previews open with venue and
//!    kick-off lines).
//! 2. **Drop** what headlines leave out: a leading adverbial clause (`On
//!    Monday, `, `After a long debate, `), text in brackets or between paired
//!    dashes, relative and `after`/`following` clauses opened by a comma, an
//!    appositive between two commas after the subject, an attribution tail
//!    (`, police said`; `, according to ...`), articles, time phrases (`on
//!    Tuesday`, `last week`), and the auxiliaries headline-ese leaves out
//!    (`has posted` → `posted`, `is to` → `to`, `is writing` → `writing`,
//!    `has been found` → `found`; not `has fallen` → `fallen`).
//! 3. **Cut** where a phrase ends: the end, a clause boundary, or before a
//!    preposition or subordinating conjunction, after the first verb and
//!    not inside a relative clause still waiting for its verb, leaving
//!    [`MIN_WORDS`] to [`MAX_WORDS`] words; then drop what is left dangling
//!    at the end (function words, a possessive, `able` before its `to`).
//!
//! Where to cut is what the learned part decides. Every token of the lead
//! gets a probability that the article's headline would use its word, from
//! a small boosted-tree model ([`KEEP_MODEL`]) over [`KEEP_FEATURES`]: above
//! all how often the word comes back later in the article (in BBC news a
//! lead word that never does is in the title 7% of the time, one that comes
//! back five times or more over 40%), then its class, case and place. The
//! cut is the one that maximizes the expected ROUGE-1 F1 against a headline
//! of [`REF_TOKENS`] tokens, `2 Σp / (REF_TOKENS + tokens)`, over up to four
//! rule-made candidates: the trimmed lead; without its `X said (that)`
//! opening; and either with its subject cut to a surname the article later
//! uses alone (`Chelsea left-back Wayne Bridge could miss` → `Bridge could
//! miss`). Only rule-made cuts are scored, so the model makes headlines
//! shorter, never less grammatical. Without a model the cut falls at the
//! first boundary after [`MIN_WORDS`] words, or before the last preposition
//! within [`SOFT_WORDS`].
//!
//! Each run of kept words becomes one span, so the shown headline's words
//! are the text's words (`crate::span::same_words`). Quote marks and
//! brackets fall between spans and are not shown, so none is left unpaired.

use std::sync::LazyLock;

use crate::analyze::{Analyzed, Token};
use crate::score::gbdt::{CompiledGbdt, Gbdt};
use crate::segment::{NewsSegmenter, Segmenter};
use crate::{analyze::Analyzer, analyze::WordAnalyzer, Document, Span};

mod context;
mod lead;
mod words;

use context::*;
use lead::*;
use words::*;

/// Fewest words a headline is cut to (when the lead has that many).
pub const MIN_WORDS: usize = 5;
/// Most words of a headline.
pub const MAX_WORDS: usize = 14;
/// Without a model: beyond this many words, a headline is cut before a
/// preposition or conjunction.
pub const SOFT_WORDS: usize = 10;
/// The headline length, in ROUGE tokens, that cuts aim at: BBC titles have
/// 5.3 on average.
pub const REF_TOKENS: f32 = 6.0;
/// Sentences looked at for the lead.
const LEAD_SENTENCES: usize = 8;
/// Tokens of the lead sentence looked at.
const MAX_TOKENS: usize = 64;
/// Tokens after the lead counted for how often a word comes back.
const CONTEXT_TOKENS: usize = 600;

/// The built-in keep model's JSON (`models/headline-keep.json`).
pub const KEEP_MODEL: &str = include_str!("../../models/headline-keep.json");

/// Names of the per-token features of the keep model, in order.
pub const KEEP_FEATURES: [&str; 18] = [
    "later_count",
    "near_count",
    "lead_repeats",
    "stop",
    "number",
    "capitalized",
    "token_index",
    "relative_position",
    "clause_index",
    "class",
    "name_run",
    "name_from_end",
    "possessive",
    "chars",
    "lead_tokens",
    "after_reporting_verb",
    "said_lead",
    "title_words_later",
];

const NK: usize = KEEP_FEATURES.len();

static MODEL: LazyLock<Option<Gbdt>> =
    LazyLock::new(|| crate::score::gbdt::parse_model(KEEP_MODEL, NK).ok());

/// The built-in keep model.
pub fn keep_model() -> Option<&'static Gbdt> {
    MODEL.as_ref()
}

/// The rule-made candidate: which words survive, and where the clause of a
/// `X said (that) ...` opening starts.
struct Trimmed {
    keep: Vec<bool>,
    said_from: Option<usize>,
}

/// Which words survive the dropping rules.
fn trim(lead: &mut Lead<'_>) -> Trimmed {
    use Class::*;
    let verbs = verbs(lead);
    for (w, v) in lead.words.iter_mut().zip(verbs) {
        w.verb = v;
    }
    let lead = &*lead;
    let words = &lead.words;
    let n = words.len();
    let mut keep = vec![true; n];
    let next_boundary = |from: usize| (from + 1..n).find(|&j| words[j].before.clause).unwrap_or(n);
    let drop = |keep: &mut [bool], a: usize, b: usize| {
        keep[a.min(n)..b.min(n)].iter_mut().for_each(|k| *k = false)
    };

    // `X said (that) S`: S may make the headline alone, unless it opens with
    // a pronoun. Whether it does is left to the cut.
    let mut said_from = None;
    if let Some(v) = (1..n.min(10))
        .take_while(|&j| !words[j].before.clause)
        .find(|&j| reporting(lead.lw(j)))
    {
        let that = (v + 1..n.min(v + 6))
            .take_while(|&k| !words[k].before.clause)
            .find(|&k| lead.lw(k) == "that");
        let told = matches!(
            lead.lw(v),
            "told" | "warned" | "tells" | "warns" | "telling"
        );
        let c = that.map_or(v + 1, |t| t + 1);
        let pronoun = c < n
            && matches!(
                lead.lw(c),
                "it" | "he" | "she" | "they" | "we" | "i" | "you" | "this" | "there"
            );
        if (that.is_some() || !told) && !pronoun && c + 5 <= n && !words[c].before.clause {
            said_from = Some(c);
        }
    }
    // A dateline the segmenter left in (`WASHINGTON, Aug. 24 (UPI) --`,
    // `STATE COLLEGE, Pa. - `): a place in capitals, then a dash or an
    // agency tag within ten words.
    if words.first().is_some_and(|w| w.caps) {
        if let Some(k) = (1..n.min(10))
            .find(|&k| words[k].before.dash || (words[k].before.close && words[k - 1].bracketed))
        {
            if n - k >= 4 {
                drop(&mut keep, 0, k);
            }
        }
    }
    // Brackets.
    for (k, w) in words.iter().enumerate() {
        if w.bracketed {
            keep[k] = false;
        }
    }
    // Paired dashes: an aside.
    let dashes: Vec<usize> = (1..n).filter(|&j| words[j].before.dash).collect();
    for p in dashes.chunks(2) {
        if let [a, b] = *p {
            if b - a <= 14 {
                drop(&mut keep, a, b);
            }
        }
    }
    // A leading adverbial clause closed by a comma (`On Monday, `, `Less
    // than a year after the launch, `).
    let adverbial = words.iter().take(4).any(|w| matches!(w.class, Sub | Cond))
        || words
            .first()
            .is_some_and(|w| w.time || matches!(w.class, Prep | TimeLead));
    if adverbial {
        if let Some(c) = (1..n.min(12)).find(|&j| words[j].before.comma) {
            if n - c >= 4 {
                drop(&mut keep, 0, c);
            }
        }
    }
    // Relative and adverbial clauses opened by a comma; `, according to
    // ...` anywhere.
    for (j, w) in words.iter().enumerate().skip(1) {
        let clause = w.before.comma && matches!(w.class, Rel | Sub);
        if clause || (w.before.clause && w.according) {
            drop(&mut keep, j, next_boundary(j));
        }
    }
    // An attribution tail at the end: `, police said`, `, said the head of
    // the board`, `, the department said in a statement`; after an aside,
    // `, delegates at the show, in Las Vegas, have been told` from its
    // subject on. Not `, has said he would ...`: a main verb after an aside.
    if let Some(last) = (1..n).rev().find(|&j| words[j].before.clause) {
        let tail = &words[last..];
        let cue = tail.iter().position(|w| w.class == Attr);
        let at_end = cue.is_some_and(|k| k + 3 >= tail.len());
        if matches!(tail[0].class, Have | Be | Modal) {
            let subject = (1..last).rev().find(|&j| words[j].before.clause);
            if let Some(s) = subject.filter(|&s| at_end && n - s <= 16) {
                drop(&mut keep, s, n);
            }
        } else if tail.len() <= 12
            && cue.is_some_and(|k| k == 0 || k + 5 >= tail.len() || words[last + k].according)
        {
            drop(&mut keep, last, n);
        }
    }
    // An appositive after the subject: `Standard Life, Europe's largest
    // insurer, has cut ...`, when the two commas do not hold a list.
    let subject = keep.iter().position(|&k| k).unwrap_or(n);
    if let Some(c1) = (subject + 1..n.min(subject + 8)).find(|&j| words[j].before.comma && keep[j])
    {
        if let Some(c2) = (c1 + 1..n.min(c1 + 12)).find(|&j| words[j].before.comma) {
            // `A, B, C and D`: the `and` comes soon after the second comma.
            let list = words[c1..(c2 + 3).min(n)].iter().any(|w| w.class == Coord);
            if !list && c2 - c1 >= 2 {
                drop(&mut keep, c1, c2);
            }
        }
    }
    // Time phrases: `on Tuesday`, `last week`, `on Monday night`.
    for j in 0..n {
        let w = words[j];
        if w.time {
            keep[j] = false;
            if j > 0 && matches!(words[j - 1].class, TimeLead | Prep) {
                keep[j - 1] = false;
            }
            if j + 1 < n && words[j + 1].class == TimeNoun {
                keep[j + 1] = false;
            }
        } else if w.class == TimeNoun && j > 0 && words[j - 1].class == TimeLead {
            keep[j] = false;
            keep[j - 1] = false;
            if j > 1 && matches!(words[j - 2].class, TimeLead | Prep) {
                keep[j - 2] = false;
            }
        }
    }
    drop_auxiliaries(lead, &mut keep);
    for j in 0..n {
        if words[j].class == Article {
            keep[j] = false;
        }
    }
    Trimmed { keep, said_from }
}

/// Which words read as verbs (see [`Word::verb`]).
fn verbs(lead: &Lead<'_>) -> Vec<bool> {
    use Class::*;
    let words = &lead.words;
    let mut out = vec![false; words.len()];
    for (j, w) in words.iter().enumerate() {
        let lw = lead.lw(j);
        let after_determiner =
            j > 0 && (matches!(words[j - 1].class, Article | Dangling) || words[j - 1].possessive);
        out[j] = matches!(w.class, Have | Be | Modal)
            || (w.class == Attr && (w.reports || lw.ends_with("ed")) && !after_determiner)
            || (!w.cap && !after_determiner && (past_tense(lw) || lw.ends_with("ing")) && j > 0)
            || (j > 0 && matches!(words[j - 1].class, Have | Be | Modal | To));
    }
    out
}

/// Drops the auxiliaries headline-ese leaves out.
fn drop_auxiliaries(lead: &Lead<'_>, keep: &mut [bool]) {
    use Class::*;
    let words = &lead.words;
    let n = words.len();
    for j in 0..n {
        if !keep[j] || !matches!(words[j].class, Have | Be) {
            continue;
        }
        // `would not have written`: a perfect infinitive stays whole; `he is
        // going` does not become `he going`.
        if j > 0
            && (matches!(words[j - 1].class, Modal | To)
                || lead.lw(j - 1) == "not"
                || (words[j].class == Be
                    && matches!(
                        lead.lw(j - 1),
                        "he" | "she" | "it" | "they" | "we" | "i" | "you" | "there" | "who"
                    )))
        {
            continue;
        }
        // The next word, past adverbs and dropped words (`has also said`,
        // `have both been`).
        let mut k = j + 1;
        while k < n
            && ((!keep[k] && words[k].class != Article)
                || words[k].class == Adverb
                || matches!(lead.lw(k), "both" | "all"))
        {
            k += 1;
        }
        if k >= n || words[k].before.clause {
            continue;
        }
        let next = lead.lw(k);
        match words[j].class {
            Have if words[k].class == Been => {
                let m = k + 1;
                if m < n && !words[m].before.clause {
                    let after = lead.lw(m);
                    if participle(after) || after.ends_with("ing") {
                        keep[j] = false;
                        keep[k] = false;
                    }
                }
            }
            Have if past_tense(next) => keep[j] = false,
            Be if words[k].class == To || next.ends_with("ing") || participle(next) => {
                keep[j] = false
            }
            _ => {}
        }
    }
}

/// True when a headline may end before `kept[p]` (the phrase before it is
/// complete): at the end, a clause boundary, or before a preposition or
/// subordinating conjunction.
fn cut_ok(words: &[Word], kept: &[usize], p: usize) -> bool {
    if p >= kept.len() {
        return true;
    }
    boundary(words, kept, p)
        || matches!(
            words[kept[p]].class,
            Class::Prep | Class::Sub | Class::To | Class::Rel | Class::Cond
        )
}

/// True when `kept` holds a verb and no relative clause still waiting for
/// its verb (`Michael said that new film` is not a headline).
fn complete(words: &[Word], kept: &[usize]) -> bool {
    let last_verb = kept.iter().rposition(|&j| words[j].verb);
    let last_rel = kept.iter().rposition(|&j| words[j].class == Class::Rel);
    match (last_verb, last_rel) {
        (None, _) => false,
        (Some(v), Some(r)) => v > r,
        (Some(_), None) => true,
    }
}

/// A boundary before `kept[p]`, unless it closes an aside that was dropped
/// whole (`Standard Life, Europe's largest insurer, has cut`).
fn boundary(words: &[Word], kept: &[usize], p: usize) -> bool {
    if p == 0 || p >= kept.len() {
        return false;
    }
    let (j, prev) = (kept[p], kept[p - 1]);
    words[j].before.clause && !(prev + 1 < j && words[prev + 1].before.clause)
}

/// How many of `kept` remain once dangling words are dropped from the end.
fn cut_dangling(words: &[Word], kept: &[usize]) -> usize {
    let mut n = kept.len();
    while n > 1 && dangles(&words[kept[n - 1]]) {
        n -= 1;
    }
    n
}

/// Without a model: the first boundary after [`MIN_WORDS`], then, beyond
/// [`SOFT_WORDS`], the last preposition or conjunction.
fn rule_cut(words: &[Word], kept: &[usize]) -> usize {
    let mut n = kept.len();
    if let Some(p) = (MIN_WORDS..n).find(|&p| boundary(words, kept, p)) {
        n = p;
    }
    if n > SOFT_WORDS {
        let ok = |p: usize| cut_ok(words, kept, p) && !dangles(&words[kept[p - 1]]);
        n = (MIN_WORDS..=SOFT_WORDS)
            .rev()
            .find(|&p| ok(p) && complete(words, &kept[..p]))
            .or_else(|| (MIN_WORDS..=SOFT_WORDS).rev().find(|&p| ok(p)))
            .unwrap_or(SOFT_WORDS);
    }
    cut_dangling(words, &kept[..n])
}

/// With token probabilities: the cut with the highest expected ROUGE-1 F1.
/// Returns (value, words kept).
fn model_cut(words: &[Word], kept: &[usize], p: &[f32]) -> (f32, usize) {
    let n = kept.len();
    let mut best: Option<(f32, usize)> = None;
    let (mut sum, mut toks) = (0f32, 0usize);
    let mut prefix = Vec::with_capacity(n + 1);
    prefix.push((0f32, 0usize));
    for &j in kept {
        let w = &words[j];
        sum += p[w.first..w.end].iter().sum::<f32>();
        toks += w.end - w.first;
        prefix.push((sum, toks));
    }
    let hi = n.min(MAX_WORDS);
    let lo = MIN_WORDS.min(n);
    // Cuts where a phrase ends that leave a verb first; then any cut that
    // leaves a verb; then any phrase end.
    for pass in 0..3 {
        for c in lo..=hi {
            if pass != 1 && !cut_ok(words, kept, c) {
                continue;
            }
            let m = cut_dangling(words, &kept[..c]);
            if (m < lo || (pass < 2 && !complete(words, &kept[..m]))) && c < n {
                continue;
            }
            let (s, t) = prefix[m];
            let v = 2.0 * s / (REF_TOKENS + t as f32);
            if best.is_none_or(|(b, _)| v > b) {
                best = Some((v, m));
            }
        }
        if best.is_some() {
            break;
        }
    }
    best.unwrap_or((0.0, cut_dangling(words, &kept[..hi])))
}

/// Spans of the runs of `kept` words; runs also break at quote marks and
/// brackets. A currency sign before a run and a `%` after it stay with it.
fn spans(lead: &Lead<'_>, kept: &[usize]) -> Vec<Span> {
    let (text, toks) = (lead.text, lead.toks);
    let mut out: Vec<Span> = Vec::new();
    let mut prev: Option<usize> = None;
    for &j in kept {
        let w = lead.words[j];
        let mut start = toks[w.first].span.start;
        let mut end = toks[w.end - 1].span.end;
        if let Some(c) = text.get(..start).and_then(|s| s.chars().next_back()) {
            if matches!(c, '$' | '\u{a3}' | '\u{20ac}') {
                start -= c.len_utf8();
            }
        }
        if text.get(end..).is_some_and(|s| s.starts_with('%')) {
            end += 1;
        }
        let extends = prev.is_some_and(|p| p + 1 == j) && !w.before.quote && w.before.depth == 0;
        match out.last_mut() {
            Some(last) if extends => last.end = end,
            _ => out.push(Span::new(start, end)),
        }
        prev = Some(j);
    }
    out
}

/// `kept` with its subject cut to a surname, when it opens with a name
/// (after at most five describing words) whose last word the article later
/// uses alone: `Chelsea left-back Wayne Bridge could miss` → `Bridge could
/// miss`, `Tony Blair has dismissed` → `Blair dismissed`.
fn short_subject(
    a: &Analyzed<'_>,
    i: usize,
    lead: &Lead<'_>,
    kept: &[usize],
) -> Option<Vec<usize>> {
    let words = &lead.words;
    let n = kept.len().min(8);
    // The last name run (two or more capitalized words, adjacent in the
    // text) starting among the first words, all before it describing words.
    let mut found = None;
    let mut q = 0;
    while q < n {
        let w = &words[kept[q]];
        if !w.cap {
            if w.class != Class::Other || w.possessive || q >= 5 {
                break;
            }
            q += 1;
            continue;
        }
        let mut r = q + 1;
        while r < kept.len()
            && kept[r] == kept[r - 1] + 1
            && words[kept[r]].cap
            && !words[kept[r]].before.clause
            && !words[kept[r - 1]].possessive
        {
            r += 1;
        }
        // The name is the subject: its verb follows.
        let next_ok = r < kept.len()
            && !words[kept[r]].cap
            && !words[kept[r]].before.clause
            && words[kept[r]].verb;
        if r - q >= 2 && !words[kept[r - 1]].possessive && next_ok {
            found = Some((q, r));
        }
        if words[kept[r - 1]].possessive || q >= 5 {
            break;
        }
        q = r;
    }
    let (_, r) = found?;
    let surname = words[kept[r - 1]];
    let before = words[kept[r - 2]];
    let (s, prev) = (
        lead.toks[surname.first].stem,
        lead.toks[before.end - 1].stem,
    );
    // Used alone later: not right after the word before it here.
    let mut seen = 0;
    let alone = (i + 1..a.len()).filter(|&k| a.is_body(k)).any(|k| {
        let t = a.sentence(k);
        seen += t.len();
        seen < CONTEXT_TOKENS
            && (0..t.len()).any(|x| t[x].stem == s && (x == 0 || t[x - 1].stem != prev))
    });
    alone.then(|| kept[r - 1..].to_vec())
}

/// The built-in keep model, compiled for prediction.
static COMPILED: LazyLock<Option<CompiledGbdt>> =
    LazyLock::new(|| keep_model().and_then(|m| CompiledGbdt::new(m).ok()));

/// The built-in keep model compiled, for [`generate`].
pub(super) fn compiled_keep_model() -> Option<&'static CompiledGbdt> {
    COMPILED.as_ref()
}

/// The headline's spans with `model` deciding the cut (`None`: the rule
/// cut); see the module docs.
pub(super) fn generate(a: &Analyzed<'_>, model: Option<&CompiledGbdt>) -> Vec<Span> {
    let Some(i) = lead_index(a) else {
        return Vec::new();
    };
    let sent = a.segmented.sentences[i].span;
    let toks = a.sentence(i);
    if toks.is_empty() {
        return vec![sent];
    }
    let text = a.segmented.doc.text.as_str();
    let toks = &toks[..toks.len().min(MAX_TOKENS)];
    let mut lead = read_lead(text, sent, toks);
    let trimmed = trim(&mut lead);
    let lead = lead;
    let words = &lead.words;
    let kept: Vec<usize> = (0..words.len()).filter(|&j| trimmed.keep[j]).collect();
    let chosen: Vec<usize> = match model.filter(|m| m.features() == NK) {
        None => {
            let m = rule_cut(words, &kept);
            kept[..m].to_vec()
        }
        Some(model) => {
            let ctx = Context::new(a, i, &lead, &trimmed);
            let mut variants = vec![kept.clone()];
            if let Some(c) = trimmed.said_from {
                variants.push(kept.iter().copied().filter(|&j| j >= c).collect());
            }
            for k in 0..variants.len() {
                if let Some(v) = short_subject(a, i, &lead, &variants[k]) {
                    variants.push(v);
                }
            }
            // Probabilities of the tokens any cut can keep, in one batch.
            let mut rows: Vec<[f32; NK]> = Vec::with_capacity(32);
            let mut at = vec![usize::MAX; toks.len()];
            for v in &variants {
                for &j in v.iter().take(MAX_WORDS) {
                    let w = words[j];
                    for (ti, slot) in at.iter_mut().enumerate().take(w.end).skip(w.first) {
                        if *slot == usize::MAX {
                            *slot = rows.len();
                            rows.push(ctx.row(&lead, j, ti));
                        }
                    }
                }
            }
            let logits = model.predict_rows(&rows);
            let p: Vec<f32> = at
                .iter()
                .map(|&r| logits.get(r).map_or(0.0, |&z| 1.0 / (1.0 + (-z).exp())))
                .collect();
            let mut best: Option<(f32, Vec<usize>)> = None;
            for v in variants {
                let (value, m) = model_cut(words, &v, &p);
                if best.as_ref().is_none_or(|(b, _)| value > *b) {
                    best = Some((value, v[..m].to_vec()));
                }
            }
            best.map(|(_, v)| v).unwrap_or_default()
        }
    };
    let out = spans(&lead, &chosen);
    if !out.is_empty() {
        return out;
    }
    // Nothing survived the rules: the sentence's first words.
    let all: Vec<usize> = (0..words.len()).collect();
    let m = cut_dangling(words, &all[..all.len().min(SOFT_WORDS)]);
    let out = spans(&lead, &all[..m]);
    if out.is_empty() {
        vec![sent]
    } else {
        out
    }
}

/// The keep model's training rows for one article, for `nutgraf
/// train-headlines` (which labels and fits them in the `nutgraf-train`
/// crate): every token of the article's lead sentence that survives the
/// dropping rules, as its feature row (in the order of [`KEEP_FEATURES`])
/// and the token's span in `article`. A token is labelled 1 when its ROUGE
/// token is one of the real headline's.
pub fn keep_rows(article: &str) -> Vec<(Vec<f32>, Span)> {
    let mut out = Vec::new();
    let doc = Document::new(article);
    let a = WordAnalyzer.analyze(NewsSegmenter::default().segment(&doc));
    let Some(i) = lead_index(&a) else {
        return out;
    };
    let sent = a.segmented.sentences[i].span;
    let toks = a.sentence(i);
    let toks = &toks[..toks.len().min(MAX_TOKENS)];
    if toks.is_empty() {
        return out;
    }
    let mut lead = read_lead(&doc.text, sent, toks);
    let trimmed = trim(&mut lead);
    let ctx = Context::new(&a, i, &lead, &trimmed);
    for (wi, w) in lead.words.iter().enumerate() {
        if !trimmed.keep[wi] {
            continue;
        }
        for (ti, t) in toks.iter().enumerate().take(w.end).skip(w.first) {
            out.push((ctx.row(&lead, wi, ti).to_vec(), t.span));
        }
    }
    out
}

#[cfg(test)]
mod tests;
