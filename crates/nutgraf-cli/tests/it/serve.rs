//! `nutgraf serve`: each route and each error status, on an ephemeral port.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::util::*;

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_nutgraf"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start nutgraf serve");
        let mut first = String::new();
        BufReader::new(child.stderr.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let addr = first
            .split("http://")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .unwrap_or_else(|| panic!("no address in {first:?}"))
            .to_string();
        Server {
            child,
            base: format!("http://{addr}"),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Sends SIGTERM.
    fn terminate(&self) {
        let ok = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

/// POSTs `body` as `content_type`: status, Retry-After and body.
fn post(url: &str, content_type: &str, body: &[u8]) -> (u16, Option<String>, String) {
    let mut r = agent()
        .post(url)
        .header("Content-Type", content_type)
        .send(body)
        .expect("an answer");
    let retry = r
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_string());
    let text = r
        .body_mut()
        .with_config()
        .limit(64 << 20)
        .read_to_string()
        .unwrap();
    (r.status().as_u16(), retry, text)
}

fn get(url: &str) -> (u16, String) {
    let mut r = agent().get(url).call().expect("an answer");
    (r.status().as_u16(), r.body_mut().read_to_string().unwrap())
}

fn error_kind(body: &str) -> String {
    let v: Value = serde_json::from_str(body).unwrap_or_else(|_| panic!("JSON error: {body}"));
    assert!(v["error"]["message"].is_string(), "{v}");
    v["error"]["kind"].as_str().unwrap().to_string()
}

/// An article long enough to keep a worker busy for a while.
fn slow_article() -> String {
    "The ferry ran late again and riders waited on the pier, the operator said. ".repeat(60_000)
}

#[test]
fn summarize_answers_the_json_of_the_cli() {
    let s = Server::start(&[]);
    for (name, text, title) in all_fixtures() {
        let path = fixtures().join(&name).join("input.txt");
        let o = nutgraf(&["summarize", path.to_str().unwrap(), "-f", "json"], b"");
        assert!(o.status.success());
        let cli: Value = serde_json::from_str(&stdout(&o)).unwrap();
        // A raw text body, and a JSON body.
        let (status, _, body) = post(&s.url("/v1/summarize"), "text/plain", text.as_bytes());
        assert_eq!(status, 200, "{body}");
        assert_eq!(serde_json::from_str::<Value>(&body).unwrap(), cli, "{name}");
        let (status, _, body) = post(
            &s.url("/v1/summarize"),
            "application/json",
            json!({ "text": text }).to_string().as_bytes(),
        );
        assert_eq!(status, 200, "{body}");
        assert_eq!(serde_json::from_str::<Value>(&body).unwrap(), cli, "{name}");
        // Options: points and a title.
        let (status, _, body) = post(
            &s.url("/v1/summarize"),
            "application/json",
            json!({ "text": text, "title": title, "points": 2, "quotes": false })
                .to_string()
                .as_bytes(),
        );
        assert_eq!(status, 200, "{body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["key_points"].as_array().unwrap().len(), 2, "{name}");
        assert!(v["quotes"].as_array().is_none_or(Vec::is_empty), "{v}");
    }
    // An HTML page: the same JSON as `summarize page.html`, text included.
    let page = fixtures().join("../fixtures-html/ferry.html");
    let o = nutgraf(&["summarize", page.to_str().unwrap(), "-f", "json"], b"");
    let cli: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let (status, _, body) = post(
        &s.url("/v1/summarize"),
        "text/html; charset=utf-8",
        &std::fs::read(&page).unwrap(),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap(), cli);
}

#[test]
fn each_error_has_its_status_and_kind() {
    let s = Server::start(&["--max-body", "2K"]);
    let url = s.url("/v1/summarize");
    let (status, _, body) = post(&url, "application/json", b"{\"text\": ");
    assert_eq!(
        (status, error_kind(&body).as_str()),
        (400, "malformed_json")
    );
    let (status, _, body) = post(&url, "application/json", b"{\"title\": \"T\"}");
    assert_eq!((status, error_kind(&body).as_str()), (400, "missing_field"));
    let (status, _, body) = post(
        &url,
        "application/json",
        b"{\"text\": \"a\", \"colour\": 1}",
    );
    assert_eq!((status, error_kind(&body).as_str()), (400, "invalid_field"));
    assert!(body.contains("colour"), "{body}");
    let (status, _, body) = post(
        &url,
        "application/json",
        b"{\"text\": \"a b\", \"points\": 0}",
    );
    assert_eq!((status, error_kind(&body).as_str()), (400, "invalid_field"));
    let (status, _, body) = post(&url, "application/xml", b"<a/>");
    assert_eq!(
        (status, error_kind(&body).as_str()),
        (415, "unsupported_media_type")
    );
    let (status, _, body) = post(&url, "text/plain", &[b'a'; 3000]);
    assert_eq!((status, error_kind(&body).as_str()), (413, "too_large"));
    let (status, _, body) = post(&url, "text/plain", b"  \n ");
    assert_eq!((status, error_kind(&body).as_str()), (422, "no_text"));
    let (status, _, body) = post(&url, "text/html", b"<html><body></body></html>");
    assert_eq!((status, error_kind(&body).as_str()), (422, "no_text"));
    let (status, body) = get(&s.url("/nowhere"));
    assert_eq!((status, error_kind(&body).as_str()), (404, "not_found"));
    // The server went on through all of it, and counted it.
    let (status, metrics) = get(&s.url("/metrics"));
    assert_eq!(status, 200);
    assert!(
        metrics.contains("nutgraf_errors_total{route=\"/v1/summarize\",kind=\"too_large\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("nutgraf_requests_total{route=\"/v1/summarize\",status=\"422\"} 2"),
        "{metrics}"
    );
    assert!(metrics.contains("nutgraf_in_flight 0"), "{metrics}");
}

#[test]
fn batch_streams_records_in_order_with_their_errors() {
    let s = Server::start(&[]);
    let body = "{\"id\": \"a\", \"article\": \"The ferry ran late. Riders waited on the pier. The operator blamed the storm.\"}\n\
                {\"id\": \"b\", \"title\": \"no article\"}\n\
                \n\
                {\"id\": 7, \"article\": \"The council met on Tuesday. It voted to fix the bridge. Work starts in May.\"}\n";
    let (status, _, out) = post(&s.url("/v1/batch"), "application/x-ndjson", body.as_bytes());
    assert_eq!(status, 200, "{out}");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert_eq!(
        (lines[0]["id"].as_str(), lines[0]["line"].as_u64()),
        (Some("a"), Some(1))
    );
    assert!(lines[0]["key_points"].is_array());
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[1]["error"], "missing field `article` (or `text`)");
    assert_eq!(
        (lines[2]["id"].as_str(), lines[2]["line"].as_u64()),
        (Some("7"), Some(4))
    );
    let (status, _, body) = post(&s.url("/v1/batch"), "image/png", b"x");
    assert_eq!(
        (status, error_kind(&body).as_str()),
        (415, "unsupported_media_type")
    );
}

#[test]
fn health_and_page_answer_while_the_workers_are_busy_and_the_limit_gives_503() {
    let s = Server::start(&["--threads", "1", "--max-inflight", "1", "--max-queue", "0"]);
    let url = s.url("/v1/summarize");
    let slow = slow_article();
    let busy = {
        let url = url.clone();
        std::thread::spawn(move || post(&url, "text/plain", slow.as_bytes()))
    };
    // Wait until the slow article holds the one permit.
    let started = Instant::now();
    loop {
        let (_, m) = get(&s.url("/metrics"));
        if m.contains("nutgraf_in_flight 1") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "never busy: {m}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let t = Instant::now();
    let (status, body) = get(&s.url("/healthz"));
    assert_eq!((status, body.trim()), (200, "{\"status\":\"ok\"}"));
    assert!(
        t.elapsed() < Duration::from_millis(100),
        "{:?}",
        t.elapsed()
    );
    let (status, page) = get(&s.url("/"));
    assert_eq!(status, 200);
    assert!(page.contains("<title>nutgraf</title>"));
    let (status, retry, body) = post(&url, "text/plain", b"The ferry ran late. Riders waited.");
    assert_eq!((status, error_kind(&body).as_str()), (503, "overloaded"));
    assert_eq!(retry.as_deref(), Some("1"));
    let (status, _, body) = busy.join().unwrap();
    assert_eq!(status, 200, "{}", &body[..body.len().min(300)]);
}

#[test]
fn a_request_past_the_timeout_gets_504() {
    let s = Server::start(&["--timeout", "0.01"]);
    let (status, _, body) = post(
        &s.url("/v1/summarize"),
        "text/plain",
        slow_article().as_bytes(),
    );
    assert_eq!((status, error_kind(&body).as_str()), (504, "timeout"));
}

#[test]
fn sigterm_finishes_what_is_in_flight_and_exits_0() {
    let mut s = Server::start(&["--threads", "1"]);
    let url = s.url("/v1/summarize");
    let slow = slow_article();
    let busy = std::thread::spawn(move || post(&url, "text/plain", slow.as_bytes()));
    let started = Instant::now();
    loop {
        let (_, m) = get(&s.url("/metrics"));
        if m.contains("nutgraf_in_flight 1") {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "never busy");
        std::thread::sleep(Duration::from_millis(5));
    }
    s.terminate();
    let (status, _, body) = busy.join().unwrap();
    assert_eq!(status, 200, "{}", &body[..body.len().min(300)]);
    let t = Instant::now();
    let code = loop {
        if let Some(c) = s.child.try_wait().unwrap() {
            break c;
        }
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "still running 10 s after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(code.code(), Some(0));
}

#[test]
fn requests_past_the_in_flight_limit_wait_in_the_queue() {
    let s = Server::start(&["--threads", "1", "--max-inflight", "1", "--max-queue", "4"]);
    let url = s.url("/v1/summarize");
    let clients: Vec<_> = (0..3)
        .map(|_| {
            let url = url.clone();
            let text = "The ferry ran late again, the operator said. ".repeat(20_000);
            std::thread::spawn(move || post(&url, "text/plain", text.as_bytes()).0)
        })
        .collect();
    let codes: Vec<u16> = clients.into_iter().map(|c| c.join().unwrap()).collect();
    assert_eq!(codes, [200, 200, 200]);
    let (_, m) = get(&s.url("/metrics"));
    assert!(m.contains("nutgraf_articles_total 3"), "{m}");
    assert!(m.contains("nutgraf_queued 0"), "{m}");
}
