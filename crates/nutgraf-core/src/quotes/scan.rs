//! Tokens of a paragraph, quotation-mark pairing and noun phrases around
//! attribution cues.

pub use super::token::{starts_upper, Tok, TokKind};
use crate::Span;

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' | '\u{201e}'
    )
}

/// Titles and other words that take a dot and are no sentence end.
const ABBREVIATIONS: [&str; 23] = [
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "St", "Jr", "Sr", "Prof",
    "Rev", "Sgt", "Capt", "Maj", "Pres", "U.S", "Lt.Gov", "Atty", "Del",
];

fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// The tokens of `text[span]`.
pub fn tokenize(text: &str, span: Span) -> Vec<Tok> {
    let s = &text[span.start..span.end];
    let b = s.as_bytes();
    // English news runs about one token in 4.9 bytes (CNN/DM dev): room
    // for one in 4 means a long text's tokens are not copied into a vector
    // twice their size halfway through.
    let mut toks = Vec::with_capacity(s.len() / 4 + 16);
    // The character at byte `i` (a char boundary) and its length.
    let char_at = |i: usize| -> (char, usize) {
        if b[i] < 0x80 {
            (char::from(b[i]), 1)
        } else {
            s[i..]
                .chars()
                .next()
                .map_or(('\0', 1), |c| (c, c.len_utf8()))
        }
    };
    let alnum_at = |i: usize| -> bool {
        i < b.len()
            && if b[i] < 0x80 {
                b[i].is_ascii_alphanumeric()
            } else {
                char_at(i).0.is_alphanumeric()
            }
    };
    let mut i = 0;
    while i < b.len() {
        let (c, n) = char_at(i);
        let start = span.start + i;
        if c.is_whitespace() {
            i += n;
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + n;
            loop {
                // ASCII letters and digits, most of every word, need no
                // decoding.
                while b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                if end >= b.len() {
                    break;
                }
                let (d, m) = char_at(end);
                // Inner apostrophes, hyphens, dots and ampersands join
                // letters on both sides.
                let joins = matches!(d, '\'' | '\u{2019}' | '-' | '.' | '&') && alnum_at(end + m);
                if d.is_alphanumeric() || joins {
                    end += m;
                } else {
                    break;
                }
            }
            // `Mr.`, `Sen.`, initials: the dot belongs to the word.
            if b.get(end) == Some(&b'.') && is_abbreviation(&s[i..end]) {
                end += 1;
            }
            toks.push(Tok {
                start,
                end: span.start + end,
                kind: TokKind::Word,
                class: super::lexicon::word_class(&s[i..end]),
                title_case: false,
            });
            i = end;
        } else if (c == '\'' || c == '`') && b.get(i + 1) == Some(&b[i]) {
            // `''` and ``` `` ```: quotation marks typed as two apostrophes
            // or backticks, as older archives and TeX-style text do.
            toks.push(Tok {
                start,
                end: start + 2,
                kind: TokKind::Quote,
                class: 0,
                title_case: false,
            });
            i += 2;
        } else if is_quote(c) {
            toks.push(Tok {
                start,
                end: start + n,
                kind: TokKind::Quote,
                class: 0,
                title_case: false,
            });
            i += n;
        } else {
            let len = if c == '-' && b.get(i + 1) == Some(&b'-') {
                2
            } else {
                n
            };
            toks.push(Tok {
                start,
                end: start + len,
                kind: TokKind::Punct,
                class: 0,
                title_case: false,
            });
            i += len;
        }
    }
    toks
}

/// Pairs of (opening, closing) quote-token indices. Curly quotes and
/// guillemets say which way they face (but a `”` with no quote open, a
/// space before and a word right after opens, and a `“` with a quote open,
/// glued to what is before it and not to what follows, closes); a straight
/// quote opens when none is open, else closes. A quote still open at the
/// end closes at the last token.
pub fn quoted_spans(text: &str, toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokKind::Quote {
            continue;
        }
        let c = t.slice(text);
        let opening = match c {
            // `“...,“ said Jim Clyburn`: an opening curly quote typed
            // where a closing one belongs, with a quote open, glued to the
            // word or mark before it and not to the one after, closes.
            "\u{201c}" => {
                !(open.is_some()
                    && k > 0
                    && toks[k - 1].end == t.start
                    && toks.get(k + 1).is_none_or(|n| n.start > t.end))
            }
            "\u{ab}" | "\u{201e}" | "``" => true,
            // `”Fear. I am ...”`: a closing curly quote typed where an
            // opening one belongs, with no quote open, a word right after
            // it and a space or nothing before it, opens.
            "\u{201d}" => {
                open.is_none()
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| n.start == t.end && n.kind == TokKind::Word)
                    && (k == 0 || toks[k - 1].end < t.start)
            }
            "\u{bb}" => false,
            _ => open.is_none(),
        };
        match (opening, open) {
            (true, _) => open = Some(k),
            (false, Some(o)) if k > o + 1 => {
                out.push((o, k));
                open = None;
            }
            (false, _) => open = None,
        }
    }
    if let Some(o) = open {
        if toks.len() > o + 1 {
            out.push((o, toks.len() - 1));
        }
    }
    out
}

/// True for a quotation mark around a single word, as in a nickname
/// (`Marcia "Cia" Price`).
pub fn is_nickname_mark(toks: &[Tok], k: usize) -> bool {
    let word_then_mark = |a: usize, b: usize| {
        toks.get(a).is_some_and(|t| t.kind == TokKind::Word)
            && toks.get(b).is_some_and(|t| t.kind == TokKind::Quote)
    };
    word_then_mark(k + 1, k + 2) || (k >= 2 && word_then_mark(k - 1, k - 2))
}

/// Small words a title leaves in lowercase.
const TITLE_SMALL_WORDS: [&str; 12] = [
    "a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with",
];

/// A title in quotation marks, not a quote: two to eight words in Title
/// Case, short acronyms or small words, one in Title Case at least (`told
/// "Fox and Friends."`, `the "Contract with America"`, `CBS This
/// Morning`). `inner` are the tokens between the marks.
pub fn is_title(text: &str, inner: &[Tok]) -> bool {
    let title_word = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
    };
    let acronym = |w: &str| {
        (1..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()) && w != "I"
    };
    let (mut words, mut titled) = (0usize, false);
    for w in inner
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| t.slice(text))
    {
        words += 1;
        let t = title_word(w);
        if words > 8 || !(t || acronym(w) || TITLE_SMALL_WORDS.contains(&w)) {
            return false;
        }
        titled |= t;
    }
    words >= 2 && titled
}

/// True for a comma token.
pub fn is_comma(text: &str, t: &Tok) -> bool {
    t.kind == TokKind::Punct && t.slice(text) == ","
}

/// Words that may sit between a speaker and the cue: `has said`,
/// `also told`, `later wrote`.
const AUX: [&str; 32] = [
    "has",
    "had",
    "have",
    "also",
    "later",
    "previously",
    "once",
    "repeatedly",
    "then",
    "would",
    "will",
    "did",
    "does",
    "reportedly",
    "recently",
    "never",
    "further",
    "again",
    "initially",
    "first",
    "earlier",
    "often",
    "long",
    "publicly",
    "privately",
    "even",
    "just",
    "already",
    "still",
    "frequently",
    "openly",
    "specifically",
];

/// Words a speaker phrase never reaches past, going back from the cue.
const STOP_BACK: [&str; 22] = [
    "that", "which", "who", "but", "as", "when", "while", "because", "if", "so", "after", "before",
    "than", "where", "what", "whom", "since", "although", "though", "until", "and", "or",
];

/// Leading words trimmed off a speaker phrase.
const LEAD_TRIM: [&str; 10] = [
    "but",
    "and",
    "so",
    "yet",
    "however",
    "meanwhile",
    "still",
    "now",
    "instead",
    "also",
];

/// The speaker phrase ending just before the cue at token `cue`, reaching
/// back at most to token `lo`: up to eight words, not across punctuation.
pub fn noun_phrase_back(text: &str, toks: &[Tok], lo: usize, cue: usize) -> Option<Span> {
    let mut end = before_auxiliaries(text, toks, lo, cue);
    // `The email goes on to say`, `Hale refuses to disavow`: a cue in the
    // infinitive; its speaker is the subject of the word before `to`.
    if end > lo && toks[end - 1].slice(text) == "to" {
        let mut verb = end - 1;
        if verb > lo && matches!(toks[verb - 1].slice(text), "on" | "out" | "up" | "back") {
            verb -= 1;
        }
        if verb > lo + 1
            && takes_infinitive(toks[verb - 1].slice(text))
            && toks[verb - 2].kind == TokKind::Word
        {
            end = before_auxiliaries(text, toks, lo, verb - 1);
        }
    }
    // `even now at 86 she still says`: a pronoun right before the cue is
    // the whole speaker.
    if end > lo
        && ["he", "she", "they", "we", "i", "who", "which"]
            .contains(&toks[end - 1].slice(text).to_ascii_lowercase().as_str())
    {
        return Some(Span::new(toks[end - 1].start, toks[end - 1].end));
    }
    // `Jane Doe, a spokeswoman for the council, said`: the phrase runs
    // from the name to the appositive's end.
    if end > lo + 1 && is_comma(text, &toks[end - 1]) {
        let comma = end - 1;
        let earlier = (comma.saturating_sub(12).max(lo)..comma)
            .rev()
            .find(|&k| is_comma(text, &toks[k]))?;
        let name = name_back(text, toks, lo, earlier)?;
        return Some(Span::new(name.start, toks[comma - 1].end));
    }
    name_back(text, toks, lo, end)
}

/// Verbs that take an infinitive after them (`refuses to`, `went on to`):
/// base forms, and the forms [`takes_infinitive`]'s suffixes do not reach
/// (`goes`, `tried`, `went`).
const INFINITIVE_VERBS: [&str; 34] = [
    "go", "goes", "went", "continue", "refuse", "want", "try", "tries", "tried", "begin", "began",
    "seem", "appear", "plan", "planned", "hope", "need", "expect", "decline", "fail", "use",
    "decide", "attempt", "intend", "agree", "threaten", "vow", "pledge", "promise", "tend", "took",
    "move", "rush", "come",
];

/// True for a lowercase verb that takes an infinitive: one of
/// [`INFINITIVE_VERBS`] or its `-s`, `-d` or `-ed` form.
fn takes_infinitive(w: &str) -> bool {
    let is = |stem: Option<&str>| stem.is_some_and(|b| INFINITIVE_VERBS.contains(&b));
    is(Some(w)) || is(w.strip_suffix('s')) || is(w.strip_suffix('d')) || is(w.strip_suffix("ed"))
}

/// Where a speaker phrase ends that ends before token `end`: before the
/// auxiliaries, adverbs and time phrases that stand between a subject and
/// its verb (`has said`, `also told`, `who in 2010 said`).
fn before_auxiliaries(text: &str, toks: &[Tok], lo: usize, mut end: usize) -> usize {
    while end > lo && toks[end - 1].kind == TokKind::Word {
        let w = toks[end - 1].slice(text).to_ascii_lowercase();
        if AUX.contains(&w.as_str())
            || (w.len() > 4 && w.ends_with("ly") && !starts_upper(toks[end - 1].slice(text)))
        {
            end -= 1;
        } else if end >= lo + 2 && is_time_phrase(text, &toks[end - 2], &toks[end - 1]) {
            end -= 2;
        } else {
            break;
        }
    }
    end
}

/// The phrase ending before token `end`, with a parenthesis after the
/// name: `Paul Ryan (R-Wis.)`.
fn name_back(text: &str, toks: &[Tok], lo: usize, end: usize) -> Option<Span> {
    if end > lo + 1 && toks[end - 1].slice(text) == ")" {
        let open = (end.saturating_sub(12).max(lo)..end - 1)
            .rev()
            .find(|&k| toks[k].slice(text) == "(")?;
        let name = noun_phrase_back_plain(text, toks, lo, open)?;
        return Some(Span::new(name.start, toks[end - 1].end));
    }
    noun_phrase_back_plain(text, toks, lo, end)
}

/// Days and months that follow `on`/`in`/`last` in a time phrase.
const TIME_WORDS: [&str; 19] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "week",
];

/// `in 2010`, `on Monday`, `last week`: two tokens of time between a
/// speaker and the cue.
fn is_time_phrase(text: &str, a: &Tok, b: &Tok) -> bool {
    let (a, b) = (a.slice(text), b.slice(text));
    matches!(a, "in" | "on" | "last" | "this" | "earlier")
        && (TIME_WORDS.contains(&b) || (b.len() == 4 && b.bytes().all(|c| c.is_ascii_digit())))
}

fn noun_phrase_back_plain(text: &str, toks: &[Tok], lo: usize, end: usize) -> Option<Span> {
    let mut start = end;
    while start > lo && end - start < 8 {
        let t = toks[start - 1];
        if t.kind == TokKind::Quote && is_nickname_mark(toks, start - 1) {
            start -= 1;
            continue;
        }
        if t.kind != TokKind::Word {
            break;
        }
        let w = t.slice(text);
        let lower = w.to_ascii_lowercase();
        if STOP_BACK.contains(&lower.as_str()) {
            // "Trump and Pence said": `and` between names is part of it.
            let capital_before = start >= 2
                && toks[start - 2].kind == TokKind::Word
                && starts_upper(toks[start - 2].slice(text));
            if lower == "and" && capital_before && starts_upper(toks[start].slice(text)) {
                start -= 1;
                continue;
            }
            break;
        }
        start -= 1;
    }
    while start < end && LEAD_TRIM.contains(&toks[start].slice(text).to_ascii_lowercase().as_str())
    {
        start += 1;
    }
    (start < end).then(|| Span::new(toks[start].start, toks[end - 1].end))
}

/// Words a speaker phrase stops at, going forward from the cue.
const STOP_FORWARD: [&str; 26] = [
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "while",
    "when",
    "to",
    "from",
    "with",
    "as",
    "that",
    "who",
    "which",
    "last",
    "this",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "because",
    "and",
    "but",
    "adding",
];

/// The speaker phrase starting at token `from` (`said Jane Doe, a ...`):
/// words up to punctuation or a preposition, at most eight, before byte
/// `limit`. Returns the span and the index of the token after it.
pub fn noun_phrase_forward(
    text: &str,
    toks: &[Tok],
    from: usize,
    limit: usize,
) -> Option<(Span, usize)> {
    let mut end = from;
    while end < toks.len() && end - from < 8 && toks[end].start < limit {
        let t = toks[end];
        if t.kind != TokKind::Word {
            break;
        }
        let lower = t.slice(text).to_ascii_lowercase();
        if end > from && STOP_FORWARD.contains(&lower.as_str()) {
            break;
        }
        end += 1;
    }
    (end > from).then(|| (Span::new(toks[from].start, toks[end - 1].end), end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.slice(text))
            .collect()
    }

    #[test]
    fn tokens_keep_inner_marks() {
        assert_eq!(
            words("“It’s U.S. policy,” she said -- again."),
            ["“", "It’s", "U.S.", "policy", ",", "”", "she", "said", "--", "again", "."]
        );
    }

    #[test]
    fn quotes_pair_by_direction_and_alternation() {
        let text = r#""One two," he said, "three four." And “five ”six"#;
        let toks = tokenize(text, Span::new(0, text.len()));
        let pairs: Vec<String> = quoted_spans(text, &toks)
            .iter()
            .map(|&(o, c)| text[toks[o].start..toks[c].end].to_string())
            .collect();
        assert_eq!(pairs, [r#""One two,""#, r#""three four.""#, "“five ”"]);
        // Left open: runs to the end.
        let text = "He said: “We will win and";
        let toks = tokenize(text, Span::new(0, text.len()));
        let q = quoted_spans(text, &toks);
        assert_eq!(q.len(), 1);
        assert_eq!(toks[q[0].1].slice(text), "and");
    }

    #[test]
    fn speaker_phrases() {
        let text = "But the former mayor has said it. Trump and Pence told them";
        let toks = tokenize(text, Span::new(0, text.len()));
        let said = toks.iter().position(|t| t.slice(text) == "said").unwrap();
        let sp = noun_phrase_back(text, &toks, 0, said).unwrap();
        assert_eq!(sp.slice(text), "the former mayor");
        let told = toks.iter().position(|t| t.slice(text) == "told").unwrap();
        let sp = noun_phrase_back(text, &toks, 0, told).unwrap();
        assert_eq!(sp.slice(text), "Trump and Pence");
        let text = "said Jane Doe on Monday.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let (sp, next) = noun_phrase_forward(text, &toks, 1, text.len()).unwrap();
        assert_eq!(sp.slice(text), "Jane Doe");
        assert_eq!(toks[next].slice(text), "on");
    }
}
