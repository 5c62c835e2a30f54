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

#[cfg(test)]
mod tests {
    use super::*;

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
