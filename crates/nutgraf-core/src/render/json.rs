//! The JSON output format.
//!
//! One object per article (one line per article in `batch`):
//!
//! ```text
//! {
//!   "id": "a1",                      // only when the input had one
//!   "headline": "Storm shuts ferry", // the article's title, or ""
//!   "key_points": [
//!     {
//!       "text": "Rain closed the ferry on Monday.", // the sentence, verbatim
//!       "sentence": 0,      // index of the sentence in the document
//!       "start": 0,         // byte offset into the input text
//!       "end": 32,          // one past the last byte
//!       "score": 1.21       // the scorer's score
//!     }
//!   ],
//!   "stats": {"bytes": 180, "paragraphs": 3, "sentences": 5, "furniture": 0, "words": 31},
//!   "quotes": [
//!     {
//!       "kind": "direct",                  // or "indirect" (reported speech)
//!       "cue": {"start": 60, "end": 64},   // "said"; null when none
//!       "speaker": {"start": 56, "end": 59}, // "she"; null when none
//!       "speaker_name": "Ana Reyes",       // resolved to the fullest name
//!       "content": [{"start": 33, "end": 54}], // more than one when split
//!       "text": "\"We will reopen soon,\""
//!     }
//!   ],
//!   "offset_unit": "byte"
//! }
//! ```
//!
//! Offsets are in bytes of the UTF-8 input, so `input[start..end] == text`
//! holds for every key point, and every quote span slices its words. The
//! `quotes` layout is what `score_quotes.py` reads. `key_points` is also what
//! `score_rouge.py` reads (it takes each point's `text`).

use std::io::{self, Write};

use crate::Summary;

/// Writes `summary` as one line of compact JSON, ending with a newline.
pub fn write(summary: &Summary, w: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *w, summary)?;
    w.write_all(b"\n")
}
