//! HTML ingest: any bytes as a page. No panic; a page gives a non-empty
//! text or `EmptyDocument`; flattening never grows a page and leaves a
//! shallow one as it is.
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
    // Flattening only removes tags (a space at most for each), and leaves a
    // page that is no deeper than the limit as it is.
    let flat = flatten(data, 8);
    assert!(flat.len() <= data.len());
    if max_depth(data) <= 8 {
        assert_eq!(flat, data);
    }
});
