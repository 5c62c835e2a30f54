//! Command-line arguments (clap derive). Commands never see these types:
//! `main.rs` resolves them into settings first.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  bad input: unreadable, empty or binary article; in batch, one or more records failed
  2  usage error or internal error";

const SERVE_EXIT_CODES: &str = "\
Exit codes:
  0  stopped by SIGTERM or SIGINT, after finishing the requests in flight
  2  usage error, or the address could not be bound";

/// nutgraf: the nut graf of a news article (headline and 3-4 key points, each
/// citing the sentence it came from).
#[derive(Debug, Parser)]
#[command(name = "nutgraf", version, after_help = EXIT_CODES, after_long_help = EXIT_CODES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Summarize one article (plain text, or a JSON record with `article`).
    ///
    /// Reads FILE, or standard input when FILE is `-` or absent. A file ending
    /// in `.json`, or input starting with `{`, is read as one JSON record with
    /// `article` (or `text`) and optional `title` and `id`. Gzip input
    /// (`.gz`) is decompressed.
    #[command(after_help = EXIT_CODES)]
    Summarize(SummarizeArgs),
    /// Summarize every record of a JSONL file, using all cores.
    ///
    /// Each input line is a JSON object with `article` (or `text`) and
    /// optional `id` and `title`. Each output line carries the record's `id`
    /// and the JSON output fields, or, for a record that could not be
    /// summarized, `{"id", "line", "error"}`. Output lines follow input order.
    /// Exits 1 when any record failed.
    #[command(after_help = EXIT_CODES)]
    Batch(BatchArgs),
    /// Serve the HTTP API and the web page until SIGTERM or SIGINT.
    ///
    /// `POST /v1/summarize` (a JSON body `{text | html, title?, points?,
    /// quotes?}`, or a raw `text/plain` or `text/html` body) answers the
    /// JSON of `summarize -f json`; `POST /v1/batch` takes JSONL and streams
    /// JSONL back in input order, as `batch` writes it; `GET /healthz`,
    /// `GET /metrics` (Prometheus text) and `GET /` (the web page). Errors
    /// are `{"error": {"kind", "message"}}` with 400, 413, 415, 422, 503 or
    /// 504 (see the README's API section and `docs/openapi.yaml`).
    #[command(after_help = SERVE_EXIT_CODES)]
    Serve(ServeArgs),
    /// Score nutgraf and Lead-3 against reference highlights with ROUGE.
    ///
    /// DATASET is JSONL with `id`, `article` and `highlights` (a list of
    /// strings), like the CNN/DailyMail development set. Prints ROUGE-1/2/L/
    /// Lsum F1 (x100, stemmed, as Google's rouge-score computes them) for both
    /// systems, and throughput.
    #[command(after_help = EXIT_CODES)]
    Eval(EvalArgs),
    /// Score quote and speaker extraction on a PolNeAR split folder.
    ///
    /// DIR holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`
    /// (brat standoff). Prints one JSON line with the same figures as
    /// `score_quotes.py`: content and speaker precision, recall and F1 over
    /// all attributions, and recall over direct quotes.
    EvalQuotes(EvalQuotesArgs),
    /// Train the learned scorer on a dataset with highlights.
    ///
    /// Labels every body sentence by the greedy ROUGE oracle, fits boosted
    /// trees, and writes the model as JSON (load it with `--model`). With
    /// `--folds K`, first reports K-fold cross-validated ROUGE and writes
    /// each fold's model and held-out output to `--cv-dir`.
    #[command(after_help = EXIT_CODES)]
    Train(TrainArgs),
    /// Train the two headline models: the first-line detector and the
    /// generated headline's cut point.
    ///
    /// The detector learns from PolNeAR texts (their first line is a
    /// headline) against BBC and CNN/DailyMail articles (no headline line);
    /// the cut model from BBC articles and their real titles. Writes
    /// `headline-line.json` and `headline-keep.json` into `--output-dir`; the
    /// defaults' inputs reproduce the built-in models byte for byte.
    #[command(after_help = EXIT_CODES)]
    TrainHeadlines(TrainHeadlinesArgs),
    /// Train the quote confidence model on a PolNeAR split.
    ///
    /// Extracts the quotes of every text by the rules, labels each by the
    /// scorer's pairing (right: its content pairs with a gold attribution
    /// and its speaker, if any, overlaps the gold source), and fits boosted
    /// trees over the quotes' shape. Writes `quote-confidence.json`; the
    /// PolNeAR train split reproduces the built-in model byte for byte. With
    /// `--dev`, prints the figures of each confidence threshold there.
    #[command(after_help = EXIT_CODES)]
    TrainQuotes(TrainQuotesArgs),
}

/// Arguments of `train-quotes`.
#[derive(Debug, clap::Args)]
pub struct TrainQuotesArgs {
    /// The PolNeAR split folder to train on (with `text/` and
    /// `attributions/`).
    pub dir: PathBuf,
    /// A second PolNeAR split to report thresholds on.
    #[arg(long, value_name = "DIR")]
    pub dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,
    /// Where to write the cue words learned from the split's gold cues (the
    /// table built in as `models/quote-cues.tsv`).
    #[arg(long, value_name = "FILE")]
    pub cues: Option<PathBuf>,
    /// Where to write the speaker chooser learned from the split's gold
    /// sources (built in as `models/quote-speaker.json`); the confidence
    /// model is then trained on the quotes it chooses speakers for. Without
    /// it, the built-in chooser is used.
    #[arg(long, value_name = "FILE")]
    pub speaker: Option<PathBuf>,
    /// Where to write the cue tagger learned from the split's gold cues
    /// (built in as `models/quote-tagger.json`); the speaker chooser and
    /// the confidence model are then trained on the quotes found with it.
    /// Without it, the built-in tagger is used.
    #[arg(long, value_name = "FILE")]
    pub tagger: Option<PathBuf>,
    /// The tagger's cue threshold, in log-odds.
    #[arg(
        long,
        value_name = "LOGODDS",
        default_value_t = 0.0,
        allow_hyphen_values = true
    )]
    pub tagger_threshold: f32,
}

/// Arguments of `train-headlines`.
#[derive(Debug, clap::Args)]
pub struct TrainHeadlinesArgs {
    /// A PolNeAR split folder (its `text/*.txt` open with their headlines).
    #[arg(long, value_name = "DIR")]
    pub polnear: PathBuf,
    /// BBC articles with `title` and `article` (JSONL, optionally `.gz`).
    #[arg(long, value_name = "FILE")]
    pub bbc: PathBuf,
    /// CNN/DailyMail articles (JSONL, optionally `.gz`); the first 3,000
    /// are used as texts without a headline line.
    #[arg(long, value_name = "FILE")]
    pub cnndm: PathBuf,
    /// Where to write the two model files.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output_dir: PathBuf,
}

/// Output formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Headline line, `- ` key points, then the body.
    #[default]
    Text,
    /// A Markdown document.
    Markdown,
    /// One JSON object with byte offsets for every key point.
    Json,
}

/// Settings shared by every command that summarizes.
#[derive(Debug, clap::Args)]
pub struct PipelineArgs {
    /// Exactly this many key points (default: 3 or 4, chosen by the content).
    #[arg(long, short = 'n', value_parser = clap::value_parser!(u16).range(1..=100))]
    pub points: Option<u16>,
    /// Pipeline settings as JSON (segmenter, scorer, selector, budget; any
    /// field left out keeps its default).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Score sentences with this model (written by `nutgraf train`) instead
    /// of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Key points as whole sentences, not compressed.
    #[arg(long)]
    pub no_compress: bool,
    /// Compress key points with this model (written by `nutgraf train`)
    /// instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub compress_model: Option<PathBuf>,
    /// Do not extract quotes and attributions (a little faster).
    #[arg(long, conflicts_with = "quotes_only")]
    pub no_quotes: bool,
    /// Output only the quotes and attributions, with their speakers: the
    /// "Who said what" list, or in JSON `{id, quotes, offset_unit, text}`.
    #[arg(long)]
    pub quotes_only: bool,
    /// List every quote the rules find, not only those the confidence
    /// model trusts (each quote's `confidence` is in the JSON).
    #[arg(long, conflicts_with = "min_quote_confidence")]
    pub all_quotes: bool,
    /// List the quotes whose confidence (0 to 1) reaches this; the default
    /// is 0.4 for direct quotes and 0.5 for reported speech, chosen on
    /// PolNeAR (see the README).
    #[arg(long, value_name = "P")]
    pub min_quote_confidence: Option<f32>,
}

/// Limits on what is read, shared by `summarize` and `batch`.
#[derive(Debug, clap::Args)]
pub struct LimitArgs {
    /// Refuse an article larger than this after decompression (in batch, a
    /// record's line): bytes, or with a K, M or G suffix (binary units).
    /// `0` lifts the limit.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_bytes: u64,
}

/// Parses `123`, `64K`, `64M`, `1G` (binary units) into bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((k, _)) => (&t[..k], t[k..].trim()),
        None => (t, ""),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{s}` is no size (use e.g. 500000, 64K, 64M or 1G)"))?;
    let shift = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(format!("`{s}`: unknown unit `{unit}` (use K, M or G)")),
    };
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("`{s}` is too large"))
}

/// How to read `summarize`'s input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatIn {
    /// Plain text (a first line may be the headline).
    Text,
    /// An HTML page.
    Html,
    /// One JSON record with `article` (or `text`, or `html`).
    Json,
}

/// Arguments of `summarize`.
#[derive(Debug, clap::Args)]
pub struct SummarizeArgs {
    /// The article file; `-` or nothing reads standard input.
    pub file: Option<PathBuf>,
    /// Pipeline settings.
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// The article's title, used as the headline (overrides a record's `title`).
    #[arg(long, short = 't')]
    pub title: Option<String>,
    /// Read the input as an HTML page (also implied by a `.html`/`.htm`
    /// name or input starting with `<!doctype html` or `<html`): the article
    /// body and title are extracted, and JSON output carries the extracted
    /// `text` that the offsets point into. The same as `--format-in html`.
    #[arg(long, conflicts_with = "format_in")]
    pub html: bool,
    /// Read the input as this kind, whatever its name or first bytes say
    /// (by default: `.html`/`.htm` or `<html` is a page, `.json` or a
    /// leading `{` outside `.txt`/`.md` is a JSON record, anything else is
    /// text).
    #[arg(long, value_enum, value_name = "KIND")]
    pub format_in: Option<FormatIn>,
    /// The character encoding of text and JSON input (a WHATWG label such as
    /// `utf-8`, `latin1`, `windows-1252`, `iso-8859-15`); offsets are then
    /// into the text decoded to UTF-8, which JSON output carries as `text`.
    /// HTML pages declare their own.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Input limits.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// An encoding by its WHATWG label.
fn parse_encoding(s: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(s.trim().as_bytes()).ok_or_else(|| {
        format!("unknown encoding `{s}` (use e.g. utf-8, latin1, windows-1252, iso-8859-15)")
    })
}

/// Arguments of `batch`.
#[derive(Debug, clap::Args)]
pub struct BatchArgs {
    /// Input JSONL, optionally gzip-compressed (`.gz`); `-` reads standard input.
    pub input: PathBuf,
    /// Where to write the output JSONL; `-` writes standard output.
    #[arg(long, short = 'o')]
    pub output: PathBuf,
    /// Pipeline settings.
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Hide the progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Input limits.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Arguments of `serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 takes a free port (printed on start).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Worker threads that summarize (default: one per core).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Largest request body: bytes, or with a K, M or G suffix.
    #[arg(long, value_name = "SIZE", default_value = "10M", value_parser = parse_size)]
    pub max_body: u64,
    /// Requests summarized at once (on the workers or next in line), at
    /// most (default: four per worker thread).
    #[arg(long, value_name = "N")]
    pub max_inflight: Option<usize>,
    /// Requests that may wait for a worker past `--max-inflight`, holding
    /// no thread; past it, 503 with `Retry-After` (default: 64 per worker
    /// thread).
    #[arg(long, value_name = "N")]
    pub max_queue: Option<usize>,
    /// Seconds a request may take before it gets 504.
    #[arg(long, value_name = "SECS", default_value_t = 30.0)]
    pub timeout: f64,
    /// Pipeline settings (the defaults of every request).
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

/// Arguments of `eval`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Dataset JSONL (optionally `.gz`) with `id`, `article`, `highlights`.
    pub dataset: PathBuf,
    /// Also write nutgraf's output here as JSONL (readable by score_rouge.py).
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Score only the first N articles.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Pipeline settings.
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `eval-quotes`.
#[derive(Debug, clap::Args)]
pub struct EvalQuotesArgs {
    /// PolNeAR split folder (with `text/` and `attributions/`).
    pub dir: PathBuf,
    /// Also write the extracted quotes here as JSONL (readable by
    /// score_quotes.py).
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Score every quote the rules find, not only the default list.
    #[arg(long)]
    pub all_quotes: bool,
}

/// Arguments of `train`.
#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// Dataset JSONL (optionally `.gz`) with `id`, `article`, `highlights`.
    pub dataset: PathBuf,
    /// Where to write the model trained on the whole dataset.
    #[arg(long, short = 'o')]
    pub output: PathBuf,
    /// Cross-validate with this many folds first (0 to skip).
    #[arg(long, default_value_t = 0)]
    pub folds: usize,
    /// Folder for the folds' models and held-out outputs.
    #[arg(long)]
    pub cv_dir: Option<PathBuf>,
    /// Number of trees.
    #[arg(long, default_value_t = 100)]
    pub trees: usize,
    /// Depth of each tree.
    #[arg(long, default_value_t = 4)]
    pub depth: usize,
    /// Learning rate (shrinkage).
    #[arg(long, default_value_t = 0.1)]
    pub learning_rate: f32,
    /// Use only the first N articles.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Where to write the compression model trained on the whole dataset
    /// (default: next to `--output`, named `*.compress.json`).
    #[arg(long, value_name = "FILE")]
    pub compress_output: Option<PathBuf>,
    /// Label sentences by the oracle over whole sentences, not over their
    /// compressed points.
    #[arg(long)]
    pub whole_sentence_oracle: bool,
    /// Number of trees of the compressor's word model (0: none, the cut
    /// model then sees word counts only).
    #[arg(long, default_value_t = 8)]
    pub word_trees: usize,
    /// Depth of the word model's trees.
    #[arg(long, default_value_t = 4)]
    pub word_depth: usize,
    /// Number of trees of the compression model.
    #[arg(long, default_value_t = 30)]
    pub cut_trees: usize,
    /// Depth of the compression model's trees.
    #[arg(long, default_value_t = 4)]
    pub cut_depth: usize,
    /// Also report cross-validated ROUGE with these cut thresholds
    /// (log-odds), e.g. `-0.5,0,0.5`.
    #[arg(long, value_delimiter = ',', allow_negative_numbers = true)]
    pub cut_thresholds: Vec<f32>,
    /// Pipeline settings (the selector used for cross-validation).
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}
