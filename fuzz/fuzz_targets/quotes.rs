//! Quote extraction: any text. No panic; every cue, speaker and content
//! span slices the text; a quote's text is its content spans joined.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nutgraf_core::segment::{NewsSegmenter, Segmenter};
use nutgraf_core::Document;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = Document::new(text.as_ref());
    let mut quotes = nutgraf_core::quotes::extract(&NewsSegmenter::default().segment(&doc));
    let _ = nutgraf_core::quotes::speakers(&mut quotes);
    for q in &quotes {
        let parts: Vec<&str> = q
            .content
            .iter()
            .map(|c| doc.text.get(c.start..c.end).expect("content span slices"))
            .collect();
        assert!(!parts.is_empty());
        assert_eq!(parts.join(" "), q.text);
        for s in q.cue.iter().chain(q.speaker.iter()).chain(q.via.iter()) {
            assert!(doc.text.get(s.start..s.end).is_some());
        }
    }
});
