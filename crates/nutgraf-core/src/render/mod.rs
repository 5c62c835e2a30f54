//! Stage 5: write a summary out.
//!
//! Renderers write to any [`std::io::Write`] so the CLI can stream to stdout
//! and a server to a response body. Formats:
//!
//! - [`Format::Text`]: the nut graf layout: the headline on the first line,
//!   then one `- ` line per key point, then the article body, one paragraph a
//!   line; then, when the article quotes anyone, a `Who said what:` line and
//!   one `- Speaker — words` line per quote, grouped by speaker.
//! - [`Format::Markdown`]: the same as a Markdown document, the quotes under
//!   a `## Who said what` heading.
//! - [`Format::Json`]: the [`crate::Summary`] as one JSON object; see
//!   [`json`] for the schema.

pub mod json;

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::{Document, Summary};

/// Output formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Headline line, `- ` points, body.
    #[default]
    Text,
    /// Markdown: `#` headline, bullet list, body paragraphs.
    Markdown,
    /// One JSON object.
    Json,
}

/// Writes a summary of `doc` to `w` in `format`.
pub fn render(
    format: Format,
    doc: &Document,
    summary: &Summary,
    w: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => render_text(doc, summary, w),
        Format::Markdown => render_markdown(doc, summary, w),
        Format::Json => json::write(summary, w),
    }
}

/// The quotes of a summary alone, as `--quotes-only` writes them in JSON:
/// `{"id", "quotes", "offset_unit", "text"}` (`id` and `text` as in the
/// full output).
#[derive(Debug, Serialize)]
pub struct QuotesOnly<'a> {
    /// The document's id, if it had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    /// Quotes and attributions in text order.
    pub quotes: &'a [crate::quotes::Quote],
    /// Why no quotes were extracted (an article not in English).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes_note: Option<&'a str>,
    /// Always `"byte"`.
    pub offset_unit: &'a str,
    /// The extracted text the offsets point into (HTML input only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
}

impl<'a> QuotesOnly<'a> {
    /// The quotes part of `summary`.
    pub fn of(summary: &'a Summary) -> QuotesOnly<'a> {
        QuotesOnly {
            id: summary.id.as_deref(),
            quotes: &summary.quotes,
            quotes_note: summary.quotes_note.as_deref(),
            offset_unit: &summary.offset_unit,
            text: summary.text.as_deref(),
        }
    }
}

/// Writes only the quotes of `summary`: the "Who said what" list in text
/// (`Who said what:` then `- Speaker — words` lines) and Markdown, or
/// [`QuotesOnly`] as one JSON line.
pub fn render_quotes(format: Format, summary: &Summary, w: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Text => {
            match &summary.quotes_note {
                Some(note) if summary.quotes.is_empty() => writeln!(w, "Who said what: {note}")?,
                _ => writeln!(w, "Who said what:")?,
            }
            write_who_said_what(summary, w)
        }
        Format::Markdown => {
            writeln!(w, "## Who said what\n")?;
            if let Some(note) = summary
                .quotes_note
                .as_ref()
                .filter(|_| summary.quotes.is_empty())
            {
                writeln!(w, "{note}")?;
            }
            write_who_said_what(summary, w)
        }
        Format::Json => {
            serde_json::to_writer(&mut *w, &QuotesOnly::of(summary))?;
            w.write_all(b"\n")
        }
    }
}

/// Folds all white space (line breaks included) to single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The body's paragraphs: blocks separated by blank lines, each folded to
/// one line; when the text has no blank lines, each non-empty line.
fn body_paragraphs(text: &str) -> Vec<String> {
    let blocks: Vec<&str> = text
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .collect();
    let parts: Vec<&str> = if blocks.len() > 1 {
        blocks
    } else {
        text.lines().filter(|l| !l.trim().is_empty()).collect()
    };
    parts.into_iter().map(one_line).collect()
}

fn render_text(doc: &Document, summary: &Summary, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "{}", one_line(&summary.headline))?;
    for p in &summary.key_points {
        writeln!(w, "- {}", one_line(&p.text))?;
    }
    for para in body_paragraphs(body_of(doc, summary)) {
        writeln!(w, "{para}")?;
    }
    if !summary.quotes.is_empty() {
        writeln!(w, "Who said what:")?;
        write_who_said_what(summary, w)?;
    } else if let Some(note) = &summary.quotes_note {
        writeln!(w, "Who said what: {note}")?;
    }
    Ok(())
}

/// Speaker for quotes whose speaker was not found.
pub const UNATTRIBUTED: &str = "(unattributed)";

/// One `- Speaker — words` line per quote, speakers in order of their first
/// quote, each speaker's quotes together in text order.
pub fn write_who_said_what(summary: &Summary, w: &mut dyn Write) -> io::Result<()> {
    // One bucket per speaker, in order of first quote: linear in quotes.
    let mut index: rustc_hash::FxHashMap<&str, usize> = Default::default();
    let mut groups: Vec<(&str, Vec<&crate::quotes::Quote>)> = Vec::new();
    for q in &summary.quotes {
        let name = q.speaker_name.as_deref().unwrap_or(UNATTRIBUTED);
        let k = *index.entry(name).or_insert_with(|| {
            groups.push((name, Vec::new()));
            groups.len() - 1
        });
        groups[k].1.push(q);
    }
    for (speaker, quotes) in groups {
        for q in quotes {
            // `A Taliban spokesman (via the Associated Press)`.
            let via = q
                .via_name
                .as_deref()
                .map(|v| format!(" (via {})", one_line(v)))
                .unwrap_or_default();
            writeln!(
                w,
                "- {}{via} \u{2014} {}",
                one_line(speaker),
                one_line(&q.text)
            )?;
        }
    }
    Ok(())
}

/// The article's body: its text after the headline line and the given
/// points, which the layout shows in their own places.
fn body_of<'d>(doc: &'d Document, summary: &Summary) -> &'d str {
    let mut start = summary
        .given_points
        .iter()
        .map(|p| p.end)
        .max()
        .unwrap_or(0);
    if summary.headline_source == crate::HeadlineSource::FirstLine {
        start = start.max(
            summary
                .headline_spans
                .iter()
                .map(|s| s.end)
                .max()
                .unwrap_or(0),
        );
    }
    doc.text.get(start..).unwrap_or(&doc.text)
}

fn render_markdown(doc: &Document, summary: &Summary, w: &mut dyn Write) -> io::Result<()> {
    if !summary.headline.is_empty() {
        writeln!(w, "# {}\n", one_line(&summary.headline))?;
    }
    for p in &summary.key_points {
        writeln!(w, "- {}", one_line(&p.text))?;
    }
    for para in body_paragraphs(body_of(doc, summary)) {
        write!(w, "\n{para}\n")?;
    }
    if !summary.quotes.is_empty() {
        writeln!(w, "\n## Who said what\n")?;
        write_who_said_what(summary, w)?;
    } else if let Some(note) = &summary.quotes_note {
        writeln!(w, "\n## Who said what\n\n{note}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;

    fn sample() -> (Document, Summary) {
        let doc = Document::new(
            "Rain closed the ferry on Monday.\n\nThe harbour master said winds topped 90 km/h. \
             Crews will inspect the pier on Tuesday.\n\nService should resume by Friday. \
             Passengers can claim refunds online.",
        )
        .with_title("Storm shuts ferry");
        let s = Pipeline::default().summarize(&doc).unwrap();
        (doc, s)
    }

    fn to_string(format: Format) -> String {
        let (doc, s) = sample();
        let mut out = Vec::new();
        render(format, &doc, &s, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn text_layout_is_headline_points_body() {
        let out = to_string(Format::Text);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "Storm shuts ferry");
        let points = lines
            .iter()
            .skip(1)
            .take_while(|l| l.starts_with("- "))
            .count();
        assert!((3..=4).contains(&points), "{out}");
        // Then three body paragraphs, then who said what.
        let body = lines[1 + points..]
            .iter()
            .take_while(|l| **l != "Who said what:")
            .count();
        assert_eq!(body, 3, "three body paragraphs: {out}");
        assert_eq!(lines[1 + points], "Rain closed the ferry on Monday.");
        assert_eq!(
            lines[1 + points + 3..],
            [
                "Who said what:",
                "- The harbour master \u{2014} winds topped 90 km/h"
            ],
            "{out}"
        );
    }

    #[test]
    fn markdown_has_heading_and_list() {
        let out = to_string(Format::Markdown);
        assert!(out.starts_with("# Storm shuts ferry\n\n- "), "{out}");
        assert!(
            out.contains("\n\nService should resume by Friday."),
            "{out}"
        );
    }

    #[test]
    fn json_round_trips() {
        let (doc, s) = sample();
        let out = to_string(Format::Json);
        let back: Summary = serde_json::from_str(&out).unwrap();
        assert_eq!(back, s);
        for p in &back.key_points {
            assert!(doc.text.get(p.start..p.end).is_some());
            assert!(
                crate::span::same_words(&doc.text, &p.spans, &p.text),
                "{p:?}"
            );
        }
    }
}
