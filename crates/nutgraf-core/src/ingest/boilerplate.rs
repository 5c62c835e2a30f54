//! Boilerplate that the extractor keeps: figure captions and "related
//! stories" blocks, cut from the page before extraction
//! ([`cut_before_extraction`]), and the link lists
//! and teaser lines that news pages put inside or after the article ("READ
//! MORE: ...", headline links to other stories), dropped from its body
//! afterwards ([`drop_link_lines`]).
//!
//! The extractor returns its body both as text and as HTML with the links
//! kept. Each block of that HTML (paragraph, list item, heading...) gets a
//! link share: the part of its words that sit inside `<a>` elements. A text
//! line whose block is short and almost all link is another story's
//! headline, not this one's prose, and is dropped; so are a few stand-alone
//! teaser labels, promotions ("click here", "follow us on") and image
//! credits. Which of these rules run is an [`HtmlRules`] set; the default
//! keeps those that hold on both benchmarks (`scripts/html_rules.sh`): on
//! the 83 Scrapinghub pages (body F1, 4-shingles) rs-trafilatura alone
//! scores 0.9622, every rule 0.9758, the default 0.9680; on the 711 WCXB
//! dev articles (word F1) 0.9360, 0.9326 and 0.9372.

use rustc_hash::FxHashMap;

/// Which boilerplate rules run on top of the extractor: a set of the bits
/// below ([`crate::ingest::html::from_html_with`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HtmlRules(pub u16);

impl HtmlRules {
    /// `<figcaption>` elements cut before extraction.
    pub const FIGCAPTIONS: u16 = 1;
    /// "Related stories" headings and the teasers after them cut before
    /// extraction.
    pub const RELATED_BLOCKS: u16 = 1 << 1;
    /// Stand-alone teaser labels (`Read more`, `Advertisement`) dropped.
    pub const TEASER_LABELS: u16 = 1 << 2;
    /// Short promotion lines (`Follow us on Twitter`) dropped.
    pub const PROMOTIONS: u16 = 1 << 3;
    /// Lines ending in a bracketed image credit dropped.
    pub const CAPTION_LINES: u16 = 1 << 4;
    /// Blocks that are almost all link text dropped.
    pub const LINK_BLOCKS: u16 = 1 << 5;
    /// Runs of lines that are one link each dropped.
    pub const LINK_RUNS: u16 = 1 << 6;
    /// Headline-like lines after a teaser label dropped.
    pub const AFTER_LABEL: u16 = 1 << 7;
    /// The title repeated as the body's first line dropped.
    pub const LEADING_TITLE: u16 = 1 << 8;
    /// Every rule, by name.
    pub const NAMES: [(&'static str, u16); 9] = [
        ("figcaptions", Self::FIGCAPTIONS),
        ("related-blocks", Self::RELATED_BLOCKS),
        ("teaser-labels", Self::TEASER_LABELS),
        ("promotions", Self::PROMOTIONS),
        ("caption-lines", Self::CAPTION_LINES),
        ("link-blocks", Self::LINK_BLOCKS),
        ("link-runs", Self::LINK_RUNS),
        ("after-label", Self::AFTER_LABEL),
        ("leading-title", Self::LEADING_TITLE),
    ];
    /// Every rule.
    pub const ALL: HtmlRules = HtmlRules(0x1ff);
    /// The extractor alone.
    pub const NONE: HtmlRules = HtmlRules(0);

    /// True when `rule` (one of the bits) is on.
    pub fn has(self, rule: u16) -> bool {
        self.0 & rule != 0
    }
}

impl Default for HtmlRules {
    /// The rules that hold on both benchmarks: each gains body F1 on the
    /// Scrapinghub pages or the WCXB dev articles and loses on neither
    /// (`scripts/html_rules.sh`). Related-stories blocks, link blocks,
    /// promotions and headline lines after a label gain on Scrapinghub but
    /// lose on WCXB, so they are off.
    fn default() -> Self {
        HtmlRules(
            HtmlRules::LINK_RUNS
                | HtmlRules::TEASER_LABELS
                | HtmlRules::LEADING_TITLE
                | HtmlRules::FIGCAPTIONS
                | HtmlRules::CAPTION_LINES,
        )
    }
}

/// Blocks at least this share link text are link lists.
const LINK_SHARE: f32 = 0.8;

/// Only lines up to this many words are candidates: a long paragraph that
/// happens to be one link is rare, and dropping it would cost too much.
const MAX_WORDS: usize = 30;

/// Stand-alone labels that introduce teasers, normalized (lowercase words
/// joined by one space).
const TEASER_LABELS: [&str; 18] = [
    "see more",
    "read more",
    "more",
    "related",
    "related articles",
    "related stories",
    "you may also like",
    "advert",
    "advertisement",
    "tell us what you think",
    "recommended",
    "most popular",
    "most read",
    "read next",
    "don t miss",
    "tags",
    "see also",
    "also read",
];

/// Headings that open a block of teasers for other stories, lowercase.
const RELATED_HEADINGS: [&str; 12] = [
    "related",
    "you may also like",
    "you might also like",
    "more stories",
    "read next",
    "recommended",
    "más noticias",
    "noticias relacionadas",
    "você pode gostar",
    "leia também",
    "veja também",
    "lesen sie auch",
];

/// Removes, before extraction, figure captions and every heading that
/// opens a "related stories" block (its text starts like one of
/// `RELATED_HEADINGS` and is at most eight words, or its class or id says
/// `related`) together with the siblings that follow it, which are the
/// teasers. Returns whether it removed anything. The extractor drops such
/// headings itself but keeps the teasers after them, each with its excerpt,
/// which look like prose.
pub fn cut_before_extraction(doc: &dom_query::Document, rules: HtmlRules) -> bool {
    let mut cut = false;
    // Figure captions describe pictures, not the story.
    let captions = doc.select("figcaption");
    if rules.has(HtmlRules::FIGCAPTIONS) && captions.exists() {
        captions.remove();
        cut = true;
    }
    if !rules.has(HtmlRules::RELATED_BLOCKS) {
        return cut;
    }
    for node in doc.select("h1, h2, h3, h4, h5, h6").nodes() {
        let text = node.text().to_lowercase();
        let text = text.trim();
        let mut hint = node.attr("class").unwrap_or_default().to_lowercase();
        hint.push(' ');
        hint.push_str(&node.attr("id").unwrap_or_default().to_lowercase());
        let labelled = text.split_whitespace().count() <= 8
            && RELATED_HEADINGS.iter().any(|h| text.starts_with(h));
        if labelled || hint.contains("related") {
            let mut next = node.next_element_sibling();
            while let Some(n) = next {
                next = n.next_element_sibling();
                n.remove_from_parent();
            }
            node.remove_from_parent();
            cut = true;
        }
    }
    cut
}

/// Phrases of the promotions and page furniture that extractors keep
/// (subscription offers, social follow lines, captcha notices), normalized.
/// A line of at most [`MAX_WORDS`] words with one of them is dropped.
const PROMO_PHRASES: [&str; 7] = [
    "click here",
    "sign up for our",
    "subscribe to our",
    "our newsletter",
    "follow us on",
    "protected by recaptcha",
    "delivered to your inbox",
];

/// True for a short line that follows us, asks us to subscribe or click.
fn is_promo(norm: &str) -> bool {
    let padded = format!(" {norm} ");
    PROMO_PHRASES
        .iter()
        .any(|p| padded.contains(&format!(" {p} ")))
        || (norm.starts_with("follow ")
            && ["twitter", "facebook", "instagram"]
                .iter()
                .any(|n| padded.contains(&format!(" {n} "))))
}

/// True for an image caption: a line ending in a bracketed credit, such as
/// "(credit: NASA)", "[File: Reuters]" or "(Photo: Jane Doe/AP)".
fn is_caption(line: &str) -> bool {
    let t = line.trim_end();
    let Some(close) = t.chars().last().filter(|c| matches!(c, ')' | ']')) else {
        return false;
    };
    let open = if close == ')' { '(' } else { '[' };
    let Some(start) = t.rfind(open) else {
        return false;
    };
    let inside = t[start + 1..t.len() - 1].trim_start().to_lowercase();
    [
        "credit",
        "file:",
        "file photo",
        "photo:",
        "photo by",
        "image:",
        "picture:",
        "getty",
    ]
    .iter()
    .any(|p| inside.starts_with(p))
}

/// Removes link-list and teaser lines from `text`, using `html` (the same
/// body as HTML, links kept) for link shares. A line that is a whole block
/// of links, or a teaser label, goes; a line that is only one link or one
/// linked inline element (`<strong><a>Story</a> [VIDEO]</strong>`, lines
/// split by `<br>`) goes only beside another such line, since link lists
/// come in runs and a lone linked line is more often the article's own.
/// Returns `text` unchanged when the filter would leave nothing.
pub fn drop_link_lines(text: &str, html: &str, rules: HtmlRules) -> String {
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Blank,
        Prose,
        Inline,
        Block,
        Label,
    }
    let (blocks, inlines) = link_shares(html);
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let kinds: Vec<Kind> = lines
        .iter()
        .map(|line| {
            let norm = normalize(line);
            let words = norm.split(' ').filter(|w| !w.is_empty()).count();
            if words == 0 {
                return Kind::Blank;
            }
            if words > MAX_WORDS {
                return Kind::Prose;
            }
            if rules.has(HtmlRules::TEASER_LABELS) && TEASER_LABELS.contains(&norm.as_str()) {
                return Kind::Label;
            }
            if (rules.has(HtmlRules::PROMOTIONS) && is_promo(&norm))
                || (rules.has(HtmlRules::CAPTION_LINES) && is_caption(line))
            {
                return Kind::Block;
            }
            // "READ MORE: <a>Other story</a>": the label is not prose.
            let label = TEASER_LABELS
                .iter()
                .filter(|l| norm.starts_with(*l) && norm[l.len()..].starts_with(' '))
                .map(|l| l.len() + 1)
                .max()
                .unwrap_or(0);
            let linky = |&(linked, len): &(usize, usize)| {
                linked as f32 >= LINK_SHARE * (len - label).max(1) as f32
            };
            if rules.has(HtmlRules::LINK_BLOCKS) && blocks.get(&norm).is_some_and(linky) {
                Kind::Block
            } else if rules.has(HtmlRules::LINK_RUNS) && inlines.get(&norm).is_some_and(linky) {
                Kind::Inline
            } else {
                Kind::Prose
            }
        })
        .collect();
    let linked = |k: Option<&Kind>| matches!(k, Some(Kind::Inline | Kind::Block | Kind::Label));
    let mut out = String::with_capacity(text.len());
    let mut dropped = false;
    // After a teaser label, headline-like lines (short, no closing
    // punctuation) are the teasers, links or not.
    let mut after_label = false;
    for (i, line) in lines.iter().enumerate() {
        let drop = match kinds[i] {
            Kind::Block | Kind::Label => true,
            Kind::Inline => {
                let prev = kinds[..i].iter().rev().find(|k| **k != Kind::Blank);
                let next = kinds[i + 1..].iter().find(|k| **k != Kind::Blank);
                linked(prev) || linked(next)
            }
            Kind::Prose => {
                rules.has(HtmlRules::AFTER_LABEL) && after_label && is_headline_like(line)
            }
            Kind::Blank => false,
        };
        match kinds[i] {
            Kind::Label => after_label = true,
            Kind::Blank => {}
            _ if drop => {}
            _ => after_label = false,
        }
        if drop {
            dropped = true;
        } else {
            out.push_str(line);
        }
    }
    if !dropped || out.trim().is_empty() {
        return text.to_string();
    }
    out
}

/// A short line that does not end like a sentence.
fn is_headline_like(line: &str) -> bool {
    let t = line.trim();
    t.split_whitespace().count() <= 15
        && !t.ends_with(['.', '!', '?', '"', '\u{201d}', '\'', ':', ';', ','])
}

/// Removes the first non-blank line of `text` when it is `title` (compared
/// as normalized words) and more text follows.
pub fn drop_leading_title(text: &str, title: &str) -> String {
    let title = normalize(title);
    let start = text.len() - text.trim_start().len();
    let end = text[start..].find('\n').map_or(text.len(), |k| start + k);
    if title.is_empty() || normalize(&text[start..end]) != title || text[end..].trim().is_empty() {
        return text.to_string();
    }
    text[end..].trim_start_matches(['\n', '\r']).to_string()
}

/// Linked length and whole length, by normalized text, of every block of
/// `html` (paragraphs, list items, headings...) and, apart, of every link
/// and inline element. The first (outermost) element with a text wins.
type Shares = FxHashMap<String, (usize, usize)>;

fn link_shares(html: &str) -> (Shares, Shares) {
    let (mut blocks, mut inlines) = (Shares::default(), Shares::default());
    if !html.contains("<a") {
        return (blocks, inlines);
    }
    let doc = dom_query::Document::from(html);
    for (selector, map) in [
        (
            "p, li, h1, h2, h3, h4, h5, h6, blockquote, td, div",
            &mut blocks,
        ),
        ("a, strong, b, em, span", &mut inlines),
    ] {
        for el in doc.select(selector).iter() {
            let norm = normalize(&el.text());
            if norm.is_empty() {
                continue;
            }
            let len = norm.len();
            let linked: usize = if el.is("a") {
                len
            } else {
                el.select("a")
                    .iter()
                    .map(|a| normalize(&a.text()).len())
                    .sum()
            };
            map.entry(norm).or_insert((linked, len));
        }
    }
    (blocks, inlines)
}

/// Lowercase alphanumeric words joined by single spaces.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_headline_links_and_teaser_labels() {
        let html = "<p>The council voted to close the <a href=/a>old pool</a> next spring after a long debate.</p>\
            <p>You may also like...</p>\
            <p><a href=/b>Pool fees rise again</a></p>\
            <p>READ MORE: <a href=/c>Why the new gym is late</a></p>";
        let text = "The council voted to close the old pool next spring after a long debate.\n\
            You may also like...\n\
            Pool fees rise again\n\
            READ MORE: Why the new gym is late\n";
        assert_eq!(
            drop_link_lines(text, html, HtmlRules::ALL),
            "The council voted to close the old pool next spring after a long debate.\n"
        );
    }

    #[test]
    fn keeps_prose_with_links_and_long_linked_paragraphs() {
        let long = "word ".repeat(40);
        let html = format!(
            "<p>Officials <a href=/x>said</a> the bridge would reopen in May.</p><p><a href=/y>{long}</a></p>"
        );
        let text = format!("Officials said the bridge would reopen in May.\n{long}\n");
        assert_eq!(drop_link_lines(&text, &html, HtmlRules::ALL), text);
    }

    #[test]
    fn related_blocks_are_cut_with_their_teasers() {
        let doc = dom_query::Document::from(
            "<article><h1>Pool closes</h1><p>The council voted to close the old pool.</p>\
             <h3 class=\"section-title\">You may also like</h3><article><p>Gym opens late, with a teaser.</p></article>\
             <article><p>Another teaser here.</p></article></article>\
             <div><h2 id=\"related-posts\">Elsewhere</h2><p>Third teaser.</p></div>",
        );
        assert!(cut_before_extraction(&doc, HtmlRules::ALL));
        let text = doc.select("body").text();
        assert!(text.contains("The council voted"), "{text}");
        assert!(text.contains("Pool closes"), "{text}");
        for gone in [
            "You may also like",
            "Gym opens late",
            "Another teaser",
            "Elsewhere",
            "Third teaser",
        ] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        let plain = dom_query::Document::from("<h2>Budget details</h2><p>Text.</p>");
        assert!(!cut_before_extraction(&plain, HtmlRules::ALL));
    }

    #[test]
    fn inline_link_runs_go_but_a_lone_link_line_stays() {
        let html = "<p>Prose about the vote that is long enough here.</p>\
            <p><strong>DON'T MISS</strong><br><strong><a href=/a>Pool fees rise</a> [VIDEO]</strong><br>\
            <strong><a href=/b>Gym opens late</a> [INSIGHT]</strong></p>\
            <p>More prose.</p><p>Before <em><a href=/c>the budget report</a></em> after.</p>";
        let text =
            "Prose about the vote that is long enough here.\nDON'T MISS\nPool fees rise [VIDEO]\n\
            Gym opens late [INSIGHT]\nMore prose.\nBefore\nthe budget report\nafter.\n";
        assert_eq!(
            drop_link_lines(text, html, HtmlRules::ALL),
            "Prose about the vote that is long enough here.\nMore prose.\nBefore\nthe budget report\nafter.\n"
        );
    }

    #[test]
    fn teasers_after_a_label_promotions_and_credits_go() {
        let text = "The ferry resumed on Friday, the operator said.\nMore:\n Pool fees rise again\n\n Gym opens late\n\
            The pier passed its inspection.\nFollow the Ledger on Twitter and Facebook.\n\
            Click here to get our daily briefing.\nCrews at the north pier on Monday. (Credit: Ana Reyes)\nThe end.";
        assert_eq!(
            drop_link_lines(text, "", HtmlRules::ALL),
            "The ferry resumed on Friday, the operator said.\n\nThe pier passed its inspection.\nThe end."
        );
        assert!(is_caption("Troops at the base [File: Wire]"));
        assert!(!is_caption("The council (which met on Monday) agreed."));
    }

    #[test]
    fn leading_headline_line_is_dropped_only_with_text_after() {
        assert_eq!(
            drop_leading_title(
                "\nStorm shuts ferry!\nThe storm shut it.",
                "Storm shuts  ferry"
            ),
            "The storm shut it."
        );
        assert_eq!(
            drop_leading_title("Storm shuts ferry", "Storm shuts ferry"),
            "Storm shuts ferry"
        );
        assert_eq!(
            drop_leading_title("Other first line\nText.", "Storm"),
            "Other first line\nText."
        );
    }

    #[test]
    fn figure_captions_are_cut() {
        let doc = dom_query::Document::from(
            "<figure><img src=a.jpg><figcaption>Crews at work</figcaption></figure><p>Text.</p>",
        );
        assert!(cut_before_extraction(&doc, HtmlRules::ALL));
        assert!(!doc.select("body").text().contains("Crews"));
    }

    #[test]
    fn never_empties_the_body() {
        let html = "<p><a href=/a>Only a link here</a></p>";
        assert_eq!(
            drop_link_lines("Only a link here", html, HtmlRules::ALL),
            "Only a link here"
        );
    }

    #[test]
    fn normalizes_case_punctuation_and_space() {
        assert_eq!(
            normalize("  READ  more: Über-Rates! "),
            "read more über rates"
        );
        assert_eq!(normalize("..."), "");
    }
}
