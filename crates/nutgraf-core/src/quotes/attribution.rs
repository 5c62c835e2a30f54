//! Attributions around a direct quote: the cue and speaker after it
//! (`"...," she said`), before it (`She said: "..."`), or in a transcript's
//! speaker label. Headlines are read in [`super::headline`].

use super::wordset::WordSet;
use super::*;

/// An attribution: the cue, the speaker, and the token after it.
pub(super) struct Attribution {
    pub(super) cue: Span,
    pub(super) speaker: Option<Span>,
    pub(super) next_tok: usize,
    /// Found before the quote, in the clause that introduces it.
    pub(super) before: bool,
}

impl Attribution {
    /// True when nothing after this attribution carries its clause on: it
    /// ends the sentence or is followed by punctuation, a time or place
    /// (`said Monday`, `said in March`, `told CNN as ...`), or its
    /// speaker comes after the cue (`said a source close to the
    /// campaign`). False for `he claimed they never met`, `she vowed to
    /// ...`: a clause of the attribution's own.
    pub(super) fn closes_clause(&self, text: &str, toks: &[Tok], sentence: Span) -> bool {
        if self.speaker.is_some_and(|s| self.cue.end <= s.start) {
            return true;
        }
        let end = self
            .speaker
            .map_or(self.cue.end, |s| s.end.max(self.cue.end));
        let k = toks.partition_point(|t| t.start < end);
        let Some(t) = toks.get(k).filter(|t| t.start < sentence.end) else {
            return true;
        };
        t.kind != TokKind::Word
            || (lexicon::is_adverbial_opener(text, t) && t.slice(text) != "to")
            || lexicon::listed(&AFTER_CUE, text, t)
            || phrase::is_time_word(text, t)
    }
}

/// Words after an attribution that open no clause of its own, besides the
/// adverbial openers (`in`, `during`, `as`...) and times
/// ([`phrase::is_time_word`]).
const AFTER_CUE: WordSet<4> = WordSet::new(["of", "via", "and", "this"]);

/// `"...," she said.` / `"...," said Jane Doe, a spokesman.` after the
/// quote closing at token `close`.
pub(super) fn attribution_after(
    text: &str,
    toks: &[Tok],
    close: usize,
    sentence: Span,
    para: Span,
) -> Option<Attribution> {
    let limit = sentence.end.max(toks[close].end).min(para.end);
    let mut i = close + 1;
    // Skip a comma, dash or colon between the quote and the attribution.
    while i < toks.len() && toks[i].kind == TokKind::Punct && is_soft(text, &toks[i]) {
        i += 1;
    }
    // `"..." ― Jane Doe`: a dash and a name closing the paragraph.
    let dash = toks.get(close + 1).is_some_and(|t| is_dash(text, t));
    if dash {
        // The name ends at the line's end: lines of `"..." ― Name` may
        // share a paragraph.
        let same_line = |k: usize| !text[toks[k - 1].end..toks[k].start].contains('\n');
        let name: Vec<usize> = (close + 2..toks.len())
            .take_while(|&k| {
                toks[k].start < para.end
                    && toks[k].kind == TokKind::Word
                    && scan::starts_upper(toks[k].slice(text))
                    && same_line(k)
            })
            .take(6)
            .collect();
        let closes = name.last().is_some_and(|&last| {
            name.len() <= 5
                && !toks.get(last + 1).is_some_and(|t| {
                    t.start < para.end && t.kind == TokKind::Word && same_line(last + 1)
                })
        });
        if closes {
            let last = name[name.len() - 1];
            return Some(Attribution {
                cue: Span::new(toks[close + 1].start, toks[close + 1].end),
                speaker: Some(Span::new(toks[close + 2].start, toks[last].end)),
                // A name after a dash closes its quote: the next quote
                // (on the next line) is someone else's.
                next_tok: toks.len(),
                before: false,
            });
        }
    }
    let words: Vec<usize> = (i..toks.len())
        .take_while(|&k| toks[k].start < limit && toks[k].kind == TokKind::Word)
        .take(10)
        .collect();
    if words.is_empty() {
        return None;
    }
    // `"...," according to a statement from the city.`: the phrase after
    // `according to`, to the clause's end.
    if let Some((cue, after)) = lexicon::according_to(text, toks, words[0]) {
        let end = (after..toks.len())
            .take_while(|&k| {
                toks[k].start < limit
                    && (toks[k].kind == TokKind::Word
                        || (toks[k].kind == TokKind::Punct
                            && matches!(toks[k].slice(text), "'" | "\u{2019}")))
            })
            .last();
        if let Some(end) = end.filter(|&e| e - after < 12) {
            return Some(Attribution {
                cue,
                speaker: Some(Span::new(toks[after].start, toks[end].end)),
                next_tok: skip_soft(text, toks, end + 1),
                before: false,
            });
        }
    }
    // CUE SPEAKER: `said Jane Doe`.
    if let Some((cue, after)) = lexicon::cue_at(text, toks, words[0]) {
        let sp = scan::noun_phrase_forward(text, toks, after, limit);
        let next = sp.map_or(after, |(_, n)| n);
        return Some(Attribution {
            cue,
            speaker: sp.map(|(s, _)| s),
            next_tok: skip_soft(text, toks, next),
            before: false,
        });
    }
    if let Some(a) = unlisted_cue(text, toks, close, &words, limit) {
        return Some(a);
    }
    // SPEAKER CUE: `she said`, `the former mayor told reporters`,
    // `the harbour master, Ana Reyes, said`.
    // `Rep. Jim Jordan (R-Ohio), an oversight panel member, said`,
    // `Del. Marcia "Cia" Price said`.
    let run = (i + 1..toks.len())
        .take_while(|&k| {
            toks[k].start < limit
                && match toks[k].kind {
                    TokKind::Word => true,
                    // `(D-Mo.)`, `R-Ky.,`: an abbreviation's dot before `)` or `,`.
                    TokKind::Punct => {
                        matches!(toks[k].slice(text), "," | "(" | ")")
                            || (toks[k].slice(text) == "."
                                && toks
                                    .get(k + 1)
                                    .is_some_and(|n| matches!(n.slice(text), ")" | ",")))
                    }
                    TokKind::Quote => scan::is_nickname_mark(toks, k),
                }
        })
        .take(20)
        .filter(|&k| toks[k].kind == TokKind::Word);
    // `"...," while 73 percent said ...`: a new clause, not an attribution;
    // but `"..." and against the riders, Ruiz said.` closes on one (below).
    let opener = lexicon::is_clause_opener(text, &toks[words[0]]);
    for k in run.filter(|_| !opener) {
        if let Some((cue, after)) = lexicon::cue_at(text, toks, k) {
            let speaker = scan::noun_phrase_back(text, toks, words[0], k)?;
            // The speaker follows the quote: `"...," the mayor said`, not
            // `"..." with Rubio, in a finish that he said ...`.
            let between = &toks[words[0]..toks.partition_point(|t| t.start < speaker.start)];
            if between
                .iter()
                .any(|t| matches!(t.slice(text), "that" | "which" | "whom" | "where" | "what"))
            {
                return None;
            }
            let after = lexicon::skip_cue_object(text, toks, after, limit);
            return Some(Attribution {
                cue,
                speaker: Some(speaker),
                next_tok: skip_soft(text, toks, after),
                before: false,
            });
        }
    }
    // `"..." to drive up the price, she said.`: a closing `, SPEAKER CUE`
    // at the sentence's end, after words that finish the quoted clause.
    let end = (i..toks.len())
        .take_while(|&k| toks[k].start < limit)
        .last()?;
    // `"..." about fixing inequality, said Marla Kilfoyle, a teacher.`
    let said_x = (i..end)
        .filter(|&c| scan::is_comma(text, &toks[c]))
        .find_map(|c| lexicon::cue_at(text, toks, c + 1).map(|cue| (c, cue)));
    if let Some((c, (cue, after))) = said_x {
        let clean = !toks[c..=end].iter().any(|t| t.kind == TokKind::Quote);
        if let Some((speaker, next)) = scan::noun_phrase_forward(text, toks, after, limit)
            .filter(|&(sp, _)| clean && plausible_speaker(text, toks, sp))
        {
            return Some(Attribution {
                cue,
                speaker: Some(speaker),
                next_tok: skip_soft(text, toks, next),
                before: false,
            });
        }
    }
    let comma = (i..end).rev().find(|&k| scan::is_comma(text, &toks[k]))?;
    if end - comma > 8
        || toks[comma + 1..=end]
            .iter()
            .any(|t| t.kind == TokKind::Quote)
    {
        return None;
    }
    for k in comma + 2..=end {
        if let Some((cue, after)) = lexicon::cue_at(text, toks, k) {
            let speaker = scan::noun_phrase_back(text, toks, comma + 1, k)?;
            return Some(Attribution {
                cue,
                speaker: Some(speaker),
                next_tok: skip_soft(text, toks, after),
                before: false,
            });
        }
    }
    None
}

/// A verb of saying no list holds, right after a quote that ends on a
/// comma, question or exclamation mark: `"This is fantastic!" beamed Ana
/// Ruiz`, `"Not a chance," Ruiz shot back.` or `"Fine," she quipped.` The
/// verb is a past tense (`-ed`) between the quote and a name, or a past
/// or present tense (`Bozell answers.`) after a name or pronoun and
/// closing the clause.
fn unlisted_cue(
    text: &str,
    toks: &[Tok],
    close: usize,
    words: &[usize],
    limit: usize,
) -> Option<Attribution> {
    let inner = text[..toks[close].start].trim_end();
    if !inner.ends_with([',', '?', '!']) {
        return None;
    }
    // A past tense, or any verb answering (`shot back`, `hit back`); after
    // a name, a present tense too (`Bozell answers.`).
    let verb_at = |k: usize, present: bool| {
        let w = toks[k].slice(text);
        let back = toks.get(k + 1).is_some_and(|t| t.slice(text) == "back");
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && !crate::analyze::is_stop_word(w)
            && ((w.len() >= 5 && w.ends_with("ed"))
                || back
                || (present && w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss")))
    };
    let upper = |k: usize| scan::starts_upper(toks[k].slice(text));
    let attribution = |cue: usize, speaker: Span, next: usize| Attribution {
        cue: Span::new(toks[cue].start, toks[cue].end),
        speaker: Some(speaker),
        next_tok: skip_soft(text, toks, next),
        before: false,
    };
    // `beamed Ana Ruiz`.
    if verb_at(words[0], false) && words.get(1).is_some_and(|&k| k == words[0] + 1 && upper(k)) {
        let (speaker, next) = scan::noun_phrase_forward(text, toks, words[0] + 1, limit)?;
        return plausible_speaker(text, toks, speaker)
            .then(|| attribution(words[0], speaker, next));
    }
    // `Ruiz shot back.`, `she quipped,`: a name or pronoun, the verb, at
    // most one particle, then the clause's end.
    let names = words
        .iter()
        .take_while(|&&k| upper(k) && !coref::is_not_name(toks[k].slice(text)))
        .count();
    let pronoun = names == 0 && coref::is_pronoun(toks[words[0]].slice(text));
    let n = if pronoun { 1 } else { names };
    if n == 0 || n > 4 || words.get(n).is_none_or(|&k| !verb_at(k, true)) {
        return None;
    }
    let verb = words[n];
    let rest = words.len() - n - 1;
    let closes = words
        .last()
        .and_then(|&k| toks.get(k + 1))
        .is_none_or(|t| t.start >= limit || matches!(t.slice(text), "." | "," | ";" | "!" | "?"));
    (rest <= 1 && closes && words.windows(2).all(|w| w[1] == w[0] + 1)).then(|| {
        attribution(
            verb,
            Span::new(toks[words[0]].start, toks[words[n - 1]].end),
            verb + 1,
        )
    })
}

/// `Doe said: "..."` / `He told CNN, "..."` before the quote opening at
/// token `open`, within its sentence.
pub(super) fn attribution_before(
    text: &str,
    toks: &[Tok],
    quoted: &[(usize, usize)],
    open: usize,
    sentence: Span,
) -> Option<Attribution> {
    // Look back at most 64 tokens, within the sentence.
    let first = toks
        .partition_point(|t| t.start < sentence.start)
        .max(open.saturating_sub(64));
    if open <= first {
        return None;
    }
    // The first cue with a speaker before the quote (`She said she recalls
    // "..."`: the outer speaker), not past another quotation.
    // Scare quotes (`he won "every single debate" and ...`) are part of
    // the attribution's clause; a real quotation before is a boundary.
    let from = quoted
        .iter()
        .rev()
        .find(|&&(o, c)| c < open && o >= first && is_real_quote(text, toks, o, c))
        .map_or(first, |&(_, c)| c + 1);
    // `..., which is an outcome, he said, "we've long anticipated."`: a
    // parenthetical attribution right before the quote.
    let mut j = open;
    while j > from && toks[j - 1].kind == TokKind::Punct && is_soft(text, &toks[j - 1]) {
        j -= 1;
    }
    if j > from + 1 && j < open {
        if let Some((cue, _)) = lexicon::cue_at(text, toks, j - 1) {
            let speaker = scan::noun_phrase_back(text, toks, from, j - 1).filter(|s| {
                let at = toks.partition_point(|t| t.start < s.start);
                at > from
                    && scan::is_comma(text, &toks[at - 1])
                    && coref::is_subject_pronoun(s.slice(text))
            });
            if speaker.is_some() {
                return Some(Attribution {
                    cue,
                    speaker,
                    next_tok: open,
                    before: true,
                });
            }
        }
    }
    let mut fallback = None;
    for k in from..open {
        // `According to Yahoo News, "..."`.
        if let Some((cue, after)) = lexicon::according_to(text, toks, k) {
            let comma = (after..open).find(|&c| scan::is_comma(text, &toks[c]));
            if let Some(comma) = comma.filter(|&c| c > after && c - after <= 24) {
                return Some(Attribution {
                    cue,
                    speaker: Some(Span::new(toks[after].start, toks[comma - 1].end)),
                    next_tok: open,
                    before: true,
                });
            }
        }
        if let Some((cue, after)) = lexicon::cue_at(text, toks, k) {
            let mut speaker = scan::noun_phrase_back(text, toks, from, k);
            if speaker.is_none() && k > from && scan::is_comma(text, &toks[k - 1]) {
                // `But, said Solovey, "..."`, `In other words, explained
                // Nancy Cordes: "..."`: a name right after the cue, then
                // the quote.
                speaker = scan::noun_phrase_forward(text, toks, k + 1, toks[open].start)
                    .filter(|&(s, next)| {
                        scan::starts_upper(s.slice(text))
                            && toks[next..open].iter().all(|t| t.kind == TokKind::Punct)
                    })
                    .map(|(s, _)| s);
            }
            if speaker.is_none() && k > from && toks[k - 1].slice(text) == "and" {
                // `Trump bemoaned the unrest and said ...`: the subject of
                // the first verb.
                speaker = sentence_subject(text, toks, sentence, k);
            }
            let a = Attribution {
                cue,
                speaker,
                next_tok: open,
                before: true,
            };
            if let Some(sp) = a.speaker {
                if let Some((_, cue, speaker)) = main_clause_cue(text, toks, from, sp, after, open)
                {
                    return Some(Attribution {
                        cue,
                        speaker: Some(speaker),
                        next_tok: open,
                        before: true,
                    });
                }
                return Some(adjacent_cue(text, toks, after, open).unwrap_or(a));
            }
            fallback.get_or_insert(a);
        }
    }
    fallback
}

/// `Clinton, who called Sanders after the result, told her supporters,
/// "..."`: a cue whose speaker `sp` is a relative pronoun opening an
/// aside (`, who`) sits in that aside; the main clause's cue, right after
/// the comma that closes the aside (past an auxiliary or adverb: `has
/// said`, `later told`), is the quote's, and the speaker is the noun
/// phrase before the aside. `from` is the first token the search may
/// read, `after` the token after the aside's cue, and the main cue starts
/// before token `open`. Returns the main cue's token, span and speaker.
pub(super) fn main_clause_cue(
    text: &str,
    toks: &[Tok],
    from: usize,
    sp: Span,
    after: usize,
    open: usize,
) -> Option<(usize, Span, Span)> {
    let r = toks.partition_point(|t| t.start < sp.start);
    let relative = toks.get(r).filter(|t| t.end == sp.end)?;
    if !matches!(relative.slice(text), "who" | "which") || r < from + 2 {
        return None;
    }
    if !scan::is_comma(text, &toks[r - 1]) {
        return None;
    }
    let comma = (after..open).find(|&c| scan::is_comma(text, &toks[c]))?;
    let mut k = comma + 1;
    if toks.get(k).is_some_and(|t| {
        let w = t.slice(text);
        matches!(
            w,
            "has" | "had" | "have" | "also" | "then" | "later" | "again"
        ) || (w.len() > 4 && w.ends_with("ly"))
    }) {
        k += 1;
    }
    if k >= open {
        return None;
    }
    let (cue, _) = lexicon::cue_at(text, toks, k)?;
    let speaker = scan::noun_phrase_back(text, toks, from, r - 1)
        .filter(|&s| plausible_speaker(text, toks, s))?;
    Some((k, cue, speaker))
}

/// `When Patriot signaled that ..., Mr. Barrett said, "..."`, `an
/// architect who said he was stiffed, saying, "..."`: a cue that ends
/// right before the quote opening at `open`, past a comma after the first
/// cue's clause (which ends at token `from`), is the quote's own; the first
/// cue belongs to a subordinate or relative clause. Its speaker is the
/// noun phrase after that comma, or none for a participle (`, saying,`:
/// the sentence's subject, found later). An `and` joining two clauses
/// parts them as a comma does (`a woman asked for a photo and Clinton
/// said, "..."`).
fn adjacent_cue(text: &str, toks: &[Tok], from: usize, open: usize) -> Option<Attribution> {
    let mut end = open;
    while end > from && toks[end - 1].kind == TokKind::Punct && is_soft(text, &toks[end - 1]) {
        end -= 1;
    }
    if end > from && toks[end - 1].slice(text) == "that" {
        end -= 1;
    }
    // The cue, and at most three words of its object (`told CNN`, `told
    // her supporters`).
    let (k, cue) = (end.saturating_sub(4).max(from)..end).find_map(|k| {
        let (cue, after) = lexicon::cue_at(text, toks, k)?;
        let object = &toks[after.min(end)..end];
        (object.is_empty()
            || (lexicon::is_tell(text, &toks[k])
                && object.iter().enumerate().all(|(i, t)| {
                    t.kind == TokKind::Word && !lexicon::is_verb_like(text, object, i)
                })))
        .then_some((k, cue))
    })?;
    // A dash closes an aside as a comma does (`When Clinton noted that ...
    // ― as was true for years ― Trump boasted, "..."`).
    let comma = (from..k).rev().find(|&c| {
        scan::is_comma(text, &toks[c]) || is_dash(text, &toks[c]) || toks[c].slice(text) == "and"
    })?;
    let speaker = if comma + 1 == k {
        if !cue.slice(text).ends_with("ing") {
            return None;
        }
        None
    } else {
        Some(
            scan::noun_phrase_back(text, toks, comma + 1, k)
                .filter(|&s| plausible_speaker(text, toks, s))?,
        )
    };
    Some(Attribution {
        cue,
        speaker,
        next_tok: open,
        before: true,
    })
}

/// A transcript line inside a quotation: `"WALLACE: But, Governor ...`,
/// the speaker's name in capitals and a colon right after the opening mark.
/// Gives the name and the colon (the cue).
pub(super) fn transcript_speaker(
    text: &str,
    toks: &[Tok],
    open: usize,
    close: usize,
) -> Option<(Span, Span)> {
    let colon = (open + 1..close.min(open + 5)).find(|&k| toks[k].slice(text) == ":")?;
    let name = &toks[open + 1..colon];
    let caps = |t: &Tok| {
        let w = t.slice(text);
        t.kind == TokKind::Word
            && w.chars().any(char::is_alphabetic)
            && !w.chars().any(char::is_lowercase)
    };
    (!name.is_empty() && name.iter().all(caps)).then(|| {
        (
            Span::new(name[0].start, name[name.len() - 1].end),
            Span::new(toks[colon].start, toks[colon].end),
        )
    })
}

/// `The New York Times reports:` ending a paragraph, introducing the
/// quotation in the next: the cue and speaker, from the paragraph's tokens.
pub(super) fn attribution_closing(text: &str, toks: &[Tok]) -> Option<Attribution> {
    let last = toks.len().checked_sub(1)?;
    if toks[last].slice(text) != ":" {
        return None;
    }
    let lo = last.saturating_sub(12);
    let lo = (lo..last)
        .rev()
        .find(|&k| toks[k].kind != TokKind::Word)
        .map_or(lo, |k| k + 1);
    (lo..last).find_map(|k| {
        let (cue, _) = lexicon::cue_at(text, toks, k)?;
        let speaker = scan::noun_phrase_back(text, toks, lo, k)?;
        Some(Attribution {
            cue,
            speaker: Some(speaker),
            next_tok: toks.len(),
            before: false,
        })
    })
}

/// `..., as a Homeland Security memo put it.` after the quote closing at
/// `close`, or `as The New Yorker put it in a profile, "..."` before the
/// quote opening at `open`: `put it` is the cue, the phrase after `as` the
/// speaker. The clause must touch the quote, past commas and at most a few
/// words (`in a profile`).
pub(super) fn as_put_it(
    text: &str,
    toks: &[Tok],
    open: usize,
    close: usize,
    sentence: Span,
) -> Option<Attribution> {
    let is = |k: usize, w: &str| {
        toks[k].kind == TokKind::Word && toks[k].slice(text).eq_ignore_ascii_case(w)
    };
    let first = toks.partition_point(|t| t.start < sentence.start);
    let last = toks.partition_point(|t| t.start < sentence.end);
    // The clause `as NAME put(s) it` starting at token `a`: its cue span
    // and speaker, and the token after `it`.
    let clause = |a: usize| -> Option<(Span, Span, usize)> {
        if !is(a, "as") {
            return None;
        }
        let put = (a + 2..(a + 9).min(last)).find(|&k| is(k, "put") || is(k, "puts"))?;
        if put + 1 >= last || !is(put + 1, "it") {
            return None;
        }
        let name = &toks[a + 1..put];
        if name.iter().any(|t| t.kind != TokKind::Word) {
            return None;
        }
        let speaker = Span::new(name[0].start, name[name.len() - 1].end);
        Some((
            Span::new(toks[put].start, toks[put + 1].end),
            speaker,
            put + 2,
        ))
    };
    // After the quote: `"...," as X put it`.
    let mut a = close + 1;
    while a < last && toks[a].kind == TokKind::Punct && scan::is_comma(text, &toks[a]) {
        a += 1;
    }
    if a < last {
        if let Some((cue, speaker, next_tok)) = clause(a) {
            return Some(Attribution {
                cue,
                speaker: Some(speaker),
                next_tok,
                before: false,
            });
        }
    }
    // Before it: `as X put it (in a few words), "..."`.
    let lo = first.max(open.saturating_sub(16));
    (lo..open).find_map(|a| {
        let (cue, speaker, after) = clause(a)?;
        let gap = &toks[after..open];
        let words = gap.iter().filter(|t| t.kind == TokKind::Word).count();
        let ends_soft = gap
            .last()
            .is_some_and(|t| t.kind == TokKind::Punct && is_soft(text, t));
        (words <= 5 && (gap.is_empty() || ends_soft)).then_some(Attribution {
            cue,
            speaker: Some(speaker),
            next_tok: open,
            before: true,
        })
    })
}

/// A dash between clauses: `―`, `—`, `–` or `--`.
fn is_dash(text: &str, t: &Tok) -> bool {
    t.kind == TokKind::Punct && matches!(t.slice(text), "―" | "—" | "–" | "--")
}
