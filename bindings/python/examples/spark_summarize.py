#!/usr/bin/env python3
"""Summarize a table of articles on Spark.

  spark_summarize.py IN OUT [--master local[2]] [--points N] [--no-quotes]

IN is JSONL (optionally .gz) or Parquet with an `article` column (other
columns, such as `id`, are kept); OUT is a Parquet folder with a `nutgraf`
struct column beside them (headline, key_points, quotes, language, error).
Prints the rows written and rows per second.
"""
import argparse
import os
import sys
import time

from pyspark.sql import SparkSession

from nutgraf.spark import summarize_udf


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--points", type=int)
    ap.add_argument("--no-quotes", action="store_true")
    a = ap.parse_args()
    if a.master.startswith("local"):
        # Local workers run this interpreter (the one nutgraf and pandas are installed in).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master(a.master).appName("nutgraf").config("spark.ui.enabled", "false").getOrCreate()
    if a.input.endswith(".parquet") or not a.input.split(".")[-1] in ("jsonl", "json", "gz"):
        df = spark.read.parquet(a.input)
    else:
        df = spark.read.json(a.input)
    if "article" not in df.columns:
        raise SystemExit(f"{a.input}: no `article` column (columns: {', '.join(df.columns)})")
    started = time.perf_counter()
    out = df.withColumn("nutgraf", summarize_udf(points=a.points, quotes=not a.no_quotes)("article"))
    out.write.mode("overwrite").parquet(a.output)
    seconds = time.perf_counter() - started
    rows = spark.read.parquet(a.output).count()
    print(f"{rows} rows written to {a.output} in {seconds:.1f} s ({rows / seconds:.0f} rows/s)")
    spark.stop()


if __name__ == "__main__":
    main()
