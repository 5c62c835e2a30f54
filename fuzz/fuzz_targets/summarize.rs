//! The whole pipeline, compression and headline included: any text. No
//! panic; every key point's words are the words of its spans, inside its
//! sentence, in order; the headline is never empty and, unless given, its
//! words are those of its spans.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use nutgraf_core::span::same_words;
use nutgraf_core::{Document, Error, HeadlineSource, Pipeline, Span};

/// Built once: loading the models per input would be most of the time.
static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::default);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = Document::new(text.as_ref());
    match PIPELINE.summarize(&doc) {
        Ok(s) => {
            let mut last = 0;
            for p in &s.key_points {
                assert!(text.get(p.start..p.end).is_some());
                let sentence = Span::new(p.start, p.end);
                assert!(p.spans.iter().all(|sp| sentence.contains(*sp)));
                assert!(same_words(&text, &p.spans, &p.text), "{p:?}");
                assert!(!p.text.trim().is_empty());
                assert!(p.start >= last);
                last = p.end;
            }
            assert!(!s.headline.trim().is_empty());
            if s.headline_source != HeadlineSource::Title {
                assert!(same_words(&text, &s.headline_spans, &s.headline));
            }
        }
        // Blank text, or control bytes that make it no article: input
        // errors, named; a model or config error would be ours.
        Err(Error::EmptyDocument | Error::NoWords | Error::Binary { .. }) => {}
        Err(e) => panic!("unexpected error {e}"),
    }
});
