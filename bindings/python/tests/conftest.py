"""Shared helpers: the repository's fixtures and the nutgraf CLI to compare with."""

import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures"


def cli_binary() -> pathlib.Path:
    """The CLI built from the same checkout (NUTGRAF_BIN overrides)."""
    path = pathlib.Path(os.environ.get("NUTGRAF_BIN", ROOT / "target" / "release" / "nutgraf"))
    if not path.exists():
        pytest.fail(f"{path} not found: build it with cargo build --release --bin nutgraf, or set NUTGRAF_BIN")
    return path


def cli_json(path: pathlib.Path, *args: str) -> dict:
    out = subprocess.run(
        [str(cli_binary()), "summarize", str(path), "-f", "json", *args],
        check=True,
        capture_output=True,
    )
    return json.loads(out.stdout)


def text_fixtures():
    """(name, path, text) of every text fixture."""
    out = []
    for d in sorted(FIXTURES.iterdir()):
        if (d / "input.txt").exists():
            out.append((d.name, d / "input.txt", (d / "input.txt").read_text(encoding="utf-8")))
    assert len(out) >= 4, "fixtures missing"
    return out
