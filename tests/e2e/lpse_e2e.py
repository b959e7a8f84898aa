"""Helpers for end-to-end tests: start the programs, read their UI maps,
click and type with xdotool like a person at the screen."""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

SKIP = 77


def own_display(screen="3840x1200x24"):
    """Starts a private Xvfb for this test process (the display number Xvfb
    picks itself, -displayfd: no race with other tests doing the same) and
    points DISPLAY at it, for the programs and xdotool this test starts; it
    ends with the process. Tests with their own X server run side by side
    under ctest -j: their windows, pointer and keyboard focus are their own."""
    import atexit
    import ctypes
    import signal

    def die_with_parent():  # a test killed on timeout takes its X server along
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    rfd, wfd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(wfd), "-screen", "0", screen, "-nolisten", "tcp"],
                            pass_fds=(wfd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=die_with_parent)
    os.close(wfd)
    number = b""
    with os.fdopen(rfd, "rb") as r:
        while not number.endswith(b"\n"):
            chunk = r.read(1)
            if not chunk:
                break
            number += chunk
    if not number.strip().isdigit():
        xvfb.kill()
        xvfb.wait()
        return False

    def stop():
        xvfb.terminate()
        try:
            xvfb.wait(5)
        except subprocess.TimeoutExpired:
            xvfb.kill()
            xvfb.wait()
    atexit.register(stop)
    os.environ["DISPLAY"] = ":" + number.decode().strip()
    return True


def need_display():
    # LPSE_E2E_OWN_DISPLAY=1 (set for the e2e tests in tests/e2e/CMakeLists.txt):
    # a private X server, so the test needs no lock on the shared one.
    if os.environ.get("LPSE_E2E_OWN_DISPLAY") == "1" and shutil.which("Xvfb"):
        own_display()
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


def write_config(source, tmp, port, camera="none"):
    """The checkout's config with this test's port, files and camera ("none",
    or image files shown to the kiosk as its camera)."""
    with open(os.path.join(source, "config", "lpse.toml"), encoding="utf-8") as f:
        text = f.read()
    text = text.replace('port = 8420', f'port = {port}')
    text = text.replace('database = "var/lpse.db"', f'database = "{tmp}/lpse.db"')
    text = text.replace('output_dir = "var/tickets"', f'output_dir = "{tmp}/tickets"')
    text = text.replace('slip_dir = "var/slips"', f'slip_dir = "{tmp}/slips"')
    # The virtual printer, even on a machine with a USB printer plugged in.
    text = text.replace('kind = "auto"', 'kind = "virtual"')
    # A still display: the running text would keep the renderer busy.
    text = text.replace('running_text = "', 'running_text = "" # "')
    # Device tokens live beside the test's database.
    for dev in ("kiosk-1", "display-1"):
        text = text.replace(f'credential_file = "var/credentials/{dev}.token"',
                            f'credential_file = "{tmp}/{dev}.token"')
    text = text.replace('camera = "auto"', f'camera = "{camera}"')
    path = os.path.join(tmp, "lpse.toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def device_token(tmp, dev="kiosk-1"):
    """The token register_devices() wrote for `dev`, or None."""
    try:
        with open(os.path.join(tmp, f"{dev}.token"), encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return None


def register_devices(bin_dir, cfg, tmp, devices=(("kiosk-1", "kiosk"), ("display-1", "display"))):
    """Gives the kiosk and the display their tokens (`lpse device add`), as an
    installer does once; call it once the server has made the database.
    Older builds without device tokens need nothing."""
    lpse = os.path.join(bin_dir, "lpse")
    help_text = subprocess.run([lpse, "--help"], capture_output=True, text=True).stdout
    if "device" not in help_text:
        return
    for dev, role in devices:
        out = subprocess.run([lpse, "--config", cfg, "device", "add", dev, "--role", role, "--out",
                              os.path.join(tmp, f"{dev}.token")], capture_output=True, text=True)
        assert out.returncode == 0, out.stdout + out.stderr


def wait_until(what, fn, timeout=20.0, step=0.1):
    end = time.time() + timeout
    last = None
    while time.time() < end:
        last = fn()
        if last:
            return last
        time.sleep(step)
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")


def http_json(url, token=None):
    """GET url as JSON (None when it fails); token: a bearer token."""
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    try:
        with urllib.request.urlopen(req, timeout=2) as r:
            return json.loads(r.read())
    except Exception:
        return None


def http_post(url, body, token=None):
    """POST body as JSON, the answer as JSON (raises on an HTTP error)."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers, method="POST")
    with urllib.request.urlopen(req, timeout=5) as r:
        return json.loads(r.read())


def staff_session(base, username, pin="246810"):
    """A signed-in staff member's bearer token (POST /api/login)."""
    return http_post(base + "/api/login", {"username": username, "password": pin})["token"]


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

    def content_rect(self):
        """The kiosk's scrolling page area (window pixels), if it notes one."""
        r = self.note("content_rect")
        return [float(v) for v in r.split(",")] if r else None

    def scroll_to(self, item_id):
        """Drag the form until the widget is on screen, as a visitor would."""
        wait_until(f"{self.name}:{item_id} exists", lambda: self.any_item(item_id))
        win = self.ui()["window"]
        # Items of the scrolling form count as reachable only when wholly
        # inside the page area: a partly clipped field is "visible", but its
        # centre may lie under the top bar or the footer.
        in_form = item_id.startswith(("field_", "doc_", "role_", "service_", "consent", "edit_", "value_"))
        for _ in range(20):
            it = self.any_item(item_id)
            r = it["rect"] if it else None
            area = self.content_rect()
            if area:
                top, bottom = area[1], area[1] + area[3]
            else:
                top, bottom = 200, win["h"] - 110
            whole = not in_form or (r["y"] >= top - 1 and r["y"] + r["h"] <= bottom + 1)
            if it and it.get("visible", True) and whole:
                return
            below = r["y"] > (top + bottom) / 2
            cx, cy = win["x"] + win["w"] // 2, win["y"] + int((top + bottom) / 2)
            self.drag(cx, cy + (150 if below else -150), -300 if below else 300)
        raise AssertionError(f"could not scroll {item_id} into view")

    def wait_step(self, step, timeout=20.0):
        """Waits until the kiosk shows `step` (its UI map's "step" note)."""
        return wait_until(f"{self.name} step {step}", lambda: self.note("step") == step, timeout=timeout)

    def tap_keys(self, text):
        """Types on the on-screen keyboard, one tap per key, as a finger does,
        and like a person watches each character appear before the next tap
        (a slow frame, e.g. under ASan, must not swallow a quick second tap)."""
        names = {" ": "space", "@": "at", ".": "dot", "-": "dash", "_": "underscore", "+": "plus",
                 "'": "apostrophe", ",": "comma"}
        # The keyboard opens on the frame after the tap's release: wait for it.
        field = "field_" + wait_until(f"{self.name}: keyboard open", lambda: self.note("keyboard"), timeout=10)
        for ch in text:
            before = len((self.any_item(field) or {}).get("text", ""))
            self.click("key_" + names.get(ch, ch.lower()))
            wait_until(f"{self.name}: '{ch}' typed into {field}",
                       lambda: len((self.any_item(field) or {}).get("text", "")) == before + 1, timeout=10, step=0.02)

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

    def wedge_scan(self, text):
        """A keyboard-wedge QR scanner: "types" what the code holds, then Enter."""
        self.focus()
        subprocess.run(["xdotool", "type", "--delay", "10", text], check=True)
        subprocess.run(["xdotool", "key", "Return"], check=True)

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


def start_server(bin_dir, cfg, base, log_path=None):
    """Starts lpse-server and waits until it answers."""
    log = open(log_path, "a") if log_path else subprocess.DEVNULL
    proc = subprocess.Popen([os.path.join(bin_dir, "lpse-server"), "--config", cfg], stdout=log,
                            stderr=subprocess.STDOUT)
    try:
        wait_until("server health", lambda: http_json(base + "/api/health"))
    except BaseException:
        proc.kill()  # a server that never answered must not outlive the test
        proc.wait()
        raise
    return proc


def kiosk_guest_book(kiosk, name, agency, phone, service="reset", role="ppk", docs=("sk_penunjukan",),
                     nip=None, by_touch=False):
    """A visitor's way from "touch to start" to the confirm page, by typing:
    service, "type my details", role and documents, about you, contact.
    by_touch: NIP and phone on the on-screen number pad instead of xdotool type."""
    # One tap: the first frame is already laid out at the window's scale
    # (the fonts are built for it before it is drawn), so "start" is where
    # the UI map says from the start.
    kiosk.click("start")
    kiosk.wait_step("service")
    kiosk.click("service_" + service)
    kiosk.wait_step("scan")
    kiosk.click("type_instead")
    kiosk.wait_step("role")
    kiosk.click("role_" + role)
    for d in docs:
        kiosk.click("doc_" + d)
    kiosk.click("next")
    kiosk.wait_step("details")
    kiosk.type_into("field_name", name)
    if nip:
        if by_touch:
            kiosk.click("field_nip")
            kiosk.tap_keys(nip)
            kiosk.click("key_done")
        else:
            kiosk.type_into("field_nip", nip)
    kiosk.type_into("field_agency", agency)
    kiosk.click("next")
    kiosk.wait_step("contact")
    if by_touch:
        kiosk.click("field_phone")
        kiosk.tap_keys(phone)
        kiosk.click("key_done")
    else:
        kiosk.type_into("field_phone", phone)
    kiosk.click("next")
    kiosk.wait_step("confirm")


def add_staff(bin_dir, cfg, username, role="helpdesk", pin="246810"):
    """A staff account made as the LPSE's admin would (`lpse staff add`)."""
    subprocess.run([os.path.join(bin_dir, "lpse"), "--config", cfg, "staff", "add", username, "--role", role,
                    "--name", username.title(), "--password-stdin"], input=pin + "\n", text=True,
                   capture_output=True, check=True)
    return pin


def desk_sign_in(desk, username, pin):
    """Signs in at the desk console with real typing and a click."""
    wait_until("desk sign-in screen", lambda: desk.item("username"))
    desk.type_into("username", username)
    desk.type_into("password", pin)
    desk.click("sign_in")
    wait_until("desk signed in", lambda: desk.note("staff") == username)


def unplugged_printer(tmp):
    """The config edit for a printer that is not there: a device file that
    does not exist (for System.edit_config)."""
    return 'kind = "virtual"', f'kind = "file"\ndevice = "{tmp}/no-such-lp0"'


class System:
    """One test's system: a temp dir, a config on a free port, the server
    (started on entering, its devices registered) and the front-end windows
    started through it. Leaving stops every window and the server, whatever
    happened; the temp dir goes on success and is kept (and named) on failure.

        sys_ = System(args, "lpse-e2e-idle-")
        sys_.edit_config("idle_timeout_s = 60", "idle_timeout_s = 8")
        with sys_ as s:
            kiosk = s.kiosk()
    """

    def __init__(self, args, prefix="lpse-e2e-", camera="none", keep=False):
        self.bin = args.bin
        self.source = args.source
        self.keep = keep
        self.tmp = tempfile.mkdtemp(prefix=prefix)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.cfg = write_config(self.source, self.tmp, self.port, camera=camera)
        self.server = None
        self.windows = []

    def edit_config(self, old, new):
        """Replaces `old` (which must be there) in the config; before entering
        for the server's settings, any time for a front-end started later."""
        with open(self.cfg, encoding="utf-8") as f:
            text = f.read()
        assert old in text, f"{old!r} not in {self.cfg}"
        with open(self.cfg, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))

    def config_copy(self, name, old, new):
        """A second config beside the first with one edit, for a front-end
        that must see another setting (e.g. an unplugged printer)."""
        with open(self.cfg, encoding="utf-8") as f:
            text = f.read()
        assert old in text, f"{old!r} not in {self.cfg}"
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))
        return path

    def start_server(self):
        """(Re)starts the server on the same port and database."""
        self.server = start_server(self.bin, self.cfg, self.base, os.path.join(self.tmp, "server.log"))
        return self.server

    def __enter__(self):
        try:
            self.start_server()
            register_devices(self.bin, self.cfg, self.tmp)
        except BaseException:
            self.stop()
            raise
        return self

    def window(self, program, name, size, pos, cfg=None):
        """Starts a front-end (lpse-kiosk, lpse-display, lpse-desk); its UI
        map and log are tmp/<name>.json and tmp/<name>.log."""
        argv = [os.path.join(self.bin, program), "--config", cfg or self.cfg, "--size", size, "--pos", pos]
        w = Window(name, argv, os.path.join(self.tmp, f"{name}.json"),
                   os.path.join(self.tmp, f"{name}.log"))
        self.windows.append(w)
        return w

    def kiosk(self, size="1920x1080", pos="0,0", name="kiosk", cfg=None):
        return self.window("lpse-kiosk", name, size, pos, cfg)

    def display(self, size, pos, name="display"):
        return self.window("lpse-display", name, size, pos)

    def desk(self, size, pos, name="desk"):
        return self.window("lpse-desk", name, size, pos)

    def lpse(self, *argv, **kw):
        """Runs the admin CLI with this system's config."""
        return subprocess.run([os.path.join(self.bin, "lpse"), "--config", self.cfg, *argv], **kw)

    def add_staff(self, username, role="helpdesk"):
        return add_staff(self.bin, self.cfg, username, role)

    def token(self, dev="kiosk-1"):
        return device_token(self.tmp, dev)

    def stop(self):
        for w in self.windows:
            w.stop()
        if self.server and self.server.poll() is None:
            self.server.terminate()
            try:
                self.server.wait(10)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()

    def __exit__(self, exc_type, exc, tb):
        self.stop()
        if exc_type is None and not self.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)
        else:
            print(f"logs kept in {self.tmp}")
        return False
