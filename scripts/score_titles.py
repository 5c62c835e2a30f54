#!/usr/bin/env python3
"""Title (and byline) match rates of `nutgraf summarize` on Mozilla readability's test pages.

    python3 scripts/score_titles.py ../shared/data/html/readability/test-pages [target/release/nutgraf]

For every page whose expected-metadata.json has a title and an English (or no) `lang`, runs
`nutgraf summarize source.html -f json` and compares its `headline` with the expected title after
folding white space. Also compares `metadata.author` with the expected `byline` on the pages that
have one. Prints one JSON line: pages, matches, rate, the ids that differ, and the byline figures.
"""
import json
import os
import re
import subprocess
import sys


def fold(s):
    return re.sub(r"\s+", " ", s or "").strip()


def main():
    base = sys.argv[1]
    binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/nutgraf"
    pages, matches, differ = 0, 0, []
    bylines, byline_matches = 0, 0
    for name in sorted(os.listdir(base)):
        meta_path = os.path.join(base, name, "expected-metadata.json")
        if not os.path.exists(meta_path):
            continue
        with open(meta_path, encoding="utf-8") as f:
            meta = json.load(f)
        lang = str(meta.get("lang") or "en").lower()
        if not meta.get("title") or not lang.startswith("en"):
            continue
        run = subprocess.run(
            [binary, "summarize", os.path.join(base, name, "source.html"), "-f", "json"],
            capture_output=True,
        )
        try:
            out = json.loads(run.stdout)
        except ValueError:
            out = {}
        headline = out.get("headline")
        if meta.get("byline"):
            bylines += 1
            author = (out.get("metadata") or {}).get("author")
            byline_matches += fold(author) == fold(meta["byline"])
        pages += 1
        if fold(headline) == fold(meta["title"]):
            matches += 1
        else:
            differ.append(name)
    print(json.dumps({"pages": pages, "matches": matches,
                      "rate": round(matches / max(1, pages), 4), "differ": differ,
                      "byline_pages": bylines, "byline_matches": byline_matches,
                      "byline_rate": round(byline_matches / max(1, bylines), 4)}))


if __name__ == "__main__":
    main()
