#!/usr/bin/env python3
"""Time per MB of `nutgraf summarize` (whole process, quotes on) on one
long paragraph of our own text at 1, 4, 16 and 64 MB: it should stay flat.

  scripts/linear_time.py [--nutgraf BIN] [--sizes 1,4,16,64] [--max-ratio 2]

The paragraph mixes quotes, reported speech and plain sentences, all one
paragraph (no line break), the case that grew faster than its size before.
Prints one JSON line: at each size, the best of three runs on one core of
user CPU seconds (the engine's own work) per MB, and beside it wall and
system seconds and peak RSS; then the ratio of the largest to the smallest
user time per MB. Exits 1 if that ratio is over --max-ratio.

The check is on user time, not wall time: system time is the kernel
handing the process fresh pages, and on the virtual machines we run on it
varies run to run far more than our code does (identical 64 MB runs here:
0.4 to 3.3 s of system time beside 4.0 to 4.2 s of user time). Peak RSS is
printed so that memory growing faster than the input shows too.
"""
import argparse, json, os, random, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--nutgraf", default=os.path.join(here, "../target/release/nutgraf"))
ap.add_argument("--sizes", default="1,4,16,64")
ap.add_argument("--max-ratio", type=float, default=None)
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
        for _ in range(3):
            t = time.perf_counter()
            p = subprocess.Popen(["taskset", "-c", "0", a.nutgraf, "summarize", "--max-bytes", "0", path],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            err = p.stderr.read()
            _, status, ru = os.wait4(p.pid, 0)
            dt = time.perf_counter() - t
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit(f"nutgraf failed on {mb} MB: {err.decode()}")
            run = {"user_s": ru.ru_utime, "sys_s": ru.ru_stime, "wall_s": dt, "rss_mb": ru.ru_maxrss / 1024}
            if best is None or run["user_s"] < best["user_s"]:
                best = run
        out[f"{mb}MB"] = {
            "user_s_per_mb": round(best["user_s"] / mb, 4),
            "user_s": round(best["user_s"], 3),
            "sys_s": round(best["sys_s"], 3),
            "wall_s": round(best["wall_s"], 3),
            "peak_rss_mb": round(best["rss_mb"], 1),
        }
        os.remove(path)
per = [v["user_s_per_mb"] for v in out.values()]
out["ratio_max_min"] = round(max(per) / min(per), 2)
print(json.dumps(out))
if a.max_ratio is not None and out["ratio_max_min"] > a.max_ratio:
    sys.exit(f"user time per MB grew {out['ratio_max_min']}x from the smallest to the largest input (limit {a.max_ratio}x)")
