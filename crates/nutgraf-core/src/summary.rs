//! The result of the pipeline: a nut graf whose every point cites its source.

use serde::{Deserialize, Serialize};

/// One key point: a sentence of the article, with where it came from.
///
/// `text` is always exactly `document.text[start..end]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyPoint {
    /// The cited sentence, verbatim.
    pub text: String,
    /// Index of the sentence among the document's segments.
    pub sentence: usize,
    /// Byte offset of the sentence's first byte in the input text.
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
    /// Datelines, bylines and furniture set aside.
    pub furniture: usize,
    /// Words in body sentences.
    pub words: usize,
}

/// A nut graf: headline and key points.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The document's id, if it had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The headline: the article's own title, or empty when it has none.
    pub headline: String,
    /// The key points, in article order.
    pub key_points: Vec<KeyPoint>,
    /// Counts about the document.
    pub stats: DocStats,
    /// The page's metadata, for HTML input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<crate::document::PageMetadata>,
    /// Quotes and attributions, in text order (empty when turned off).
    #[serde(default)]
    pub quotes: Vec<crate::quotes::Quote>,
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
