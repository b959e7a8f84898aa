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

python3 - "$json" "$out" "$(nproc)" "$(uname -sr)" <<'PYEOF'
import json, sys

path, out, ncpu, kernel = sys.argv[1:5]
with open(path) as f:
    data = json.load(f)

cpu = "unknown"
with open("/proc/cpuinfo") as f:
    for line in f:
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break

names = {
    "BM_RawBulk": "baseline: raw libusb bulk OUT of the same bytes (4 KiB chunks)",
    "BM_LayoutOnly": "layoutTicket alone (80 mm)",
    "BM_TicketToUsb": "ticket requested -> last byte to libusb (layoutTicket + UsbPrinter::print)",
    "BM_TicketWithLogoToUsb": "the same with the ticket logo (GS v 0 raster on top)",
    "BM_StatusOnly": "UsbPrinter::status() alone (DLE EOT round trips)",
    "BM_TicketViaSpooler": "kiosk path: layoutTicket -> PrintSpooler (DLE EOT status + print) -> done callback",
}
# Median aggregate per benchmark (or the single run without repetitions).
runs = {}
for b in data["benchmarks"]:
    if b.get("error_occurred"):
        sys.exit(f"{b['name']} failed: {b.get('error_message', '?')}")
    name = b["run_name"].split("/manual_time")[0]  # "BM_TicketBytes/58"
    kind = b.get("aggregate_name", "") if b.get("run_type") == "aggregate" else "single"
    runs.setdefault(name, {})[kind] = b
def pick(name):
    kinds = runs.get(name, {})
    return kinds.get("median") or kinds.get("single")

base = pick("BM_RawBulk")
if base is None:
    sys.exit("no BM_RawBulk result: no baseline")
lines = [
    "| step | bytes | p50 µs | p99 µs | p50 ratio to raw bulk |",
    "|---|---:|---:|---:|---:|",
]
for name, label in names.items():
    b = pick(name)
    if b is None:
        continue
    nbytes = f"{b['bytes']:.0f}" if "bytes" in b else "same"
    lines.append(f"| {label} | {nbytes} | {b['p50_us']:,.0f} | {b['p99_us']:,.0f} | "
                 f"{b['p50_us'] / base['p50_us']:.2f} |")
lines += [
    "",
    "| paper | text layout bytes | text + logo bytes (logo rows) | one raster image bytes | raster / text | raster rows | render + encode raster p50 µs |",
    "|---|---:|---:|---:|---:|---:|---:|",
]
for mm in (58, 80):
    b = pick(f"BM_TicketBytes/{mm}")
    if b is None:
        continue
    lines.append(f"| {mm} mm ({b['paper_dots']:.0f} dots) | {b['text_bytes']:,.0f} | "
                 f"{b['logo_ticket_bytes']:,.0f} ({b['logo_rows']:.0f}) | {b['raster_bytes']:,.0f} | "
                 f"{b['raster_bytes'] / b['text_bytes']:.0f}x | {b['raster_rows']:.0f} | {b['p50_us']:,.0f} |")

ctx = data.get("context", {})
repeated = any("median" in kinds for kinds in runs.values())
method = "medians over randomly interleaved repetitions of each repetition's p50/p99" if repeated else "one run each"
load = ", ".join(f"{x:.2f}" for x in ctx.get("load_avg", [])) or "n/a"
lines += [
    "",
    f"- machine: {ncpu} CPUs, {cpu}",
    f"- kernel: {kernel}",
    f"- printer: umockdev-emulated class-7 USB printer (0416:5011), answers at once",
    f"- load average during the run: {load}",
    f"- run at {ctx.get('date', '?')}; wall-clock per-ticket times, {method}",
]
text = "\n".join(lines) + "\n"
with open(out, "w") as f:
    f.write(text)
print(text, end="")
PYEOF
