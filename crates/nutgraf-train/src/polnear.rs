//! Quote scoring against PolNeAR's gold attributions, computed exactly as
//! `../shared/tools/score_quotes.py` does (and checked against it).
//!
//! Gold: every attribution relation (source, cue, content) of a document's
//! first annotation file (brat standoff, character offsets). "Direct" gold
//! is the subset whose content holds a quotation mark. A system quote and a
//! gold attribution pair one-to-one, greedily by the most shared content
//! characters, when at least half of the smaller content is shared.

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;

use nutgraf_core::quotes::Quote;

/// One gold attribution: content and source as character spans.
#[derive(Clone, Debug, Default)]
pub struct GoldAttribution {
    /// The content's character spans.
    pub content: Vec<(usize, usize)>,
    /// The source's character spans (empty when none).
    pub source: Vec<(usize, usize)>,
    /// The cue's character spans (empty when none).
    pub cue: Vec<(usize, usize)>,
}

/// Reads the gold attributions of document `name` in a PolNeAR split
/// folder (`text/NAME.txt`, `attributions/NAME_ANNOTATOR.ann`).
pub fn load_gold(dir: &Path, name: &str) -> std::io::Result<(String, Vec<GoldAttribution>)> {
    let text = std::fs::read_to_string(dir.join("text").join(format!("{name}.txt")))?;
    let mut anns: Vec<String> = std::fs::read_dir(dir.join("attributions"))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|f| f.rsplit_once('_').is_some_and(|(stem, _)| stem == name))
        .collect();
    anns.sort();
    let mut rels = Vec::new();
    let Some(first) = anns.first() else {
        return Ok((text, rels));
    };
    let ann = std::fs::read_to_string(dir.join("attributions").join(first))?;
    let mut spans: std::collections::HashMap<&str, Vec<(usize, usize)>> = Default::default();
    for line in ann.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f[0].starts_with('T') && f.len() > 1 {
            let Some((_, sp)) = f[1].split_once(' ') else {
                continue;
            };
            let parsed: Option<Vec<(usize, usize)>> = sp
                .split(';')
                .map(|p| {
                    let mut it = p.split_whitespace().map(|x| x.parse::<usize>().ok());
                    Some((it.next()??, it.next()??))
                })
                .collect();
            if let Some(parsed) = parsed {
                spans.insert(f[0], parsed);
            }
        } else if f[0].starts_with('E') && f.len() > 1 {
            let mut rel = GoldAttribution::default();
            let mut has_content = false;
            for role in f[1].split_whitespace().skip(1) {
                let Some((r, t)) = role.split_once(':') else {
                    continue;
                };
                let Some(sp) = spans.get(t) else {
                    continue;
                };
                match r.to_lowercase().as_str() {
                    "content" => {
                        rel.content = sp.clone();
                        has_content = true;
                    }
                    "source" => rel.source = sp.clone(),
                    "cue" => rel.cue = sp.clone(),
                    _ => {}
                }
            }
            if has_content {
                rels.push(rel);
            }
        }
    }
    Ok((text, rels))
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' | '\u{2018}'
    )
}

fn is_trim_char(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '.'
            | ','
            | ';'
            | ':'
            | '"'
            | '\''
            | '\u{201c}'
            | '\u{201d}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{ab}'
            | '\u{bb}'
    )
}

/// The text of character spans, in order, joined.
fn joined(chars: &[char], spans: &[(usize, usize)]) -> String {
    let mut sorted = spans.to_vec();
    sorted.sort();
    sorted
        .iter()
        .flat_map(|&(a, b)| chars[a.min(chars.len())..b.min(chars.len())].iter())
        .collect()
}

/// The text of character spans, in order, joined and trimmed of spaces,
/// punctuation and quotation marks.
fn norm(chars: &[char], spans: &[(usize, usize)]) -> String {
    joined(chars, spans).trim_matches(is_trim_char).to_string()
}

/// Character spans of one content or speaker.
type CharSpans = Vec<(usize, usize)>;

fn char_set(spans: &[(usize, usize)]) -> HashSet<usize> {
    spans.iter().flat_map(|&(a, b)| a..b).collect()
}

/// Precision, recall and F1, rounded to four places.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn prf(p_num: usize, p_den: usize, r_num: usize, r_den: usize) -> Prf {
    let p = if p_den > 0 {
        p_num as f64 / p_den as f64
    } else {
        0.0
    };
    let r = if r_den > 0 {
        r_num as f64 / r_den as f64
    } else {
        0.0
    };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf {
        p: round4(p),
        r: round4(r),
        f1: round4(f1),
    }
}

/// Figures over all gold attributions.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AllFigures {
    /// Gold attributions.
    pub gold: usize,
    /// System quotes.
    pub system: usize,
    /// Content pairing.
    pub content: Prf,
    /// Content matching exactly (after trimming).
    pub content_exact: Prf,
    /// Speakers overlapping the gold source.
    pub speaker: Prf,
}

/// Recall figures over the direct-quote gold attributions.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DirectFigures {
    /// Direct gold attributions.
    pub gold: usize,
    /// Share of them paired with a system quote.
    pub content_recall: f64,
    /// Share of those with a source whose pair's speaker overlaps it.
    pub speaker_recall: f64,
    /// Share paired with exactly matching content.
    pub content_exact_recall: f64,
}

/// The scorer's figures, in `score_quotes.py`'s JSON layout.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct QuoteScores {
    /// Documents in the split.
    pub docs: usize,
    /// Documents the system gave output for.
    pub system_docs: usize,
    /// All attributions.
    pub all: AllFigures,
    /// Direct quotes (recall only).
    pub direct: DirectFigures,
}

#[derive(Default)]
struct Acc {
    sys: usize,
    sys_spk: usize,
    gold: usize,
    gold_src: usize,
    pair: usize,
    spk: usize,
    exact: usize,
}

/// Each system quote's content and speaker as character spans.
fn char_hyps(text: &str, system: &[Quote]) -> Vec<(CharSpans, CharSpans)> {
    // Byte offset → character index.
    let mut char_at = vec![0usize; text.len() + 1];
    let mut n = 0;
    for (b, c) in text.char_indices() {
        for slot in char_at.iter_mut().skip(b).take(c.len_utf8()) {
            *slot = n;
        }
        n += 1;
    }
    char_at[text.len()] = n;
    let conv = |s: nutgraf_core::Span| {
        // A byte inside a character counts the characters before it,
        // as the Python scorer's decode with errors ignored does.
        let ch = |x: usize| char_at[x.min(text.len())];
        (ch(s.start), ch(s.end))
    };
    system
        .iter()
        .map(|q| {
            (
                q.content.iter().map(|&c| conv(c)).collect(),
                q.speaker.iter().map(|&s| conv(s)).collect(),
            )
        })
        .collect()
}

/// Pairs system quotes with gold attributions one-to-one, greedily by the
/// most shared content characters, as `score_quotes.py` does: `(system,
/// gold)` index pairs.
fn pair(hyps: &[(CharSpans, CharSpans)], g: &[&GoldAttribution]) -> Vec<(usize, usize)> {
    let mut cand: Vec<(usize, usize, usize)> = Vec::new();
    let gsets: Vec<HashSet<usize>> = g.iter().map(|x| char_set(&x.content)).collect();
    for (i, (hc, _)) in hyps.iter().enumerate() {
        let hcs = char_set(hc);
        for (j, gcs) in gsets.iter().enumerate() {
            let shared = hcs.intersection(gcs).count();
            if shared > 0 && shared * 2 >= hcs.len().min(gcs.len()) {
                cand.push((shared, i, j));
            }
        }
    }
    // Python sorts the tuples in reverse: shared, then i, then j, all
    // descending.
    cand.sort_by(|x, y| y.cmp(x));
    let (mut used_h, mut used_g) = (HashSet::new(), HashSet::new());
    let mut out = Vec::new();
    for (_, i, j) in cand {
        if used_h.contains(&i) || used_g.contains(&j) {
            continue;
        }
        used_h.insert(i);
        used_g.insert(j);
        out.push((i, j));
    }
    out
}

/// How one system quote fares against the gold, as the scorer counts it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuoteLabel {
    /// Its content is paired with a gold attribution.
    pub paired: bool,
    /// Paired, and its speaker overlaps the gold source.
    pub speaker_right: bool,
}

/// Labels each system quote of one document (byte offsets into `text`)
/// by the scorer's pairing: the training labels of the quote model.
pub fn label_quotes(text: &str, gold: &[GoldAttribution], system: &[Quote]) -> Vec<QuoteLabel> {
    let hyps = char_hyps(text, system);
    let g: Vec<&GoldAttribution> = gold.iter().collect();
    let mut out = vec![QuoteLabel::default(); system.len()];
    for (i, j) in pair(&hyps, &g) {
        out[i].paired = true;
        let hs = &hyps[i].1;
        out[i].speaker_right = !g[j].source.is_empty()
            && !hs.is_empty()
            && !char_set(hs).is_disjoint(&char_set(&g[j].source));
    }
    out
}

/// For each system quote of one document, the byte spans of the source of
/// the gold attribution its content pairs with (empty when it pairs with
/// none, or that attribution has no source): the speaker chooser's labels.
pub fn paired_sources(
    text: &str,
    gold: &[GoldAttribution],
    system: &[Quote],
) -> Vec<Vec<nutgraf_core::Span>> {
    let byte_at: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let byte = |c: usize| byte_at[c.min(byte_at.len() - 1)];
    let hyps = char_hyps(text, system);
    let g: Vec<&GoldAttribution> = gold.iter().collect();
    let mut out = vec![Vec::new(); system.len()];
    for (i, j) in pair(&hyps, &g) {
        out[i] = g[j]
            .source
            .iter()
            .map(|&(a, b)| nutgraf_core::Span::new(byte(a), byte(b)))
            .collect();
    }
    out
}

/// Accumulates documents and computes [`QuoteScores`].
#[derive(Default)]
pub struct QuoteScorer {
    all: Acc,
    direct: Acc,
    docs: usize,
    system_docs: usize,
}

impl QuoteScorer {
    /// Adds one document: its text, gold attributions and, when the system
    /// gave output for it, the system's quotes (byte offsets into `text`).
    pub fn add(&mut self, text: &str, gold: &[GoldAttribution], system: Option<&[Quote]>) {
        self.docs += 1;
        self.system_docs += usize::from(system.is_some());
        let chars: Vec<char> = text.chars().collect();
        let hyps = char_hyps(text, system.unwrap_or_default());
        for direct in [false, true] {
            let g: Vec<&GoldAttribution> = gold
                .iter()
                .filter(|x| !direct || joined(&chars, &x.content).chars().any(is_quote_char))
                .collect();
            let a = if direct {
                &mut self.direct
            } else {
                &mut self.all
            };
            a.gold += g.len();
            a.gold_src += g.iter().filter(|x| !x.source.is_empty()).count();
            if !direct {
                a.sys += hyps.len();
                a.sys_spk += hyps.iter().filter(|h| !h.1.is_empty()).count();
            }
            for (i, j) in pair(&hyps, &g) {
                a.pair += 1;
                let (hc, hs) = &hyps[i];
                let x = g[j];
                if !x.source.is_empty()
                    && !hs.is_empty()
                    && !char_set(hs).is_disjoint(&char_set(&x.source))
                {
                    a.spk += 1;
                }
                if norm(&chars, hc) == norm(&chars, &x.content) {
                    a.exact += 1;
                }
            }
        }
    }

    /// The figures so far.
    pub fn scores(&self) -> QuoteScores {
        let (a, d) = (&self.all, &self.direct);
        let ratio = |num: usize, den: usize| {
            if den > 0 {
                round4(num as f64 / den as f64)
            } else {
                0.0
            }
        };
        QuoteScores {
            docs: self.docs,
            system_docs: self.system_docs,
            all: AllFigures {
                gold: a.gold,
                system: a.sys,
                content: prf(a.pair, a.sys, a.pair, a.gold),
                content_exact: prf(a.exact, a.sys, a.exact, a.gold),
                speaker: prf(a.spk, a.sys_spk, a.spk, a.gold_src),
            },
            direct: DirectFigures {
                gold: d.gold,
                content_recall: ratio(d.pair, d.gold),
                speaker_recall: ratio(d.spk, d.gold_src),
                content_exact_recall: ratio(d.exact, d.gold),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nutgraf_core::quotes::QuoteKind;
    use nutgraf_core::Span;

    fn quote(content: (usize, usize), speaker: Option<(usize, usize)>) -> Quote {
        Quote {
            kind: QuoteKind::Direct,
            cue: None,
            speaker: speaker.map(|(a, b)| Span::new(a, b)),
            speaker_name: None,
            content: vec![Span::new(content.0, content.1)],
            text: String::new(),
            confidence: 1.0,
            via: None,
            via_name: None,
            speaker_id: None,
        }
    }

    #[test]
    fn pairs_by_overlap_and_counts_speakers() {
        // "“Go now,” Ana said. Bo thinks rain is near."
        let text = "\u{201c}Go now,\u{201d} Ana said. Bo thinks rain is near.";
        let b = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(i, _)| i);
        let gold = vec![
            GoldAttribution {
                content: vec![(0, 9)],
                source: vec![(10, 13)],
                cue: vec![(14, 18)],
            },
            GoldAttribution {
                content: vec![(27, 39)],
                source: vec![(20, 22)],
                cue: vec![(23, 29)],
            },
        ];
        let sys = vec![
            quote((b(0), b(9)), Some((b(10), b(13)))),
            quote((b(30), b(34)), None),
        ];
        let mut s = QuoteScorer::default();
        s.add(text, &gold, Some(&sys));
        let f = s.scores();
        assert_eq!(f.all.gold, 2);
        assert_eq!(f.all.system, 2);
        // The second system quote shares 4 of 12 characters: 4*2 >= 4, paired.
        assert_eq!(f.all.content.r, 1.0);
        assert_eq!(f.all.speaker.r, 0.5);
        assert_eq!(f.all.speaker.p, 1.0);
        assert_eq!(f.all.content_exact.r, 0.5);
        // As in score_quotes.py, "direct" is a content holding a quotation
        // mark anywhere, its edges included: the first one, wholly quoted.
        assert_eq!(f.direct.gold, 1);
        assert_eq!(f.direct.speaker_recall, 1.0);

        let text = "Ana said the plan was \"dead\" for now.";
        let gold = vec![GoldAttribution {
            content: vec![(9, 37)],
            source: vec![(0, 3)],
            cue: vec![(4, 8)],
        }];
        let mut s = QuoteScorer::default();
        s.add(text, &gold, Some(&[quote((9, 37), Some((0, 3)))]));
        let f = s.scores();
        assert_eq!(f.direct.gold, 1);
        assert_eq!(f.direct.content_recall, 1.0);
        assert_eq!(f.direct.speaker_recall, 1.0);
        assert_eq!(f.direct.content_exact_recall, 1.0);
    }
}
