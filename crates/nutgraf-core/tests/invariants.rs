//! Span invariants on generated hostile text: whatever the input, summarizing
//! never panics, and every key point (and every quote span) slices the input
//! to exactly its text,
//! in article order, without overlap. Deterministic (a fixed LCG), so a
//! failure reproduces.

use nutgraf_core::span::same_words;
use nutgraf_core::{
    Document, Error, HeadlineSource, Pipeline, PipelineBuilder, PipelineConfig, Span,
};

/// Pieces that stress the segmenter and analyzer: abbreviations, quotes of
/// every kind, ellipses, datelines, furniture, non-ASCII, control-ish white
/// space, lone punctuation.
const PIECES: &[&str] = &[
    "The",
    "mayor",
    "said",
    "U.S.",
    "Dr.",
    "J.K.",
    "a.m.",
    "$1.13bn",
    "3.5%",
    "No.",
    "Inc.",
    "...",
    "…",
    ".",
    "?",
    "!",
    "\"",
    "“",
    "”",
    "'",
    "‘",
    "’",
    "(CNN)",
    "--",
    "—",
    "By",
    "PUBLISHED:",
    "Scroll down for video",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "  ",
    "Zürich",
    "İstanbul",
    "日本",
    "🙂",
    "e.g.",
    "etc.",
    "(left)",
    "Pictured:",
    "- ",
    "1.",
    "•",
    "\u{a0}",
    "said.The",
    "heard.",
    "Monday",
    "48,",
    "vote",
    "budget",
    "council",
    "ferry",
];

fn generate(seed: u64, len: usize) -> String {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = String::new();
    for _ in 0..len {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let piece = PIECES[(state >> 33) as usize % PIECES.len()];
        out.push_str(piece);
        if !(state >> 20).is_multiple_of(3) {
            out.push(' ');
        }
    }
    out
}

fn check(pipeline: &Pipeline, text: &str) {
    let doc = Document::new(text);
    match pipeline.summarize(&doc) {
        Ok(s) => {
            let mut last = 0;
            for p in &s.key_points {
                assert!(text.get(p.start..p.end).is_some(), "input {text:?}");
                let sentence = Span::new(p.start, p.end);
                assert!(
                    p.spans.iter().all(|s| sentence.contains(*s)),
                    "{p:?} in {text:?}"
                );
                assert!(same_words(text, &p.spans, &p.text), "{p:?} in {text:?}");
                assert!(p.start >= last, "overlap or disorder in {text:?}");
                assert!(!p.text.trim().is_empty());
                last = p.end;
            }
            assert!(!s.headline.trim().is_empty(), "empty headline for {text:?}");
            if s.headline_source != HeadlineSource::Title {
                assert!(
                    same_words(text, &s.headline_spans, &s.headline),
                    "headline {:?} {:?} of {text:?}",
                    s.headline,
                    s.headline_spans
                );
            }
            // Quotes: every span slices the input, and a quote's text is
            // its content spans joined.
            for q in &s.quotes {
                let parts: Vec<&str> = q
                    .content
                    .iter()
                    .map(|c| text.get(c.start..c.end).expect("content span slices"))
                    .collect();
                assert!(!parts.is_empty(), "a quote without content in {text:?}");
                assert_eq!(parts.join(" "), q.text, "input {text:?}");
                for span in q.cue.iter().chain(q.speaker.iter()) {
                    assert!(text.get(span.start..span.end).is_some(), "{text:?}");
                    assert!(span.start < span.end, "{text:?}");
                }
            }
        }
        Err(Error::EmptyDocument) => assert!(text.trim().is_empty(), "{text:?}"),
        Err(Error::NoWords) => assert!(!text.chars().any(char::is_alphanumeric), "{text:?}"),
        Err(e) => panic!("unexpected error {e} for {text:?}"),
    }
}

#[test]
fn generated_text_keeps_every_invariant() {
    let pipelines = [
        Pipeline::default(),
        PipelineBuilder::from_config(PipelineConfig::heuristic())
            .build()
            .unwrap(),
        PipelineBuilder::new().points(1).build().unwrap(),
    ];
    for seed in 0..1500u64 {
        let text = generate(seed, 1 + (seed as usize * 7) % 300);
        for p in &pipelines {
            check(p, &text);
        }
    }
}

/// Articles of one sentence, one word, all capitals, no punctuation at all,
/// and one long line: a point and a headline, never empty, always grounded.
#[test]
fn degenerate_articles_still_get_grounded_points_and_headlines() {
    let long_line = "the ferry ran late again and the riders waited on the pier ".repeat(40_000);
    let cases = [
        "The council voted to close the Main Street pool after a long debate on Tuesday.",
        "Flood",
        "THE COUNCIL VOTED TO CLOSE THE POOL. RESIDENTS SAID THEY WERE ANGRY. THE MAYOR, \
         WHO CHAIRS THE BOARD, DID NOT COMMENT. A NEW VOTE IS SET FOR MAY.",
        "the council voted to close the pool residents said they were angry the mayor did not \
         comment a new vote is set for may and the pool will stay shut all summer",
        long_line.as_str(),
    ];
    let whole = PipelineBuilder::from_config(PipelineConfig {
        compress: nutgraf_core::compress::CompressConfig {
            enabled: false,
            ..Default::default()
        },
        ..Default::default()
    })
    .build()
    .unwrap();
    for text in cases {
        for p in [&Pipeline::default(), &whole] {
            let s = p.summarize(&Document::new(text)).unwrap();
            assert!(!s.key_points.is_empty(), "no point for {:.60}", text);
            check(p, text);
        }
    }
}

/// Inputs the fuzzers (`fuzz/`) found, kept as regression tests: a lone
/// dash (no words: no point or headline could be made), and a first letter
/// whose capital lowercases to another letter (`ϐ` → `Β` → `β`), which
/// broke the headline's grounding.
#[test]
fn fuzzer_finds_stay_fixed() {
    let p = Pipeline::default();
    assert_eq!(
        p.summarize(&Document::new("-")).unwrap_err(),
        Error::NoWords
    );
    let text = "\u{fffd}\u{fffd}\u{fffd}\u{03d0}\u{0013}\u{07dc}ap\u{0002}roved a $sundayilliocutn thirks on Tsday nig\u{fffd}[th e,deu";
    check(&p, text);
    assert!(p.summarize(&Document::new(text)).is_ok());
}
