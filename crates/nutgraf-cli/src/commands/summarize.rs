//! `nutgraf summarize`: one article to stdout.

use std::io::{self, Write};

use nutgraf_core::render::{render, Format};
use nutgraf_core::{Input, Summarized};

use crate::cli::{FormatArg, FormatIn, SummarizeArgs};
use crate::input::{self, BadInput};
use crate::ExitStatus;

/// Runs `summarize`.
pub fn run(args: SummarizeArgs) -> anyhow::Result<ExitStatus> {
    let path = args.file.as_deref();
    let name = input::display_name(path);
    let bytes = input::read_all(path, args.limits.max_bytes)?;
    let lower_name = name.to_ascii_lowercase();
    let kind = match (args.format_in, args.html) {
        (Some(k), _) => k,
        (None, true) => FormatIn::Html,
        (None, false) => guess_kind(&lower_name, &bytes),
    };
    let input = match kind {
        // Pages declare their own character set; the extractor decodes it.
        FormatIn::Html => Input::Html(bytes),
        FormatIn::Json => Input::Record(input::decode(&name, bytes, args.encoding)?),
        FormatIn::Text => Input::Text(input::decode(&name, bytes, args.encoding)?),
    };
    let pipeline = super::pipeline(&args.pipeline)?;
    let Summarized {
        document: doc,
        mut summary,
    } = pipeline
        .run(input, args.title)
        .map_err(|e| BadInput(format!("{name}: {e}")))?;
    if args.encoding.is_some() {
        // Text decoded from another encoding: the offsets point into the
        // UTF-8 text, which JSON output then carries.
        summary.text = Some(doc.text.clone());
    }
    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Json => Format::Json,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.pipeline.quotes_only {
        nutgraf_core::render::render_quotes(format, &summary, &mut out)?;
    } else {
        render(format, &doc, &summary, &mut out)?;
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}

/// The kind of input from its name and first bytes: `.html`/`.htm` or a
/// page's opening is HTML; `.json`, or a leading `{` in a file not named
/// `.txt`/`.md`, is a JSON record (`{Editor's note...}` in a `.txt` is
/// text); anything else is text.
fn guess_kind(lower_name: &str, bytes: &[u8]) -> FormatIn {
    let ends = |exts: &[&str]| exts.iter().any(|e| lower_name.ends_with(e));
    if ends(&[".html", ".htm", ".html.gz", ".htm.gz"])
        || nutgraf_core::ingest::looks_like_html(bytes)
    {
        return FormatIn::Html;
    }
    let plain = ends(&[".txt", ".txt.gz", ".text", ".md"]);
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if ends(&[".json", ".json.gz"]) || (!plain && first == Some(&b'{')) {
        FormatIn::Json
    } else {
        FormatIn::Text
    }
}
