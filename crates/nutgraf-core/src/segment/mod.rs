//! Stage 1: split a document into paragraphs and sentences.
//!
//! A [`Segmenter`] turns a [`Document`] into a [`Segmented`] document: the
//! paragraphs and sentences as byte spans into the original text. Pieces of
//! page furniture (datelines, bylines, photo credits, "Scroll down for video",
//! publication stamps) are not dropped: they become sentences of their own
//! with a [`SentenceKind`] other than [`SentenceKind::Body`], so that nothing
//! in the input is lost and later stages can simply skip them.
//!
//! The default strategy is [`NewsSegmenter`], a rule-based splitter written for
//! English news (see `rules.rs` for the cases it handles and why).

mod rules;
pub mod transcript;

pub use rules::NewsSegmenter;

use serde::{Deserialize, Serialize};

use crate::{Document, Span};

/// What a segment of text is, as far as summarization cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentenceKind {
    /// An ordinary sentence of the article body.
    Body,
    /// A dateline or source tag before the first sentence (`WASHINGTON (CNN) --`).
    Dateline,
    /// A byline, publication or update stamp (`By Jane Doe, CNN`, `PUBLISHED: ...`).
    Byline,
    /// Page furniture: photo credits, "Scroll down for video", share prompts.
    Furniture,
    /// The text's own headline line, or a `- ` point under it (our output
    /// layout): never a key point, but read for quotes like body text.
    Heading,
    /// A line of a transcript, after its speaker label (`MARSH: How ready
    /// is the county?`): the speaker's words, never a key point, read for
    /// quotes.
    Transcript,
}

/// One sentence (or furniture piece) of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence's bytes in the original text, without surrounding white space.
    pub span: Span,
    /// Index of the paragraph (into [`Segmented::paragraphs`]) holding it.
    pub paragraph: usize,
    /// What kind of segment this is.
    pub kind: SentenceKind,
}

/// A document split into paragraphs and sentences.
#[derive(Clone, Debug)]
pub struct Segmented<'d> {
    /// The document the spans point into.
    pub doc: &'d Document,
    /// Paragraphs in order, as spans without surrounding white space.
    pub paragraphs: Vec<Span>,
    /// Sentences and furniture in order; each lies inside its paragraph.
    pub sentences: Vec<Sentence>,
    /// The headline line of the text, when the document has no title of
    /// its own but opens with one: analyzed as the title.
    pub title_span: Option<Span>,
}

impl<'d> Segmented<'d> {
    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &'d str {
        self.sentences[i].span.slice(&self.doc.text)
    }
}

/// Splits a document into paragraphs and sentences.
pub trait Segmenter: Send + Sync {
    /// Segments `doc`. Must never panic, whatever the text.
    fn segment<'d>(&self, doc: &'d Document) -> Segmented<'d>;
}

/// Serializable choice of segmenter.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum SegmenterConfig {
    /// The rule-based English news segmenter.
    #[default]
    News,
}

impl SegmenterConfig {
    /// Builds the configured segmenter.
    pub fn build(&self) -> Box<dyn Segmenter> {
        match self {
            SegmenterConfig::News => Box::new(NewsSegmenter::default()),
        }
    }
}
