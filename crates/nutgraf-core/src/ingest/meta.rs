//! Byline, site name and publication time of an HTML page, chosen as
//! Mozilla's Readability does (its test pages' `expected-metadata.json` are
//! our reference; `scripts/score_metadata.py` measures the match):
//!
//! 1. the page's schema.org article in JSON-LD: `author` name(s),
//!    `publisher` name, `datePublished`;
//! 2. meta tags: `dc:creator`, `dcterm:creator`, `author`, `parsely-author`
//!    or a non-URL `article:author` for the byline; `og:site_name`;
//!    `article:published_time` or `parsely-pub-date`;
//! 3. for the byline only, the first short element marked as one in the
//!    markup: `rel="author"`, an `itemprop` with `author`, or a class or id
//!    with `byline`, `author`, `dateline` or `writtenby`.
//!
//! Publication times are normalized to ISO 8601: RFC 3339 with the page's
//! own offset when it gives one, else the local date and time, else the
//! date.

use dom_query::Document;
use rustc_hash::FxHashMap;

/// What the page's markup says about its article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageFacts {
    /// The byline: author names, as the page writes them.
    pub author: Option<String>,
    /// The publication's name.
    pub site_name: Option<String>,
    /// When the article was published, ISO 8601.
    pub published: Option<String>,
}

/// Reads the byline, site name and publication time of `doc`.
pub fn page_facts(doc: &Document) -> PageFacts {
    let ld = super::title::json_ld_article(doc);
    let meta = meta_values(doc);
    let ld_str = |key: &str| {
        ld.as_ref()
            .and_then(|v| v.get(key))
            .and_then(|x| x.as_str())
            .map(str::to_string)
    };
    let ld_author = ld.as_ref().and_then(|v| json_ld_author(v.get("author")?));
    let ld_site = ld.as_ref().and_then(|v| {
        v.get("publisher")?
            .get("name")?
            .as_str()
            .map(str::to_string)
    });
    let meta_author = ["dc:creator", "dcterm:creator", "author", "parsely-author"]
        .iter()
        .find_map(|k| meta.get(*k).cloned())
        .or_else(|| {
            meta.get("article:author")
                .filter(|a| !a.starts_with("http://") && !a.starts_with("https://"))
                .cloned()
        });
    let published = ld_str("datePublished")
        .or_else(|| meta.get("article:published_time").cloned())
        .or_else(|| meta.get("parsely-pub-date").cloned());
    let clean = |s: Option<String>| s.map(|s| fold_space(&s)).filter(|s| !s.is_empty());
    PageFacts {
        author: clean(ld_author.or(meta_author).or_else(|| markup_byline(doc))),
        site_name: clean(ld_site.or_else(|| meta.get("og:site_name").cloned())),
        published: published.as_deref().and_then(iso_8601),
    }
}

fn fold_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `"author": {"name": ...}` or a list of such, names joined by ", ".
fn json_ld_author(author: &serde_json::Value) -> Option<String> {
    match author {
        serde_json::Value::Object(o) => o.get("name")?.as_str().map(|n| n.trim().to_string()),
        serde_json::Value::Array(list) => {
            let names: Vec<&str> = list
                .iter()
                .filter_map(|a| a.get("name")?.as_str())
                .map(str::trim)
                .collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// Meta tag values by normalized key, as Readability collects them: the
/// `property` attribute may list several keys; `name` is lowercased with
/// white space removed and dots turned to colons. The last value wins.
fn meta_values(doc: &Document) -> FxHashMap<String, String> {
    let mut values = FxHashMap::default();
    for node in doc.select("meta").nodes() {
        let Some(content) = node.attr("content") else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        if let Some(p) = node.attr("property") {
            for key in p.split_whitespace() {
                values.insert(key.to_ascii_lowercase(), content.to_string());
            }
        }
        if let Some(n) = node.attr("name") {
            let key: String = n.to_ascii_lowercase().split_whitespace().collect();
            values.insert(key.replace('.', ":"), content.to_string());
        }
    }
    values
}

/// The first element the markup marks as a byline, when its text is short
/// enough to be one.
fn markup_byline(doc: &Document) -> Option<String> {
    for node in doc.select("body *").nodes() {
        let rel = node.attr("rel").unwrap_or_default();
        let itemprop = node.attr("itemprop").unwrap_or_default();
        let mut hint = node.attr("class").unwrap_or_default().to_string();
        hint.push(' ');
        hint.push_str(&node.attr("id").unwrap_or_default());
        let hint = hint.to_ascii_lowercase();
        let marked = rel.as_ref() == "author"
            || itemprop.contains("author")
            || ["byline", "author", "dateline", "writtenby", "p-author"]
                .iter()
                .any(|k| hint.contains(k));
        if !marked {
            continue;
        }
        // Readability prefers the name inside a marked element.
        let sel = dom_query::Selection::from(*node);
        let name = sel.select(r#"[itemprop*="name"]"#);
        let text = fold_space(&if name.exists() {
            name.first().text()
        } else {
            node.text()
        });
        let chars = text.chars().count();
        if chars > 0 && chars < 100 {
            return Some(text);
        }
    }
    None
}

/// A publication time as ISO 8601, or `None` when it does not parse.
fn iso_8601(raw: &str) -> Option<String> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    let s = raw.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.to_rfc3339());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(t.to_rfc3339());
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Some(t.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    let day = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(html: &str) -> PageFacts {
        page_facts(&Document::from(html))
    }

    #[test]
    fn json_ld_comes_first() {
        let page = r#"<html><head>
            <meta name="author" content="Meta Author"><meta property="og:site_name" content="OG Site">
            <script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"Ana Reyes"},{"name":"Tom Hale"}],
              "publisher":{"name":"The Coastal Ledger"},"datePublished":"2026-03-02T07:15:00-05:00"}</script>
            </head><body><p class="byline">By Somebody Else</p></body></html>"#;
        assert_eq!(
            facts(page),
            PageFacts {
                author: Some("Ana Reyes, Tom Hale".into()),
                site_name: Some("The Coastal Ledger".into()),
                published: Some("2026-03-02T07:15:00-05:00".into()),
            }
        );
    }

    #[test]
    fn meta_tags_then_markup() {
        let page = r#"<html><head><meta name="DC.creator" content="Dana  Cole">
            <meta property="article:published_time" content="2026-03-02 07:15:00.000000">
            <meta property="og:site_name" content="Ledger"></head><body></body></html>"#;
        let f = facts(page);
        assert_eq!(f.author.as_deref(), Some("Dana Cole"));
        assert_eq!(f.site_name.as_deref(), Some("Ledger"));
        assert_eq!(f.published.as_deref(), Some("2026-03-02T07:15:00"));

        let page = r#"<html><head><meta property="article:author" content="https://example.org/dana">
            </head><body><div class="story"><span class="byline-name">By Dana Cole</span><p>Text.</p></div></body></html>"#;
        assert_eq!(facts(page).author.as_deref(), Some("By Dana Cole"));
    }

    #[test]
    fn long_or_empty_marked_elements_are_not_bylines() {
        let long = "word ".repeat(30);
        let page = format!(
            r#"<html><body><div class="author-box">{long}</div><a rel="author"> </a></body></html>"#
        );
        assert_eq!(facts(&page).author, None);
    }

    #[test]
    fn times_normalize_to_iso_8601() {
        assert_eq!(
            iso_8601("2015-07-24T05:36:09+01:00").as_deref(),
            Some("2015-07-24T05:36:09+01:00")
        );
        assert_eq!(
            iso_8601("2021-11-01T10:52:50+0100").as_deref(),
            Some("2021-11-01T10:52:50+01:00")
        );
        assert_eq!(
            iso_8601("2018-04-05T06:00").as_deref(),
            Some("2018-04-05T06:00:00")
        );
        assert_eq!(iso_8601("2024-06-25").as_deref(), Some("2024-06-25"));
        assert_eq!(iso_8601("last Tuesday"), None);
    }
}
