//! HTML pages: article body and title.
//!
//! Body extraction is `rs-trafilatura` (a Rust port of trafilatura), which
//! scored F1 0.962 on the Scrapinghub benchmark pages here and also decodes
//! declared character sets (windows-1252, ISO-8859-1, Shift_JIS...). Our
//! [`boilerplate`](super::boilerplate) rules then drop link lists and teaser
//! lines from its body. Two guards wrap it, because its run time grows
//! with the square of the nesting depth (one stack of 4,000 `<div>`s took
//! 3.8 s, a page nested 30,000 deep over a minute):
//!
//! - a page nested deeper than [`MAX_DEPTH`] elements (by a cheap byte scan;
//!   the deepest of 794 benchmark pages is about 120) is first flattened
//!   ([`flatten`]): the elements below that depth lose their tags and keep
//!   their text, in one linear pass;
//! - a page larger than [`MAX_EXTRACT_BYTES`] skips it for [`strip_tags`],
//!   a linear tag stripper, since its memory runs to 30 to 100 times the
//!   page; and when it finds no body text, [`strip_tags`] is tried too, so
//!   a page with any text at all gives a document.

use super::boilerplate::HtmlRules;
use crate::document::PageMetadata;
use crate::{Document, Error};

/// Nesting depth beyond which a page is flattened before extraction.
pub const MAX_DEPTH: usize = 256;

/// Pages larger than this skip the extractor, whose memory runs to 30 to
/// 100 times the page, for the linear [`strip_tags`]: 16 MiB, nine times
/// the largest of 794 benchmark pages (1.8 MB).
pub const MAX_EXTRACT_BYTES: usize = 16 << 20;

/// True when `bytes` start (after white space and a byte-order mark) like an
/// HTML document.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let head: Vec<u8> = b[start..b.len().min(start + 15)].to_ascii_lowercase();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html") || head.starts_with(b"<head")
}

/// Extracts the article body and title of an HTML page.
///
/// Errors with [`Error::EmptyDocument`] when the page holds no text at all.
pub fn from_html(bytes: &[u8]) -> Result<Document, Error> {
    from_html_with(bytes, HtmlRules::default())
}

/// [`from_html`] with only the boilerplate rules of `rules` on top of the
/// extractor ([`HtmlRules::NONE`]: the extractor alone).
pub fn from_html_with(bytes: &[u8], rules: HtmlRules) -> Result<Document, Error> {
    let (mut text, mut title, mut metadata) = (String::new(), None, None);
    let flat;
    let page = if max_depth(bytes) > MAX_DEPTH {
        flat = flatten(bytes, MAX_DEPTH);
        flat.as_slice()
    } else {
        bytes
    };
    if page.len() <= MAX_EXTRACT_BYTES {
        let html = rs_trafilatura::encoding::transcode_to_utf8(page);
        // The title, byline, site and date as Readability chooses them
        // (JSON-LD and meta tags first, then markup); the extractor's fill
        // the gaps below.
        let dom = dom_query::Document::from(html.as_str());
        let readability_title = super::title::page_title(&dom);
        let facts = super::meta::page_facts(&dom);
        // Related-stories blocks go before extraction; the page is only
        // written out again when one was cut.
        let cut =
            super::boilerplate::cut_before_extraction(&dom, rules).then(|| dom.html().to_string());
        let options = rs_trafilatura::Options {
            include_links: true,
            ..rs_trafilatura::Options::default()
        };
        if let Ok(r) =
            rs_trafilatura::extract_with_options(cut.as_deref().unwrap_or(&html), &options)
        {
            let body = r.content_html.as_deref().unwrap_or_default();
            text = super::boilerplate::drop_link_lines(&r.content_text, body, rules);
            let m = r.metadata;
            title = m.title;
            let page = PageMetadata {
                author: m.author.filter(|a| !a.trim().is_empty()),
                published: m.date.map(|d| d.to_rfc3339()),
                site_name: m.sitename.filter(|s| !s.trim().is_empty()),
                url: m.url.filter(|u| !u.trim().is_empty()),
                language: m.language.filter(|l| !l.trim().is_empty()),
            };
            metadata = (page != PageMetadata::default()).then_some(page);
        }
        if readability_title.is_some() {
            title = readability_title;
        }
        if facts != super::meta::PageFacts::default() {
            let page = metadata.get_or_insert_with(PageMetadata::default);
            page.author = facts.author.or(page.author.take());
            page.site_name = facts.site_name.or(page.site_name.take());
            page.published = facts.published.or(page.published.take());
        }
        // The headline repeated as the body's first line is not body text
        // (we carry it as the title).
        if let Some(t) = title
            .as_deref()
            .filter(|_| rules.has(HtmlRules::LEADING_TITLE))
        {
            text = super::boilerplate::drop_leading_title(&text, t);
        }
        // With no body, the extractor can return the title alone, even
        // repeated: that is no article.
        if let Some(t) = title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            if text.replace(t, "").trim().is_empty() {
                text.clear();
            }
        }
    }
    if text.trim().is_empty() {
        text = strip_tags(&String::from_utf8_lossy(bytes));
    }
    if text.trim().is_empty() {
        return Err(Error::EmptyDocument);
    }
    let mut doc = Document::new(text);
    doc.metadata = metadata;
    if let Some(t) = title {
        doc = doc.with_title(t);
    }
    Ok(doc)
}

/// Elements that never have content, so they do not nest.
const VOID: [&[u8]; 14] = [
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];

/// What the byte at a `<` starts: a closing tag, an opening tag that
/// nests (not void, not `.../>`), or neither (`<!...>`, `<?...>`, a void
/// or self-closing element, a stray `<`). `next_gt` caches the position of
/// the next `>` (see [`next_gt`]) so that a page of `<` without `>` stays
/// linear.
fn tag_at(bytes: &[u8], i: usize, next_gt: &mut usize) -> Tag {
    match bytes.get(i + 1) {
        Some(b'/') => Tag::Close,
        Some(c) if c.is_ascii_alphabetic() => {
            let name_end = bytes[i + 1..]
                .iter()
                .position(|c| !c.is_ascii_alphanumeric())
                .map_or(bytes.len(), |k| i + 1 + k);
            let name = &bytes[i + 1..name_end];
            let gt = self::next_gt(bytes, name_end, next_gt);
            let self_closing = gt < bytes.len() && gt > 0 && bytes[gt - 1] == b'/';
            let void = VOID.iter().any(|v| v.eq_ignore_ascii_case(name));
            if self_closing || void {
                Tag::Other
            } else {
                Tag::Open
            }
        }
        _ => Tag::Other,
    }
}

/// The position of the first `>` at or after `from` (`bytes.len()` when
/// there is none), through the cache `next`: positions asked for only grow,
/// so the page is scanned once.
fn next_gt(bytes: &[u8], from: usize, next: &mut usize) -> usize {
    if *next < from {
        *next =
            memchr::memchr(b'>', &bytes[from.min(bytes.len())..]).map_or(bytes.len(), |k| from + k);
    }
    *next
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    Open,
    Close,
    Other,
}

/// Approximate maximum element nesting: `<x` opens, `</x` closes, void
/// elements, `<!...>` and `<?...>` and `.../>` do neither. Linear, no
/// allocation.
pub fn max_depth(bytes: &[u8]) -> usize {
    let (mut depth, mut max, mut next_gt) = (0usize, 0usize, 0usize);
    for i in memchr::memchr_iter(b'<', bytes) {
        match tag_at(bytes, i, &mut next_gt) {
            Tag::Close => depth = depth.saturating_sub(1),
            Tag::Open => {
                depth += 1;
                max = max.max(depth);
            }
            Tag::Other => {}
        }
    }
    max
}

/// The page with every tag that would open or close an element deeper than
/// `limit` removed (by the same scan as [`max_depth`]), but for `<p>`
/// tags; the text between the tags stays. Linear in the page.
pub fn flatten(bytes: &[u8], limit: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let (mut depth, mut at, mut next_gt) = (0usize, 0usize, 0usize);
    for i in memchr::memchr_iter(b'<', bytes) {
        if i < at {
            continue;
        }
        let tag = tag_at(bytes, i, &mut next_gt);
        let deep = match tag {
            Tag::Open => {
                depth += 1;
                depth > limit
            }
            Tag::Close => {
                depth = depth.saturating_sub(1);
                depth >= limit
            }
            Tag::Other => false,
        };
        // Paragraph tags stay: HTML never nests them, and the extractor
        // reads text in paragraphs, not text loose in a stack of `<div>`s
        // (which it repeats once per enclosing element).
        let paragraph = || {
            bytes
                .get(i + 1 + usize::from(tag == Tag::Close)..)
                .is_some_and(|r| {
                    r.first().is_some_and(|c| c.eq_ignore_ascii_case(&b'p'))
                        && r.get(1).is_none_or(|c| !c.is_ascii_alphanumeric())
                })
        };
        if deep && !paragraph() {
            // Drop the tag itself, to its `>`, or to the next `<` when a
            // broken tag has none before it (never another tag with it).
            let gt = (self::next_gt(bytes, i, &mut next_gt) + 1).min(bytes.len());
            let lt = memchr::memchr(b'<', &bytes[i + 1..gt]).map_or(gt, |k| i + 1 + k);
            let end = gt.min(lt);
            out.extend_from_slice(&bytes[at..i]);
            // A space where a tag was keeps words apart, one is enough.
            if out.last().is_some_and(|b| !b.is_ascii_whitespace()) {
                out.push(b' ');
            }
            at = end;
        }
    }
    out.extend_from_slice(&bytes[at..]);
    out
}

/// A linear fallback: the page's text without tags, head, scripts and styles,
/// block elements as line breaks, common entities decoded.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        let Some(k) = html[i..].find('<') else {
            out.push_str(&decode_entities(&html[i..]));
            break;
        };
        out.push_str(&decode_entities(&html[i..i + k]));
        let tag_start = i + k;
        // Skip the content of script and style elements whole.
        let mut skipped = false;
        for name in ["head", "script", "style", "noscript", "title"] {
            if lower[tag_start + 1..].starts_with(name) {
                let close = format!("</{name}");
                i = lower[tag_start..]
                    .find(&close)
                    .map_or(html.len(), |e| tag_start + e + close.len());
                i = html[i..].find('>').map_or(html.len(), |e| i + e + 1);
                skipped = true;
                break;
            }
        }
        if skipped {
            continue;
        }
        let end = html[tag_start..]
            .find('>')
            .map_or(html.len(), |e| tag_start + e + 1);
        let tag = &lower[tag_start..end];
        let block = [
            "<p", "</p", "<br", "<div", "</div", "<li", "<h1", "<h2", "<h3", "</h", "<tr",
        ]
        .iter()
        .any(|b| tag.starts_with(b));
        if block && !out.ends_with('\n') {
            out.push('\n');
        }
        i = end;
    }
    // Fold runs of blank lines and trailing spaces.
    let mut text = String::with_capacity(out.len());
    for line in out.lines().map(str::trim).filter(|l| !l.is_empty()) {
        text.push_str(line);
        text.push_str("\n\n");
    }
    text.truncate(text.trim_end().len());
    text
}

fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    s.replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Storm shuts ferry | The Coastal Ledger</title>
<meta property="og:title" content="Storm shuts ferry for second day">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Storm shuts ferry for second day</h1>
<p>A late-winter storm shut the Port Ellery ferry for a second day on Monday, stranding hundreds of commuters on the mainland.</p>
<p>Winds gusting to 110 km/h tore a section of decking from the north pier overnight, the harbour master said on Monday morning.</p>
<p>About 600 people cross on the ferry each weekday, most of them to jobs in the city, and many spent the night in a school gym.</p>
<p>The operator hopes to restore a reduced timetable on Thursday, with full service by the weekend if the pier passes inspection.</p>
</article><footer>Copyright 2026 The Coastal Ledger. All rights reserved.</footer></body></html>"#;

    #[test]
    fn default_rules_are_the_validated_subset() {
        let d = HtmlRules::default();
        for on in [
            HtmlRules::LINK_RUNS,
            HtmlRules::TEASER_LABELS,
            HtmlRules::LEADING_TITLE,
            HtmlRules::FIGCAPTIONS,
            HtmlRules::CAPTION_LINES,
        ] {
            assert!(d.has(on), "{on:#x} on");
        }
        for off in [
            HtmlRules::RELATED_BLOCKS,
            HtmlRules::LINK_BLOCKS,
            HtmlRules::PROMOTIONS,
            HtmlRules::AFTER_LABEL,
        ] {
            assert!(!d.has(off), "{off:#x} off");
        }
        // A line ending in an image credit goes by default, and only with
        // the rule on.
        let page = PAGE.replace(
            "</article>",
            "<p>The north pier after the storm on Monday. (Photo: Ana Reyes/The Coastal \
             Ledger)</p></article>",
        );
        let with = from_html(page.as_bytes()).unwrap().text;
        let without = from_html_with(page.as_bytes(), HtmlRules::NONE)
            .unwrap()
            .text;
        assert!(!with.contains("Photo: Ana Reyes"), "{with}");
        assert!(with.contains("stranding hundreds of commuters"), "{with}");
        assert!(without.contains("Photo: Ana Reyes"), "{without}");
    }

    #[test]
    fn finds_body_and_title() {
        assert!(looks_like_html(PAGE.as_bytes()));
        let doc = from_html(PAGE.as_bytes()).unwrap();
        assert!(
            doc.text.contains("stranding hundreds of commuters"),
            "{}",
            doc.text
        );
        assert!(!doc.text.contains("All rights reserved"), "{}", doc.text);
        assert!(
            doc.title
                .as_deref()
                .is_some_and(|t| t.contains("Storm shuts ferry")),
            "{:?}",
            doc.title
        );
    }

    #[test]
    fn declared_charset_is_decoded() {
        let page = PAGE
            .replace("utf-8", "windows-1252")
            .replace("second day on Monday", "second d\u{e9}j\u{e0} vu");
        let (bytes, _, _) = encoding_for_test(&page);
        let doc = from_html(&bytes).unwrap();
        assert!(doc.text.contains("déjà vu"), "{}", doc.text);
    }

    /// A short Japanese news page, body long enough for the extractor.
    fn japanese_page(charset: &str) -> String {
        let para = "\u{6e2f}\u{753a}\u{306e}\u{30d5}\u{30a7}\u{30ea}\u{30fc}\u{306f}\u{5d50}\u{306e}\u{305f}\u{3081}\u{4e8c}\u{65e5}\u{9023}\u{7d9a}\u{3067}\u{904b}\u{822a}\u{3092}\u{53d6}\u{308a}\u{3084}\u{3081}\u{305f}\u{3002}";
        let body: String = (0..6).map(|i| format!("<p>{para}{i}</p>\n")).collect();
        format!(
            "<html><head><meta charset=\"{charset}\"><title>\u{5d50}</title></head><body><article>{body}</article></body></html>"
        )
    }

    #[test]
    fn shift_jis_pages_are_decoded() {
        let page = japanese_page("shift_jis");
        let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&page);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
        let doc = from_html(&bytes).unwrap();
        assert!(
            doc.text.contains("\u{30d5}\u{30a7}\u{30ea}\u{30fc}"),
            "{}",
            doc.text
        );
    }

    #[test]
    fn windows_1252_punctuation_is_decoded() {
        // 0x93/0x94 are curly double quotes in windows-1252, C1 controls in
        // ISO-8859-1: browsers (and we) read the label as windows-1252.
        let mut bytes = PAGE.replace("utf-8", "iso-8859-1").into_bytes();
        let at = PAGE.find("the harbour master").unwrap();
        bytes.splice(at..at, *b"\x93Closed\x94 signs went up, and ");
        let doc = from_html(&bytes).unwrap();
        assert!(
            doc.text.contains("\u{201c}Closed\u{201d} signs went up"),
            "{}",
            doc.text
        );
    }

    #[test]
    fn invalid_bytes_in_a_declared_charset_never_panic() {
        for charset in [
            "shift_jis",
            "utf-8",
            "windows-1252",
            "gbk",
            "nonsense-charset",
        ] {
            let mut bytes = japanese_page(charset).into_bytes();
            // Lone lead bytes and bytes no charset maps, inside the body.
            let at = bytes.len() / 2;
            bytes.splice(at..at, [0x81, 0xff, 0xfe, 0x80, 0xa0, 0xc3]);
            if let Ok(doc) = from_html(&bytes) {
                assert!(!doc.text.trim().is_empty());
            }
        }
    }

    /// Encodes `s` as windows-1252 (Latin-1 subset is enough here).
    fn encoding_for_test(s: &str) -> (Vec<u8>, bool, bool) {
        (
            s.chars()
                .map(|c| {
                    if (c as u32) < 256 {
                        c as u32 as u8
                    } else {
                        b'?'
                    }
                })
                .collect(),
            true,
            true,
        )
    }

    #[test]
    fn flattening_caps_the_depth_and_keeps_the_text() {
        let page = format!(
            "<html><body>{}<p>Deep text stays.</p>{}<p>Shallow text too.</p></body></html>",
            "<div class=\"x\">".repeat(1000),
            "</div>".repeat(1000)
        );
        let flat = flatten(page.as_bytes(), 50);
        assert_eq!(max_depth(page.as_bytes()), 1003);
        // A paragraph kept at the bottom is one level more.
        assert_eq!(max_depth(&flat), 51);
        let text = String::from_utf8(flat).unwrap();
        assert!(text.contains("Deep text stays.") && text.contains("Shallow text too."));
        // Shallow pages come back byte for byte.
        assert_eq!(flatten(PAGE.as_bytes(), MAX_DEPTH), PAGE.as_bytes());
        // A broken deep tag is dropped to the next `<`, not to a later `>`
        // that would take the next tag with it (a fuzzer find).
        let flat = flatten(b"<b><b><b>a</ </b></b>after", 2);
        assert_eq!(String::from_utf8(flat).unwrap(), "<b><b> a </b></b>after");
        // A page of `<` with no `>` is scanned once, not once per `<`.
        let stray = "<a".repeat(200_000);
        assert_eq!(max_depth(stray.as_bytes()), 200_000);
        assert_eq!(max_depth(&flatten(stray.as_bytes(), 10)), 10);
    }

    #[test]
    fn pages_over_the_extractor_limit_are_stripped_linearly() {
        let para = "<div><p>Riders waited on the pier for an hour, the operator said.</p></div>\n";
        let page = format!(
            "<html><body>{}</body></html>",
            para.repeat(MAX_EXTRACT_BYTES / para.len() + 10)
        );
        assert!(page.len() > MAX_EXTRACT_BYTES);
        let doc = from_html(page.as_bytes()).unwrap();
        assert!(
            doc.text.starts_with("Riders waited on the pier"),
            "{:.80}",
            doc.text
        );
        assert!(!doc.text.contains("<p>"));
    }

    #[test]
    fn deep_stacks_are_extracted_after_flattening() {
        let stack = |k: usize| {
            format!(
                "{}<p>Stack number {k} holds one sentence of real text for the reader.</p>{}",
                "<div>".repeat(4000),
                "</div>".repeat(4000)
            )
        };
        let page = format!(
            "<html><body>{}</body></html>",
            (0..5).map(stack).collect::<String>()
        );
        let doc = from_html(page.as_bytes()).unwrap();
        for k in 0..5 {
            assert!(
                doc.text.contains(&format!("Stack number {k} holds")),
                "{}",
                doc.text
            );
        }
    }

    #[test]
    fn deep_nesting_falls_back_without_hanging() {
        let mut page = String::from("<html><body>");
        page.push_str(&"<div>".repeat(100_000));
        page.push_str("<p>The deepest paragraph still holds the only sentence of text here.</p>");
        page.push_str(&"</div>".repeat(100_000));
        page.push_str("</body></html>");
        assert!(max_depth(page.as_bytes()) > MAX_DEPTH);
        let doc = from_html(page.as_bytes()).unwrap();
        assert_eq!(
            doc.text,
            "The deepest paragraph still holds the only sentence of text here."
        );
    }

    #[test]
    fn pages_without_text_are_empty_documents() {
        let page = "<html><head><title>x</title><style>p{}</style></head><body><img src=a.png></body></html>";
        assert_eq!(
            from_html(page.as_bytes()).unwrap_err(),
            Error::EmptyDocument
        );
    }

    #[test]
    fn depth_scan_ignores_void_and_self_closing() {
        assert_eq!(max_depth(b"<div><br><img src=x><p>a</p><span/></div>"), 2);
        assert_eq!(
            max_depth(b"<!-- c --><!doctype html><a><b><c></c></b></a>"),
            3
        );
        assert_eq!(max_depth(b"no tags at all"), 0);
    }

    #[test]
    fn strip_tags_keeps_text_and_drops_scripts() {
        let t = strip_tags("<p>One &amp; two</p><script>var x = '<p>no</p>';</script><p>Three</p>");
        assert_eq!(t, "One & two\n\nThree");
    }
}
