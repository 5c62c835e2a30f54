//! Who said what: direct quotes and reported speech, with cue, speaker and
//! content spans as byte offsets into the document's text.
//!
//! Rules, in order, over each paragraph of a [`Segmented`] document:
//!
//! 1. **Direct quotes**: text between paired quotation marks (straight or
//!    curly, guillemets), a quote left open at a paragraph's end running to
//!    it. Short quoted phrases without a clause in them ("scare quotes")
//!    are not quotes on their own.
//! 2. Each direct quote looks for its attribution after it in its sentence
//!    (`"...," she said.`, `"...," said Jane Doe.`; after a quoted question,
//!    in the next sentence), then before it (`Doe said: "..."`,
//!    `According to X, "..."`, `X continued:` ending the paragraph before).
//!    A quote right after an attribution that closed the previous quote
//!    (`"We will," she said, "win."`) joins it: one quote, two content
//!    spans. A cue before the quote whose phrase is no noun phrase
//!    (`began by saying`) yields to the sentence's subject. A quote with no
//!    attribution takes the subject of its sentence when it sits inside
//!    one, else inherits the speaker of the quote before it in the same or
//!    the previous paragraph, else takes the named subject of the sentence
//!    before.
//! 3. **Reported speech** in sentences with no direct quote:
//!    `SPEAKER CUE (that) CONTENT`, `CONTENT, SPEAKER CUE`,
//!    `CONTENT, CUE SPEAKER`, `according to SPEAKER, CONTENT` and
//!    `CONTENT, according to SPEAKER`, with a subordinate clause read apart
//!    from the main one; `, adding that ...` after any attribution is the
//!    same speaker's. A `Name: ...` headline is its name's.
//! 4. Speakers are resolved to names by [`coref`]: a pronoun to the last
//!    person named, a surname or a role ("the spokesman") to the fullest
//!    mention of it in the article.

mod attribution;
pub mod chooser;
pub mod confidence;
pub mod coref;
mod headline;
mod lexicon;
mod phrase;
pub use lexicon::{learn_cues, learned_cues, LEARNED_CUES, LEARNED_MIN_CUES, LEARNED_MIN_RATE};
mod reported;
mod scan;
mod subject;
pub mod tagger;
mod token;
mod wordset;

use serde::{Deserialize, Serialize};

use crate::score::gbdt::Gbdt;
use crate::segment::{Segmented, SentenceKind};
use crate::Span;
use attribution::*;
use headline::*;
use reported::*;
use scan::{Tok, TokKind};
use subject::*;

/// Whether a quote is in the speaker's own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Words in quotation marks.
    Direct,
    /// Reported speech: `X said that ...`, `according to X, ...`.
    Indirect,
}

/// One quote or attribution.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Direct or reported.
    pub kind: QuoteKind,
    /// The attribution cue (`said`, `told`, `according to`), if found.
    pub cue: Option<Span>,
    /// The speaker as written (`she`, `the spokesman`, `Jane Doe`), if found.
    pub speaker: Option<Span>,
    /// The speaker resolved to the fullest name the article gives.
    pub speaker_name: Option<String>,
    /// The quoted or reported words: one span, or more for a quote split
    /// around its attribution. Direct quotes include their quotation marks.
    pub content: Vec<Span>,
    /// The content spans' text, joined by a space.
    pub text: String,
    /// How likely the quote is right, content and speaker (0 to 1, from
    /// the learned [`confidence`] model).
    #[serde(default = "full_confidence")]
    pub confidence: f32,
    /// Who relayed the speaker's words, when the article names both (`A
    /// Taliban spokesman tweeted that "...," the Associated Press
    /// reported`: the spokesman speaks, via the Associated Press).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<Span>,
    /// The relaying source as written (`the Associated Press`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via_name: Option<String>,
    /// The speaker's entry in the summary's `speakers` list: one id for
    /// every quote of one person or organization (`Secretary of State Mike
    /// Pompeo`, `Pompeo` and `he`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_id: Option<usize>,
}

/// One person or organization quoted in an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Its index in the list, as quotes' `speaker_id` give it.
    pub id: usize,
    /// The fullest name the article gives it.
    pub name: String,
    /// Where its quotes name it (`Pompeo`, `he`), in text order.
    pub mentions: Vec<Span>,
}

/// Links the quotes of one speaker: each distinct resolved name becomes a
/// [`Speaker`] (in order of first quote), and every quote with a speaker
/// gets its `speaker_id`.
pub fn speakers(quotes: &mut [Quote]) -> Vec<Speaker> {
    let mut out: Vec<Speaker> = Vec::new();
    let mut index: rustc_hash::FxHashMap<String, usize> = Default::default();
    for q in quotes.iter_mut() {
        let (Some(name), Some(span)) = (q.speaker_name.as_ref(), q.speaker) else {
            continue;
        };
        let id = *index.entry(name.clone()).or_insert_with(|| {
            out.push(Speaker {
                id: out.len(),
                name: name.clone(),
                mentions: Vec::new(),
            });
            out.len() - 1
        });
        q.speaker_id = Some(id);
        out[id].mentions.push(span);
    }
    for s in &mut out {
        s.mentions.sort_by_key(|m| (m.start, m.end));
        s.mentions.dedup();
    }
    out
}

fn full_confidence() -> f32 {
    1.0
}

/// The learned models quote extraction uses: `None` leaves a stage out
/// (the rules' speakers stand; every quote gets confidence 1).
#[derive(Clone, Copy, Debug)]
pub struct QuoteModels<'m> {
    /// The speaker chooser ([`chooser`]).
    pub speaker: Option<&'m Gbdt>,
    /// The confidence model ([`confidence`]).
    pub confidence: Option<&'m Gbdt>,
    /// The cue tagger ([`tagger`]).
    pub tagger: Option<&'m tagger::CueTagger>,
}

impl QuoteModels<'static> {
    /// The models built into the binary.
    pub fn builtin() -> QuoteModels<'static> {
        QuoteModels {
            speaker: chooser::model(),
            confidence: confidence::model(),
            tagger: tagger::model(),
        }
    }
}

/// Finds the quotes and attributions of a segmented document, in text
/// order, with the built-in models. Never panics; linear in the text apart
/// from name look-ups.
pub fn extract(seg: &Segmented<'_>) -> Vec<Quote> {
    extract_with(seg, QuoteModels::builtin())
}

/// The speaker chooser's rows for `quotes` (as [`extract_with`] gives them
/// with no speaker model) of a segmented document: for each quote, each
/// candidate word's span and features, as `(quote index, word, row)`.
pub fn speaker_rows(
    seg: &Segmented<'_>,
    quotes: &[Quote],
) -> Vec<(usize, Span, [f32; chooser::FEATURES.len()])> {
    let text = seg.doc.text.as_str();
    let toks = scan::tokenize(text, Span::new(0, text.len()));
    let sentences: Vec<Span> = body_sentences(seg).into_iter().flatten().collect();
    let counts = chooser::Counts::new(text, &toks);
    let mut out = Vec::new();
    for (qi, q) in quotes.iter().enumerate() {
        if q.cue.is_some_and(|c| c.slice(text) == ":") {
            continue;
        }
        let Some(ctx) = chooser::context(text, &toks, &sentences, q) else {
            continue;
        };
        for (i, &k) in ctx.words.iter().enumerate() {
            let t = &toks[k];
            out.push((
                qi,
                Span::new(t.start, t.end),
                chooser::features(text, &toks, &counts, &ctx, i),
            ));
        }
    }
    out
}

/// The cue tagger's training rows of `text`: for each word that may be a
/// candidate ([`tagger::candidate_words`]), its span, lowercase word and
/// feature hashes.
pub fn tagger_rows(text: &str) -> Vec<(Span, &str, Vec<u32>)> {
    let toks = scan::tokenize(text, Span::new(0, text.len()));
    tagger::candidate_words(text, &toks)
        .into_iter()
        .map(|(k, w)| {
            let mut f = Vec::with_capacity(16);
            tagger::features(text, &toks, k, |h| f.push(h));
            (Span::new(toks[k].start, toks[k].end), w, f)
        })
        .collect()
}

/// Body sentences by paragraph (sentences come in paragraph order).
fn body_sentences(seg: &Segmented<'_>) -> Vec<Vec<Span>> {
    let mut by_para: Vec<Vec<Span>> = vec![Vec::new(); seg.paragraphs.len()];
    for s in &seg.sentences {
        if matches!(
            s.kind,
            SentenceKind::Body | SentenceKind::Heading | SentenceKind::Transcript
        ) {
            if let Some(v) = by_para.get_mut(s.paragraph) {
                v.push(s.span);
            }
        }
    }
    by_para
}

/// [`extract`] with the given models.
pub fn extract_with(seg: &Segmented<'_>, models: QuoteModels<'_>) -> Vec<Quote> {
    let text = seg.doc.text.as_str();
    // Quotes with their paragraph index and, for direct quotes with no
    // attribution, the speakers to fall back on.
    let mut out: Vec<(usize, Quote, Fallback)> = Vec::new();
    let by_para = body_sentences(seg);
    // Paragraphs that are transcript lines.
    let mut transcript = vec![false; seg.paragraphs.len()];
    for s in &seg.sentences {
        if s.kind == SentenceKind::Transcript {
            if let Some(t) = transcript.get_mut(s.paragraph) {
                *t = true;
            }
        }
    }
    // One pass of tokens over the whole text, shared with name resolution.
    let mut all_toks = scan::tokenize(text, Span::new(0, text.len()));
    for para in &seg.paragraphs {
        let from = all_toks.partition_point(|t| t.start < para.start);
        let to = all_toks.partition_point(|t| t.start < para.end);
        if lexicon::is_title_case(text, &all_toks[from..to]) {
            all_toks[from..to]
                .iter_mut()
                .for_each(|t| t.title_case = true);
        }
    }
    // The cue tagger's cues count for reported speech only: around a
    // quotation mark the verbs of saying and the speaker chooser decide.
    let tagged: Option<Vec<Tok>> = models.tagger.and_then(|t| {
        let mut v = all_toks.clone();
        t.mark(text, &mut v).then_some(v)
    });
    for (p, para) in seg.paragraphs.iter().enumerate() {
        let from = all_toks.partition_point(|t| t.start < para.start);
        let to = all_toks.partition_point(|t| t.start < para.end);
        let toks = &all_toks[from..to];
        let reported_toks = tagged.as_ref().map_or(toks, |v| &v[from..to]);
        let sentences = &by_para[p];
        // `MARSH: How ready is the county?`: a transcript line is its
        // labelled speaker's, whole.
        if transcript[p] {
            if let Some(label) = crate::segment::transcript::label(text, *para) {
                let colon = Span::new(label.end, label.end + 1);
                let rest = &text[label.end + 1..para.end];
                let lead = rest.len() - rest.trim_start().len();
                let content = Span::new(label.end + 1 + lead, para.end);
                if !content.is_empty() {
                    let mut quote = make(
                        text,
                        QuoteKind::Direct,
                        Some(colon),
                        Some(label),
                        vec![content],
                    );
                    quote.speaker_name = Some(label.slice(text).to_string());
                    out.push((p, quote, Fallback::default()));
                    continue;
                }
            }
        }
        if p == 0 {
            // `Pence: Trump Was 'Mocking' Clinton Camp`.
            // Sentence case is read as a headline only where the headline
            // detector takes the line for one (Title Case and `Name:` say
            // so by themselves).
            // The pipeline has run the detector already (`title_span`);
            // a bare segmentation has not.
            let detected = || {
                seg.title_span
                    .or_else(|| crate::headline::read_layout(text).headline)
                    .is_some_and(|h| h.start == para.start)
            };
            if let Some(quote) = headline_speaker(text, toks)
                .or_else(|| headline_subject(text, toks))
                .or_else(|| {
                    headline_label(text, toks)
                        .or_else(|| headline_verb(text, toks))
                        .filter(|_| detected())
                })
            {
                out.push((p, quote, Fallback::default()));
                continue;
            }
        }
        let paragraph_start = out.len();
        let quoted = scan::quoted_spans(text, toks);
        let mut direct_sentences: Vec<Span> = Vec::new();
        let mut q = 0;
        while q < quoted.len() {
            let (open, close) = quoted[q];
            let content = Span::new(toks[open].start, toks[close].end);
            let sentence = enclosing(sentences, content).unwrap_or(*para);
            // `"Denver," he answered.`: a one-word quotation is a quote when
            // its speaker and cue follow it.
            let opens_sentence = toks[..open]
                .last()
                .is_none_or(|t| t.end <= sentence.start || is_soft(text, t));
            let keep = is_real_quote(text, toks, open, close)
                || (opens_sentence
                    && is_short_quote(text, toks, open, close)
                    && attribution_after(text, toks, close, sentence, *para)
                        .is_some_and(|a| a.speaker.is_some() && !a.before));
            if !keep {
                q += 1;
                continue;
            }
            direct_sentences.push(sentence);
            let mut spans = vec![content];
            // `"How are you?" Miller said.` splits after the question mark:
            // the attribution may sit in the sentence after the quote.
            let asks = text[..toks[close].start].trim_end().ends_with(['?', '!']);
            let after_sentence = toks
                .get(close + 1)
                .filter(|_| asks)
                .and_then(|t| enclosing(sentences, Span::new(t.start, t.end)))
                .filter(|s| s.len() < 120)
                .map_or(sentence, |s| {
                    Span::new(sentence.start, s.end.max(sentence.end))
                });
            let mut attribution = attribution_after(text, toks, close, after_sentence, *para);
            if let Some(a) = &attribution {
                // `"A," she said, "B."`: the next quote opens right after.
                if let Some(&(o2, c2)) = quoted.get(q + 1) {
                    if o2 == a.next_tok && is_real_quote(text, toks, o2, c2) {
                        spans.push(Span::new(toks[o2].start, toks[c2].end));
                        q += 1;
                    }
                }
            }
            // `Although Weiner admitted that they had "been friends," he
            // claimed they never met`: a quotation inside a clause (a word
            // right before it) whose attribution after it goes on (`he
            // claimed they ...`) belongs to the cue before it.
            if !opens_sentence
                && attribution
                    .as_ref()
                    .is_some_and(|a| !a.closes_clause(text, toks, sentence))
            {
                if let Some(b) = attribution_before(text, toks, &quoted, open, sentence)
                    .filter(|b| b.speaker.is_some())
                {
                    attribution = Some(b);
                }
            }
            // `Peabody said: "...," adding that its value ...`: a participle
            // after the quote with no speaker of its own leaves the quote
            // to the attribution before it.
            let weak = attribution.as_ref().is_none_or(|a| {
                a.speaker.is_none_or(|s| {
                    a.cue.slice(text).ends_with("ing") && phrase::within(text, toks, s).is_none()
                })
            });
            if weak {
                let before = attribution_before(text, toks, &quoted, open, sentence);
                if attribution.is_none() || before.as_ref().is_some_and(|b| b.speaker.is_some()) {
                    attribution = before;
                }
            }
            if attribution.is_none() {
                attribution = as_put_it(text, toks, open, close, sentence);
            }
            let before = attribution.as_ref().is_some_and(|a| a.before);
            let (mut cue, mut speaker) =
                attribution.map_or((None, None), |a| (Some(a.cue), a.speaker));
            if let Some(c) = cue.filter(|_| before || speaker.is_none()) {
                if needs_subject(text, toks, c, speaker) {
                    // `Dean then appeared on MSNBC and began by saying he
                    // would "never" ...`: the cue's own phrase is no
                    // speaker; the sentence's subject is.
                    speaker = sentence_subject(text, toks, sentence, open)
                        .or(speaker.filter(|&s| plausible_speaker(text, toks, s)));
                }
            }
            // `"REYES: Do you ...`: a speaker's label opening the quote
            // names its speaker, whatever follows it.
            if let Some((label, colon)) = transcript_speaker(text, toks, open, close) {
                (cue, speaker) = (Some(colon), Some(label));
            }
            if cue.is_none() && speaker.is_none() && open == 0 && p > 0 {
                // `Caddell continued:` closing the paragraph before.
                let prev_start =
                    all_toks.partition_point(|t| t.start < seg.paragraphs[p - 1].start);
                if let Some(a) = attribution_closing(text, &all_toks[prev_start..from]) {
                    (cue, speaker) = (Some(a.cue), a.speaker);
                }
            }
            let mut fallback = Fallback::default();
            if speaker.is_none() {
                fallback.subject = sentence_subject(text, toks, sentence, open);
                if fallback.subject.is_none() && cue.is_none() {
                    fallback.previous = previous_subject(text, &all_toks, &by_para, p, sentence);
                }
            }
            out.push((
                p,
                make(text, QuoteKind::Direct, cue, speaker, spans),
                fallback,
            ));
            q += 1;
        }
        // Both lists are in text order: walk them together.
        let mut d = 0;
        for &s in sentences {
            while d < direct_sentences.len() && direct_sentences[d].end <= s.start {
                d += 1;
            }
            if direct_sentences
                .get(d)
                .is_some_and(|ds| ds.start < s.end && s.start < ds.end)
            {
                continue;
            }
            for quote in reported_clauses(text, reported_toks, s) {
                out.push((p, quote, Fallback::default()));
            }
        }
        // `"...," the mayor said, adding that it would take "more hours"`:
        // a participle clause after an attribution is the same speaker's.
        // Content spans of the paragraph by start, for overlap look-ups.
        let mut taken: std::collections::BTreeMap<usize, usize> = out[paragraph_start..]
            .iter()
            .flat_map(|(_, q, _)| q.content.iter().map(|c| (c.start, c.end)))
            .collect();
        let mut k = paragraph_start;
        while k < out.len() {
            let (_, q, _) = &out[k];
            k += 1;
            let (Some(cue), Some(speaker)) = (q.cue, q.speaker) else {
                continue;
            };
            let after = q
                .content
                .iter()
                .map(|c| c.end)
                .max()
                .unwrap_or(0)
                .max(cue.end);
            let Some(sentence) = enclosing(sentences, cue) else {
                continue;
            };
            let Some((pcue, content)) = participle_clause(text, toks, after, sentence) else {
                continue;
            };
            let overlaps = taken
                .range(..content.end)
                .next_back()
                .is_some_and(|(_, &end)| end > content.start);
            if !overlaps {
                taken.insert(content.start, content.end);
                out.push((
                    p,
                    indirect(text, pcue, Some(speaker), content),
                    Fallback::default(),
                ));
            }
        }
    }
    out.sort_by_key(|(_, q, _)| q.content.first().map_or(0, |c| c.start));
    // A direct quote with no attribution of its own continues the last
    // speaker's words, in its paragraph or the one before.
    // Each speaker with the paragraph and byte where its quote starts.
    let mut last: Option<(usize, Span, usize)> = None;
    for (p, q, fallback) in &mut out {
        let at = q.content.first().map_or(0, |c| c.start);
        match (q.speaker, q.cue, last) {
            (Some(s), _, _) => last = Some((*p, s, at)),
            // `Scott beamed and asked the crowd to welcome "my new best
            // friend."`: the sentence's subject said it.
            (None, None, _) if fallback.subject.is_some() => {
                q.speaker = fallback.subject;
                last = fallback.subject.map(|s| (*p, s, at));
            }
            // `Sanders identified ... as a reason. "The younger people
            // ..."`: the person the sentence before is about, unless a
            // quote came since.
            (None, None, _)
                if fallback.previous.is_some()
                    && !last
                        .is_some_and(|(lp, _, _)| *p <= lp + 1 && q.kind == QuoteKind::Direct) =>
            {
                q.speaker = fallback.previous.map(|(_, s)| s);
                last = q.speaker.map(|s| (*p, s, at));
            }
            (None, None, Some((lp, s, _))) if q.kind == QuoteKind::Direct && *p <= lp + 1 => {
                q.speaker = Some(s);
                last = Some((*p, s, at));
            }
            _ => {}
        }
    }
    let mut quotes: Vec<Quote> = out.into_iter().map(|(_, q, _)| q).collect();
    // What follows reads the article as running text.
    all_toks.iter_mut().for_each(|t| t.title_case = false);
    // A speaker is a noun phrase (or a pronoun): what the rules took past
    // it is trimmed (`Donald Trump is defending his` → `Donald Trump`), and
    // a span that names no one (`Despite`, `There's no way to`) leaves the
    // quote unattributed rather than wrongly attributed.
    relayed(seg, &all_toks, &mut quotes);
    let labelled = |q: &Quote| {
        q.speaker
            .zip(q.cue)
            .is_some_and(|(s, c)| c.start == s.end && c.slice(text) == ":")
    };
    for q in &mut quotes {
        if let Some(sp) = q.speaker.filter(|_| !labelled(q)) {
            q.speaker = phrase::within(text, &all_toks, sp);
        }
    }
    if let Some(m) = models.speaker {
        let sentences: Vec<Span> = by_para.iter().flatten().copied().collect();
        chooser::rechoose(text, &all_toks, &sentences, &mut quotes, m);
    }
    coref::resolve(text, &all_toks, &mut quotes);
    join_continuations(text, &mut quotes);
    if let Some(m) = models.confidence {
        confidence::assign(text, &mut quotes, Some(m));
    }
    // A transcript line is its labelled speaker's by the page's layout, a
    // shape the model never saw in training.
    for q in quotes.iter_mut().filter(|q| labelled(q)) {
        q.confidence = 1.0;
    }
    quotes
}

/// The longest stretch between a quote and its continuation: room for an
/// attribution with a title (`said Ryan Ellis, a Republican tax
/// consultant.`), not for a sentence of narrative.
const CONTINUATION_GAP: usize = 200;

/// `"A," Ellis said. "B."`: a direct quote with no attribution of its own,
/// in the same paragraph as the quote before and with the same speaker,
/// continues it. It joins that quote as one more content span (one
/// attribution, as PolNeAR and an editor read it), before the confidence
/// model weighs it.
fn join_continuations(text: &str, quotes: &mut Vec<Quote>) {
    let mut kept: Vec<Quote> = Vec::with_capacity(quotes.len());
    for q in quotes.drain(..) {
        if let Some(p) = kept.last_mut() {
            let continues = q.kind == QuoteKind::Direct
                && p.kind == QuoteKind::Direct
                && q.cue.is_none()
                && q.speaker.is_some()
                && q.speaker_name.is_some()
                && q.speaker_name == p.speaker_name
                && matches!(
                    (p.content.last(), q.content.first()),
                    (Some(a), Some(b)) if a.end <= b.start
                        && b.start - a.end < CONTINUATION_GAP
                        && !text[a.end..b.start].contains('\n')
                );
            if continues {
                p.content.extend_from_slice(&q.content);
                p.text.push(' ');
                p.text.push_str(&q.text);
                continue;
            }
        }
        kept.push(q);
    }
    *quotes = kept;
}

/// Cues by which one source relays another's words.
const RELAY_CUES: [&str; 4] = ["reported", "reports", "reporting", "according"];

/// Nested attribution: a quote attributed after it by a relaying cue
/// (`..., the Associated Press reported`) whose sentence opens with a
/// speaker and a cue of its own (`A Taliban spokesman tweeted that ...`)
/// is that speaker's, via the relaying source.
fn relayed(seg: &Segmented<'_>, toks: &[Tok], quotes: &mut [Quote]) {
    let text = seg.doc.text.as_str();
    for q in quotes.iter_mut() {
        let (Some(cue), Some(outer), Some(first)) = (q.cue, q.speaker, q.content.first().copied())
        else {
            continue;
        };
        let cue_word = cue.slice(text).split_whitespace().next().unwrap_or("");
        if cue.start < first.end || !RELAY_CUES.iter().any(|c| c.eq_ignore_ascii_case(cue_word)) {
            continue;
        }
        let at = seg.sentences.partition_point(|s| s.span.end <= first.start);
        let Some(sentence) = seg
            .sentences
            .get(at)
            .filter(|s| s.span.start <= first.start)
        else {
            continue;
        };
        let from = toks.partition_point(|t| t.start < sentence.span.start);
        let to = toks.partition_point(|t| t.start < first.start);
        let before = &toks[from..to];
        // The first cue of the sentence, with a speaker phrase before it.
        let Some(k) = before
            .iter()
            .position(lexicon::is_cue_word)
            .filter(|&k| k > 0)
        else {
            continue;
        };
        if let Some(inner) = phrase::speaker_phrase(text, &before[..k]) {
            q.via = Some(outer);
            q.via_name = Some(outer.slice(text).to_string());
            q.speaker = Some(inner);
            q.cue = Some(Span::new(before[k].start, before[k].end));
        }
    }
}

/// Speakers for a direct quote with no attribution of its own.
#[derive(Clone, Copy, Debug, Default)]
struct Fallback {
    /// The subject of the quote's sentence, when the quote sits inside it.
    subject: Option<Span>,
    /// The start of the sentence before and its subject, a name or a
    /// personal pronoun.
    previous: Option<(usize, Span)>,
}

fn make(
    text: &str,
    kind: QuoteKind,
    cue: Option<Span>,
    speaker: Option<Span>,
    content: Vec<Span>,
) -> Quote {
    let joined = content
        .iter()
        .map(|c| c.slice(text))
        .collect::<Vec<_>>()
        .join(" ");
    Quote {
        kind,
        cue,
        speaker,
        speaker_name: None,
        content,
        text: joined,
        confidence: 1.0,
        via: None,
        via_name: None,
        speaker_id: None,
    }
}

/// A reported-speech quote.
fn indirect(text: &str, cue: Span, speaker: Option<Span>, content: Span) -> Quote {
    make(text, QuoteKind::Indirect, Some(cue), speaker, vec![content])
}

/// The sentence span that holds `inner`'s start.
fn enclosing(sentences: &[Span], inner: Span) -> Option<Span> {
    // Sentences are sorted and disjoint: binary search both ends.
    let first = sentences.partition_point(|s| s.end <= inner.start);
    let s = sentences.get(first).filter(|s| s.start <= inner.start)?;
    // A quote may run over several sentences: take them all.
    let last = sentences
        .partition_point(|s| s.start < inner.end)
        .saturating_sub(1)
        .max(first);
    Some(Span::new(s.start, sentences[last].end))
}

/// A quotation with a clause in it: four or more words, or any sentence
/// punctuation inside. Two-word "scare quotes" are not quotes.
fn is_real_quote(text: &str, toks: &[Tok], open: usize, close: usize) -> bool {
    let (words, inner) = quotation(text, toks, open, close);
    (words >= 4 || (words >= 2 && inner.ends_with([',', '.', '!', '?'])))
        && !scan::is_title(text, &toks[open + 1..close])
}

/// The words between the marks at `open` and `close`, and the text there
/// without trailing space.
fn quotation<'t>(text: &'t str, toks: &[Tok], open: usize, close: usize) -> (usize, &'t str) {
    let words = toks[open..=close]
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .count();
    (words, text[toks[open].end..toks[close].start].trim_end())
}

/// A quotation of one to three words that ends on a comma, question or
/// exclamation mark inside its marks (`"Denver,"`, `"Never!"`): a quote
/// when an attribution follows it ([`is_real_quote`] wants more).
fn is_short_quote(text: &str, toks: &[Tok], open: usize, close: usize) -> bool {
    let (words, inner) = quotation(text, toks, open, close);
    (1..=3).contains(&words)
        && inner.ends_with([',', '!', '?'])
        && !scan::is_title(text, &toks[open + 1..close])
}

#[cfg(test)]
mod tests;
