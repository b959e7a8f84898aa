#!/usr/bin/env python3
"""lpse-kiosk's memory on its attract page beside a bare GLFW + OpenGL 3 +
Dear ImGui window (tests/bench/bare_imgui_window.cpp), in one run on one X
display (Xvfb 1920x1080, Mesa llvmpipe: the GPU's copies of textures and
the framebuffers are in each process too).

Per run, one after the other: the bare window, then the kiosk (online,
talking to a real lpse-server), then the same kiosk with large text turned on
through its accessibility panel (xdotool taps, as a visitor would). Each is
left to settle, then sampled --samples times a second apart: RSS and PSS
from /proc/PID/smaps_rollup. Medians over all samples of all --runs runs;
the ratio is kiosk / bare window. Also: where the kiosk's memory above the
bare window sits, by mapping (heap, anonymous, each library), from
/proc/PID/smaps of the last run.
  tests/bench/kiosk_memory_bench.py --bin build/release/bin --source . --out report.md
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
import bench_report  # noqa: E402  (beside this file)
from lpse_e2e import http_json, free_port, register_devices, wait_until, write_config  # noqa: E402

AIM = 1.2  # issue #15: the kiosk at most 1.2x the bare window


def rollup_kb(pid):
    rss = pss = 0
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    return rss, pss


def by_mapping(pid):
    """RSS (kB) per mapping name: a library's file name, [heap], [stack],
    "anonymous" (malloc's large blocks, thread stacks, driver buffers)."""
    out, name = {}, None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            first = line.split(None, 1)[0]
            if "-" in first and not first.endswith(":"):
                parts = line.split()
                path = parts[5] if len(parts) > 5 else ""
                name = os.path.basename(path) if path.startswith("/") else (path or "anonymous")
                if name.startswith("memfd:") or name.startswith("/memfd:"):
                    name = "memfd (" + name.split(":", 1)[1].split(" ")[0] + ")"
            elif first == "Rss:" and name is not None:
                out[name] = out.get(name, 0) + int(line.split()[1])
    return out


def threads(pid):
    return len(os.listdir(f"/proc/{pid}/task"))


def sample(proc, settle, samples):
    time.sleep(settle)
    rss, pss = [], []
    for i in range(samples):
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited ({proc.returncode}) while measured")
        r, p = rollup_kb(proc.pid)
        rss.append(r / 1024)
        pss.append(p / 1024)
        if i < samples - 1:
            time.sleep(1)
    return rss, pss


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def bare_window(args, tmp, i):
    ready = os.path.join(tmp, f"bare-{i}.ready")
    proc = subprocess.Popen([os.path.join(args.bin, "bare_imgui_window"), "--size", "1920x1080", "--ready", ready],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until("bare window drawn", lambda: os.path.exists(ready) or proc.poll() is not None, timeout=30, step=0.01)
    if proc.poll() is not None:
        raise RuntimeError(f"bare_imgui_window exited ({proc.returncode})")
    return proc


class Kiosk:
    def __init__(self, args, cfg, tmp, i):
        self.map = os.path.join(tmp, f"kiosk-{i}.json")
        self.log = open(os.path.join(tmp, f"kiosk-{i}.log"), "w")
        self.proc = subprocess.Popen([os.path.join(args.bin, "lpse-kiosk"), "--config", cfg, "--size", "1920x1080",
                                      "--pos", "0,0", "--ui-map", self.map], stdout=self.log, stderr=subprocess.STDOUT)
        wait_until("kiosk online", lambda: (self.item("start") or {}).get("enabled") or self.proc.poll() is not None,
                   timeout=30, step=0.02)
        if self.proc.poll() is not None:
            raise RuntimeError(f"lpse-kiosk exited ({self.proc.returncode}); see {self.log.name}")

    def ui(self):
        try:
            with open(self.map, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def item(self, item_id):
        for it in (self.ui() or {}).get("widgets", []):
            if it.get("id") == item_id and it.get("visible", True):
                return it
        return None

    def tap(self, item_id):
        it = wait_until(f"kiosk: {item_id}", lambda: self.item(item_id), timeout=10, step=0.02)
        win = self.ui()["window"]
        x = int(win["x"] + it["rect"]["x"] + it["rect"]["w"] / 2)
        y = int(win["y"] + it["rect"]["y"] + it["rect"]["h"] / 2)
        subprocess.run(["xdotool", "mousemove", str(x), str(y)], check=True)
        time.sleep(0.05)
        subprocess.run(["xdotool", "click", "1"], check=True)
        time.sleep(0.2)

    def large_text(self):
        self.tap("access")
        self.tap("access_large_text")
        self.tap("access_close")
        wait_until("large text on", lambda: "large_text" in ((self.ui() or {}).get("notes", {}).get("access") or ""),
                   timeout=10, step=0.05)
        # Back on the attract page, the panel closed.
        wait_until("panel closed", lambda: self.item("access_close") is None, timeout=10, step=0.05)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--samples", type=int, default=5, help="per program and run, a second apart")
    ap.add_argument("--settle", type=float, default=5.0, help="seconds after the first frame before sampling")
    args = ap.parse_args()
    if not os.environ.get("DISPLAY"):
        sys.exit("kiosk_memory_bench: no X display (run it under xvfb-run, as run_kiosk_memory_bench.sh does)")
    have_xdotool = shutil.which("xdotool") is not None

    tmp = tempfile.mkdtemp(prefix="lpse-kiosk-memory-")
    port = free_port()
    cfg = write_config(os.path.abspath(args.source), tmp, port)
    server = subprocess.Popen([os.path.join(args.bin, "lpse-server"), "--config", cfg],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    res = {"bare": ([], []), "kiosk": ([], []), "large": ([], [])}
    detail = {}
    try:
        wait_until("server", lambda: http_json(f"http://127.0.0.1:{port}/api/health"))
        register_devices(args.bin, cfg, tmp)
        for i in range(args.runs):
            bare = bare_window(args, tmp, i)
            try:
                r, p = sample(bare, args.settle, args.samples)
                res["bare"][0].extend(r)
                res["bare"][1].extend(p)
                detail["bare"] = (by_mapping(bare.pid), threads(bare.pid))
            finally:
                stop(bare)
            time.sleep(1)
            kiosk = Kiosk(args, cfg, tmp, i)
            try:
                r, p = sample(kiosk.proc, args.settle, args.samples)
                res["kiosk"][0].extend(r)
                res["kiosk"][1].extend(p)
                detail["kiosk"] = (by_mapping(kiosk.proc.pid), threads(kiosk.proc.pid))
                if have_xdotool:
                    kiosk.large_text()
                    r, p = sample(kiosk.proc, args.settle, args.samples)
                    res["large"][0].extend(r)
                    res["large"][1].extend(p)
            finally:
                stop(kiosk.proc)
                kiosk.log.close()
            time.sleep(1)
            print(f"run {i + 1}/{args.runs}: bare RSS {statistics.median(res['bare'][0]):.1f} MB, "
                  f"kiosk RSS {statistics.median(res['kiosk'][0]):.1f} MB", flush=True)
    finally:
        stop(server)
        shutil.rmtree(tmp, ignore_errors=True)
    write_report(args, res, detail)
    return 0


def write_report(args, res, detail):
    med = {k: (statistics.median(v[0]) if v[0] else None, statistics.median(v[1]) if v[1] else None)
           for k, v in res.items()}
    spread = {k: (min(v[0]), max(v[0])) if v[0] else None for k, v in res.items()}
    bare_rss, bare_pss = med["bare"]

    def row(label, key):
        rss, pss = med[key]
        if rss is None:
            return [label, "skipped (no xdotool)", "", "", ""]
        lo, hi = spread[key]
        return [label, f"{rss:.1f}", f"{lo:.1f}-{hi:.1f}", f"{rss / bare_rss:.2f}x", f"{pss:.1f} ({pss / bare_pss:.2f}x)"]

    lines = bench_report.table(
        ["program (1920x1080, attract page)", "RSS MB (median)", "RSS range", "RSS / bare", "PSS MB (/ bare)"],
        ["---", "---:", "---:", "---:", "---:"],
        [row("bare GLFW + OpenGL 3 + Dear ImGui window", "bare"), row("lpse-kiosk", "kiosk"),
         row("lpse-kiosk, large text on", "large")])
    ratio = med["kiosk"][0] / bare_rss
    lines += ["", f"- kiosk / bare window (RSS): **{ratio:.2f}x** (aim: at most {AIM}x): "
              + ("within the aim" if ratio <= AIM else "above the aim")]
    if "bare" in detail and "kiosk" in detail:
        b, k = detail["bare"][0], detail["kiosk"][0]
        diff = sorted(((k.get(n, 0) - b.get(n, 0), n) for n in set(b) | set(k)), reverse=True)
        top = [f"{n} {d / 1024:+.1f}" for d, n in diff if abs(d) >= 256][:8]
        lines.append("- above the bare window, by mapping (MB, last run): " + ", ".join(top))
        lines.append(f"- threads: bare window {detail['bare'][1]}, kiosk {detail['kiosk'][1]}")
    lines += [bench_report.machine_line("; Xvfb 1920x1080, Mesa llvmpipe (no GPU)"),
              f"- {args.runs} runs, {args.samples} samples each a second apart after {args.settle:.0f} s; "
              "the kiosk online to a real lpse-server",
              f"- load average at the end: {bench_report.load_average()}",
              f"- run at {bench_report.now('%Y-%m-%d %H:%M UTC')}"]
    bench_report.write(args.out, lines)


if __name__ == "__main__":
    sys.exit(main())
