//! One module per subcommand.

pub mod batch;
pub mod eval;
pub mod summarize;

use nutgraf_core::{Pipeline, PipelineBuilder};

/// The default pipeline, with exactly `points` key points when given.
pub fn pipeline(points: Option<u16>) -> anyhow::Result<Pipeline> {
    let mut b = PipelineBuilder::new();
    if let Some(n) = points {
        b = b.points(n as usize);
    }
    Ok(b.build()?)
}
