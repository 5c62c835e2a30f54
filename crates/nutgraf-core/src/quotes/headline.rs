//! Headlines read as attributions: `Name: what they said`, Title Case
//! `Speaker Says ...`, and in sentence case a subject before a verb or a
//! name before a colon, with a quotation after it.

use super::*;

/// Labels that open headlines and are nobody's name.
pub(super) const HEADLINE_LABELS: [&str; 17] = [
    "breaking",
    "latest",
    "exclusive",
    "watch",
    "video",
    "update",
    "updated",
    "poll",
    "report",
    "analysis",
    "opinion",
    "live",
    "photos",
    "editorial",
    "review",
    "explainer",
    "factbox",
];

/// A headline in the form `Speaker Name: what they said`: one to four
/// capitalized words and a colon, then at least three words.
pub(super) fn headline_speaker(text: &str, toks: &[Tok]) -> Option<Quote> {
    let colon = toks.iter().take(6).position(|t| t.slice(text) == ":")?;
    let name = &toks[..colon];
    let words_after = toks[colon + 1..]
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .count();
    let is_name_word = |t: &Tok| {
        t.kind == TokKind::Word
            && scan::starts_upper(t.slice(text))
            && !coref::is_not_name(t.slice(text))
            && !HEADLINE_LABELS.contains(&t.slice(text).to_lowercase().as_str())
    };
    if name.is_empty() || words_after < 3 || !name.iter().all(is_name_word) {
        return None;
    }
    let last = toks.len() - 1;
    let end = if toks[last].kind == TokKind::Punct {
        last.checked_sub(1)?
    } else {
        last
    };
    let speaker = Span::new(name[0].start, name[colon - 1].end);
    let content = Span::new(toks[colon + 1].start, toks[end].end);
    (content.start < content.end).then(|| {
        make(
            text,
            QuoteKind::Indirect,
            None,
            Some(speaker),
            vec![content],
        )
    })
}

/// A headline in Title Case with a quotation in it, its subject before a
/// cue word (`Senator Hale Blasts Ferry Board Over 'Secret' Fares`): the
/// subject is the speaker, the cue word the cue, the rest the content.
/// The cue is the first capitalized word of the cue lexicon (verbs of
/// saying, learned cues, the cue tagger's candidates in `-s`) among the
/// first six, and every word before it is capitalized.
pub(super) fn headline_subject(text: &str, toks: &[Tok]) -> Option<Quote> {
    if !toks.first()?.title_case {
        return None;
    }
    let quotation = |t: &Tok| t.kind == TokKind::Quote || matches!(t.slice(text), "\u{2018}" | "'");
    let mark = toks.iter().position(quotation)?;
    // A verb of saying or a learned cue, or a candidate of the tagger in
    // `-s` (`Blasts`, `Reveals`), not a noun (`Claim`, `Announcement`).
    let is_verb = |t: &Tok| {
        let w = t.slice(text);
        t.kind == TokKind::Word
            && scan::starts_upper(w)
            && (t.class & lexicon::CLASS_CUE != 0
                || (t.class & lexicon::CLASS_CANDIDATE != 0
                    && w.ends_with('s')
                    && !w.ends_with("ss")))
    };
    let verb = (1..mark.min(6)).find(|&k| is_verb(&toks[k]))?;
    // `Trump Just Announced`: an adverb before the verb is not the speaker's.
    let subject_end = if matches!(
        toks[verb - 1].slice(text),
        "Just" | "Now" | "Also" | "Finally"
    ) {
        verb - 1
    } else {
        verb
    };
    let subject_ok = subject_end > 0
        && toks[..subject_end].iter().all(|t| {
            t.kind == TokKind::Word
                && scan::starts_upper(t.slice(text))
                && !HEADLINE_LABELS.contains(&t.slice(text).to_lowercase().as_str())
        });
    let last = toks.len() - 1;
    let end = if toks[last].kind == TokKind::Punct && !quotation(&toks[last]) {
        last.checked_sub(1)?
    } else {
        last
    };
    if !subject_ok || end <= verb + 1 {
        return None;
    }
    let speaker = Span::new(toks[0].start, toks[subject_end - 1].end);
    let cue = Span::new(toks[verb].start, toks[verb].end);
    let content = Span::new(toks[verb + 1].start, toks[end].end);
    Some(make(
        text,
        QuoteKind::Indirect,
        Some(cue),
        Some(speaker),
        vec![content],
    ))
}

/// True for a quotation mark at token `k`, or a single one that opens a
/// quotation (a space or nothing before it, a word right after it): not
/// the apostrophe of `voters' support`.
fn opens_quotation(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    t.kind == TokKind::Quote
        || (matches!(t.slice(text), "\u{2018}" | "'")
            && (k == 0 || toks[k - 1].end < t.start)
            && toks
                .get(k + 1)
                .is_some_and(|n| n.start == t.end && n.kind == TokKind::Word))
}

/// The last token of a headline's content: the last token, or the one
/// before it when it is punctuation other than a quotation mark.
fn headline_end(text: &str, toks: &[Tok]) -> Option<usize> {
    let last = toks.len().checked_sub(1)?;
    let t = &toks[last];
    if t.kind == TokKind::Punct && !matches!(t.slice(text), "'" | "\u{2019}") {
        last.checked_sub(1)
    } else {
        Some(last)
    }
}

/// A headline whose words before a colon name someone and whose words
/// after it hold a quotation (`A word from Mayor Quint: 'Ride the
/// ferry.'`, `Quint on fares: the rise is 'unfair'`): the first name
/// before the colon is the speaker, the rest the content. Read only on a
/// line the headline detector takes for a headline.
pub(super) fn headline_label(text: &str, toks: &[Tok]) -> Option<Quote> {
    let colon = toks.iter().take(8).position(|t| t.slice(text) == ":")?;
    if !(colon + 1..toks.len()).any(|k| opens_quotation(text, toks, k))
        || toks[..colon].iter().any(|t| t.kind == TokKind::Quote)
    {
        return None;
    }
    let label = |t: &Tok| HEADLINE_LABELS.contains(&t.slice(text).to_lowercase().as_str());
    let first = (0..colon).find(|&k| coref::opens_name(text, &toks[k]) && !label(&toks[k]))?;
    let last = (first..colon)
        .take_while(|&k| coref::opens_name(text, &toks[k]) && !label(&toks[k]))
        .last()?;
    let end = headline_end(text, toks)?;
    (end > colon + 1).then(|| {
        make(
            text,
            QuoteKind::Indirect,
            None,
            Some(Span::new(toks[first].start, toks[last].end)),
            vec![Span::new(toks[colon + 1].start, toks[end].end)],
        )
    })
}

/// A headline in sentence case with a quotation in it, its subject before
/// a verb in the third person (`Mayor Quint slams board's 'secret' fare
/// rise`, `The Latest: Hale declares 'victory'`): the subject is the
/// speaker, the verb the cue, the rest the content. The subject opens with
/// a capital and holds words only; the verb is a lowercase cue word or a
/// lowercase word in `-s` among the first six; a label and colon before
/// the subject (`The Latest:`, `Analysis:`) are left out. Read only on a
/// line the headline detector takes for a headline (see `extract_with`).
pub(super) fn headline_verb(text: &str, toks: &[Tok]) -> Option<Quote> {
    if toks.first()?.title_case || toks.len() > 30 {
        return None;
    }
    let opens = |k: usize| opens_quotation(text, toks, k);
    let mark = (0..toks.len()).find(|&k| opens(k))?;
    let start = match toks.iter().take(4).position(|t| t.slice(text) == ":") {
        Some(colon) => {
            let label = text[toks[0].start..toks[colon - 1].end].to_lowercase();
            if label == "the latest" || HEADLINE_LABELS.contains(&label.as_str()) {
                colon + 1
            } else {
                return None;
            }
        }
        None => 0,
    };
    // A verb of saying, a learned cue or a candidate of the cue tagger; or
    // a word in `-s` with a quotation, a capitalized word or a number
    // after it (`Judge blocks Dunmore's ...`), not a plural noun before a
    // verb (`Democratic voters size up ...`).
    let is_verb = |k: usize| {
        let t = &toks[k];
        let w = t.slice(text);
        let object_next = toks.get(k + 1).is_some_and(|n| {
            opens(k + 1)
                || (n.kind == TokKind::Word
                    && n.slice(text)
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
        });
        w.len() >= 4
            && !scan::starts_upper(w)
            && (t.class & (lexicon::CLASS_CUE | lexicon::CLASS_CANDIDATE) != 0
                || (w.ends_with('s')
                    && !w.ends_with("ss")
                    && !w.ends_with("us")
                    && !w.ends_with("is")
                    && object_next))
    };
    let verb =
        (start + 1..mark.min(start + 6)).find(|&k| toks[k].kind != TokKind::Word || is_verb(k))?;
    let subject_ok = toks[start].kind == TokKind::Word
        && scan::starts_upper(toks[start].slice(text))
        && !coref::is_not_name(toks[start].slice(text))
        && toks[start..=verb].iter().all(|t| t.kind == TokKind::Word);
    let end = headline_end(text, toks)?;
    if !subject_ok || end <= verb + 1 {
        return None;
    }
    Some(make(
        text,
        QuoteKind::Indirect,
        Some(Span::new(toks[verb].start, toks[verb].end)),
        Some(Span::new(toks[start].start, toks[verb - 1].end)),
        vec![Span::new(toks[verb + 1].start, toks[end].end)],
    ))
}
