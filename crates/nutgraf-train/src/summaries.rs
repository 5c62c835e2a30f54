//! Training data and training for the learned scorer.
//!
//! Each body sentence of an article becomes one example: its
//! [`SentenceFeatures`] as a vector, labelled 1 when it belongs to the
//! article's *greedy ROUGE oracle* and 0 otherwise. The oracle adds, one at a
//! time and up to three, the sentence that raises ROUGE-1 + ROUGE-Lsum F1
//! against the human highlights the most, and stops when nothing raises it
//! (the labelling of Nallapati et al. 2017 and BertSumExt). Labels are
//! computed with our ROUGE, which equals Google's `rouge-score`.
//!
//! [`SentenceFeatures`]: nutgraf_core::score::features::SentenceFeatures

use nutgraf_core::analyze::{Analyzer, WordAnalyzer};
use nutgraf_core::compress::{
    self, DocContext, CUT_FEATURES, CUT_FEATURE_NAMES, WORD_FEATURE_NAMES,
};
use nutgraf_core::score::features::{feature_rows, sentence_features, FEATURE_NAMES};
use nutgraf_core::score::gbdt::Gbdt;
use nutgraf_core::segment::{NewsSegmenter, Segmenter};
use nutgraf_core::span::join_spans;
use nutgraf_core::Document;
use nutgraf_core::Pipeline;

use crate::gbdt::{self, TrainParams};
use crate::rouge::{score_tokenized, tokenize};

/// Labelled examples from many articles.
#[derive(Clone, Debug, Default)]
pub struct TrainingSet {
    /// One feature vector per body sentence.
    pub x: Vec<Vec<f32>>,
    /// 1.0 for oracle sentences, else 0.0.
    pub y: Vec<f32>,
}

impl TrainingSet {
    /// Adds the examples of one article with its reference highlights.
    pub fn add(&mut self, doc: &Document, highlights: &[String]) {
        let (x, y) = examples(doc, highlights);
        self.x.extend(x);
        self.y.extend(y);
    }

    /// Appends another set.
    pub fn extend(&mut self, other: TrainingSet) {
        self.x.extend(other.x);
        self.y.extend(other.y);
    }
}

/// The examples of one article: feature vectors and oracle labels of its
/// body sentences, in order.
pub fn examples(doc: &Document, highlights: &[String]) -> (Vec<Vec<f32>>, Vec<f32>) {
    let analyzed = WordAnalyzer.analyze(NewsSegmenter::default().segment(doc));
    oracle_examples(&analyzed, highlights, |i| {
        tokenize(analyzed.segmented.sentence_text(i))
    })
}

/// The examples of one article with the oracle run over compressed
/// sentences: each body sentence is a candidate as `pipeline`'s compressor
/// would cut it, so a sentence's label is the value of its point, not of
/// its whole sentence. Without a compressor, the same as [`examples`].
pub fn examples_compressed(
    pipeline: &Pipeline,
    doc: &Document,
    highlights: &[String],
) -> (Vec<Vec<f32>>, Vec<f32>) {
    let Some(compressor) = pipeline.compressor() else {
        return examples(doc, highlights);
    };
    let (analyzed, _, ctx) = selected(pipeline, doc);
    let text = doc.text.as_str();
    oracle_examples(&analyzed, highlights, |i| {
        tokenize(&join_spans(
            text,
            &compressor.compress(&analyzed, &ctx, i),
            true,
        ))
    })
}

/// Feature rows of the body sentences of `analyzed`, labelled by the greedy
/// oracle over the candidates `tokens` makes of each body sentence.
fn oracle_examples(
    analyzed: &nutgraf_core::analyze::Analyzed<'_>,
    highlights: &[String],
    tokens: impl Fn(usize) -> Vec<String>,
) -> (Vec<Vec<f32>>, Vec<f32>) {
    let has_title = !analyzed.title_stems.is_empty();
    let feats = sentence_features(analyzed);
    let body: Vec<usize> = (0..feats.len()).filter(|&i| feats[i].is_some()).collect();
    let sentences: Vec<Vec<String>> = body.iter().map(|&i| tokens(i)).collect();
    let refs: Vec<Vec<String>> = highlights.iter().map(|h| tokenize(h)).collect();
    let chosen = greedy_oracle(&sentences, &refs, 3);
    let x = feature_rows(&feats, has_title)
        .iter()
        .map(|r| r.to_vec())
        .collect();
    let y = (0..body.len())
        .map(|k| if chosen.contains(&k) { 1.0 } else { 0.0 })
        .collect();
    (x, y)
}

/// Greedy oracle: indices of up to `max` candidates that together score
/// best against `refs` (ROUGE-1 + ROUGE-Lsum F1), added one at a time while
/// the score rises.
pub fn greedy_oracle(candidates: &[Vec<String>], refs: &[Vec<String>], max: usize) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut best = 0.0;
    for _ in 0..max {
        let mut pick = None;
        for k in 0..candidates.len() {
            if chosen.contains(&k) {
                continue;
            }
            let mut cand: Vec<&Vec<String>> = chosen.iter().map(|&c| &candidates[c]).collect();
            cand.push(&candidates[k]);
            let s = score_tokenized(refs, &cand);
            let m = s.rouge1.fmeasure + s.rouge_lsum.fmeasure;
            if m > best {
                best = m;
                pick = Some(k);
            }
        }
        match pick {
            Some(k) => chosen.push(k),
            None => break,
        }
    }
    chosen
}

/// The analysis of `doc` and the sentences `pipeline` selects, with the
/// per-document context the compressor reads.
fn selected<'d>(
    pipeline: &Pipeline,
    doc: &'d Document,
) -> (nutgraf_core::analyze::Analyzed<'d>, Vec<usize>, DocContext) {
    let (analyzed, _) = pipeline.analyze(doc);
    let (_, selection) = pipeline.select(&analyzed);
    let mut ctx = DocContext::new(&analyzed);
    ctx.select(&analyzed, &selection.sentences);
    (analyzed, selection.sentences, ctx)
}

/// The compressor's examples of one article, from one analysis: the word
/// examples (`word_examples`) and the cut labels (`cut_labels`).
pub fn compressor_examples(
    pipeline: &Pipeline,
    doc: &Document,
    highlights: &[String],
) -> (TrainingSet, Vec<f32>) {
    let (analyzed, picked, ctx) = selected(pipeline, doc);
    let (x, y) = word_examples(&analyzed, &picked, &ctx, highlights);
    (
        TrainingSet { x, y },
        cut_labels(&analyzed, &picked, highlights),
    )
}

/// The word examples of one article: every word of the `picked`
/// sentences, labelled 1 when its ROUGE token (lowercased, stemmed) is a
/// token of the highlights.
fn word_examples(
    analyzed: &nutgraf_core::analyze::Analyzed<'_>,
    picked: &[usize],
    ctx: &DocContext,
    highlights: &[String],
) -> (Vec<Vec<f32>>, Vec<f32>) {
    let text = analyzed.segmented.doc.text.as_str();
    let reference: rustc_hash::FxHashSet<String> =
        highlights.iter().flat_map(|h| tokenize(h)).collect();
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for &i in picked {
        let rows = compress::word_rows(analyzed, ctx, i);
        for (t, row) in analyzed.sentence(i).iter().zip(rows) {
            let hit = tokenize(t.span.slice(text))
                .iter()
                .any(|w| reference.contains(w));
            x.push(row.to_vec());
            y.push(if hit { 1.0 } else { 0.0 });
        }
    }
    (x, y)
}

/// The cut labels of one article: for each of the `picked` sentences,
/// every candidate cut ([`compress::candidates`]) in order, labelled 1 when
/// the greedy oracle makes it: cuts are made one at a time, each the one
/// that raises ROUGE-1 + ROUGE-Lsum F1 of the selected sentences against the
/// highlights most, while one does.
fn cut_labels(
    analyzed: &nutgraf_core::analyze::Analyzed<'_>,
    picked: &[usize],
    highlights: &[String],
) -> Vec<f32> {
    let text = analyzed.segmented.doc.text.as_str();
    let refs: Vec<Vec<String>> = highlights.iter().map(|h| tokenize(h)).collect();
    let mut summary: Vec<Vec<String>> = picked
        .iter()
        .map(|&i| tokenize(analyzed.segmented.sentence_text(i)))
        .collect();
    let mut base = {
        let s = score_tokenized(&refs, &summary);
        s.rouge1.fmeasure + s.rouge_lsum.fmeasure
    };
    let mut y = Vec::new();
    for (k, &i) in picked.iter().enumerate() {
        let cuts = compress::candidates(analyzed, i);
        let mut made: Vec<usize> = Vec::new();
        loop {
            let mut best: Option<(usize, f64, Vec<String>)> = None;
            for (c, cut) in cuts.iter().enumerate() {
                if made.contains(&c) {
                    continue;
                }
                let mut spans: Vec<nutgraf_core::Span> =
                    made.iter().map(|&m| cuts[m].span).collect();
                spans.push(cut.span);
                let kept = compress::apply_cuts(analyzed, i, &spans);
                let toks = tokenize(&join_spans(text, &kept, true));
                let old = std::mem::replace(&mut summary[k], toks);
                let s = score_tokenized(&refs, &summary);
                let toks = std::mem::replace(&mut summary[k], old);
                let m = s.rouge1.fmeasure + s.rouge_lsum.fmeasure;
                if m > base + 1e-6 && best.as_ref().is_none_or(|b| m > b.1) {
                    best = Some((c, m, toks));
                }
            }
            match best {
                Some((c, m, toks)) => {
                    made.push(c);
                    base = m;
                    summary[k] = toks;
                }
                None => break,
            }
        }
        y.extend((0..cuts.len()).map(|c| if made.contains(&c) { 1.0 } else { 0.0 }));
    }
    y
}

/// The cut feature rows of one article, in the order of `cut_labels`, with
/// the word probabilities of `words` (a compressor whose cut model is not
/// read).
pub fn cut_rows(
    pipeline: &Pipeline,
    doc: &Document,
    words: &compress::Compressor,
) -> Vec<Vec<f32>> {
    let (analyzed, picked, ctx) = selected(pipeline, doc);
    let mut x = Vec::new();
    for &i in &picked {
        let cuts = compress::candidates(&analyzed, i);
        x.extend(
            words
                .cut_rows(&analyzed, &ctx, i, &cuts)
                .iter()
                .map(|r| r.to_vec()),
        );
    }
    x
}

/// Trains the word model of the compressor.
pub fn train_words(x: &[Vec<f32>], y: &[f32], params: &TrainParams) -> Gbdt {
    let names: Vec<String> = WORD_FEATURE_NAMES.iter().map(|s| s.to_string()).collect();
    gbdt::train(&names, x, y, params)
}

/// Trains the cut model of the compressor.
pub fn train_cuts(x: &[Vec<f32>], y: &[f32], params: &TrainParams) -> Gbdt {
    let names: Vec<String> = CUT_FEATURE_NAMES.iter().map(|s| s.to_string()).collect();
    debug_assert!(x.iter().all(|r| r.len() == CUT_FEATURES));
    gbdt::train(&names, x, y, params)
}

/// A compressor with the word model `words` and a cut model that makes no
/// cut: what [`cut_rows`] needs.
pub fn word_compressor(words: &Gbdt) -> Result<compress::Compressor, String> {
    let cuts = Gbdt {
        features: CUT_FEATURE_NAMES.iter().map(|s| s.to_string()).collect(),
        base: -10.0,
        trees: Vec::new(),
    };
    compress::Compressor::from_model(&compress::CompressModel {
        words: words.clone(),
        cuts,
    })
}

/// Trains the learned scorer's model on `set`.
pub fn train(set: &TrainingSet, params: &TrainParams) -> Gbdt {
    let names: Vec<String> = FEATURE_NAMES.iter().map(|s| s.to_string()).collect();
    gbdt::train(&names, &set.x, &set.y, params)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        tokenize(s)
    }

    #[test]
    fn oracle_picks_the_sentences_that_match() {
        let cands = vec![
            toks("The weather was mild on the coast."),
            toks("Police arrested two men after the robbery."),
            toks("A bakery sold bread."),
            toks("The men were charged with theft on Friday."),
        ];
        let refs = vec![
            toks("Two men arrested after robbery."),
            toks("Men charged with theft."),
        ];
        let mut got = greedy_oracle(&cands, &refs, 3);
        got.sort_unstable();
        assert_eq!(got, vec![1, 3]);
    }

    #[test]
    fn examples_label_body_sentences() {
        let doc = Document::new(
            "LONDON (Wire) -- A fire closed the central library on Monday. \
             Nobody was hurt, firefighters said. The building will stay shut for a month. \
             Readers can use the branch on High Street meanwhile.",
        );
        let (x, y) = examples(&doc, &["Fire closes central library.".to_string()]);
        assert_eq!(x.len(), 4, "the dateline is not an example");
        assert_eq!(y, vec![1.0, 0.0, 0.0, 0.0]);
        assert!(x.iter().all(|v| v.len() == FEATURE_NAMES.len()));
    }
}
