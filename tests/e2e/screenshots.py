#!/usr/bin/env python3
"""Takes the screenshots in docs/screenshots: the real programs under X,
driven through their screens with real input (as in the e2e tests).
Run by `make screenshots` (inside Xvfb)."""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import Window, free_port, http_json, need_display, wait_until, write_config  # noqa: E402


def shoot(win, out, w, h, x=0, y=0):
    subprocess.run(["import", "-window", "root", "-crop", f"{w}x{h}+{x}+{y}", "+repage", out], check=True)
    print("wrote", out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    need_display()
    os.makedirs(args.out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="lpse-shots-")
    port = free_port()
    cfg = write_config(args.source, tmp, port)
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([os.path.join(args.bin, "lpse-server"), "--config", cfg],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    windows = []
    try:
        wait_until("server", lambda: http_json(base + "/api/health"))
        prog = lambda n: [os.path.join(args.bin, n), "--config", cfg]  # noqa: E731
        for lang in ("id", "en"):
            kiosk = Window("kiosk", prog("lpse-kiosk") + ["--size", "1920x1080", "--pos", "0,0"],
                           os.path.join(tmp, f"kiosk-{lang}.json"), os.path.join(tmp, "kiosk.log"))
            windows.append(kiosk)
            wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
            if lang == "en":
                kiosk.click("language")
            shoot(kiosk, os.path.join(args.out, f"kiosk-attract-{lang}.png"), 1920, 1080)
            kiosk.click("start")
            kiosk.click("role_ppk")
            kiosk.type_into("field_name", "Siti Nur'aini, S.Kom.")
            kiosk.type_into("field_nip", "19850330201012100")  # one digit short: shows the message
            kiosk.type_into("field_agency", "Dinas Pekerjaan Umum")
            shoot(kiosk, os.path.join(args.out, f"kiosk-form-{lang}.png"), 1920, 1080)
            kiosk.click("field_nip")  # a tap opens the on-screen number pad
            kiosk.click("key_2")      # the 18th digit, by touch
            shoot(kiosk, os.path.join(args.out, f"kiosk-keyboard-{lang}.png"), 1920, 1080)
            kiosk.click("key_done")
            kiosk.type_into("field_phone", "081234567890")

            kiosk.click("doc_sk_penunjukan")
            kiosk.click("consent")
            kiosk.click("take_number")
            wait_until("ticket", lambda: kiosk.note("ticket"))
            wait_until("printed", lambda: glob.glob(os.path.join(tmp, "tickets", "*.png")))
            shoot(kiosk, os.path.join(args.out, f"kiosk-ticket-{lang}.png"), 1920, 1080)
            kiosk.stop()
            windows.remove(kiosk)
        shutil.copy(sorted(glob.glob(os.path.join(tmp, "tickets", "*.png")))[0],
                    os.path.join(args.out, "ticket-80mm.png"))

        display = Window("display", prog("lpse-display") + ["--size", "1920x1080", "--pos", "0,0"],
                         os.path.join(tmp, "display.json"), os.path.join(tmp, "display.log"))
        desk = Window("desk", prog("lpse-desk") + ["--size", "1280x800", "--pos", "1930,0"],
                      os.path.join(tmp, "desk.json"), os.path.join(tmp, "desk.log"))
        windows += [display, desk]
        wait_until("desk can call", lambda: (desk.item("call_next") or {}).get("enabled"))
        desk.click("call_next")
        wait_until("desk case", lambda: desk.note("case_ticket"))
        desk.click("start_check")
        wait_until("display call", lambda: display.note("called_number"))
        import time
        time.sleep(9)  # past the blinking of a fresh call
        shoot(display, os.path.join(args.out, "display-id.png"), 1920, 1080)
        shoot(desk, os.path.join(args.out, "desk-id.png"), 1280, 800, 1930, 0)
        return 0
    finally:
        for w in windows:
            w.stop()
        server.terminate()
        server.wait(10)
        if sys.exc_info()[0] is None:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print("kept", tmp)


if __name__ == "__main__":
    sys.exit(main())
