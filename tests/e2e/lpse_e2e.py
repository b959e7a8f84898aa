"""Helpers for end-to-end tests: start the programs, read their UI maps,
click and type with xdotool like a person at the screen."""
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

SKIP = 77


def need_display():
    if not os.environ.get("DISPLAY"):
        print("SKIP: no X display (run under xvfb-run, as scripts/run-tests does)")
        sys.exit(SKIP)
    if not shutil.which("xdotool"):
        print("SKIP: xdotool missing")
        sys.exit(SKIP)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_config(source, tmp, port):
    with open(os.path.join(source, "config", "lpse.toml"), encoding="utf-8") as f:
        text = f.read()
    text = text.replace('port = 8420', f'port = {port}')
    text = text.replace('database = "var/lpse.db"', f'database = "{tmp}/lpse.db"')
    text = text.replace('output_dir = "var/tickets"', f'output_dir = "{tmp}/tickets"')
    # The virtual printer, even on a machine with a USB printer plugged in.
    text = text.replace('kind = "auto"', 'kind = "virtual"')
    # A still display: the running text would keep the renderer busy.
    text = text.replace('running_text = "', 'running_text = "" # "')
    path = os.path.join(tmp, "lpse.toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def wait_until(what, fn, timeout=20.0, step=0.1):
    end = time.time() + timeout
    last = None
    while time.time() < end:
        last = fn()
        if last:
            return last
        time.sleep(step)
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")


def http_json(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return json.loads(r.read())
    except Exception:
        return None


class Window:
    """A front-end process with its UI map."""

    def __init__(self, name, argv, map_path, log_path):
        self.name = name
        self.map_path = map_path
        self.log = open(log_path, "w")
        self.proc = subprocess.Popen(argv + ["--ui-map", map_path], stdout=self.log, stderr=subprocess.STDOUT)

    def ui(self):
        try:
            with open(self.map_path, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def item(self, item_id):
        m = self.ui()
        if not m:
            return None
        for it in m.get("widgets", []):
            if it.get("id") == item_id and it.get("visible", True):
                return it
        return None

    def note(self, key):
        m = self.ui()
        return (m or {}).get("notes", {}).get(key)

    def any_item(self, item_id):
        for it in (self.ui() or {}).get("widgets", []):
            if it.get("id") == item_id:
                return it
        return None

    def drag(self, x, y, dy):
        """A finger drag: press, move in steps, release."""
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "mousedown", "1"], check=True)
        for i in range(1, 11):
            subprocess.run(["xdotool", "mousemove", str(x), str(int(y + dy * i / 10))], check=True)
            time.sleep(0.02)
        subprocess.run(["xdotool", "mouseup", "1"], check=True)
        time.sleep(0.2)

    def scroll_to(self, item_id):
        """Drag the form until the widget is on screen, as a visitor would."""
        wait_until(f"{self.name}:{item_id} exists", lambda: self.any_item(item_id))
        win = self.ui()["window"]
        # Items of the scrolling form count as reachable only when wholly
        # between the top bar and the footer: a partly clipped field is
        # "visible", but its centre may lie under the top bar.
        in_form = item_id.startswith(("field_", "doc_", "role_", "service_", "consent"))
        for _ in range(20):
            it = self.any_item(item_id)
            r = it["rect"] if it else None
            whole = not in_form or (r["y"] >= 200 and r["y"] + r["h"] <= win["h"] - 110)
            if it and it.get("visible", True) and whole:
                return
            below = r["y"] > win["h"] / 2
            cx, cy = win["x"] + win["w"] // 2, win["y"] + win["h"] // 2
            self.drag(cx, cy + (150 if below else -150), -300 if below else 300)
        raise AssertionError(f"could not scroll {item_id} into view")

    def center(self, item_id):
        self.scroll_to(item_id)
        it = wait_until(f"{self.name}:{item_id}", lambda: self.item(item_id))
        win = self.ui()["window"]
        r = it["rect"]
        return int(win["x"] + r["x"] + r["w"] / 2), int(win["y"] + r["y"] + r["h"] / 2)

    def click(self, item_id):
        x, y = self.center(item_id)
        subprocess.run(["xdotool", "mousemove", str(x), str(y)], check=True)
        time.sleep(0.05)
        subprocess.run(["xdotool", "click", "1"], check=True)
        time.sleep(0.15)

    def focus(self):
        """With no window manager nothing moves keyboard focus on a click:
        give it to this window, as the kiosk's compositor would."""
        out = subprocess.run(["xdotool", "search", "--pid", str(self.proc.pid)], capture_output=True, text=True)
        wids = out.stdout.split()
        assert wids, f"no X window for {self.name}"
        subprocess.run(["xdotool", "windowfocus", "--sync", wids[-1]], check=True)

    def type_into(self, item_id, text):
        self.click(item_id)
        self.focus()
        subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)
        time.sleep(0.2)

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()
