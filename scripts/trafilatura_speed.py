#!/usr/bin/env python3
"""Pages per second of Python trafilatura on one core, over the same pages
that `cargo bench -p nutgraf-core --bench html` uses.

  scripts/trafilatura_speed.py [PAGES_DIR] [--rounds N]

Reads PAGES_DIR/html/*.html.gz (default ../shared/data/html/scrapinghub),
decompresses them first, then times `trafilatura.extract` over all pages,
best of N rounds, and prints one JSON line. Needs `pip install trafilatura`
(and `lxml_html_clean` with lxml 5.2 or later).
"""
import argparse, glob, gzip, json, os, time

import trafilatura

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("pages", nargs="?", default=os.path.join(here, "../../shared/data/html/scrapinghub"))
ap.add_argument("--rounds", type=int, default=3)
a = ap.parse_args()

pages = [gzip.open(p).read() for p in sorted(glob.glob(os.path.join(a.pages, "html", "*.html.gz")))]
best = float("inf")
for _ in range(a.rounds):
    t = time.perf_counter()
    for p in pages:
        trafilatura.extract(p, with_metadata=True)
    best = min(best, time.perf_counter() - t)
print(json.dumps({"tool": "trafilatura " + trafilatura.__version__, "pages": len(pages),
                  "seconds": round(best, 3), "pages_per_s": round(len(pages) / best, 1)}))
