"""The Python package gives the CLI's answers, maps errors, and is thread-safe."""

import doctest
from concurrent.futures import ThreadPoolExecutor

import pytest

import nutgraf
from conftest import FIXTURES, ROOT, cli_json, text_fixtures


def test_version_and_exceptions():
    assert nutgraf.__version__ == "0.1.0"
    assert issubclass(nutgraf.InputError, ValueError)
    assert issubclass(nutgraf.ConfigError, ValueError)


@pytest.mark.parametrize("name,path,text", text_fixtures())
def test_summarize_equals_the_cli(name, path, text):
    assert nutgraf.summarize(text) == cli_json(path), name


def test_options_equal_the_cli():
    name, path, text = text_fixtures()[0]
    assert nutgraf.summarize(text, points=2, title="A title") == cli_json(
        path, "--points", "2", "--title", "A title"
    )
    assert nutgraf.summarize(text, quotes=False) == cli_json(path, "--no-quotes")


def test_html_pages_equal_the_cli():
    page = FIXTURES.parent / "fixtures-html" / "ferry.html"
    expected = cli_json(page)
    assert "text" in expected
    assert nutgraf.summarize(html=page.read_bytes()) == expected
    assert nutgraf.summarize(html=page.read_text(encoding="utf-8")) == expected


def test_errors_map_to_exceptions():
    with pytest.raises(nutgraf.InputError, match="empty"):
        nutgraf.summarize("   \n ")
    with pytest.raises(nutgraf.InputError, match="no article text"):
        nutgraf.summarize(html="<html><body></body></html>")
    with pytest.raises(nutgraf.ConfigError, match="not a pipeline configuration"):
        nutgraf.Pipeline(config={"colour": "blue"})
    with pytest.raises(nutgraf.ConfigError):
        nutgraf.Pipeline(model=ROOT / "no-such-model.json")
    with pytest.raises(nutgraf.ConfigError, match="out of range"):
        nutgraf.summarize("A b c.", points=0)
    with pytest.raises(TypeError):
        nutgraf.summarize()
    with pytest.raises(TypeError):
        nutgraf.summarize("a", html="<p>b</p>")


def test_summarize_many_keeps_order_and_gives_error_dicts():
    texts = [t for _, _, t in text_fixtures()]
    items = [texts[0], {"id": "r1", "article": texts[1], "title": "T"}, {"id": 7}, 42, "  ", texts[2]]
    out = nutgraf.summarize_many(items, threads=2)
    assert len(out) == len(items)
    assert out[0] == nutgraf.summarize(texts[0])
    assert out[1]["id"] == "r1" and out[1]["headline"]
    assert out[2] == {"id": "7", "error": {"kind": "input", "message": "missing field `article` (or `text`)"}}
    assert out[3]["error"]["kind"] == "input" and "int" in out[3]["error"]["message"]
    assert out[4]["error"] == {"kind": "input", "message": "the article is empty"}
    assert out[5] == nutgraf.summarize(texts[2])


def test_summarize_many_from_several_threads_at_once():
    texts = [t for _, _, t in text_fixtures()] * 5
    expected = nutgraf.summarize_many(texts, threads=1)
    pipeline = nutgraf.Pipeline()
    with ThreadPoolExecutor(max_workers=4) as ex:
        results = list(ex.map(lambda _: pipeline.summarize_many(texts), range(8)))
    assert all(r == expected for r in results)


def test_pipeline_config_is_used():
    # The Lead-3 scorer of a configuration takes the article's first body
    # sentences, in order, as `nutgraf --config` does.
    text = text_fixtures()[0][2]
    lead = nutgraf.Pipeline({"scorer": {"type": "Lead"}}).summarize(text, points=3)
    sentences = [p["sentence"] for p in lead["key_points"]]
    assert sentences == sorted(sentences) and len(set(sentences)) == 3
    assert sentences[2] - sentences[0] <= 3


def test_docstring_examples():
    failures, tried = doctest.testmod(nutgraf, verbose=False)
    assert tried >= 3 and failures == 0
