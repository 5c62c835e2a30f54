//! English stop words: function words that carry no topic of their own.
//! The list is the common core of the SMART and NLTK English lists, kept small
//! on purpose: words like "said" or "new" stay content words because news
//! summaries use them.

/// Sorted list, searched by binary search.
static STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "d",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "ll",
    "m",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "re",
    "s",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "ve",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// The longest stop word, in bytes.
const LONGEST: usize = 10;

/// A word of at most 15 bytes packed into one integer: its length and
/// its bytes above, so that a look-up is one integer hash and compare.
fn packed(word: &[u8]) -> u128 {
    super::load_le(word).map_or(0, |x| word.len() as u128 | x << 8)
}

/// [`STOP_WORDS`], packed: called for every word of every article and by
/// the quote rules for most words near a quote.
static PACKED: std::sync::LazyLock<rustc_hash::FxHashSet<u128>> =
    std::sync::LazyLock::new(|| STOP_WORDS.iter().map(|w| packed(w.as_bytes())).collect());

/// True when `lower` (a lowercase word) is an English stop word.
pub fn is_stop_word(lower: &str) -> bool {
    lower.len() <= LONGEST && PACKED.contains(&packed(lower.as_bytes()))
}

/// True when `word` lowercased is an English stop word. ASCII words,
/// nearly all, are lowered in a register; others through
/// `str::to_lowercase` (the Kelvin sign lowers to an ASCII `k`).
pub fn is_stop_word_in_any_case(word: &str) -> bool {
    if word.is_ascii() {
        word.len() <= LONGEST
            && super::ascii_lower(word.as_bytes())
                .is_some_and(|x| PACKED.contains(&(word.len() as u128 | x << 8)))
    } else {
        is_stop_word(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_and_lookups_work() {
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "STOP_WORDS must stay sorted"
        );
        assert!(is_stop_word("the"));
        assert!(is_stop_word("yourselves"));
        assert!(!is_stop_word("said"));
        assert!(!is_stop_word("The"), "callers lowercase first");
        assert!(!is_stop_word("yourselvesx") && !is_stop_word(""));
        for w in ["The", "THE", "the", "Yourselves"] {
            assert!(is_stop_word_in_any_case(w), "{w}");
        }
        for w in [
            "Said",
            "",
            "yourselvesx",
            "Th\u{e9}",
            "the\0",
            "\u{212a}now",
        ] {
            assert!(!is_stop_word_in_any_case(w), "{w}");
        }
        assert!(STOP_WORDS
            .iter()
            .all(|w| w.len() <= LONGEST && is_stop_word(w)));
    }
}
