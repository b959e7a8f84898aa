#!/usr/bin/env python3
"""From a desk's "next" to the wall display: (a) the frame in which
lpse-display first draws the called number, (b) the first sample of the
chime handed to the audio device; beside a display that polls the board
every 2 s, measured in the same run. The real programs: lpse-server,
lpse-display under Xvfb (SDL's disk audio driver), the desk as HTTP calls.
Writes a markdown table.

  display_bench.py --bin BUILD/bin --source . --out display-bench.md [--calls 220]"""
import argparse
import os
import random
import sys
import threading
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "e2e"))
sys.path.insert(0, here)
import bench_report  # noqa: E402
from display_common import call_next, desks, drawn_log, issue, quiet_display_config, voice_log  # noqa: E402
from lpse_e2e import System, http_json, wait_until  # noqa: E402


def pct(values, p):
    """Nearest-rank percentile."""
    v = sorted(values)
    return v[max(0, min(len(v) - 1, int(-(-p * len(v) // 100)) - 1))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--calls", type=int, default=220)
    args = ap.parse_args()
    system = System(args, "lpse-display-bench-")
    quiet_display_config(system)
    started = bench_report.now()
    with system as s:
        token = desks(s, 1)[0]
        issue(s, args.calls)
        # The disk driver asks for a buffer every 1 ms instead of every
        # 23 ms (its length), so a whole announcement plays in ~0.3 s and
        # 200 calls take minutes, not half an hour.
        os.environ.update(SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE="/dev/null", SDL_DISKAUDIODELAY="1")
        display = s.display("1920x1080", "0,0")
        wait_until("display ready", lambda: display.item("no_queue"), timeout=60)
        log = os.path.join(s.tmp, "display.log")

        # The baseline: a display that reads the board every 2 s.
        pressed, answered, polled = {}, {}, {}
        stop = threading.Event()
        dtoken = s.token("display-1")

        def poller():
            while not stop.is_set():
                board = http_json(s.base + "/api/board", dtoken) or {}
                seen = time.time() * 1000
                # The recent list too: a counter moves on within a poll.
                for c in board.get("current", []) + board.get("recent", []):
                    polled.setdefault(c["ticket"], seen)
                stop.wait(2.0)

        t = threading.Thread(target=poller)
        t.start()
        for i in range(args.calls):
            before = len(voice_log(log))
            t0 = time.time() * 1000
            ticket = call_next(s.base, token, "Loket 1")
            pressed[ticket] = t0
            answered[ticket] = time.time() * 1000
            wait_until(f"{ticket} said", lambda: len(voice_log(log)) > before, timeout=30, step=0.005)
            time.sleep(random.uniform(0.05, 0.25))  # desks are not in step with anything
        time.sleep(2.5)
        stop.set()
        t.join()
        drawn = dict(drawn_log(log))
        said = {a["ticket"]: a for a in voice_log(log)}

    draw_ms = [drawn[k] - v for k, v in pressed.items() if k in drawn]
    chime_ms = [said[k]["first_sample_ms"] - v for k, v in pressed.items() if k in said and said[k]["spoken"]]
    poll_ms = [polled[k] - v for k, v in pressed.items() if k in polled]
    n = len(pressed)
    answer_ms = [answered[k] - v for k, v in pressed.items()]
    rows = [("the desk's answer (the call committed)", answer_ms), ("number drawn (push stream)", draw_ms), ("first chime sample to the device", chime_ms),
            ("number seen by a 2 s polling display", poll_ms)]
    base50, base99 = pct(poll_ms, 50), pct(poll_ms, 99)
    lines = ["| from the desk's \"next\" to | calls | p50 ms | p99 ms | max ms | polling / this, p50 | p99 |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, v in rows:
        lines.append(f"| {name} | {len(v)} | {pct(v, 50):.0f} | {pct(v, 99):.0f} | {max(v):.0f} | "
                     f"{base50 / max(1, pct(v, 50)):.1f}x | {base99 / max(1, pct(v, 99)):.1f}x |")
    lines += ["", f"- {n} calls, one desk, each after the previous announcement ended plus 50-250 ms",
              bench_report.machine_line(),
              f"- load average at the end of the run (1, 5, 15 min): {bench_report.load_average()}",
              f"- run at {started}; lpse-display 1920x1080 under Xvfb (Mesa llvmpipe), SDL disk audio driver "
              "(1 ms per buffer), lpse-server on 127.0.0.1; wall-clock times of one machine, nearest-rank percentiles"]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
