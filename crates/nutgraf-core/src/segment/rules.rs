//! Rule-based sentence segmentation for English news.
//!
//! [`NewsSegmenter`] works in two passes over the bytes of the original text,
//! without copying it, without regular expressions and without allocating per
//! character:
//!
//! 1. **Paragraphs.** If the text has a blank line between two non-blank lines,
//!    paragraphs are the runs of lines between blank lines. Otherwise, if it
//!    has single newlines, every non-blank line is a paragraph (many feeds put
//!    one paragraph on each line). Otherwise the whole text is one paragraph.
//! 2. **Sentences.** Each paragraph first gets a look at its head for page
//!    furniture that precedes the body: bylines (`By Jane Doe, CNN`,
//!    `By . Daily Mail Reporter .`), publication stamps (`PUBLISHED: ...`,
//!    `Last updated at ...`) and datelines (`WASHINGTON (CNN) --`, `(CNN)`).
//!    Then the rest is scanned with `memchr` for `.`, `?`, `!`, `…` and line
//!    breaks (a line break ends a sentence only before a bullet or numbered
//!    list item; the `• `, `- `, `1. ` markers themselves are left out of the
//!    sentence span). A candidate is a boundary only if it is followed (after any
//!    closing quotes or brackets, which stay with the sentence) by white space,
//!    and the decision then looks at the token before and the word after:
//!    known abbreviations (`Mr.`, `Sen.`, `Inc.`, `U.S.`, `a.m.`), initials
//!    (`George W. Bush`, `J.K. Rowling`) and number prefixes (`No. 1`) do not
//!    end a sentence unless, for the weaker ones, the next word is a plausible
//!    sentence opener (`The`, `He`, `It`...). Decimals, URLs and e-mail
//!    addresses never have white space after their dots, so they never split.
//!    Each finished sentence is finally checked for furniture (`Scroll down
//!    for video`, photo credits, `READ MORE:`, `... contributed to this
//!    report.`), which keeps its span but gets a non-body [`SentenceKind`].
//!
//! # Trade-offs
//!
//! * Capitalization is the strongest signal in cased text, so a lowercase word
//!   after `. ` does not start a sentence there (it protects unknown
//!   abbreviations such as `approx. five`). Text written without capitals is
//!   detected up front from the words that follow `. `, `? ` and `! ` (mostly
//!   lowercase there), and switches to "lowercase mode": every `. ` splits
//!   unless the token before it is a known abbreviation or an initial, and
//!   abbreviations like `u.s.` split only before a short list of pronouns and
//!   determiners. Sentences that really start with a lowercase word (`iPhone
//!   sales...`) are therefore missed in cased text.
//! * Abbreviations that can also end a sentence (`U.S.`, `Inc.`, `Jr.`, month
//!   names) rely on a fixed list of sentence openers; a sentence that starts
//!   with a name right after one of them (`... in the U.S. Obama said`) stays
//!   joined. Joining is the cheaper error for extractive summaries.
//! * An ellipsis splits only before a capitalized word; `?` and `!` do not split
//!   before a lowercase word (`"Why?" he asked`). Closing quotes and brackets
//!   stay with the sentence they close, even a `”` cut off by a space.
//! * Furniture detection only ever labels a whole segment; it never drops
//!   text. Bylines and datelines are only recognized at the head of a
//!   paragraph, and only with tight shapes (known agency tags, names followed
//!   by an outlet), so that a body sentence such as `By the time ...` is left
//!   alone.
//! * A run without any sentence punctuation is cut at the first line break or
//!   white space after [`SOFT_CAP`] bytes (and, with no white space at all,
//!   at a char boundary a few KB later), so that later stages never see a
//!   single unbounded sentence.

use super::{Segmented, Segmenter, Sentence, SentenceKind};
use crate::{Document, Span};

mod bytes;
mod furniture;
mod paragraphs;
mod words;

use bytes::*;
use furniture::*;
use paragraphs::*;
use words::*;

/// Sentences longer than this many bytes are cut at the next line break or
/// white space.
const SOFT_CAP: usize = 1000;
/// Without any white space after [`SOFT_CAP`], cut this many bytes later.
const HARD_CAP: usize = 4096;

/// Rule-based sentence segmenter for English news.
///
/// The rules and their trade-offs are described in the documentation of the
/// `segment::rules` source file.
///
/// ```
/// use nutgraf_core::segment::{NewsSegmenter, Segmenter, SentenceKind};
/// use nutgraf_core::Document;
///
/// let doc = Document::new("WASHINGTON (CNN) -- Mr. Smith left the U.S. on Monday. He was tired.");
/// let seg = NewsSegmenter::default().segment(&doc);
/// assert_eq!(seg.sentences[0].kind, SentenceKind::Dateline);
/// assert_eq!(seg.sentence_text(1), "Mr. Smith left the U.S. on Monday.");
/// assert_eq!(seg.sentence_text(2), "He was tired.");
/// ```
#[derive(Clone, Debug, Default)]
pub struct NewsSegmenter {}

impl Segmenter for NewsSegmenter {
    fn segment<'d>(&self, doc: &'d Document) -> Segmented<'d> {
        let text = doc.text.as_str();
        let mut run = Run {
            text,
            b: text.as_bytes(),
            lower: is_lowercase_text(text.as_bytes()),
            sentences: Vec::with_capacity(text.len() / 128 + 1),
        };
        let paragraphs = split_paragraphs(text);
        for (pi, p) in paragraphs.iter().enumerate() {
            run.paragraph(p.start, p.end, pi);
        }
        let mut seg = Segmented {
            doc,
            paragraphs,
            sentences: run.sentences,
            title_span: None,
        };
        super::transcript::mark(&mut seg);
        seg
    }
}

// ---------------------------------------------------------------------------
// Sentences

/// What follows a sentence-ending candidate.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Next {
    End,
    Upper,
    Lower,
    Digit,
    Other,
}

/// State of one segmentation run.
struct Run<'t> {
    text: &'t str,
    b: &'t [u8],
    lower: bool,
    sentences: Vec<Sentence>,
}

impl Run<'_> {
    fn emit(&mut self, s: usize, e: usize, paragraph: usize, kind: SentenceKind) {
        if let Some(span) = trim_span(self.text, s, e) {
            self.sentences.push(Sentence {
                span,
                paragraph,
                kind,
            });
        }
    }

    /// Segments the paragraph `ps..pe` (already trimmed).
    fn paragraph(&mut self, ps: usize, pe: usize, pi: usize) {
        let b = self.b;
        let mut pos = ps;
        // Head furniture: at most a few items (byline, stamps, dateline).
        for _ in 0..6 {
            pos = skip_space(b, pos, pe);
            if pos >= pe {
                return;
            }
            let item = self
                .byline(pos, pe)
                .map(|e| (e, SentenceKind::Byline))
                .or_else(|| self.stamp(pos, pe).map(|e| (e, SentenceKind::Byline)))
                .or_else(|| self.dateline(pos, pe).map(|e| (e, SentenceKind::Dateline)));
            match item {
                Some((end, kind)) if end > pos => {
                    self.emit(pos, end, pi, kind);
                    pos = end;
                }
                _ => break,
            }
        }
        while pos < pe {
            pos = skip_space(b, pos, pe);
            if pos >= pe {
                break;
            }
            pos += list_marker_len(b, pos, pe);
            if let Some(end) = self.photo_paren(pos, pe) {
                self.emit(pos, end, pi, SentenceKind::Furniture);
                pos = end;
                continue;
            }
            let mut end = self.sentence_end(pos, pe).max(pos + 1);
            while end < pe && !self.text.is_char_boundary(end) {
                end += 1;
            }
            let kind = self.classify(pos, end);
            if kind == SentenceKind::Furniture && is_credit(&b[pos..end]) {
                end = self.credit_end(pos, end);
            }
            self.emit(pos, end, pi, kind);
            pos = end;
        }
    }

    /// End (exclusive) of the sentence starting at `start`.
    fn sentence_end(&self, start: usize, pe: usize) -> usize {
        let limit = pe.min(start + SOFT_CAP);
        if let Some(e) = self.scan(start, limit, pe) {
            return e;
        }
        if limit >= pe {
            return pe;
        }
        // Forced cut: prefer a line break soon after the cap, then any space.
        let b = self.b;
        let hard = pe.min(limit + HARD_CAP);
        if let Some(k) = memchr::memchr(b'\n', &b[limit..pe.min(limit + 200)]) {
            return limit + k;
        }
        let mut j = limit;
        while j < hard {
            if space_len(b, j) > 0 {
                return j;
            }
            j += 1;
        }
        while j < pe && !self.text.is_char_boundary(j) {
            j += 1;
        }
        j
    }

    /// Looks for a boundary candidate in `start..limit` and decides it.
    fn scan(&self, start: usize, limit: usize, pe: usize) -> Option<usize> {
        let b = self.b;
        let mut i = start;
        // Next position of each kind of candidate, found with memchr and
        // refreshed only once `i` has passed it, so the scan stays linear.
        let find = |f: fn(&[u8]) -> Option<usize>, from: usize| {
            b.get(from..limit).and_then(f).map_or(limit, |k| from + k)
        };
        let punct: fn(&[u8]) -> Option<usize> = |h| memchr::memchr3(b'.', b'?', b'!', h);
        let other: fn(&[u8]) -> Option<usize> = |h| memchr::memchr2(b'\n', 0xe2, h);
        let (mut next_punct, mut next_other) = (find(punct, i), find(other, i));
        loop {
            if next_punct < i {
                next_punct = find(punct, i);
            }
            if next_other < i {
                next_other = find(other, i);
            }
            i = next_punct.min(next_other);
            if i >= limit {
                break;
            }
            let c = b[i];
            if c == b'\n' {
                let mut j = i + 1;
                while j < pe && matches!(b[j], b' ' | b'\t' | b'\r') {
                    j += 1;
                }
                if list_marker_len(b, j, pe) > 0 {
                    return Some(i);
                }
                i += 1;
                continue;
            }
            // The run of terminal punctuation.
            let mut j = i;
            let (mut dots, mut qe, mut ell) = (0usize, false, false);
            loop {
                if j < pe && b[j] == b'.' {
                    dots += 1;
                    j += 1;
                } else if j < pe && (b[j] == b'?' || b[j] == b'!') {
                    qe = true;
                    j += 1;
                } else if is_ellipsis(b, j, pe) {
                    ell = true;
                    j += 3;
                } else {
                    break;
                }
            }
            if j == i {
                i += 1;
                continue;
            }
            let mut k = j;
            let mut closers = false;
            loop {
                match closer_len(b, k, pe) {
                    0 => break,
                    n => {
                        k += n;
                        closers = true;
                    }
                }
            }
            if k < pe && space_len(b, k) == 0 {
                if !closers && self.glued_boundary(i, j, dots, qe || ell, pe) {
                    return Some(j);
                }
                i = j;
                continue;
            }
            // A closing quote cut off by a space belongs to this sentence: a
            // right quote `”` anywhere, a straight `"` only at the end of the
            // paragraph (elsewhere it may as well open the next sentence).
            let q = skip_space(b, k, pe);
            let ql = match b.get(q) {
                Some(b'"') if q + 1 == pe => 1,
                Some(0xe2) if b.get(q + 1) == Some(&0x80) && b.get(q + 2) == Some(&0x9d) => 3,
                _ => 0,
            };
            if ql > 0 && q + ql <= pe && (q + ql == pe || space_len(b, q + ql) > 0) {
                k = q + ql;
                closers = true;
            }
            if self.is_boundary(start, i, dots, qe, ell || dots > 1, closers, k, pe) {
                return Some(k);
            }
            i = j;
        }
        None
    }

    /// Decides a candidate: terminal run at `i` (`dots` periods, `qe` for `?`
    /// or `!`, `ell` for an ellipsis), closing quotes up to `k`.
    #[allow(clippy::too_many_arguments)]
    fn is_boundary(
        &self,
        start: usize,
        i: usize,
        dots: usize,
        qe: bool,
        ell: bool,
        closers: bool,
        k: usize,
        pe: usize,
    ) -> bool {
        let b = self.b;
        // The next word, past white space and opening quotes.
        let mut p = skip_space(b, k, pe);
        for _ in 0..4 {
            match opener_len(b, p, pe) {
                0 => break,
                n => p += n,
            }
        }
        let next = if p >= pe {
            Next::End
        } else {
            match self.text.get(p..).and_then(|s| s.chars().next()) {
                Some(ch) if ch.is_uppercase() => Next::Upper,
                Some(ch) if ch.is_lowercase() => Next::Lower,
                Some(ch) if ch.is_ascii_digit() => Next::Digit,
                _ => Next::Other,
            }
        };
        if next == Next::End {
            return true;
        }
        if qe {
            return match next {
                Next::Lower => self.lower && !closers,
                _ => true,
            };
        }
        if ell {
            return next == Next::Upper && !self.lower;
        }
        debug_assert_eq!(dots, 1);
        let word = word_at(b, p, pe);
        let ordinary = match next {
            Next::Lower => self.lower,
            _ => true,
        };
        // The token before the period: ASCII letters and dots.
        let mut t = i;
        while t > start && (b[t - 1].is_ascii_alphabetic() || b[t - 1] == b'.') {
            t -= 1;
        }
        let tok = &b[t..i];
        if tok.is_empty() {
            // `am 1. März`, `bis zum 15. August`: a day's number with the
            // period of an ordinal, then a month, ends no sentence.
            if day_ordinal(b, start, i) && next == Next::Upper && is_month_name(self.text, p) {
                return false;
            }
            // A number, a closing bracket or an isolated period (`. . .`).
            if t > 0 && space_len(b, t - 1) > 0 && next == Next::Other && b.get(p) == Some(&b'.') {
                return false;
            }
            return ordinary;
        }
        if t > start && self.glued(t) {
            return ordinary;
        }
        if closers {
            return ordinary;
        }
        match abbrev_kind(tok, self.lower) {
            Abbr::Strong => false,
            Abbr::Number => next != Next::Digit && ordinary,
            Abbr::Weak => {
                if self.lower {
                    next == Next::Lower && in_list(LOWER_STARTERS, word)
                } else {
                    next == Next::Upper && in_list(STARTERS, word)
                }
            }
            Abbr::Trailing => match next {
                Next::Upper => true,
                Next::Lower => self.lower && in_list(LOWER_STARTERS, word),
                _ => false,
            },
            Abbr::Time => match next {
                Next::Upper => !in_list(TIME_FOLLOWERS, word),
                Next::Lower => self.lower && in_list(LOWER_STARTERS, word),
                _ => false,
            },
            Abbr::Word => ordinary,
        }
    }

    /// A period with no space after it that still ends a sentence, as in
    /// `the court heard.Shocking details emerged` (a typo common in
    /// scraped news): one period after a lowercase word of two or more
    /// letters, then a capitalized word of lowercase letters that is not
    /// part of a domain, path or address (`example.Com/x`, `a.Bc@d`).
    fn glued_boundary(&self, i: usize, j: usize, dots: usize, other: bool, pe: usize) -> bool {
        let b = self.b;
        if self.lower || dots != 1 || other || j + 2 > pe {
            return false;
        }
        let mut t = i;
        while t > 0 && b[t - 1].is_ascii_lowercase() {
            t -= 1;
        }
        if i - t < 2 || (t > 0 && !matches!(b[t - 1], b' ' | b'\t' | b'\n' | b'(' | b'"' | b'\'')) {
            return false;
        }
        if !(b[j].is_ascii_uppercase() && b[j + 1].is_ascii_lowercase()) {
            return false;
        }
        let mut e = j + 1;
        while e < pe && b[e].is_ascii_lowercase() {
            e += 1;
        }
        e == pe
            || matches!(b[e], b' ' | b',' | b'\'' | b'\n')
            || (b[e] >= 0x80 && space_len(b, e) > 0)
    }

    /// True when the token starting at `t` is glued to what precedes it
    /// (`jane@example.com`, `$1.5bn`, `O'Neill`), so it is no abbreviation.
    fn glued(&self, t: usize) -> bool {
        let Some(before) = self.text.get(..t) else {
            return true;
        };
        let mut it = before.chars().rev();
        match it.next() {
            Some(c) if c.is_alphanumeric() => true,
            Some('@' | '/' | '_' | '\\' | '&' | '+' | '=') => true,
            Some('\'' | '’') => it.next().is_some_and(char::is_alphanumeric),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests;
