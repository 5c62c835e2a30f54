#!/usr/bin/env python3
"""Body-extraction F1 of nutgraf on the Scrapinghub benchmark pages.

  scripts/score_extraction.py [PAGES_DIR] [--nutgraf BIN] [--out PRED.jsonl]

Runs `nutgraf summarize -f json` on every page of PAGES_DIR/html/*.html.gz,
keeps the extracted `text` of each as the page's articleBody, and scores it with the shared
reference scorer (../shared/tools/score_extraction.py), whose one JSON line
it prints. PAGES_DIR defaults to ../shared/data/html/scrapinghub.
"""
import argparse, json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("pages", nargs="?", default=os.path.join(here, "../../shared/data/html/scrapinghub"))
ap.add_argument("--nutgraf", default=os.path.join(here, "../target/release/nutgraf"))
ap.add_argument("--out", help="keep the predictions here (JSON Lines of id, articleBody)")
a = ap.parse_args()

truth = os.path.join(a.pages, "ground-truth.json")
ids = sorted(json.load(open(truth, encoding="utf-8")))
with tempfile.TemporaryDirectory() as tmp:
    pred = a.out or os.path.join(tmp, "pred.jsonl")
    with open(pred, "w", encoding="utf-8") as g:
        for i in ids:
            # One run per page, on the gzipped page itself, so the page's
            # bytes and declared charset reach nutgraf untouched.
            page = os.path.join(a.pages, "html", i + ".html.gz")
            r = subprocess.run([a.nutgraf, "summarize", "-f", "json", page],
                               capture_output=True, text=True)
            if r.returncode not in (0, 1):
                sys.exit(f"nutgraf failed on {page} with exit code {r.returncode}: {r.stderr}")
            # Exit 1 is a page with no text: an empty body, scored as such.
            text = json.loads(r.stdout).get("text", "") if r.returncode == 0 else ""
            g.write(json.dumps({"id": i, "articleBody": text}) + "\n")
    scorer = os.path.join(here, "../../shared/tools/score_extraction.py")
    sys.exit(subprocess.run([sys.executable, scorer, truth, pred]).returncode)
