//! Subjects and speaker phrases: who a quote belongs to when its cue's own
//! phrase names no one (the sentence's subject, the subject of the sentence
//! before), and whether a phrase can name a speaker at all.

use super::*;

/// The named subject of the body sentence before `sentence` (in its
/// paragraph, or the last of the paragraph before), with that sentence's
/// start.
pub(super) fn previous_subject(
    text: &str,
    toks: &[Tok],
    by_para: &[Vec<Span>],
    p: usize,
    sentence: Span,
) -> Option<(usize, Span)> {
    let here = &by_para[p];
    let i = here.partition_point(|s| s.start < sentence.start);
    let prev = match i.checked_sub(1) {
        Some(j) => here[j],
        None => *by_para.get(p.checked_sub(1)?)?.last()?,
    };
    let end = toks.partition_point(|t| t.start < prev.end);
    let subject = sentence_subject(text, toks, prev, end)?;
    let first = toks.get(toks.partition_point(|t| t.start < subject.start))?;
    let w = first.slice(text);
    let named = (scan::starts_upper(w) && !lexicon::is_determiner(text, first))
        || ["he", "she", "they"].contains(&w.to_ascii_lowercase().as_str());
    named.then_some((prev.start, subject))
}

/// The subject of the sentence holding a quote that opens at token `open`,
/// when the quote sits inside the sentence (`Trump branded the plan a
/// "disaster" ...`): a pronoun, a run of capitalized words or a
/// determiner's noun phrase, after opening connectives (`But`, `However,`)
/// and an opening adverbial phrase up to its comma (`During a May
/// interview on CNBC, Trump said ...`). `None` when the sentence starts
/// with the quote or with anything else.
pub(super) fn sentence_subject(
    text: &str,
    toks: &[Tok],
    sentence: Span,
    open: usize,
) -> Option<Span> {
    let first = toks.partition_point(|t| t.start < sentence.start);
    let skip_leads = |mut k: usize| {
        while k < open
            && (toks[k].kind != TokKind::Word || coref::is_lead_word(toks[k].slice(text)))
        {
            // `"Promise ...," Blige sings ... before asking her, "..."`: no
            // subject inside a quotation the sentence opens with.
            if toks[k].kind == TokKind::Quote {
                if let Some(close) = (k + 1..open).find(|&c| toks[c].kind == TokKind::Quote) {
                    k = close;
                }
            }
            k += 1;
        }
        k
    };
    let mut k = skip_leads(first);
    if k >= open {
        return None;
    }
    // `Conversely, PolitiFact rated ...`: an adverb and its comma.
    let w = toks[k].slice(text);
    if w.len() > 4 && w.ends_with("ly") && toks.get(k + 1).is_some_and(|t| scan::is_comma(text, t))
    {
        k = skip_leads(k + 2);
        if k >= open {
            return None;
        }
    }
    if lexicon::is_adverbial_opener(text, &toks[k]) {
        // The subject follows one of the phrase's commas (`Following a
        // swiftly called, late-afternoon meeting, the Council ...`).
        return (k + 1..open.min(k + 25))
            .filter(|&c| scan::is_comma(text, &toks[c]))
            .find_map(|c| {
                let k = skip_leads(c + 1);
                (k < open)
                    .then(|| subject_at(text, toks, k, open))
                    .flatten()
            });
    }
    subject_at(text, toks, k, open)
}

/// The subject phrase starting at token `k`, before token `open`.
fn subject_at(text: &str, toks: &[Tok], k: usize, open: usize) -> Option<Span> {
    let first_word = toks[k].slice(text);
    if coref::is_pronoun(first_word) {
        return Some(Span::new(toks[k].start, toks[k].end));
    }
    if lexicon::is_determiner(text, &toks[k]) {
        // `the Security Council`, `Other leaders`, `Only 52 percent of
        // registered voters`: up to a verb-like word.
        let mut end = k + 1;
        while end < open
            && end - k < 7
            && toks[end].kind == TokKind::Word
            && !lexicon::is_verb_like(text, toks, end)
        {
            end += 1;
        }
        return (end > k + 1).then(|| Span::new(toks[k].start, toks[end - 1].end));
    }
    if !scan::starts_upper(first_word) || coref::is_not_name(first_word) {
        return None;
    }
    let mut end = k + 1;
    while end < open
        && end - k < 6
        && toks[end].kind == TokKind::Word
        && scan::starts_upper(toks[end].slice(text))
    {
        end += 1;
    }
    Some(Span::new(toks[k].start, toks[end - 1].end))
}

/// True when the speaker found next to cue `cue` is better replaced by
/// the sentence's subject: there is none, it is no noun phrase
/// (`began by saying`), the cue is a participle (`, saying`), or the cue
/// sits in a relative clause (`what he called "..."`).
pub(super) fn needs_subject(text: &str, toks: &[Tok], cue: Span, speaker: Option<Span>) -> bool {
    let Some(sp) = speaker else {
        return true;
    };
    let cue_word = cue.slice(text);
    let at = toks.partition_point(|t| t.start < sp.start);
    let after_what = at > 0 && toks[at - 1].slice(text).eq_ignore_ascii_case("what");
    cue_word.ends_with("ing") || after_what || !plausible_speaker(text, toks, sp)
}

/// True when a speaker phrase starts like a noun phrase: not with a
/// preposition, a conjunction, an object pronoun or a verb (`began by`,
/// `said he`, `to the crowd`, `him a master`).
pub(super) fn plausible_speaker(text: &str, toks: &[Tok], sp: Span) -> bool {
    let at = toks.partition_point(|t| t.start < sp.start);
    let Some(t) = toks.get(at) else {
        return false;
    };
    let w = t.slice(text);
    let verb_like = !scan::starts_upper(w)
        && (w.ends_with("ing")
            || (w.ends_with("ed") && !lexicon::is_adjective_participle(text, t))
            || lexicon::is_cue_word(t));
    t.kind == TokKind::Word
        && !verb_like
        && lexicon::according_to(text, toks, at).is_none()
        && !lexicon::is_adverbial_opener(text, t)
        && !lexicon::is_clause_opener(text, t)
        && !lexicon::is_non_subject(text, t)
        && !phrase::is_time_word(text, t)
}
