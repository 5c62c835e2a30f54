#!/usr/bin/env bash
# Runs fuzz targets for a fixed number of executions each, one after
# another on one core, and prints libFuzzer's final line for each; a crash
# stops that target, leaves its input in artifacts/TARGET/ and is reported.
#   fuzz/run.sh [TARGET:RUNS ...]
# The default is 10.5 million runs in all; on two cores beside other work
# the slow targets (quotes, summarize, html: 500 to 1,000 runs/s) take most
# of the time.
set -euo pipefail
cd "$(dirname "$0")"
specs=("$@")
if [ ${#specs[@]} -eq 0 ]; then
  specs=(segment:3000000 record:3000000 quotes:2000000 summarize:1500000 html:1000000)
fi
mkdir -p logs
for spec in "${specs[@]}"; do
  t=${spec%%:*}; runs=${spec##*:}
  mkdir -p "corpus/$t"
  # No sanitizer: the crates forbid unsafe code, and ASan would halve the runs.
  cargo +nightly fuzz run -O -s none "$t" "corpus/$t" "seeds/$t" -- \
    -runs="$runs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    > "logs/$t-$runs.log" 2>&1 || { echo "$t: FAILED (see fuzz/logs/$t-$runs.log)"; continue; }
  echo "$t: $(grep -E '^Done [0-9]+ runs' "logs/$t-$runs.log" | tail -1)"
done
