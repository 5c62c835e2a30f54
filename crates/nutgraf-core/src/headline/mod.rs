//! Headlines: the article's own first line when it is one, else one made
//! from the article's words.
//!
//! - [`read_layout`] reads the top of a plain text: a first line that is a
//!   headline (its own paragraph, reads as a title), and, in our own output
//!   layout, the `- ` lines after it (the article's given key points). A
//!   small boosted-tree model, [`LINE_MODEL`], decides whether a plain first
//!   line is a headline; see the `layout` source file for why and how it is
//!   trained ([`train_line_model`]).
//! - [`generate`] makes a grounded headline from the lead: spans of the
//!   text, in order, whose words are the headline's words. It compresses the
//!   lead sentence the way headline writers do (after Dorr et al.'s Hedge
//!   Trimmer, 2003): drop articles, auxiliaries, time phrases, parentheses,
//!   relative clauses and attribution tails, then cut where a phrase ends.
//!   A second small model, [`KEEP_MODEL`], scores each word's chance of
//!   being in the headline and picks the cut; see the `compress` source
//!   file and [`train_keep_model`].

mod compress;
mod layout;

use crate::analyze::Analyzed;
use crate::score::gbdt::{CompiledGbdt, Gbdt};
use crate::Span;

pub use compress::{
    keep_model, train_keep_model, KEEP_FEATURES, KEEP_MODEL, MAX_WORDS, MIN_WORDS, REF_TOKENS,
    SOFT_WORDS,
};
pub use layout::{line_model, train_line_model, LINE_FEATURES, LINE_MODEL, WINDOW};

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
///
/// Only the first [`WINDOW`] bytes are read; never panics.
pub fn read_layout(text: &str) -> Layout {
    layout::read(text, line_model())
}

/// [`read_layout`] with another first-line model (one from
/// [`train_line_model`], say).
pub fn read_layout_with(text: &str, model: &Gbdt) -> Layout {
    layout::read(text, Some(model))
}

/// A grounded headline for `analyzed`: spans into the document text, in
/// order. Never empty for a document with a body sentence.
///
/// The headline shown is `crate::span::join_spans(text, &spans, false)`:
/// [`MIN_WORDS`] to [`MAX_WORDS`] words when the lead sentence has that
/// many, without dateline, attribution tail or a dangling function word at
/// the end.
pub fn generate(analyzed: &Analyzed<'_>) -> Vec<Span> {
    compress::generate(analyzed, compress::compiled_keep_model())
}

/// [`generate`] with another keep model (one from [`train_keep_model`],
/// say, compiled with [`CompiledGbdt::new`]); `None` cuts by rule alone.
pub fn generate_with(analyzed: &Analyzed<'_>, model: Option<&CompiledGbdt>) -> Vec<Span> {
    compress::generate(analyzed, model)
}
