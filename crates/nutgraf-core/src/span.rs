//! Byte spans into the original input.
//!
//! Every derived piece of a document (paragraph, sentence, token, key point) is
//! a [`Span`] into the text the user gave us, so that any cited piece can be
//! sliced back out of the input exactly. Spans are half-open byte ranges that
//! always lie on `char` boundaries of the text they were made from.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's original text.
///
/// `start <= end` always holds; [`Span::new`] enforces it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Makes a span. Panics in debug builds if `start > end`; in release the
    /// bounds are swapped so that the invariant still holds.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} > end {end}");
        if start <= end {
            Span { start, end }
        } else {
            Span {
                start: end,
                end: start,
            }
        }
    }

    /// Number of bytes covered.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Slices `text` by this span. Returns `""` if the span does not lie on
    /// char boundaries inside `text`, rather than panicking.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Joins the slices of `text` at `spans` into one line of text: each slice
/// with its white space folded to single spaces, slices separated by one
/// space, except before a slice that opens with closing punctuation
/// (`,;:.!?)]`) or after one that ends with an opening bracket. Separators
/// left dangling at the end by a cut (`,;:` and dashes) are dropped. Then
/// the first letter is capitalized and, when `period` is set and the text
/// does not already end with `.`, `!` or `?` (inside closing quotation marks
/// or not), a final period is added. The words of the result are exactly
/// the words of the slices (see [`same_words`]).
pub fn join_spans(text: &str, spans: &[Span], period: bool) -> String {
    let mut out = String::new();
    for s in spans {
        let piece = s.slice(text).trim();
        if piece.is_empty() {
            continue;
        }
        let glue = !out.is_empty()
            && !piece.starts_with([',', ';', ':', '.', '!', '?', ')', ']'])
            && !out.ends_with(['(', '[']);
        if glue {
            out.push(' ');
        }
        for (k, w) in piece.split_whitespace().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    while out.ends_with([',', ';', ':', '-', '\u{2014}', '\u{2013}']) {
        out.pop();
        let t = out.trim_end().len();
        out.truncate(t);
    }
    if let Some(c) = out.chars().next() {
        let upper: String = c.to_uppercase().collect();
        // Only a capital that lowercases back to the letter (not `ϐ` → `Β`
        // → `β`): the words must stay those of the spans.
        if c.is_lowercase() && upper.to_lowercase() == c.to_lowercase().to_string() {
            out.replace_range(..c.len_utf8(), &upper);
        }
    }
    if period && !out.is_empty() {
        let t = out.trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')']);
        if !t.ends_with(['.', '!', '?']) {
            out.push('.');
        }
    }
    out
}

/// The words of `s` (maximal runs of alphanumeric characters), lowercased.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True when the words of `shown` are exactly the words of the slices of
/// `text` at `spans`, in order (case aside), and every span slices `text`:
/// the grounding check for every key point and headline.
pub fn same_words(text: &str, spans: &[Span], shown: &str) -> bool {
    let mut cited = Vec::new();
    for s in spans {
        if s.start > s.end || text.get(s.start..s.end).is_none() {
            return false;
        }
        cited.extend(words(s.slice(text)));
    }
    cited == words(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_spans_keep_the_words_of_their_slices() {
        let text = "On Tuesday, the council, which met late, voted 5-2 to close the pool";
        let spans = [Span::new(12, 23), Span::new(40, 68)];
        let joined = join_spans(text, &spans, true);
        assert_eq!(joined, "The council voted 5-2 to close the pool.");
        assert!(same_words(text, &spans, &joined));
        assert!(!same_words(
            text,
            &spans,
            "The council voted to close the pool."
        ));
        // Punctuation opening a slice attaches to the one before.
        let text = "Prices rose, traders said, sharply.";
        let spans = [Span::new(0, 11), Span::new(25, 35)];
        assert_eq!(join_spans(text, &spans, true), "Prices rose, sharply.");
        // A span that splits a character never grounds anything.
        assert!(!same_words("café", &[Span::new(0, 4)], "caf"));
        // A first letter whose capital lowercases to another letter stays.
        let text = "ϐeta rose";
        let joined = join_spans(text, &[Span::new(0, text.len())], true);
        assert_eq!(joined, "ϐeta rose.");
        assert!(same_words(text, &[Span::new(0, text.len())], &joined));
    }

    #[test]
    fn slice_respects_char_boundaries() {
        let text = "café au lait";
        assert_eq!(Span::new(0, 5).slice(text), "café");
        // 4 is inside the two-byte 'é': slicing there must not panic.
        assert_eq!(Span::new(0, 4).slice(text), "");
        assert_eq!(Span::new(6, 8).slice(text), "au");
    }

    #[test]
    fn contains_and_len() {
        let outer = Span::new(2, 10);
        assert!(outer.contains(Span::new(2, 10)));
        assert!(outer.contains(Span::new(3, 4)));
        assert!(!outer.contains(Span::new(1, 4)));
        assert_eq!(outer.len(), 8);
        assert!(Span::new(3, 3).is_empty());
    }
}
