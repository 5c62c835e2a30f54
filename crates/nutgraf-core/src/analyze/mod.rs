//! Stage 2: tokens, lowercasing, stop words and stems.
//!
//! An [`Analyzer`] turns a [`Segmented`] document into an [`Analyzed`] one:
//! every word of every sentence as a [`Token`] (a span into the original text
//! plus the id of its Porter stem), grouped per sentence. The title, when
//! there is one, is analyzed the same way so that scorers can compare against
//! it.
//!
//! Words are runs of letters and digits, with inner apostrophes and hyphens
//! splitting words the way the ROUGE scorer does (it replaces every character
//! outside `[a-z0-9]` by a space). Keeping our tokens aligned with ROUGE's
//! means that what the scorer rewards is what the metric counts.
//!
//! Stem ids come from a per-thread [`vocab::Vocabulary`] that maps each
//! lowercase word to its stem id once; ids are consistent within one analyzed
//! document, which is all the later stages compare.

mod porter;
pub mod stem;
pub(crate) mod stopwords;
pub mod vocab;

use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use stopwords::is_stop_word;

use crate::segment::{Segmented, SentenceKind};
use crate::Span;

/// One word of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The word's bytes in the original text.
    pub span: Span,
    /// Id of the word's Porter stem: dense, local to the document.
    pub stem: u32,
    /// Bit set of [`Token::STOP`], [`Token::NUMBER`], [`Token::CAPITALIZED`],
    /// [`Token::ATTRIBUTION`], [`Token::TIME`].
    pub flags: u8,
}

impl Token {
    /// The word is an English stop word.
    pub const STOP: u8 = 1;
    /// The word is made of digits.
    pub const NUMBER: u8 = 2;
    /// The word starts with an upper-case letter in the original text.
    pub const CAPITALIZED: u8 = 4;
    /// The word is an attribution cue (`said`, `told`, `according`...).
    pub const ATTRIBUTION: u8 = 8;
    /// The word names a day or a relative time (`Monday`, `yesterday`).
    pub const TIME: u8 = 16;

    /// True for stop words.
    #[inline]
    pub fn is_stop(&self) -> bool {
        self.flags & Token::STOP != 0
    }

    /// True for content words: neither stop words nor one-letter words.
    #[inline]
    pub fn is_content(&self) -> bool {
        !self.is_stop() && self.span.len() > 1
    }
}

/// A segmented document with its words analyzed.
#[derive(Clone, Debug)]
pub struct Analyzed<'d> {
    /// The segmentation this analysis is built on.
    pub segmented: Segmented<'d>,
    /// Every token of every body sentence, in text order.
    pub tokens: Vec<Token>,
    /// For each sentence (same index as `segmented.sentences`), the range of
    /// its tokens in `tokens`. Non-body sentences get an empty range.
    pub sentence_tokens: Vec<Range<usize>>,
    /// Stem ids of the title's content words (empty without a title).
    pub title_stems: Vec<u32>,
    /// Number of distinct stem ids in use (all ids are below this).
    pub vocabulary_size: u32,
}

impl<'d> Analyzed<'d> {
    /// The tokens of sentence `i`.
    #[inline]
    pub fn sentence(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentence_tokens[i].clone()]
    }

    /// Number of sentences (all kinds).
    #[inline]
    pub fn len(&self) -> usize {
        self.sentence_tokens.len()
    }

    /// True when there are no sentences.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.sentence_tokens.is_empty()
    }

    /// True when sentence `i` is body text that may become a key point.
    #[inline]
    pub fn is_body(&self, i: usize) -> bool {
        self.segmented.sentences[i].kind == SentenceKind::Body
    }
}

/// Turns segmented text into tokens.
pub trait Analyzer: Send + Sync {
    /// Analyzes `segmented`, consuming it into the result.
    fn analyze<'d>(&self, segmented: Segmented<'d>) -> Analyzed<'d>;
}

/// Serializable choice of analyzer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum AnalyzerConfig {
    /// Words, stop words and Porter stems.
    #[default]
    Words,
}

impl AnalyzerConfig {
    /// Builds the configured analyzer.
    pub fn build(&self) -> Box<dyn Analyzer> {
        match self {
            AnalyzerConfig::Words => Box::new(WordAnalyzer),
        }
    }
}

/// The default analyzer: words, stop words and Porter stems.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordAnalyzer;

impl Analyzer for WordAnalyzer {
    fn analyze<'d>(&self, segmented: Segmented<'d>) -> Analyzed<'d> {
        let text = segmented.doc.text.as_str();
        vocab::with_vocabulary(|vocab| {
            vocab.begin_document();
            let mut tokens = Vec::with_capacity(text.len() / 5);
            let mut sentence_tokens = Vec::with_capacity(segmented.sentences.len());
            for s in &segmented.sentences {
                let first = tokens.len();
                if s.kind == SentenceKind::Body {
                    for_each_word(text, s.span, |span| {
                        let word = span.slice(text);
                        tokens.push(vocab.token(word, span));
                    });
                }
                sentence_tokens.push(first..tokens.len());
            }
            let mut title_stems = Vec::new();
            let title = match (segmented.doc.title.as_deref(), segmented.title_span) {
                (Some(t), _) => Some(t),
                (None, Some(span)) => Some(span.slice(text)),
                (None, None) => None,
            };
            if let Some(title) = title {
                for_each_word(title, Span::new(0, title.len()), |span| {
                    let t = vocab.token(span.slice(title), span);
                    if t.is_content() {
                        title_stems.push(t.stem);
                    }
                });
            }
            let vocabulary_size = vocab.len();
            Analyzed {
                segmented,
                tokens,
                sentence_tokens,
                title_stems,
                vocabulary_size,
            }
        })
    }
}

/// `w` lowercased and zero-padded to 16 bytes, as a little-endian integer,
/// when it is ASCII and at most 16 bytes. All bytes at once: a byte from
/// `A` to `Z` is the one whose `b + 0x3F` has its top bit set and whose
/// `b + 0x25` has not (no sum carries into the next byte, since every byte
/// is below 0x80), and lowercasing it sets its 0x20 bit.
pub(crate) fn ascii_lower(w: &[u8]) -> Option<u128> {
    const ONES: u128 = u128::MAX / 255;
    const TOP: u128 = ONES * 0x80;
    let x = load_le(w)?;
    if x & TOP != 0 {
        return None;
    }
    let from_a = x + ONES * (0x80 - u128::from(b'A'));
    let past_z = x + ONES * (0x80 - u128::from(b'Z') - 1);
    let upper = from_a & !past_z & TOP;
    Some(x | upper >> 2)
}

/// `w`'s bytes, little-endian and zero-padded, when it is at most 16 bytes.
/// Two reads that overlap when the word is shorter than both (the bytes
/// they share are the same bytes, so or-ing them is exact): no copy into a
/// buffer, which would be a call to `memcpy` for every word.
#[inline]
pub(crate) fn load_le(w: &[u8]) -> Option<u128> {
    let n = w.len();
    let x = match n {
        0 => 0,
        1..=3 => {
            let (a, b, c) = (w[0], w[n / 2], w[n - 1]);
            u128::from(a) | u128::from(b) << (8 * (n / 2)) | u128::from(c) << (8 * (n - 1))
        }
        4..=8 => {
            let lo = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
            let hi = u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]);
            u128::from(lo) | u128::from(hi) << (8 * (n - 4))
        }
        9..=16 => {
            let lo = u64::from_le_bytes(w[..8].try_into().ok()?);
            let hi = u64::from_le_bytes(w[n - 8..].try_into().ok()?);
            u128::from(lo) | u128::from(hi) << (8 * (n - 8))
        }
        _ => return None,
    };
    Some(x)
}

/// Calls `f` with the span of every word inside `within`: maximal runs of
/// alphanumeric characters.
pub fn for_each_word(text: &str, within: Span, mut f: impl FnMut(Span)) {
    let s = within.slice(text);
    let base = within.start;
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut start: Option<usize> = None;
    while i < bytes.len() {
        let b = bytes[i];
        let (is_word, width) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            // Decode one non-ASCII char; `s` is valid UTF-8 so this succeeds.
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        match (is_word, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                f(Span::new(base + st, base + i));
                start = None;
            }
            _ => {}
        }
        i += width;
    }
    if let Some(st) = start {
        f(Span::new(base + st, base + bytes.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{Segmenter, Sentence};
    use crate::Document;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for_each_word(text, Span::new(0, text.len()), |s| out.push(s.slice(text)));
        out
    }

    #[test]
    fn ascii_lower_matches_byte_by_byte_lowercasing() {
        // Every ASCII byte, in every position of a 16-byte word.
        for b in 1u8..0x80 {
            for at in 0..16 {
                let mut w = [b'q'; 16];
                w[at] = b;
                let want: Vec<u8> = w.iter().map(u8::to_ascii_lowercase).collect();
                let got = ascii_lower(&w).expect("ASCII");
                assert_eq!(got.to_le_bytes().to_vec(), want, "byte {b:#x} at {at}");
            }
        }
        // Every length, with distinct bytes, against a byte-by-byte copy.
        for n in 0..=17usize {
            let w: Vec<u8> = (0..n).map(|i| b'A' + i as u8).collect();
            let want = (n <= 16).then(|| {
                let mut buf = [0u8; 16];
                buf[..n].copy_from_slice(&w.to_ascii_lowercase());
                u128::from_le_bytes(buf)
            });
            assert_eq!(ascii_lower(&w), want, "length {n}");
        }
        assert_eq!(ascii_lower(b"Said"), ascii_lower(b"said"));
        assert_eq!(ascii_lower("Señor".as_bytes()), None);
        assert_eq!(ascii_lower(&[b'a'; 17]), None);
        assert_eq!(ascii_lower(b""), Some(0));
    }

    #[test]
    fn words_are_the_runs_of_letters_and_digits() {
        let text = "  Zürich’s café—3½ x² ÆON, ok…İstanbul's 日本語 ǅemal!a";
        let mut plain = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(st)) => {
                    plain.push(&text[st..i]);
                    start = None;
                }
                _ => {}
            }
        }
        assert_eq!(words(text), plain);
        // Inside a span that is not the whole text.
        let mut inner = Vec::new();
        for_each_word(text, Span::new(2, 16), |s| inner.push(s.slice(text)));
        assert_eq!(inner, ["Zürich", "s", "ca"]);
    }

    #[test]
    fn words_split_like_rouge() {
        assert_eq!(
            words("Don't stop—U.S. $1.13bn"),
            ["Don", "t", "stop", "U", "S", "1", "13bn"]
        );
        assert_eq!(words("Zürich’s café"), ["Zürich", "s", "café"]);
        assert_eq!(words("  "), Vec::<&str>::new());
    }

    struct OneSentence;
    impl Segmenter for OneSentence {
        fn segment<'d>(&self, doc: &'d Document) -> Segmented<'d> {
            let span = Span::new(0, doc.text.len());
            Segmented {
                doc,
                paragraphs: vec![span],
                sentences: vec![Sentence {
                    span,
                    paragraph: 0,
                    kind: SentenceKind::Body,
                }],
                title_span: None,
            }
        }
    }

    #[test]
    fn stems_are_shared_across_inflections_and_title() {
        let doc =
            Document::new("Runners were running; the runner runs.").with_title("Running late");
        let a = WordAnalyzer.analyze(OneSentence.segment(&doc));
        let toks = a.sentence(0);
        assert_eq!(toks.len(), 6);
        // "running" and "runs" both stem to "run".
        assert_eq!(toks[2].stem, toks[5].stem);
        assert!(toks[3].is_stop(), "'the' is a stop word");
        assert!(toks[0].flags & Token::CAPITALIZED != 0);
        assert_eq!(a.title_stems.len(), 2);
        assert_eq!(a.title_stems[0], toks[2].stem);
        for t in toks {
            assert!(t.stem < a.vocabulary_size);
        }
    }
}
