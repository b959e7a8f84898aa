#!/usr/bin/env bash
# Runs server_bench of a build and writes its markdown tables with the
# machine it ran on: the real QueueServer in-process on loopback over a
# SQLite file on the build's disk, 20 push listeners (EventStream).
#   tests/bench/run_server_bench.sh BUILD_DIR OUT_MD
# LPSE_SERVER_BENCH_ARGS overrides "N_CALLS N_ISSUES SECONDS_PER_ROUND
# K_POLL_CALLS" (default "300 300 1 20"; about 90 s, most of it the 2 s
# polling display and sequential HTTP issues).
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR OUT_MD" >&2
  exit 64
fi
build=$(cd "$1" && pwd)
out=$2
bench="$build/bin/server_bench"
if [[ ! -x $bench ]]; then
  echo "$bench is missing: cmake --build $build --target server_bench" >&2
  exit 1
fi
# The database files go under the build dir: the disk the build is on.
tmpdir="$build/bench-tmp"
mkdir -p "$tmpdir"
tables=$(mktemp)
trap 'rm -f "$tables"; rmdir "$tmpdir" 2>/dev/null || true' EXIT

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# shellcheck disable=SC2086 # word splitting of the argument list is intended
LPSE_BENCH_TMPDIR="$tmpdir" "$bench" ${LPSE_SERVER_BENCH_ARGS:-300 300 1 20} >"$tables"
load=$(cut -d' ' -f1-3 /proc/loadavg | sed 's/ /, /g')

cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
fs=$(df -T "$tmpdir" | awk 'NR == 2 {print $2 " (" $1 ", mounted on " $7 ")"}')
{
  cat "$tables"
  echo "- machine: $(nproc) CPUs, ${cpu:-unknown}"
  echo "- kernel: $(uname -sr)"
  echo "- database files: $fs"
  echo "- load average at the end of the run (1, 5, 15 min): $load"
  echo "- run at $started; in-process QueueServer on 127.0.0.1, wall-clock (steady_clock) times, nearest-rank percentiles"
} >"$out"
cat "$out"
