//! Criterion benchmarks: segment, analyze, quotes, and end-to-end summarize
//! with and without quotes.
//!
//! The corpus is the CNN/DailyMail development set when `../shared` is
//! beside the repository (the first 2,000 articles), otherwise our own
//! fixture articles in `tests/fixtures`. Throughput is reported in
//! elements (articles) per second, on one core: criterion runs the routine
//! on the calling thread.
//!
//! ```text
//! cargo bench -p nutgraf-core --bench pipeline
//! NUTGRAF_BENCH_DATA=path/to/data.jsonl.gz cargo bench -p nutgraf-core --bench pipeline
//! ```

#![allow(missing_docs)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use nutgraf_core::analyze::{Analyzer, WordAnalyzer};
use nutgraf_core::segment::{NewsSegmenter, Segmenter};
use nutgraf_core::{Document, Pipeline};

fn corpus() -> (String, Vec<Document>) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let data = std::env::var_os("NUTGRAF_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/data/cnndm/dev.jsonl.gz"));
    if data.exists() {
        let docs = read_jsonl(&data, 2000);
        if !docs.is_empty() {
            return (format!("cnndm-dev[{}]", docs.len()), docs);
        }
    }
    let mut docs = Vec::new();
    let dir = root.join("tests/fixtures");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        if let Ok(text) = std::fs::read_to_string(e.path().join("input.txt")) {
            docs.push(Document::new(text));
        }
    }
    (format!("fixtures[{}]", docs.len()), docs)
}

fn read_jsonl(path: &Path, limit: usize) -> Vec<Document> {
    let Ok(f) = std::fs::File::open(path) else {
        return Vec::new();
    };
    let r: Box<dyn BufRead> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(f)))
    } else {
        Box::new(BufReader::new(f))
    };
    r.lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v["article"].as_str().map(Document::new))
        .take(limit)
        .collect()
}

fn benches(c: &mut Criterion) {
    let (name, docs) = corpus();
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.sample_size(20);
    let seg = NewsSegmenter::default();
    g.bench_function("segment", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(seg.segment(d).sentences.len());
            }
        })
    });
    g.bench_function("segment+analyze", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(WordAnalyzer.analyze(seg.segment(d)).tokens.len());
            }
        })
    });
    g.bench_function("segment+quotes", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(nutgraf_core::quotes::extract(&seg.segment(d)).len());
            }
        })
    });
    let no_quotes = nutgraf_core::PipelineBuilder::from_config(nutgraf_core::PipelineConfig {
        skip_quotes: true,
        ..Default::default()
    })
    .build()
    .expect("pipeline");
    let whole_sentences =
        nutgraf_core::PipelineBuilder::from_config(nutgraf_core::PipelineConfig {
            compress: nutgraf_core::compress::CompressConfig {
                enabled: false,
                ..Default::default()
            },
            ..Default::default()
        })
        .build()
        .expect("pipeline");
    for (name, pipeline) in [
        ("summarize-no-quotes", no_quotes),
        ("summarize-whole-sentences", whole_sentences),
        ("summarize", Pipeline::default()),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(
                        pipeline
                            .summarize(d)
                            .map(|s| s.key_points.len())
                            .unwrap_or(0),
                    );
                }
            })
        });
    }
    // As `nutgraf batch` runs it: `Pipeline::GROUP` articles at a time, key
    // points first and quotes after.
    let pipeline = Pipeline::default();
    g.bench_function("summarize-all-in-16s", |b| {
        b.iter(|| {
            for group in docs.chunks(Pipeline::GROUP) {
                for s in pipeline.summarize_all(group) {
                    black_box(s.map(|s| s.key_points.len()).unwrap_or(0));
                }
            }
        })
    });
    g.finish();
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
