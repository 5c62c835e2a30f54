//! The lead sentence read as words: each word's class, stem and the punctuation in the gap before it.

use super::*;

/// Punctuation found in the gap before a word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Gap {
    /// A comma, semicolon, colon or spaced dash: a clause boundary.
    pub(super) clause: bool,
    /// A comma.
    pub(super) comma: bool,
    /// A spaced dash.
    pub(super) dash: bool,
    /// Brackets opened minus closed.
    pub(super) depth: i32,
    /// A quote mark, opening or closing.
    pub(super) quote: bool,
    /// A closing bracket.
    pub(super) close: bool,
}

pub(super) fn gap(s: &str) -> Gap {
    let mut g = Gap::default();
    let spaced = s.contains(char::is_whitespace);
    for c in s.chars() {
        match c {
            ',' => {
                g.comma = true;
                g.clause = true;
            }
            ';' | ':' => g.clause = true,
            '-' | '\u{2013}' if spaced => {
                g.dash = true;
                g.clause = true;
            }
            '\u{2014}' => {
                g.dash = true;
                g.clause = true;
            }
            '(' | '[' => g.depth += 1,
            ')' | ']' => {
                g.depth -= 1;
                g.close = true;
            }
            '\'' | '\u{2018}' | '\u{2019}' if spaced => g.quote = true,
            '"' | '\u{201c}' | '\u{201d}' => g.quote = true,
            _ => {}
        }
    }
    g
}

/// One word of the lead: a run of tokens joined without white space
/// (`O'Brien`, `year-earlier`, `Spain's`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Word {
    /// Its tokens, `first..end` in the sentence's tokens.
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) class: Class,
    pub(super) time: bool,
    /// Starts with a capital letter.
    pub(super) cap: bool,
    /// All its letters (two or more) are capitals.
    pub(super) caps: bool,
    /// The word is `according` (as in `according to`).
    pub(super) according: bool,
    /// An adverb in `-ly`, which cannot end a headline.
    pub(super) ly: bool,
    /// A word that needs the `to` that follows it (`able to`).
    pub(super) wants_to: bool,
    /// A verb of saying that is no noun too (`said`, not `claims`): its
    /// clause must follow.
    pub(super) reports: bool,
    /// Ends with a possessive `'s`, so its noun follows.
    pub(super) possessive: bool,
    /// Reads as a verb: an auxiliary, a verb of saying, a past tense, or
    /// the word after a dropped auxiliary.
    pub(super) verb: bool,
    /// The punctuation before it.
    pub(super) before: Gap,
    /// Inside brackets.
    pub(super) bracketed: bool,
    /// Its lowercase text (one-token words only) in [`Lead::lower`].
    pub(super) lw: (u32, u32),
}

/// The lead sentence, read into words.
pub(super) struct Lead<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Token],
    pub(super) words: Vec<Word>,
    pub(super) lower: String,
}

impl Lead<'_> {
    pub(super) fn lw(&self, j: usize) -> &str {
        let (a, b) = self.words[j].lw;
        &self.lower[a as usize..b as usize]
    }
}

/// The lead sentence's index: the first body sentence of at least six words
/// that ends with sentence punctuation, else the first body sentence.
pub(super) fn lead_index(a: &Analyzed<'_>) -> Option<usize> {
    let text = a.segmented.doc.text.as_str();
    let mut first = None;
    for i in (0..a.len()).take(LEAD_SENTENCES) {
        if !a.is_body(i) || a.sentence(i).is_empty() {
            continue;
        }
        first.get_or_insert(i);
        let s = a.segmented.sentences[i].span.slice(text);
        let ends = s
            .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
            .ends_with(['.', '!', '?']);
        if ends && a.sentence(i).len() >= 6 {
            return Some(i);
        }
    }
    first.or_else(|| (0..a.len()).find(|&i| a.is_body(i)))
}

pub(super) fn read_lead<'a>(text: &'a str, sent: Span, toks: &'a [Token]) -> Lead<'a> {
    let mut words: Vec<Word> = Vec::with_capacity(toks.len());
    let mut lower = String::with_capacity(sent.len());
    let mut depth = 0i32;
    let mut prev_end = sent.start;
    for (k, t) in toks.iter().enumerate() {
        let g = text.get(prev_end..t.span.start).unwrap_or(" ");
        prev_end = t.span.end;
        let joined = k > 0 && !g.is_empty() && !g.contains(char::is_whitespace);
        if joined {
            if let Some(w) = words.last_mut() {
                // `Spain's`, `year-earlier`: one word, a noun or adjective.
                w.end = k + 1;
                w.class = Class::Other;
                w.time = false;
                w.according = false;
                w.ly = false;
                w.wants_to = false;
                w.reports = false;
                w.lw = (w.lw.0, w.lw.0);
                w.possessive =
                    matches!(t.span.slice(text), "s" | "S") && g.ends_with(['\'', '\u{2019}']);
                continue;
            }
        }
        let gp = gap(g);
        depth = (depth + gp.depth).max(0);
        let raw = t.span.slice(text);
        let a = lower.len() as u32;
        if raw.len() <= 24 {
            if raw.is_ascii() {
                lower.push_str(raw);
                lower[a as usize..].make_ascii_lowercase();
            } else {
                lower.extend(raw.chars().flat_map(char::to_lowercase));
            }
        }
        let b = lower.len() as u32;
        let lw = &lower[a as usize..];
        words.push(Word {
            first: k,
            end: k + 1,
            class: class(lw),
            time: t.flags & Token::TIME != 0,
            cap: t.flags & Token::CAPITALIZED != 0,
            caps: raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !raw.chars().any(char::is_lowercase),
            according: lw == "according",
            ly: lw.len() > 5
                && lw.ends_with("ly")
                && !ly_noun(lw)
                && t.flags & Token::CAPITALIZED == 0,
            wants_to: false,
            reports: reporting(lw) && !matches!(lw, "claims" | "hopes" | "fears" | "reports"),
            possessive: false,
            verb: false,
            before: gp,
            bracketed: depth > 0,
            lw: (a, b),
        });
    }
    let mut lead = Lead {
        text,
        toks,
        words,
        lower,
    };
    for j in 0..lead.words.len().saturating_sub(1) {
        if lead.words[j + 1].class == Class::To && wants_to(lead.lw(j)) {
            lead.words[j].wants_to = true;
        }
    }
    lead
}
