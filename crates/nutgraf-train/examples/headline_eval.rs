//! Measures the headline module on the shared evaluation data.
//!
//! ```text
//! cargo run --release -p nutgraf-train --example headline_eval -- ../shared/data [OPTIONS]
//! ```
//!
//! Prints (a) how often `read_layout` takes the first line of a PolNeAR
//! text (train and dev) as its headline, and how often it takes one where
//! there is none (BBC and CNN/DailyMail articles, as given and with a lead
//! or short sentence set on a line of its own); (b) ROUGE of `generate`
//! against the real titles of BBC articles (built-in model, rules alone,
//! and 5-fold cross-validation by article) and against the headline lines
//! of PolNeAR articles (generated from the body without them), beside the
//! first ten words of the lead sentence; (c) every 50th BBC article's
//! generated headline beside its title.
//!
//! Both built-in models are retrained from the same data the way they were
//! made (`models::line_model`: PolNeAR train, BBC's even half, CNN/DM's first
//! 3,000; `models::keep_model`: all BBC dev) and compared with the built-in
//! ones. Options:
//!
//! - `--write-line-model PATH`, `--write-keep-model PATH`: write the
//!   retrained models' JSON (to `models/headline-line.json` and
//!   `models/headline-keep.json` to update the built-in ones);
//! - `--cv-polnear`: add PolNeAR to the training folds of the
//!   cross-validation;
//! - `--show N`, `--show-polnear N`: every Nth generated headline with its
//!   reference (and, for BBC, the lead);
//! - `--dump PATH`: title, generated headline and lead of every BBC article,
//!   tab-separated;
//! - `--layout-errors`: the PolNeAR first lines missed and the BBC lines
//!   taken for headlines;
//! - `--bench-generate`, `--bench-layout`: time only `generate` or
//!   `read_layout` on the BBC articles, then stop.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::Instant;

use nutgraf_core::analyze::{Analyzer, WordAnalyzer};
use nutgraf_core::headline::{self, read_layout_with};
use nutgraf_core::score::gbdt::{CompiledGbdt, Gbdt};
use nutgraf_core::segment::{NewsSegmenter, Segmenter, SentenceKind};
use nutgraf_core::span::{join_spans, same_words};
use nutgraf_core::{Document, Span};
use nutgraf_train::models::{keep_model as train_keep_model, line_model as train_line_model};
use nutgraf_train::rouge::{score, RougeMeans};
use rayon::prelude::*;
use serde_json::Value;

fn jsonl(path: &Path) -> Vec<Value> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    BufReader::new(flate2::read::MultiGzDecoder::new(f))
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(&l).expect("json line"))
        .collect()
}

fn texts(dir: &Path) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("read text"))
        .collect()
}

/// The trimmed first non-blank line of `text`.
fn first_line(text: &str) -> Span {
    let t = text.trim_start_matches('\u{feff}');
    let off = text.len() - t.len();
    let mut pos = off;
    for line in t.split_inclusive('\n') {
        let s = line.trim();
        if !s.is_empty() {
            let lead = line.len() - line.trim_start().len();
            return Span::new(pos + lead, pos + lead + s.len());
        }
        pos += line.len();
    }
    Span::new(0, 0)
}

/// `text` without its first paragraph (through the first blank line).
fn body_of(text: &str) -> &str {
    match text.find("\n\n") {
        Some(k) => text[k..].trim_start(),
        None => text.split_once('\n').map_or("", |(_, r)| r),
    }
}

/// A one-line text with its lead sentence set on a line of its own.
fn split_lead(text: &str) -> String {
    let doc = Document::new(text);
    let seg = NewsSegmenter::default().segment(&doc);
    match seg.sentences.iter().find(|s| s.kind == SentenceKind::Body) {
        Some(s) if s.span.end < text.len() => format!(
            "{}\n\n{}",
            &text[..s.span.end],
            text[s.span.end..].trim_start()
        ),
        _ => text.to_string(),
    }
}

/// `text` opened by its first short (6-16 words) body sentence that opens a
/// paragraph after the first, on a line of its own before the rest.
fn short_lead(text: &str) -> Option<String> {
    let doc = Document::new(text);
    let seg = NewsSegmenter::default().segment(&doc);
    let mut prev = usize::MAX;
    for (k, s) in seg.sentences.iter().enumerate() {
        let opens = s.paragraph != prev;
        prev = s.paragraph;
        let words = s.span.slice(text).split_whitespace().count();
        if k > 0 && opens && s.kind == SentenceKind::Body && (6..=16).contains(&words) {
            let rest = text[s.span.end..].trim_start();
            if rest.split_whitespace().count() >= 8 {
                return Some(format!("{}\n\n{}", s.span.slice(text), rest));
            }
        }
    }
    None
}

fn pct(k: usize, n: usize) -> f64 {
    100.0 * k as f64 / n.max(1) as f64
}

#[derive(Clone)]
struct Gen {
    shown: String,
    lead10: String,
    words: usize,
    grounded: bool,
}

fn generate(text: &str, model: Option<&CompiledGbdt>) -> Gen {
    let doc = Document::new(text);
    let a = WordAnalyzer.analyze(NewsSegmenter::default().segment(&doc));
    let spans = headline::generate_with(&a, model);
    let shown = join_spans(&doc.text, &spans, false);
    let lead10 = (0..a.len())
        .find(|&i| a.is_body(i))
        .map(|i| {
            let s = a.segmented.sentence_text(i);
            s.split_whitespace().take(10).collect::<Vec<_>>().join(" ")
        })
        .unwrap_or_default();
    Gen {
        grounded: same_words(&doc.text, &spans, &shown),
        words: shown.split_whitespace().count(),
        shown,
        lead10,
    }
}

fn rouge_table(name: &str, pairs: &[(String, Gen)]) {
    let mut ours = RougeMeans::default();
    let mut base = RougeMeans::default();
    for (reference, g) in pairs {
        ours.add(&score(reference, &g.shown));
        base.add(&score(reference, &g.lead10));
    }
    let (o, b) = (ours.means(), base.means());
    let words: usize = pairs.iter().map(|(_, g)| g.words).sum();
    let in_range = pairs
        .iter()
        .filter(|(_, g)| (headline::MIN_WORDS..=headline::MAX_WORDS).contains(&g.words))
        .count();
    let grounded = pairs.iter().filter(|(_, g)| g.grounded).count();
    let empty = pairs.iter().filter(|(_, g)| g.shown.is_empty()).count();
    println!(
        "{name}: {} articles; generated R1/R2/RL {:.2}/{:.2}/{:.2}; lead-10 {:.2}/{:.2}/{:.2}; \
         R1 gain {:+.2}",
        pairs.len(),
        o.rouge1,
        o.rouge2,
        o.rouge_l,
        b.rouge1,
        b.rouge2,
        b.rouge_l,
        o.rouge1 - b.rouge1,
    );
    println!(
        "  mean {:.1} words; {:.1}% with {}-{} words; {} grounded; {} empty",
        words as f64 / pairs.len().max(1) as f64,
        pct(in_range, pairs.len()),
        headline::MIN_WORDS,
        headline::MAX_WORDS,
        grounded,
        empty,
    );
}

struct LayoutData {
    pn_train: Vec<String>,
    pn_dev: Vec<String>,
    bbc: Vec<(String, String)>,
    cnndm: Vec<String>,
}

fn layout_report(model: &Gbdt, d: &LayoutData, label: &str) {
    let hits = |set: &[String]| {
        set.par_iter()
            .filter(|t| read_layout_with(t, model).headline == Some(first_line(t)))
            .count()
    };
    let fp = |set: &[&str]| {
        set.par_iter()
            .filter(|t| read_layout_with(t, model).headline.is_some())
            .count()
    };
    let bbc: Vec<&str> = d.bbc.iter().map(|(a, _)| a.as_str()).collect();
    let held: Vec<&str> = bbc.iter().skip(1).step_by(2).copied().collect();
    let cnn: Vec<&str> = d.cnndm.iter().map(String::as_str).collect();
    let cnn_split: Vec<String> = d.cnndm.par_iter().map(|t| split_lead(t)).collect();
    let cnn_split: Vec<&str> = cnn_split.iter().map(String::as_str).collect();
    let cnn_held: Vec<&str> = cnn_split.iter().skip(3000).copied().collect();
    // BBC's held-out half again, each article opened by its first short
    // (6-16 words) paragraph-initial body sentence after the lead, set on a
    // line of its own: a short lead sentence alone in its paragraph.
    let short: Vec<String> = held.par_iter().filter_map(|t| short_lead(t)).collect();
    let short: Vec<&str> = short.iter().map(String::as_str).collect();
    let sf = fp(&short);
    let (tr, dv) = (hits(&d.pn_train), hits(&d.pn_dev));
    println!("[{label}]");
    println!(
        "  PolNeAR first line read as headline: train {tr}/{} = {:.1}%, dev {dv}/{} = {:.1}%",
        d.pn_train.len(),
        pct(tr, d.pn_train.len()),
        d.pn_dev.len(),
        pct(dv, d.pn_dev.len()),
    );
    let (b, bh) = (fp(&bbc), fp(&held));
    println!(
        "  false headlines: BBC {b}/{} = {:.2}% (held-out odd half {bh}/{} = {:.2}%)",
        bbc.len(),
        pct(b, bbc.len()),
        held.len(),
        pct(bh, held.len()),
    );
    println!(
        "  false headlines: BBC held-out half opened by a short body sentence {sf}/{} = {:.2}%",
        short.len(),
        pct(sf, short.len()),
    );
    let (c, cs, ch) = (fp(&cnn), fp(&cnn_split), fp(&cnn_held));
    println!(
        "  false headlines: CNN/DM as given {c}/{} = {:.2}%; lead sentence on its own line {cs}/{} = {:.2}% (held-out {ch}/{} = {:.2}%)",
        cnn.len(),
        pct(c, cnn.len()),
        cnn_split.len(),
        pct(cs, cnn_split.len()),
        cnn_held.len(),
        pct(ch, cnn_held.len()),
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = Path::new(args.first().map_or("../shared/data", String::as_str)).to_path_buf();
    let write_model = args
        .iter()
        .position(|a| a == "--write-line-model")
        .and_then(|k| args.get(k + 1).cloned());

    if args.iter().any(|a| a == "--bench-layout") {
        let bbc = jsonl(&root.join("bbc/dev.jsonl.gz"));
        let texts: Vec<String> = bbc
            .iter()
            .map(|v| v["article"].as_str().unwrap_or("").to_string())
            .collect();
        let _ = headline::read_layout("warm up\n\nthe model");
        let t0 = Instant::now();
        let mut n = 0usize;
        for _ in 0..20 {
            for t in &texts {
                n += usize::from(headline::read_layout(t).headline.is_some());
            }
        }
        let per = t0.elapsed().as_secs_f64() * 1e6 / (20 * texts.len()) as f64;
        println!("read_layout: {per:.2} µs per text ({n})");
        return;
    }
    if args.iter().any(|a| a == "--bench-generate") {
        let bbc = jsonl(&root.join("bbc/dev.jsonl.gz"));
        let docs: Vec<Document> = bbc
            .iter()
            .map(|v| Document::new(v["article"].as_str().unwrap_or("")))
            .collect();
        let analyzed: Vec<_> = docs
            .iter()
            .map(|doc| WordAnalyzer.analyze(NewsSegmenter::default().segment(doc)))
            .collect();
        let reps: usize = std::env::var("REPS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(200);
        let t0 = Instant::now();
        let mut total = 0usize;
        for _ in 0..reps {
            for a in &analyzed {
                total += headline::generate(a).len();
            }
        }
        let per = t0.elapsed().as_secs_f64() * 1e6 / (reps * analyzed.len()).max(1) as f64;
        let t0 = Instant::now();
        for a in &analyzed {
            for _ in 0..reps {
                total += headline::generate(a).len();
            }
        }
        let warm = t0.elapsed().as_secs_f64() * 1e6 / (reps * analyzed.len()).max(1) as f64;
        println!("generate: {per:.2} µs per article cold, {warm:.2} µs warm ({total} spans)");
        return;
    }
    let d = LayoutData {
        pn_train: texts(&root.join("polnear/train/text")),
        pn_dev: texts(&root.join("polnear/dev/text")),
        bbc: jsonl(&root.join("bbc/dev.jsonl.gz"))
            .iter()
            .map(|v| {
                (
                    v["article"].as_str().unwrap_or("").to_string(),
                    v["title"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect(),
        cnndm: jsonl(&root.join("cnndm/dev.jsonl.gz"))
            .iter()
            .map(|v| v["article"].as_str().unwrap_or("").to_string())
            .collect(),
    };

    // (a) Layout.
    println!("== (a) read_layout: is the first line a headline?");
    let builtin = headline::line_model().cloned();
    match &builtin {
        Some(m) => layout_report(m, &d, "built-in model"),
        None => println!("  no valid built-in model"),
    }
    let t0 = Instant::now();
    let headlined: Vec<&str> = d.pn_train.iter().map(String::as_str).collect();
    // Training negatives: BBC's even half and CNN/DM's first 3,000.
    let plain: Vec<&str> = d
        .bbc
        .iter()
        .step_by(2)
        .map(|(a, _)| a.as_str())
        .chain(d.cnndm.iter().take(3000).map(String::as_str))
        .collect();
    let fresh = train_line_model(&headlined, &plain);
    println!(
        "  retrained from PolNeAR train + BBC even half + CNN/DM first 3,000 in {:.1}s: {}",
        t0.elapsed().as_secs_f64(),
        if builtin.as_ref() == Some(&fresh) {
            "equals the built-in model"
        } else {
            "DIFFERS from the built-in model"
        }
    );
    if builtin.as_ref() != Some(&fresh) {
        layout_report(&fresh, &d, "retrained model");
    }
    if let Some(p) = write_model {
        let json = serde_json::to_string(&fresh).expect("model serializes");
        std::fs::write(&p, json + "\n").expect("write model");
        println!("  wrote {p}");
    }
    let seed_path = root.join("../examples/seed-article.txt");
    if let Ok(seed) = std::fs::read_to_string(&seed_path) {
        let l = headline::read_layout(&seed);
        println!(
            "  seed article: headline {}, {} given points",
            if l.headline == Some(first_line(&seed)) {
                "= its first line"
            } else {
                "MISSED"
            },
            l.given_points.len()
        );
    }
    if args.iter().any(|a| a == "--layout-errors") {
        for t in d.pn_train.iter().chain(d.pn_dev.iter()) {
            if headline::read_layout(t).headline != Some(first_line(t)) {
                println!("  MISSED: {:?}", &t[..t.len().min(160)]);
            }
        }
        for (t, _) in &d.bbc {
            if let Some(h) = headline::read_layout(t).headline {
                println!("  FALSE: {:?}", h.slice(t));
            }
        }
    }
    let t0 = Instant::now();
    let mut n = 0usize;
    for t in d.bbc.iter().map(|(a, _)| a).chain(d.pn_dev.iter()) {
        n += usize::from(headline::read_layout(t).headline.is_some());
    }
    let per = t0.elapsed().as_secs_f64() * 1e6 / (d.bbc.len() + d.pn_dev.len()) as f64;
    println!("  read_layout: {per:.2} µs per text ({n} headlines)");

    // (b) Generated headlines.
    println!("\n== (b) generate vs the first 10 words of the lead sentence");
    let pn_pairs: Vec<(String, String)> = d
        .pn_train
        .iter()
        .chain(d.pn_dev.iter())
        .map(|t| (body_of(t).to_string(), first_line(t).slice(t).to_string()))
        .collect();
    let run = |set: &[(String, String)], model: Option<&Gbdt>| -> Vec<(String, Gen)> {
        let c = model.map(|m| CompiledGbdt::new(m).expect("valid model"));
        set.par_iter()
            .map(|(a, t)| (t.clone(), generate(a, c.as_ref())))
            .collect()
    };
    let keep_builtin = headline::keep_model();
    println!(
        "  built-in keep model: {}",
        if keep_builtin.is_some() {
            "loaded"
        } else {
            "none"
        }
    );
    let bbc = run(&d.bbc, keep_builtin);
    rouge_table("BBC dev, built-in model (in-sample)", &bbc);
    rouge_table("BBC dev, rules only (no model)", &run(&d.bbc, None));
    // 5-fold cross-validation by article: fold k is headlined by a model
    // trained on the other four (plus, with --cv-polnear, all of PolNeAR).
    let with_pn = args.iter().any(|a| a == "--cv-polnear");
    let mut cv: Vec<Option<(String, Gen)>> = (0..d.bbc.len()).map(|_| None).collect();
    for k in 0..5 {
        let mut pairs: Vec<(&str, &str)> = d
            .bbc
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 != k)
            .map(|(_, (a, t))| (a.as_str(), t.as_str()))
            .collect();
        if with_pn {
            pairs.extend(pn_pairs.iter().map(|(a, t)| (a.as_str(), t.as_str())));
        }
        let m = CompiledGbdt::new(&train_keep_model(&pairs)).expect("valid model");
        let fold: Vec<(usize, (String, String))> = d
            .bbc
            .iter()
            .cloned()
            .enumerate()
            .filter(|(i, _)| i % 5 == k)
            .collect();
        let out: Vec<(usize, (String, Gen))> = fold
            .par_iter()
            .map(|(i, (a, t))| (*i, (t.clone(), generate(a, Some(&m)))))
            .collect();
        let part: Vec<(String, Gen)> = out.iter().map(|(_, x)| x.clone()).collect();
        rouge_table(&format!("  BBC CV fold {k}"), &part);
        for (i, x) in out {
            cv[i] = Some(x);
        }
    }
    let cv: Vec<(String, Gen)> = cv.into_iter().flatten().collect();
    rouge_table(
        &format!(
            "BBC dev, 5-fold CV (train: other folds{})",
            if with_pn { " + PolNeAR" } else { "" }
        ),
        &cv,
    );
    let all_bbc: Vec<(&str, &str)> = d
        .bbc
        .iter()
        .map(|(a, t)| (a.as_str(), t.as_str()))
        .collect();
    let bbc_only = train_keep_model(&all_bbc);
    println!(
        "  keep model retrained on all BBC dev: {}",
        if keep_builtin == Some(&bbc_only) {
            "equals the built-in model"
        } else {
            "DIFFERS from the built-in model"
        }
    );
    if let Some(k) = args.iter().position(|a| a == "--write-keep-model") {
        let path = args.get(k + 1).expect("--write-keep-model PATH");
        let json = serde_json::to_string(&bbc_only).expect("model serializes");
        std::fs::write(path, json + "\n").expect("write model");
        println!("  wrote {path}");
    }
    rouge_table(
        "PolNeAR train+dev, built-in model (reference: headline line; input: body without it)",
        &run(&pn_pairs, keep_builtin),
    );
    let pn_bbc = run(&pn_pairs, Some(&bbc_only));
    rouge_table(
        "PolNeAR train+dev, model trained on BBC only (out of domain)",
        &pn_bbc,
    );
    if let Some(k) = args.iter().position(|a| a == "--show-polnear") {
        let every: usize = args.get(k + 1).and_then(|x| x.parse().ok()).unwrap_or(10);
        for (t, g) in pn_bbc.iter().step_by(every) {
            println!("T {t}\nG {}\n", g.shown);
        }
    }
    rouge_table("PolNeAR train+dev, rules only", &run(&pn_pairs, None));
    let t0 = Instant::now();
    let docs: Vec<Document> = d
        .bbc
        .iter()
        .map(|(a, _)| Document::new(a.as_str()))
        .collect();
    let analyzed: Vec<_> = docs
        .iter()
        .map(|doc| WordAnalyzer.analyze(NewsSegmenter::default().segment(doc)))
        .collect();
    let prep = t0.elapsed();
    let t0 = Instant::now();
    let mut total = 0usize;
    for _ in 0..20 {
        for a in &analyzed {
            total += headline::generate(a).len();
        }
    }
    let per = t0.elapsed().as_secs_f64() * 1e6 / (20 * analyzed.len()) as f64;
    let t1 = Instant::now();
    for _ in 0..20 {
        for a in &analyzed {
            total += headline::generate_with(a, None).len();
        }
    }
    let rules = t1.elapsed().as_secs_f64() * 1e6 / (20 * analyzed.len()) as f64;
    println!("  generate with rules only: {rules:.2} µs per article");
    println!(
        "  generate: {per:.2} µs per article (segment+analyze {:.1} µs; {total} spans)",
        prep.as_secs_f64() * 1e6 / analyzed.len() as f64
    );

    if let Some(k) = args.iter().position(|a| a == "--show") {
        let every: usize = args.get(k + 1).and_then(|x| x.parse().ok()).unwrap_or(10);
        for ((a, t), (_, g)) in d.bbc.iter().zip(&bbc).step_by(every) {
            let s = score(t, &g.shown).rouge1.fmeasure;
            println!(
                "T {t}\nG {} [{:.0}]\nL {}\n",
                g.shown,
                100.0 * s,
                a.lines().next().unwrap_or("")
            );
        }
    }

    if let Some(k) = args.iter().position(|a| a == "--dump") {
        let path = args.get(k + 1).expect("--dump PATH");
        let mut out = String::new();
        for ((a, t), (_, g)) in d.bbc.iter().zip(&bbc) {
            let lead = a.lines().next().unwrap_or("");
            out.push_str(&format!("{t}\t{}\t{lead}\n", g.shown));
        }
        std::fs::write(path, out).expect("write dump");
    }

    // (c) Examples.
    println!("\n== (c) every 50th BBC article: generated | title");
    for (reference, g) in bbc.iter().step_by(50) {
        println!("  {} | {}", g.shown, reference);
    }
}
