#!/usr/bin/env python3
"""Headline figures, printed as one JSON line each.

    python3 scripts/score_headlines.py bbc ../shared/data/bbc/dev.jsonl.gz
    python3 scripts/score_headlines.py polnear ../shared/data/polnear/dev

`bbc`: runs `nutgraf batch` over the articles with their titles removed and
scores each generated headline against the real title with Google's
rouge-score (ROUGE-1/2/L F1 x 100, Porter-stemmed), beside the baseline of
the first 10 words of the article's lead sentence on the same articles. It
also checks that every headline is non-empty and grounded: the words of
`headline` are exactly the words of the input at `headline_spans`. With
`--every N` it prints every Nth headline beside the real title.

`polnear`: runs `nutgraf batch` over the split's texts and counts how many
headlines are the text's first line (`headline_source` == `first_line` and
the same words).

Needs `rouge-score` (`pip install rouge-score`) for `bbc`, and a release
build (`cargo build --release`).
"""

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NUTGRAF = os.path.join(ROOT, "target", "release", "nutgraf")


def words(s):
    return [w.lower() for w in re.split(r"[^\w]+|_", s) if w]


def run_batch(records):
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "in.jsonl")
        out = os.path.join(d, "out.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r) + "\n")
        subprocess.run([NUTGRAF, "batch", src, "-o", out, "-q", "--no-quotes"], check=True)
        with open(out, encoding="utf-8") as f:
            return [json.loads(l) for l in f]


def grounded(article, out):
    spans = out.get("headline_spans") or []
    b = article.encode("utf-8")
    cited = []
    for s in spans:
        cited += words(b[s["start"]:s["end"]].decode("utf-8", errors="strict"))
    return bool(out["headline"].strip()) and cited == words(out["headline"])


def lead_sentence(article):
    first = article.strip().split("\n")[0]
    m = re.search(r"(?<=[.!?])\s+(?=[A-Z\"'])", first)
    return first[: m.start()] if m else first


def bbc(path, every):
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        cases = [json.loads(l) for l in f if l.strip()]
    outs = run_batch([{"id": c["id"], "article": c["article"]} for c in cases])
    by_id = {o.get("id"): o for o in outs}
    sums = {k: 0.0 for k in ("rouge1", "rouge2", "rougeL", "base_rouge1", "base_rouge2", "base_rougeL")}
    n = bad = generated = 0
    lengths = 0
    shown = []
    for k, c in enumerate(cases):
        o = by_id.get(c["id"])
        if o is None or "error" in o:
            bad += 1
            continue
        n += 1
        if not grounded(c["article"], o):
            bad += 1
        generated += o.get("headline_source") == "generated"
        lengths += len(o["headline"].split())
        s = scorer.score(c["title"], o["headline"])
        base = " ".join(lead_sentence(c["article"]).split()[:10])
        b = scorer.score(c["title"], base)
        for m in ("rouge1", "rouge2", "rougeL"):
            sums[m] += s[m].fmeasure
            sums["base_" + m] += b[m].fmeasure
        if every and k % every == 0:
            shown.append({"title": c["title"], "headline": o["headline"]})
    for e in shown:
        print(json.dumps(e, ensure_ascii=False))
    res = {k: round(100 * v / max(n, 1), 2) for k, v in sums.items()}
    res.update(
        articles=len(cases),
        summarized=n,
        generated=generated,
        not_grounded_or_failed=bad,
        mean_words=round(lengths / max(n, 1), 2),
        margin_rouge1=round(res["rouge1"] - res["base_rouge1"], 2),
    )
    print(json.dumps(res))
    return bad == 0


def polnear(folder):
    text_dir = os.path.join(folder, "text")
    names = sorted(f for f in os.listdir(text_dir) if f.endswith(".txt"))
    records = []
    for name in names:
        with open(os.path.join(text_dir, name), encoding="utf-8") as f:
            records.append({"id": name, "article": f.read()})
    outs = {o.get("id"): o for o in run_batch(records)}
    same = 0
    misses = []
    for r in records:
        o = outs.get(r["id"], {})
        first = r["article"].lstrip("\ufeff").strip().split("\n")[0]
        ok = o.get("headline_source") == "first_line" and words(o.get("headline", "")) == words(first)
        same += ok
        if not ok:
            misses.append(r["id"])
    print(json.dumps({"texts": len(records), "first_line_headlines": same,
                      "share": round(same / max(len(records), 1), 4), "misses": misses[:10]}))
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("set", choices=["bbc", "polnear"])
    ap.add_argument("path")
    ap.add_argument("--every", type=int, default=0, help="print every Nth headline beside its title")
    a = ap.parse_args()
    ok = bbc(a.path, a.every) if a.set == "bbc" else polnear(a.path)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
