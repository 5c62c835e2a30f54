"""nutgraf on Spark: a pandas UDF that summarizes a column of articles.

>>> from nutgraf.spark import summarize_udf          # doctest: +SKIP
>>> df.withColumn("nutgraf", summarize_udf()("article"))  # doctest: +SKIP

The result is a struct (see :data:`SCHEMA`): ``headline``, ``key_points``
(``text``, ``start``, ``end``: UTF-8 byte offsets of the point's sentence),
``quotes`` (``speaker``, ``text``), ``language``, and ``error`` (null, or why
the row's article could not be summarized: no row is dropped). The pipeline
is built once per executor process and reused by every batch.
"""

import threading
from typing import Any, Dict, Optional, Tuple

import nutgraf

_PIPELINE: Optional[nutgraf.Pipeline] = None
_LOCK = threading.Lock()


def _schema():
    from pyspark.sql.types import (
        ArrayType,
        IntegerType,
        StringType,
        StructField,
        StructType,
    )

    point = StructType(
        [
            StructField("text", StringType()),
            StructField("start", IntegerType()),
            StructField("end", IntegerType()),
        ]
    )
    quote = StructType(
        [StructField("speaker", StringType()), StructField("text", StringType())]
    )
    return StructType(
        [
            StructField("headline", StringType()),
            StructField("key_points", ArrayType(point)),
            StructField("quotes", ArrayType(quote)),
            StructField("language", StringType()),
            StructField("error", StringType()),
        ]
    )


def _pipeline() -> nutgraf.Pipeline:
    """The executor process's pipeline, built on first use."""
    global _PIPELINE
    with _LOCK:
        if _PIPELINE is None:
            _PIPELINE = nutgraf.Pipeline()
        return _PIPELINE


def row(summary: Dict[str, Any]) -> Dict[str, Any]:
    """One summary (or error dict) as a row of :data:`SCHEMA`."""
    if "error" in summary:
        return {
            "headline": None,
            "key_points": [],
            "quotes": [],
            "language": None,
            "error": summary["error"]["message"],
        }
    language = summary.get("language")
    return {
        "headline": summary.get("headline"),
        "key_points": [
            {"text": p["text"], "start": p["start"], "end": p["end"]}
            for p in summary.get("key_points", [])
        ],
        "quotes": [
            {"speaker": q.get("speaker_name"), "text": q.get("text")}
            for q in summary.get("quotes", [])
        ],
        "language": language.get("code") if isinstance(language, dict) else language,
        "error": None,
    }


def summarize_udf(points: Optional[int] = None, quotes: bool = True):
    """A pandas UDF from a string column of articles to :data:`SCHEMA`."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    @pandas_udf(_schema())
    def _summarize(articles: pd.Series) -> pd.DataFrame:
        items = ["" if a is None else str(a) for a in articles]
        out = _pipeline().summarize_many(items, points=points, quotes=quotes)
        return pd.DataFrame([row(s) for s in out], columns=[f.name for f in _schema().fields])

    return _summarize


def __getattr__(name: str):
    if name == "SCHEMA":
        return _schema()
    raise AttributeError(name)
