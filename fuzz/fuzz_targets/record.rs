//! The JSONL record reader of `nutgraf batch` and `summarize`: any line.
//! No panic; a record that parses has a document; the id readers and the
//! bounded line reader agree with the line.
#![no_main]

use std::io::BufRead;

use libfuzzer_sys::fuzz_target;
use nutgraf_core::ingest::record;

#[allow(dead_code, missing_docs)]
#[path = "../../crates/nutgraf-cli/src/input.rs"]
mod input;

fuzz_target!(|data: &[u8]| {
    if let Ok(line) = std::str::from_utf8(data) {
        if let Ok((doc, _)) = record::parse_record(line) {
            let _ = doc.text.len();
        }
        let _ = record::record_id(line);
        let half = line.len() / 2;
        let cut = (0..=half)
            .rev()
            .find(|&k| line.is_char_boundary(k))
            .unwrap_or(0);
        let _ = record::record_id_cut(&line[..cut], &line[cut..]);
    }
    // Lines come back whole, or cut at the limit with the rest counted.
    let mut r = std::io::BufReader::with_capacity(7, data);
    let (mut buf, mut tail) = (Vec::new(), Vec::new());
    let mut seen = 0;
    loop {
        buf.clear();
        let (n, cut) = input::read_line_limited(&mut r, &mut buf, &mut tail, 16).unwrap();
        if n == 0 {
            break;
        }
        assert_eq!(cut, n > 16);
        assert_eq!(buf.as_slice(), &data[seen..seen + n.min(16)]);
        seen += n;
    }
    assert_eq!(seen, data.len());
    assert!(r.fill_buf().unwrap().is_empty());
});
