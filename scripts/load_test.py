#!/usr/bin/env python3
"""A bounded load test of `nutgraf serve` on loopback, beside `nutgraf batch`.

  load_test.py NUTGRAF DATASET.jsonl[.gz] [--requests 10000] [--concurrency 64]

Starts `NUTGRAF serve` on a free port, sends REQUESTS `POST /v1/summarize`
requests (JSON `{"text": article}`, the dataset's articles in turn) from
CONCURRENCY keep-alive connections, samples the server's resident memory
every 50 ms, then runs `NUTGRAF batch` over the same articles. Prints one
JSON line: statuses, latency p50/p99, articles/s of both, the server's
RSS at each quarter of the run and at its peak. Exits 1 when any request
did not get 200.
"""
import argparse
import gzip
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("nutgraf")
    ap.add_argument("dataset")
    ap.add_argument("--requests", type=int, default=10000)
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--articles", type=int, default=2000, help="distinct articles, sent in turn")
    a = ap.parse_args()

    opener = gzip.open if a.dataset.endswith(".gz") else open
    articles = []
    with opener(a.dataset, "rt", encoding="utf-8") as f:
        for line in f:
            articles.append(json.loads(line)["article"])
            if len(articles) >= a.articles:
                break
    bodies = [json.dumps({"text": t}).encode() for t in articles]

    server = subprocess.Popen([a.nutgraf, "serve", "--addr", "127.0.0.1:0"],
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    first = server.stderr.readline()
    host, port = first.split("http://")[1].split()[0].split(":")
    port = int(port)

    lock = threading.Lock()
    state = {"next": 0}
    latencies, statuses = [], {}
    samples = []  # (requests done, rss kb)

    def worker():
        conn = http.client.HTTPConnection(host, port, timeout=60)
        while True:
            with lock:
                i = state["next"]
                if i >= a.requests:
                    break
                state["next"] = i + 1
            body = bodies[i % len(bodies)]
            t = time.perf_counter()
            try:
                conn.request("POST", "/v1/summarize", body, {"Content-Type": "application/json"})
                r = conn.getresponse()
                r.read()
                code = r.status
            except (OSError, http.client.HTTPException) as e:
                code = type(e).__name__
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=60)
            dt = time.perf_counter() - t
            with lock:
                latencies.append(dt)
                statuses[str(code)] = statuses.get(str(code), 0) + 1
        conn.close()

    stop = threading.Event()

    def sampler():
        while not stop.is_set():
            try:
                samples.append((len(latencies), rss_kb(server.pid)))
            except OSError:
                break
            time.sleep(0.05)

    s = threading.Thread(target=sampler)
    s.start()
    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(a.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    stop.set()
    s.join()
    server.terminate()
    server.wait(timeout=10)

    quarter = {}
    for q in (1, 2, 3, 4):
        target = a.requests * q // 4
        at = [kb for done, kb in samples if done <= target]
        quarter[f"{q * 25}%"] = round((at[-1] if at else 0) / 1024, 1)
    lat = sorted(latencies)
    pct = lambda p: round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 2)

    # nutgraf batch over the same articles, in the same order.
    with tempfile.TemporaryDirectory() as d:
        inp = os.path.join(d, "in.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for i in range(a.requests):
                f.write(json.dumps({"id": str(i), "article": articles[i % len(articles)]}) + "\n")
        t = time.perf_counter()
        subprocess.run([a.nutgraf, "batch", inp, "-o", os.path.join(d, "out.jsonl"), "-q"], check=True)
        batch_wall = time.perf_counter() - t

    out = {
        "requests": a.requests,
        "concurrency": a.concurrency,
        "statuses": statuses,
        "p50_ms": pct(0.50),
        "p99_ms": pct(0.99),
        "serve_articles_per_s": round(a.requests / wall, 1),
        "batch_articles_per_s": round(a.requests / batch_wall, 1),
        "serve_vs_batch": round(batch_wall / wall, 3),
        "server_rss_mb": quarter,
        "server_peak_rss_mb": round(max(kb for _, kb in samples) / 1024, 1) if samples else None,
        "server_exit": server.returncode,
    }
    print(json.dumps(out))
    sys.exit(0 if statuses.get("200", 0) == a.requests else 1)


if __name__ == "__main__":
    main()
