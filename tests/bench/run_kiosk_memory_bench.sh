#!/usr/bin/env bash
# lpse-kiosk's resident memory on its attract page beside a bare GLFW +
# OpenGL 3 + Dear ImGui window (bare_imgui_window), in the same run under
# the same Xvfb 1920x1080 (tests/bench/kiosk_memory_bench.py); writes a
# markdown table with the ratio (issue #15: at most 1.2x).
#   tests/bench/run_kiosk_memory_bench.sh BUILD_DIR OUT_MD
# Needs lpse-kiosk, lpse-server, lpse and bare_imgui_window in BUILD_DIR/bin.
# KIOSK_MEMORY_RUNS (default 3). About a minute.
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR OUT_MD" >&2
  exit 64
fi
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
out=$2
for b in lpse-kiosk lpse-server lpse bare_imgui_window; do
  if [[ ! -x $build/bin/$b ]]; then
    echo "$build/bin/$b is missing: cmake --build $build --target lpse-kiosk lpse-server lpse bare_imgui_window" >&2
    exit 1
  fi
done
cmd=(python3 "$here/tests/bench/kiosk_memory_bench.py" --bin "$build/bin" --source "$here" --out "$out"
     --runs "${KIOSK_MEMORY_RUNS:-3}")
# Its own X server at the kiosk's size, so a larger DISPLAY of the caller
# does not change what is measured.
xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "${cmd[@]}"
