//! Placeholder: the rule-based news segmenter is being written.

use super::{Segmented, Segmenter, Sentence, SentenceKind};
use crate::{Document, Span};

/// Rule-based sentence segmenter for English news.
#[derive(Clone, Debug, Default)]
pub struct NewsSegmenter {}

impl Segmenter for NewsSegmenter {
    fn segment<'d>(&self, doc: &'d Document) -> Segmented<'d> {
        let text = &doc.text;
        let mut sentences = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '.' {
                let s = Span::new(start, i + 1);
                if !s.slice(text).trim().is_empty() {
                    sentences.push(Sentence { span: s, paragraph: 0, kind: SentenceKind::Body });
                }
                start = i + 1;
            }
        }
        Segmented { doc, paragraphs: vec![Span::new(0, text.len())], sentences }
    }
}
