//! `nutgraf eval-quotes`: quote and speaker figures on a PolNeAR split.

use std::io::Write;

use anyhow::Context;
use nutgraf_core::segment::{NewsSegmenter, Segmenter};
use nutgraf_core::Document;
use nutgraf_train::datasets::polnear_names;
use nutgraf_train::polnear::{load_gold, QuoteScorer};
use rayon::prelude::*;

use crate::cli::EvalQuotesArgs;
use crate::input::BadInput;
use crate::ExitStatus;

/// Runs `eval-quotes`.
pub fn run(args: EvalQuotesArgs) -> anyhow::Result<ExitStatus> {
    let dir = args.dir.as_path();
    let mut docs = read_split(dir)?;
    if !args.all_quotes {
        use nutgraf_core::quotes::confidence::{
            reaches, DEFAULT_MIN_CONFIDENCE, DEFAULT_MIN_REPORTED_CONFIDENCE,
        };
        for d in &mut docs {
            d.3.retain(|q| reaches(q, DEFAULT_MIN_CONFIDENCE, DEFAULT_MIN_REPORTED_CONFIDENCE));
        }
    }
    let mut scorer = QuoteScorer::default();
    let mut out = match &args.output {
        Some(p) => Some(std::io::BufWriter::new(fs_err::File::create(p)?)),
        None => None,
    };
    for (name, doc, gold, quotes) in &docs {
        scorer.add(&doc.text, gold, Some(quotes));
        if let Some(w) = out.as_mut() {
            let line = serde_json::json!({"id": name, "offset_unit": "byte", "quotes": quotes});
            writeln!(w, "{line}")?;
        }
    }
    if let Some(mut w) = out {
        w.flush()?;
    }
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    writeln!(lock, "{}", serde_json::to_string(&scorer.scores())?)?;
    Ok(ExitStatus::Success)
}

/// One PolNeAR text: its name, document, gold attributions and the quotes
/// the rules extract from it.
pub type SplitDoc = (
    String,
    Document,
    Vec<nutgraf_train::polnear::GoldAttribution>,
    Vec<nutgraf_core::quotes::Quote>,
);

/// Reads a PolNeAR split folder and extracts every text's quotes, in name
/// order.
pub fn read_split(dir: &std::path::Path) -> anyhow::Result<Vec<SplitDoc>> {
    let names = polnear_names(dir).map_err(|e| BadInput(e.to_string()))?;
    names
        .into_par_iter()
        .map(|name| -> anyhow::Result<_> {
            let (text, gold) = load_gold(dir, &name)
                .with_context(|| format!("reading {name} in {}", dir.display()))?;
            let doc = Document::new(text);
            let quotes = nutgraf_core::quotes::extract(&NewsSegmenter::default().segment(&doc));
            Ok((name, doc, gold, quotes))
        })
        .collect()
}
