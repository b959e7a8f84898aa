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

fs=$(df -T "$tmpdir" | awk 'NR == 2 {print $2 " (" $1 ", mounted on " $7 ")"}')
python3 - "$json" "$out" "$fs" "$(nproc)" "$(uname -sr)" <<'EOF'
import json, sys

path, out, fs, ncpu, kernel = sys.argv[1:6]
with open(path) as f:
    data = json.load(f)

cpu = "unknown"
with open("/proc/cpuinfo") as f:
    for line in f:
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break

names = {
    "BM_RawDurableCommit": "raw SQLite durable commit (1 row/txn, WAL, synchronous=FULL)",
    "BM_IssueTicket": "Store::issueTicket",
    "BM_CallNext": "Store::callNext (pre-filled queue)",
}
# Median per benchmark (or the single run when there are no repetitions),
# with the coefficient of variation of the rate across repetitions.
runs = {}
for b in data["benchmarks"]:
    if b.get("error_occurred"):
        sys.exit(f"{b['name']} failed: {b.get('error_message', '?')}")
    name = b["run_name"].split("/")[0]  # "BM_IssueTicket/real_time"
    kind = b.get("aggregate_name", "") if b.get("run_type") == "aggregate" else "single"
    runs.setdefault(name, {})[kind] = b
rows, base = [], None
for name, kinds in runs.items():
    b = kinds.get("median") or kinds.get("single")
    if b is None:
        continue
    rate = float(b["items_per_second"])
    cpu_ms = float(b["cpu_time"]) / 1000.0 if b.get("time_unit") == "us" else float("nan")
    cv = kinds.get("cv", {}).get("items_per_second")
    if name == "BM_RawDurableCommit":
        base = rate
    rows.append((name, rate, cpu_ms, cv))
if base is None:
    sys.exit("no BM_RawDurableCommit result: no baseline")
order = list(names)
rows.sort(key=lambda r: order.index(r[0]) if r[0] in order else len(order))

ctx = data.get("context", {})
repeated = any("median" in kinds for kinds in runs.values())
method = "medians of randomly interleaved repetitions" if repeated else "one run each"
load = ", ".join(f"{x:.2f}" for x in ctx.get("load_avg", [])) or "n/a"
lines = [
    "| operation | ops/s (median) | ratio to raw durable commit | ms/op wall | ms/op CPU | run-to-run cv |",
    "|---|---:|---:|---:|---:|---:|",
]
for name, rate, cpu_ms, cv in rows:
    cvtext = f"{100 * cv:.0f} %" if cv is not None else "n/a"
    lines.append(f"| {names.get(name, name)} | {rate:,.0f} | {rate / base:.2f} | {1000.0 / rate:.2f} | "
                 f"{cpu_ms:.2f} | {cvtext} |")
lines += [
    "",
    f"- machine: {ncpu} CPUs, {cpu}",
    f"- kernel: {kernel}",
    f"- database files: {fs}",
    f"- load average during the run: {load}",
    f"- run at {ctx.get('date', '?')}; wall-clock rates (UseRealTime), {method}",
]
text = "\n".join(lines) + "\n"
with open(out, "w") as f:
    f.write(text)
print(text, end="")
EOF
