//! Integration tests of the `nutgraf` binary: one test binary, one module per
//! area. New tests go in the module of their subcommand; tests about hostile
//! or malformed input go in `robustness`.

mod batch;
mod entry_points;
mod eval;
mod html;
mod robustness;
mod serve;
mod summarize;
mod util;
