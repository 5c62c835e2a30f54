//! Rule-based sentence segmentation for English news.
//!
//! [`NewsSegmenter`] works in two passes over the bytes of the original text,
//! without copying it, without regular expressions and without allocating per
//! character:
//!
//! 1. **Paragraphs.** If the text has a blank line between two non-blank lines,
//!    paragraphs are the runs of lines between blank lines. Otherwise, if it
//!    has single newlines, every non-blank line is a paragraph (many feeds put
//!    one paragraph on each line). Otherwise the whole text is one paragraph.
//! 2. **Sentences.** Each paragraph first gets a look at its head for page
//!    furniture that precedes the body: bylines (`By Jane Doe, CNN`,
//!    `By . Daily Mail Reporter .`), publication stamps (`PUBLISHED: ...`,
//!    `Last updated at ...`) and datelines (`WASHINGTON (CNN) --`, `(CNN)`).
//!    Then the rest is scanned with `memchr` for `.`, `?`, `!`, `…` and line
//!    breaks (a line break ends a sentence only before a bullet or numbered
//!    list item; the `• `, `- `, `1. ` markers themselves are left out of the
//!    sentence span). A candidate is a boundary only if it is followed (after any
//!    closing quotes or brackets, which stay with the sentence) by white space,
//!    and the decision then looks at the token before and the word after:
//!    known abbreviations (`Mr.`, `Sen.`, `Inc.`, `U.S.`, `a.m.`), initials
//!    (`George W. Bush`, `J.K. Rowling`) and number prefixes (`No. 1`) do not
//!    end a sentence unless, for the weaker ones, the next word is a plausible
//!    sentence opener (`The`, `He`, `It`...). Decimals, URLs and e-mail
//!    addresses never have white space after their dots, so they never split.
//!    Each finished sentence is finally checked for furniture (`Scroll down
//!    for video`, photo credits, `READ MORE:`, `... contributed to this
//!    report.`), which keeps its span but gets a non-body [`SentenceKind`].
//!
//! # Trade-offs
//!
//! * Capitalization is the strongest signal in cased text, so a lowercase word
//!   after `. ` does not start a sentence there (it protects unknown
//!   abbreviations such as `approx. five`). Text written without capitals is
//!   detected up front from the words that follow `. `, `? ` and `! ` (mostly
//!   lowercase there), and switches to "lowercase mode": every `. ` splits
//!   unless the token before it is a known abbreviation or an initial, and
//!   abbreviations like `u.s.` split only before a short list of pronouns and
//!   determiners. Sentences that really start with a lowercase word (`iPhone
//!   sales...`) are therefore missed in cased text.
//! * Abbreviations that can also end a sentence (`U.S.`, `Inc.`, `Jr.`, month
//!   names) rely on a fixed list of sentence openers; a sentence that starts
//!   with a name right after one of them (`... in the U.S. Obama said`) stays
//!   joined. Joining is the cheaper error for extractive summaries.
//! * An ellipsis splits only before a capitalized word; `?` and `!` do not split
//!   before a lowercase word (`"Why?" he asked`). Closing quotes and brackets
//!   stay with the sentence they close, even a `”` cut off by a space.
//! * Furniture detection only ever labels a whole segment; it never drops
//!   text. Bylines and datelines are only recognized at the head of a
//!   paragraph, and only with tight shapes (known agency tags, names followed
//!   by an outlet), so that a body sentence such as `By the time ...` is left
//!   alone.
//! * A run without any sentence punctuation is cut at the first line break or
//!   white space after [`SOFT_CAP`] bytes (and, with no white space at all,
//!   at a char boundary a few KB later), so that later stages never see a
//!   single unbounded sentence.

use super::{Segmented, Segmenter, Sentence, SentenceKind};
use crate::{Document, Span};

/// Sentences longer than this many bytes are cut at the next line break or
/// white space.
const SOFT_CAP: usize = 1000;
/// Without any white space after [`SOFT_CAP`], cut this many bytes later.
const HARD_CAP: usize = 4096;

/// Rule-based sentence segmenter for English news.
///
/// The rules and their trade-offs are described in the documentation of the
/// `segment::rules` source file.
///
/// ```
/// use nutgraf_core::segment::{NewsSegmenter, Segmenter, SentenceKind};
/// use nutgraf_core::Document;
///
/// let doc = Document::new("WASHINGTON (CNN) -- Mr. Smith left the U.S. on Monday. He was tired.");
/// let seg = NewsSegmenter::default().segment(&doc);
/// assert_eq!(seg.sentences[0].kind, SentenceKind::Dateline);
/// assert_eq!(seg.sentence_text(1), "Mr. Smith left the U.S. on Monday.");
/// assert_eq!(seg.sentence_text(2), "He was tired.");
/// ```
#[derive(Clone, Debug, Default)]
pub struct NewsSegmenter {}

impl Segmenter for NewsSegmenter {
    fn segment<'d>(&self, doc: &'d Document) -> Segmented<'d> {
        let text = doc.text.as_str();
        let mut run = Run {
            text,
            b: text.as_bytes(),
            lower: is_lowercase_text(text.as_bytes()),
            sentences: Vec::with_capacity(text.len() / 128 + 1),
        };
        let paragraphs = split_paragraphs(text);
        for (pi, p) in paragraphs.iter().enumerate() {
            run.paragraph(p.start, p.end, pi);
        }
        let mut seg = Segmented {
            doc,
            paragraphs,
            sentences: run.sentences,
            title_span: None,
        };
        super::transcript::mark(&mut seg);
        seg
    }
}

// ---------------------------------------------------------------------------
// Paragraphs

/// Splits `text` into trimmed, non-empty paragraph spans (see module docs).
fn split_paragraphs(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    if memchr::memchr(b'\n', b).is_none() {
        push_trimmed(text, 0, b.len(), &mut out);
        return out;
    }
    let by_blank = has_inner_blank_line(text);
    let mut para: Option<(usize, usize)> = None;
    for (s, e) in lines(b) {
        if text[s..e].trim().is_empty() {
            if let Some((ps, pe)) = para.take() {
                push_trimmed(text, ps, pe, &mut out);
            }
        } else if by_blank {
            para = Some((para.map_or(s, |p| p.0), e));
        } else {
            push_trimmed(text, s, e, &mut out);
        }
    }
    if let Some((ps, pe)) = para {
        push_trimmed(text, ps, pe, &mut out);
    }
    out
}

/// Iterates over `(start, end)` of each line, without the `\n`.
fn lines(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let s = start;
        match memchr::memchr(b'\n', &b[s..]) {
            Some(k) => {
                start = s + k + 1;
                Some((s, s + k))
            }
            None => {
                done = true;
                Some((s, b.len()))
            }
        }
    })
}

/// True when some blank line has non-blank lines both before and after it.
fn has_inner_blank_line(text: &str) -> bool {
    let mut seen_content = false;
    let mut pending_blank = false;
    for (s, e) in lines(text.as_bytes()) {
        if text[s..e].trim().is_empty() {
            pending_blank = seen_content;
        } else if pending_blank {
            return true;
        } else {
            seen_content = true;
        }
    }
    false
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<Span>) {
    if let Some(span) = trim_span(text, s, e) {
        out.push(span);
    }
}

/// The span `s..e` without surrounding white space, or `None` when empty.
fn trim_span(text: &str, s: usize, e: usize) -> Option<Span> {
    let sub = text.get(s..e)?;
    let t = sub.trim_start();
    let start = s + (sub.len() - t.len());
    let t = t.trim_end();
    (!t.is_empty()).then(|| Span::new(start, start + t.len()))
}

/// True for text written without capitals, where "lowercase mode" applies.
///
/// The direct evidence is the word after `. `, `? ` or `! `: in cased text it
/// is nearly always capitalized, in lowercase text nearly never. Short texts
/// with fewer than two such places fall back on the share of capital letters.
fn is_lowercase_text(b: &[u8]) -> bool {
    let sample = &b[..b.len().min(32 * 1024)];
    let (mut up, mut low) = (0usize, 0usize);
    for k in memchr::memchr3_iter(b'.', b'?', b'!', sample) {
        if sample.get(k + 1) != Some(&b' ') {
            continue;
        }
        match sample.get(k + 2) {
            Some(c) if c.is_ascii_uppercase() => up += 1,
            Some(c) if c.is_ascii_lowercase() => low += 1,
            _ => {}
        }
    }
    if up + low >= 2 {
        return low > up;
    }
    let upper = sample.iter().filter(|c| c.is_ascii_uppercase()).count();
    let lower = sample.iter().filter(|c| c.is_ascii_lowercase()).count();
    lower >= 12 && upper * 100 < lower
}

// ---------------------------------------------------------------------------
// Byte helpers

/// Length of the white space character at `i` (ASCII, NBSP, Unicode spaces),
/// or 0.
#[inline]
fn space_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) => 1,
        Some(0xc2) if b.get(i + 1) == Some(&0xa0) => 2,
        Some(0xe2) if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
            Some(0x80..=0x8a | 0xa8 | 0xa9 | 0xaf) => 3,
            _ => 0,
        },
        Some(0xe3) if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => 3,
        _ => 0,
    }
}

/// Skips white space from `i`, not past `end`.
#[inline]
fn skip_space(b: &[u8], mut i: usize, end: usize) -> usize {
    while i < end {
        match space_len(b, i) {
            0 => break,
            n => i += n,
        }
    }
    i.min(end)
}

/// Length of a closing quote or bracket at `i`, or 0.
#[inline]
fn closer_len(b: &[u8], i: usize, end: usize) -> usize {
    if i >= end {
        return 0;
    }
    match b[i] {
        b'"' | b'\'' | b')' | b']' => 1,
        // ” ’ ›
        0xe2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9d | 0x99 | 0xba)) => {
            3
        }
        // »
        0xc2 if b.get(i + 1) == Some(&0xbb) => 2,
        _ => 0,
    }
}

/// Length of an opening quote or bracket at `i`, or 0.
#[inline]
fn opener_len(b: &[u8], i: usize, end: usize) -> usize {
    if i >= end {
        return 0;
    }
    match b[i] {
        b'"' | b'\'' | b'(' | b'[' => 1,
        // “ ‘ ‹ „ (German and Polish open with „ and close with “)
        0xe2 if b.get(i + 1) == Some(&0x80)
            && matches!(b.get(i + 2), Some(0x9c | 0x98 | 0xb9 | 0x9e)) =>
        {
            3
        }
        // «
        0xc2 if b.get(i + 1) == Some(&0xab) => 2,
        _ => 0,
    }
}

#[inline]
fn is_ellipsis(b: &[u8], i: usize, end: usize) -> bool {
    i + 3 <= end && b[i] == 0xe2 && b[i + 1] == 0x80 && b[i + 2] == 0xa6
}

/// ASCII case-insensitive prefix test.
#[inline]
fn starts_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

/// The run of ASCII letters starting at `i`.
fn word_at(b: &[u8], i: usize, end: usize) -> &[u8] {
    let mut j = i;
    while j < end && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    &b[i..j]
}

/// Length of a list marker (`• `, `- `, `* `, `1. `, `2) `, `(3) `) at `i`,
/// including the white space after it, or 0.
fn list_marker_len(b: &[u8], i: usize, end: usize) -> usize {
    let mark = match b.get(i) {
        Some(b'-' | b'*') => 1,
        // • ‣ – and the geometric bullets ▪ ► ● ◦
        Some(0xe2) => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0xa2 | 0xa3 | 0x93)) => 3,
            (Some(0x96), Some(0xaa | 0xba)) => 3,
            (Some(0x97), Some(0x8f | 0xa6)) => 3,
            _ => 0,
        },
        // ·
        Some(0xc2) if b.get(i + 1) == Some(&0xb7) => 2,
        Some(b'0'..=b'9' | b'(') => {
            let paren = b[i] == b'(';
            let mut j = i + usize::from(paren);
            let d = j;
            while j < end && j - d < 3 && b[j].is_ascii_digit() {
                j += 1;
            }
            let ok = j > d
                && j < end
                && if paren {
                    b[j] == b')'
                } else {
                    b[j] == b'.' || b[j] == b')'
                };
            if ok {
                j + 1 - i
            } else {
                0
            }
        }
        _ => 0,
    };
    if mark == 0 || i + mark >= end {
        return 0;
    }
    let after = skip_space(b, i + mark, end);
    if after == i + mark || after >= end || b[i + mark] == b'\n' {
        return 0;
    }
    after - i
}

// ---------------------------------------------------------------------------
// Word lists

/// How a token before a `.` behaves.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Abbr {
    /// Never ends a sentence (`Mr.`, `Sen.`, `vs.`).
    Strong,
    /// Ends a sentence only before a plausible opener (`Inc.`, `U.S.`, `Jr.`).
    Weak,
    /// Time of day: ends a sentence before any capitalized word but a zone.
    Time,
    /// Usually ends a list (`etc.`): ends a sentence before any capitalized
    /// word; in lowercase text only before a plausible opener.
    Trailing,
    /// Not an abbreviation before a digit (`No. 1`), an ordinary word otherwise.
    Number,
    /// An ordinary word.
    Word,
}

/// Classifies the token `tok` (ASCII letters and dots, no final dot).
fn abbrev_kind(tok: &[u8], lower_mode: bool) -> Abbr {
    let n = tok.len();
    if n == 0 {
        return Abbr::Word;
    }
    if tok.contains(&b'.') {
        // Dotted initialisms: every piece one or two letters (U.S, a.m, J.K, Ph.D).
        let short = tok
            .split(|&c| c == b'.')
            .all(|p| !p.is_empty() && p.len() <= 2);
        if !short {
            return Abbr::Word;
        }
        if tok.eq_ignore_ascii_case(b"a.m") || tok.eq_ignore_ascii_case(b"p.m") {
            return Abbr::Time;
        }
        return Abbr::Weak;
    }
    if n == 1 {
        return if tok[0].is_ascii_alphabetic() {
            Abbr::Weak
        } else {
            Abbr::Word
        };
    }
    if n > 7 {
        return Abbr::Word;
    }
    let all_lower = tok.iter().all(u8::is_ascii_lowercase);
    let all_upper = tok.iter().all(u8::is_ascii_uppercase);
    let capitalized = tok[0].is_ascii_uppercase() && tok[1..].iter().all(u8::is_ascii_lowercase);
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(tok) {
        *d = s.to_ascii_lowercase();
    }
    let low = &buf[..n];
    match low {
        // Titles and ranks: written capitalized; lowercase only in lowercase text.
        b"mr" | b"mrs" | b"ms" | b"dr" | b"prof" | b"sen" | b"sens" | b"rep" | b"reps" | b"gov"
        | b"govs" | b"gen" | b"gens" | b"lt" | b"col" | b"capt" | b"cpt" | b"sgt" | b"maj"
        | b"adm" | b"cmdr" | b"cdr" | b"rev" | b"revd" | b"hon" | b"pres" | b"supt" | b"det"
        | b"insp" | b"cpl" | b"pvt" | b"pte" | b"messrs" | b"mme" | b"brig" | b"atty" | b"rt"
        | b"fr" | b"sra" | b"mlle" => {
            if capitalized || (all_lower && lower_mode) {
                Abbr::Strong
            } else {
                Abbr::Word
            }
        }
        // Places, companies, generations, months: can end a sentence.
        b"st" | b"jr" | b"sr" | b"mt" | b"ft" | b"ave" | b"blvd" | b"rd" | b"dept" | b"univ"
        | b"assn" | b"bros" | b"inc" | b"corp" | b"co" | b"ltd" | b"plc" | b"cos" | b"esq"
        | b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept"
        | b"oct" | b"nov" | b"dec" => {
            if capitalized || all_upper || (all_lower && lower_mode) {
                Abbr::Weak
            } else {
                Abbr::Word
            }
        }
        // Written in lowercase.
        b"vs" | b"cf" | b"viz" => {
            if all_lower || capitalized {
                Abbr::Strong
            } else {
                Abbr::Word
            }
        }
        b"etc" => {
            if all_lower || capitalized {
                Abbr::Trailing
            } else {
                Abbr::Word
            }
        }
        b"al" | b"approx" | b"ca" | b"est" | b"incl" => {
            if all_lower || capitalized {
                Abbr::Weak
            } else {
                Abbr::Word
            }
        }
        b"no" | b"nos" | b"nr" | b"vol" | b"fig" | b"art" | b"ch" | b"pt" | b"op" | b"pp" => {
            Abbr::Number
        }
        // US states in AP style: only when capitalized (`ill.`, `mass.` are words).
        b"ala" | b"ariz" | b"ark" | b"calif" | b"colo" | b"conn" | b"del" | b"fla" | b"ga"
        | b"ill" | b"ind" | b"kan" | b"kans" | b"ky" | b"la" | b"md" | b"mass" | b"mich"
        | b"minn" | b"miss" | b"mo" | b"mont" | b"neb" | b"nev" | b"okla" | b"ore" | b"pa"
        | b"penn" | b"tenn" | b"tex" | b"va" | b"vt" | b"wash" | b"wis" | b"wyo" => {
            if capitalized {
                Abbr::Weak
            } else {
                Abbr::Word
            }
        }
        _ => Abbr::Word,
    }
}

/// Capitalized words that commonly open a sentence and rarely continue a name
/// after `U.S.`, `Inc.` or `Jr.`.
const STARTERS: &[&[u8]] = &[
    b"A",
    b"About",
    b"According",
    b"After",
    b"Again",
    b"All",
    b"Also",
    b"Although",
    b"Among",
    b"An",
    b"And",
    b"Another",
    b"Are",
    b"As",
    b"At",
    b"Authorities",
    b"Because",
    b"Before",
    b"Both",
    b"But",
    b"Can",
    b"Despite",
    b"Did",
    b"During",
    b"Each",
    b"Earlier",
    b"Even",
    b"Every",
    b"For",
    b"From",
    b"He",
    b"Her",
    b"Here",
    b"His",
    b"How",
    b"However",
    b"I",
    b"If",
    b"In",
    b"Instead",
    b"Is",
    b"It",
    b"Its",
    b"Last",
    b"Later",
    b"Many",
    b"Meanwhile",
    b"More",
    b"Most",
    b"My",
    b"Now",
    b"Officials",
    b"On",
    b"One",
    b"Only",
    b"Our",
    b"She",
    b"Since",
    b"So",
    b"Some",
    b"Still",
    b"That",
    b"The",
    b"Their",
    b"Then",
    b"There",
    b"These",
    b"They",
    b"This",
    b"Those",
    b"Though",
    b"Thus",
    b"To",
    b"We",
    b"What",
    b"When",
    b"Where",
    b"While",
    b"Why",
    b"With",
    b"Yet",
    b"You",
];

/// Lowercase openers trusted after an abbreviation in lowercase text.
const LOWER_STARTERS: &[&[u8]] = &[
    b"but",
    b"he",
    b"her",
    b"his",
    b"however",
    b"i",
    b"it",
    b"its",
    b"meanwhile",
    b"our",
    b"she",
    b"the",
    b"their",
    b"then",
    b"there",
    b"these",
    b"they",
    b"this",
    b"we",
    b"you",
];

/// Words after `a.m.` / `p.m.` that continue the time expression.
const TIME_FOLLOWERS: &[&[u8]] = &[
    b"BST",
    b"CET",
    b"CST",
    b"CDT",
    b"EDT",
    b"EST",
    b"ET",
    b"Eastern",
    b"GMT",
    b"Friday",
    b"Local",
    b"Monday",
    b"PDT",
    b"PST",
    b"PT",
    b"Pacific",
    b"Saturday",
    b"Sunday",
    b"Thursday",
    b"Tuesday",
    b"UTC",
    b"Wednesday",
];

/// Source tags that make `(TAG)` at the head of a paragraph a dateline.
const AGENCIES: &[&str] = &[
    "AFP",
    "AP",
    "BBC",
    "Billboard",
    "Bloomberg",
    "CNET",
    "CNN",
    "CNN Money",
    "CNN Student News",
    "CNNMoney",
    "EW",
    "Entertainment Weekly",
    "Fortune",
    "HLN",
    "HLNtv",
    "Mashable",
    "PA",
    "Reuters",
    "Rolling Stone",
    "TIME",
    "The Hollywood Reporter",
    "UPI",
    "Variety",
    "WIRED",
    "Xinhua",
];

/// Words that end a byline (`..., CNN`, `... for MailOnline`).
const OUTLETS: &[&[u8]] = &[
    b"AFP",
    b"AP",
    b"BBC",
    b"CNN",
    b"Correspondent",
    b"Editor",
    b"Guardian",
    b"MailOnline",
    b"Mail",
    b"News",
    b"Online",
    b"Post",
    b"Press",
    b"Reporter",
    b"Reporters",
    b"Reuters",
    b"Telegraph",
    b"Times",
    b"Writer",
];

/// Words that end a photo credit (`Photo: Getty Images`).
const CREDIT_ENDS: &[&[u8]] = &[
    b"AFP",
    b"AP",
    b"Alamy",
    b"Corbis",
    b"EPA",
    b"Features",
    b"Images",
    b"PA",
    b"Reuters",
    b"Rex",
    b"Shutterstock",
];

const MONTHS: &[&[u8]] = &[
    b"apr",
    b"april",
    b"aug",
    b"august",
    b"dec",
    b"december",
    b"feb",
    b"february",
    b"jan",
    b"january",
    b"jul",
    b"july",
    b"jun",
    b"june",
    b"mar",
    b"march",
    b"may",
    b"nov",
    b"november",
    b"oct",
    b"october",
    b"sep",
    b"sept",
    b"september",
];

const STAMP_WORDS: &[&[u8]] = &[
    b"am",
    b"at",
    b"bst",
    b"cet",
    b"edt",
    b"est",
    b"et",
    b"friday",
    b"gmt",
    b"monday",
    b"on",
    b"pm",
    b"pst",
    b"saturday",
    b"sunday",
    b"thursday",
    b"tuesday",
    b"utc",
    b"wednesday",
];

/// Months in the languages that write a day as an ordinal with a period
/// (`1. März`, `3. května`): German, Danish, Norwegian and Czech spellings,
/// lowercased. English ones that differ are left out (`was 2. March
/// will tell` is two sentences).
const ORDINAL_MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "marts",
    "maj",
    "mars",
    "desember",
    "ledna",
    "února",
    "března",
    "dubna",
    "května",
    "června",
    "července",
    "srpna",
    "září",
    "října",
    "listopadu",
    "prosince",
];

/// True when the text before the period at `i` is a day's number: one or
/// two digits after a space (or the sentence's start).
fn day_ordinal(b: &[u8], start: usize, i: usize) -> bool {
    let mut t = i;
    while t > start && b[t - 1].is_ascii_digit() {
        t -= 1;
    }
    (1..=2).contains(&(i - t)) && (t == start || b[t - 1] == b' ')
}

/// True when the word at byte `p` of `text` is a month name.
fn is_month_name(text: &str, p: usize) -> bool {
    let word: String = text
        .get(p..)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(12)
        .flat_map(char::to_lowercase)
        .collect();
    ORDINAL_MONTHS.contains(&word.as_str())
}

#[inline]
fn in_list(list: &[&[u8]], w: &[u8]) -> bool {
    list.contains(&w)
}

// ---------------------------------------------------------------------------
// Sentences

/// What follows a sentence-ending candidate.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Next {
    End,
    Upper,
    Lower,
    Digit,
    Other,
}

/// State of one segmentation run.
struct Run<'t> {
    text: &'t str,
    b: &'t [u8],
    lower: bool,
    sentences: Vec<Sentence>,
}

impl Run<'_> {
    fn emit(&mut self, s: usize, e: usize, paragraph: usize, kind: SentenceKind) {
        if let Some(span) = trim_span(self.text, s, e) {
            self.sentences.push(Sentence {
                span,
                paragraph,
                kind,
            });
        }
    }

    /// Segments the paragraph `ps..pe` (already trimmed).
    fn paragraph(&mut self, ps: usize, pe: usize, pi: usize) {
        let b = self.b;
        let mut pos = ps;
        // Head furniture: at most a few items (byline, stamps, dateline).
        for _ in 0..6 {
            pos = skip_space(b, pos, pe);
            if pos >= pe {
                return;
            }
            let item = self
                .byline(pos, pe)
                .map(|e| (e, SentenceKind::Byline))
                .or_else(|| self.stamp(pos, pe).map(|e| (e, SentenceKind::Byline)))
                .or_else(|| self.dateline(pos, pe).map(|e| (e, SentenceKind::Dateline)));
            match item {
                Some((end, kind)) if end > pos => {
                    self.emit(pos, end, pi, kind);
                    pos = end;
                }
                _ => break,
            }
        }
        while pos < pe {
            pos = skip_space(b, pos, pe);
            if pos >= pe {
                break;
            }
            pos += list_marker_len(b, pos, pe);
            if let Some(end) = self.photo_paren(pos, pe) {
                self.emit(pos, end, pi, SentenceKind::Furniture);
                pos = end;
                continue;
            }
            let mut end = self.sentence_end(pos, pe).max(pos + 1);
            while end < pe && !self.text.is_char_boundary(end) {
                end += 1;
            }
            let kind = self.classify(pos, end);
            if kind == SentenceKind::Furniture && is_credit(&b[pos..end]) {
                end = self.credit_end(pos, end);
            }
            self.emit(pos, end, pi, kind);
            pos = end;
        }
    }

    /// End (exclusive) of the sentence starting at `start`.
    fn sentence_end(&self, start: usize, pe: usize) -> usize {
        let limit = pe.min(start + SOFT_CAP);
        if let Some(e) = self.scan(start, limit, pe) {
            return e;
        }
        if limit >= pe {
            return pe;
        }
        // Forced cut: prefer a line break soon after the cap, then any space.
        let b = self.b;
        let hard = pe.min(limit + HARD_CAP);
        if let Some(k) = memchr::memchr(b'\n', &b[limit..pe.min(limit + 200)]) {
            return limit + k;
        }
        let mut j = limit;
        while j < hard {
            if space_len(b, j) > 0 {
                return j;
            }
            j += 1;
        }
        while j < pe && !self.text.is_char_boundary(j) {
            j += 1;
        }
        j
    }

    /// Looks for a boundary candidate in `start..limit` and decides it.
    fn scan(&self, start: usize, limit: usize, pe: usize) -> Option<usize> {
        let b = self.b;
        let mut i = start;
        // Next position of each kind of candidate, found with memchr and
        // refreshed only once `i` has passed it, so the scan stays linear.
        let find = |f: fn(&[u8]) -> Option<usize>, from: usize| {
            b.get(from..limit).and_then(f).map_or(limit, |k| from + k)
        };
        let punct: fn(&[u8]) -> Option<usize> = |h| memchr::memchr3(b'.', b'?', b'!', h);
        let other: fn(&[u8]) -> Option<usize> = |h| memchr::memchr2(b'\n', 0xe2, h);
        let (mut next_punct, mut next_other) = (find(punct, i), find(other, i));
        loop {
            if next_punct < i {
                next_punct = find(punct, i);
            }
            if next_other < i {
                next_other = find(other, i);
            }
            i = next_punct.min(next_other);
            if i >= limit {
                break;
            }
            let c = b[i];
            if c == b'\n' {
                let mut j = i + 1;
                while j < pe && matches!(b[j], b' ' | b'\t' | b'\r') {
                    j += 1;
                }
                if list_marker_len(b, j, pe) > 0 {
                    return Some(i);
                }
                i += 1;
                continue;
            }
            // The run of terminal punctuation.
            let mut j = i;
            let (mut dots, mut qe, mut ell) = (0usize, false, false);
            loop {
                if j < pe && b[j] == b'.' {
                    dots += 1;
                    j += 1;
                } else if j < pe && (b[j] == b'?' || b[j] == b'!') {
                    qe = true;
                    j += 1;
                } else if is_ellipsis(b, j, pe) {
                    ell = true;
                    j += 3;
                } else {
                    break;
                }
            }
            if j == i {
                i += 1;
                continue;
            }
            let mut k = j;
            let mut closers = false;
            loop {
                match closer_len(b, k, pe) {
                    0 => break,
                    n => {
                        k += n;
                        closers = true;
                    }
                }
            }
            if k < pe && space_len(b, k) == 0 {
                if !closers && self.glued_boundary(i, j, dots, qe || ell, pe) {
                    return Some(j);
                }
                i = j;
                continue;
            }
            // A closing quote cut off by a space belongs to this sentence: a
            // right quote `”` anywhere, a straight `"` only at the end of the
            // paragraph (elsewhere it may as well open the next sentence).
            let q = skip_space(b, k, pe);
            let ql = match b.get(q) {
                Some(b'"') if q + 1 == pe => 1,
                Some(0xe2) if b.get(q + 1) == Some(&0x80) && b.get(q + 2) == Some(&0x9d) => 3,
                _ => 0,
            };
            if ql > 0 && q + ql <= pe && (q + ql == pe || space_len(b, q + ql) > 0) {
                k = q + ql;
                closers = true;
            }
            if self.is_boundary(start, i, dots, qe, ell || dots > 1, closers, k, pe) {
                return Some(k);
            }
            i = j;
        }
        None
    }

    /// Decides a candidate: terminal run at `i` (`dots` periods, `qe` for `?`
    /// or `!`, `ell` for an ellipsis), closing quotes up to `k`.
    #[allow(clippy::too_many_arguments)]
    fn is_boundary(
        &self,
        start: usize,
        i: usize,
        dots: usize,
        qe: bool,
        ell: bool,
        closers: bool,
        k: usize,
        pe: usize,
    ) -> bool {
        let b = self.b;
        // The next word, past white space and opening quotes.
        let mut p = skip_space(b, k, pe);
        for _ in 0..4 {
            match opener_len(b, p, pe) {
                0 => break,
                n => p += n,
            }
        }
        let next = if p >= pe {
            Next::End
        } else {
            match self.text.get(p..).and_then(|s| s.chars().next()) {
                Some(ch) if ch.is_uppercase() => Next::Upper,
                Some(ch) if ch.is_lowercase() => Next::Lower,
                Some(ch) if ch.is_ascii_digit() => Next::Digit,
                _ => Next::Other,
            }
        };
        if next == Next::End {
            return true;
        }
        if qe {
            return match next {
                Next::Lower => self.lower && !closers,
                _ => true,
            };
        }
        if ell {
            return next == Next::Upper && !self.lower;
        }
        debug_assert_eq!(dots, 1);
        let word = word_at(b, p, pe);
        let ordinary = match next {
            Next::Lower => self.lower,
            _ => true,
        };
        // The token before the period: ASCII letters and dots.
        let mut t = i;
        while t > start && (b[t - 1].is_ascii_alphabetic() || b[t - 1] == b'.') {
            t -= 1;
        }
        let tok = &b[t..i];
        if tok.is_empty() {
            // `am 1. März`, `bis zum 15. August`: a day's number with the
            // period of an ordinal, then a month, ends no sentence.
            if day_ordinal(b, start, i) && next == Next::Upper && is_month_name(self.text, p) {
                return false;
            }
            // A number, a closing bracket or an isolated period (`. . .`).
            if t > 0 && space_len(b, t - 1) > 0 && next == Next::Other && b.get(p) == Some(&b'.') {
                return false;
            }
            return ordinary;
        }
        if t > start && self.glued(t) {
            return ordinary;
        }
        if closers {
            return ordinary;
        }
        match abbrev_kind(tok, self.lower) {
            Abbr::Strong => false,
            Abbr::Number => next != Next::Digit && ordinary,
            Abbr::Weak => {
                if self.lower {
                    next == Next::Lower && in_list(LOWER_STARTERS, word)
                } else {
                    next == Next::Upper && in_list(STARTERS, word)
                }
            }
            Abbr::Trailing => match next {
                Next::Upper => true,
                Next::Lower => self.lower && in_list(LOWER_STARTERS, word),
                _ => false,
            },
            Abbr::Time => match next {
                Next::Upper => !in_list(TIME_FOLLOWERS, word),
                Next::Lower => self.lower && in_list(LOWER_STARTERS, word),
                _ => false,
            },
            Abbr::Word => ordinary,
        }
    }

    /// A period with no space after it that still ends a sentence, as in
    /// `the court heard.Shocking details emerged` (a typo common in
    /// scraped news): one period after a lowercase word of two or more
    /// letters, then a capitalized word of lowercase letters that is not
    /// part of a domain, path or address (`example.Com/x`, `a.Bc@d`).
    fn glued_boundary(&self, i: usize, j: usize, dots: usize, other: bool, pe: usize) -> bool {
        let b = self.b;
        if self.lower || dots != 1 || other || j + 2 > pe {
            return false;
        }
        let mut t = i;
        while t > 0 && b[t - 1].is_ascii_lowercase() {
            t -= 1;
        }
        if i - t < 2 || (t > 0 && !matches!(b[t - 1], b' ' | b'\t' | b'\n' | b'(' | b'"' | b'\'')) {
            return false;
        }
        if !(b[j].is_ascii_uppercase() && b[j + 1].is_ascii_lowercase()) {
            return false;
        }
        let mut e = j + 1;
        while e < pe && b[e].is_ascii_lowercase() {
            e += 1;
        }
        e == pe
            || matches!(b[e], b' ' | b',' | b'\'' | b'\n')
            || (b[e] >= 0x80 && space_len(b, e) > 0)
    }

    /// True when the token starting at `t` is glued to what precedes it
    /// (`jane@example.com`, `$1.5bn`, `O'Neill`), so it is no abbreviation.
    fn glued(&self, t: usize) -> bool {
        let Some(before) = self.text.get(..t) else {
            return true;
        };
        let mut it = before.chars().rev();
        match it.next() {
            Some(c) if c.is_alphanumeric() => true,
            Some('@' | '/' | '_' | '\\' | '&' | '+' | '=') => true,
            Some('\'' | '’') => it.next().is_some_and(char::is_alphanumeric),
            _ => false,
        }
    }

    /// A whole `(Photo by ...)` credit at `pos`: its end.
    fn photo_paren(&self, pos: usize, pe: usize) -> Option<usize> {
        let b = &self.b[pos..pe];
        if b.first() != Some(&b'(') {
            return None;
        }
        let rest = &b[1..];
        let credit = [&b"photo"[..], b"picture", b"image", b"video", b"credit"]
            .iter()
            .any(|w| starts_ci(rest, w));
        if !credit {
            return None;
        }
        let close = memchr::memchr(b')', &b[..b.len().min(300)])?;
        let mut end = pos + close + 1;
        if self.b.get(end) == Some(&b'.') && end < pe {
            end += 1;
        }
        Some(end)
    }

    /// For a credit line (`Photo: Getty Images The ...`), the end of the
    /// credit if an agency name closes it before `end`.
    fn credit_end(&self, pos: usize, end: usize) -> usize {
        let b = self.b;
        for (n, (s, e)) in tokens(b, pos, end).enumerate() {
            if n > 12 {
                break;
            }
            let core = trim_punct(&b[s..e]);
            if in_list(CREDIT_ENDS, core) {
                let rest = skip_space(b, e, end);
                // Only cut when what follows starts like a sentence.
                if rest < end && b[rest].is_ascii_uppercase() {
                    return e;
                }
                return end;
            }
        }
        end
    }

    /// Kind of the body segment `s..e`.
    fn classify(&self, s: usize, e: usize) -> SentenceKind {
        let t = &self.b[s..e];
        const PREFIXES: &[&[u8]] = &[
            b"scroll down",
            b"video:",
            b"videos:",
            b"photo:",
            b"photos:",
            b"picture:",
            b"pictures:",
            b"image:",
            b"images:",
            b"photograph:",
            b"photo credit",
            b"share this article",
            b"share or comment on this article",
            b"click here",
            b"read more:",
            b"read more here",
            b"read more at",
            b"follow us on",
            b"follow @",
        ];
        if PREFIXES.iter().any(|p| starts_ci(t, p)) {
            return SentenceKind::Furniture;
        }
        let core = trim_punct(t);
        if core.eq_ignore_ascii_case(b"advertisement") {
            return SentenceKind::Furniture;
        }
        if starts_ci(t, b"follow ")
            && t.len() < 120
            && (t.contains(&b'@')
                || [&b"on twitter"[..], b"on instagram", b"on facebook"]
                    .iter()
                    .any(|w| {
                        core.len() >= w.len()
                            && core[core.len() - w.len()..].eq_ignore_ascii_case(w)
                    }))
        {
            return SentenceKind::Furniture;
        }
        if t.len() < 400 {
            if let Some(k) = memchr::memmem::find(t, b"contributed ") {
                let rest = &t[k + 12..];
                let tails = [
                    &b"to this report"[..],
                    b"to this story",
                    b"to this article",
                    b"reporting",
                ];
                if tails.iter().any(|w| starts_ci(rest, w)) {
                    return SentenceKind::Furniture;
                }
            }
        }
        SentenceKind::Body
    }

    // -----------------------------------------------------------------------
    // Head furniture

    /// A byline at `pos` (`By Jane Doe, CNN`): its end.
    fn byline(&self, pos: usize, pe: usize) -> Option<usize> {
        let b = self.b;
        if !(starts_ci(&b[pos..pe], b"by ") || starts_ci(&b[pos..pe], b"by\xc2\xa0"))
            || b[pos] != b'B'
        {
            return None;
        }
        let mut names = 0;
        let mut last_end = pos + 2;
        let mut outlet_end = None;
        let mut seen_sep = false;
        let mut prev_for = false;
        let mut toks = tokens(b, pos + 2, pe).take(24).peekable();
        let mut prev_end = pos + 2;
        while let Some((s, e)) = toks.next() {
            if s - pos > 240 {
                return outlet_end;
            }
            // A line break inside the paragraph ends the byline.
            if names > 0 && memchr::memchr(b'\n', &b[prev_end..s]).is_some() {
                return Some(last_end);
            }
            prev_end = e;
            let tok = &b[s..e];
            if tok == b"." || tok == b"|" {
                if names > 0 && tok == b"." {
                    // `By . Jane Doe . and John Smith .` continues after `and`.
                    match toks.peek() {
                        Some(&(ns, ne)) if &b[ns..ne] == b"and" => {
                            last_end = e;
                            seen_sep = true;
                            continue;
                        }
                        _ => return Some(e),
                    }
                }
                seen_sep = true;
                continue;
            }
            let comma = tok.last() == Some(&b',');
            let core = if comma { &tok[..tok.len() - 1] } else { tok };
            if core.is_empty() {
                continue;
            }
            let connector = matches!(
                core,
                b"and"
                    | b"&"
                    | b"for"
                    | b"of"
                    | b"in"
                    | b"at"
                    | b"de"
                    | b"van"
                    | b"von"
                    | b"der"
                    | b"da"
                    | b"le"
                    | b"la"
                    | b"-"
                    | b"\xe2\x80\x94"
                    | b"\xe2\x80\x93"
            ) || (core == b"the" && prev_for);
            if connector {
                prev_for = core == b"for";
                seen_sep |= prev_for || comma;
                continue;
            }
            prev_for = false;
            if !core[0].is_ascii_uppercase() || core.last() == Some(&b':') {
                break;
            }
            names += 1;
            last_end = e;
            if core.len() > 2 && core.last() == Some(&b'.') {
                // `CNN.` or `MailOnline.`: a name ending a sentence.
                let dots = core.iter().filter(|&&c| c == b'.').count();
                if dots == 1 {
                    return Some(e);
                }
            }
            let word = trim_punct(core);
            if in_list(OUTLETS, word)
                && (seen_sep || matches!(word, b"MailOnline" | b"Reporter" | b"Correspondent"))
            {
                outlet_end = Some(e);
            }
            seen_sep |= comma;
        }
        if toks.peek().is_none() && names > 0 && skip_space(b, prev_end, pe) >= pe {
            return Some(last_end);
        }
        outlet_end
    }

    /// A publication stamp at `pos` (`PUBLISHED: . 12:01 EST, 5 April 2015 .`):
    /// its end.
    fn stamp(&self, pos: usize, pe: usize) -> Option<usize> {
        let b = self.b;
        let head = &b[pos..pe];
        let keyword = |t: &[u8]| {
            [&b"published:"[..], b"updated:", b"posted:"]
                .iter()
                .any(|k| t.eq_ignore_ascii_case(k))
        };
        let starts = [&b"published:"[..], b"updated:", b"posted:", b"last updated"]
            .iter()
            .any(|k| starts_ci(head, k))
            // `Updated 1732 GMT (0132 HKT) April 5, 2015`: the keyword, then a number.
            || ([&b"updated "[..], b"published ", b"posted "].iter().any(|k| {
                starts_ci(head, k) && head.get(k.len()).is_some_and(u8::is_ascii_digit)
            }));
        if !starts {
            return None;
        }
        let mut end = pos;
        let mut digits = false;
        let mut after_year = false;
        for (n, (s, e)) in tokens(b, pos, pe).enumerate() {
            if n > 40 {
                break;
            }
            let tok = &b[s..e];
            let core = trim_punct(tok);
            let lead = n == 0
                && [&b"last"[..], b"updated", b"published", b"posted"]
                    .iter()
                    .any(|k| tok.eq_ignore_ascii_case(k));
            let ok = if keyword(tok) || lead {
                after_year = false;
                true
            } else if tok == b"." || tok == b"|" || tok == b"," || tok == b"-" {
                true
            } else if after_year {
                false
            } else if core.iter().any(u8::is_ascii_digit) && core.len() <= 8 {
                digits = true;
                after_year = core.len() == 4
                    && core.iter().all(u8::is_ascii_digit)
                    && (core.starts_with(b"19") || core.starts_with(b"20"));
                true
            } else {
                let mut buf = [0u8; 12];
                let len = core.len().min(12);
                for (d, c) in buf.iter_mut().zip(&core[..len]) {
                    *d = c.to_ascii_lowercase();
                }
                let low = &buf[..len];
                // A second time zone in brackets: `(0132 HKT)`.
                let zone = tok.last() == Some(&b')')
                    && (2..=4).contains(&core.len())
                    && core.iter().all(u8::is_ascii_uppercase);
                zone || (n == 1 && low == b"updated")
                    || in_list(MONTHS, low)
                    || in_list(STAMP_WORDS, low)
                    || low == b"a.m"
                    || low == b"p.m"
            };
            if !ok {
                break;
            }
            end = e;
        }
        (digits && end > pos).then_some(end)
    }

    /// A dateline at `pos` (`WASHINGTON (CNN) --`, `(CNN)`, `LONDON --`): its
    /// end.
    fn dateline(&self, pos: usize, pe: usize) -> Option<usize> {
        let b = self.b;
        let window = pe.min(pos + 80);
        let open = match memchr::memchr(b'(', &b[pos..window]) {
            Some(k) => pos + k,
            // No source tag: the place name must be followed by a dash.
            None => {
                let w = &b[pos..window];
                let k = [&b" --"[..], " \u{2014}".as_bytes()]
                    .iter()
                    .filter_map(|d| memchr::memmem::find(w, d))
                    .min()?;
                pos + k
            }
        };
        let loc = self.text.get(pos..open)?.trim_end();
        if !self.location_ok(loc) {
            return None;
        }
        if b[open] == b'(' {
            let close = memchr::memchr(b')', &b[open..pe.min(open + 48)])? + open;
            let tag = self.text.get(open + 1..close)?;
            let agency = AGENCIES.contains(&tag)
                || (self.lower && AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(tag)))
                || (tag.len() > 4 && tag.ends_with(".com") && !tag.contains(' '));
            let mut end = close + 1;
            let dash = dash_end(b, end, pe);
            if let Some(d) = dash {
                end = d;
            }
            let tag_ok = agency
                || (dash.is_some()
                    && !loc.is_empty()
                    && tag
                        .split(' ')
                        .all(|w| w.starts_with(|c: char| c.is_uppercase())));
            return tag_ok.then_some(end);
        }
        // No source tag: an upper-case place name and a long dash (`LONDON -- `,
        // `SAN JUAN, Puerto Rico -- `).
        let place = loc.split(',').next().unwrap_or("");
        let shouting = place.len() >= 3
            && place.bytes().any(|c| c.is_ascii_uppercase())
            && place
                .bytes()
                .all(|c| c.is_ascii_uppercase() || matches!(c, b' ' | b'.' | b'-' | b'\''));
        if !shouting || self.lower {
            return None;
        }
        dash_end(b, skip_space(b, pos + loc.len(), pe), pe)
    }

    /// True for an empty string or a capitalized place name such as
    /// `Kabul, Afghanistan`, `NEW YORK` or `Rio de Janeiro, Brazil`.
    fn location_ok(&self, loc: &str) -> bool {
        if loc.len() > 60 {
            return false;
        }
        let mut words = 0;
        for w in loc.split([' ', ',']).filter(|w| !w.is_empty()) {
            words += 1;
            let ok_chars = w
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | '’'));
            let capital = w.starts_with(|c: char| c.is_uppercase())
                || (self.lower && w.starts_with(|c: char| c.is_lowercase()))
                || matches!(
                    w,
                    "de" | "del"
                        | "da"
                        | "do"
                        | "dos"
                        | "la"
                        | "el"
                        | "al"
                        | "upon"
                        | "on"
                        | "am"
                        | "es"
                        | "of"
                );
            if !ok_chars || !capital || words > 6 {
                return false;
            }
        }
        true
    }
}

/// After `i`: optional white space then `--`, `—`, `–` or `-` and white space.
/// Returns the end of the dash.
fn dash_end(b: &[u8], i: usize, pe: usize) -> Option<usize> {
    let j = skip_space(b, i, pe);
    let len = if b[j..pe].starts_with(b"--") {
        2
    } else if b[j..pe].starts_with("\u{2014}".as_bytes())
        || b[j..pe].starts_with("\u{2013}".as_bytes())
    {
        3
    } else if b[j..pe].starts_with(b"-") {
        1
    } else {
        return None;
    };
    let end = j + len;
    (end >= pe || space_len(b, end) > 0).then_some(end)
}

/// Strips surrounding ASCII punctuation from a token.
fn trim_punct(t: &[u8]) -> &[u8] {
    let s = t
        .iter()
        .position(|c| !c.is_ascii_punctuation())
        .unwrap_or(t.len());
    let e = t
        .iter()
        .rposition(|c| !c.is_ascii_punctuation())
        .map_or(s, |k| k + 1);
    &t[s..e.max(s)]
}

/// True when the segment starts like a photo credit.
fn is_credit(t: &[u8]) -> bool {
    [
        &b"photo:"[..],
        b"photos:",
        b"picture:",
        b"pictures:",
        b"image:",
        b"photo credit",
    ]
    .iter()
    .any(|p| starts_ci(t, p))
}

/// White-space separated tokens of `b[from..to]` as `(start, end)`.
fn tokens(b: &[u8], from: usize, to: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = from;
    std::iter::from_fn(move || {
        i = skip_space(b, i, to);
        if i >= to {
            return None;
        }
        let s = i;
        while i < to && space_len(b, i) == 0 {
            i += 1;
        }
        Some((s, i))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Segments `text` and renders every segment as a string, with `D|`, `B|`
    /// or `F|` in front of datelines, bylines and furniture.
    fn render(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let seg = NewsSegmenter::default().segment(&doc);
        check_invariants(&seg);
        seg.sentences
            .iter()
            .map(|s| {
                let t = s.span.slice(text);
                match s.kind {
                    SentenceKind::Body => t.to_string(),
                    SentenceKind::Dateline => format!("D|{t}"),
                    SentenceKind::Byline => format!("B|{t}"),
                    SentenceKind::Furniture => format!("F|{t}"),
                    SentenceKind::Heading => format!("H|{t}"),
                    SentenceKind::Transcript => format!("T|{t}"),
                }
            })
            .collect()
    }

    /// Spans slice cleanly, lie in their paragraph, are trimmed and ordered.
    fn check_invariants(seg: &Segmented<'_>) {
        let text = seg.doc.text.as_str();
        let mut last = 0;
        for p in &seg.paragraphs {
            assert!(p.start >= last && p.end <= text.len() && !p.is_empty());
            let t = text
                .get(p.start..p.end)
                .expect("paragraph on char boundaries");
            assert_eq!(t, t.trim());
            last = p.end;
        }
        let mut last = 0;
        for s in &seg.sentences {
            let p = seg.paragraphs[s.paragraph];
            assert!(p.contains(s.span), "{:?} outside {:?}", s.span, p);
            assert!(s.span.start >= last, "sentences overlap or go backwards");
            let t = text
                .get(s.span.start..s.span.end)
                .expect("sentence on char boundaries");
            assert!(!t.is_empty());
            assert_eq!(t, t.trim());
            last = s.span.end;
        }
    }

    #[test]
    fn hard_cases() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str])] = &[
            // Plain endings.
            ("The vote passed. Critics were furious! Would it last?",
             &["The vote passed.", "Critics were furious!", "Would it last?"]),
            ("Rain fell all day.   Roads flooded.", &["Rain fell all day.", "Roads flooded."]),
            ("No punctuation at all here", &["No punctuation at all here"]),
            // Titles and ranks.
            ("Mr. Lopez and Mrs. Hart met Dr. Osei. They talked.",
             &["Mr. Lopez and Mrs. Hart met Dr. Osei.", "They talked."]),
            ("Sen. Ruth Alder and Rep. Tom Vance spoke first.", &["Sen. Ruth Alder and Rep. Tom Vance spoke first."]),
            ("Gov. Ellen Marsh thanked Lt. Col. Ray Dunn and Gen. Hal Price.",
             &["Gov. Ellen Marsh thanked Lt. Col. Ray Dunn and Gen. Hal Price."]),
            ("Prof. Ana Ruiz left St. Paul on Friday. Ms. Kerr stayed.",
             &["Prof. Ana Ruiz left St. Paul on Friday.", "Ms. Kerr stayed."]),
            ("Martin Hale Jr. Day is a holiday. Sam Hale Sr. The elder spoke.",
             &["Martin Hale Jr. Day is a holiday.", "Sam Hale Sr.", "The elder spoke."]),
            // Countries and organizations.
            ("The U.S. economy grew. The U.K. and the U.N. agreed.",
             &["The U.S. economy grew.", "The U.K. and the U.N. agreed."]),
            ("She moved to the U.S. The move was hard.", &["She moved to the U.S.", "The move was hard."]),
            ("He returned to the U.S. He never left again.", &["He returned to the U.S.", "He never left again."]),
            ("Officials in the U.S. Senate objected.", &["Officials in the U.S. Senate objected."]),
            ("Talks at the U.N. It was tense.", &["Talks at the U.N.", "It was tense."]),
            ("They flew to Washington, D.C. The next day they rested.",
             &["They flew to Washington, D.C.", "The next day they rested."]),
            // Initials.
            ("J.K. Rowling wrote it. George W. Bush read it.", &["J.K. Rowling wrote it.", "George W. Bush read it."]),
            ("The novel by J. R. R. Tolkien sold well.", &["The novel by J. R. R. Tolkien sold well."]),
            ("He admired Malcolm X. He said so often.", &["He admired Malcolm X.", "He said so often."]),
            // Dates, times, companies.
            ("The law takes effect Jan. 1 and ends Sept. 30. Few noticed.",
             &["The law takes effect Jan. 1 and ends Sept. 30.", "Few noticed."]),
            ("Talks began Oct. 3 and stalled Nov. 14, officials said.",
             &["Talks began Oct. 3 and stalled Nov. 14, officials said."]),
            ("The store opens at 9 a.m. The line formed early.", &["The store opens at 9 a.m.", "The line formed early."]),
            ("The meeting ended at 5 p.m. ET on Tuesday.", &["The meeting ended at 5 p.m. ET on Tuesday."]),
            ("The blast hit at 6 a.m. Firefighters arrived soon after.",
             &["The blast hit at 6 a.m.", "Firefighters arrived soon after."]),
            ("Acme Inc. said profits rose. Bolt Corp. Chief Executive Dana Roe disagreed.",
             &["Acme Inc. said profits rose.", "Bolt Corp. Chief Executive Dana Roe disagreed."]),
            ("He sued Harlan & Co. The firm settled.", &["He sued Harlan & Co.", "The firm settled."]),
            ("Orbit Ltd. and Vane Co. merged.", &["Orbit Ltd. and Vane Co. merged."]),
            ("It was ranked No. 1 in the world. No. The board said no.",
             &["It was ranked No. 1 in the world.", "No.", "The board said no."]),
            ("It was Smith vs. Jones again. Apples, pears, etc. were sold.",
             &["It was Smith vs. Jones again.", "Apples, pears, etc. were sold."]),
            ("They sold pens, paper, etc. Much of it was cheap.", &["They sold pens, paper, etc.", "Much of it was cheap."]),
            ("She was born in Jackson, Miss. She moved away at 18.",
             &["She was born in Jackson, Miss.", "She moved away at 18."]),
            ("He felt ill. Doctors saw him.", &["He felt ill.", "Doctors saw him."]),
            // Numbers and money.
            ("Profits rose 3.5% to $1.13bn. Sales hit 2.5m units.",
             &["Profits rose 3.5% to $1.13bn.", "Sales hit 2.5m units."]),
            ("Shares fell to 12.75p. Analysts shrugged.", &["Shares fell to 12.75p.", "Analysts shrugged."]),
            ("It ended in 1998. 2001 was worse.", &["It ended in 1998.", "2001 was worse."]),
            // Ellipses.
            // A period glued to the next sentence, as scraped text has it.
            ("The court heard.Shocking details followed. Visit news.Example.com today.",
             &["The court heard.", "Shocking details followed.", "Visit news.Example.com today."]),
            ("It was late.The crowd left, and mail.Server.net stayed up.",
             &["It was late.", "The crowd left, and mail.Server.net stayed up."]),
            ("He paused... then went on. It was late.", &["He paused... then went on.", "It was late."]),
            ("She waited… Nobody came.", &["She waited…", "Nobody came."]),
            ("\"I thought we had time...\" Those were his words.",
             &["\"I thought we had time...\"", "Those were his words."]),
            ("Wait . . . what happened? Nobody knew.", &["Wait . . . what happened?", "Nobody knew."]),
            // Quotes.
            ("\"We will win.\" The crowd roared.", &["\"We will win.\"", "The crowd roared."]),
            ("“Is it over?” she asked. “Yes.” He nodded.",
             &["“Is it over?” she asked.", "“Yes.”", "He nodded."]),
            ("He called it 'a disgrace!' Then he left.", &["He called it 'a disgrace!'", "Then he left."]),
            ("\"Stop!\" he shouted.", &["\"Stop!\" he shouted."]),
            ("He said: \"Time is short. \"\n\nThe rest followed.", &["He said: \"Time is short. \"", "The rest followed."]),
            ("\"It was cold. It was dark. We ran,\" she said.",
             &["\"It was cold.", "It was dark.", "We ran,\" she said."]),
            ("She said: ‘We are done.’ Then silence.", &["She said: ‘We are done.’", "Then silence."]),
            ("“Never again. ” Then he left. \" We agree,\" they said.",
             &["“Never again. ”", "Then he left.", "\" We agree,\" they said."]),
            // URLs, e-mail, domains.
            ("Read it at CNN.com today. More at www.example.org/news?id=4.",
             &["Read it at CNN.com today.", "More at www.example.org/news?id=4."]),
            ("Write to tips@example.com. We reply fast.", &["Write to tips@example.com.", "We reply fast."]),
            ("See https://example.com/a.b/c for details. Then call.",
             &["See https://example.com/a.b/c for details.", "Then call."]),
            // Parentheses.
            ("He resigned. (He later denied it.) The board met.",
             &["He resigned.", "(He later denied it.)", "The board met."]),
            ("The agency (known as the F.B.I.) declined to comment.",
             &["The agency (known as the F.B.I.) declined to comment."]),
            // Lists and bullets.
            ("Key points:\n• Taxes will rise\n• Spending will fall",
             &["Key points:", "Taxes will rise", "Spending will fall"]),
            ("1. Turn off the power.\n2. Remove the cover.", &["Turn off the power.", "Remove the cover."]),
            ("Steps:\n\n- Open the box\n- Read the card", &["Steps:", "Open the box", "Read the card"]),
            // Datelines.
            ("WASHINGTON (CNN) -- The Senate voted on Tuesday.",
             &["D|WASHINGTON (CNN) --", "The Senate voted on Tuesday."]),
            ("Washington (CNN) The president spoke.", &["D|Washington (CNN)", "The president spoke."]),
            ("Kabul, Afghanistan (CNN) Gunmen attacked a hotel.",
             &["D|Kabul, Afghanistan (CNN)", "Gunmen attacked a hotel."]),
            ("(CNN)Nearly 100 people were hurt.", &["D|(CNN)", "Nearly 100 people were hurt."]),
            ("(CNN) -- A storm is coming.", &["D|(CNN) --", "A storm is coming."]),
            ("LONDON, England (Reuters) -- Prices fell.", &["D|LONDON, England (Reuters) --", "Prices fell."]),
            ("NEW YORK (AP) — Stocks rose.", &["D|NEW YORK (AP) —", "Stocks rose."]),
            ("PARIS -- The museum reopened.", &["D|PARIS --", "The museum reopened."]),
            ("SAN JUAN, Puerto Rico -- Power returned.", &["D|SAN JUAN, Puerto Rico --", "Power returned."]),
            ("South of Basra, Iraq (CNN)Smoke rose.", &["D|South of Basra, Iraq (CNN)", "Smoke rose."]),
            ("DJ Kim Ray - a veteran - says clubs are back.", &["DJ Kim Ray - a veteran - says clubs are back."]),
            ("Tom Reed (pictured) won the race.", &["Tom Reed (pictured) won the race."]),
            ("Fuel tax (GST) rose again. Drivers complained.", &["Fuel tax (GST) rose again.", "Drivers complained."]),
            // Bylines and stamps.
            ("By Jane Doe, CNN\n\nThe river rose overnight.", &["B|By Jane Doe, CNN", "The river rose overnight."]),
            ("By Jane Doe, CNN The river rose overnight.", &["B|By Jane Doe, CNN", "The river rose overnight."]),
            ("By . Daily Mail Reporter . The river rose overnight.",
             &["B|By . Daily Mail Reporter .", "The river rose overnight."]),
            ("By Jane Doe and John Smith for MailOnline\nThe river rose.",
             &["B|By Jane Doe and John Smith for MailOnline", "The river rose."]),
            ("By . Ann Lee . PUBLISHED: . 12:01 EST, 5 April 2015 . | . UPDATED: . 14:22 EST, 5 April 2015 . A dog barked.",
             &["B|By . Ann Lee .", "B|PUBLISHED: . 12:01 EST, 5 April 2015 . | . UPDATED: . 14:22 EST, 5 April 2015 .", "A dog barked."]),
            ("Last updated at 9:41 AM on 12th April 2015\nA dog barked.",
             &["B|Last updated at 9:41 AM on 12th April 2015", "A dog barked."]),
            ("Updated 1732 GMT (0132 HKT) April 5, 2015\nA dog barked.",
             &["B|Updated 1732 GMT (0132 HKT) April 5, 2015", "A dog barked."]),
            ("Updated rules take effect in 2016. Firms must comply.",
             &["Updated rules take effect in 2016.", "Firms must comply."]),
            ("By the time police came, the crowd had gone.", &["By the time police came, the crowd had gone."]),
            ("By 2030 the city will double. Planners agree.", &["By 2030 the city will double.", "Planners agree."]),
            ("By Monday, Smith had resigned.", &["By Monday, Smith had resigned."]),
            // Furniture.
            ("The dog was found. Scroll down for video. Its owner wept.",
             &["The dog was found.", "F|Scroll down for video.", "Its owner wept."]),
            ("Scroll down for videos\nThe dog was found.", &["F|Scroll down for videos", "The dog was found."]),
            ("Photo: Getty Images\nThe dog was found.", &["F|Photo: Getty Images", "The dog was found."]),
            ("The dog was found. (Photo by Ann Lee/Getty Images) Its owner wept.",
             &["The dog was found.", "F|(Photo by Ann Lee/Getty Images)", "Its owner wept."]),
            ("Share this article\nClick here for the full list.\nREAD MORE: How the flood began",
             &["F|Share this article", "F|Click here for the full list.", "F|READ MORE: How the flood began"]),
            ("The dog was found. Follow @dogwatch on Twitter.", &["The dog was found.", "F|Follow @dogwatch on Twitter."]),
            ("It rained. CNN's Jane Doe contributed to this report.",
             &["It rained.", "F|CNN's Jane Doe contributed to this report."]),
            ("Follow the money, she said.", &["Follow the money, she said."]),
            ("Video footage showed the crash. Photos were shared.",
             &["Video footage showed the crash.", "Photos were shared."]),
            ("She contributed to the fund. It grew.", &["She contributed to the fund.", "It grew."]),
            // Lowercase text.
            ("he went to the u.s. on monday. then he left.", &["he went to the u.s. on monday.", "then he left."]),
            ("mr. smith met dr. jones at 9 a.m. on friday. they talked.",
             &["mr. smith met dr. jones at 9 a.m. on friday.", "they talked."]),
            ("prices rose 2.5% this year. analysts were surprised. why? nobody knows.",
             &["prices rose 2.5% this year.", "analysts were surprised.", "why?", "nobody knows."]),
            ("the talks at the u.n. ended. u.s. officials walked out of the u.n. building.",
             &["the talks at the u.n. ended.", "u.s. officials walked out of the u.n. building."]),
            ("she lives in the u.k. it is cold there.", &["she lives in the u.k.", "it is cold there."]),
            ("\"why?\" he asked. she shrugged.", &["\"why?\" he asked.", "she shrugged."]),
            ("we met at NASA in the U.S. last week. it went well. then we flew home.",
             &["we met at NASA in the U.S. last week.", "it went well.", "then we flew home."]),
        ];
        assert!(cases.len() >= 60, "only {} cases", cases.len());
        let mut failures = Vec::new();
        for (input, expected) in cases {
            let got = render(input);
            if got != *expected {
                failures.push(format!(
                    "input:    {input:?}\nexpected: {expected:?}\ngot:      {got:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} cases failed:\n\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n\n")
        );
    }

    #[test]
    fn ordinal_dates_and_low_quotes() {
        assert_eq!(
            render("Der Rat hat am 1. März beschlossen, die Brücke zu schließen. Die Arbeiten dauern bis zum 15. August."),
            [
                "Der Rat hat am 1. März beschlossen, die Brücke zu schließen.",
                "Die Arbeiten dauern bis zum 15. August.",
            ]
        );
        // „ opens a quote: the sentence before ends at its period.
        assert_eq!(
            render("Der Rat tagte am Montag. \u{201e}Wir warten nicht\u{201c}, sagte sie."),
            [
                "Der Rat tagte am Montag.",
                "\u{201e}Wir warten nicht\u{201c}, sagte sie.",
            ]
        );
        // A number before a period ends an English sentence as before.
        assert_eq!(
            render("The score was 2. March will tell."),
            ["The score was 2.", "March will tell."]
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "  First one. Second one.\n\n \t\nThird one.\r\n\r\nFourth\nstill fourth.  ";
        let doc = Document::new(text);
        let seg = NewsSegmenter::default().segment(&doc);
        check_invariants(&seg);
        let paras: Vec<&str> = seg.paragraphs.iter().map(|p| p.slice(text)).collect();
        assert_eq!(
            paras,
            [
                "First one. Second one.",
                "Third one.",
                "Fourth\nstill fourth."
            ]
        );
        let para_of: Vec<usize> = seg.sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(para_of, [0, 0, 1, 2]);
    }

    #[test]
    fn paragraphs_from_single_newlines() {
        // One blank line anywhere between content switches to blank-line mode.
        let text = "\nFirst line\n  \nSecond line. More\nThird line\n";
        let doc = Document::new(text);
        let seg = NewsSegmenter::default().segment(&doc);
        assert_eq!(seg.paragraphs.len(), 2);
        // Blank lines only at the ends do not: every line is a paragraph.
        let text = "One line\nTwo line\n\n";
        let doc = Document::new(text);
        let seg = NewsSegmenter::default().segment(&doc);
        check_invariants(&seg);
        let paras: Vec<&str> = seg.paragraphs.iter().map(|p| p.slice(text)).collect();
        assert_eq!(paras, ["One line", "Two line"]);
        let text = "A whole article on one line. With two sentences.";
        let doc = Document::new(text);
        let seg = NewsSegmenter::default().segment(&doc);
        assert_eq!(seg.paragraphs, [Span::new(0, text.len())]);
        assert_eq!(seg.sentences.len(), 2);
    }

    #[test]
    fn no_panic_on_odd_input() {
        let mut junk = String::new();
        for i in 0u32..4000 {
            let c = char::from_u32((i * 7919) % 0x3000).unwrap_or('\u{fffd}');
            junk.push(c);
            if i % 13 == 0 {
                junk.push_str(". ");
            }
            if i % 17 == 0 {
                junk.push_str("\u{0}\u{1b}\u{7f}\u{85}\u{2028}…”’ \n");
            }
        }
        let inputs = [
            String::new(),
            " \n\t\r\n  ".to_string(),
            "\u{a0}\u{3000}".to_string(),
            junk,
            ".".repeat(5000),
            "?!.…\"'()[]“”‘’ -- — . | .".repeat(300),
            "(CNN".to_string(),
            "By".to_string(),
            "By ".to_string(),
            "PUBLISHED:".to_string(),
            "WASHINGTON (".to_string(),
            "1.".to_string(),
            "• ".to_string(),
            "Mr.".to_string(),
            "(Photo by".to_string(),
            "a\n\n\n\nb\n".to_string(),
            "x\u{a0}.\u{a0}Y \u{2026}".to_string(),
            format!("{}...x and more", "a".repeat(SOFT_CAP - 1)),
            format!("{}?!x and more", "b".repeat(SOFT_CAP - 1)),
            format!("{}\u{2026}x and more", "c".repeat(SOFT_CAP - 2)),
        ];
        for text in inputs {
            let doc = Document::new(text);
            let seg = NewsSegmenter::default().segment(&doc);
            check_invariants(&seg);
        }
    }

    #[test]
    fn long_text_without_punctuation_is_capped() {
        let line = "word ".repeat(1_000_000); // 5 MB on one line
        let doc = Document::new(line);
        let seg = NewsSegmenter::default().segment(&doc);
        check_invariants(&seg);
        assert!(seg.sentences.len() > 1000);
        assert!(seg
            .sentences
            .iter()
            .all(|s| s.span.len() <= SOFT_CAP + HARD_CAP));

        let solid = "é".repeat(2_000_000); // no white space at all
        let doc = Document::new(solid);
        let seg = NewsSegmenter::default().segment(&doc);
        check_invariants(&seg);
        assert!(seg
            .sentences
            .iter()
            .all(|s| s.span.len() <= SOFT_CAP + HARD_CAP + 4));

        let lines = "a line with no stop\n".repeat(100);
        let text = format!("Start\n\n{lines}");
        let doc = Document::new(text);
        let seg = NewsSegmenter::default().segment(&doc);
        check_invariants(&seg);
        assert!(seg.sentences.iter().all(|s| s.span.len() <= SOFT_CAP + 200));
    }

    #[test]
    fn spans_slice_back_exactly() {
        let text = "WASHINGTON (CNN) -- “It’s over,” said Sen. Ada Byrne.  The U.S. Senate voted 52-48.\n\n\
                    By the end, Mr. Ruiz had left… Scroll down for video.\n\n  \u{a0}(Photo by Kim Dee/AP) Then rain.";
        let doc = Document::new(text);
        let seg = NewsSegmenter::default().segment(&doc);
        check_invariants(&seg);
        let all: Vec<&str> = (0..seg.sentences.len())
            .map(|i| seg.sentence_text(i))
            .collect();
        assert_eq!(
            all,
            [
                "WASHINGTON (CNN) --",
                "“It’s over,” said Sen. Ada Byrne.",
                "The U.S. Senate voted 52-48.",
                "By the end, Mr. Ruiz had left…",
                "Scroll down for video.",
                "(Photo by Kim Dee/AP)",
                "Then rain.",
            ]
        );
    }
}
