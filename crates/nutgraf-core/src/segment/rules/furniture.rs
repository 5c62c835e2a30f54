//! Page furniture at a paragraph's head or as a whole sentence: photo
//! credits, bylines, publication stamps and datelines.

use super::*;

impl Run<'_> {
    /// A whole `(Photo by ...)` credit at `pos`: its end.
    pub(super) fn photo_paren(&self, pos: usize, pe: usize) -> Option<usize> {
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
    pub(super) fn credit_end(&self, pos: usize, end: usize) -> usize {
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
    pub(super) fn classify(&self, s: usize, e: usize) -> SentenceKind {
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
    pub(super) fn byline(&self, pos: usize, pe: usize) -> Option<usize> {
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
    pub(super) fn stamp(&self, pos: usize, pe: usize) -> Option<usize> {
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
    pub(super) fn dateline(&self, pos: usize, pe: usize) -> Option<usize> {
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
    pub(super) fn location_ok(&self, loc: &str) -> bool {
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
pub(super) fn dash_end(b: &[u8], i: usize, pe: usize) -> Option<usize> {
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
pub(super) fn trim_punct(t: &[u8]) -> &[u8] {
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
pub(super) fn is_credit(t: &[u8]) -> bool {
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
pub(super) fn tokens(
    b: &[u8],
    from: usize,
    to: usize,
) -> impl Iterator<Item = (usize, usize)> + '_ {
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
