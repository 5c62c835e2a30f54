//! Porter stemming, identical to NLTK's `PorterStemmer()` (the mode that the
//! reference ROUGE scorer, Google's `rouge-score`, uses).
//!
//! ASCII words go through our own port of the same rules on bytes
//! ([`super::porter`], several times faster); other words through the
//! `nltk-porter` crate, measured to give the same stem as NLTK on 72,219
//! words (`rust-stemmers`' Porter2 differs on 1,387 of them). Stemming
//! is the most expensive step of analysis, so [`StemCache`] memoizes it per
//! thread: news vocabulary is Zipfian, and after a few articles nearly every
//! word is a cache hit.

use std::cell::RefCell;
use std::collections::HashMap;

use nltk_porter::{Mode, PorterStemmer};

thread_local! {
    static STEMMER: PorterStemmer = PorterStemmer::new(Mode::Nltk);
}

/// Stems one lowercase word exactly as NLTK's Porter stemmer does: ASCII
/// words by our own byte-level port ([`super::porter`]), others by the
/// `nltk-porter` crate.
pub fn porter_stem(word: &str) -> String {
    super::porter::stem_ascii(word).unwrap_or_else(|| STEMMER.with(|s| s.stem(word)))
}

/// A memo of word → stem. Bounded: once it holds `capacity` words it is
/// cleared, so memory stays flat however much text passes through it.
#[derive(Debug)]
pub struct StemCache {
    map: HashMap<Box<str>, Box<str>>,
    capacity: usize,
}

impl Default for StemCache {
    fn default() -> Self {
        StemCache::with_capacity(200_000)
    }
}

impl StemCache {
    /// A cache that holds at most `capacity` words.
    pub fn with_capacity(capacity: usize) -> StemCache {
        StemCache {
            map: HashMap::new(),
            capacity: capacity.max(1),
        }
    }

    /// The stem of `word` (lowercase), computed once per distinct word.
    pub fn stem(&mut self, word: &str) -> &str {
        if !self.map.contains_key(word) {
            if self.map.len() >= self.capacity {
                self.map.clear();
            }
            let s = porter_stem(word);
            self.map.insert(word.into(), s.into());
        }
        &self.map[word]
    }
}

thread_local! {
    static CACHE: RefCell<StemCache> = RefCell::new(StemCache::default());
}

/// Calls `f` with the stem of `word`, using this thread's [`StemCache`].
pub fn with_stem<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    CACHE.with(|c| f(c.borrow_mut().stem(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_nltk_on_known_words() {
        // Stems as printed by nltk.stem.porter.PorterStemmer().stem(w).
        let cases = [
            ("running", "run"),
            ("generously", "gener"),
            ("agreed", "agre"),
            ("ponies", "poni"),
            ("caresses", "caress"),
            ("relational", "relat"),
            ("dying", "die"),
            ("news", "news"),
            ("was", "wa"),
            ("this", "thi"),
        ];
        for (w, want) in cases {
            assert_eq!(porter_stem(w), want, "stem of {w}");
        }
    }

    #[test]
    fn cache_is_bounded_and_consistent() {
        let mut c = StemCache::with_capacity(2);
        assert_eq!(c.stem("running"), "run");
        assert_eq!(c.stem("ponies"), "poni");
        assert_eq!(c.stem("agreed"), "agre");
        assert!(c.map.len() <= 2);
        assert_eq!(c.stem("running"), "run");
    }
}
