//! Paragraphs: where the text's blank lines and line breaks split it.

use super::*;

/// Splits `text` into trimmed, non-empty paragraph spans (see module docs).
pub(super) fn split_paragraphs(text: &str) -> Vec<Span> {
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
pub(super) fn lines(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
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
pub(super) fn has_inner_blank_line(text: &str) -> bool {
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

pub(super) fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<Span>) {
    if let Some(span) = trim_span(text, s, e) {
        out.push(span);
    }
}

/// The span `s..e` without surrounding white space, or `None` when empty.
pub(super) fn trim_span(text: &str, s: usize, e: usize) -> Option<Span> {
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
pub(super) fn is_lowercase_text(b: &[u8]) -> bool {
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
