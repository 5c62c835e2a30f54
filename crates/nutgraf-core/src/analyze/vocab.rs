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
        if self.words.len() > MAX_WORDS {
            self.words.clear();
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
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        self.lower.clear();
        if word.is_ascii() {
            self.lower
                .extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            self.lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        let entry = match self.words.get(self.lower.as_str()) {
            Some(e) => *e,
            None => {
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
                let e = Entry { stem, flags };
                self.words.insert(lower.into(), e);
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
