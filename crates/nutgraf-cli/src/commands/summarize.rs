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
    let text = input::utf8(&name, bytes)?;
    let is_json = path.is_some_and(|p| {
        p.extension().is_some_and(|e| e == "json") || p.to_string_lossy().ends_with(".json.gz")
    }) || text.trim_start().starts_with('{');
    let mut doc = if is_json {
        input::parse_record(&text).map_err(|e| BadInput(format!("{name}: {e}")))?
    } else {
        Document::new(text)
    };
    if let Some(t) = args.title {
        doc = doc.with_title(t);
    }
    let pipeline = super::pipeline(&args.pipeline)?;
    let summary = pipeline
        .summarize(&doc)
        .map_err(|e| BadInput(format!("{name}: {e}")))?;
    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Json => Format::Json,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    render(format, &doc, &summary, &mut out)?;
    out.flush()?;
    Ok(ExitStatus::Success)
}
