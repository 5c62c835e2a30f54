//! Speaker phrases: what of a span the rules took names someone (`Donald
//! Trump is defending his` → `Donald Trump`), and which spans name no one.

use super::coref;
use super::lexicon::{
    is_clause_opener, is_determiner, is_non_subject, is_subordinator, is_verb_like, listed, lower,
    CLASS_CUE, CLASS_SAYING, OPENERS,
};
use super::token::{starts_upper, Tok, TokKind};
use super::wordset::WordSet;
use crate::Span;

/// Sentence adverbs a speaker span may start with (`Then someone`, `Even
/// China`): skipped, the phrase starts after them.
pub(super) const SKIPPED_OPENERS: WordSet<17> = WordSet::new([
    "well",
    "however",
    "also",
    "meanwhile",
    "even",
    "just",
    "still",
    "then",
    "now",
    "yet",
    "instead",
    "indeed",
    "perhaps",
    "maybe",
    "so",
    "thus",
    "again",
]);

/// Words that open no speaker phrase though they may be capitalized at a
/// sentence's start: a preposition or negation.
pub(super) const NO_SPEAKER_OPENERS: WordSet<7> =
    WordSet::new(["despite", "yes", "no", "not", "here", "there", "without"]);

/// Days, months and `today`: a time, never a speaker (`..., Mitch
/// McConnell, R-Ky., said Tuesday`). `May` and `March` are names too.
const TIMES: WordSet<21> = WordSet::new([
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
]);

/// True for a day, month or `today`-like word (any case).
pub fn is_time_word(text: &str, t: &Tok) -> bool {
    listed(&TIMES, text, t)
}

/// Pronouns that may stand as a speaker alone.
pub(super) const SPEAKER_PRONOUNS: WordSet<9> =
    WordSet::new(["he", "she", "they", "it", "we", "i", "you", "who", "which"]);

/// [`speaker_phrase`] of the tokens of `toks` that span `span` covers.
pub fn within(text: &str, toks: &[Tok], span: Span) -> Option<Span> {
    let from = toks.partition_point(|t| t.start < span.start);
    let to = toks.partition_point(|t| t.start < span.end);
    speaker_phrase(text, &toks[from..to])
}

/// The noun phrase a speaker span names, trimmed of what the rules took
/// past it: a verb and what follows (`Donald Trump is defending his` →
/// `Donald Trump`), a relative clause or apposition after a comma, a
/// possessive or contracted ending (`He's` → `He`). `None` when what is
/// left is no noun phrase: a preposition, adverb or conjunction
/// (`Despite`, `Not`), or nothing.
pub fn speaker_phrase(text: &str, toks: &[Tok]) -> Option<Span> {
    let mut first = toks.iter().position(|t| t.kind == TokKind::Word)?;
    // `From Andrea Peyser`, `Even China`: the phrase starts after them.
    let skipped = |t: &Tok| {
        listed(&SKIPPED_OPENERS, text, t)
            || (listed(&const { WordSet::new(["from", "by"]) }, text, t)
                && toks
                    .iter()
                    .skip_while(|u| u.start <= t.start)
                    .find(|u| u.kind == TokKind::Word)
                    .is_some_and(|u| starts_upper(u.slice(text))))
    };
    while skipped(&toks[first]) {
        first += 1 + toks[first + 1..]
            .iter()
            .position(|t| t.kind == TokKind::Word)?;
    }
    let toks = &toks[first..];
    let f = lower(text, &toks[0]);
    let f = f.as_str();
    let f = coref::possessive(f).unwrap_or(f);
    // `US`, `AP`: an acronym is a name, whatever word it spells.
    let w0 = toks[0].slice(text);
    let acronym = w0.len() >= 2 && w0.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    // `was`, `said in a`, `having`: a verb is no speaker (a relative
    // pronoun is, resolved later to the name before it).
    let verb_first = !listed(
        &const { WordSet::new(["who", "which", "that"]) },
        text,
        &toks[0],
    ) && (is_verb_like(text, toks, 0) && !w0.ends_with("ed")
        || (w0.len() > 5 && w0.ends_with("ing") && !starts_upper(w0)));
    if verb_first {
        return None;
    }
    // `that its market value`: a clause, not `that` standing for a name.
    let clause = listed(
        &const { WordSet::new(["that", "which", "who"]) },
        text,
        &toks[0],
    ) && toks
        .iter()
        .skip(1)
        .find(|t| t.kind == TokKind::Word)
        .is_some_and(|t| {
            is_determiner(text, t) || listed(&SPEAKER_PRONOUNS, text, t) || is_non_subject(text, t)
        });
    if clause || TIMES.contains(f) {
        return None;
    }
    if !acronym
        && (NO_SPEAKER_OPENERS.contains(f)
            || is_clause_opener(text, &toks[0])
            || is_non_subject(text, &toks[0])
            || is_subordinator(text, &toks[0])
            || (listed(&OPENERS, text, &toks[0]) && !is_determiner(text, &toks[0])))
    {
        return None;
    }
    // Where the phrase ends: after a pronoun (`he`), else before a verb. An
    // apposition stays (`Rep. Ana Reyes (D-Maine), a member of the panel`).
    let end = if SPEAKER_PRONOUNS.contains(f) {
        1
    } else {
        (1..toks.len())
            .find(|&k| is_phrase_verb(text, toks, k))
            .unwrap_or(toks.len())
    };
    // The last word before the end: `Mr. Obama, who understood` ends at
    // `Obama`, not at the comma.
    let last = toks[..end].iter().rev().find(|t| t.kind == TokKind::Word)?;
    let mut stop = last.end;
    let w = last.slice(text);
    for suffix in [
        "'s",
        "\u{2019}s",
        "'m",
        "\u{2019}m",
        "n't",
        "n\u{2019}t",
        "'re",
        "\u{2019}re",
        "'ve",
        "'ll",
        "'d",
    ] {
        if w.len() > suffix.len() && w.ends_with(suffix) {
            stop -= suffix.len();
            break;
        }
    }
    let span = Span::new(toks[0].start, stop);
    // A quantifier stands for its people (`Some said`, `Many`); an article
    // or a possessive alone does not.
    let only = end == 1
        && listed(
            &const {
                WordSet::new([
                    "the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "my",
                ])
            },
            text,
            &toks[0],
        );
    (!only && span.start < span.end).then_some(span)
}

/// True when word `k` (not the first) of a speaker phrase is a verb, where
/// the phrase ends.
fn is_phrase_verb(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if t.kind != TokKind::Word {
        return false;
    }
    let w = t.slice(text);
    let after_determiner = || is_determiner(text, &toks[k - 1]);
    // `the statement`: after a determiner a learned cue is a noun.
    let noun_cue = || t.class & (CLASS_CUE | CLASS_SAYING) == CLASS_CUE && after_determiner();
    // `A teary-eyed Bush`, `those surveyed`: after a determiner an `-ed`
    // word is an adjective.
    let adjective = || {
        w.ends_with("ed")
            && after_determiner()
            && !listed(
                &const { WordSet::new(["that", "this"]) },
                text,
                &toks[k - 1],
            )
    };
    (is_verb_like(text, toks, k) && !noun_cue() && !adjective())
        // `Jane Sanders made it clear`: a verb no `-ed` marks.
        || (!starts_upper(w) && listed(&IRREGULAR_PAST, text, t))
}

/// Past tenses without `-ed` (and `cannot`) that end a speaker phrase the
/// rules ran past its verb (`Jane Sanders made it`, `Biden took`).
const IRREGULAR_PAST: WordSet<44> = WordSet::new([
    "made", "spoke", "took", "gave", "came", "went", "got", "saw", "knew", "thought", "found",
    "left", "felt", "kept", "held", "brought", "began", "wrote", "ran", "sat", "stood", "won",
    "lost", "paid", "sent", "met", "led", "became", "chose", "drew", "fell", "fought", "grew",
    "heard", "hung", "meant", "rose", "sought", "sold", "spent", "struck", "taught", "threw",
    "cannot",
]);
