//! Candidate cuts: the byte ranges of a sentence that may go without
//! breaking it, and the guards that refuse a cut (negations, attributions,
//! half quotations, split numbers).

use super::*;

/// A delimiter of the sentence outside quotations.
#[derive(Clone, Copy, Debug)]
pub(super) struct Delim {
    /// First byte of the delimiter (a preceding space included for dashes).
    pub(super) start: usize,
    /// One past its last byte.
    pub(super) end: usize,
    /// 1 comma, 2 semicolon, 3 dash.
    pub(super) class: u8,
}

pub(super) fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}')
}

/// Commas, semicolons and spaced dashes of the sentence at quotation depth
/// zero, and parentheticals; commas between digits are no delimiters.
pub(super) fn delimiters(text: &str, s: Span) -> (Vec<Delim>, Vec<Span>) {
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
pub(super) fn final_punct_start(text: &str, s: Span) -> usize {
    let body = s.slice(text);
    let trimmed = body.trim_end_matches(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}', ')']);
    s.start + trimmed.len()
}

/// Whether a sentence opening with `toks` opens with an introductory
/// phrase: a preposition, subordinator or time word; or an `-ly` adverb or
/// a participle (`Speaking to reporters,`) followed by a lowercase word, so
/// that names (`Kelly Smith,`, `Emily,`) are no openers.
pub(super) fn opens_phrase(text: &str, toks: &[Token]) -> bool {
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

pub(super) const CONNECTIVES: &[&str] = &[
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

pub(super) const TIME_BEFORE: &[&str] = &[
    "on", "last", "this", "earlier", "late", "early", "next", "since",
];
pub(super) const TIME_UNITS: &[&str] = &[
    "week", "month", "year", "weekend", "night", "summer", "winter",
];
pub(super) const TIME_AFTER: &[&str] = &["morning", "afternoon", "evening", "night"];

pub(super) fn lower_eq(word: &str, list: &[&str]) -> bool {
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

pub(super) const CLAUSE_OPENERS: &[&str] = &[
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
pub(super) fn clauses(
    text: &str,
    toks: &[Token],
    delims: &[Delim],
    fin: usize,
    cuts: &mut Vec<Cut>,
) {
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
pub(super) fn said_that(doc: &Analyzed<'_>, i: usize, cuts: &mut Vec<Cut>) {
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

pub(super) const NEGATIONS: &[&str] = &[
    "not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "cannot", "without",
    "deny", "denied", "denies", "denying", "refused", "refuses", "refuse", "unable", "nowhere",
    "t",
];

/// A cut must not take a negation, an attribution (but for the empty one of
/// [`CutKind::SaidThat`]), half a quotation, or most of the sentence.
pub(super) fn allowed(text: &str, toks: &[Token], c: &Cut) -> bool {
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
