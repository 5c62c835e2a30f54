//! The article title of an HTML page, chosen as Mozilla's Readability does
//! (its test pages' `expected-metadata.json` are our reference):
//!
//! 1. a schema.org article in JSON-LD: its `name`, else its `headline`;
//! 2. meta tags, in order: `dc:title`, `dcterm:title`, `og:title`,
//!    `weibo:article:title`, `weibo:webpage:title`, `title`,
//!    `twitter:title`;
//! 3. the `<title>`, cut at a site separator (`Headline | Site`) unless
//!    that leaves too few words, or replaced by the only `<h1>` when it is
//!    very short or very long.

use dom_query::Document;

/// The page's title, or `None` when it has none.
pub fn page_title(doc: &Document) -> Option<String> {
    json_ld_title(doc)
        .or_else(|| meta_title(doc))
        .or_else(|| heuristic_title(doc))
        .map(|t| fold_space(&t))
        .filter(|t| !t.is_empty())
}

fn fold_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const ARTICLE_TYPES: [&str; 14] = [
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "BlogPosting",
];

fn json_ld_title(doc: &Document) -> Option<String> {
    let v = json_ld_article(doc)?;
    let name = v.get("name").and_then(|x| x.as_str());
    let headline = v.get("headline").and_then(|x| x.as_str());
    name.or(headline).map(|t| t.trim().to_string())
}

/// The first schema.org article object in the page's JSON-LD scripts
/// (top level, in an array, or in an `@graph`), as Readability finds it.
pub(crate) fn json_ld_article(doc: &Document) -> Option<serde_json::Value> {
    for node in doc.select(r#"script[type="application/ld+json"]"#).nodes() {
        let text = node.text();
        // Some pages wrap the JSON in a CDATA section.
        let json = text.trim();
        let json = json.strip_prefix("<![CDATA[").unwrap_or(json);
        let json = json.trim_end().strip_suffix("]]>").unwrap_or(json);
        let Ok(mut v) = serde_json::from_str::<serde_json::Value>(json.trim()) else {
            continue;
        };
        if let Some(arr) = v.as_array() {
            match arr.iter().find(|x| is_article(x)) {
                Some(x) => v = x.clone(),
                None => continue,
            }
        }
        if let Some(graph) = v.get("@graph").and_then(|g| g.as_array()) {
            match graph.iter().find(|x| is_article(x)) {
                Some(x) => v = x.clone(),
                None => continue,
            }
        }
        if is_article(&v) {
            return Some(v);
        }
    }
    None
}

fn is_article(v: &serde_json::Value) -> bool {
    match v.get("@type") {
        Some(serde_json::Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(serde_json::Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    }
}

fn meta_title(doc: &Document) -> Option<String> {
    const ORDER: [&str; 7] = [
        "dc:title",
        "dcterm:title",
        "og:title",
        "weibo:article:title",
        "weibo:webpage:title",
        "title",
        "twitter:title",
    ];
    let mut found: [Option<String>; 7] = Default::default();
    for node in doc.select("meta").nodes() {
        let Some(content) = node.attr("content") else {
            continue;
        };
        let content = content.trim().to_string();
        if content.is_empty() {
            continue;
        }
        let mut keys: Vec<String> = Vec::new();
        if let Some(p) = node.attr("property") {
            // Space-separated list, e.g. property="og:title twitter:title".
            keys.extend(p.split_whitespace().map(|k| k.to_ascii_lowercase()));
        }
        if let Some(n) = node.attr("name") {
            keys.push(
                n.to_ascii_lowercase()
                    .split_whitespace()
                    .collect::<String>()
                    .replace('.', ":"),
            );
        }
        for k in keys {
            if let Some(i) = ORDER.iter().position(|o| *o == k) {
                // Readability keeps the last value seen for a key.
                found[i] = Some(content.clone());
            }
        }
    }
    found.into_iter().flatten().next()
}

const SEPARATORS: [char; 8] = ['|', '-', '–', '—', '\\', '/', '>', '»'];

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .count()
        .max(if s.trim().is_empty() { 1 } else { 0 })
}

/// Readability's `_getArticleTitle`.
fn heuristic_title(doc: &Document) -> Option<String> {
    let orig = fold_space(&doc.select("title").first().text());
    if orig.is_empty() {
        return None;
    }
    let mut cur = orig.clone();
    let mut hierarchical = false;
    // A separator with spaces around it: " | ", " - ", " » "...
    let sep_positions: Vec<usize> = orig
        .char_indices()
        .filter(|&(i, c)| {
            SEPARATORS.contains(&c)
                && orig[..i].ends_with(' ')
                && orig[i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, _)| i)
        .collect();
    if let (Some(&first), Some(&last)) = (sep_positions.first(), sep_positions.last()) {
        hierarchical = sep_positions
            .iter()
            .any(|&i| orig[i..].starts_with(['\\', '/', '>', '»']));
        cur = orig[..last].trim_end().to_string();
        if word_count(&cur) < 3 {
            let c = orig[first..].chars().next().map_or(1, char::len_utf8);
            cur = orig[first + c..].trim_start().to_string();
        }
    } else if orig.contains(": ") {
        let matches_heading = doc
            .select("h1, h2")
            .nodes()
            .iter()
            .any(|h| fold_space(&h.text()) == orig.trim());
        if !matches_heading {
            let last = orig.rfind(':').unwrap_or(0);
            cur = orig[last + 1..].trim().to_string();
            if word_count(&cur) < 3 {
                let first = orig.find(':').unwrap_or(0);
                cur = orig[first + 1..].trim().to_string();
            } else if word_count(&orig[..orig.find(':').unwrap_or(0)]) > 5 {
                cur = orig.clone();
            }
        }
    } else if orig.chars().count() > 150 || orig.chars().count() < 15 {
        let h1 = doc.select("h1");
        if h1.length() == 1 {
            cur = fold_space(&h1.text());
        }
    }
    let cur = fold_space(&cur);
    let n = word_count(&cur);
    let without_seps: String = orig.chars().filter(|c| !SEPARATORS.contains(c)).collect();
    if n <= 4 && (!hierarchical || n != word_count(&without_seps) - 1) {
        return Some(orig);
    }
    Some(cur)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(html: &str) -> Option<String> {
        page_title(&Document::from(html))
    }

    #[test]
    fn json_ld_then_meta_then_title() {
        let ld = r#"<html><head><title>T | Site</title>
            <meta property="og:title" content="From Open Graph">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"From JSON-LD"}</script>
            </head><body></body></html>"#;
        assert_eq!(title(ld).as_deref(), Some("From JSON-LD"));
        let meta = r#"<html><head><title>T | Site</title>
            <meta name="twitter:title" content="From Twitter">
            <meta property="og:title" content="From Open Graph"></head></html>"#;
        assert_eq!(
            title(meta).as_deref(),
            Some("From Open Graph"),
            "og before twitter"
        );
    }

    #[test]
    fn site_suffix_is_cut_when_enough_words_remain() {
        let t = "<html><head><title>Storm shuts the Port Ellery ferry | Coastal Ledger</title></head></html>";
        assert_eq!(
            title(t).as_deref(),
            Some("Storm shuts the Port Ellery ferry")
        );
        // Too short once cut: keep the whole title.
        let t = "<html><head><title>Ferry shut | Coastal Ledger</title></head></html>";
        assert_eq!(title(t).as_deref(), Some("Ferry shut | Coastal Ledger"));
    }

    #[test]
    fn short_title_gives_way_to_the_only_h1() {
        let t = "<html><head><title>Home</title></head><body><h1>Council passes the budget after a long night</h1></body></html>";
        assert_eq!(
            title(t).as_deref(),
            Some("Council passes the budget after a long night")
        );
        let t = "<html><head><title>News</title></head><body><h1>Council passes</h1></body></html>";
        assert_eq!(
            title(t).as_deref(),
            Some("News"),
            "four words or fewer keep the original"
        );
        assert_eq!(title("<html><body><p>x</p></body></html>"), None);
    }
}
