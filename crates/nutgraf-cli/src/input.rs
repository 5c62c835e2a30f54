//! Reading articles: files or standard input, plain or gzip, text or JSON.
//!
//! Every error names what was being read (the file, the line, the field), so
//! the user can find the bad input without guessing.

use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;

/// An error in the user's input (exit code 1), as opposed to a usage or
/// internal error (exit code 2).
#[derive(Debug)]
pub struct BadInput(pub String);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

/// A display name for a path, `<stdin>` for `-`.
pub fn display_name(path: Option<&Path>) -> String {
    match path {
        None => "<stdin>".to_string(),
        Some(p) if p.as_os_str() == "-" => "<stdin>".to_string(),
        Some(p) => p.display().to_string(),
    }
}

/// Opens `path` (or standard input for `-`/`None`) as a buffered reader,
/// decompressing gzip when the name ends in `.gz` or the data starts with
/// the gzip magic bytes.
pub fn open(path: Option<&Path>) -> anyhow::Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = match path {
        Some(p) if p.as_os_str() != "-" => Box::new(
            fs_err::File::open(p).map_err(|e| anyhow::Error::new(BadInput(e.to_string())))?,
        ),
        _ => Box::new(io::stdin()),
    };
    let mut buf = BufReader::with_capacity(1 << 16, raw);
    // Any read failure (a directory, an I/O error) is unreadable input,
    // exit 1, as for a missing file.
    let magic = buf
        .fill_buf()
        .map_err(|e| BadInput(format!("reading {}: {e}", display_name(path))))?;
    if magic.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            MultiGzDecoder::new(buf),
        )))
    } else {
        Ok(Box::new(buf))
    }
}

/// Reads all of `path` into memory (decompressed), refusing more than
/// `max` bytes (0: no limit) without reading past them, so a small gzip
/// file that expands to gigabytes costs no more than the limit.
pub fn read_all(path: Option<&Path>, max: u64) -> anyhow::Result<Vec<u8>> {
    let name = display_name(path);
    let r = open(path)?;
    let cap = if max == 0 {
        u64::MAX
    } else {
        max.saturating_add(1)
    };
    // A file's size, where known, sizes the buffer once: growing it by
    // doubling would hold up to twice the input (a 64 MB article peaked at
    // 128 MB here). A gzip file's size is a lower bound; it grows from there.
    let hint = path
        .filter(|p| p.as_os_str() != "-")
        .and_then(|p| std::fs::metadata(p).ok())
        .map_or(0, |m| m.len().min(cap));
    let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
    r.take(cap)
        .read_to_end(&mut bytes)
        .map_err(|e| BadInput(format!("{name}: cannot read: {e}")))?;
    if max != 0 && bytes.len() as u64 > max {
        return Err(BadInput(too_large(&name, max)).into());
    }
    Ok(bytes)
}

/// The message for input over `--max-bytes`.
pub fn too_large(what: &str, max: u64) -> String {
    format!(
        "{what}: larger than {max} bytes after decompression (the --max-bytes limit; raise it, or 0 lifts it)"
    )
}

/// Bytes kept from the end of a line cut at `--max-bytes`, where a
/// record's `id` may follow its text.
pub const TAIL: usize = 4096;

/// Reads one line (through its `\n`) into `buf`, keeping at most `max`
/// bytes of it (0: no limit) and skipping the rest without storing it but
/// for its last [`TAIL`] bytes, which go to `tail`. Returns the bytes the
/// line had (0 at the end of input) and whether it was cut.
pub fn read_line_limited(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    tail: &mut Vec<u8>,
    max: u64,
) -> io::Result<(usize, bool)> {
    let max = if max == 0 {
        usize::MAX
    } else {
        usize::try_from(max).unwrap_or(usize::MAX)
    };
    let (mut total, mut cut) = (0usize, false);
    tail.clear();
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok((total, cut));
        }
        let (chunk, done) = match memchr::memchr(b'\n', avail) {
            Some(k) => (&avail[..=k], true),
            None => (avail, false),
        };
        let room = max.saturating_sub(buf.len());
        let keep = chunk.len().min(room);
        buf.extend_from_slice(&chunk[..keep]);
        if keep < chunk.len() {
            cut = true;
            let rest = &chunk[keep..];
            let rest = &rest[rest.len().saturating_sub(TAIL)..];
            let over = (tail.len() + rest.len()).saturating_sub(TAIL);
            tail.drain(..over.min(tail.len()));
            tail.extend_from_slice(rest);
        }
        let n = chunk.len();
        total += n;
        r.consume(n);
        if done {
            return Ok((total, cut));
        }
    }
}

/// Decodes `bytes` to UTF-8 text: from `encoding` (`--encoding`) when
/// given and not UTF-8, else checked as UTF-8 ([`utf8`]).
pub fn decode(
    name: &str,
    bytes: Vec<u8>,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<String, BadInput> {
    let Some(encoding) = encoding.filter(|&e| e != encoding_rs::UTF_8) else {
        return utf8(name, bytes);
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
    if had_errors {
        return Err(BadInput(format!(
            "{name}: not valid {} text",
            encoding.name()
        )));
    }
    Ok(text.into_owned())
}

/// Decodes UTF-8, or explains where it is not UTF-8.
pub fn utf8(name: &str, bytes: Vec<u8>) -> Result<String, BadInput> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
        BadInput(format!(
            "{name}: not valid UTF-8 (byte 0x{:02x} at offset {offset}, line {line}; \
             for Latin-1 or Windows-1252 text add --encoding windows-1252)",
            bytes[offset]
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cut_at_the_limit_and_the_rest_skipped() {
        let data = b"short\n0123456789abcdef\nlast";
        let mut r = io::BufReader::with_capacity(4, &data[..]);
        let (mut buf, mut tail) = (Vec::new(), Vec::new());
        let mut read = |buf: &mut Vec<u8>, max| {
            buf.clear();
            read_line_limited(&mut r, buf, &mut tail, max).unwrap()
        };
        assert_eq!(read(&mut buf, 8), (6, false));
        assert_eq!(buf, b"short\n");
        assert_eq!(read(&mut buf, 8), (17, true));
        assert_eq!(buf, b"01234567");
        assert_eq!(read(&mut buf, 0), (4, false));
        assert_eq!(buf, b"last");
        assert_eq!(read(&mut buf, 8), (0, false));
        // The end of a cut line is kept, up to TAIL bytes.
        let long = [vec![b'x'; 3 * TAIL], b"end\n".to_vec()].concat();
        let mut r = io::BufReader::with_capacity(100, &long[..]);
        let mut tail = Vec::new();
        buf.clear();
        read_line_limited(&mut r, &mut buf, &mut tail, 10).unwrap();
        assert_eq!(tail.len(), TAIL);
        assert!(tail.ends_with(b"xxend\n"));
    }

    #[test]
    fn sizes_parse_with_binary_units() {
        use crate::cli::parse_size;
        assert_eq!(parse_size("500"), Ok(500));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert_eq!(parse_size("0"), Ok(0));
        assert!(parse_size("12X").is_err());
        assert!(parse_size("M").is_err());
        assert!(parse_size("99999999999999G").is_err());
    }

    #[test]
    fn utf8_errors_name_offset_and_line() {
        let e = utf8("f.txt", b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!(
            e.0,
            "f.txt: not valid UTF-8 (byte 0xff at offset 7, line 2; \
             for Latin-1 or Windows-1252 text add --encoding windows-1252)"
        );
    }
}
