//! NLTK's Porter stemmer (its default `NLTK_EXTENSIONS` mode) on ASCII bytes,
//! edited in place in one buffer.
//!
//! The `nltk-porter` crate is a faithful port that works on `Vec<char>` and
//! builds its rule tables and a new vector at every rule, which made stemming
//! the dearest step of analyzing a word the first time it is seen. Nearly
//! every news word is ASCII, so this module runs the same rules, in the same
//! order and with the same conditions, on bytes; [`super::stem::porter_stem`]
//! sends every other word to the crate. The tests check the two agree on
//! every word they make.
//!
//! The rules are Porter (1980) with NLTK's changes: the irregular forms
//! (`skies` → `sky`, `dying` → `die`), `ies`/`ied` on four-letter words,
//! `alli` → `al` before step 2, `fulli` and `logi`, and the two-letter `*o`
//! condition (a vowel then a consonant).

/// How a rule's stem must look for the rule to rewrite the word.
#[derive(Clone, Copy)]
enum Cond {
    /// Always.
    Always,
    /// The stem's measure is above 0.
    Pos,
    /// The stem's measure is above 1.
    Gt1,
    /// The measure of the word less its last `n` letters is above 0.
    PosOfWord(usize),
    /// The measure is above 1 and the stem ends in `s` or `t` (`-ion`).
    Ion,
}

type Rule = (&'static [u8], &'static [u8], Cond);

const STEP1A: [Rule; 4] = [
    (b"sses", b"ss", Cond::Always),
    (b"ies", b"i", Cond::Always),
    (b"ss", b"ss", Cond::Always),
    (b"s", b"", Cond::Always),
];

const STEP2: [Rule; 22] = [
    (b"ational", b"ate", Cond::Pos),
    (b"tional", b"tion", Cond::Pos),
    (b"enci", b"ence", Cond::Pos),
    (b"anci", b"ance", Cond::Pos),
    (b"izer", b"ize", Cond::Pos),
    (b"bli", b"ble", Cond::Pos),
    (b"alli", b"al", Cond::Pos),
    (b"entli", b"ent", Cond::Pos),
    (b"eli", b"e", Cond::Pos),
    (b"ousli", b"ous", Cond::Pos),
    (b"ization", b"ize", Cond::Pos),
    (b"ation", b"ate", Cond::Pos),
    (b"ator", b"ate", Cond::Pos),
    (b"alism", b"al", Cond::Pos),
    (b"iveness", b"ive", Cond::Pos),
    (b"fulness", b"ful", Cond::Pos),
    (b"ousness", b"ous", Cond::Pos),
    (b"aliti", b"al", Cond::Pos),
    (b"iviti", b"ive", Cond::Pos),
    (b"biliti", b"ble", Cond::Pos),
    (b"fulli", b"ful", Cond::Pos),
    (b"logi", b"log", Cond::PosOfWord(3)),
];

const STEP3: [Rule; 7] = [
    (b"icate", b"ic", Cond::Pos),
    (b"ative", b"", Cond::Pos),
    (b"alize", b"al", Cond::Pos),
    (b"iciti", b"ic", Cond::Pos),
    (b"ical", b"ic", Cond::Pos),
    (b"ful", b"", Cond::Pos),
    (b"ness", b"", Cond::Pos),
];

const STEP4: [Rule; 19] = [
    (b"al", b"", Cond::Gt1),
    (b"ance", b"", Cond::Gt1),
    (b"ence", b"", Cond::Gt1),
    (b"er", b"", Cond::Gt1),
    (b"ic", b"", Cond::Gt1),
    (b"able", b"", Cond::Gt1),
    (b"ible", b"", Cond::Gt1),
    (b"ant", b"", Cond::Gt1),
    (b"ement", b"", Cond::Gt1),
    (b"ment", b"", Cond::Gt1),
    (b"ent", b"", Cond::Gt1),
    (b"ion", b"", Cond::Ion),
    (b"ou", b"", Cond::Gt1),
    (b"ism", b"", Cond::Gt1),
    (b"ate", b"", Cond::Gt1),
    (b"iti", b"", Cond::Gt1),
    (b"ous", b"", Cond::Gt1),
    (b"ive", b"", Cond::Gt1),
    (b"ize", b"", Cond::Gt1),
];

/// NLTK's irregular forms: word, stem.
const IRREGULAR: [(&str, &str); 16] = [
    ("sky", "sky"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("news", "news"),
    ("innings", "inning"),
    ("inning", "inning"),
    ("outings", "outing"),
    ("outing", "outing"),
    ("cannings", "canning"),
    ("canning", "canning"),
    ("howe", "howe"),
    ("proceed", "proceed"),
    ("exceed", "exceed"),
    ("succeed", "succeed"),
];

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether `w[i]` is a consonant: not a vowel, and a `y` only when the
/// letter before it is no consonant (or it starts the word).
fn consonant(w: &[u8], i: usize) -> bool {
    // A run of `y`s alternates; count back to the letter before the run.
    let mut j = i;
    let mut flip = false;
    while w[j] == b'y' {
        if j == 0 {
            // The run starts the word: its first `y` is a consonant.
            return !flip;
        }
        flip = !flip;
        j -= 1;
    }
    let c = !is_vowel(w[j]);
    c != flip
}

/// Porter's measure `m`: the number of vowel-consonant sequences.
fn measure(w: &[u8]) -> usize {
    let mut m = 0;
    let mut prev_vowel = false;
    for i in 0..w.len() {
        let c = consonant(w, i);
        if c && prev_vowel {
            m += 1;
        }
        prev_vowel = !c;
    }
    m
}

fn has_vowel(w: &[u8]) -> bool {
    (0..w.len()).any(|i| !consonant(w, i))
}

fn ends_double_consonant(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && consonant(w, n - 1)
}

/// Porter's `*o` with NLTK's two-letter case.
fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    (n >= 3
        && consonant(w, n - 3)
        && !consonant(w, n - 2)
        && consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !consonant(w, 0) && consonant(w, 1))
}

fn holds(cond: Cond, w: &[u8], stem: &[u8]) -> bool {
    match cond {
        Cond::Always => true,
        Cond::Pos => measure(stem) > 0,
        Cond::Gt1 => measure(stem) > 1,
        Cond::PosOfWord(n) => measure(&w[..w.len() - n]) > 0,
        Cond::Ion => measure(stem) > 1 && matches!(stem.last(), Some(b's' | b't')),
    }
}

/// The first rule whose suffix ends `w` decides: `w` is rewritten when its
/// condition holds and left alone when not.
fn apply(w: &mut Vec<u8>, rules: &[Rule]) {
    for &(suffix, repl, cond) in rules {
        if w.ends_with(suffix) {
            let cut = w.len() - suffix.len();
            if holds(cond, w, &w[..cut]) {
                w.truncate(cut);
                w.extend_from_slice(repl);
            }
            return;
        }
    }
}

fn replace_tail(w: &mut Vec<u8>, cut: usize, repl: &[u8]) {
    w.truncate(w.len() - cut);
    w.extend_from_slice(repl);
}

fn step1a(w: &mut Vec<u8>) {
    if w.len() == 4 && w.ends_with(b"ies") {
        replace_tail(w, 3, b"ie");
        return;
    }
    apply(w, &STEP1A);
}

fn step1b(w: &mut Vec<u8>) {
    if w.ends_with(b"ied") {
        let repl: &[u8] = if w.len() == 4 { b"ie" } else { b"i" };
        replace_tail(w, 3, repl);
        return;
    }
    if w.ends_with(b"eed") {
        if measure(&w[..w.len() - 3]) > 0 {
            w.truncate(w.len() - 1);
        }
        return;
    }
    let cut = if w.ends_with(b"ed") && has_vowel(&w[..w.len() - 2]) {
        2
    } else if w.ends_with(b"ing") && has_vowel(&w[..w.len() - 3]) {
        3
    } else {
        return;
    };
    w.truncate(w.len() - cut);
    if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
        w.push(b'e');
    } else if ends_double_consonant(w) {
        if !matches!(w.last(), Some(b'l' | b's' | b'z')) {
            w.pop();
        }
    } else if measure(w) == 1 && ends_cvc(w) {
        w.push(b'e');
    }
}

fn step1c(w: &mut [u8]) {
    let n = w.len();
    if n >= 1 && w[n - 1] == b'y' {
        let stem = &w[..n - 1];
        if stem.len() > 1 && consonant(stem, stem.len() - 1) {
            w[n - 1] = b'i';
        }
    }
}

fn step2(w: &mut Vec<u8>) {
    // NLTK: `alli` with a positive measure before it becomes `al`, and the
    // step runs again on the result.
    while w.ends_with(b"alli") && measure(&w[..w.len() - 4]) > 0 {
        replace_tail(w, 4, b"al");
    }
    apply(w, &STEP2);
}

fn step5a(w: &mut Vec<u8>) {
    if w.last() == Some(&b'e') {
        let stem = &w[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            w.pop();
        }
    }
}

fn step5b(w: &mut Vec<u8>) {
    if w.ends_with(b"ll") && measure(&w[..w.len() - 1]) > 1 {
        w.pop();
    }
}

/// The stem of `word`, exactly as NLTK's `PorterStemmer().stem(word)` gives
/// it, when `word` is ASCII; `None` for any other word. Upper-case letters
/// are lowered first, as NLTK does.
pub fn stem_ascii(word: &str) -> Option<String> {
    if !word.is_ascii() {
        return None;
    }
    let mut w = word.as_bytes().to_ascii_lowercase();
    if let Some(&(_, s)) = IRREGULAR.iter().find(|(k, _)| k.as_bytes() == w) {
        return Some(s.to_string());
    }
    if w.len() > 2 {
        step1a(&mut w);
        step1b(&mut w);
        step1c(&mut w);
        step2(&mut w);
        apply(&mut w, &STEP3);
        apply(&mut w, &STEP4);
        step5a(&mut w);
        step5b(&mut w);
    }
    // Every byte is still ASCII: rules only cut and append ASCII.
    String::from_utf8(w).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use nltk_porter::{Mode, PorterStemmer};

    /// The crate, which was checked against NLTK itself on 72,219 words.
    fn reference(w: &str) -> String {
        PorterStemmer::new(Mode::Nltk).stem(w)
    }

    #[test]
    fn agrees_with_the_reference_on_words_made_of_every_suffix() {
        let reference = PorterStemmer::new(Mode::Nltk);
        let stems = [
            "", "a", "y", "yy", "by", "sky", "rel", "cont", "gener", "happ", "trouble", "ag", "ow",
            "fil", "hop", "fizz", "fall", "tann", "ss", "ey", "sy", "oy", "bay", "syzy", "feas",
            "conn", "eve", "electr", "hyp", "formal", "sens", "aud", "archae", "cand", "bill",
            "zz", "at", "xyz", "ration", "ctrl", "2", "b2b", "quu", "yo",
        ];
        let suffixes = [
            "", "s", "ss", "sses", "ies", "ied", "ed", "eed", "ing", "y", "ational", "tional",
            "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization", "ation",
            "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "fulli",
            "logi", "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance",
            "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "sion", "tion",
            "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize", "e", "ll", "ling", "lled",
            "ating", "bled", "izing", "ying", "ier", "ily", "ally", "ies", "ness",
        ];
        let mut n = 0;
        for s in stems {
            for a in suffixes {
                for b in ["", "s", "ed", "ing", "ly", "y", "e", "alli", "ness"] {
                    let w = format!("{s}{a}{b}");
                    let want = reference.stem(&w);
                    assert_eq!(stem_ascii(&w).as_deref(), Some(want.as_str()), "word {w:?}");
                    n += 1;
                }
            }
        }
        assert!(n > 20_000);
    }

    #[test]
    fn agrees_with_the_reference_on_pseudo_random_words() {
        // A fixed linear congruential sequence over a small alphabet heavy in
        // the letters the rules look at.
        let alphabet = b"aeiouylstnmrcbgdzxwpe";
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..50_000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = 1 + (x >> 60) as usize;
            let w: String = (0..len)
                .map(|i| {
                    let k = (x >> (4 * i % 56)) as usize ^ (i * 7);
                    char::from(alphabet[k % alphabet.len()])
                })
                .collect();
            assert_eq!(stem_ascii(&w).unwrap(), reference(&w), "word {w:?}");
        }
    }

    #[test]
    fn irregular_forms_capitals_and_other_scripts() {
        assert_eq!(stem_ascii("skies").unwrap(), "sky");
        assert_eq!(stem_ascii("Dying").unwrap(), "die");
        assert_eq!(stem_ascii("Running").unwrap(), "run");
        assert_eq!(stem_ascii("generously").unwrap(), "gener");
        assert_eq!(stem_ascii("by").unwrap(), "by");
        assert_eq!(stem_ascii("café"), None);
    }
}
