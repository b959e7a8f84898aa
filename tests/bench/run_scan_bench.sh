#!/usr/bin/env bash
# Runs scan_bench of a build and writes its markdown tables with the machine
# it ran on: QR decoding on two sets, ours vs ZXing-cpp with default hints vs
# (second set) ZXing-cpp at its best vs zbar (zbarimg, one invocation over
# the set's image files), success rates, time per frame and the 30 fps
# budget:
#  - the degraded set (tests/scanner/degraded_set.cpp, made by our own code);
#  - the wild set (tests/scanner/wild_set.py: qrencode + PIL/numpy), a
#    "tune" and a "heldout" split reported apart.
#   tests/bench/run_scan_bench.sh BUILD_DIR OUT_MD
# LPSE_SCAN_BENCH_ARGS overrides the bench's arguments (default
# "--per-category 16 --variants --wild-per-kind 12": 208 + 408 frames, every
# candidate pass and pipeline measured too; about 15 minutes on 2 cores,
# most of it making the wild set). zbar-tools, qrencode, python3-numpy and
# python3-pil must be installed (config/packages-debian.txt has them).
set -euo pipefail
source "$(dirname "$0")/bench_prelude.sh" scan_bench "$@"
tables=$scratch
report=(python3 "$(dirname "$0")/bench_report.py")

started=$("${report[@]}" now)
load_before=$("${report[@]}" load)
# shellcheck disable=SC2086 # word splitting of the argument list is intended
LPSE_BENCH_TMPDIR="$tmpdir" "$bench" ${LPSE_SCAN_BENCH_ARGS:---per-category 16 --variants --wild-per-kind 12} >"$tables"
load=$("${report[@]}" load)

zbar=$(dpkg-query -W -f='${Version}' zbar-tools 2>/dev/null || echo "not installed")
zxing=$(dpkg-query -W -f='${Version}' libzxing-dev 2>/dev/null || echo "?")
{
  cat "$tables"
  echo
  "${report[@]}" machine --note "; one decoding thread (one core)"
  echo "- ZXing-cpp $zxing (Debian libzxing-dev), zbar-tools $zbar"
  echo "- load average before / after the run (1, 5, 15 min): $load_before / $load"
  echo "- run at $started; wall-clock (steady_clock) and thread CPU time per frame; frames in memory unless noted"
} >"$out"
cat "$out"
