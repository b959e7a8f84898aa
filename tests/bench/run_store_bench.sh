#!/usr/bin/env bash
# Runs store_bench of a build and writes its figures as a markdown table:
# each operation's rate and its ratio to the raw durable-commit rate of the
# same disk, with the machine it ran on.
#   tests/bench/run_store_bench.sh BUILD_DIR OUT_MD
# The disk's fsync latency drifts (other work on the machine, the host's
# cache), so each benchmark runs LPSE_BENCH_REPETITIONS times (default 5),
# randomly interleaved with the others, and the table shows the medians:
# the ratios then compare like with like. LPSE_BENCH_MIN_TIME (seconds per
# repetition, default 0.5) trades precision for time; with the defaults the
# whole run takes 15-35 s.
set -euo pipefail
source "$(dirname "$0")/bench_prelude.sh" store_bench "$@"
json=$scratch

LPSE_BENCH_TMPDIR="$tmpdir" "$bench" --benchmark_format=json \
  --benchmark_min_time="${LPSE_BENCH_MIN_TIME:-0.5}" \
  --benchmark_repetitions="${LPSE_BENCH_REPETITIONS:-5}" \
  --benchmark_enable_random_interleaving=true \
  --benchmark_report_aggregates_only=true >"$json"

python3 "$(dirname "$0")/bench_report.py" store "$json" "$out" --fs "$tmpdir"
