//! The features of a candidate cut, which the cut model reads.

use super::candidates::*;
use super::*;

pub(super) const RELATIVES: &[&str] = &["who", "which", "whose", "where", "whom", "when", "that"];
pub(super) const SUBORDINATORS: &[&str] = &[
    "while",
    "although",
    "though",
    "as",
    "after",
    "before",
    "because",
    "since",
    "if",
    "despite",
    "including",
    "unless",
    "until",
    "whereas",
    "even",
    "once",
    "amid",
];
pub(super) const DETERMINERS: &[&str] =
    &["the", "a", "an", "his", "her", "their", "its", "our", "my"];
pub(super) const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "for", "with", "by", "from", "of", "to", "during", "under", "over", "into",
    "near", "between", "against", "about", "through", "across",
];

/// What every cut of one sentence reads of it: its delimiters and where
/// its final punctuation starts, found once per sentence.
pub(super) struct SentenceShape {
    pub(super) delims: Vec<Delim>,
    pub(super) fin: usize,
}

/// The feature row of cut `c` of sentence `i`.
/// `probs` holds the word model's probability for each word of the sentence.
pub(super) fn cut_features(
    doc: &Analyzed<'_>,
    ctx: &DocContext,
    i: usize,
    c: &Cut,
    probs: &[f32],
    shape: &SentenceShape,
) -> [f32; CUT_FEATURES] {
    let text = doc.segmented.doc.text.as_str();
    let s = doc.segmented.sentences[i].span;
    let toks = doc.sentence(i);
    let n = toks.len().max(1) as f32;
    let first_k = toks.partition_point(|t| t.span.start < c.span.start);
    let inside: &[Token] = {
        let to = toks.partition_point(|t| t.span.end <= c.span.end);
        &toks[first_k..to.max(first_k)]
    };
    let m = inside.len().max(1) as f32;
    let slice = c.span.slice(text);
    // The first word of the phrase, past a leading delimiter.
    let first = inside.first().map(|t| t.span.slice(text)).unwrap_or("");
    let (fin, delims) = (shape.fin, &shape.delims);
    let delim_class = |at: usize| -> f32 {
        delims
            .iter()
            .find(|d| d.start <= at && at < d.end.max(d.start + 1))
            .map_or(0.0, |d| f32::from(d.class))
    };
    let content: Vec<&Token> = inside.iter().filter(|t| t.is_content()).collect();
    let freqs: Vec<f32> = content
        .iter()
        .map(|t| f32::from(ctx.frequency.get(t.stem as usize).copied().unwrap_or(0)))
        .collect();
    let mean_f = if freqs.is_empty() {
        0.0
    } else {
        freqs.iter().sum::<f32>() / freqs.len() as f32
    };
    let max_f = freqs.iter().copied().fold(0.0, f32::max);
    let cw = content.len().max(1) as f32;
    let title = content
        .iter()
        .filter(|t| doc.title_stems.contains(&t.stem))
        .count() as f32
        / cw;
    let lead = content
        .iter()
        .filter(|t| ctx.lead.binary_search(&t.stem).is_ok())
        .count() as f32
        / cw;
    let caps = inside
        .iter()
        .filter(|t| t.flags & Token::CAPITALIZED != 0 && t.span.start > s.start)
        .count() as f32;
    let next = toks.get(first_k + inside.len());
    let in_cut = |k: usize| k >= first_k && k < first_k + inside.len();
    let (mut sum_in, mut sum_out) = (0.0f32, 0.0f32);
    for (k, p) in probs.iter().enumerate() {
        if in_cut(k) {
            sum_in += p;
        } else {
            sum_out += p;
        }
    }
    let rest = (toks.len() - inside.len()).max(1) as f32;
    let elsewhere = content
        .iter()
        .filter(|t| ctx.selected.get(t.stem as usize).is_some_and(|&c| c >= 2))
        .count() as f32
        / cw;
    [
        c.kind as u8 as f32,
        inside.len() as f32,
        inside.len() as f32 / n,
        toks.len() as f32,
        first_k as f32 / n,
        f32::from(u8::from(c.span.end >= fin)),
        f32::from(u8::from(lower_eq(first, RELATIVES))),
        f32::from(u8::from(lower_eq(first, SUBORDINATORS))),
        f32::from(u8::from(lower_eq(first, DETERMINERS))),
        f32::from(u8::from(lower_eq(first, PREPOSITIONS))),
        f32::from(u8::from(first.len() > 4 && first.ends_with("ing"))),
        f32::from(u8::from(first.starts_with(|ch: char| ch.is_uppercase()))),
        f32::from(u8::from(
            inside.iter().any(|t| t.flags & Token::NUMBER != 0),
        )),
        caps / m,
        f32::from(u8::from(slice.contains(is_quote_char))),
        f32::from(u8::from(inside.iter().any(|t| t.flags & Token::TIME != 0))),
        mean_f,
        max_f,
        title,
        lead,
        ctx.body_index.get(i).copied().unwrap_or(0).min(100) as f32,
        inside.iter().filter(|t| t.is_stop()).count() as f32 / m,
        delim_class(c.span.start),
        delim_class(c.span.end.saturating_sub(1)),
        content.len() as f32,
        delims.iter().filter(|d| d.class == 1).count() as f32,
        f32::from(u8::from(
            inside
                .iter()
                .any(|t| lower_eq(t.span.slice(text), &["and", "or"])),
        )),
        f32::from(u8::from(
            next.is_some_and(|t| t.flags & Token::CAPITALIZED != 0),
        )),
        elsewhere,
        f32::from(u8::from(first.eq_ignore_ascii_case("that"))),
        f32::from(u8::from(lower_eq(
            first,
            &[
                "after", "before", "when", "since", "while", "as", "until", "during",
            ],
        ))),
        first_k as f32,
        sum_in / m,
        sum_in,
        inside.len() as f32 - sum_in,
        sum_out / rest,
    ]
}
