//! The article bodies of a folder of pages (`html/*.html.gz`: the
//! Scrapinghub and WCXB benchmark layout) under several sets of our
//! boilerplate rules: the extractor alone, every rule, the default ones,
//! and every rule but one and each rule alone. Writes one JSON Lines file per set (`id`, `text`,
//! `articleBody`) to OUT_DIR, for `../shared/tools/score_extraction.py` and
//! `score_wcxb.py`; `scripts/html_rules.sh` runs and scores them.
//!
//! ```text
//! cargo run --release -p nutgraf-core --example html_rules -- ../shared/data/html/wcxb-dev target/html-rules/wcxb
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{Read, Write};

use nutgraf_core::ingest::{from_html_with, HtmlRules};
use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, out, custom @ ..] = args.as_slice() else {
        eprintln!("usage: html_rules PAGES_DIR OUT_DIR [RULE+RULE+...]...");
        std::process::exit(2);
    };
    let html_dir = std::path::Path::new(dir).join("html");
    let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir(&html_dir)
        .unwrap_or_else(|e| panic!("{}: {e}", html_dir.display()))
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let id = name.strip_suffix(".html.gz")?.to_string();
            let mut bytes = Vec::new();
            flate2::read::MultiGzDecoder::new(std::fs::File::open(e.path()).ok()?)
                .read_to_end(&mut bytes)
                .ok()?;
            Some((id, bytes))
        })
        .collect();
    pages.sort();
    std::fs::create_dir_all(out).expect("create OUT_DIR");
    let mut sets = vec![
        ("none".to_string(), HtmlRules::NONE),
        ("all".to_string(), HtmlRules::ALL),
        ("default".to_string(), HtmlRules::default()),
    ];
    if custom.is_empty() {
        for (name, bit) in HtmlRules::NAMES {
            sets.push((
                format!("all-but-{name}"),
                HtmlRules(HtmlRules::ALL.0 & !bit),
            ));
            sets.push((format!("only-{name}"), HtmlRules(bit)));
        }
    }
    // Named sets: `link-runs+teaser-labels`.
    for set in custom
        .iter()
        .filter(|s| !matches!(s.as_str(), "none" | "all" | "default"))
    {
        let mut bits = 0;
        for rule in set.split('+') {
            match HtmlRules::NAMES.iter().find(|(n, _)| *n == rule) {
                Some((_, b)) => bits |= b,
                None => {
                    eprintln!("unknown rule {rule}");
                    std::process::exit(2);
                }
            }
        }
        sets.push((set.clone(), HtmlRules(bits)));
    }
    for (name, rules) in sets {
        let lines: Vec<String> = pages
            .par_iter()
            .map(|(id, bytes)| {
                let text = from_html_with(bytes, rules)
                    .map(|d| d.text)
                    .unwrap_or_default();
                serde_json::json!({"id": id, "text": text, "articleBody": text}).to_string()
            })
            .collect();
        let path = std::path::Path::new(out).join(format!("{name}.jsonl"));
        let mut f = std::fs::File::create(&path).expect("create output");
        for l in lines {
            writeln!(f, "{l}").expect("write");
        }
        eprintln!("{}: {} pages", path.display(), pages.len());
    }
}
