//! Reading the top of a plain text: is the first line a headline, and are
//! there `- ` key-point lines after it?
//!
//! Only the first [`WINDOW`] bytes are read, so the cost does not grow with
//! the text. The first non-blank line is a headline candidate when another
//! line follows it. Then:
//!
//! - Followed by `- ` lines (our own output layout), it is the headline
//!   unless it is plainly not one (a dateline, over 40 words, ends with `:`,
//!   holds two sentences).
//! - Otherwise a small boosted-tree model decides, from the shape of the line
//!   and of the line after it ([`LINE_FEATURES`]). Rules alone do badly
//!   here: PolNeAR headlines mostly end with a period and are often in
//!   sentence case, just like the short lead sentence that opens a BBC story
//!   in its own paragraph. What tells them apart is a mix of weak cues (no
//!   articles, few stop words, no attribution verb, a dateline or a much
//!   longer paragraph after it), which is what the trees combine.
//!
//! A line is never a headline when it opens with a dateline or byline, has
//! over 40 words or no letter at all, whatever the model says; without a
//! model (a broken JSON, which a test rules out) a rule decides.
//!
//! The model is trained (rows from [`line_examples`]) on texts known to open with a
//! headline (positives: their first lines; negatives: the same texts without
//! it) and texts known not to (negatives: their first lines; the lead
//! sentence of a one-line text set on a line of its own; and a few short
//! paragraph-opening sentences set on a line of their own, since a short
//! lead sentence alone in its paragraph is the case most easily taken for a
//! headline and real leads that short are few). The built-in model was
//! trained on PolNeAR train (840 texts), the even half of BBC dev and the
//! first 3,000 CNN/DailyMail dev articles; on PolNeAR dev it takes 96% of
//! the first lines, on BBC and CNN/DailyMail none.

use std::sync::LazyLock;

use crate::analyze::is_stop_word;
use crate::score::gbdt::Gbdt;
use crate::segment::{NewsSegmenter, Segmenter, SentenceKind};
use crate::{Document, Span};

use super::Layout;

/// Bytes at the top of a text that [`read_layout`](super::read_layout)
/// looks at.
pub const WINDOW: usize = 8192;

/// The built-in first-line model's JSON (`models/headline-line.json`).
pub const LINE_MODEL: &str = include_str!("../../models/headline-line.json");

/// Names of the features the first-line model reads, in order.
pub const LINE_FEATURES: [&str; 30] = [
    "words",
    "chars",
    "ends_period",
    "ends_question_or_bang",
    "ends_comma_colon_semicolon",
    "ends_quote",
    "capitalized_content_share",
    "capitalized_share",
    "articles",
    "stop_share",
    "commas",
    "dateline",
    "ed_words",
    "quote_marks",
    "starts_digit",
    "next_words",
    "words_over_next",
    "next_dateline",
    "blank_after",
    "short_run",
    "attribution_words",
    "auxiliaries",
    "upper_share",
    "inner_colon",
    "pronouns",
    "next_ends_terminal",
    "sentences",
    "digit_share",
    "article_share",
    "function_share",
];

/// Number of first-line features.
const NF: usize = LINE_FEATURES.len();

/// The built-in model, parsed once. `None` only if the JSON were broken
/// (a test checks it is not); the rule fallback then decides.
static MODEL: LazyLock<Option<Gbdt>> =
    LazyLock::new(|| crate::score::gbdt::parse_model(LINE_MODEL, NF).ok());

/// The built-in first-line model.
pub fn line_model() -> Option<&'static Gbdt> {
    MODEL.as_ref()
}

/// One line of the window: the whole line trimmed, and whether it ended in
/// a line break inside the window (or at the end of the text).
#[derive(Clone, Copy, Debug)]
struct Line {
    span: Span,
    complete: bool,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.span.is_empty()
    }
}

/// The lines of `text[start..end]`, at most `max` of them.
fn lines(text: &str, start: usize, end: usize, max: usize) -> Vec<Line> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut pos = start;
    while pos < end && out.len() < max {
        let (le, complete) = match memchr::memchr(b'\n', &b[pos..end]) {
            Some(k) => (pos + k, true),
            None => (end, end == text.len()),
        };
        let raw = &text[pos..le];
        let lead = raw.len() - raw.trim_start().len();
        let t = raw.trim();
        out.push(Line {
            span: Span::new(pos + lead, pos + lead + t.len()),
            complete,
        });
        pos = le + 1;
    }
    out
}

/// The largest char boundary of `text` at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The words after the `- ` marker of a point line, if `line` is one.
fn point_words(text: &str, line: Span) -> Option<Span> {
    let s = line.slice(text);
    let rest = s.strip_prefix("- ")?;
    let t = rest.trim();
    if t.is_empty() {
        return None;
    }
    let lead = rest.len() - rest.trim_start().len();
    let start = line.start + 2 + lead;
    Some(Span::new(start, start + t.len()))
}

/// Reads the layout at the top of `text` with `model` deciding plain first
/// lines (`None`: the rule fallback).
pub(super) fn read(text: &str, model: Option<&Gbdt>) -> Layout {
    let mut layout = Layout::default();
    let start: usize = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let end = floor_boundary(text, start.saturating_add(WINDOW));
    let ls = lines(text, start, end, 64);
    let Some(k) = ls.iter().position(|l| !l.is_blank()) else {
        return layout;
    };
    let first = ls[k];
    let mut points_from = None;
    if point_words(text, first.span).is_some() {
        if first.complete {
            points_from = Some(k);
        }
    } else if first.complete && k + 1 < ls.len() {
        let next_is_point = point_words(text, ls[k + 1].span).is_some();
        let f = features(text, &ls, k);
        let is_headline = if next_is_point {
            plausible_title(&f)
        } else {
            hard_ok(&f)
                && match model {
                    Some(m) => m.predict(&f) > 0.0,
                    None => rule(&f),
                }
        };
        if is_headline {
            layout.headline = Some(first.span);
            layout.furniture.push(first.span);
            if next_is_point {
                points_from = Some(k + 1);
            }
        }
    }
    if let Some(p) = points_from {
        for l in &ls[p..] {
            // A point line cut off by the window is not read as complete.
            match point_words(text, l.span) {
                Some(words) if l.complete => {
                    layout.given_points.push(words);
                    layout.furniture.push(l.span);
                }
                _ => break,
            }
        }
    }
    layout
}

/// Word-level counts of one line.
#[derive(Default)]
struct Shape {
    words: usize,
    caps: usize,
    letter_words: usize,
    content: usize,
    content_caps: usize,
    articles: usize,
    stops: usize,
    ed: usize,
    attribution: usize,
    aux: usize,
    pronouns: usize,
    sentences: usize,
}

fn shape(s: &str) -> Shape {
    let mut sh = Shape::default();
    let mut buf = String::new();
    let ws: Vec<&str> = s.split_whitespace().take(64).collect();
    for (i, w) in ws.iter().enumerate() {
        sh.words += 1;
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        buf.clear();
        if core.is_ascii() {
            buf.push_str(core);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(core.chars().flat_map(char::to_lowercase));
        }
        let lw = buf.as_str();
        let upper = core.starts_with(|c: char| c.is_uppercase());
        let stop = is_stop_word(lw);
        if core.starts_with(|c: char| c.is_alphabetic()) && i > 0 {
            sh.letter_words += 1;
            sh.caps += usize::from(upper);
            if !stop && lw.len() > 3 {
                sh.content += 1;
                sh.content_caps += usize::from(upper);
            }
        }
        sh.articles += usize::from(matches!(lw, "the" | "a" | "an"));
        sh.stops += usize::from(stop);
        sh.ed += usize::from(lw.len() > 4 && lw.ends_with("ed"));
        sh.attribution += usize::from(matches!(
            lw,
            "said" | "says" | "told" | "according" | "added" | "say" | "reported"
        ));
        sh.aux += usize::from(matches!(
            lw,
            "has" | "have" | "had" | "is" | "are" | "was" | "were" | "will" | "been" | "would"
        ));
        sh.pronouns += usize::from(matches!(
            lw,
            "he" | "she" | "they" | "we" | "i" | "it" | "you" | "his" | "her" | "their"
        ));
        // A sentence end inside the line: `. ` before a capitalized word.
        if i + 1 < ws.len()
            && core.len() > 2
            && !core.contains('.')
            && core.ends_with(|c: char| c.is_lowercase())
            && w.ends_with(['.', '?', '!'])
            && ws[i + 1].starts_with(|c: char| c.is_uppercase())
        {
            sh.sentences += 1;
        }
    }
    sh.sentences += 1;
    sh
}

/// True when `s` opens with a dateline, byline or agency tag
/// (`WASHINGTON (CNN) --`, `LONDON, Sept. 26 (UPI) —`, `By . Jane Doe .`).
fn has_dateline(s: &str) -> bool {
    let head = &s[..floor_boundary(s, 80)];
    // A label before a headline (`EXCLUSIVE – `) is no dateline.
    let lower = head.to_ascii_lowercase();
    let label = lower.split([' ', ':']).next().unwrap_or("");
    if matches!(
        label,
        "exclusive"
            | "breaking"
            | "watch"
            | "update"
            | "updated"
            | "live"
            | "video"
            | "opinion"
            | "analysis"
            | "editorial"
            | "review"
            | "poll"
            | "report"
            | "photos"
            | "listen"
    ) && !lower.starts_with("updated:")
    {
        return false;
    }
    if let Some(open) = head.find('(') {
        if let Some(len) = head[open..].find(')') {
            let tag = &head[open + 1..open + len];
            let agency = matches!(
                tag,
                "CNN"
                    | "AP"
                    | "UPI"
                    | "AFP"
                    | "Reuters"
                    | "BBC"
                    | "PA"
                    | "dpa"
                    | "Xinhua"
                    | "Bloomberg"
                    | "CNNMoney"
                    | "IANS"
                    | "PTI"
                    | "ANI"
                    | "EFE"
                    | "ANSA"
                    | "TASS"
                    | "Kyodo"
                    | "Yonhap"
            ) || (tag.len() > 4 && tag.ends_with(".com") && !tag.contains(' '));
            if agency && open < 60 {
                return true;
            }
        }
    }
    for dash in [" -- ", " \u{2014} ", " \u{2013} ", " - "] {
        if let Some(k) = head.find(dash) {
            let place = head[..k].split(',').next().unwrap_or("");
            let letters = place.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 3
                && place
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            {
                return true;
            }
        }
    }
    lower.starts_with("by . ")
        || is_byline(s)
        || lower.contains("published:")
        || lower.contains("updated:")
        || lower.starts_with("last updated")
}

/// True for a byline line: `By Jane Okafor, Coastal Desk`, `By JANE DOE
/// and John Roe`: `By` and two capitalized words, in a line of ten words
/// at most.
fn is_byline(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")) else {
        return false;
    };
    let mut names = rest.split_whitespace().take(2);
    let capital = |w: Option<&str>| {
        w.and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    capital(names.next()) && capital(names.next()) && s.split_whitespace().nth(10).is_none()
}

/// The first-line features of line `k` of `ls`.
fn features(text: &str, ls: &[Line], k: usize) -> [f32; NF] {
    let line = ls[k].span.slice(text);
    let sh = shape(line);
    let after = &ls[k + 1..];
    let blank_after = after.first().is_some_and(Line::is_blank);
    let next = after
        .iter()
        .find(|l| !l.is_blank())
        .map(|l| l.span.slice(text));
    let next_words = next.map_or(0, |n| n.split_whitespace().take(100).count());
    let short_run = ls[k..]
        .iter()
        .filter(|l| !l.is_blank())
        .take(5)
        .take_while(|l| l.span.slice(text).split_whitespace().take(6).count() < 6)
        .count();
    let trimmed = line.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')']);
    let last = trimmed.chars().last().unwrap_or(' ');
    let letters = line.chars().filter(|c| c.is_alphabetic()).count().max(1);
    let uppers = line.chars().filter(|c| c.is_uppercase()).count();
    let digits = line.chars().filter(|c| c.is_ascii_digit()).count();
    let chars = line.chars().count().max(1);
    let quotes = line
        .chars()
        .filter(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}'))
        .count();
    let words = sh.words as f32;
    let per = |n: usize| n as f32 / sh.letter_words.max(1) as f32;
    [
        words,
        chars as f32,
        f32::from(u8::from(last == '.')),
        f32::from(u8::from(matches!(last, '?' | '!'))),
        f32::from(u8::from(matches!(last, ',' | ':' | ';'))),
        f32::from(u8::from(trimmed.len() < line.len())),
        sh.content_caps as f32 / sh.content.max(1) as f32,
        per(sh.caps),
        sh.articles as f32,
        sh.stops as f32 / sh.words.max(1) as f32,
        line.matches(',').count() as f32,
        f32::from(u8::from(has_dateline(line))),
        sh.ed as f32,
        quotes as f32,
        f32::from(u8::from(line.starts_with(|c: char| c.is_ascii_digit()))),
        next_words as f32,
        words / next_words.max(1) as f32,
        f32::from(u8::from(next.is_some_and(has_dateline))),
        f32::from(u8::from(blank_after)),
        short_run as f32,
        sh.attribution as f32,
        sh.aux as f32,
        uppers as f32 / letters as f32,
        f32::from(u8::from(trimmed.trim_end_matches(':').contains(": "))),
        sh.pronouns as f32,
        f32::from(u8::from(next.is_some_and(|n| {
            n.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
                .ends_with(['.', '?', '!'])
        }))),
        sh.sentences as f32,
        digits as f32 / chars as f32,
        sh.articles as f32 / sh.words.max(1) as f32,
        (sh.articles + sh.aux + sh.pronouns + sh.attribution) as f32 / sh.words.max(1) as f32,
    ]
}

/// Lines that are never headlines, whatever the model says.
fn hard_ok(f: &[f32; NF]) -> bool {
    f[0] >= 1.0 && f[0] <= 40.0 && f[11] == 0.0 && f[22] > 0.0
}

/// A line before `- ` points: anything title-sized.
fn plausible_title(f: &[f32; NF]) -> bool {
    hard_ok(f) && f[4] == 0.0 && f[26] <= 1.0
}

/// The fallback when no model is loaded: short, Title Case or no period,
/// few articles, no attribution.
fn rule(f: &[f32; NF]) -> bool {
    f[0] <= 20.0
        && f[4] == 0.0
        && f[20] == 0.0
        && f[8] <= 1.0
        && (f[6] >= 0.6 || f[2] == 0.0)
        && f[15] >= 6.0
}

/// Features of the first line of `text`, when it is a headline candidate
/// (not a point line, followed by another line).
fn first_line_features(text: &str) -> Option<[f32; NF]> {
    let start: usize = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let end = floor_boundary(text, start.saturating_add(WINDOW));
    let ls = lines(text, start, end, 64);
    let k = ls.iter().position(|l| !l.is_blank())?;
    if !ls[k].complete || k + 1 >= ls.len() || point_words(text, ls[k].span).is_some() {
        return None;
    }
    let f = features(text, &ls, k);
    hard_ok(&f).then_some(f)
}

/// `text` without its first paragraph (up to the first blank line), when
/// that leaves a text of more than one line.
fn without_first_paragraph(text: &str) -> Option<&str> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let k = t.find("\n\n").or_else(|| t.find("\r\n\r\n"))?;
    let rest = t[k..].trim_start();
    rest.contains('\n').then_some(rest)
}

/// Negatives made from a text that opens with body text: a one-line text
/// split after its lead sentence (how the lead would look if the article had
/// paragraphs), and up to [`SHORT_SENTENCES`] short body sentences (6 to 16
/// words) set on a line of their own before the rest of the text: a short
/// lead sentence alone in its paragraph is the case most easily taken for a
/// headline, and articles have few of them.
fn synthetic_leads(text: &str) -> Vec<String> {
    let head = &text[..floor_boundary(text, WINDOW)];
    let doc = Document::new(head);
    let seg = NewsSegmenter::default().segment(&doc);
    let mut out = Vec::new();
    let body = seg
        .sentences
        .iter()
        .filter(|s| s.kind == SentenceKind::Body);
    let one_line = !head.trim().contains('\n');
    let mut prev_paragraph = usize::MAX;
    for (k, s) in body.enumerate() {
        let opens = s.paragraph != prev_paragraph;
        prev_paragraph = s.paragraph;
        let rest = head[s.span.end..].trim_start();
        if rest.split_whitespace().take(8).count() < 8 {
            break;
        }
        let words = s.span.slice(head).split_whitespace().count();
        if k == 0 && one_line {
            out.push(format!("{}\n\n{}", &head[..s.span.end], rest));
        } else if opens && k > 0 && (6..=16).contains(&words) && out.len() < SHORT_SENTENCES {
            out.push(format!("{}\n\n{}", s.span.slice(head), rest));
        }
    }
    out
}

/// Short body sentences per text made into training negatives.
const SHORT_SENTENCES: usize = 3;

/// The first-line model's training rows, for `nutgraf train-headlines`
/// (which fits them in the `nutgraf-train` crate).
///
/// `headlined` are texts whose first line is their headline (PolNeAR
/// articles): each gives a positive example, its first line, and a negative
/// one, its first line after the headline's paragraph. `plain` are texts that
/// open with body text (BBC, CNN/DailyMail articles): each first line is a
/// negative, and so are a few of their sentences set on a line of their own
/// (the lead sentence of a one-line text, and short sentences). Rows are in
/// the order of [`LINE_FEATURES`]; labels are 1 for a headline line.
pub fn line_examples(headlined: &[&str], plain: &[&str]) -> (Vec<Vec<f32>>, Vec<f32>) {
    let mut x: Vec<Vec<f32>> = Vec::new();
    let mut y: Vec<f32> = Vec::new();
    let mut add = |t: &str, label: f32| {
        if let Some(f) = first_line_features(t) {
            x.push(f.to_vec());
            y.push(label);
        }
    };
    for t in headlined {
        add(t, 1.0);
        if let Some(rest) = without_first_paragraph(t) {
            add(rest, 0.0);
        }
    }
    for t in plain {
        add(t, 0.0);
        for s in synthetic_leads(t) {
            add(&s, 0.0);
        }
    }
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_model_loads() {
        let m = line_model().expect("models/headline-line.json is a valid model");
        assert_eq!(m.features, LINE_FEATURES);
    }

    #[test]
    fn datelines() {
        assert!(has_dateline("WASHINGTON (CNN) -- The vote was close."));
        assert!(has_dateline("PARIS, May 3 (UPI) \u{2014} Talks resumed."));
        assert!(has_dateline("Springfield (AP) The mayor spoke."));
        assert!(has_dateline("BOSTON \u{2014} Snow fell all night."));
        assert!(!has_dateline("Council Votes to Close the Old Pool"));
        assert!(!has_dateline("Mayor (Finally) Opens Park"));
        // A byline line is never the headline.
        assert!(has_dateline("By Jane Okafor, Coastal Desk"));
        assert!(has_dateline("BY TOM REYES AND ANA LIU"));
        assert!(!has_dateline("By the numbers: the county budget"));
        assert!(!has_dateline("Byron Bay Council Votes to Close Pool"));
    }
}
