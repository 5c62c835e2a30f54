//! Per-sentence features shared by scorers.
//!
//! Computed in two linear passes over the tokens: one to count how often each
//! stem occurs in the body (for centrality), one per sentence. Only body
//! sentences get features; the rest get `None`.

use crate::analyze::{Analyzed, Token};

/// What scorers know about one body sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct SentenceFeatures {
    /// Position among body sentences (0 for the first).
    pub body_index: usize,
    /// Number of body sentences in the document.
    pub body_count: usize,
    /// Index of the paragraph holding the sentence.
    pub paragraph: usize,
    /// Position of the sentence inside its paragraph (0 for the first).
    pub index_in_paragraph: usize,
    /// Number of word tokens.
    pub tokens: usize,
    /// Number of content (non stop word) tokens.
    pub content_tokens: usize,
    /// Mean over the sentence's distinct content stems of how many *other*
    /// sentences of the body use the stem, divided by the body's sentence
    /// count: how central the sentence is to what the whole article says.
    pub centrality: f32,
    /// Sum (not mean) over distinct content stems of the share of other body
    /// sentences using the stem: how much of the article's common vocabulary
    /// the sentence covers.
    pub coverage: f32,
    /// Mean over the sentence's capitalized (name-like) words of the share
    /// of other body sentences using the same stem: mentions of the
    /// article's main people, places and organizations.
    pub entity_centrality: f32,
    /// Share of the title's content stems that the sentence contains
    /// (0 without a title).
    pub title_overlap: f32,
    /// Share of the sentence's distinct content stems found in the first body
    /// sentence (1 for the first sentence itself).
    pub lead_overlap: f32,
    /// Share of tokens that are capitalized words not at the sentence start.
    pub proper_share: f32,
    /// Share of tokens that are numbers.
    pub number_share: f32,
    /// The sentence opens with a quotation mark.
    pub starts_with_quote: bool,
    /// The sentence holds a quotation mark anywhere.
    pub has_quote: bool,
    /// The sentence has an attribution cue word (said, says, told,
    /// according).
    pub has_attribution: bool,
    /// The sentence ends with a question mark.
    pub is_question: bool,
    /// The sentence opens with a pronoun or connective that needs an
    /// antecedent (`He`, `It`, `But`, `This`...).
    pub starts_dependent: bool,
    /// The sentence names a day or a relative time (`Monday`, `yesterday`).
    pub has_time_word: bool,
    /// Mean length in bytes of the content words: long words are rarer and
    /// carry more information.
    pub mean_word_length: f32,
    /// The sentence gives someone's age in apposition (`Jane Roe, 48, ...`).
    pub has_age: bool,
    /// The sentence reads like a photo caption: a short `Label: ` opening, or
    /// a position marker such as `(left)` or `(pictured)`.
    pub is_caption: bool,
    /// Tokens divided by the mean tokens of the body's sentences.
    pub relative_length: f32,
}

/// Base features that also get document-relative versions: their rank among
/// the article's body sentences (0 for the highest), their difference from
/// the article's mean, and the previous body sentence's value. Learned
/// models gain from these because a sentence is chosen against the others of
/// its own article, not against a fixed bar.
const RELATIVE: [usize; 6] = [6, 7, 4, 10, 8, 11];

/// Number of values in a learned model's input row.
pub const FEATURE_COUNT: usize = 25 + 3 * 6;

/// Names of the values of a [`feature_rows`] row, in order.
pub const FEATURE_NAMES: [&str; FEATURE_COUNT] = [
    "body_index",
    "body_count",
    "paragraph",
    "index_in_paragraph",
    "tokens",
    "content_tokens",
    "centrality",
    "coverage",
    "entity_centrality",
    "title_overlap",
    "lead_overlap",
    "proper_share",
    "number_share",
    "starts_with_quote",
    "has_quote",
    "has_attribution",
    "is_question",
    "starts_dependent",
    "has_time_word",
    "mean_word_length",
    "has_age",
    "is_caption",
    "relative_length",
    "relative_position",
    "has_title",
    "rank_centrality",
    "rank_coverage",
    "rank_tokens",
    "rank_lead_overlap",
    "rank_entity_centrality",
    "rank_proper_share",
    "dev_centrality",
    "dev_coverage",
    "dev_tokens",
    "dev_lead_overlap",
    "dev_entity_centrality",
    "dev_proper_share",
    "prev_centrality",
    "prev_coverage",
    "prev_tokens",
    "prev_lead_overlap",
    "prev_entity_centrality",
    "prev_proper_share",
];

/// One input row per body sentence (the `Some` entries of `feats`, in
/// order): the base features followed by their document-relative versions.
pub fn feature_rows(
    feats: &[Option<SentenceFeatures>],
    has_title: bool,
) -> Vec<[f32; FEATURE_COUNT]> {
    let base: Vec<[f32; 25]> = feats
        .iter()
        .flatten()
        .map(|f| f.to_vector(has_title))
        .collect();
    let n = base.len();
    let mut rows = vec![[0f32; FEATURE_COUNT]; n];
    for (row, b) in rows.iter_mut().zip(&base) {
        row[..25].copy_from_slice(b);
    }
    let mut order: Vec<u64> = Vec::with_capacity(n);
    for (k, &c) in RELATIVE.iter().enumerate() {
        let mean = base.iter().map(|b| b[c]).sum::<f32>() / n.max(1) as f32;
        // Rank by value, largest first, ties by position: one u64 key per
        // sentence (value in `total_cmp` order, inverted, then index) sorts
        // in cache where comparing rows by index did not on long inputs.
        order.clear();
        order.extend(
            base.iter()
                .enumerate()
                .map(|(i, b)| (u64::from(!total_order_bits(b[c])) << 32) | i as u64),
        );
        order.sort_unstable();
        for (rank, &key) in order.iter().enumerate() {
            rows[(key & 0xffff_ffff) as usize][25 + k] = rank as f32;
        }
        for i in 0..n {
            rows[i][25 + 6 + k] = base[i][c] - mean;
            rows[i][25 + 12 + k] = if i > 0 { base[i - 1][c] } else { 0.0 };
        }
    }
    rows
}

/// The bits of `v` as a `u32` that orders like [`f32::total_cmp`].
fn total_order_bits(v: f32) -> u32 {
    let b = v.to_bits();
    if b >> 31 == 1 {
        !b
    } else {
        b | 0x8000_0000
    }
}

impl SentenceFeatures {
    /// The features as numbers, in the order of the first 25
    /// [`FEATURE_NAMES`].
    pub fn to_vector(&self, has_title: bool) -> [f32; 25] {
        let b = |v: bool| if v { 1.0 } else { 0.0 };
        [
            self.body_index as f32,
            self.body_count as f32,
            self.paragraph as f32,
            self.index_in_paragraph as f32,
            self.tokens as f32,
            self.content_tokens as f32,
            self.centrality,
            self.coverage,
            self.entity_centrality,
            self.title_overlap,
            self.lead_overlap,
            self.proper_share,
            self.number_share,
            b(self.starts_with_quote),
            b(self.has_quote),
            b(self.has_attribution),
            b(self.is_question),
            b(self.starts_dependent),
            b(self.has_time_word),
            self.mean_word_length,
            b(self.has_age),
            b(self.is_caption),
            self.relative_length,
            self.body_index as f32 / self.body_count.max(1) as f32,
            b(has_title),
        ]
    }
}

/// Features for every sentence of `doc` (`None` for non-body sentences and
/// sentences without words).
pub fn sentence_features(doc: &Analyzed<'_>) -> Vec<Option<SentenceFeatures>> {
    let n = doc.len();
    let text = doc.segmented.doc.text.as_str();
    let vocab = doc.vocabulary_size as usize;
    // For each stem: number of body sentences containing it, and the last
    // sentence that counted it (to count each sentence once).
    let mut df = vec![0u32; vocab];
    let mut seen = vec![u32::MAX; vocab];
    let mut body = Vec::with_capacity(n);
    for i in 0..n {
        let toks = doc.sentence(i);
        if !doc.is_body(i) || toks.is_empty() {
            continue;
        }
        body.push(i);
        for t in toks.iter().filter(|t| t.is_content()) {
            let s = t.stem as usize;
            if seen[s] != i as u32 {
                seen[s] = i as u32;
                df[s] += 1;
            }
        }
    }
    let body_count = body.len();
    // Stems of the first body sentence, marked with a sentinel in `seen`.
    let lead_mark = u32::MAX - 1;
    if let Some(&first) = body.first() {
        for t in doc.sentence(first).iter().filter(|t| t.is_content()) {
            seen[t.stem as usize] = lead_mark;
        }
    }
    let mut title_mark = vec![false; vocab];
    let mut title_distinct = 0usize;
    for &s in &doc.title_stems {
        if let Some(m) = title_mark.get_mut(s as usize) {
            if !*m {
                *m = true;
                title_distinct += 1;
            }
        }
    }

    let mut out = vec![None; n];
    let mut in_sentence = vec![false; vocab];
    let mut last_paragraph = usize::MAX;
    let mut index_in_paragraph = 0;
    for (body_index, &i) in body.iter().enumerate() {
        let sent = doc.segmented.sentences[i];
        if sent.paragraph != last_paragraph {
            last_paragraph = sent.paragraph;
            index_in_paragraph = 0;
        } else {
            index_in_paragraph += 1;
        }
        let toks = doc.sentence(i);
        let mut content = 0usize;
        let mut distinct = 0usize;
        let mut central = 0f32;
        let mut title_hits = 0usize;
        let mut lead_hits = 0usize;
        let mut proper = 0usize;
        let mut entity_central = 0f32;
        let mut content_bytes = 0usize;
        let mut has_age = false;
        let mut numbers = 0usize;
        for (k, t) in toks.iter().enumerate() {
            if t.flags & Token::NUMBER != 0 {
                numbers += 1;
                let (a, b) = (t.span.start, t.span.end);
                has_age |= t.span.len() <= 2
                    && text.as_bytes().get(a.saturating_sub(2)..a) == Some(b", ")
                    && text.as_bytes().get(b) == Some(&b',');
            }
            if k > 0 && t.flags & Token::CAPITALIZED != 0 && !t.is_stop() {
                proper += 1;
                entity_central += (df[t.stem as usize].max(1) - 1) as f32;
            }
            if !t.is_content() {
                continue;
            }
            content += 1;
            content_bytes += t.span.len();
            let s = t.stem as usize;
            if in_sentence[s] {
                continue;
            }
            in_sentence[s] = true;
            distinct += 1;
            central += (df[s] - 1) as f32;
            if title_mark[s] {
                title_hits += 1;
            }
            if body_index == 0 || seen[s] == lead_mark {
                lead_hits += 1;
            }
        }
        for t in toks {
            in_sentence[t.stem as usize] = false;
        }
        let sentence_text = sent.span.slice(text).trim_start();
        let starts_with_quote = sentence_text.starts_with(['"', '“', '\'', '‘']);
        let has_quote = sentence_text.contains(['"', '“', '”']);
        let has_attribution = toks.iter().any(|t| t.flags & Token::ATTRIBUTION != 0);
        let is_question = sentence_text
            .trim_end_matches(['"', '”', '\'', '’', ')'])
            .ends_with('?');
        let ntok = toks.len().max(1) as f32;
        let first_word = toks.first().map_or("", |t| t.span.slice(text));
        let starts_dependent = matches!(
            first_word,
            "He" | "She"
                | "It"
                | "They"
                | "This"
                | "That"
                | "These"
                | "Those"
                | "But"
                | "And"
                | "His"
                | "Her"
                | "Their"
                | "Its"
                | "However"
                | "Yet"
                | "So"
                | "Also"
                | "Still"
        );
        let has_time_word = toks.iter().any(|t| t.flags & Token::TIME != 0);
        out[i] = Some(SentenceFeatures {
            body_index,
            body_count,
            paragraph: sent.paragraph,
            index_in_paragraph,
            tokens: toks.len(),
            content_tokens: content,
            centrality: if distinct == 0 || body_count < 2 {
                0.0
            } else {
                central / distinct as f32 / (body_count - 1) as f32
            },
            coverage: if body_count < 2 {
                0.0
            } else {
                central / (body_count - 1) as f32
            },
            entity_centrality: if proper == 0 || body_count < 2 {
                0.0
            } else {
                entity_central / proper as f32 / (body_count - 1) as f32
            },
            title_overlap: if title_distinct == 0 {
                0.0
            } else {
                title_hits as f32 / title_distinct as f32
            },
            lead_overlap: if distinct == 0 {
                0.0
            } else {
                lead_hits as f32 / distinct as f32
            },
            proper_share: proper as f32 / ntok,
            number_share: numbers as f32 / ntok,
            starts_with_quote,
            has_quote,
            has_attribution,
            is_question,
            starts_dependent,
            has_time_word,
            relative_length: 0.0,
            mean_word_length: content_bytes as f32 / content.max(1) as f32,
            has_age,
            is_caption: is_caption(sentence_text),
        });
    }
    let total: usize = out.iter().flatten().map(|f| f.tokens).sum();
    let mean = total as f32 / body_count.max(1) as f32;
    for f in out.iter_mut().flatten() {
        f.relative_length = f.tokens as f32 / mean.max(1.0);
    }
    out
}

/// Photo-caption cues: a position marker in parentheses, or a label of one to
/// three words and a colon at the start (`Shocking: ...`, `Pictured: ...`).
fn is_caption(sentence: &str) -> bool {
    const MARKERS: [&str; 9] = [
        "(left)",
        "(right)",
        "(pictured)",
        "(centre)",
        "(center)",
        "(above)",
        "(below)",
        "(top)",
        "(bottom)",
    ];
    let b = sentence.as_bytes();
    if memchr::memchr_iter(b'(', b)
        .any(|i| MARKERS.iter().any(|m| b[i..].starts_with(m.as_bytes())))
    {
        return true;
    }
    let head = &sentence.as_bytes()[..sentence.len().min(40)];
    match memchr::memchr(b':', head) {
        Some(c) => {
            let label = &head[..c];
            !label.is_empty()
                && label[0].is_ascii_uppercase()
                && label.iter().filter(|&&b| b == b' ').count() <= 2
                && label
                    .iter()
                    .all(|b| b.is_ascii_alphabetic() || *b == b' ' || *b == b'\'')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_bits_sort_like_total_cmp() {
        let vals = [
            f32::NEG_INFINITY,
            -3.5,
            -0.0,
            0.0,
            1e-30,
            2.0,
            2.0,
            f32::INFINITY,
            f32::NAN,
            -f32::NAN,
        ];
        for a in vals {
            for b in vals {
                assert_eq!(
                    total_order_bits(a).cmp(&total_order_bits(b)),
                    a.total_cmp(&b),
                    "{a} vs {b}"
                );
            }
        }
    }
}
