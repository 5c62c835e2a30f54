//! Criterion benchmark: HTML ingest (body, title and metadata of a page) on
//! one core, in pages per second.
//!
//! The pages are the Scrapinghub benchmark's (`../shared/data/html/
//! scrapinghub/html/*.html.gz`) when `../shared` is beside the repository,
//! otherwise our own fixture page. `scripts/trafilatura_speed.py` times
//! Python trafilatura over the same pages for comparison.
//!
//! ```text
//! cargo bench -p nutgraf-core --bench html
//! ```

#![allow(missing_docs)]

use std::io::Read;
use std::path::PathBuf;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use nutgraf_core::ingest::from_html;

fn pages() -> (String, Vec<Vec<u8>>) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = root.join("../shared/data/html/scrapinghub/html");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.to_string_lossy().ends_with(".html.gz"));
    paths.sort();
    let mut pages = Vec::new();
    for p in &paths {
        let mut bytes = Vec::new();
        let ok = std::fs::File::open(p)
            .map(flate2::read::GzDecoder::new)
            .and_then(|mut r| r.read_to_end(&mut bytes));
        if ok.is_ok() {
            pages.push(bytes);
        }
    }
    if !pages.is_empty() {
        return (format!("scrapinghub[{}]", pages.len()), pages);
    }
    let page = std::fs::read(root.join("tests/fixtures-html/ferry.html")).expect("fixture page");
    ("fixture[1]".to_string(), vec![page])
}

fn benches(c: &mut Criterion) {
    let (name, pages) = pages();
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.sample_size(10);
    g.bench_function("html-ingest", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(from_html(p).map(|d| d.text.len()).unwrap_or(0));
            }
        })
    });
    g.finish();
}

criterion_group!(html, benches);
criterion_main!(html);
