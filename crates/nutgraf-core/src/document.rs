//! The input article.

use serde::{Deserialize, Serialize};

/// A news article as the user gave it: the original text, never modified,
/// plus the metadata that came with it.
///
/// All later stages refer to the text through [`crate::Span`]s, so the text is
/// kept exactly as given (no normalization, no trimming).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Identifier from the input record, if any.
    pub id: Option<String>,
    /// The article's own title, if known.
    pub title: Option<String>,
    /// The original article text.
    pub text: String,
    /// What an HTML page said about itself (author, date, site...); `None`
    /// for plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<PageMetadata>,
}

/// Metadata of an HTML page, each field only when the page gave it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMetadata {
    /// The byline or author.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Publication date and time, ISO 8601 (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The site's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    /// The page's canonical URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The content language (ISO 639-1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Document {
    /// A document holding `text` with no id or title. A byte-order mark
    /// opening the text becomes three spaces: offsets still count the
    /// input's bytes, and the mark is not read as part of the first word
    /// (`\u{feff}LISBON (Reuters) -` is a dateline).
    pub fn new(text: impl Into<String>) -> Document {
        let mut text: String = text.into();
        if text.starts_with('\u{feff}') {
            text.replace_range(..3, "   ");
        }
        Document {
            id: None,
            title: None,
            text,
            metadata: None,
        }
    }

    /// Sets the title (by value, builder style). Blank titles count as none.
    pub fn with_title(mut self, title: impl Into<String>) -> Document {
        let t: String = title.into();
        self.title = if t.trim().is_empty() { None } else { Some(t) };
        self
    }

    /// Sets the identifier (by value, builder style).
    pub fn with_id(mut self, id: impl Into<String>) -> Document {
        self.id = Some(id.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_no_part_of_the_first_word() {
        let raw = "\u{feff}LISBON, Portugal (Reuters) - The port reopened on Monday after the strike ended. Ships queued at the quay.";
        let doc = Document::new(raw);
        assert_eq!(doc.text.len(), raw.len(), "offsets count the input's bytes");
        assert!(doc.text.starts_with("   LISBON"));
        let s = crate::Pipeline::default().summarize(&doc).unwrap();
        for p in &s.key_points {
            assert!(!p.text.contains('\u{feff}'), "{}", p.text);
            assert!(
                !p.text.starts_with("LISBON"),
                "the dateline is no point: {}",
                p.text
            );
            // The spans slice the raw input to the same words.
            for sp in &p.spans {
                assert_eq!(&raw[sp.start..sp.end], &doc.text[sp.start..sp.end]);
            }
        }
    }
}
