#!/usr/bin/env bash
# Runs report_bench of a build and writes its markdown with the machine it
# ran on. The year's database (about 9 GB for the default 261 days x 10,000
# tickets) is generated on the first run into BUILD_DIR/bench-tmp and kept
# there (never in git); LPSE_REPORT_BENCH_ARGS="DAYS TICKETS" makes a smaller
# one (e.g. "22 10000" for a month).
#   tests/bench/run_report_bench.sh BUILD_DIR OUT_MD
set -euo pipefail
source "$(dirname "$0")/bench_prelude.sh" report_bench "$@"
tables=$scratch
report=(python3 "$(dirname "$0")/bench_report.py")
started=$("${report[@]}" now)
# shellcheck disable=SC2086 # word splitting of the argument list is intended
LPSE_BENCH_TMPDIR="$tmpdir" "$bench" ${LPSE_REPORT_BENCH_ARGS:-} >"$tables"
load=$("${report[@]}" load)
{
  cat "$tables"
  "${report[@]}" machine --fs "$tmpdir"
  echo "- load average at the end of the run (1, 5, 15 min): $load"
  echo "- run at $started"
} >"$out"
cat "$out"
