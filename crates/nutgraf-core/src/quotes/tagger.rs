//! Which words are cues of attribution in their context: a logistic model
//! over a word and its neighbours, trained by `nutgraf train-quotes` on
//! PolNeAR train's gold cues.
//!
//! The cue lexicon ([`super::lexicon`]) knows the verbs of saying and the
//! words that are cues in most of their uses. Most of the attributions it
//! misses have a cue that is one only in some uses: `shows` (`a poll shows
//! that ...`, not `the TV shows`), `wants`, `support`, `called`, `think`
//! without `that`. For each *candidate* word (one the training split saw
//! in a gold cue at least [`MIN_CANDIDATE_CUES`] times that the lexicon
//! does not already read as a cue), this model weighs the word, the two
//! words on either side, and their shapes; a word it scores at or above
//! the model's threshold is read as a cue by every rule after it.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::lexicon;
use super::token::starts_upper;
use super::{Tok, TokKind};
use crate::analyze::stopwords::is_stop_word;

/// The built-in model, as `nutgraf train-quotes --tagger` writes it.
pub const MODEL_JSON: &str = include_str!("../../models/quote-tagger.json");

/// Fewest times a word must sit in a gold cue to be a candidate.
pub const MIN_CANDIDATE_CUES: u32 = 3;

/// A cue tagger as stored: candidate words, hashed feature weights, and
/// the least log-odds that makes a cue.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct TaggerModel {
    /// Log-odds at or above which a candidate is a cue.
    pub threshold: f32,
    /// The candidate words, lowercase, sorted.
    pub candidates: Vec<String>,
    /// Feature hash and weight, sorted by hash.
    pub weights: Vec<(u32, f32)>,
}

/// A cue tagger ready to score: candidates and weights in hash tables.
#[derive(Clone, Debug)]
pub struct CueTagger {
    threshold: f32,
    candidates: FxHashSet<u128>,
    weights: FxHashMap<u32, f32>,
    /// The built-in model, whose candidates the lexicon marks
    /// ([`lexicon::CLASS_CANDIDATE`]) as it tokenizes: no look-up here.
    builtin: bool,
}

impl CueTagger {
    /// The tagger of a stored model.
    pub fn new(m: &TaggerModel) -> CueTagger {
        CueTagger {
            threshold: m.threshold,
            candidates: m
                .candidates
                .iter()
                .filter_map(|w| super::wordset::pack(w.as_bytes()))
                .collect(),
            weights: m.weights.iter().copied().collect(),
            builtin: false,
        }
    }

    /// True when token `t` is a candidate word: one of the model's words
    /// (lowercase ASCII), not already a cue.
    pub fn is_candidate(&self, text: &str, t: &Tok) -> bool {
        if self.builtin {
            return t.class & (lexicon::CLASS_CANDIDATE | lexicon::CLASS_CUE)
                == lexicon::CLASS_CANDIDATE
                && t.kind == TokKind::Word
                && t.slice(text).bytes().all(|b| b.is_ascii_lowercase());
        }
        candidate_key(text, t).is_some_and(|k| self.candidates.contains(&k))
    }

    /// The log-odds of a word with the given feature hashes (as
    /// [`features`] gives them), when it is one of the model's candidates.
    pub fn weigh(&self, word: &str, features: &[u32]) -> Option<f32> {
        super::wordset::key(word.as_bytes())
            .filter(|k| self.candidates.contains(k))
            .map(|_| features.iter().map(|&h| self.weight(h)).sum())
    }

    /// One feature's weight (0 for a feature the model dropped).
    fn weight(&self, h: u32) -> f32 {
        self.weights.get(&h).copied().unwrap_or(0.0)
    }

    /// The log-odds that token `k` is a cue.
    pub fn score(&self, text: &str, toks: &[Tok], k: usize) -> f32 {
        let mut z = 0.0;
        features(text, toks, k, |h| z += self.weight(h));
        z
    }

    /// Reads every candidate the model scores at or above its threshold as
    /// a cue ([`lexicon::mark_cue`]); false when there is none.
    pub fn mark(&self, text: &str, toks: &mut [Tok]) -> bool {
        let mut any = false;
        for k in 0..toks.len() {
            if self.is_candidate(text, &toks[k]) && self.score(text, toks, k) >= self.threshold {
                lexicon::mark_cue(&mut toks[k]);
                any = true;
            }
        }
        any
    }
}

/// Longest candidate, in letters: the longest word the lexicon's word
/// classes hold.
const MAX_CANDIDATE_LEN: usize = 12;

/// The packed lowercase word of a token that may be a candidate: a
/// lowercase ASCII word of 3 to 12 letters, no stop word, that the lexicon
/// does not read as a cue already.
fn candidate_key(text: &str, t: &Tok) -> Option<u128> {
    let w = t.slice(text).as_bytes();
    (t.kind == TokKind::Word
        && !lexicon::is_cue_word(t)
        && (3..=MAX_CANDIDATE_LEN).contains(&w.len())
        && w.iter().all(u8::is_ascii_lowercase)
        && !is_stop_word(t.slice(text)))
    .then(|| super::wordset::key(w))
    .flatten()
}

/// The candidate words of `text` (tokenized as the quote rules tokenize
/// it): for each, its token index and lowercase word.
pub fn candidate_words<'t>(text: &'t str, toks: &[Tok]) -> Vec<(usize, &'t str)> {
    toks.iter()
        .enumerate()
        .filter(|(_, t)| candidate_key(text, t).is_some())
        .map(|(k, t)| (k, t.slice(text)))
        .collect()
}

/// The built-in tagger (`None` only if its JSON were broken; a test checks
/// that it is not).
pub fn model() -> Option<&'static CueTagger> {
    BUILTIN.as_ref()
}

/// The built-in model as stored.
static STORED: LazyLock<Option<TaggerModel>> =
    LazyLock::new(|| serde_json::from_str::<TaggerModel>(MODEL_JSON).ok());

static BUILTIN: LazyLock<Option<CueTagger>> = LazyLock::new(|| {
    STORED.as_ref().map(|m| CueTagger {
        builtin: true,
        ..CueTagger::new(m)
    })
});

/// The built-in model's candidate words (for the lexicon's word classes).
pub(super) fn builtin_candidates() -> impl Iterator<Item = &'static str> {
    STORED
        .iter()
        .flat_map(|m| m.candidates.iter().map(String::as_str))
}

/// FNV-1a over a token's bytes, lowercased; a fixed value past either
/// end of the text.
fn word(text: &str, toks: &[Tok], k: isize) -> u32 {
    let Some(t) = usize::try_from(k).ok().and_then(|k| toks.get(k)) else {
        return 0x5bd1_e995;
    };
    let mut h: u32 = 0x811c_9dc5;
    for &b in t.slice(text).as_bytes() {
        h = (h ^ u32::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0193);
    }
    h
}

/// A token's shape: capitalized word, other word, number, quotation mark,
/// other punctuation, or past either end.
fn shape(text: &str, toks: &[Tok], k: isize) -> u32 {
    match usize::try_from(k).ok().and_then(|k| toks.get(k)) {
        None => 0,
        Some(t) => match t.kind {
            TokKind::Quote => 1,
            TokKind::Punct => 2,
            TokKind::Word => {
                let w = t.slice(text);
                if w.starts_with(|c: char| c.is_ascii_digit()) {
                    3
                } else if starts_upper(w) {
                    4
                } else {
                    5
                }
            }
        },
    }
}

/// One feature's hash: its template number and parts, mixed.
fn mix(template: u32, parts: &[u32]) -> u32 {
    let mut h = template.wrapping_mul(0x9e37_79b9) ^ 0x85eb_ca6b;
    for &p in parts {
        h = (h ^ p).wrapping_mul(0x0100_0193);
        h ^= h >> 15;
    }
    h
}

/// Calls `f` with the hash of each feature of token `k`: the bias, the
/// word, each of the two words on either side alone and beside it, and
/// the shapes around it.
pub fn features(text: &str, toks: &[Tok], k: usize, mut f: impl FnMut(u32)) {
    let k = k as isize;
    let [p2, p1, w0, n1, n2] = [-2, -1, 0, 1, 2].map(|d| word(text, toks, k + d));
    let [sp2, sp1, _, sn1, sn2] = [-2, -1, 0, 1, 2].map(|d| shape(text, toks, k + d));
    f(mix(0, &[]));
    f(mix(1, &[w0]));
    f(mix(2, &[p1]));
    f(mix(3, &[p2]));
    f(mix(4, &[n1]));
    f(mix(5, &[n2]));
    f(mix(6, &[p1, w0]));
    f(mix(7, &[w0, n1]));
    f(mix(8, &[w0, n1, n2]));
    f(mix(9, &[p2, p1, w0]));
    f(mix(10, &[sp1, w0]));
    f(mix(11, &[w0, sn1]));
    f(mix(12, &[sp2, sp1, sn1, sn2]));
    f(mix(13, &[sp1, p1]));
    f(mix(14, &[w0, sp2, sp1]));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::scan;
    use crate::Span;

    #[test]
    fn the_built_in_model_loads() {
        let m = model().expect("the built-in cue tagger parses");
        assert!(!m.candidates.is_empty() && !m.weights.is_empty());
    }

    #[test]
    fn the_built_in_candidates_are_marked_as_the_model_lists_them() {
        let stored = STORED.as_ref().expect("the built-in model parses");
        let listed = CueTagger::new(stored);
        let builtin = model().expect("built-in tagger");
        let text = "Polls show voters want change, Reyes believes; SHOWS Shows shows. \
                    The council's support for the plan, officials acknowledged, is wide.";
        let toks = scan::tokenize(text, Span::new(0, text.len()));
        let mut some = 0;
        for t in &toks {
            assert_eq!(
                builtin.is_candidate(text, t),
                listed.is_candidate(text, t),
                "{}",
                t.slice(text)
            );
            some += usize::from(builtin.is_candidate(text, t));
        }
        assert!(some >= 3, "{some}");
    }

    #[test]
    fn features_depend_on_the_context_and_not_on_case() {
        let collect = |text: &str, k: usize| {
            let toks = scan::tokenize(text, Span::new(0, text.len()));
            let mut v = Vec::new();
            features(text, &toks, k, |h| v.push(h));
            v
        };
        let a = collect("A new poll shows that voters agree.", 3);
        let b = collect("a NEW POLL shows that voters agree.", 3);
        let c = collect("The late shows were cancelled.", 2);
        assert_eq!(a.len(), 15);
        assert_ne!(a, b, "shapes differ with case");
        assert_eq!(a[1], c[1], "the word itself is the same feature");
        assert_ne!(a[2], c[2]);
        assert_eq!(a[4], b[4], "words are lowercased");
    }

    #[test]
    fn a_model_marks_only_candidates_it_scores_high() {
        let text = "The poll shows that voters agree. The late shows were fun.";
        let mut toks = scan::tokenize(text, Span::new(0, text.len()));
        let k = 2; // `shows` before `that`
        let mut hashes = Vec::new();
        features(text, &toks, k, |h| hashes.push(h));
        // Weight only the `shows that` feature.
        let wn = hashes[7];
        let model = TaggerModel {
            threshold: 0.5,
            candidates: vec!["shows".into()],
            weights: vec![(wn, 1.0)],
        };
        let tagger = CueTagger::new(&model);
        assert!(tagger.score(text, &toks, k) >= 1.0);
        assert!(tagger.mark(text, &mut toks));
        assert!(lexicon::is_cue_word(&toks[2]));
        let later = toks
            .iter()
            .rposition(|t| t.slice(text) == "shows")
            .expect("second shows");
        assert!(!lexicon::is_cue_word(&toks[later]));
    }
}
