#!/usr/bin/env python3
"""The benchmark reports' shared pieces: the machine lines every report ends
with, and Google Benchmark JSON -> the markdown tables of docs/PERFORMANCE.md
(store_bench, print_bench). The run_*_bench.sh scripts call it as a program:

  bench_report.py machine [--note TEXT] [--fs DIR]   "- machine: ..." and "- kernel: ..." lines
  bench_report.py load                               the load average now: "1.53, 2.23, 2.58"
  bench_report.py now                                the time (UTC): "2026-11-26T04:37:30Z"
  bench_report.py store JSON OUT --fs DIR            store_bench's report
  bench_report.py print JSON OUT                     print_bench's report

kiosk_bench.py imports it.
"""
import argparse
import json
import os
import subprocess
import sys
import time


# Machine information ----------------------------------------------------------

def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def kernel():
    u = os.uname()
    return f"{u.sysname} {u.release}"  # as `uname -sr`


def load_average(values=None):
    """"1.53, 2.23, 2.58": `values` (e.g. Google Benchmark's context.load_avg)
    or the machine's now; "n/a" for an empty list."""
    values = os.getloadavg() if values is None else values
    return ", ".join(f"{x:.2f}" for x in values) or "n/a"


def now(fmt="%Y-%m-%dT%H:%M:%SZ"):
    """The time in UTC, by default as `date -u +%Y-%m-%dT%H:%M:%SZ`."""
    return time.strftime(fmt, time.gmtime())


def filesystem(path):
    """The file system holding `path`, as "ext4 (/dev/vda, mounted on /)"."""
    out = subprocess.run(["df", "-T", path], capture_output=True, text=True, check=True).stdout
    f = out.splitlines()[1].split()
    return f"{f[1]} ({f[0]}, mounted on {f[6]})"


def cores():
    return len(os.sched_getaffinity(0))  # as `nproc`: the CPUs this process may use


def machine_line(note=""):
    """"- machine: 2 CPUs, AMD EPYC" with `note` after the model."""
    return f"- machine: {cores()} CPUs, {cpu_model()}{note}"


def machine_lines(note="", fs=None):
    """The machine and kernel lines, and with `fs` the file system the bench
    wrote its database files to."""
    lines = [machine_line(note), f"- kernel: {kernel()}"]
    if fs:
        lines.append(f"- database files: {filesystem(fs)}")
    return lines


# Google Benchmark JSON ----------------------------------------------------------

def load_runs(path, run_name):
    """The runs of a --benchmark_format=json file by name: {name: {kind: b}},
    kind "median", "mean", "cv", ... for repetitions' aggregates, "single"
    for a run without them; run_name(b) names a benchmark ("BM_X/real_time"
    -> "BM_X"). Returns (runs, context); a failed benchmark ends the program."""
    with open(path) as f:
        data = json.load(f)
    runs = {}
    for b in data["benchmarks"]:
        if b.get("error_occurred"):
            sys.exit(f"{b['name']} failed: {b.get('error_message', '?')}")
        kind = b.get("aggregate_name", "") if b.get("run_type") == "aggregate" else "single"
        runs.setdefault(run_name(b), {})[kind] = b
    return runs, data.get("context", {})


def pick(runs, name):
    """The median of `name`'s repetitions, or its single run, or None."""
    kinds = runs.get(name, {})
    return kinds.get("median") or kinds.get("single")


def repeated(runs):
    return any("median" in kinds for kinds in runs.values())


def table(header, align, rows):
    """A markdown table: header cells, one alignment per column ("---" or
    "---:"), rows of already formatted cells."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines


def write(out, lines):
    text = "\n".join(lines) + "\n"
    with open(out, "w") as f:
        f.write(text)
    print(text, end="")


# The reports ----------------------------------------------------------------------

STORE_NAMES = {
    "BM_RawDurableCommit": "raw SQLite durable commit (1 row/txn, WAL, synchronous=FULL)",
    "BM_IssueTicket": "Store::issueTicket",
    "BM_CallNext": "Store::callNext (pre-filled queue)",
}


def store_report(path, out, fs):
    """Each store operation's median rate and its ratio to the raw durable
    commit of the same disk, with the run-to-run variation."""
    runs, ctx = load_runs(path, lambda b: b["run_name"].split("/")[0])
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
    order = list(STORE_NAMES)
    rows.sort(key=lambda r: order.index(r[0]) if r[0] in order else len(order))
    method = "medians of randomly interleaved repetitions" if repeated(runs) else "one run each"
    lines = table(["operation", "ops/s (median)", "ratio to raw durable commit", "ms/op wall", "ms/op CPU",
                   "run-to-run cv"], ["---"] + ["---:"] * 5,
                  [[STORE_NAMES.get(name, name), f"{rate:,.0f}", f"{rate / base:.2f}", f"{1000.0 / rate:.2f}",
                    f"{cpu_ms:.2f}", f"{100 * cv:.0f} %" if cv is not None else "n/a"]
                   for name, rate, cpu_ms, cv in rows])
    lines += [""] + machine_lines(fs=fs) + [
        f"- load average during the run: {load_average(ctx.get('load_avg', []))}",
        f"- run at {ctx.get('date', '?')}; wall-clock rates (UseRealTime), {method}",
    ]
    write(out, lines)


PRINT_NAMES = {
    "BM_RawBulk": "baseline: raw libusb bulk OUT of the same bytes (4 KiB chunks)",
    "BM_LayoutOnly": "layoutTicket alone (80 mm)",
    "BM_TicketToUsb": "ticket requested -> last byte to libusb (layoutTicket + UsbPrinter::print)",
    "BM_TicketWithLogoToUsb": "the same with the ticket logo (GS v 0 raster on top)",
    "BM_StatusOnly": "UsbPrinter::status() alone (DLE EOT round trips)",
    "BM_TicketViaSpooler": "kiosk path: layoutTicket -> PrintSpooler (DLE EOT status + print) -> done callback",
}


def print_report(path, out):
    """Ticket to USB p50/p99 against raw libusb bulk, and bytes per ticket."""
    runs, ctx = load_runs(path, lambda b: b["run_name"].split("/manual_time")[0])  # "BM_TicketBytes/58"
    base = pick(runs, "BM_RawBulk")
    if base is None:
        sys.exit("no BM_RawBulk result: no baseline")
    rows = []
    for name, label in PRINT_NAMES.items():
        b = pick(runs, name)
        if b is not None:
            rows.append([label, f"{b['bytes']:.0f}" if "bytes" in b else "same", f"{b['p50_us']:,.0f}",
                         f"{b['p99_us']:,.0f}", f"{b['p50_us'] / base['p50_us']:.2f}"])
    lines = table(["step", "bytes", "p50 µs", "p99 µs", "p50 ratio to raw bulk"], ["---"] + ["---:"] * 4, rows)
    rows = []
    for mm in (58, 80):
        b = pick(runs, f"BM_TicketBytes/{mm}")
        if b is not None:
            rows.append([f"{mm} mm ({b['paper_dots']:.0f} dots)", f"{b['text_bytes']:,.0f}",
                         f"{b['logo_ticket_bytes']:,.0f} ({b['logo_rows']:.0f})", f"{b['raster_bytes']:,.0f}",
                         f"{b['raster_bytes'] / b['text_bytes']:.0f}x", f"{b['raster_rows']:.0f}",
                         f"{b['p50_us']:,.0f}"])
    lines += [""] + table(["paper", "text layout bytes", "text + logo bytes (logo rows)", "one raster image bytes",
                           "raster / text", "raster rows", "render + encode raster p50 µs"],
                          ["---"] + ["---:"] * 6, rows)
    method = ("medians over randomly interleaved repetitions of each repetition's p50/p99" if repeated(runs)
              else "one run each")
    lines += [""] + machine_lines() + [
        "- printer: umockdev-emulated class-7 USB printer (0416:5011), answers at once",
        f"- load average during the run: {load_average(ctx.get('load_avg', []))}",
        f"- run at {ctx.get('date', '?')}; wall-clock per-ticket times, {method}",
    ]
    write(out, lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("machine", help="the machine and kernel lines")
    m.add_argument("--note", default="", help="text after the CPU model")
    m.add_argument("--fs", help="also the file system holding this directory")
    sub.add_parser("load", help="the load average now")
    sub.add_parser("now", help="the time now (UTC)")
    s = sub.add_parser("store", help="store_bench JSON -> markdown")
    s.add_argument("json")
    s.add_argument("out")
    s.add_argument("--fs", required=True, help="the directory the bench's database files were in")
    p = sub.add_parser("print", help="print_bench JSON -> markdown")
    p.add_argument("json")
    p.add_argument("out")
    args = ap.parse_args()
    if args.cmd == "machine":
        print("\n".join(machine_lines(args.note, args.fs)))
    elif args.cmd == "load":
        print(load_average())
    elif args.cmd == "now":
        print(now())
    elif args.cmd == "store":
        store_report(args.json, args.out, args.fs)
    else:
        print_report(args.json, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
