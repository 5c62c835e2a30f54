#!/usr/bin/env bash
# Body F1 of each set of boilerplate rules on the Scrapinghub pages and the
# WCXB dev articles, side by side: the extractor alone ("none"), every rule
# ("all"), every rule but one, and each rule alone. A rule earns its place
# only when "all" beats "all-but-RULE" on both sets. Arguments name further
# sets to score (`link-runs+teaser-labels`), instead of the one-rule ones;
# `default` alone scores just none, all and the default rules.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/html-rules
cargo build --release -p nutgraf-core --example html_rules
rm -rf "$out"
./target/release/examples/html_rules ../shared/data/html/scrapinghub "$out/scrapinghub" "$@"
./target/release/examples/html_rules ../shared/data/html/wcxb-dev "$out/wcxb" "$@"
printf '%-28s %-10s %-10s\n' set scrapinghub wcxb-dev
for f in "$out"/scrapinghub/*.jsonl; do
  name=$(basename "$f" .jsonl)
  sh=$(python3 ../shared/tools/score_extraction.py ../shared/data/html/scrapinghub/ground-truth.json "$f" | python3 -c 'import json,sys; print(json.load(sys.stdin)["f1"])')
  wc=$(python3 ../shared/tools/score_wcxb.py ../shared/data/html/wcxb-dev "$out/wcxb/$name.jsonl" --page-type article | python3 -c 'import json,sys; print(json.load(sys.stdin)["word_f1"])')
  printf '%-28s %-10s %-10s\n' "$name" "$sh" "$wc"
done
