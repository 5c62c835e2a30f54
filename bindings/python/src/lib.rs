//! Python bindings of nutgraf: the core's one entry point
//! ([`nutgraf_core::Pipeline::run`]) behind a small native module,
//! `nutgraf._nutgraf`, that the `nutgraf` package wraps. No pipeline logic
//! lives here: inputs become [`Input`]s, summaries come back as the JSON
//! that `nutgraf summarize -f json` prints, and core errors become Python
//! exceptions in one place ([`to_py_err`]).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use nutgraf_core::render::{render, Format};
use nutgraf_core::score::{LearnedConfig, ScorerConfig};
use nutgraf_core::select::Budget;
use nutgraf_core::{Error, Input, PipelineBuilder, PipelineConfig};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

create_exception!(
    _nutgraf,
    InputError,
    PyValueError,
    "An article nutgraf cannot read: empty, binary, punctuation only, a malformed record, or a page with no article text."
);
create_exception!(
    _nutgraf,
    ConfigError,
    PyValueError,
    "A pipeline configuration or model nutgraf cannot use."
);

/// The one mapping from the core's error kinds to Python exceptions.
fn to_py_err(e: &Error) -> PyErr {
    match error_kind(e) {
        "config" => ConfigError::new_err(e.to_string()),
        _ => InputError::new_err(e.to_string()),
    }
}

/// The kind of a core error as `summarize_many`'s error dicts name it.
fn error_kind(e: &Error) -> &'static str {
    match e {
        Error::Config(_) | Error::Model(_) => "config",
        _ => "input",
    }
}

/// One input as the Python side hands it over: `("text", str)`,
/// `("html", bytes)`, `("record", json)`, or `("invalid", why)` for an item
/// of a type nutgraf does not read (answered with an error dict).
fn input_of(kind: &str, payload: Vec<u8>) -> Result<Input, String> {
    let text = |p: Vec<u8>| String::from_utf8(p).map_err(|e| format!("not valid UTF-8: {e}"));
    match kind {
        "text" => text(payload).map(Input::Text),
        "html" => Ok(Input::Html(payload)),
        "record" => text(payload).map(Input::Record),
        _ => Err(String::from_utf8_lossy(&payload).into_owned()),
    }
}

/// A payload's bytes: a `str` as UTF-8, a `bytes` as is (copied once,
/// not element by element).
fn payload_bytes(v: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(s.to_cow()?.as_bytes().to_vec());
    }
    if let Ok(b) = v.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    Err(InputError::new_err(format!(
        "expected str or bytes, not {}",
        v.get_type().name()?
    )))
}

/// Options of one call: exactly `points` key points, quotes on or off.
type Options = (Option<u16>, bool);

/// A reusable, thread-safe pipeline.
#[pyclass(frozen, module = "nutgraf._nutgraf")]
struct Pipeline {
    base: PipelineConfig,
    pipelines: Mutex<HashMap<Options, Arc<nutgraf_core::Pipeline>>>,
    pools: Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>,
}

impl Pipeline {
    fn pipeline(&self, (points, quotes): Options) -> PyResult<Arc<nutgraf_core::Pipeline>> {
        if let Some(n) = points.filter(|n| !(1..=100).contains(n)) {
            return Err(ConfigError::new_err(format!(
                "points: {n} is out of range (1 to 100)"
            )));
        }
        let mut map = self.pipelines.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = map.get(&(points, quotes)) {
            return Ok(p.clone());
        }
        let mut config = self.base.clone();
        if let Some(n) = points {
            config.budget = Budget::exactly(usize::from(n));
        }
        if !quotes {
            config.skip_quotes = true;
        }
        let p = Arc::new(
            PipelineBuilder::from_config(config)
                .build()
                .map_err(|e| to_py_err(&e))?,
        );
        map.insert((points, quotes), p.clone());
        Ok(p)
    }

    fn pool(&self, threads: Option<usize>) -> PyResult<Arc<rayon::ThreadPool>> {
        let n = threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1);
        let mut pools = self.pools.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = pools.get(&n) {
            return Ok(p.clone());
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("nutgraf-py-{i}"))
            .build()
            .map_err(|e| ConfigError::new_err(format!("threads: {e}")))?;
        let pool = Arc::new(pool);
        pools.insert(n, pool.clone());
        Ok(pool)
    }
}

/// The JSON of one input's summary, as `nutgraf summarize -f json`
/// prints it.
fn summary_json(
    pipeline: &nutgraf_core::Pipeline,
    input: Input,
    title: Option<String>,
) -> Result<String, Error> {
    run_json(&pipeline.run(input, title)?)
}

/// The JSON of a summarized input, as `nutgraf summarize -f json` prints
/// it.
fn run_json(run: &nutgraf_core::Summarized) -> Result<String, Error> {
    let mut out = Vec::new();
    render(Format::Json, &run.document, &run.summary, &mut out)
        .map_err(|e| Error::Config(e.to_string()))?;
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// The JSON of each of `group`'s summaries, or its error dict, in order.
fn summarize_group(
    pipeline: &nutgraf_core::Pipeline,
    group: Vec<(String, Vec<u8>)>,
) -> Vec<String> {
    let mut out: Vec<Option<String>> = Vec::with_capacity(group.len());
    let (mut inputs, mut ids) = (Vec::new(), Vec::new());
    for (kind, payload) in group {
        let id = (kind == "record")
            .then(|| std::str::from_utf8(&payload).ok())
            .flatten()
            .and_then(nutgraf_core::ingest::record::record_id);
        match input_of(&kind, payload) {
            Err(why) => out.push(Some(error_json(id, "input", &why))),
            Ok(input) => {
                inputs.push(input);
                ids.push((out.len(), id));
                out.push(None);
            }
        }
    }
    for (run, (k, id)) in pipeline.run_all(inputs).into_iter().zip(ids) {
        out[k] = Some(match run.and_then(|r| run_json(&r)) {
            Ok(json) => json,
            Err(e) => error_json(id, error_kind(&e), &e.to_string()),
        });
    }
    out.into_iter().flatten().collect()
}

/// An error dict of `summarize_many`, as JSON.
fn error_json(id: Option<String>, kind: &str, message: &str) -> String {
    let mut v = serde_json::json!({"error": {"kind": kind, "message": message}});
    if let Some(id) = id {
        v["id"] = serde_json::Value::String(id);
    }
    v.to_string()
}

#[pymethods]
impl Pipeline {
    /// `config`: a pipeline configuration as JSON (the `--config` file's
    /// format); `model`: a scorer model written by `nutgraf train`.
    #[new]
    #[pyo3(signature = (config=None, model=None))]
    fn new(config: Option<&str>, model: Option<PathBuf>) -> PyResult<Self> {
        let mut base = match config {
            None => PipelineConfig::default(),
            Some(json) => serde_json::from_str(json)
                .map_err(|e| ConfigError::new_err(format!("not a pipeline configuration: {e}")))?,
        };
        if let Some(path) = model {
            base.scorer = ScorerConfig::Learned(LearnedConfig { model: Some(path) });
        }
        let p = Pipeline {
            base,
            pipelines: Mutex::new(HashMap::new()),
            pools: Mutex::new(HashMap::new()),
        };
        // Built now, so a bad configuration or model raises here.
        p.pipeline((None, true))?;
        Ok(p)
    }

    /// One input's summary as JSON; the GIL is released while it works.
    #[pyo3(signature = (kind, payload, title=None, points=None, quotes=true))]
    fn summarize(
        &self,
        py: Python<'_>,
        kind: &str,
        payload: &Bound<'_, PyAny>,
        title: Option<String>,
        points: Option<u16>,
        quotes: bool,
    ) -> PyResult<String> {
        let pipeline = self.pipeline((points, quotes))?;
        let payload = payload_bytes(payload)?;
        let input = input_of(kind, payload).map_err(InputError::new_err)?;
        py.detach(move || summary_json(&pipeline, input, title))
            .map_err(|e| to_py_err(&e))
    }

    /// Many inputs' summaries as JSON, in input order, on `threads` worker
    /// threads with the GIL released; an input that fails gives an error
    /// dict (`{"error": {"kind", "message"}, "id"?}`) in its place.
    #[pyo3(signature = (items, threads=None, points=None, quotes=true))]
    fn summarize_many(
        &self,
        py: Python<'_>,
        items: Vec<(String, Bound<'_, PyAny>)>,
        threads: Option<usize>,
        points: Option<u16>,
        quotes: bool,
    ) -> PyResult<Vec<String>> {
        let pipeline = self.pipeline((points, quotes))?;
        let items = items
            .iter()
            .map(|(k, v)| Ok((k.clone(), payload_bytes(v)?)))
            .collect::<PyResult<Vec<(String, Vec<u8>)>>>()?;
        let pool = self.pool(threads)?;
        Ok(py.detach(move || {
            use rayon::prelude::*;
            pool.install(|| {
                items
                    .into_par_iter()
                    .chunks(nutgraf_core::Pipeline::GROUP)
                    .flat_map_iter(|group| summarize_group(&pipeline, group))
                    .collect()
            })
        }))
    }
}

/// The native module.
#[pymodule]
fn _nutgraf(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("InputError", m.py().get_type::<InputError>())?;
    m.add("ConfigError", m.py().get_type::<ConfigError>())?;
    m.add_class::<Pipeline>()?;
    Ok(())
}
