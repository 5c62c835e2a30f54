//! Headlines: the article's own first line when it is one, else one made
//! from the article's words.
//!
//! - [`read_layout`] reads the top of a plain text: a first line that is a
//!   headline (its own paragraph, reads as a title), and, in our own output
//!   layout, the `- ` lines after it (the article's given key points). A
//!   small boosted-tree model, [`LINE_MODEL`], decides whether a plain first
//!   line is a headline; see the `layout` source file for why and how it is
//!   trained ([`line_examples`] makes its rows; the `nutgraf-train` crate fits
//!   them).
//! - [`generate`] makes a grounded headline from the lead: spans of the
//!   text, in order, whose words are the headline's words. It compresses the
//!   lead sentence the way headline writers do (after Dorr et al.'s Hedge
//!   Trimmer, 2003): drop articles, auxiliaries, time phrases, parentheses,
//!   relative clauses and attribution tails, then cut where a phrase ends.
//!   A second small model, [`KEEP_MODEL`], scores each word's chance of
//!   being in the headline and picks the cut; see the `trimmer` source
//!   file and [`keep_rows`].

mod layout;
mod trimmer;

use crate::analyze::Analyzed;
use crate::score::gbdt::{CompiledGbdt, Gbdt};
use crate::Span;

pub use layout::{line_examples, line_model, LINE_FEATURES, LINE_MODEL, WINDOW};
pub use trimmer::{
    keep_model, keep_rows, KEEP_FEATURES, KEEP_MODEL, MAX_WORDS, MIN_WORDS, REF_TOKENS, SOFT_WORDS,
};

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
/// `nutgraf train-headlines`, say).
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
    trimmer::generate(analyzed, trimmer::compiled_keep_model())
}

/// [`generate`] with another keep model (one from `nutgraf
/// train-headlines`, say, compiled with [`CompiledGbdt::new`]); `None` cuts by rule alone.
pub fn generate_with(analyzed: &Analyzed<'_>, model: Option<&CompiledGbdt>) -> Vec<Span> {
    trimmer::generate(analyzed, model)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{Analyzer, WordAnalyzer};
    use crate::segment::{NewsSegmenter, Segmenter};
    use crate::span::{join_spans, same_words};
    use crate::Document;

    /// Our own output layout: headline, `- ` points, body on single lines.
    const OWN_LAYOUT: &str = "Council votes to close the old harbour pool\n\
        - The city council voted 7-2 on Tuesday to close the harbour pool at the end of summer.\n\
        - Repairs would have cost more than a new pool, the council's engineers said.\n\
        - Swimmers plan a protest at the next meeting.\n\
        The harbour pool has been open since 1931. It was last repaired in 1988.\n\
        Council members said the decision had been a difficult one for everyone.\n";

    const TITLE_WITH_PERIOD: &str = "Mayor Wins Second Term in Close Race.\n\n\
        The mayor of Springfield won a second term on Tuesday, beating her challenger by \
        fewer than 400 votes after a campaign dominated by the cost of housing.\n\n\
        Turnout was 41 percent, the highest in a decade, officials said.\n";

    const SENTENCE_CASE_TITLE: &str = "Harbour pool to close after council vote.\n\n\
        The city council voted on Tuesday night to close the harbour pool, which has been \
        open since 1931, at the end of the summer season.\n\n\
        Swimmers said they would protest at the next meeting of the council.\n";

    /// A lead sentence in its own paragraph: body, not a headline.
    const LEAD_PARAGRAPH: &str = "Ferry services to the island have been cut for the winter, \
        the operator has said.\n\n\
        The operator said falling passenger numbers meant it could no longer run three \
        crossings a day, and that it would review the timetable in the spring.\n\n\
        Islanders said the cuts would hurt local businesses.\n";

    const LONGER_LEAD: &str = "The city council has voted to close the harbour pool after \
        engineers warned that repairs would cost more than a new one, officials said.\n\n\
        The pool opened in 1931.\n";

    fn first_line(text: &str) -> &str {
        text.trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap_or("")
            .trim()
    }

    #[test]
    fn own_layout_headline_and_points() {
        let text = OWN_LAYOUT;
        let l = read_layout(text);
        let h = l.headline.expect("the first line is the headline");
        assert_eq!(h.slice(text), "Council votes to close the old harbour pool");
        let points: Vec<&str> = l.given_points.iter().map(|s| s.slice(text)).collect();
        assert_eq!(points.len(), 3);
        assert!(points[0].starts_with("The city council voted 7-2"));
        assert_eq!(points[2], "Swimmers plan a protest at the next meeting.");
        assert_eq!(l.furniture.len(), 4);
        assert_eq!(l.furniture[0], h);
        assert!(l.furniture[1].slice(text).starts_with("- The city council"));
        assert!(l.furniture[3].slice(text).ends_with("next meeting."));
    }

    #[test]
    fn points_at_the_very_top_and_only_there() {
        let text =
            "- First point of the story.\n- Second point.\nThe body starts here. It goes on.\n";
        let l = read_layout(text);
        assert_eq!(l.headline, None);
        let points: Vec<&str> = l.given_points.iter().map(|s| s.slice(text)).collect();
        assert_eq!(points, ["First point of the story.", "Second point."]);
        assert_eq!(l.furniture.len(), 2);
        // `- ` lines further down are body text.
        let text = "Mayor Wins Second Term\n\nThe mayor won on Tuesday by a narrow margin of \
                    votes, officials said.\n- a list item in the body\n";
        assert!(read_layout(text).given_points.is_empty());
    }

    #[test]
    fn title_lines_are_headlines() {
        for text in [TITLE_WITH_PERIOD, SENTENCE_CASE_TITLE] {
            let l = read_layout(text);
            assert_eq!(
                l.headline.map(|s| s.slice(text)),
                Some(first_line(text)),
                "{text}"
            );
            assert!(l.given_points.is_empty());
            assert_eq!(l.furniture, l.headline.into_iter().collect::<Vec<_>>());
        }
    }

    #[test]
    fn lead_sentences_and_datelines_are_not_headlines() {
        for text in [
            LEAD_PARAGRAPH,
            LONGER_LEAD,
            "WASHINGTON (AP) -- The Senate passed the bill on Tuesday.\n\nIt now goes to the House.",
            "LONDON, Sept. 26 (UPI) \u{2014} Police said two men were arrested.\n\nThey were freed.",
            "By . Jane Doe . PUBLISHED: 10:01 EST, 3 May 2014 .\n\nThe story starts here.",
            "A single paragraph with no line break at all, as many feeds send articles.",
        ] {
            assert_eq!(read_layout(text).headline, None, "{text}");
        }
    }

    #[test]
    fn odd_inputs_never_panic() {
        for text in [
            "",
            "\n\n\n",
            "Word",
            "word\n",
            "   \n  Word  \n",
            "no punctuation at all just some words in a row",
            "ALL CAPS LINE WITHOUT ANY BREAK",
            "ALL CAPS TITLE\n\nALL CAPS BODY TEXT THAT GOES ON FOR A WHILE LIKE A TELEX.",
            "\u{feff}",
            "- ",
            "-\n- \n-  x",
            "\r\n\r\n",
        ] {
            let l = read_layout(text);
            for s in l.furniture.iter().chain(&l.given_points).chain(&l.headline) {
                assert!(text.get(s.start..s.end).is_some(), "{text:?}");
                assert_eq!(s.slice(text), s.slice(text).trim());
            }
        }
        assert_eq!(read_layout(""), Layout::default());
        assert_eq!(read_layout("Word").headline, None);
        // One huge line, with a multi-byte character across the window's end.
        let big = "é".repeat(3 * 1024 * 1024);
        assert_eq!(read_layout(&big), Layout::default());
        let big = format!("Title Of The Story\n\n{}", "ü".repeat(WINDOW));
        let _ = read_layout(&big);
    }

    #[test]
    fn bom_and_crlf() {
        let text = format!("\u{feff}{}", TITLE_WITH_PERIOD.replace('\n', "\r\n"));
        let l = read_layout(&text);
        let h = l.headline.expect("headline after a BOM");
        assert_eq!(h.start, 3);
        assert_eq!(h.slice(&text), "Mayor Wins Second Term in Close Race.");
        let text = format!("\u{feff}{OWN_LAYOUT}");
        let l = read_layout(&text);
        assert_eq!(l.headline.map(|s| s.start), Some(3));
        assert_eq!(l.given_points.len(), 3);
    }

    /// Function words no headline may end with.
    const DANGLING: &[&str] = &[
        "of", "the", "to", "and", "a", "an", "in", "for", "on", "at", "by", "with", "from", "as",
        "that", "which", "who", "is", "are", "was", "were", "has", "have", "had", "be", "been",
        "will", "would", "its", "his", "her", "their", "or", "but",
    ];

    fn headline(text: &str) -> (Vec<Span>, String) {
        let doc = Document::new(text);
        let a = WordAnalyzer.analyze(NewsSegmenter::default().segment(&doc));
        let spans = generate(&a);
        let shown = join_spans(&doc.text, &spans, false);
        assert!(
            same_words(&doc.text, &spans, &shown),
            "{shown:?} not grounded"
        );
        assert!(
            spans.windows(2).all(|w| w[0].end <= w[1].start),
            "spans in order"
        );
        (spans, shown)
    }

    fn check(shown: &str) {
        let words: Vec<&str> = shown.split_whitespace().collect();
        assert!((MIN_WORDS..=MAX_WORDS).contains(&words.len()), "{shown:?}");
        let last = words
            .last()
            .unwrap()
            .trim_matches(|c: char| !c.is_alphanumeric());
        assert!(
            !DANGLING.contains(&last.to_lowercase().as_str()),
            "{shown:?}"
        );
    }

    #[test]
    fn generated_headlines_compress_the_lead() {
        let (_, shown) = headline(
            "The city council has voted to close the old harbour pool on Tuesday, officials \
             said. The pool opened in 1931. Repairs to the pool would cost more than a new \
             pool, the council said. Swimmers plan to protest. The council will meet again.",
        );
        check(&shown);
        assert!(
            shown.starts_with("City council voted to close"),
            "{shown:?}"
        );
        assert!(
            !shown.contains("said") && !shown.contains("Tuesday"),
            "{shown:?}"
        );

        let (_, shown) = headline(
            "WASHINGTON (AP) -- The Senate on Monday passed a bill that would raise the \
             minimum wage for federal contractors by two dollars an hour. The bill now goes \
             to the House, where its future is uncertain. Senators voted 58-41.",
        );
        check(&shown);
        assert!(
            !shown.contains("WASHINGTON") && !shown.contains("AP"),
            "{shown:?}"
        );
        assert!(shown.starts_with("Senate"), "{shown:?}");

        let (_, shown) = headline(
            "Quarterly profits at the ferry firm jumped 76% to $1.1bn (\u{a3}600m) in the \
             three months to December, helped by \"record\" bookings. The firm's shares rose. \
             Profits at the ferry firm had fallen a year earlier.",
        );
        check(&shown);
        assert!(!shown.contains('(') && !shown.contains('"'), "{shown:?}");
        assert!(shown.contains("76%"), "{shown:?}");
    }

    #[test]
    fn generated_headlines_are_never_empty() {
        let (spans, shown) = headline("Rain.");
        assert!(!spans.is_empty() && shown == "Rain", "{shown:?}");
        let (_, shown) = headline("Police closed the road");
        assert_eq!(shown, "Police closed road");
        let (_, shown) = headline("the");
        assert_eq!(shown, "The");
        let (spans, _) = headline("");
        assert!(spans.is_empty());
        let (_, shown) = headline(&"word ".repeat(5000));
        assert!(!shown.is_empty() && shown.split_whitespace().count() <= MAX_WORDS);
    }
}
