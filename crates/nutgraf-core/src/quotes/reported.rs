//! Reported speech without quotation marks: `X said that Y`, `according to X`, participle clauses, and where such content ends.

use std::borrow::Cow;

use super::*;

/// Reported speech in one sentence with no direct quote, reading a
/// subordinate clause and the main clause apart: `While he acknowledged
/// X, Ham also noted Y` holds two attributions.
pub(super) fn reported_clauses(text: &str, toks: &[Tok], sentence: Span) -> Vec<Quote> {
    let first = toks.partition_point(|t| t.start < sentence.start);
    let subordinate = toks
        .get(first)
        .is_some_and(|t| lexicon::is_subordinator(text, t));
    if subordinate {
        let last = toks.partition_point(|t| t.end <= sentence.end);
        for c in (first + 2..last.min(first + 30)).filter(|&c| scan::is_comma(text, &toks[c])) {
            let Some(next) = toks.get(c + 1) else {
                break;
            };
            let main = reported(text, toks, Span::new(next.start, sentence.end));
            // The main clause's own cue, a few words after the comma.
            let Some(main) = main.filter(|q| {
                q.speaker.is_some_and(|s| plausible_speaker(text, toks, s))
                    && q.cue
                        .is_some_and(|cue| toks.partition_point(|t| t.start < cue.start) <= c + 8)
            }) else {
                continue;
            };
            let mut out: Vec<Quote> =
                reported(text, toks, Span::new(sentence.start, toks[c - 1].end))
                    .into_iter()
                    .collect();
            out.push(main);
            return out;
        }
    }
    reported(text, toks, sentence).into_iter().collect()
}

/// Reported speech in one sentence with no direct quote.
pub(super) fn reported(text: &str, toks: &[Tok], sentence: Span) -> Option<Quote> {
    let first = toks.partition_point(|t| t.start < sentence.start);
    let last = toks
        .partition_point(|t| t.end <= sentence.end)
        .checked_sub(1)?;
    if first >= toks.len() || last < first {
        return None;
    }
    // Content ends before the sentence's final punctuation.
    let end_tok = if toks[last].kind == TokKind::Punct {
        last.checked_sub(1)?
    } else {
        last
    };
    if end_tok < first {
        return None;
    }
    // Every reading below needs a cue word (`cue_at`) or `according to`:
    // most sentences have neither, and are done with in one pass.
    if !toks[first..=end_tok]
        .iter()
        .any(|t| t.class != 0 || t.slice(text).eq_ignore_ascii_case("according"))
    {
        return None;
    }
    // `According to X, CONTENT` at the start.
    if let Some((cue, after)) = lexicon::according_to(text, toks, first) {
        let comma = (after..=end_tok).find(|&k| scan::is_comma(text, &toks[k]))?;
        let speaker = Span::new(toks[after].start, toks[comma - 1].end);
        let content = Span::new(toks[comma + 1].start, toks[end_tok].end);
        return content_ok(text, toks, comma + 1, end_tok)
            .then(|| indirect(text, cue, Some(speaker), content));
    }
    if let Some(quote) = according_to_after(text, toks, first, end_tok) {
        return Some(quote);
    }
    // `CONTENT, according to X.` / `CONTENT, X said.` / `CONTENT, said X.`
    // The last comma, and, when a participle clause follows it (`...,
    // officials said on Tuesday, blaming ...`), the comma before with the
    // attribution ending at the participle's comma.
    let last_comma = (first + 1..end_tok)
        .rev()
        .find(|&k| scan::is_comma(text, &toks[k]));
    let before_participle = last_comma
        .filter(|&c| toks[c + 1].kind == TokKind::Word && toks[c + 1].slice(text).ends_with("ing"))
        .and_then(|c| {
            (first + 1..c)
                .rev()
                .find(|&k| scan::is_comma(text, &toks[k]))
                .map(|k| (k, c - 1))
        });
    // The third reading's attribution ends before an apposition, which
    // joins the speaker (`..., said Jane Doe, a harbour pilot.`).
    let apposition = before_apposition(text, toks, first, last_comma, end_tok)
        .zip(last_comma)
        .map(|(c, last)| (c, last - 1, false, Some(end_tok)));
    for (comma, end_tok, participle, apposition_end) in last_comma
        .map(|c| (c, end_tok, false, None))
        .into_iter()
        .chain(before_participle.map(|(c, e)| (c, e, true, None)))
        .chain(apposition)
    {
        let tail = comma + 1;
        if end_tok >= tail && end_tok - tail <= 9 && content_words(toks, first, comma - 1) >= 5 {
            let content = Span::new(toks[first].start, toks[comma - 1].end);
            let relative_word = |t: &Tok| is_relative(text, t);
            if let Some((cue, after)) = lexicon::according_to(text, toks, tail) {
                // Before an apposition the source is the name alone: what
                // follows its comma may be no apposition of it
                // (`according to public filings, a huge sum for ...`).
                let speaker =
                    (after <= end_tok).then(|| Span::new(toks[after].start, toks[end_tok].end));
                return Some(indirect(text, cue, speaker, content));
            }
            // Before a participle's comma only `SPEAKER SAID` reads so,
            // with a built-in verb of saying (`..., a city official said,
            // adding ...`), not a cue before its object (`..., disputed
            // the report, saying ...`) nor one in a relative clause (`...,
            // a charge that state leaders denied, saying ...`).
            let saying = |k: usize| {
                !toks[tail..k].iter().any(relative_word)
                    && (!participle || toks[k].class & lexicon::CLASS_SAYING != 0)
            };
            if let Some((cue, after)) = lexicon::cue_at(text, toks, tail).filter(|_| !participle) {
                // `..., said Jane Doe.`; not `Jane Doe, a partner, called
                // him a master ...`, which is read below; and not `...,
                // claims that shocked ...`, a noun with a relative clause.
                // Nor `..., saying the money would ...`: a participle's
                // subject is the main clause's, and what follows is content.
                let relative = toks.get(after).is_some_and(relative_word)
                    || toks[tail].slice(text).ends_with("ing");
                // The phrase ends the sentence or an apposition follows
                // (`..., said Jane Doe, a partner.`), and is a noun phrase:
                // `..., said the budget would pass` and `..., said he
                // supports it` are `SPEAKER, ..., said CONTENT`.
                let sp = scan::noun_phrase_forward(text, toks, after, toks[end_tok].end)
                    .filter(|&(_, next)| {
                        !relative
                            && toks
                                .get(next)
                                .is_none_or(|t| next > end_tok || t.kind != TokKind::Word)
                            && !coref::is_subject_pronoun(toks[after].slice(text))
                            && (after + 1..next).all(|j| !lexicon::is_verb_like(text, toks, j))
                    })
                    .filter(|&(s, _)| plausible_speaker(text, toks, s))
                    .map(|(s, next)| match apposition_end {
                        Some(full) if next > end_tok => Span::new(s.start, toks[full].end),
                        _ => s,
                    });
                if sp.is_some() {
                    return Some(indirect(text, cue, sp, content));
                }
            }
            // Past an apposition only `..., said NAME, ROLE.` reads so.
            for k in (tail + 1..=end_tok).filter(|_| apposition_end.is_none()) {
                if let Some((cue, after)) = lexicon::cue_at(text, toks, k).filter(|_| saying(k)) {
                    // `..., officials said on Monday.`, not `..., but she
                    // denied that ...`: little after the cue; before a
                    // participle's comma, a time at most (`said on
                    // Tuesday, blaming ...`, not `implored her to bring it
                    // back, arguing ...`).
                    let rest = &toks[after..=end_tok.max(after.saturating_sub(1))];
                    let most = if participle { 3 } else { 5 };
                    if rest.len() > most
                        || rest.iter().any(|t| t.slice(text) == "that")
                        || (participle && toks[k].slice(text).ends_with("ing"))
                    {
                        break;
                    }
                    if let Some(speaker) = scan::noun_phrase_back(text, toks, tail, k)
                        .filter(|&s| plausible_speaker(text, toks, s))
                    {
                        return Some(indirect(text, cue, Some(speaker), content));
                    }
                }
            }
        }
    }
    // `SPEAKER CUE (that) CONTENT`: the first cue with a speaker before it.
    // The speaker phrase starts after the last comma before the cue, so
    // `In an interview on Sunday, the senator said ...` works too.
    let mut unsure = None;
    // `Barkley, who said he votes ..., said one candidate ...`: the main
    // clause's cue and the speaker before the aside (`main_clause_cue`).
    let mut main: Option<(usize, Span)> = None;
    for k in first + 1..end_tok.min(first + 40) {
        let Some((cue, after)) = lexicon::cue_at(text, toks, k) else {
            continue;
        };
        let phrase = scan::noun_phrase_back(text, toks, first, k);
        if let Some((m, _, speaker)) =
            phrase.and_then(|p| main_clause_cue(text, toks, first, p, after, end_tok + 1))
        {
            main = Some((m, speaker));
            continue;
        }
        let phrase = main
            .filter(|&(m, _)| m == k)
            .map(|(_, s)| s)
            .or(phrase)
            .or_else(|| {
                // `She thanked the crowd and said ...`; `The council closed
                // the line, saying ...`.
                let participle =
                    scan::is_comma(text, &toks[k - 1]) && toks[k].slice(text).ends_with("ing");
                (k > first && (toks[k - 1].slice(text) == "and" || participle))
                    .then(|| sentence_subject(text, toks, sentence, k))
                    .flatten()
            });
        let Some(phrase) = phrase else {
            continue;
        };
        let mut speaker = Some(phrase);
        if needs_subject(text, toks, cue, speaker) {
            // `Dean then appeared on MSNBC and began by saying ...`.
            speaker = sentence_subject(text, toks, sentence, k).or(speaker);
        }
        let mut start = lexicon::skip_cue_object(text, toks, after, sentence.end);
        start = skip_soft(text, toks, start);
        if start > end_tok || !content_ok(text, toks, start, end_tok) {
            return unsure;
        }
        let end = content_end(text, toks, start, end_tok);
        let content = Span::new(toks[start].start, toks[end].end);
        if !subject_can_be_speaker(text, toks, first, k, start) {
            speaker = None;
        }
        let quote = indirect(text, cue, speaker, content);
        if speaker.is_some_and(|s| plausible_speaker(text, toks, s)) {
            return Some(quote);
        }
        // `Following initial reports of ..., Trump said ...`: a later cue
        // may have a real speaker.
        unsure.get_or_insert(quote);
    }
    unsure
}

/// `CONTENT, according to SOURCE ...` with a source of any length (`a
/// poll of 400 voters released on Friday by ...`, `Jane Doe, who ...`),
/// and `But, according to SOURCE, CONTENT.`; tokens `first` to `end_tok`
/// are the sentence's before its final punctuation. The source ends at its
/// first comma, relative word or the sentence's end.
fn according_to_after(text: &str, toks: &[Tok], first: usize, end_tok: usize) -> Option<Quote> {
    let (k, (cue, after)) = (first + 1..end_tok).find_map(|k| {
        scan::is_comma(text, &toks[k])
            .then(|| lexicon::according_to(text, toks, k + 1))
            .flatten()
            .map(|a| (k, a))
    })?;
    let stop = (after..=end_tok)
        .find(|&j| {
            scan::is_comma(text, &toks[j])
                || is_relative(text, &toks[j])
                || matches!(toks[j].slice(text), "—" | "–" | "-" | "--" | "(")
        })
        .unwrap_or(end_tok + 1);
    if stop <= after {
        return None;
    }
    let speaker = Some(Span::new(toks[after].start, toks[stop - 1].end));
    if k <= first + 1 {
        // `But, according to the poll, CONTENT.`
        let from = skip_soft(text, toks, stop);
        if stop > end_tok || from > end_tok || !content_ok(text, toks, from, end_tok) {
            return None;
        }
        let content = Span::new(toks[from].start, toks[end_tok].end);
        return Some(indirect(text, cue, speaker, content));
    }
    let mut content = vec![Span::new(toks[first].start, toks[k - 1].end)];
    let mut words = content_words(toks, first, k - 1);
    // `The implication, according to the aide, is that ...`: the clause
    // goes on after the source.
    if stop < end_tok
        && scan::is_comma(text, &toks[stop])
        && lexicon::is_verb_like(text, toks, stop + 1)
        && !is_relative(text, &toks[stop + 1])
    {
        content.push(Span::new(toks[stop + 1].start, toks[end_tok].end));
        words += content_words(toks, stop + 1, end_tok);
    }
    (words >= 5).then(|| make(text, QuoteKind::Indirect, Some(cue), speaker, content))
}

/// `that`, `which` or `who`: a word opening a relative clause.
fn is_relative(text: &str, t: &Tok) -> bool {
    matches!(t.slice(text), "that" | "which" | "who")
}

/// `CONTENT, said Jane Doe, a harbour pilot.`: when the words after the
/// last comma (`last_comma`, before `end_tok`) are an apposition (at
/// most ten tokens from a lowercase word that is no verb, participle or
/// conjunction: `a harbour pilot`, `director of the union`), the comma
/// before it, which may open the attribution.
fn before_apposition(
    text: &str,
    toks: &[Tok],
    first: usize,
    last_comma: Option<usize>,
    end_tok: usize,
) -> Option<usize> {
    let c = last_comma?;
    let opens = toks.get(c + 1)?;
    let w = opens.slice(text);
    let role = opens.kind == TokKind::Word
        && !scan::starts_upper(w)
        && !w.ends_with("ing")
        && !lexicon::is_verb_like(text, toks, c + 1)
        && !matches!(w, "and" | "but" | "or" | "so" | "as" | "not");
    if !role || end_tok > c + 10 {
        return None;
    }
    (first + 1..c)
        .rev()
        .find(|&k| scan::is_comma(text, &toks[k]))
}

/// False when the cue at token `k` (content from token `start`, sentence
/// from `first`) makes its subject someone other than the speaker:
/// - a raising verb (`The senator is expected to win`, `He seemed to
///   agree`, `The team appeared paralyzed`) or `known` (`is known for`):
///   the subject is not who expects or judges (PolNeAR train: 151
///   `expected`/`seem`/`appear` quotes before an infinitive, 12 with the
///   subject as source; 35 `known`, 1);
/// - a passive (`Sanders was asked to name ...`, `He has been told ...`;
///   not `was quoted`): the subject was asked or told;
/// - `criticism` with no possessive before it (`She came under
///   criticism`): the subject is its target; `her criticism` is hers.
fn subject_can_be_speaker(text: &str, toks: &[Tok], first: usize, k: usize, start: usize) -> bool {
    let word = lowercase(text, &toks[k]);
    if lexicon::is_raising(text, &toks[k])
        && (word != "expected" || toks[start].slice(text) == "to")
    {
        return false;
    }
    // The two words before the cue, nearest first.
    let before = || toks[first.max(k.saturating_sub(2))..k].iter().rev();
    let passive = (word.ends_with("ed") || word == "told")
        && word != "quoted"
        && before()
            .take_while(|t| {
                let w = lowercase(text, t);
                lexicon::is_be(text, t) || w == "not" || w.ends_with("ly")
            })
            .any(|t| lexicon::is_be(text, t));
    !passive && (word != "criticism" || before().any(|t| lexicon::is_possessive(text, t)))
}

/// Token `t` with ASCII letters lowercased, copied only when it has a
/// capital.
fn lowercase<'t>(text: &'t str, t: &Tok) -> Cow<'t, str> {
    let w = t.slice(text);
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(w.to_ascii_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// Participles that carry on an attribution: `, adding that ...`.
pub(super) const PARTICIPLES: [&str; 16] = [
    "adding",
    "arguing",
    "noting",
    "saying",
    "explaining",
    "insisting",
    "warning",
    "stressing",
    "claiming",
    "suggesting",
    "acknowledging",
    "asserting",
    "predicting",
    "contending",
    "complaining",
    "calling",
];

/// `, adding (that) CONTENT.` starting after byte `after` in `sentence`:
/// the participle's span and the content, to the sentence's end.
pub(super) fn participle_clause(
    text: &str,
    toks: &[Tok],
    after: usize,
    sentence: Span,
) -> Option<(Span, Span)> {
    let from = toks.partition_point(|t| t.start < after);
    let last = toks
        .partition_point(|t| t.end <= sentence.end)
        .checked_sub(1)?;
    let end_tok = if toks.get(last)?.kind == TokKind::Punct {
        last.checked_sub(1)?
    } else {
        last
    };
    let comma = (from..end_tok.min(from + 12)).find(|&k| scan::is_comma(text, &toks[k]))?;
    let part = toks.get(comma + 1)?;
    if part.kind != TokKind::Word || !PARTICIPLES.contains(&part.slice(text)) {
        return None;
    }
    let start = comma + 2;
    if start > end_tok || !content_ok(text, toks, start, end_tok) {
        return None;
    }
    let end = content_end(text, toks, start, end_tok);
    Some((
        Span::new(part.start, part.end),
        Span::new(toks[start].start, toks[end].end),
    ))
}

/// Where reported content ends: before `, adding ...`-style participle
/// clauses and before `and said ...`, which carry other attributions;
/// else at `end_tok`.
pub(super) fn content_end(text: &str, toks: &[Tok], start: usize, end_tok: usize) -> usize {
    for k in start + 3..end_tok {
        let next = &toks[k + 1];
        let participle = scan::is_comma(text, &toks[k])
            && next.kind == TokKind::Word
            && next.slice(text).ends_with("ing")
            && !scan::starts_upper(next.slice(text));
        let and_cue = toks[k].slice(text) == "and" && lexicon::cue_at(text, toks, k + 1).is_some();
        if participle || and_cue {
            return k - 1;
        }
    }
    end_tok
}

/// Reported content needs a clause: at least four words, or three opening
/// with a subject pronoun (`she supported it`), or two or more with a
/// quotation mark after the first (`the request "absurd."`).
pub(super) fn content_ok(text: &str, toks: &[Tok], from: usize, to: usize) -> bool {
    let words = content_words(toks, from, to);
    words >= 4
        || (words == 3 && coref::is_subject_pronoun(toks[from].slice(text)))
        || (words >= 2
            && toks[from].kind == TokKind::Word
            && toks[from..=to].iter().any(|t| t.kind == TokKind::Quote))
}

pub(super) fn content_words(toks: &[Tok], from: usize, to: usize) -> usize {
    if from > to {
        return 0;
    }
    toks[from..=to]
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .count()
}

pub(super) fn is_soft(text: &str, t: &Tok) -> bool {
    matches!(t.slice(text), "," | ":" | "—" | "–" | "--" | "-" | ";")
}

pub(super) fn skip_soft(text: &str, toks: &[Tok], mut i: usize) -> usize {
    while i < toks.len() && toks[i].kind == TokKind::Punct && is_soft(text, &toks[i]) {
        i += 1;
    }
    i
}
