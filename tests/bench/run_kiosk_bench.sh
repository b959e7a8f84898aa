#!/usr/bin/env bash
# lpse-kiosk beside a Chromium kiosk page of the same content
# (tests/bench/kiosk_bench.html): start to first frame, idle CPU over 30 s,
# memory; writes a markdown table with the ratios.
#   tests/bench/run_kiosk_bench.sh BUILD_DIR OUT_MD
# Needs lpse-kiosk, lpse-server and lpse in BUILD_DIR/bin. Runs under its own
# Xvfb unless DISPLAY is set. Chromium comes from config/packages-bench.txt
# (scripts/install-deps bench); without it the browser half is skipped.
# KIOSK_BENCH_SECONDS (idle window, default 30), KIOSK_BENCH_RUNS (starts
# per program, default 3). About 2 minutes in all.
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR OUT_MD" >&2
  exit 64
fi
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
out=$2
for b in lpse-kiosk lpse-server lpse; do
  if [[ ! -x $build/bin/$b ]]; then
    echo "$build/bin/$b is missing: cmake --build $build --target lpse-kiosk lpse-server lpse" >&2
    exit 1
  fi
done
cmd=(python3 "$here/tests/bench/kiosk_bench.py" --bin "$build/bin" --source "$here" --out "$out"
     --seconds "${KIOSK_BENCH_SECONDS:-30}" --runs "${KIOSK_BENCH_RUNS:-3}")
if [[ -z ${DISPLAY:-} ]]; then
  xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "${cmd[@]}"
else
  "${cmd[@]}"
fi
