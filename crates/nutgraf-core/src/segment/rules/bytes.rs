//! Byte helpers: white space, quotes and brackets, list markers.

/// Length of the white space character at `i` (ASCII, NBSP, Unicode spaces),
/// or 0.
#[inline]
pub(super) fn space_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) => 1,
        Some(0xc2) if b.get(i + 1) == Some(&0xa0) => 2,
        Some(0xe2) if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
            Some(0x80..=0x8a | 0xa8 | 0xa9 | 0xaf) => 3,
            _ => 0,
        },
        Some(0xe3) if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => 3,
        _ => 0,
    }
}

/// Skips white space from `i`, not past `end`.
#[inline]
pub(super) fn skip_space(b: &[u8], mut i: usize, end: usize) -> usize {
    while i < end {
        match space_len(b, i) {
            0 => break,
            n => i += n,
        }
    }
    i.min(end)
}

/// Length of a closing quote or bracket at `i`, or 0.
#[inline]
pub(super) fn closer_len(b: &[u8], i: usize, end: usize) -> usize {
    if i >= end {
        return 0;
    }
    match b[i] {
        b'"' | b'\'' | b')' | b']' => 1,
        // ” ’ ›
        0xe2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9d | 0x99 | 0xba)) => {
            3
        }
        // »
        0xc2 if b.get(i + 1) == Some(&0xbb) => 2,
        _ => 0,
    }
}

/// Length of an opening quote or bracket at `i`, or 0.
#[inline]
pub(super) fn opener_len(b: &[u8], i: usize, end: usize) -> usize {
    if i >= end {
        return 0;
    }
    match b[i] {
        b'"' | b'\'' | b'(' | b'[' => 1,
        // “ ‘ ‹ „ (German and Polish open with „ and close with “)
        0xe2 if b.get(i + 1) == Some(&0x80)
            && matches!(b.get(i + 2), Some(0x9c | 0x98 | 0xb9 | 0x9e)) =>
        {
            3
        }
        // «
        0xc2 if b.get(i + 1) == Some(&0xab) => 2,
        _ => 0,
    }
}

#[inline]
pub(super) fn is_ellipsis(b: &[u8], i: usize, end: usize) -> bool {
    i + 3 <= end && b[i] == 0xe2 && b[i + 1] == 0x80 && b[i + 2] == 0xa6
}

/// ASCII case-insensitive prefix test.
#[inline]
pub(super) fn starts_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

/// The run of ASCII letters starting at `i`.
pub(super) fn word_at(b: &[u8], i: usize, end: usize) -> &[u8] {
    let mut j = i;
    while j < end && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    &b[i..j]
}

/// Length of a list marker (`• `, `- `, `* `, `1. `, `2) `, `(3) `) at `i`,
/// including the white space after it, or 0.
pub(super) fn list_marker_len(b: &[u8], i: usize, end: usize) -> usize {
    let mark = match b.get(i) {
        Some(b'-' | b'*') => 1,
        // • ‣ – and the geometric bullets ▪ ► ● ◦
        Some(0xe2) => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0xa2 | 0xa3 | 0x93)) => 3,
            (Some(0x96), Some(0xaa | 0xba)) => 3,
            (Some(0x97), Some(0x8f | 0xa6)) => 3,
            _ => 0,
        },
        // ·
        Some(0xc2) if b.get(i + 1) == Some(&0xb7) => 2,
        Some(b'0'..=b'9' | b'(') => {
            let paren = b[i] == b'(';
            let mut j = i + usize::from(paren);
            let d = j;
            while j < end && j - d < 3 && b[j].is_ascii_digit() {
                j += 1;
            }
            let ok = j > d
                && j < end
                && if paren {
                    b[j] == b')'
                } else {
                    b[j] == b'.' || b[j] == b')'
                };
            if ok {
                j + 1 - i
            } else {
                0
            }
        }
        _ => 0,
    };
    if mark == 0 || i + mark >= end {
        return 0;
    }
    let after = skip_space(b, i + mark, end);
    if after == i + mark || after >= end || b[i + mark] == b'\n' {
        return 0;
    }
    after - i
}
