//! Speaker resolution: each quote's speaker phrase to the fullest name the
//! article gives for it.
//!
//! - `he`, `she` and other pronouns: the speaker of the closest quote
//!   before with a resolved name, else the last person named before it;
//! - a name (`Pompeo`): the longest mention in the article holding its last
//!   capitalized word (`Secretary of State Mike Pompeo`);
//! - a role (`the spokesman`): the name written right after the role word
//!   somewhere in the article (`spokesman John Doe`) or right before it
//!   (`John Doe, the spokesman`), else the phrase itself.

use super::scan::{starts_upper, Tok, TokKind};
use super::wordset::WordSet;
use super::Quote;
use crate::Span;
use rustc_hash::FxHashMap;

const PRONOUNS: [&str; 9] = ["he", "she", "him", "her", "they", "i", "we", "it", "you"];

/// Capitalized words that start sentences but are not names.
const NOT_NAMES: WordSet<40> = WordSet::new([
    "The", "A", "An", "But", "And", "In", "On", "At", "As", "If", "It", "He", "She", "They", "We",
    "I", "This", "That", "These", "Those", "When", "While", "After", "Before", "For", "With",
    "His", "Her", "Their", "Our", "So", "Yet", "Still", "Now", "Then", "There", "Mr", "Mrs", "Ms",
    "Dr",
]);

/// Lowercase words allowed inside a name: `Secretary of State`.
const CONNECTORS: WordSet<6> = WordSet::new(["of", "de", "la", "van", "von", "bin"]);

/// True for a personal pronoun, any case, contracted too (`It’s`).
pub fn is_pronoun(w: &str) -> bool {
    let stem = contraction_stem(w);
    PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(stem))
}

/// `That` of `That's`, `It` of `It’s`; other words unchanged.
fn contraction_stem(w: &str) -> &str {
    w.split_once(['\'', '\u{2019}']).map_or(w, |(stem, _)| stem)
}

/// True for a pronoun that can be a subject: `he`, `she`, `they`, `who`.
pub fn is_subject_pronoun(w: &str) -> bool {
    ["he", "she", "they", "i", "we", "it", "you", "who"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(w))
}

/// Capitalized sentence openers that are no name, checked as well by
/// [`is_not_name`] but not taken out of name runs.
const OPENING_ADVERBS: WordSet<10> = WordSet::new([
    "Maybe", "Perhaps", "Even", "Indeed", "Instead", "Also", "Only", "Just", "Already", "Here",
]);

/// True for a capitalized word that starts sentences but is no name,
/// contractions included (`That's`, `It’s`).
pub fn is_not_name(w: &str) -> bool {
    let stem = contraction_stem(w);
    NOT_NAMES.contains(stem) || OPENING_ADVERBS.contains(stem)
}

/// True for a sentence-opening connective (`But`, `Still`, `Then`).
pub fn is_lead_word(w: &str) -> bool {
    [
        "but",
        "and",
        "so",
        "yet",
        "still",
        "then",
        "now",
        "meanwhile",
        "however",
        "also",
    ]
    .iter()
    .any(|l| w.eq_ignore_ascii_case(l))
}

/// Capitalized words that are no part of a name, wherever they stand: a
/// Title Case headline capitalizes every word (`Christie Says Clinton Is
/// A Disgrace To The Office`), and its verbs and small words must not join
/// the names beside them.
const NEVER_IN_NAMES: WordSet<46> = WordSet::new([
    "To", "Of", "The", "A", "An", "Is", "Are", "Was", "Were", "Be", "Been", "Has", "Have", "Had",
    "Does", "Did", "Do", "Can", "Could", "Would", "Should", "Must", "Not", "And", "Or", "But",
    "Vs", "On", "In", "At", "For", "Over", "With", "From", "By", "As", "After", "About", "Into",
    "Than", "That", "This", "His", "Her", "Their", "Its",
]);

/// True for a word that can start a name: capitalized, no sentence opener
/// (`The`, `But`), no verb of saying (`Says` of a headline), no small
/// word of a headline (`To`, `Is`), and not `Will` (`Will Sanders win?`).
pub(super) fn opens_name(text: &str, t: &Tok) -> bool {
    let w = t.slice(text);
    t.kind == TokKind::Word
        && starts_upper(w)
        && !NOT_NAMES.contains(w)
        && !NEVER_IN_NAMES.contains(w)
        && w != "Will"
        && !super::lexicon::is_cue_word(t)
}

/// A run of capitalized words (with connectors inside), as a span. A run
/// stays on one line and stops at a verb of saying or a small word
/// capitalized by a headline.
fn name_mentions(text: &str, toks: &[Tok]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut k = 0;
    // The next token, when only spaces separate it from the one before.
    let next_on_line = |end: usize| {
        toks.get(end)
            .filter(|n| !text[toks[end - 1].end..n.start].contains('\n'))
    };
    while k < toks.len() {
        if !opens_name(text, &toks[k]) {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k + 1;
        loop {
            match next_on_line(end) {
                Some(n)
                    if n.kind == TokKind::Word
                        && starts_upper(n.slice(text))
                        && !NEVER_IN_NAMES.contains(n.slice(text))
                        && !super::lexicon::is_cue_word(n) =>
                {
                    end += 1
                }
                Some(n)
                    if n.kind == TokKind::Word
                        && CONNECTORS.contains(n.slice(text))
                        && next_on_line(end + 1).is_some_and(|m| {
                            m.kind == TokKind::Word && starts_upper(m.slice(text))
                        }) =>
                {
                    end += 2
                }
                _ => break,
            }
        }
        // `Donald Trump’s` is a mention of `Donald Trump`.
        let last = toks[end - 1].slice(text);
        let stop = toks[end - 1].end - possessive(last).map_or(0, |stem| last.len() - stem.len());
        out.push(Span::new(toks[start].start, stop));
        k = end;
    }
    out
}

/// `Trump` of `Trump’s` or `Trump's`; `None` for a word with no
/// possessive ending.
pub(super) fn possessive(w: &str) -> Option<&str> {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .filter(|stem| !stem.is_empty())
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
}

/// Fills `speaker_name` of every quote that has a speaker. Linear in the
/// text: name look-ups go through maps built once.
pub fn resolve(text: &str, toks: &[Tok], quotes: &mut [Quote]) {
    if quotes.iter().all(|q| q.speaker.is_none()) {
        return;
    }
    let mentions = name_mentions(text, toks);
    // For every word that ends a name, the longest (then first) mention it
    // ends: `Pompeo` is `Secretary of State Mike Pompeo`, but `Taliban`
    // is not `Taliban Agreement`.
    let mut fullest: FxHashMap<&str, Span> = FxHashMap::default();
    for m in &mentions {
        if let Some(w) = words(m.slice(text)).last() {
            let best = fullest.entry(w).or_insert(*m);
            if m.len() > best.len() {
                *best = *m;
            }
        }
    }
    // Built on the first role phrase only: most speakers are names.
    let mut roles_beside: Option<RolesBeside> = None;
    let mut roles: FxHashMap<String, Option<String>> = FxHashMap::default();
    let mut last_name: Option<String> = None;
    for q in quotes.iter_mut() {
        let Some(sp) = q.speaker else {
            continue;
        };
        let phrase = sp.slice(text);
        let lower = phrase.to_lowercase();
        let is_pronoun = is_pronoun(phrase);
        let relative = matches!(lower.as_str(), "which" | "who" | "that");
        let name = if relative {
            // `the Dunmore Police Department which reported`: the name
            // right before the relative pronoun.
            let before = mentions.partition_point(|m| m.end <= sp.start);
            before
                .checked_sub(1)
                .map(|k| mentions[k])
                .filter(|m| {
                    text[m.end..sp.start]
                        .chars()
                        .all(|c| c.is_whitespace() || c == ',')
                })
                .map(|m| {
                    let full = words(m.slice(text)).last().and_then(|w| fullest.get(w));
                    full.unwrap_or(&m).slice(text).to_string()
                })
        } else if is_pronoun {
            last_name.clone().or_else(|| {
                let before = mentions.partition_point(|m| m.end <= sp.start);
                mentions[..before]
                    .iter()
                    .rev()
                    .take(20)
                    .find(|m| m.slice(text).contains(' '))
                    .map(|m| m.slice(text).to_string())
            })
        } else if let Some(surname) = words(phrase)
            .filter(|w| starts_upper(w) && !NOT_NAMES.contains(w))
            .last()
            // `A Taliban spokesman` is a role, not the Taliban.
            .filter(|_| {
                // A name ends the phrase or the part before its comma
                // (`A spokesman, Tom Hale`; `The New York Times, along
                // with other outlets`).
                let head = phrase.split(',').next().unwrap_or(phrase);
                words(phrase).last().is_some_and(starts_upper)
                    || words(head).last().is_some_and(starts_upper)
            })
        {
            // `Trump’s plan`: the possessive names Trump.
            let stem = possessive(surname);
            fullest
                .get(stem.unwrap_or(surname))
                .map(|m| m.slice(text).to_string())
                .or_else(|| stem.and(possessive(phrase)).map(str::to_string))
        } else if roles.len() < MAX_ROLES || roles.contains_key(&lower) {
            roles
                .entry(lower)
                .or_insert_with(|| {
                    roles_beside
                        .get_or_insert_with(|| RolesBeside::new(text, toks, &mentions))
                        .name(text, phrase)
                })
                .clone()
        } else {
            None
        };
        let name = name.unwrap_or_else(|| phrase.to_string());
        if !is_pronoun && !relative {
            last_name = Some(name.clone());
        }
        q.speaker_name = Some(name);
    }
}

/// Distinct role phrases resolved per document.
const MAX_ROLES: usize = 32;

/// For each lowercase word right beside a name (`spokesman John Doe`,
/// `a spokesman, John Doe`, `John Doe, the spokesman`), the name at its
/// first such place. Built in one pass over the mentions.
struct RolesBeside {
    first: FxHashMap<String, (usize, Span)>,
}

impl RolesBeside {
    fn new(text: &str, toks: &[Tok], mentions: &[Span]) -> Self {
        let mut first: FxHashMap<String, (usize, Span)> = FxHashMap::default();
        let mut note = |k: usize, m: Span| {
            let Some(t) = toks.get(k).filter(|t| t.kind == TokKind::Word) else {
                return;
            };
            let role = t.slice(text).to_lowercase();
            let slot = first.entry(role).or_insert((k, m));
            if k < slot.0 {
                *slot = (k, m);
            }
        };
        for &m in mentions {
            let s = toks.partition_point(|t| t.start < m.start);
            let e = toks.partition_point(|t| t.end <= m.end);
            // `spokesman John Doe` / `a spokesman, John Doe`
            if s >= 1 {
                note(s - 1, m);
            }
            if s >= 2 && toks[s - 1].slice(text) == "," {
                note(s - 2, m);
            }
            // `John Doe, the spokesman` / `John Doe, a spokesman`
            if toks.get(e).is_some_and(|t| t.slice(text) == ",") {
                note(e + 3, m);
            }
        }
        Self { first }
    }

    /// `the spokesman` → the name beside a `spokesman` in the article.
    fn name(&self, text: &str, phrase: &str) -> Option<String> {
        let role = words(phrase).last()?.to_lowercase();
        if role.len() < 4 {
            return None;
        }
        self.first
            .get(&role)
            .map(|&(_, m)| m.slice(text).to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::tokenize;
    use super::*;

    #[test]
    fn mentions_keep_titles_and_connectors() {
        let text = "The talks, said Secretary of State Mike Pompeo, went well. But Pompeo left.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let m: Vec<&str> = name_mentions(text, &toks)
            .iter()
            .map(|m| m.slice(text))
            .collect();
        assert_eq!(m, ["Secretary of State Mike Pompeo", "Pompeo"]);
    }

    #[test]
    fn mentions_stop_at_possessives_lines_and_headline_words() {
        let text =
            "Ortiz Says Budget Is A Mistake\nAna Ortiz\n\nMayor Ana Ortiz\u{2019}s plan passed.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let m: Vec<&str> = name_mentions(text, &toks)
            .iter()
            .map(|m| m.slice(text))
            .collect();
        assert_eq!(
            m,
            ["Ortiz", "Budget", "Mistake", "Ana Ortiz", "Mayor Ana Ortiz"]
        );
    }
}
