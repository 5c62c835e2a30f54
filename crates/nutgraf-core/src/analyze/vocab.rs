//! Per-thread vocabulary: lowercase word → stem id, stop-word and number flags.
//!
//! Analysis looks every word up here once. A hit costs one hash lookup of the
//! lowercased word; a miss stems it with NLTK's Porter rules and interns the
//! stem. The table is cleared between documents once it grows past a bound,
//! so memory stays flat over millions of articles.
//!
//! Stem ids handed out are *document-local* and dense (0, 1, 2, ... in order
//! of first appearance in the document), so that later stages can index
//! plain vectors by stem id sized to the document, not to everything the
//! thread has ever seen. The global → local mapping uses a generation stamp
//! per global id, so starting a document costs nothing.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::{stem::porter_stem, stopwords::is_stop_word, Token};
use crate::Span;

/// Words kept before the table is cleared at the next document start.
const MAX_WORDS: usize = 400_000;

#[derive(Clone, Copy, Debug, Default)]
struct Entry {
    stem: u32,
    flags: u8,
}

/// `word` lowercased and packed little-endian into a `u64` when it is 1 to 8
/// ASCII bytes with no NUL (so the zero padding says where it ends); the key
/// of [`Tiny`]. Never 0.
#[inline]
fn pack8(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > 8 || word.contains(&0) {
        return None;
    }
    // At most 8 bytes: the upper half is zero padding.
    super::ascii_lower(word).map(|x| x as u64)
}

/// An open-addressed table of the words [`pack8`] packs: most of every
/// text. Key and entry share a slot of 16 bytes, so a look-up reads one
/// cache line (a hash map keeps its control bytes apart from its 32-byte
/// buckets of `u128` keys: two).
#[derive(Debug)]
struct Tiny {
    /// Key 0 marks an empty slot. The length is a power of two.
    slots: Vec<(u64, Entry)>,
    len: usize,
    /// 64 less the log2 of the slot count.
    shift: u32,
}

impl Default for Tiny {
    fn default() -> Self {
        Tiny::with_bits(12)
    }
}

impl Tiny {
    fn with_bits(bits: u32) -> Tiny {
        Tiny {
            slots: vec![(0, Entry::default()); 1 << bits],
            len: 0,
            shift: 64 - bits,
        }
    }

    /// The slot where a search for `key` starts (Fibonacci hashing).
    #[inline]
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, key: u64) -> Option<Entry> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let (k, e) = self.slots[i];
            if k == key {
                return Some(e);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds `key`, which is not in the table.
    fn insert(&mut self, key: u64, entry: Entry) {
        // At most half full.
        if (self.len + 1) * 2 > self.slots.len() {
            let bits = 64 - self.shift + 1;
            let old = std::mem::replace(self, Tiny::with_bits(bits));
            for (k, e) in old.slots {
                if k != 0 {
                    self.insert(k, e);
                }
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        while self.slots[i].0 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (key, entry);
        self.len += 1;
    }

    fn clear(&mut self) {
        *self = Tiny::default();
    }
}

/// Maps lowercase words to stem ids.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// ASCII words of at most 8 bytes ([`pack8`]).
    tiny: Tiny,
    /// ASCII words of 9 to 15 bytes, packed (see [`Vocabulary::token`]).
    short: FxHashMap<u128, Entry>,
    /// Every other word, lowercased.
    words: FxHashMap<Box<str>, Entry>,
    stems: FxHashMap<Box<str>, u32>,
    lower: String,
    /// For each global stem id: the document generation that last used it
    /// and its local id in that document.
    local: Vec<(u32, u32)>,
    generation: u32,
    local_count: u32,
}

impl Vocabulary {
    /// Called before each document: clears the table if it is too large.
    pub fn begin_document(&mut self) {
        if self.words.len() + self.short.len() + self.tiny.len > MAX_WORDS {
            self.tiny.clear();
            self.words.clear();
            self.short.clear();
            self.stems.clear();
            self.local.clear();
        }
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            // Stamps wrapped around: forget them all so none matches by accident.
            self.local.iter_mut().for_each(|e| *e = (0, 0));
            self.generation = 1;
        }
        self.local_count = 0;
    }

    /// Stems and classifies the word in `self.lower`.
    fn new_entry(&mut self) -> Entry {
        let lower = self.lower.as_str();
        // ROUGE stems only words longer than three characters.
        let stem = if lower.len() > 3 {
            porter_stem(lower)
        } else {
            lower.to_string()
        };
        let next = self.stems.len() as u32;
        let stem = *self.stems.entry(stem.into_boxed_str()).or_insert(next);
        let mut flags = 0;
        if is_stop_word(lower) {
            flags |= Token::STOP;
        }
        if lower.bytes().all(|b| b.is_ascii_digit()) {
            flags |= Token::NUMBER;
        }
        if matches!(
            lower,
            "said" | "says" | "told" | "according" | "added" | "explained"
        ) {
            flags |= Token::ATTRIBUTION;
        }
        if matches!(
            lower,
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "yesterday"
                | "today"
                | "tonight"
                | "overnight"
        ) {
            flags |= Token::TIME;
        }
        Entry { stem, flags }
    }

    /// Number of distinct stems in the current document (all local ids are
    /// below this).
    pub fn len(&self) -> u32 {
        self.local_count
    }

    /// True when the current document has no stem yet.
    pub fn is_empty(&self) -> bool {
        self.local_count == 0
    }

    fn local_id(&mut self, global: u32) -> u32 {
        let g = global as usize;
        if g >= self.local.len() {
            self.local.resize(g + 1, (0, 0));
        }
        let e = &mut self.local[g];
        if e.0 != self.generation {
            *e = (self.generation, self.local_count);
            self.local_count += 1;
        }
        e.1
    }

    /// The token for `word` found at `span`.
    pub fn token(&mut self, word: &str, span: Span) -> Token {
        let bytes = word.as_bytes();
        let capitalized = match bytes.first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => word.chars().next().is_some_and(char::is_uppercase),
        };
        let entry = if let Some(k) = pack8(bytes) {
            match self.tiny.get(k) {
                Some(e) => e,
                None => {
                    self.lower.clear();
                    self.lower
                        .extend(bytes.iter().map(|b| b.to_ascii_lowercase() as char));
                    let e = self.new_entry();
                    self.tiny.insert(k, e);
                    e
                }
            }
        } else {
            self.entry_of_longer(word)
        };
        let flags = entry.flags | if capitalized { Token::CAPITALIZED } else { 0 };
        Token {
            span,
            stem: self.local_id(entry.stem),
            flags,
        }
    }

    /// The entry of a word [`pack8`] does not pack.
    fn entry_of_longer(&mut self, word: &str) -> Entry {
        let bytes = word.as_bytes();
        // Short ASCII words are packed, lowercased, into a u128 key (15
        // bytes and the length), so a lookup is an integer hash and compare
        // rather than a string hash and memcmp.
        let packed = if bytes.len() <= 15 && word.is_ascii() {
            let mut k = bytes.len() as u128;
            for (i, b) in bytes.iter().enumerate() {
                k |= u128::from(b.to_ascii_lowercase()) << (8 * (i + 1));
            }
            Some(k)
        } else {
            None
        };
        let found = match packed {
            Some(k) => self.short.get(&k).copied(),
            None => {
                self.lower.clear();
                self.lower.extend(word.chars().flat_map(char::to_lowercase));
                self.words.get(self.lower.as_str()).copied()
            }
        };
        match found {
            Some(e) => e,
            None => {
                if packed.is_some() {
                    self.lower.clear();
                    self.lower
                        .extend(bytes.iter().map(|b| b.to_ascii_lowercase() as char));
                }
                let e = self.new_entry();
                match packed {
                    Some(k) => self.short.insert(k, e),
                    None => self.words.insert(self.lower.as_str().into(), e),
                };
                e
            }
        }
    }
}

thread_local! {
    static VOCAB: RefCell<Vocabulary> = RefCell::new(Vocabulary::default());
}

/// Runs `f` with this thread's vocabulary.
pub fn with_vocabulary<R>(f: impl FnOnce(&mut Vocabulary) -> R) -> R {
    VOCAB.with(|v| f(&mut v.borrow_mut()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack8_lowercases_ascii_and_refuses_the_rest() {
        assert_eq!(pack8(b"Obama"), pack8(b"oBAMA"));
        assert_eq!(pack8(b"AZaz09@["), Some(u64::from_le_bytes(*b"azaz09@[")));
        assert_ne!(pack8(b"ab"), pack8(b"ab\0"));
        assert_eq!(pack8(b"ab\0"), None);
        assert_eq!(pack8(b""), None);
        assert_eq!(pack8(b"ninechars"), None);
        assert_eq!(pack8("café".as_bytes()), None);
    }

    #[test]
    fn words_of_every_length_keep_one_stem_across_case_and_growth() {
        let mut v = Vocabulary::default();
        v.begin_document();
        let words = [
            "a",
            "Running",
            "runs",
            "internationally",
            "Zürich",
            "zürich",
        ];
        let stems: Vec<u32> = words
            .iter()
            .map(|w| v.token(w, Span::new(0, w.len())).stem)
            .collect();
        assert_eq!(stems[1], stems[2], "running and runs share the stem run");
        assert_eq!(stems[4], stems[5]);
        assert_ne!(stems[0], stems[1]);
        // Enough distinct short words to grow the table many times.
        for i in 0..20_000u32 {
            let w = format!("w{i}");
            v.token(&w, Span::new(0, w.len()));
        }
        assert!(v.tiny.len >= 20_000 && v.tiny.len * 2 <= v.tiny.slots.len());
        for (w, &want) in words.iter().zip(&stems) {
            let t = v.token(&w.to_uppercase(), Span::new(0, w.len()));
            assert_eq!(t.stem, want, "{w}");
            assert!(t.flags & Token::CAPITALIZED != 0);
        }
    }
}
