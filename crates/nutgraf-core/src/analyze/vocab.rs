//! Per-thread vocabulary: lowercase word → stem id, stop-word and number flags.
//!
//! Analysis looks every word up here once. A hit costs one hash lookup of the
//! lowercased word; a miss stems it with NLTK's Porter rules and interns the
//! stem. The table is cleared between documents once it grows past a bound,
//! so memory stays flat over millions of articles while the ids stay
//! consistent inside each document.

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
}

impl Vocabulary {
    /// Called before each document: clears the table if it is too large.
    pub fn begin_document(&mut self) {
        if self.words.len() > MAX_WORDS {
            self.words.clear();
            self.stems.clear();
        }
    }

    /// Number of distinct stems interned.
    pub fn len(&self) -> u32 {
        self.stems.len() as u32
    }

    /// True when no stem has been interned.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
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
            stem: entry.stem,
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
