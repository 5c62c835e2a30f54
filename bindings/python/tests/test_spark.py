"""nutgraf.spark in Spark local mode: one row per article, the CLI's points."""

import os
import sys

import pytest

from conftest import cli_json, text_fixtures

if not os.environ.get("NUTGRAF_REQUIRE_SPARK"):
    pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (CI sets NUTGRAF_REQUIRE_SPARK)")


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The workers must run this interpreter, the one with pandas and nutgraf,
    # not whatever python3 is first on PATH (read when the JVM starts).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    s = (
        SparkSession.builder.master("local[2]")
        .appName("nutgraf-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield s
    s.stop()


def test_the_udf_gives_the_cli_points_for_every_row(spark):
    from nutgraf.spark import summarize_udf

    fixtures = text_fixtures()
    rows = [(name, text) for name, _, text in fixtures] + [("empty", "   ")]
    df = spark.createDataFrame(rows, ["name", "article"]).repartition(2)
    out = {r["name"]: r["nutgraf"] for r in df.withColumn("nutgraf", summarize_udf()("article")).collect()}
    assert len(out) == len(rows)
    for name, path, _ in fixtures:
        cli = cli_json(path)
        got = out[name]
        assert got["error"] is None
        assert got["headline"] == cli["headline"]
        assert [(p["text"], p["start"], p["end"]) for p in got["key_points"]] == [
            (p["text"], p["start"], p["end"]) for p in cli["key_points"]
        ], name
        assert [q["text"] for q in got["quotes"]] == [q["text"] for q in cli.get("quotes", [])]
    assert out["empty"]["error"] == "the article is empty"
    assert out["empty"]["key_points"] == []


def test_points_option(spark):
    from nutgraf.spark import summarize_udf

    _, _, text = text_fixtures()[0]
    df = spark.createDataFrame([(text,)], ["article"])
    got = df.select(summarize_udf(points=2, quotes=False)("article").alias("s")).collect()[0]["s"]
    assert len(got["key_points"]) == 2
    assert got["quotes"] == []
