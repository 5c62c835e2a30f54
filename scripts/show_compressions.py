#!/usr/bin/env python3
"""Prints compressions (sentence -> point) picked by a fixed rule: for every
Nth article of a dataset (0, N, 2N, ...), its first key point, as the whole
source sentence and the point nutgraf made of it, until COUNT are shown.

    nutgraf batch ../shared/data/cnndm/dev.jsonl.gz -o out.jsonl
    python3 scripts/show_compressions.py ../shared/data/cnndm/dev.jsonl.gz out.jsonl --every 50 --count 30
"""

import argparse
import gzip
import json


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("output")
    ap.add_argument("--every", type=int, default=50)
    ap.add_argument("--count", type=int, default=30)
    a = ap.parse_args()
    opener = gzip.open if a.dataset.endswith(".gz") else open
    with opener(a.dataset, "rt", encoding="utf-8") as f:
        articles = [json.loads(l)["article"] for l in f if l.strip()]
    with open(a.output, encoding="utf-8") as f:
        outs = [json.loads(l) for l in f if l.strip()]
    shown = 0
    for k in range(0, len(outs), a.every):
        if shown >= a.count:
            break
        points = outs[k].get("key_points") or []
        if not points:
            continue
        p = points[0]
        sentence = articles[k].encode("utf-8")[p["start"]:p["end"]].decode("utf-8")
        same = " ".join(sentence.split()) == p["text"]
        print(f"{k}. {' '.join(sentence.split())}\n   -> {'(unchanged)' if same else p['text']}")
        shown += 1


if __name__ == "__main__":
    main()
