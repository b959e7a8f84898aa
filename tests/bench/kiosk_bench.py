#!/usr/bin/env python3
"""lpse-kiosk beside a Chromium kiosk page of the same content, in one run on
one X display: start to first frame, idle CPU over a window, memory.

- start to first frame: from spawning the process to the first frame drawn
  (lpse-kiosk: its UI map is written at the end of its first frame;
  Chromium: the page's double requestAnimationFrame after the first paint
  calls a local beacon). A new process each time, with the page cache warm
  (the machine is shared: caches are not dropped). Median of --runs.
- idle CPU: user+system ticks of the whole process tree (Chromium's
  browser, GPU, renderer and utility processes; the kiosk's one process)
  over --seconds with nothing touched, as a share of one core.
- memory: RSS summed over the tree, and PSS (proportional set size: shared
  pages split between processes), the fairer sum for a multi-process browser.

lpse-kiosk talks to a real lpse-server (event stream + a health check every
second); the page is static apart from its ticking clock. Chromium missing:
its half is skipped with a message, the kiosk's figures are still written.
  tests/bench/kiosk_bench.py --bin build/release/bin --source . --out report.md
"""
import argparse
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
import bench_report  # noqa: E402  (beside this file)
from lpse_e2e import free_port, http_json, register_devices, wait_until, write_config  # noqa: E402

CLK_TCK = os.sysconf("SC_CLK_TCK")


def tree(pid):
    """pid and all its descendants (from /proc)."""
    children = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def cpu_ticks(pids):
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, ValueError, IndexError):
            pass
    return total


def memory_kb(pids):
    rss = pss = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss


def idle_cpu(pid, seconds):
    """Share of one core used by the tree over `seconds` (children that come
    and go in between are counted from when they are first seen)."""
    pids = tree(pid)
    t0, c0 = time.time(), cpu_ticks(pids)
    time.sleep(seconds)
    pids2 = tree(pid)
    c1 = cpu_ticks(pids2)
    # Processes that appeared during the window: all their ticks were spent in it.
    return 100.0 * (c1 - c0) / CLK_TCK / (time.time() - t0), len(pids2)


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def kiosk_start(args, cfg, tmp, i):
    ui_map = os.path.join(tmp, f"kiosk-{i}.json")
    argv = [os.path.join(args.bin, "lpse-kiosk"), "--config", cfg, "--size", "1920x1080", "--pos", "0,0",
            "--ui-map", ui_map]
    log = open(os.path.join(tmp, f"kiosk-{i}.log"), "w")
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)
    while not os.path.exists(ui_map):
        if proc.poll() is not None:
            raise RuntimeError(f"lpse-kiosk exited ({proc.returncode}); see {log.name}")
        if time.monotonic() - t0 > 30:
            raise RuntimeError("lpse-kiosk drew no frame within 30 s")
        time.sleep(0.002)
    first = time.monotonic() - t0

    def ready():
        try:
            import json
            with open(ui_map, encoding="utf-8") as f:
                m = json.load(f)
            return any(w.get("id") == "start" and w.get("enabled") for w in m.get("widgets", []))
        except (OSError, ValueError):
            return False
    wait_until("kiosk online", ready, timeout=30, step=0.005)
    return proc, first, time.monotonic() - t0


class Beacon(http.server.BaseHTTPRequestHandler):
    hits = []

    def do_GET(self):  # noqa: N802
        Beacon.hits.append(time.monotonic())
        self.send_response(204)
        self.end_headers()

    def log_message(self, *a):
        pass


def chromium_start(chromium, page, beacon_port, tmp, i):
    profile = os.path.join(tmp, f"chromium-profile-{i}")
    url = f"file://{page}?beacon=http://127.0.0.1:{beacon_port}/painted"
    argv = [chromium, "--kiosk", "--no-first-run", "--no-default-browser-check", "--noerrdialogs",
            "--disable-infobars", "--disable-session-crashed-bubble", "--password-store=basic",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-features=Translate,MediaRouter", "--window-position=0,0", "--window-size=1920,1080",
            f"--user-data-dir={profile}", url]
    if os.geteuid() == 0:
        argv.insert(1, "--no-sandbox")  # Chromium refuses to run as root otherwise
    log = open(os.path.join(tmp, f"chromium-{i}.log"), "w")
    n = len(Beacon.hits)
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)
    while len(Beacon.hits) == n:
        if proc.poll() is not None:
            raise RuntimeError(f"chromium exited ({proc.returncode}); see {log.name}")
        if time.monotonic() - t0 > 60:
            raise RuntimeError("chromium painted nothing within 60 s")
        time.sleep(0.002)
    return proc, Beacon.hits[-1] - t0


def measure(name, starts, args):
    """starts(i) -> (proc, first_frame_s); the last run also gives idle CPU
    and memory, after a settle time."""
    firsts, proc = [], None
    for i in range(args.runs):
        proc, first = starts(i)[:2]
        firsts.append(first)
        if i < args.runs - 1:
            stop(proc)
            time.sleep(1)
    time.sleep(args.settle)
    cpu, nproc = idle_cpu(proc.pid, args.seconds)
    rss, pss = memory_kb(tree(proc.pid))
    stop(proc)
    r = {"first_ms": statistics.median(firsts) * 1000, "firsts": [f * 1000 for f in firsts],
         "cpu": cpu, "rss_mb": rss / 1024, "pss_mb": pss / 1024, "processes": nproc}
    print(f"{name}: first frame {r['first_ms']:.0f} ms (runs {', '.join(f'{f:.0f}' for f in r['firsts'])}), "
          f"idle CPU {cpu:.2f} % of a core, RSS {r['rss_mb']:.1f} MB, PSS {r['pss_mb']:.1f} MB, "
          f"{nproc} process(es)", flush=True)
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seconds", type=float, default=30.0, help="idle CPU window")
    ap.add_argument("--settle", type=float, default=5.0, help="wait after start before the idle window")
    ap.add_argument("--runs", type=int, default=3, help="starts per program (median)")
    args = ap.parse_args()
    if not os.environ.get("DISPLAY"):
        sys.exit("kiosk_bench: no X display (run it under xvfb-run, as run_kiosk_bench.sh does)")

    tmp = tempfile.mkdtemp(prefix="lpse-kiosk-bench-")
    port = free_port()
    cfg = write_config(os.path.abspath(args.source), tmp, port)
    server = subprocess.Popen([os.path.join(args.bin, "lpse-server"), "--config", cfg],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    beacon = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Beacon)
    threading.Thread(target=beacon.serve_forever, daemon=True).start()
    try:
        wait_until("server", lambda: http_json(f"http://127.0.0.1:{port}/api/health"))
        register_devices(args.bin, cfg, tmp)
        kiosk = measure("lpse-kiosk", lambda i: kiosk_start(args, cfg, tmp, i), args)
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        browser = None
        if chromium:
            page = os.path.join(HERE, "kiosk_bench.html")
            browser = measure("chromium --kiosk", lambda i: chromium_start(chromium, page, beacon.server_port, tmp, i),
                              args)
        else:
            print("kiosk_bench: chromium is not installed (scripts/install-deps bench installs it); "
                  "the browser half is skipped.", flush=True)
        write_report(args, kiosk, browser)
        return 0
    finally:
        beacon.shutdown()
        stop(server)
        shutil.rmtree(tmp, ignore_errors=True)


def write_report(args, k, b):
    ratio = lambda x, y: f"{x / y:.1f}x" if y > 0 else "n/a"  # noqa: E731
    rows = [("start to first frame, median ms", "first_ms", "{:.0f}"),
            (f"idle CPU over {args.seconds:.0f} s, % of one core", "cpu", "{:.2f}"),
            ("resident memory (RSS, whole tree), MB", "rss_mb", "{:.1f}"),
            ("proportional memory (PSS, whole tree), MB", "pss_mb", "{:.1f}"),
            ("processes", "processes", "{}")]
    cells = [[label, fmt.format(k[key]), fmt.format(b[key]) if b else "skipped",
              ratio(b[key], k[key]) if b and key != "processes" else ("" if b else "n/a")]
             for label, key, fmt in rows]
    lines = bench_report.table(["figure", "lpse-kiosk", "Chromium kiosk page", "Chromium / lpse-kiosk"],
                               ["---"] + ["---:"] * 3, cells)
    version = ""
    if b:
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        version = subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip()
    lines += ["",
              bench_report.machine_line("; Xvfb 1920x1080, Mesa llvmpipe (no GPU)"),
              f"- starts: {args.runs} each, new process, page cache warm; runs (ms): kiosk "
              + ", ".join(f"{x:.0f}" for x in k["firsts"])
              + ("; chromium " + ", ".join(f"{x:.0f}" for x in b["firsts"]) if b else ""),
              f"- browser: {version or 'not installed'} (--kiosk, software rendering)",
              f"- load average at the end: {bench_report.load_average()} "
              "(start times stretch on a loaded machine; CPU and memory much less)",
              f"- run at {bench_report.now('%Y-%m-%d %H:%M UTC')}"]
    bench_report.write(args.out, lines)


if __name__ == "__main__":
    sys.exit(main())
