//! `nutgraf train-headlines`: fit the first-line detector and the
//! generated headline's cut model.
//!
//! Deterministic: inputs are read in a fixed order (PolNeAR texts sorted by
//! file name; BBC and CNN/DailyMail records in file order), and the trees
//! are trained without sampling, so the same data gives byte-identical
//! models.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;

use crate::cli::TrainHeadlinesArgs;
use crate::input::{self, BadInput};
use crate::ExitStatus;

/// CNN/DailyMail articles used as texts without a headline line.
const CNNDM_NEGATIVES: usize = 3000;

/// Runs `train-headlines`.
pub fn run(args: TrainHeadlinesArgs) -> anyhow::Result<ExitStatus> {
    let start = Instant::now();
    let polnear = polnear_texts(&args.polnear)?;
    let bbc = records(&args.bbc, usize::MAX, true)?;
    let cnndm = records(&args.cnndm, CNNDM_NEGATIVES, false)?;

    let headlined: Vec<&str> = polnear.iter().map(String::as_str).collect();
    let plain: Vec<&str> = bbc
        .iter()
        .step_by(2)
        .map(|(a, _)| a.as_str())
        .chain(cnndm.iter().map(|(a, _)| a.as_str()))
        .collect();
    let line = nutgraf_train::models::line_model(&headlined, &plain);
    let pairs: Vec<(&str, &str)> = bbc.iter().map(|(a, t)| (a.as_str(), t.as_str())).collect();
    let keep = nutgraf_train::models::keep_model(&pairs);

    fs_err::create_dir_all(&args.output_dir)?;
    for (name, model) in [("headline-line.json", &line), ("headline-keep.json", &keep)] {
        let path = args.output_dir.join(name);
        fs_err::write(&path, serde_json::to_string(model)? + "\n")
            .with_context(|| format!("writing {}", path.display()))?;
    }
    writeln!(
        std::io::stderr().lock(),
        "nutgraf: {} headlined texts, {} without, {} title pairs; wrote headline-line.json ({} trees) and headline-keep.json ({} trees) to {} in {:.1}s",
        headlined.len(),
        plain.len(),
        pairs.len(),
        line.trees.len(),
        keep.trees.len(),
        args.output_dir.display(),
        start.elapsed().as_secs_f64()
    )?;
    Ok(ExitStatus::Success)
}

/// The texts of a PolNeAR split, sorted by file name.
fn polnear_texts(dir: &Path) -> anyhow::Result<Vec<String>> {
    Ok(nutgraf_train::datasets::polnear_texts(dir).map_err(|e| BadInput(e.to_string()))?)
}

/// `(article, title)` of the first `limit` records; the title is required
/// when `need_title`.
fn records(path: &Path, limit: usize, need_title: bool) -> anyhow::Result<Vec<(String, String)>> {
    let name = input::display_name(Some(path));
    let reader = input::open(Some(path))?;
    Ok(
        nutgraf_train::datasets::read_titled(reader, &name, limit, need_title)
            .map_err(|e| BadInput(e.to_string()))?,
    )
}
