#!/usr/bin/env bash
# Runs every fuzz target for a fixed number of executions, one after
# another on one core, and prints libFuzzer's final line for each.
#   fuzz/run.sh [RUNS_SCALE]   (1 = the runs below, 10.5 M in all)
set -euo pipefail
cd "$(dirname "$0")"
scale=${1:-1}
mkdir -p logs
for spec in segment:3000000 record:3000000 quotes:2000000 summarize:1500000 html:1000000; do
  t=${spec%%:*}; runs=$(python3 -c "print(int(${spec##*:} * $scale))")
  mkdir -p "corpus/$t"
  cargo +nightly fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
    -runs="$runs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    > "logs/$t.log" 2>&1 || { echo "$t: FAILED (see fuzz/logs/$t.log)"; continue; }
  echo "$t: $(grep -E '^Done [0-9]+ runs' "logs/$t.log" | tail -1)"
done
