"""nutgraf: the nut graf of a news article.

A headline, three or four key points and who said what, each with the UTF-8
byte spans of the words it came from; the same JSON as ``nutgraf summarize
-f json``, from the same Rust pipeline.

>>> import nutgraf
>>> s = nutgraf.summarize("The old bridge reopened on Monday after two years of "
...                       'repairs. "Every cable is new," said county engineer Ana Ruiz. '
...                       "Traffic was light in the morning.", title="Bridge reopens")
>>> s["headline"]
'Bridge reopens'
>>> s["key_points"][0]["text"]
'The old bridge reopened after two years of repairs.'
>>> [(q["speaker_name"], q["text"]) for q in s["quotes"]]
[('Ana Ruiz', '"Every cable is new,"')]

"""

from __future__ import annotations

import gc as _gc
import json as _json
import os as _os
import threading as _threading
from concurrent.futures import ThreadPoolExecutor as _ThreadPoolExecutor
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union

from . import _nutgraf
from ._nutgraf import ConfigError, InputError

__version__: str = _nutgraf.__version__

__all__ = [
    "ConfigError",
    "InputError",
    "Pipeline",
    "__version__",
    "summarize",
    "summarize_many",
]


# Items per call into the engine in ``summarize_many``.
_CHUNK = 512


def _item(item: Any) -> "tuple[str, str]":
    """One input of ``summarize_many`` as the native module takes it."""
    if isinstance(item, str):
        return ("text", item)
    if isinstance(item, Mapping):
        try:
            return ("record", _json.dumps(dict(item)))
        except (TypeError, ValueError) as e:
            return ("invalid", f"the record is no JSON object: {e}")
    return ("invalid", f"expected a str or a dict, not {type(item).__name__}")


class Pipeline:
    """A reusable, thread-safe summarization pipeline.

    ``config``: pipeline settings, as a dict (the format of ``nutgraf
    --config``, e.g. ``{"scorer": {"type": "Heuristic"}}``); ``model``: the
    path of a scorer model written by ``nutgraf train``. Raises
    :class:`ConfigError` when either cannot be used.

    >>> from nutgraf import Pipeline
    >>> p = Pipeline({"scorer": {"type": "Heuristic"}})
    >>> [k["text"] for k in p.summarize("The ferry ran late on Monday. Riders waited an hour.", points=1)["key_points"]]
    ['The ferry ran late on Monday.']
    """

    def __init__(
        self,
        config: Optional[Mapping[str, Any]] = None,
        model: Optional[Union[str, "os.PathLike[str]"]] = None,
    ) -> None:
        cfg = None if config is None else _json.dumps(dict(config))
        self._inner = _nutgraf.Pipeline(cfg, None if model is None else _os.fspath(model))

    def summarize(
        self,
        text: Optional[str] = None,
        *,
        html: Optional[Union[str, bytes]] = None,
        title: Optional[str] = None,
        points: Optional[int] = None,
        quotes: bool = True,
    ) -> Dict[str, Any]:
        """Summarizes one article: plain ``text`` (its first line may be its
        headline) or an ``html`` page. Returns the JSON of ``nutgraf
        summarize -f json`` as a dict; for a page, ``text`` holds the
        extracted text its offsets point into. Raises :class:`InputError`
        for an article nutgraf cannot read."""
        if (text is None) == (html is None):
            raise TypeError("give text or html (one of them)")
        if text is not None:
            if not isinstance(text, str):
                raise TypeError(f"text must be a str, not {type(text).__name__}")
            kind, payload = "text", text
        else:
            kind = "html"
            payload = html if isinstance(html, (str, bytes)) else bytes(html)
        return _json.loads(self._inner.summarize(kind, payload, title, points, quotes))

    def summarize_many(
        self,
        items: Iterable[Union[str, Mapping[str, Any]]],
        *,
        threads: Optional[int] = None,
        points: Optional[int] = None,
        quotes: bool = True,
    ) -> List[Dict[str, Any]]:
        """Summarizes many articles on ``threads`` cores (default: all),
        with the GIL released. Each item is a str (plain text) or a dict
        record (``article`` or ``text`` or ``html``, optional ``title`` and
        ``id``). Results are in input order; an item that cannot be
        summarized gives ``{"error": {"kind", "message"}}`` (with its
        ``id``) in its place instead of raising."""
        prepared = [_item(x) for x in items]
        run = self._inner.summarize_many
        if len(prepared) <= _CHUNK:
            return [_json.loads(s) for s in run(prepared, threads, points, quotes)]
        # Chunks: while the engine summarizes one (the GIL released), this
        # thread turns the one before into dicts.
        chunks = [prepared[i : i + _CHUNK] for i in range(0, len(prepared), _CHUNK)]
        out: List[Dict[str, Any]] = []
        # The results hold no reference cycles: the cyclic collector would
        # only walk them again and again as they pile up.
        collecting = _gc.isenabled()
        _gc.disable()
        try:
            self._pipelined(run, chunks, out, threads, points, quotes)
        finally:
            if collecting:
                _gc.enable()
        return out

    @staticmethod
    def _pipelined(run, chunks, out, threads, points, quotes) -> None:
        with _ThreadPoolExecutor(max_workers=1) as ex:
            pending = ex.submit(run, chunks[0], threads, points, quotes)
            for k in range(len(chunks)):
                done = pending.result()
                if k + 1 < len(chunks):
                    pending = ex.submit(run, chunks[k + 1], threads, points, quotes)
                out.extend(_json.loads(s) for s in done)


_default: Optional[Pipeline] = None
_default_lock = _threading.Lock()


def _pipeline() -> Pipeline:
    global _default
    with _default_lock:
        if _default is None:
            _default = Pipeline()
        return _default


def summarize(
    text: Optional[str] = None,
    *,
    html: Optional[Union[str, bytes]] = None,
    title: Optional[str] = None,
    points: Optional[int] = None,
    quotes: bool = True,
) -> Dict[str, Any]:
    """:meth:`Pipeline.summarize` with the default pipeline."""
    return _pipeline().summarize(text, html=html, title=title, points=points, quotes=quotes)


def summarize_many(
    items: Iterable[Union[str, Mapping[str, Any]]],
    *,
    threads: Optional[int] = None,
    points: Optional[int] = None,
    quotes: bool = True,
) -> List[Dict[str, Any]]:
    """:meth:`Pipeline.summarize_many` with the default pipeline."""
    return _pipeline().summarize_many(items, threads=threads, points=points, quotes=quotes)
