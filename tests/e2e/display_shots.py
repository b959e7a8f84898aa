#!/usr/bin/env python3
"""The wall display's screenshots for docs/screenshots: a busy board, an
idle one, the server unreachable, portrait 1080x1920, 1366x768 and 4K, all
with the example office logo (assets/logo-display.png).
Run under Xvfb with a screen of at least 3840x2160:
  xvfb-run -a -s "-screen 0 3840x2160x24" python3 tests/e2e/display_shots.py --bin build/default/bin --source . --out docs/screenshots"""
import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from display_common import call_next, desks, issue, quiet_display_config  # noqa: E402
from lpse_e2e import System, need_display, wait_until  # noqa: E402


def shot(s, out, name, size, extra_env=None):
    env = dict(os.environ, SDL_AUDIODRIVER="dummy", **(extra_env or {}))
    path = os.path.join(out, name)
    r = subprocess.run([os.path.join(s.bin, "lpse-display"), "--config", s.cfg, "--size", size, "--pos", "0,0",
                        "--screenshot", path, "--screenshot-timeout", "60"], env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    print("wrote", path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    need_display()
    os.makedirs(args.out, exist_ok=True)
    system = System(args, "lpse-display-shots-")
    quiet_display_config(system)
    # The running text as an office would have it.
    system.edit_config('running_text = "" # "', 'running_text = "')
    system.edit_config('logo = ""', 'logo = "%s"' % os.path.join(os.path.abspath(args.source), "assets", "logo-display.png"))
    with system as s:
        shot(s, args.out, "display-idle.png", "1920x1080")
        tokens = desks(s, 3)
        issue(s, 14, "reset")
        issue(s, 5, "userid")
        for i in range(9):
            call_next(s.base, tokens[i % 3], f"Loket {i % 3 + 1}")
        time.sleep(0.3)
        for name, size in (("display-busy.png", "1920x1080"), ("display-1366x768.png", "1366x768"),
                           ("display-portrait.png", "1080x1920"), ("display-4k.png", "3840x2160")):
            shot(s, args.out, name, size)
        # Offline: a running display keeps its last board under the banner.
        os.environ["SDL_AUDIODRIVER"] = "dummy"
        display = s.display("1920x1080", "0,0")
        wait_until("board", lambda: display.note("called_number"))
        s.server.kill()
        s.server.wait()
        wait_until("offline banner", lambda: display.note("offline_banner"), timeout=15)
        time.sleep(0.5)
        path = os.path.join(args.out, "display-offline.png")
        subprocess.run(["import", "-window", "root", "-crop", "1920x1080+0+0", "+repage", path], check=True)
        print("wrote", path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
