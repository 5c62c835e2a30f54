//! The article's language. Our segmenter, cue lexicon and models are for
//! English, so a summary says which language it read, and quotes are not
//! extracted from text in another one (rules for English cues read `La`,
//! `Wir` or `Más` as speakers).
//!
//! English is recognized by a quick test of our own: in English news about
//! four words in ten are stop words, in other languages written in Latin
//! script a few in a hundred are. Only text that fails it goes to
//! `whatlang` (trigram profiles of 69 languages), which names the
//! language; so the common case costs one pass over the first words.

use serde::{Deserialize, Serialize};

use crate::analyze::stopwords::is_stop_word_in_any_case;

/// The language a text reads as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-3 code (`eng`, `spa`, `deu`).
    pub code: String,
    /// English name (`English`, `Spanish`).
    pub name: String,
}

impl Default for Language {
    fn default() -> Self {
        Language::english()
    }
}

impl Language {
    /// English.
    pub fn english() -> Language {
        Language {
            code: "eng".to_string(),
            name: "English".to_string(),
        }
    }

    /// True for English.
    pub fn is_english(&self) -> bool {
        self.code == "eng"
    }
}

/// How many words the test reads.
const SAMPLE_WORDS: usize = 120;

/// Below this many words there is too little to tell: English is assumed.
const MIN_WORDS: usize = 15;

/// The share of stop words at or above which a text is English.
const ENGLISH_STOP_SHARE: f32 = 0.2;

/// The language of `text`: English unless the text clearly is not.
pub fn detect(text: &str) -> Language {
    let (words, stop) = stop_count(text);
    if words < MIN_WORDS || stop as f32 >= ENGLISH_STOP_SHARE * words as f32 {
        return Language::english();
    }
    // The first few thousand bytes are plenty for trigrams.
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match whatlang::detect(&text[..end]) {
        Some(info) if info.lang() != whatlang::Lang::Eng && info.confidence() >= 0.5 => Language {
            code: info.lang().code().to_string(),
            name: info.lang().eng_name().to_string(),
        },
        _ => Language::english(),
    }
}

/// The first [`SAMPLE_WORDS`] words of `text` (runs of letters and
/// apostrophes): how many there are, and how many are stop words.
fn stop_count(text: &str) -> (usize, usize) {
    let (mut words, mut stop) = (0usize, 0usize);
    let mut start: Option<usize> = None;
    // The text's end closes its last word.
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphabetic() || c == '\'', start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                words += 1;
                stop += usize::from(is_stop_word_in_any_case(&text[st..i]));
                start = None;
                if words == SAMPLE_WORDS {
                    break;
                }
            }
            _ => {}
        }
    }
    (words, stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`stop_count`] computes, written plainly.
    fn stop_count_plain(text: &str) -> (usize, usize) {
        let mut n = (0, 0);
        for w in text
            .split(|c: char| !c.is_alphabetic() && c != '\'')
            .filter(|w| !w.is_empty())
            .take(SAMPLE_WORDS)
        {
            let lower: String = w.chars().flat_map(char::to_lowercase).collect();
            n.0 += 1;
            n.1 += usize::from(crate::analyze::is_stop_word(&lower));
        }
        n
    }

    #[test]
    fn stop_count_reads_words_as_plainly_split() {
        let texts = [
            "The mayor didn't say WHO would pay, or WHEN; they'll vote on it.",
            "\u{212a}\u{212a} THE Über-café's \"quoted\" 1999 it's—it's... O'Brien",
            "",
            "'''",
            "Ünd the, THE the\u{a0}the\tthe\nthe   x",
        ];
        for t in texts {
            assert_eq!(stop_count(t), stop_count_plain(t), "{t:?}");
        }
        let long = "and the of ".repeat(100);
        assert_eq!(stop_count(&long), (SAMPLE_WORDS, SAMPLE_WORDS));
    }

    #[test]
    fn tells_english_from_other_languages() {
        let en = "The city council voted on Tuesday to close the old bridge over the river \
                  for repairs, and the mayor said that the work would take most of the summer \
                  because the steel under the deck is older than anyone had thought.";
        assert_eq!(detect(en), Language::english());
        let es = "El ayuntamiento votó el martes cerrar el viejo puente sobre el río para \
                  repararlo, y la alcaldesa dijo que las obras durarían casi todo el verano \
                  porque el acero bajo la calzada es más antiguo de lo que se pensaba.";
        assert_eq!(detect(es).code, "spa");
        let de = "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss \
                  für Reparaturen zu schließen, und die Bürgermeisterin sagte, die Arbeiten \
                  würden fast den ganzen Sommer dauern, weil der Stahl älter sei als gedacht.";
        assert_eq!(detect(de).code, "deu");
        let fr = "Le conseil municipal a voté mardi la fermeture du vieux pont sur la rivière \
                  pour des réparations, et la maire a déclaré que les travaux dureraient presque \
                  tout l'été, car l'acier sous le tablier est plus ancien que prévu.";
        assert_eq!(detect(fr).code, "fra");
        // Too short to tell: English.
        assert_eq!(detect("Hola amigos."), Language::english());
    }
}
