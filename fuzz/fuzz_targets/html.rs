//! HTML ingest: any bytes as a page. No panic; a page gives a non-empty
//! text or `EmptyDocument`; flattening caps the depth and is idempotent on
//! shallow pages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nutgraf_core::ingest::html::{flatten, max_depth};
use nutgraf_core::ingest::{from_html_with, HtmlRules};
use nutgraf_core::Error;

fuzz_target!(|data: &[u8]| {
    for rules in [HtmlRules::default(), HtmlRules::ALL] {
        match from_html_with(data, rules) {
            Ok(doc) => assert!(!doc.text.trim().is_empty()),
            Err(Error::EmptyDocument) => {}
            Err(e) => panic!("unexpected error {e}"),
        }
    }
    let flat = flatten(data, 8);
    // Paragraph tags stay, so one level more at most per kept paragraph
    // run; the scan itself must stay bounded.
    assert!(max_depth(&flat) <= max_depth(data));
    if max_depth(data) <= 8 {
        assert_eq!(flat, data);
    }
});
