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

#[derive(Clone, Copy, Debug)]
struct Entry {
    stem: u32,
    flags: u8,
}

/// Maps lowercase words to stem ids.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// Short ASCII words, packed (see [`Vocabulary::token`]).
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
        if self.words.len() + self.short.len() > MAX_WORDS {
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
        // Fast path: short ASCII words are packed, lowercased, into a u128
        // key (15 bytes and the length), so a lookup is an integer hash and
        // compare rather than a string hash and memcmp.
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
        let entry = match found {
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
        };
        let flags = entry.flags | if capitalized { Token::CAPITALIZED } else { 0 };
        Token {
            span,
            stem: self.local_id(entry.stem),
            flags,
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
