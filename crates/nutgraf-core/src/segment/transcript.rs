//! Transcripts: paragraphs that open with a speaker label (`MARSH: How
//! ready is the county?`, `SEN. ANA REYES: ...`, `Q:` / `A:` in an
//! interview). Their sentences become [`SentenceKind::Transcript`]: the
//! labelled speaker's own words, which quotes attribute to the label and
//! which are never key points.
//!
//! A label is a run of capitalized words (all in capitals, or `Q` / `A`)
//! of at most five words, then a colon and a space, at a paragraph's
//! start. One label alone is no transcript (`UPDATE: ...`, a headline's
//! `Pence: ...`): a document needs two labelled paragraphs, and words in
//! capitals that mark page furniture (`UPDATE`, `WATCH`) are no labels.

use super::{Segmented, SentenceKind};
use crate::Span;

/// Capitalized words that open page furniture or a note, not a speaker's
/// line.
const NOT_SPEAKERS: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "WATCH",
    "VIDEO",
    "PHOTOS",
    "PHOTO",
    "NOTE",
    "EDITOR'S NOTE",
    "BREAKING",
    "EXCLUSIVE",
    "READ MORE",
    "MORE",
    "RELATED",
    "SOURCE",
    "SOURCES",
    "CORRECTION",
    "CLARIFICATION",
    "WARNING",
    "LISTEN",
    "SEE ALSO",
    "ALSO",
    "PUBLISHED",
    "LAST UPDATED",
    "CREDIT",
    "CAPTION",
    "ADVERTISEMENT",
    "TRANSCRIPT",
    "FULL TRANSCRIPT",
];

/// The speaker label opening `para` (its span, without the colon), if any.
pub fn label(text: &str, para: Span) -> Option<Span> {
    let p = para.slice(text);
    let colon = p.get(..60.min(p.len()))?.find(':')?;
    let name = &p[..colon];
    if !p[colon + 1..].starts_with([' ', '\t']) || p[colon + 1..].trim().is_empty() {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let interview = matches!(name, "Q" | "A");
    let capitals = !words.is_empty()
        && words.len() <= 5
        && words.iter().all(|w| {
            w.chars().any(|c| c.is_alphabetic())
                && w.chars()
                    .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '\u{2019}' | '-'))
        })
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    if !(interview || capitals) || NOT_SPEAKERS.contains(&name) {
        return None;
    }
    Some(Span::new(para.start, para.start + colon))
}

/// Marks the sentences of labelled paragraphs as transcript lines, when at
/// least two paragraphs carry a label.
pub fn mark(seg: &mut Segmented<'_>) {
    let text = seg.doc.text.as_str();
    let labelled: Vec<bool> = seg
        .paragraphs
        .iter()
        .map(|&p| label(text, p).is_some())
        .collect();
    if labelled.iter().filter(|&&l| l).count() < 2 {
        return;
    }
    for s in &mut seg.sentences {
        if s.kind == SentenceKind::Body && labelled.get(s.paragraph).copied().unwrap_or(false) {
            s.kind = SentenceKind::Transcript;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label_of(p: &str) -> Option<&str> {
        label(p, Span::new(0, p.len())).map(|s| &p[s.start..s.end])
    }

    #[test]
    fn labels_are_capitalized_names_before_a_colon() {
        assert_eq!(label_of("MARSH: How ready is the county?"), Some("MARSH"));
        assert_eq!(
            label_of("SEN. ANA REYES: We will see."),
            Some("SEN. ANA REYES")
        );
        assert_eq!(label_of("Q: Will the schools open?"), Some("Q"));
        assert_eq!(label_of("A: Not before Thursday."), Some("A"));
        assert_eq!(label_of("UPDATE: The road is open."), None);
        assert_eq!(label_of("Pence: Trump Was Mocking Them"), None);
        assert_eq!(label_of("The mayor said: we are ready."), None);
        assert_eq!(label_of("10:30 a.m. The council met."), None);
    }
}
