//! What the keep model's features know about the article, and one feature row per word.

use super::*;

/// What the keep model's features need to know about the article, counted
/// once per headline.
pub(super) struct Context {
    /// Per stem id: occurrences after the lead (within [`CONTEXT_TOKENS`]),
    /// in the three body sentences after it, and in the lead.
    pub(super) later: Vec<u16>,
    pub(super) near: Vec<u16>,
    pub(super) in_lead: Vec<u16>,
    /// Distinct content tokens of the lead that come back three times or
    /// more.
    pub(super) recurring: f32,
    /// Per word: clause boundaries before it, and the name run around it
    /// (length, words after it in the run).
    pub(super) clause: Vec<u16>,
    pub(super) run: Vec<(u16, u16)>,
    pub(super) said_from: Option<usize>,
}

impl Context {
    pub(super) fn new(a: &Analyzed<'_>, i: usize, lead: &Lead<'_>, trimmed: &Trimmed) -> Context {
        // Only the lead's stems are counted; stem ids are dense and given in
        // order of first use, so the lead's are small numbers.
        let v = lead
            .toks
            .iter()
            .map(|t| t.stem as usize + 1)
            .max()
            .unwrap_or(0);
        let (mut later, mut near, mut in_lead) = (vec![0u16; v], vec![0u16; v], vec![0u16; v]);
        let (mut seen, mut after) = (0usize, 0usize);
        for k in i + 1..a.len() {
            if seen >= CONTEXT_TOKENS {
                break;
            }
            if !a.is_body(k) {
                continue;
            }
            after += 1;
            let toks = a.sentence(k);
            for t in toks {
                let s = t.stem as usize;
                if s < v {
                    later[s] = later[s].saturating_add(1);
                    if after <= 3 {
                        near[s] = near[s].saturating_add(1);
                    }
                }
            }
            seen += toks.len();
        }
        for t in lead.toks {
            let s = t.stem as usize;
            in_lead[s] = in_lead[s].saturating_add(1);
        }
        let recurring = lead
            .toks
            .iter()
            .filter(|t| t.is_content() && later[t.stem as usize] >= 3)
            .count() as f32;
        let words = &lead.words;
        let mut clause = Vec::with_capacity(words.len());
        let mut run = Vec::with_capacity(words.len());
        let mut c = 0u16;
        for (wi, w) in words.iter().enumerate() {
            if wi > 0 && w.before.clause {
                c += 1;
            }
            clause.push(c);
            if !w.cap {
                run.push((0, 0));
                continue;
            }
            let (mut s, mut e) = (wi, wi + 1);
            while s > 0 && words[s - 1].cap && !words[s].before.clause {
                s -= 1;
            }
            while e < words.len() && words[e].cap && !words[e].before.clause {
                e += 1;
            }
            run.push(((e - s) as u16, (e - wi - 1) as u16));
        }
        Context {
            later,
            near,
            in_lead,
            recurring,
            clause,
            run,
            said_from: trimmed.said_from,
        }
    }

    /// The features of token `ti` of the lead, in word `wi`.
    pub(super) fn row(&self, lead: &Lead<'_>, wi: usize, ti: usize) -> [f32; NK] {
        let count = |v: &[u16], s: u32| f32::from(v.get(s as usize).copied().unwrap_or(0));
        let t = &lead.toks[ti];
        let w = &lead.words[wi];
        let n = lead.toks.len();
        let possessive =
            ti > w.first && t.span.len() == 1 && matches!(t.span.slice(lead.text), "s" | "S");
        let (run, from_end) = self.run[wi];
        let said = self.said_from.unwrap_or(0);
        [
            count(&self.later, t.stem),
            count(&self.near, t.stem),
            (count(&self.in_lead, t.stem) - 1.0).max(0.0),
            f32::from(u8::from(t.is_stop())),
            f32::from(u8::from(t.flags & Token::NUMBER != 0)),
            f32::from(u8::from(t.flags & Token::CAPITALIZED != 0)),
            ti as f32,
            ti as f32 / n.max(1) as f32,
            f32::from(self.clause[wi]),
            f32::from(w.class as u8),
            f32::from(run),
            if run > 0 { f32::from(from_end) } else { -1.0 },
            f32::from(u8::from(possessive)),
            t.span.len() as f32,
            n as f32,
            f32::from(u8::from(self.said_from.is_some() && wi >= said)),
            f32::from(u8::from(self.said_from.is_some() && wi < said)),
            self.recurring,
        ]
    }
}
