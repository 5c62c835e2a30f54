#!/usr/bin/env python3
"""Checks a Spark job against the CLI and measures the Python package.

  check_spark.py NUTGRAF DATASET.jsonl[.gz] [--rows 500]

1. Runs examples/spark_summarize.py's job in local[2] over the first ROWS
   articles, and `NUTGRAF batch` over the same; every row's key points must
   equal the CLI's (text, start, end). Exits 1 otherwise.
2. Times `nutgraf.summarize_many` over the whole file on one and two threads
   beside `NUTGRAF batch -j 1` and `-j 2`, each pinned to the same one or two
   cores (median articles/s of three alternating runs), and Spark local[2]
   rows/s over the whole file. Prints one JSON line. Timings are reported,
   not checked: a loaded machine would make them flaky.
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time

import nutgraf


def read(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def batch(binary, records, threads, d, cores=None):
    inp, out = os.path.join(d, f"in-{threads}.jsonl"), os.path.join(d, f"out-{threads}.jsonl")
    with open(inp, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps({"id": r["id"], "article": r["article"]}) + "\n")
    pin = ["taskset", "-c", ",".join(map(str, sorted(cores)))] if cores else []
    t = time.perf_counter()
    subprocess.run(pin + [binary, "batch", inp, "-o", out, "-q", "-j", str(threads)], check=True)
    seconds = time.perf_counter() - t
    with open(out, encoding="utf-8") as f:
        return [json.loads(line) for line in f], seconds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("nutgraf")
    ap.add_argument("dataset")
    ap.add_argument("--rows", type=int, default=500)
    a = ap.parse_args()
    records = read(a.dataset)
    articles = [r["article"] for r in records]
    from pyspark.sql import SparkSession
    from nutgraf.spark import summarize_udf

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this interpreter
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("nutgraf-check")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    out = {}
    with tempfile.TemporaryDirectory() as d:
        head = records[: a.rows]
        cli, _ = batch(a.nutgraf, head, 2, d)
        df = spark.createDataFrame([(r["id"], r["article"]) for r in head], ["id", "article"])
        rows = df.withColumn("nutgraf", summarize_udf()("article")).collect()
        by_id = {r["id"]: r["nutgraf"] for r in rows}
        same = sum(
            1
            for c in cli
            if [(p["text"], p["start"], p["end"]) for p in by_id[c["id"]]["key_points"]]
            == [(p["text"], p["start"], p["end"]) for p in c["key_points"]]
        )
        out["spark_rows"] = len(rows)
        out["spark_rows_equal_to_cli"] = same
        # Throughput over the whole file, on the same cores.
        everywhere = os.sched_getaffinity(0)
        for threads in (1, 2):
            cores = set(sorted(everywhere)[:threads])
            py_rates, batch_rates = [], []
            for _ in range(3):
                os.sched_setaffinity(0, cores)
                t = time.perf_counter()
                res = nutgraf.summarize_many(articles, threads=threads)
                py_rates.append(len(articles) / (time.perf_counter() - t))
                os.sched_setaffinity(0, everywhere)
                assert all("error" not in r for r in res)
                _, seconds = batch(a.nutgraf, records, threads, d, cores)
                batch_rates.append(len(records) / seconds)
            py, bt = sorted(py_rates)[1], sorted(batch_rates)[1]
            out[f"summarize_many_{threads}_core_articles_per_s"] = round(py, 1)
            out[f"batch_{threads}_core_articles_per_s"] = round(bt, 1)
            out[f"ratio_{threads}_core"] = round(py / bt, 3)
        df = spark.createDataFrame([(r["id"], r["article"]) for r in records], ["id", "article"]).repartition(4)
        t = time.perf_counter()
        df.withColumn("nutgraf", summarize_udf()("article")).write.mode("overwrite").parquet(os.path.join(d, "spark.parquet"))
        seconds = time.perf_counter() - t
        out["spark_local2_rows_per_s"] = round(len(records) / seconds, 1)
    spark.stop()
    print(json.dumps(out))
    ok = out["spark_rows"] == min(a.rows, len(records)) == out["spark_rows_equal_to_cli"]
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
