#!/usr/bin/env bash
# Runs server_bench of a build and writes its markdown tables with the
# machine it ran on: the real QueueServer in-process on loopback over a
# SQLite file on the build's disk, 20 push listeners (EventStream).
#   tests/bench/run_server_bench.sh BUILD_DIR OUT_MD
# LPSE_SERVER_BENCH_ARGS overrides "N_CALLS N_ISSUES SECONDS_PER_ROUND
# K_POLL_CALLS" (default "300 300 1 20"; about 90 s, most of it the 2 s
# polling display and sequential HTTP issues).
set -euo pipefail
source "$(dirname "$0")/bench_prelude.sh" server_bench "$@"
tables=$scratch
report=(python3 "$(dirname "$0")/bench_report.py")

started=$("${report[@]}" now)
# shellcheck disable=SC2086 # word splitting of the argument list is intended
LPSE_BENCH_TMPDIR="$tmpdir" "$bench" ${LPSE_SERVER_BENCH_ARGS:-300 300 1 20} >"$tables"
load=$("${report[@]}" load)
{
  cat "$tables"
  "${report[@]}" machine --fs "$tmpdir"
  echo "- load average at the end of the run (1, 5, 15 min): $load"
  echo "- run at $started; in-process QueueServer on 127.0.0.1, wall-clock (steady_clock) times, nearest-rank percentiles"
} >"$out"
cat "$out"
