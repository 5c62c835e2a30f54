//! Span invariants on generated hostile text: whatever the input, summarizing
//! never panics, and every key point (and every quote span) slices the input
//! to exactly its text,
//! in article order, without overlap. Deterministic (a fixed LCG), so a
//! failure reproduces.

use nutgraf_core::{Document, Error, Pipeline, PipelineBuilder, PipelineConfig};

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
        if (state >> 20) % 3 != 0 {
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
                assert_eq!(
                    text.get(p.start..p.end),
                    Some(p.text.as_str()),
                    "input {text:?}"
                );
                assert!(p.start >= last, "overlap or disorder in {text:?}");
                assert!(!p.text.trim().is_empty());
                last = p.end;
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
