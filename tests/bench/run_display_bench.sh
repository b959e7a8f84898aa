#!/usr/bin/env bash
# The wall display's latency from a desk's "next" (tests/bench/display_bench.py):
# the number drawn, the chime's first sample at the audio device, beside a
# display polling every 2 s. Needs lpse-display, lpse-server and lpse.
#   tests/bench/run_display_bench.sh BUILD_DIR OUT_MD
# DISPLAY_BENCH_CALLS (default 220). About 3 minutes.
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR OUT_MD" >&2
  exit 64
fi
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
out=$2
for b in lpse-display lpse-server lpse; do
  if [[ ! -x $build/bin/$b ]]; then
    echo "$build/bin/$b is missing: cmake --build $build --target lpse-display lpse-server lpse" >&2
    exit 1
  fi
done
cmd=(python3 "$here/tests/bench/display_bench.py" --bin "$build/bin" --source "$here" --out "$out"
     --calls "${DISPLAY_BENCH_CALLS:-220}")
if [[ -z ${DISPLAY:-} ]]; then
  xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "${cmd[@]}"
else
  "${cmd[@]}"
fi
