//! The result of the pipeline: a nut graf whose every point cites its source.

use serde::{Deserialize, Serialize};

use crate::Span;

/// One key point: a sentence of the article with what an editor cuts taken
/// out, and where every word came from.
///
/// The words of `text` are exactly the words of the slices at `spans`,
/// concatenated; the only edits are a capital first letter and a final
/// period. `start..end` is the whole source sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyPoint {
    /// The point: the kept words of its sentence.
    pub text: String,
    /// The byte ranges of the input the point was cut from, in order.
    #[serde(default)]
    pub spans: Vec<Span>,
    /// Index of the sentence among the document's segments.
    pub sentence: usize,
    /// Byte offset of the whole sentence's first byte in the input text.
    pub start: usize,
    /// Byte offset one past the sentence's last byte in the input text.
    pub end: usize,
    /// The scorer's score for the sentence (higher is better).
    pub score: f32,
}

/// Counts about the summarized document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocStats {
    /// Bytes of input text.
    pub bytes: usize,
    /// Paragraphs found.
    pub paragraphs: usize,
    /// Body sentences found.
    pub sentences: usize,
    /// Datelines, bylines, furniture and the layout's headline and given
    /// points, set aside.
    pub furniture: usize,
    /// Words in body sentences.
    pub words: usize,
}

/// Where a headline came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadlineSource {
    /// The article's own title (`--title`, a record's `title`, a page's title).
    #[default]
    Title,
    /// The text's first line, which reads as a headline.
    FirstLine,
    /// Made from the article's words (see [`crate::headline::generate`]).
    Generated,
}

/// A key point the article itself gave: a `- ` line under its headline, as
/// in our own output layout. Kept out of the body's sentences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GivenPoint {
    /// The point's words, verbatim.
    pub text: String,
    /// Byte offset of its first byte in the input text.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
}

/// A nut graf: headline and key points.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The document's id, if it had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The headline: the article's own title, its first line when that is a
    /// headline, else one made from its words. Never empty.
    pub headline: String,
    /// Where the headline came from.
    #[serde(default)]
    pub headline_source: HeadlineSource,
    /// The byte ranges of the input the headline's words came from
    /// (`first_line` and `generated`; empty for `title`).
    #[serde(default)]
    pub headline_spans: Vec<Span>,
    /// Key points the article gave itself (our own layout read back).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub given_points: Vec<GivenPoint>,
    /// The key points, in article order.
    pub key_points: Vec<KeyPoint>,
    /// Counts about the document.
    pub stats: DocStats,
    /// The page's metadata, for HTML input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<crate::document::PageMetadata>,
    /// The language the article reads as (ISO 639-3 `code` and `name`).
    #[serde(default = "crate::language::Language::english")]
    pub language: crate::language::Language,
    /// Quotes and attributions, in text order (empty when turned off).
    #[serde(default)]
    pub quotes: Vec<crate::quotes::Quote>,
    /// The people and organizations quoted, each with the quotes' mentions
    /// of it; quotes point here by `speaker_id`.
    #[serde(default)]
    pub speakers: Vec<crate::quotes::Speaker>,
    /// Why there are no quotes when they were asked for but not extracted:
    /// the quote rules are for English, and the article is not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotes_note: Option<String>,
    /// The unit of every offset: always `"byte"` (UTF-8 bytes).
    #[serde(default = "byte_unit")]
    pub offset_unit: String,
    /// The text the offsets point into, when it is not the input itself
    /// (the body extracted from an HTML page). Set by the caller that did
    /// the extraction; `None` for plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

fn byte_unit() -> String {
    "byte".to_string()
}
