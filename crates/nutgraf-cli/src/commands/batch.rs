//! `nutgraf batch`: a JSONL stream of articles to a JSONL stream of nut grafs.
//!
//! Lines are read in chunks and each chunk is summarized on all cores with
//! rayon, then written in input order, so memory stays flat however long the
//! input is. The calling thread reads the next chunk and writes the last
//! one while the workers summarize, so no worker waits on input or output. A record that fails becomes an error line (`{"id", "line",
//! "error"}`) and the run goes on; the exit code is then 1.

use std::io::{self, Write};
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use nutgraf_core::ingest::record;
use nutgraf_core::{Input, Pipeline, Summarized, Summary};
use rayon::prelude::*;
use serde::Serialize;

use crate::cli::BatchArgs;
use crate::input::{self, BadInput};
use crate::ExitStatus;

/// Records per worker thread in each parallel chunk. Small chunks keep the
/// lines read and the output made for them in cache and memory flat: on
/// CNN/DM dev at -j1, 256 records a chunk ran 7% faster than 4,096, with a
/// peak RSS of 37 MB instead of 90 MB (the larger chunk's memory was
/// returned and faulted in again, chunk after chunk).
const CHUNK_PER_THREAD: usize = 256;

#[derive(Serialize)]
struct Done<'a> {
    line: usize,
    #[serde(flatten)]
    summary: &'a Summary,
}

#[derive(Serialize)]
struct DoneQuotes<'a> {
    line: usize,
    #[serde(flatten)]
    quotes: nutgraf_core::render::QuotesOnly<'a>,
}

#[derive(Serialize)]
struct Failed<'a> {
    id: Option<&'a str>,
    line: usize,
    error: &'a str,
}

/// True when `a` and `b` name one existing file (through links too).
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) if x == y => true,
        #[cfg(unix)]
        (Ok(_), Ok(_)) => {
            use std::os::unix::fs::MetadataExt;
            match (std::fs::metadata(a), std::fs::metadata(b)) {
                (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
                _ => false,
            }
        }
        _ => false,
    }
}

/// Runs `batch`.
pub fn run(args: BatchArgs) -> anyhow::Result<ExitStatus> {
    let pipeline = super::pipeline(&args.pipeline)?;
    let quotes_only = args.pipeline.quotes_only;
    // More threads than cores buys nothing and, by the thousand, takes the
    // machine down: `-j` is capped at four per core.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = match args.threads {
        Some(j) if j > 4 * cores => {
            writeln!(
                io::stderr().lock(),
                "nutgraf: -j {j} capped at {} (four threads per core)",
                4 * cores
            )?;
            4 * cores
        }
        Some(j) => j,
        None => 0,
    };
    if args.output.as_os_str() != "-" && same_file(&args.input, &args.output) {
        anyhow::bail!(
            "{}: the output is the input file; writing it would destroy the input (choose another -o)",
            args.output.display()
        );
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("starting worker threads")?;
    let in_name = input::display_name(Some(&args.input));
    let reader = input::open(Some(&args.input))?;
    // A file output is written to a temporary file beside it and renamed
    // into place at the end: an interrupted run leaves no half file under
    // the final name, and a run that fails leaves an earlier file intact.
    // Anything else already at the path (a device such as /dev/null, a
    // FIFO, a symlink) is written through, never replaced by a rename.
    let mut temp = None;
    let out: Box<dyn Write> = if args.output.as_os_str() == "-" {
        Box::new(io::stdout().lock())
    } else if std::fs::symlink_metadata(&args.output).is_ok_and(|m| !m.is_file()) {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&args.output)
            .map_err(|e| BadInput(format!("{}: cannot write: {e}", args.output.display())))?;
        Box::new(file)
    } else {
        let dir = match args.output.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => std::path::Path::new("."),
        };
        let file = tempfile::Builder::new()
            .prefix(".nutgraf-batch-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| BadInput(format!("{}: cannot write: {e}", args.output.display())))?;
        let handle = file
            .as_file()
            .try_clone()
            .map_err(|e| BadInput(format!("{}: cannot write: {e}", args.output.display())))?;
        temp = Some(file);
        Box::new(handle)
    };
    let mut out = io::BufWriter::with_capacity(1 << 16, out);

    let progress = if args.quiet {
        ProgressBar::hidden()
    } else {
        let p = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        p.set_style(
            ProgressStyle::with_template("{spinner} {human_pos} articles, {per_sec}, {elapsed}")
                .expect("valid template"),
        );
        p
    };

    let start = Instant::now();
    let (mut ok, mut failed) = (0usize, 0usize);
    let mut lines = Lines {
        reader,
        tail: Vec::new(),
        line_no: 0,
        max_bytes: args.limits.max_bytes,
        chunk_len: CHUNK_PER_THREAD * threads.max(1),
        in_name: &in_name,
    };
    let mut write = |results: &[(bool, Vec<u8>)]| -> anyhow::Result<()> {
        for (good, bytes) in results {
            if *good {
                ok += 1;
            } else {
                failed += 1;
            }
            out.write_all(bytes)?;
        }
        progress.inc(results.len() as u64);
        Ok(())
    };
    // While the workers summarize one chunk, this thread writes the chunk
    // before it and reads the chunk after: the workers never wait for the
    // input's decompression or the output's writes.
    let max_bytes = lines.max_bytes;
    let pipeline = &pipeline;
    let mut chunk = lines.next_chunk()?;
    let mut done: Vec<(bool, Vec<u8>)> = Vec::new();
    while !chunk.is_empty() {
        let mut results = Vec::new();
        let mut next = Ok(Vec::new());
        pool.in_place_scope(|scope| {
            let (results, chunk) = (&mut results, &chunk);
            scope.spawn(move |_| {
                *results = summarize_chunk(pipeline, chunk, quotes_only, max_bytes);
            });
            next = write(&done).and_then(|()| lines.next_chunk());
        });
        done = results;
        match next {
            Ok(n) => chunk = n,
            Err(e) => {
                // What was read before the failure is still written.
                write(&done)?;
                return Err(e);
            }
        }
    }
    write(&done)?;
    out.flush().context("writing output")?;
    drop(out);
    if let Some(file) = temp {
        file.persist(&args.output).map_err(|e| {
            BadInput(format!(
                "{}: cannot write: {}",
                args.output.display(),
                e.error
            ))
        })?;
    }
    progress.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    #[allow(clippy::print_stderr)]
    if !args.quiet {
        eprintln!(
            "nutgraf: {} articles in {:.2}s ({:.0}/s), {ok} ok, {failed} failed",
            ok + failed,
            secs,
            (ok + failed) as f64 / secs.max(1e-9)
        );
    }
    if failed > 0 {
        #[allow(clippy::print_stderr)]
        {
            eprintln!(
                "nutgraf: {failed} of {} records in {in_name} failed; see their \"error\" lines",
                ok + failed
            );
        }
        return Ok(ExitStatus::BadInput);
    }
    Ok(ExitStatus::Success)
}

/// The input's lines, read a chunk at a time.
struct Lines<'a> {
    reader: Box<dyn io::BufRead + Send>,
    tail: Vec<u8>,
    line_no: usize,
    max_bytes: u64,
    chunk_len: usize,
    in_name: &'a str,
}

impl Lines<'_> {
    /// Up to `chunk_len` more non-blank lines, numbered; empty at the end.
    fn next_chunk(&mut self) -> anyhow::Result<Vec<(usize, Line)>> {
        let mut chunk = Vec::with_capacity(self.chunk_len);
        while chunk.len() < self.chunk_len {
            let mut buf = Vec::new();
            let (n, cut) = input::read_line_limited(
                &mut self.reader,
                &mut buf,
                &mut self.tail,
                self.max_bytes,
            )
            .with_context(|| format!("{}: cannot read line {}", self.in_name, self.line_no + 1))
            .map_err(|e| BadInput(format!("{e:#}")))?;
            if n == 0 {
                break;
            }
            self.line_no += 1;
            if cut {
                // Kept only up to the limit: an error line, and the run
                // goes on.
                chunk.push((self.line_no, Line::TooLong(buf, self.tail.clone())));
                continue;
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            chunk.push((self.line_no, Line::Whole(buf)));
        }
        Ok(chunk)
    }
}

/// One output line per line of `chunk`, in order, summarized on the pool.
fn summarize_chunk(
    pipeline: &Pipeline,
    chunk: &[(usize, Line)],
    quotes_only: bool,
    max_bytes: u64,
) -> Vec<(bool, Vec<u8>)> {
    chunk
        .par_chunks(Pipeline::GROUP)
        .flat_map_iter(|group| summarize_group(pipeline, group, quotes_only, max_bytes))
        .collect()
}

/// One output line per line of `group`, in order.
fn summarize_group(
    pipeline: &Pipeline,
    group: &[(usize, Line)],
    quotes_only: bool,
    max_bytes: u64,
) -> Vec<(bool, Vec<u8>)> {
    let whole: Vec<(usize, &[u8])> = group
        .iter()
        .filter_map(|(line, l)| match l {
            Line::Whole(bytes) => Some((*line, bytes.as_slice())),
            Line::TooLong(..) => None,
        })
        .collect();
    let mut done = records(pipeline, &whole, quotes_only).into_iter();
    group
        .iter()
        .filter_map(|(line, l)| match l {
            Line::Whole(_) => done.next(),
            Line::TooLong(head, tail) => {
                let (head, tail) = (String::from_utf8_lossy(head), String::from_utf8_lossy(tail));
                Some(failed_line(
                    record::record_id_cut(&head, &tail).as_deref(),
                    *line,
                    &input::too_large(&format!("line {line}"), max_bytes),
                ))
            }
        })
        .collect()
}

/// An input line: whole, or cut at `--max-bytes` (its start and end kept,
/// to find the record's id).
enum Line {
    Whole(Vec<u8>),
    TooLong(Vec<u8>, Vec<u8>),
}

/// The error line of record `line`.
pub fn failed_line(id: Option<&str>, line: usize, error: &str) -> (bool, Vec<u8>) {
    let mut v = serde_json::to_vec(&Failed { id, line, error }).unwrap_or_default();
    v.push(b'\n');
    (false, v)
}

/// Summarizes input lines (line number, bytes) into output lines (each
/// with its newline), in order: a summary line, or an error line that
/// names the record when its id is readable.
pub fn records(
    pipeline: &Pipeline,
    lines: &[(usize, &[u8])],
    quotes_only: bool,
) -> Vec<(bool, Vec<u8>)> {
    let mut out: Vec<Option<(bool, Vec<u8>)>> = Vec::with_capacity(lines.len());
    let (mut inputs, mut read) = (Vec::new(), Vec::new());
    for &(line, bytes) in lines {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                inputs.push(Input::Record(text.to_string()));
                read.push((out.len(), line, text));
                out.push(None);
            }
            Err(e) => {
                let error = format!("not valid UTF-8 at byte {} of the line", e.valid_up_to());
                out.push(Some(failed_line(None, line, &error)));
            }
        }
    }
    for (run, (k, line, text)) in pipeline.run_all(inputs).into_iter().zip(read) {
        out[k] = Some(match run {
            Ok(Summarized { summary, .. }) => written(line, &summary, quotes_only),
            // The error line still names the record when its id is readable.
            Err(e) => failed_line(record::record_id(text).as_deref(), line, &e.to_string()),
        });
    }
    out.into_iter().flatten().collect()
}

/// The output line of a summarized record.
fn written(line: usize, summary: &Summary, quotes_only: bool) -> (bool, Vec<u8>) {
    let mut v = if quotes_only {
        serde_json::to_vec(&DoneQuotes {
            line,
            quotes: nutgraf_core::render::QuotesOnly::of(summary),
        })
    } else {
        serde_json::to_vec(&Done { line, summary })
    }
    .unwrap_or_default();
    v.push(b'\n');
    (true, v)
}
