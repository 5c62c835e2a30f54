//! One module per subcommand.

pub mod batch;
pub mod eval;
pub mod eval_quotes;
pub mod serve;
pub mod summarize;
pub mod train;
pub mod train_headlines;
pub mod train_quotes;

use nutgraf_core::score::{LearnedConfig, ScorerConfig};
use nutgraf_core::{Pipeline, PipelineBuilder, PipelineConfig};

use crate::cli::PipelineArgs;
use crate::input::BadInput;

/// The pipeline configuration the arguments ask for: the defaults, then the
/// `--config` file, then `--model` and `--points`.
pub fn pipeline_config(args: &PipelineArgs) -> anyhow::Result<PipelineConfig> {
    let mut config = match &args.config {
        None => PipelineConfig::default(),
        Some(path) => {
            let name = path.display();
            let text = fs_err::read_to_string(path).map_err(|e| BadInput(e.to_string()))?;
            // A configuration is part of the command: a malformed one, or
            // one with a field we do not know (a typo would be ignored),
            // is a usage error (exit 2).
            serde_json::from_str(&text)
                .map_err(|e| anyhow::anyhow!("{name}: not a pipeline configuration: {e}"))?
        }
    };
    if let Some(model) = &args.model {
        config.scorer = ScorerConfig::Learned(LearnedConfig {
            model: Some(model.clone()),
        });
    }
    if let Some(n) = args.points {
        config.budget = nutgraf_core::select::Budget::exactly(n as usize);
    }
    if args.no_compress {
        config.compress.enabled = false;
    }
    if let Some(model) = &args.compress_model {
        config.compress.model = Some(model.clone());
    }
    if args.no_quotes {
        config.skip_quotes = true;
    }
    if args.all_quotes {
        config.min_quote_confidence = 0.0;
        config.min_reported_confidence = 0.0;
    }
    if let Some(p) = args.min_quote_confidence {
        if !(0.0..=1.0).contains(&p) {
            return Err(BadInput(format!(
                "--min-quote-confidence {p}: expected a number from 0 to 1"
            ))
            .into());
        }
        config.min_quote_confidence = p;
        config.min_reported_confidence = p;
    }
    Ok(config)
}

/// Builds the pipeline the arguments ask for.
pub fn pipeline(args: &PipelineArgs) -> anyhow::Result<Pipeline> {
    PipelineBuilder::from_config(pipeline_config(args)?)
        .build()
        .map_err(|e| match e {
            nutgraf_core::Error::Model(m) => BadInput(m).into(),
            e => anyhow::Error::new(e),
        })
}

/// Reads a JSONL(.gz) dataset of records with `article` and `highlights`
/// (the CNN/DailyMail layout), at most `limit` of them; a malformed record
/// is bad input (exit code 1).
pub fn read_cases(
    path: &std::path::Path,
    limit: Option<usize>,
) -> anyhow::Result<Vec<nutgraf_train::datasets::Case>> {
    let name = crate::input::display_name(Some(path));
    let reader = crate::input::open(Some(path))?;
    Ok(nutgraf_train::datasets::read_cases(reader, &name, limit)
        .map_err(|e| BadInput(e.to_string()))?)
}
