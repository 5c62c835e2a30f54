//! `nutgraf train-headlines`: fit the first-line detector and the
//! generated headline's cut model.
//!
//! Deterministic: inputs are read in a fixed order (PolNeAR texts sorted by
//! file name; BBC and CNN/DailyMail records in file order), and the trees
//! are trained without sampling, so the same data gives byte-identical
//! models.

use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use serde_json::Value;

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
    let line = nutgraf_core::headline::train_line_model(&headlined, &plain);
    let pairs: Vec<(&str, &str)> = bbc.iter().map(|(a, t)| (a.as_str(), t.as_str())).collect();
    let keep = nutgraf_core::headline::train_keep_model(&pairs);

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
    let text_dir = dir.join("text");
    let mut names: Vec<_> = fs_err::read_dir(&text_dir)
        .map_err(|e| BadInput(e.to_string()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(BadInput(format!("{}: no .txt files", text_dir.display())).into());
    }
    names
        .iter()
        .map(|p| {
            let bytes = fs_err::read(p).map_err(|e| BadInput(e.to_string()))?;
            Ok(input::utf8(&p.display().to_string(), bytes)?)
        })
        .collect()
}

/// `(article, title)` of the first `limit` records; the title is required
/// when `need_title`.
fn records(path: &Path, limit: usize, need_title: bool) -> anyhow::Result<Vec<(String, String)>> {
    let name = input::display_name(Some(path));
    let mut out = Vec::new();
    for (i, line) in input::open(Some(path))?.split(b'\n').enumerate() {
        if out.len() >= limit {
            break;
        }
        let line = line.with_context(|| format!("{name}: cannot read line {}", i + 1))?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let bad = |why: String| BadInput(format!("{name}, line {}: {why}", i + 1));
        let v: Value =
            serde_json::from_slice(&line).map_err(|e| bad(format!("invalid JSON: {e}")))?;
        let article = v["article"]
            .as_str()
            .ok_or_else(|| bad("missing field `article` (a string)".into()))?;
        let title = match v["title"].as_str() {
            Some(t) => t,
            None if need_title => return Err(bad("missing field `title` (a string)".into()).into()),
            None => "",
        };
        out.push((article.to_string(), title.to_string()));
    }
    Ok(out)
}
