//! The segmenter: any text. No panic; sentences slice the text on char
//! boundaries, in order, without overlap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nutgraf_core::segment::{NewsSegmenter, Segmenter};
use nutgraf_core::Document;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = Document::new(text.as_ref());
    let seg = NewsSegmenter::default().segment(&doc);
    let mut last = 0;
    for s in &seg.sentences {
        assert!(s.span.start <= s.span.end);
        assert!(doc.text.get(s.span.start..s.span.end).is_some());
        assert!(s.span.start >= last, "sentences overlap or go back");
        last = s.span.end;
    }
});
