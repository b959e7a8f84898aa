#!/usr/bin/env bash
# Runs print_bench of a build and writes its figures as a markdown table:
# the time from "ticket requested" (layoutTicket, 80 mm) to the last byte
# handed to the USB transport, p50 and p99, with its ratio to the raw libusb
# bulk transfer of the same byte count to the same device; and bytes per
# ticket, text layout vs one raster image vs text with the ticket logo
# (assets/logo-ticket.png), at 58 and 80 mm.
#   tests/bench/run_print_bench.sh BUILD_DIR OUT_MD
# The printer is emulated with umockdev (tests/printer/usb_printer_fixture):
# it takes every byte at once, so the figures are our code + libusb + the
# umockdev ioctl round trips, never the print head. The bench needs the
# umockdev preload: the script runs it under umockdev-wrapper unless it
# already runs under one. Each benchmark runs LPSE_BENCH_REPETITIONS times
# (default 3), randomly interleaved; the table shows the medians of each
# repetition's p50/p99. LPSE_BENCH_MIN_TIME (seconds per repetition, default
# 0.5); with the defaults the whole run takes about 10-20 s.
set -euo pipefail
source "$(dirname "$0")/bench_prelude.sh" print_bench "$@"
json=$scratch
wrap=()
if [[ ${LD_PRELOAD:-} != *umockdev-preload* ]]; then
  if ! command -v umockdev-wrapper >/dev/null; then
    echo "umockdev-wrapper is missing (apt-get install umockdev)" >&2
    exit 1
  fi
  wrap=(umockdev-wrapper)
fi
export LPSE_BENCH_LOGO=${LPSE_BENCH_LOGO:-$(cd "$(dirname "$0")/../.." && pwd)/assets/logo-ticket.png}

"${wrap[@]}" "$bench" --benchmark_format=json \
  --benchmark_min_time="${LPSE_BENCH_MIN_TIME:-0.5}" \
  --benchmark_repetitions="${LPSE_BENCH_REPETITIONS:-3}" \
  --benchmark_enable_random_interleaving=true \
  --benchmark_report_aggregates_only=true >"$json"

python3 "$(dirname "$0")/bench_report.py" print "$json" "$out"
