#!/usr/bin/env python3
"""Time per MB of `nutgraf summarize` (whole process, quotes on) on one
long paragraph of our own text at 1, 4, 16 and 64 MB: it should stay flat.

  scripts/linear_time.py [--nutgraf BIN] [--sizes 1,4,16,64]

The paragraph mixes quotes, reported speech and plain sentences, all one
paragraph (no line break), the case that grew faster than its size before.
Prints one JSON line: seconds and seconds per MB at each size (best of two
runs, one core) and the ratio of the largest to the smallest per-MB time.
"""
import argparse, json, os, random, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--nutgraf", default=os.path.join(here, "../target/release/nutgraf"))
ap.add_argument("--sizes", default="1,4,16,64")
a = ap.parse_args()

rng = random.Random(7)
names = ["Ana Reyes", "Tom Hale", "the mayor", "Council member Priya Natarajan", "police", "the operator"]
verbs = ["said", "told reporters", "added", "warned"]
parts = []
for k in range(4000):
    r, n, v = rng.random(), rng.choice(names), rng.choice(verbs)
    if r < 0.3:
        parts.append(f'"The ferry number {k} will run late again on Monday," {n} {v}.')
    elif r < 0.5:
        parts.append(f"{n[0].upper() + n[1:]} {v} that the pier {k} would close for repairs next week.")
    else:
        parts.append(f"Riders waited on pier {k} for an hour while crews checked the hull and the weather turned.")
para = " ".join(parts) + " "

out = {}
with tempfile.TemporaryDirectory() as tmp:
    for mb in [int(s) for s in a.sizes.split(",")]:
        n = mb * 1024 * 1024
        text = (para * (n // len(para) + 1))[:n]
        path = os.path.join(tmp, f"p{mb}.txt")
        with open(path, "w") as f:
            f.write(text)
        best = None
        for _ in range(2):
            t = time.perf_counter()
            r = subprocess.run(["taskset", "-c", "0", a.nutgraf, "summarize", "--max-bytes", "0", path],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            dt = time.perf_counter() - t
            if r.returncode != 0:
                sys.exit(f"nutgraf failed on {mb} MB: {r.stderr.decode()}")
            best = dt if best is None else min(best, dt)
        out[f"{mb}MB"] = {"s": round(best, 3), "s_per_mb": round(best / mb, 4)}
        os.remove(path)
per = [v["s_per_mb"] for v in out.values()]
out["ratio_max_min"] = round(max(per) / min(per), 2)
print(json.dumps(out))
