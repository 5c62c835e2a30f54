//! `nutgraf summarize`: one article to stdout.

use std::io::{self, Write};

use nutgraf_core::render::{render, Format};
use nutgraf_core::Document;

use crate::cli::{FormatArg, SummarizeArgs};
use crate::input::{self, BadInput};
use crate::ExitStatus;

/// Runs `summarize`.
pub fn run(args: SummarizeArgs) -> anyhow::Result<ExitStatus> {
    let path = args.file.as_deref();
    let name = input::display_name(path);
    let bytes = input::read_all(path)?;
    let lower_name = name.to_ascii_lowercase();
    let is_html = args.html
        || [".html", ".htm", ".html.gz", ".htm.gz"]
            .iter()
            .any(|e| lower_name.ends_with(e))
        || nutgraf_core::ingest::looks_like_html(&bytes);
    let (mut doc, from_html) = if is_html {
        // Pages declare their own character set; the extractor decodes it.
        let doc = nutgraf_core::ingest::from_html(&bytes)
            .map_err(|e| BadInput(format!("{name}: no article text in the page ({e})")))?;
        (doc, true)
    } else {
        let text = input::utf8(&name, bytes)?;
        // A `.txt` file is plain text even when it opens with a brace
        // (`{Editor's note: ...}`); other input starting with one is a
        // JSON record.
        let plain = [".txt", ".txt.gz", ".text", ".md"]
            .iter()
            .any(|e| lower_name.ends_with(e));
        let is_json = lower_name.ends_with(".json")
            || lower_name.ends_with(".json.gz")
            || (!plain && text.trim_start().starts_with('{'));
        if is_json {
            input::parse_record(&text).map_err(|e| BadInput(format!("{name}: {e}")))?
        } else {
            (Document::new(text), false)
        }
    };
    if let Some(t) = args.title {
        doc = doc.with_title(t);
    }
    let pipeline = super::pipeline(&args.pipeline)?;
    let mut summary = pipeline
        .summarize(&doc)
        .map_err(|e| BadInput(format!("{name}: {e}")))?;
    if from_html {
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
