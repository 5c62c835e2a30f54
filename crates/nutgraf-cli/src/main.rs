//! The `nutgraf` command. Reads top to bottom as the program: parse the
//! arguments, run the subcommand, map the outcome to an exit code.

mod cli;
mod commands;
mod input;

use std::io;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::input::BadInput;

/// The documented exit codes (see `nutgraf --help`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: everything worked.
    Success,
    /// 1: bad input (or, in batch, at least one record failed).
    BadInput,
    /// 2: usage or internal error.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> ExitCode {
        match s {
            ExitStatus::Success => ExitCode::from(0),
            ExitStatus::BadInput => ExitCode::from(1),
            ExitStatus::Error => ExitCode::from(2),
        }
    }
}

/// mimalloc in place of the system allocator: every article allocates and
/// frees many small vectors and strings, and glibc's malloc spent about a
/// fifth of a `batch` run in `malloc`, `free` and heap consolidation; with
/// mimalloc the same run takes about two thirds of the time (README,
/// "Measured figures").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                ExitStatus::Error
            } else {
                ExitStatus::Success
            };
            let _ = e.print();
            return code.into();
        }
    };
    match run(cli) {
        Ok(status) => status.into(),
        Err(err) => {
            // A closed pipe (`nutgraf ... | head`) is not an error.
            if err.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitStatus::Success.into();
            }
            #[allow(clippy::print_stderr)]
            {
                eprintln!("nutgraf: {err:#}");
            }
            if err.chain().any(|c| c.is::<BadInput>()) {
                ExitStatus::BadInput.into()
            } else {
                ExitStatus::Error.into()
            }
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitStatus> {
    match cli.command {
        Command::Summarize(args) => commands::summarize::run(args),
        Command::Batch(args) => commands::batch::run(args),
        Command::Eval(args) => commands::eval::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::EvalQuotes(args) => commands::eval_quotes::run(args),
        Command::Train(args) => commands::train::run(args),
        Command::TrainHeadlines(args) => commands::train_headlines::run(args),
        Command::TrainQuotes(args) => commands::train_quotes::run(args),
    }
}
