#!/usr/bin/env python3
"""Page metadata match rates of `nutgraf summarize` on Mozilla readability's test pages.

    python3 scripts/score_metadata.py ../shared/data/html/readability/test-pages [target/release/nutgraf]

Runs `nutgraf summarize source.html -f json` on every page whose expected-metadata.json has an
English (or no) `lang`, and compares, on the pages where the expected value is set:

- title: `headline` against `title`, after folding white space (exact);
- byline: `metadata.author` against `byline`, after folding white space (exact);
- site: `metadata.site_name` against `siteName`, after folding white space (exact);
- lang: `metadata.language` against `lang`, primary subtag, case folded;
- date: `metadata.published` against `publishedTime`: `date` when the calendar dates agree (the
  expected value's own date, ours converted to its offset when it has one), `instant` when both
  carry a time and name the same instant.

Prints one JSON line: per field, pages, matches and rate, and the ids whose title differs.
"""
import json
import os
import re
import subprocess
import sys
from datetime import datetime, timezone


def fold(s):
    return re.sub(r"\s+", " ", s or "").strip()


def parse_time(s):
    """A datetime from an ISO-8601-like string, or None. Naive when no offset is given."""
    s = (s or "").strip().replace(" ", "T", 1)
    s = re.sub(r"\.\d+", "", s)  # fractions of a second
    s = re.sub(r"Z$", "+00:00", s)
    s = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", s)  # +0100 -> +01:00
    for candidate in (s, s[:10]):
        try:
            return datetime.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def dates_agree(ours, expected):
    """(same calendar date, same instant) of our RFC 3339 time and the expected one."""
    a, b = parse_time(ours), parse_time(expected)
    if a is None or b is None:
        return False, False
    has_time = "T" in (expected or "").strip().replace(" ", "T", 1)
    if a.tzinfo and b.tzinfo:
        same_date = a.astimezone(b.tzinfo).date() == b.date()
        return same_date, has_time and a == b
    if not a.tzinfo and not b.tzinfo:
        return a.date() == b.date(), has_time and a == b
    return a.date() == b.date(), False


def main():
    base = sys.argv[1]
    binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/nutgraf"
    fields = ["title", "byline", "site", "lang", "date", "instant"]
    pages = {f: 0 for f in fields}
    matches = {f: 0 for f in fields}
    title_differ = []
    for name in sorted(os.listdir(base)):
        meta_path = os.path.join(base, name, "expected-metadata.json")
        if not os.path.exists(meta_path):
            continue
        with open(meta_path, encoding="utf-8") as f:
            meta = json.load(f)
        lang = str(meta.get("lang") or "en").lower()
        if not lang.startswith("en"):
            continue
        run = subprocess.run(
            [binary, "summarize", os.path.join(base, name, "source.html"), "-f", "json"],
            capture_output=True,
        )
        try:
            out = json.loads(run.stdout)
        except ValueError:
            out = {}
        ours = out.get("metadata") or {}

        def check(field, ok):
            pages[field] += 1
            matches[field] += bool(ok)

        if meta.get("title"):
            ok = fold(out.get("headline")) == fold(meta["title"])
            check("title", ok)
            if not ok:
                title_differ.append(name)
        if meta.get("byline"):
            check("byline", fold(ours.get("author")) == fold(meta["byline"]))
        if meta.get("siteName"):
            check("site", fold(ours.get("site_name")) == fold(meta["siteName"]))
        if meta.get("lang"):
            primary = lambda l: (l or "").lower().replace("_", "-").split("-")[0]
            check("lang", primary(ours.get("language")) == primary(meta["lang"]))
        if meta.get("publishedTime"):
            same_date, same_instant = dates_agree(ours.get("published"), meta["publishedTime"])
            check("date", same_date)
            if "T" in meta["publishedTime"] or " " in meta["publishedTime"].strip():
                check("instant", same_instant)
    result = {f: {"pages": pages[f], "matches": matches[f],
                  "rate": round(matches[f] / max(1, pages[f]), 4)} for f in fields}
    result["title_differ"] = title_differ
    print(json.dumps(result))


if __name__ == "__main__":
    main()
