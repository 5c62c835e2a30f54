//! `nutgraf serve`: the HTTP API and the web page, on the core's one entry
//! point ([`Pipeline::run`]).
//!
//! The async side (tokio and axum) only moves bytes. Every article is
//! summarized on a pool of worker threads, behind a semaphore of
//! `--max-inflight` permits (jobs on the pool, running or next in line).
//! A request that finds no permit waits for one without holding a thread,
//! in a queue of at most `--max-queue` requests; past that it gets 503 at
//! once. Health checks and metrics never wait. A job holds its permit until
//! it finishes, even past `--timeout` (504: the timeout counts from the
//! request's arrival, waiting included), so the pool's queue stays
//! bounded.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::net::SocketAddr;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use axum::body::{Body, Bytes};
use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use nutgraf_core::render::{render_quotes, Format};
use nutgraf_core::select::Budget;
use nutgraf_core::{Input, Pipeline, PipelineBuilder, PipelineConfig};
use serde::Deserialize;
use tokio::sync::{mpsc, oneshot, OwnedSemaphorePermit, Semaphore};

use crate::cli::ServeArgs;
use crate::ExitStatus;

/// The web page, built into the binary.
const PAGE: &str = include_str!("../../web/index.html");

/// Records of a `/v1/batch` body summarized per job.
const BATCH_CHUNK: usize = 64;

/// Latency histogram bounds, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0];

/// Runs `serve` until SIGTERM or SIGINT.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitStatus> {
    let base = super::pipeline_config(&args.pipeline)?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = args.threads.unwrap_or(cores).clamp(1, 4 * cores);
    let max_inflight = args.max_inflight.unwrap_or(4 * threads).max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("nutgraf-work-{i}"))
        .build()
        .context("starting worker threads")?;
    let default = Arc::new(super::pipeline(&args.pipeline)?);
    let app = Arc::new(App {
        base,
        quotes_only: args.pipeline.quotes_only,
        pipelines: Mutex::new(HashMap::from([((None, None), default)])),
        pool,
        permits: Arc::new(Semaphore::new(max_inflight)),
        max_inflight,
        waiting: AtomicUsize::new(0),
        max_queue: args.max_queue.unwrap_or(64 * threads),
        max_body: usize::try_from(args.max_body).unwrap_or(usize::MAX),
        timeout: Duration::from_secs_f64(args.timeout.max(0.001)),
        metrics: Metrics::default(),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the server runtime")?;
    runtime.block_on(serve(app, args.addr, threads))?;
    Ok(ExitStatus::Success)
}

async fn serve(app: Arc<App>, addr: SocketAddr, threads: usize) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    let local = listener.local_addr()?;
    {
        let mut err = std::io::stderr().lock();
        writeln!(
            err,
            "nutgraf: listening on http://{local} ({threads} worker threads, {} requests in flight and {} waiting at most)",
            app.max_inflight, app.max_queue
        )?;
    }
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("serving")?;
    let mut err = std::io::stderr().lock();
    writeln!(err, "nutgraf: stopped")?;
    Ok(())
}

/// The routes, with the metrics layer around them.
fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/v1/summarize", post(summarize))
        .route("/v1/batch", post(batch))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(app.clone(), measure))
        .with_state(app)
}

/// Waits for SIGTERM or SIGINT.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// A request's `points` and `quotes`.
type Options = (Option<u16>, Option<bool>);

/// One route's latency: bucket counts, sum of seconds, count.
type Histogram = ([u64; BUCKETS.len()], f64, u64);

/// The server's shared state.
struct App {
    base: PipelineConfig,
    quotes_only: bool,
    /// Pipelines by the request's `points` and `quotes`, built on first use.
    pipelines: Mutex<HashMap<Options, Arc<Pipeline>>>,
    pool: rayon::ThreadPool,
    permits: Arc<Semaphore>,
    max_inflight: usize,
    /// Requests waiting for a permit, and how many may.
    waiting: AtomicUsize,
    max_queue: usize,
    max_body: usize,
    timeout: Duration,
    metrics: Metrics,
}

impl App {
    /// The pipeline for a request's options.
    fn pipeline(
        &self,
        points: Option<u16>,
        quotes: Option<bool>,
    ) -> Result<Arc<Pipeline>, ApiError> {
        if let Some(n) = points.filter(|n| !(1..=100).contains(n)) {
            return Err(ApiError::bad_request(
                "invalid_field",
                format!("field `points`: {n} is out of range (1 to 100)"),
            ));
        }
        let mut map = self.pipelines.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = map.get(&(points, quotes)) {
            return Ok(p.clone());
        }
        let mut config = self.base.clone();
        if let Some(n) = points {
            config.budget = Budget::exactly(usize::from(n));
        }
        if let Some(q) = quotes {
            config.skip_quotes = !q;
        }
        let p = Arc::new(
            PipelineBuilder::from_config(config)
                .build()
                .map_err(|e| ApiError::internal(e.to_string()))?,
        );
        map.insert((points, quotes), p.clone());
        Ok(p)
    }

    /// A permit for one request's work: at once, or after waiting in the
    /// queue until `deadline`; 503 when the queue is full, 504 past the
    /// deadline.
    async fn permit(&self, deadline: Instant) -> Result<OwnedSemaphorePermit, ApiError> {
        if let Ok(p) = self.permits.clone().try_acquire_owned() {
            return Ok(p);
        }
        if self.waiting.fetch_add(1, Ordering::SeqCst) >= self.max_queue {
            self.waiting.fetch_sub(1, Ordering::SeqCst);
            return Err(ApiError {
                status: StatusCode::SERVICE_UNAVAILABLE,
                kind: "overloaded",
                message: format!(
                    "{} requests are in flight and {} waiting (the --max-inflight and \
                     --max-queue limits); retry shortly",
                    self.max_inflight, self.max_queue
                ),
            });
        }
        let got =
            tokio::time::timeout_at(deadline.into(), self.permits.clone().acquire_owned()).await;
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        match got {
            Ok(Ok(p)) => Ok(p),
            Ok(Err(_)) => Err(ApiError::internal("the server is stopping".to_string())),
            Err(_) => Err(self.timed_out()),
        }
    }

    fn timed_out(&self) -> ApiError {
        ApiError {
            status: StatusCode::GATEWAY_TIMEOUT,
            kind: "timeout",
            message: format!(
                "not done within {:.3} s (the --timeout limit)",
                self.timeout.as_secs_f64()
            ),
        }
    }

    /// Runs `f` on the worker pool, holding `permit` (a semaphore permit)
    /// until it finishes; 504 past `deadline`, 500 if it panics.
    async fn compute<T: Send + 'static, P: Send + 'static>(
        &self,
        permit: P,
        deadline: Instant,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let (tx, rx) = oneshot::channel();
        self.pool.spawn(move || {
            let out = std::panic::catch_unwind(AssertUnwindSafe(f));
            drop(permit);
            let _ = tx.send(out);
        });
        match tokio::time::timeout_at(deadline.into(), rx).await {
            Err(_) => Err(self.timed_out()),
            Ok(Ok(Ok(v))) => Ok(v),
            Ok(Ok(Err(_))) | Ok(Err(_)) => Err(ApiError::internal(
                "the article could not be summarized (an internal error; the server goes on)"
                    .to_string(),
            )),
        }
    }
}

/// An error answer: `{"error": {"kind", "message"}}` with its status.
#[derive(Debug)]
struct ApiError {
    status: StatusCode,
    kind: &'static str,
    message: String,
}

impl ApiError {
    fn bad_request(kind: &'static str, message: String) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            kind,
            message,
        }
    }

    fn internal(message: String) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            kind: "internal",
            message,
        }
    }

    fn too_large(max: usize) -> ApiError {
        ApiError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            kind: "too_large",
            message: format!("the body is larger than {max} bytes (the --max-body limit)"),
        }
    }

    /// The one mapping from the core's error kinds to statuses.
    fn from_core(e: nutgraf_core::Error) -> ApiError {
        use nutgraf_core::Error as E;
        let (status, kind) = match &e {
            E::Record(_) => (StatusCode::BAD_REQUEST, "invalid_record"),
            E::EmptyDocument | E::NoWords | E::Binary { .. } | E::NoArticle(_) => {
                (StatusCode::UNPROCESSABLE_ENTITY, "no_text")
            }
            E::Config(_) => (StatusCode::BAD_REQUEST, "invalid_config"),
            _ => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        };
        ApiError {
            status,
            kind,
            message: e.to_string(),
        }
    }
}

/// The error kind of an answer, for the metrics layer.
#[derive(Clone, Copy)]
struct ErrorKind(&'static str);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({"error": {"kind": self.kind, "message": self.message}});
        let mut r = (self.status, json_body(body.to_string() + "\n")).into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        r.extensions_mut().insert(ErrorKind(self.kind));
        r
    }
}

fn json_body(s: String) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        s,
    )
        .into_response()
}

/// Reads a request's body up to `max` bytes; 413 past it, read no
/// further (a declared length over it is refused before reading).
async fn read_body(req: Request, max: usize) -> Result<(HeaderMap, Bytes), ApiError> {
    let (parts, body) = req.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(ApiError::too_large(max));
    }
    let bytes = axum::body::to_bytes(body, max)
        .await
        .map_err(|_| ApiError::too_large(max))?;
    Ok((parts.headers, bytes))
}

/// The media type of a request, lowercased, without parameters.
fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default()
}

fn unsupported(media: &str, expected: &str) -> ApiError {
    ApiError {
        status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
        kind: "unsupported_media_type",
        message: if media.is_empty() {
            format!("no Content-Type; send {expected}")
        } else {
            format!("Content-Type {media} is not read here; send {expected}")
        },
    }
}

fn utf8(bytes: Bytes, what: &str) -> Result<String, ApiError> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        ApiError::bad_request(
            "invalid_utf8",
            format!(
                "the {what} is not valid UTF-8 (byte {} is not)",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// The JSON body of `POST /v1/summarize`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SummarizeRequest {
    text: Option<String>,
    html: Option<String>,
    title: Option<String>,
    points: Option<u16>,
    quotes: Option<bool>,
}

/// Options of a raw body, from the query string.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SummarizeQuery {
    title: Option<String>,
    points: Option<u16>,
    quotes: Option<bool>,
}

async fn summarize(
    State(app): State<Arc<App>>,
    query: Result<Query<SummarizeQuery>, axum::extract::rejection::QueryRejection>,
    req: Request,
) -> Result<Response, ApiError> {
    let deadline = Instant::now() + app.timeout;
    let query = query
        .map_err(|e| ApiError::bad_request("invalid_query", e.body_text()))?
        .0;
    let (headers, bytes) = read_body(req, app.max_body).await?;
    let media = media_type(&headers);
    let (input, title, points, quotes) = match media.as_str() {
        "application/json" => {
            let r: SummarizeRequest = serde_json::from_slice(&bytes).map_err(|e| {
                let kind = if e.is_data() {
                    "invalid_field"
                } else {
                    "malformed_json"
                };
                ApiError::bad_request(kind, format!("the JSON body: {e}"))
            })?;
            let input = match (r.text, r.html) {
                (Some(t), None) => Input::Text(t),
                (None, Some(h)) => Input::Html(h.into_bytes()),
                (Some(_), Some(_)) => {
                    return Err(ApiError::bad_request(
                        "invalid_field",
                        "give `text` or `html`, not both".to_string(),
                    ))
                }
                (None, None) => {
                    return Err(ApiError::bad_request(
                        "missing_field",
                        "missing field `text` (or `html`)".to_string(),
                    ))
                }
            };
            (input, r.title, r.points, r.quotes)
        }
        "text/plain" => (
            Input::Text(utf8(bytes, "body")?),
            query.title,
            query.points,
            query.quotes,
        ),
        // Pages declare their own character set; the extractor decodes it.
        "text/html" => (
            Input::Html(bytes.to_vec()),
            query.title,
            query.points,
            query.quotes,
        ),
        other => {
            return Err(unsupported(
                other,
                "application/json, text/plain or text/html",
            ))
        }
    };
    let pipeline = app.pipeline(points, quotes)?;
    let permit = app.permit(deadline).await?;
    let quotes_only = app.quotes_only;
    let out = app
        .compute(
            permit,
            deadline,
            move || -> Result<Vec<u8>, nutgraf_core::Error> {
                let run = pipeline.run(input, title)?;
                let mut out = Vec::new();
                if quotes_only {
                    render_quotes(Format::Json, &run.summary, &mut out)
                } else {
                    nutgraf_core::render::render(
                        Format::Json,
                        &run.document,
                        &run.summary,
                        &mut out,
                    )
                }
                .map_err(|e| nutgraf_core::Error::Config(e.to_string()))?;
                Ok(out)
            },
        )
        .await?
        .map_err(ApiError::from_core)?;
    app.metrics.articles.fetch_add(1, Ordering::Relaxed);
    Ok(json_body(String::from_utf8(out).unwrap_or_default()))
}

async fn batch(State(app): State<Arc<App>>, req: Request) -> Result<Response, ApiError> {
    let (headers, bytes) = read_body(req, app.max_body).await?;
    let media = media_type(&headers);
    if !matches!(
        media.as_str(),
        "application/x-ndjson" | "application/jsonl" | "application/json" | "text/plain"
    ) {
        return Err(unsupported(
            &media,
            "JSONL as application/x-ndjson (or application/jsonl, text/plain)",
        ));
    }
    let permit = Arc::new(app.permit(Instant::now() + app.timeout).await?);
    let pipeline = app.pipeline(None, None)?;
    // Line starts: records are cut out of the one body, never copied whole.
    let mut lines: Vec<(usize, usize, usize)> = Vec::new();
    let (mut start, mut number) = (0, 0);
    for end in memchr::memchr_iter(b'\n', &bytes).chain([bytes.len()]) {
        number += 1;
        if end > start || end < bytes.len() {
            let line = &bytes[start..end];
            if !line.iter().all(u8::is_ascii_whitespace) {
                lines.push((number, start, end));
            }
        }
        start = end + 1;
    }
    let (tx, rx) = mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    let quotes_only = app.quotes_only;
    tokio::spawn(async move {
        for chunk in lines.chunks(BATCH_CHUNK) {
            let chunk = chunk.to_vec();
            let numbers: Vec<usize> = chunk.iter().map(|c| c.0).collect();
            let (bytes, pipeline) = (bytes.clone(), pipeline.clone());
            // Each chunk is one job under the batch's one permit.
            let out = app
                .compute(permit.clone(), Instant::now() + app.timeout, move || {
                    use rayon::prelude::*;
                    let lines: Vec<(usize, &[u8])> =
                        chunk.iter().map(|&(n, a, b)| (n, &bytes[a..b])).collect();
                    let outs: Vec<(bool, Vec<u8>)> = lines
                        .par_chunks(nutgraf_core::Pipeline::GROUP)
                        .flat_map_iter(|group| super::batch::records(&pipeline, group, quotes_only))
                        .collect();
                    outs
                })
                .await;
            let block = match out {
                Ok(outs) => {
                    let done = outs.iter().filter(|(ok, _)| *ok).count();
                    app.metrics
                        .articles
                        .fetch_add(done as u64, Ordering::Relaxed);
                    outs.into_iter().flat_map(|(_, v)| v).collect::<Vec<u8>>()
                }
                // The chunk's records as error lines: nothing dropped.
                Err(e) => numbers
                    .iter()
                    .flat_map(|&n| super::batch::failed_line(None, n, &e.message).1)
                    .collect(),
            };
            if tx.send(Ok(Bytes::from(block))).await.is_err() {
                break;
            }
        }
    });
    let stream = tokio_stream::wrappers::ReceiverStream::new(rx);
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/x-ndjson"),
        )],
        Body::from_stream(stream),
    )
        .into_response())
}

async fn page() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        PAGE,
    )
        .into_response()
}

async fn healthz() -> Response {
    json_body("{\"status\":\"ok\"}\n".to_string())
}

async fn not_found() -> ApiError {
    ApiError {
        status: StatusCode::NOT_FOUND,
        kind: "not_found",
        message: "no such route; see GET / and the README's API section".to_string(),
    }
}

async fn metrics(State(app): State<Arc<App>>) -> Response {
    let inflight = app.max_inflight - app.permits.available_permits();
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4"),
        )],
        app.metrics
            .render(inflight, app.waiting.load(Ordering::SeqCst)),
    )
        .into_response()
}

/// Counts each answer by route, status and error kind, and its latency.
async fn measure(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let route = match req.uri().path() {
        "/" => "/",
        "/healthz" => "/healthz",
        "/metrics" => "/metrics",
        "/v1/summarize" => "/v1/summarize",
        "/v1/batch" => "/v1/batch",
        _ => "other",
    };
    let started = Instant::now();
    let response = next.run(req).await;
    let kind = response.extensions().get::<ErrorKind>().map(|k| k.0);
    app.metrics.observe(
        route,
        response.status().as_u16(),
        kind,
        started.elapsed().as_secs_f64(),
    );
    response
}

/// Counters for `/metrics`.
#[derive(Default)]
struct Metrics {
    /// Answers by (route, status).
    requests: Mutex<BTreeMap<(&'static str, u16), u64>>,
    /// Error answers by (route, kind).
    errors: Mutex<BTreeMap<(&'static str, &'static str), u64>>,
    /// Latency by route: bucket counts, sum, count.
    latency: Mutex<BTreeMap<&'static str, Histogram>>,
    /// Articles summarized.
    articles: AtomicU64,
}

impl Metrics {
    fn observe(&self, route: &'static str, status: u16, kind: Option<&'static str>, secs: f64) {
        *self
            .requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry((route, status))
            .or_default() += 1;
        if let Some(kind) = kind {
            *self
                .errors
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .entry((route, kind))
                .or_default() += 1;
        }
        let mut lat = self.latency.lock().unwrap_or_else(|e| e.into_inner());
        let (buckets, sum, count) = lat.entry(route).or_default();
        for (b, bound) in buckets.iter_mut().zip(BUCKETS) {
            if secs <= bound {
                *b += 1;
            }
        }
        *sum += secs;
        *count += 1;
    }

    /// The Prometheus text format.
    fn render(&self, inflight: usize, waiting: usize) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        let _ = writeln!(
            s,
            "# HELP nutgraf_requests_total Answers by route and status."
        );
        let _ = writeln!(s, "# TYPE nutgraf_requests_total counter");
        for ((route, status), n) in self
            .requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
        {
            let _ = writeln!(
                s,
                "nutgraf_requests_total{{route=\"{route}\",status=\"{status}\"}} {n}"
            );
        }
        let _ = writeln!(
            s,
            "# HELP nutgraf_errors_total Error answers by route and kind."
        );
        let _ = writeln!(s, "# TYPE nutgraf_errors_total counter");
        for ((route, kind), n) in self.errors.lock().unwrap_or_else(|e| e.into_inner()).iter() {
            let _ = writeln!(
                s,
                "nutgraf_errors_total{{route=\"{route}\",kind=\"{kind}\"}} {n}"
            );
        }
        let _ = writeln!(
            s,
            "# HELP nutgraf_request_duration_seconds Time to answer, by route."
        );
        let _ = writeln!(s, "# TYPE nutgraf_request_duration_seconds histogram");
        for (route, (buckets, sum, count)) in self
            .latency
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
        {
            for (b, bound) in buckets.iter().zip(BUCKETS) {
                let _ = writeln!(
                    s,
                    "nutgraf_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {b}"
                );
            }
            let _ = writeln!(
                s,
                "nutgraf_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {count}"
            );
            let _ = writeln!(
                s,
                "nutgraf_request_duration_seconds_sum{{route=\"{route}\"}} {sum}"
            );
            let _ = writeln!(
                s,
                "nutgraf_request_duration_seconds_count{{route=\"{route}\"}} {count}"
            );
        }
        let _ = writeln!(s, "# HELP nutgraf_in_flight Requests being summarized now.");
        let _ = writeln!(s, "# TYPE nutgraf_in_flight gauge");
        let _ = writeln!(s, "nutgraf_in_flight {inflight}");
        let _ = writeln!(s, "# HELP nutgraf_queued Requests waiting for a worker.");
        let _ = writeln!(s, "# TYPE nutgraf_queued gauge");
        let _ = writeln!(s, "nutgraf_queued {waiting}");
        let _ = writeln!(s, "# HELP nutgraf_articles_total Articles summarized.");
        let _ = writeln!(s, "# TYPE nutgraf_articles_total counter");
        let _ = writeln!(
            s,
            "nutgraf_articles_total {}",
            self.articles.load(Ordering::Relaxed)
        );
        s
    }
}
