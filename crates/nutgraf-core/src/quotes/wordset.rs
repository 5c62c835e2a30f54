//! Small fixed word lists with membership as integer compares.
//!
//! The quote rules ask "is this token one of these words?" many times per
//! token. A slice of strings answers with a length compare and a `memcmp`
//! per entry; here each word of at most 15 bytes is packed with its length
//! into a `u128` at compile time, so a look-up packs the token once and
//! compares integers.

/// Longest word a [`WordSet`] holds, in bytes.
pub const MAX_LEN: usize = 15;

/// A fixed list of words of at most [`MAX_LEN`] bytes, each also packed.
#[derive(Debug)]
pub struct WordSet<const N: usize> {
    words: [&'static str; N],
    keys: [u128; N],
    /// For each length, a bit for the low five bits of each first byte
    /// among the words of that length: most words asked about are turned
    /// away by this one look-up, before the keys are scanned.
    shapes: [u32; MAX_LEN + 1],
}

/// The bit of [`WordSet::shapes`] for `key`'s first byte.
#[inline]
const fn first_bit(key: u128) -> u32 {
    1 << (key as u32 & 31)
}

/// `w`'s bytes, little-endian, with its length in the top byte; `None`
/// when longer than [`MAX_LEN`]. Never 0.
pub const fn pack(w: &[u8]) -> Option<u128> {
    if w.len() > MAX_LEN {
        return None;
    }
    let mut k = (w.len() as u128) << 120;
    let mut i = 0;
    while i < w.len() {
        k |= (w[i] as u128) << (8 * i);
        i += 1;
    }
    Some(k)
}

/// [`pack`] at run time: the same key, read with two loads instead of a
/// loop over the bytes.
#[inline]
pub fn key(w: &[u8]) -> Option<u128> {
    if w.len() > MAX_LEN {
        return None;
    }
    crate::analyze::load_le(w).map(|x| x | (w.len() as u128) << 120)
}

impl<const N: usize> WordSet<N> {
    /// The set of `words`; fails to compile if a word is empty or over
    /// [`MAX_LEN`] bytes.
    pub const fn new(words: [&'static str; N]) -> Self {
        let mut keys = [0u128; N];
        let mut shapes = [0u32; MAX_LEN + 1];
        let mut i = 0;
        while i < N {
            let w = words[i].as_bytes();
            assert!(!w.is_empty(), "empty word in a WordSet");
            keys[i] = match pack(w) {
                Some(k) => k,
                None => panic!("a WordSet word is over 15 bytes"),
            };
            shapes[w.len()] |= first_bit(keys[i]);
            i += 1;
        }
        WordSet {
            words,
            keys,
            shapes,
        }
    }

    /// The words, in the order given.
    pub fn words(&self) -> &[&'static str; N] {
        &self.words
    }

    /// True when `w` (exactly, case and all) is one of the words.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        key(w.as_bytes()).is_some_and(|k| self.has_key(k))
    }

    /// True when the word packed as `key` ([`pack`]) is one of the words;
    /// 0, which packs no word, is never.
    #[inline]
    pub fn has_key(&self, key: u128) -> bool {
        // The top byte of a key is its length, at most `MAX_LEN`.
        let len = (key >> 120) as usize & MAX_LEN;
        key != 0 && self.shapes[len] & first_bit(key) != 0 && self.keys.contains(&key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SET: WordSet<4> = WordSet::new(["the", "The", "according", "unidentifiednes"]);

    #[test]
    fn key_is_pack() {
        for n in 0..=17usize {
            let w: Vec<u8> = (0..n).map(|i| 0xf0 - i as u8).collect();
            assert_eq!(key(&w), pack(&w), "length {n}");
        }
    }

    #[test]
    fn membership_is_exact() {
        for w in SET.words() {
            assert!(SET.contains(w), "{w}");
        }
        assert!(!SET.contains("th"));
        assert!(!SET.contains("them"));
        assert!(!SET.contains("THE"));
        assert!(!SET.contains(""));
        assert!(!SET.contains("unidentifiedness"));
        assert!(!SET.contains("the\0"));
        assert!(SET.has_key(pack(b"according").unwrap()));
        assert!(!SET.has_key(0));
    }
}
