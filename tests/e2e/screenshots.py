#!/usr/bin/env python3
"""Takes the screenshots in docs/screenshots: the real programs under X,
driven through their screens with real input (as in the e2e tests).
Every kiosk screen in Indonesian and English, landscape 1920x1080 and
portrait 1080x1920; the wall display and the desk once.
Run by `make screenshots` (inside an Xvfb of at least 3840x2160)."""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import (Window, add_staff, desk_sign_in, free_port, http_json, need_display, register_devices, wait_until,  # noqa: E402
                      write_config)

ORIENTATIONS = {"landscape": (1920, 1080), "portrait": (1080, 1920)}


def shoot(out, w, h, x=0, y=0):
    time.sleep(0.35)  # the frame after the last input has been drawn
    subprocess.run(["import", "-window", "root", "-crop", f"{w}x{h}+{x}+{y}", "+repage", out], check=True)
    print("wrote", out)


def kiosk_flow(args, cfg, tmp, lang, orient, only=None):
    """One visitor through every kiosk screen; a screenshot of each."""
    w, h = ORIENTATIONS[orient]
    prog = [os.path.join(args.bin, "lpse-kiosk"), "--config", cfg, "--size", f"{w}x{h}", "--pos", "0,0"]
    kiosk = Window("kiosk", prog, os.path.join(tmp, f"kiosk-{lang}-{orient}.json"),
                   os.path.join(tmp, f"kiosk-{lang}-{orient}.log"))
    name = lambda screen: os.path.join(args.out, f"kiosk-{screen}-{lang}-{orient}.png")  # noqa: E731
    want = lambda screen: only is None or screen in only  # noqa: E731
    try:
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        if lang == "en":
            kiosk.click("language")
            wait_until("English", lambda: (kiosk.item("start") or {}).get("text") == "Touch to start")
        if want("attract"):
            shoot(name("attract"), w, h)
        kiosk.click("start")
        kiosk.wait_step("service")
        if want("service"):
            shoot(name("service"), w, h)
        kiosk.click("service_reset")
        kiosk.wait_step("scan")
        if want("scan"):
            shoot(name("scan"), w, h)
        kiosk.click("type_instead")
        kiosk.wait_step("role")
        kiosk.click("role_ppk")
        if want("role"):
            shoot(name("role"), w, h)
        kiosk.click("next")
        kiosk.wait_step("details")
        kiosk.type_into("field_name", "Siti Nur'aini, S.Kom.")
        kiosk.type_into("field_nip", "19850330201012100")  # one digit short: shows the message
        kiosk.type_into("field_agency", "Dinas Pekerjaan Umum")
        if want("details"):
            shoot(name("details"), w, h)
        kiosk.click("field_nip")  # a tap opens the on-screen number pad
        kiosk.click("key_2")      # the 18th digit, by touch
        if want("keyboard"):
            shoot(name("keyboard"), w, h)
        kiosk.click("key_done")
        kiosk.click("field_name")  # the letters keyboard
        if want("keyboard-text"):
            shoot(name("keyboard-text"), w, h)
        kiosk.click("key_done")
        kiosk.click("next")
        kiosk.wait_step("contact")
        kiosk.click("field_phone")
        kiosk.tap_keys("081234567890")
        kiosk.click("key_done")
        kiosk.type_into("field_purpose", "Lupa password akun PPK")
        if want("contact"):
            shoot(name("contact"), w, h)
        kiosk.click("next")
        kiosk.wait_step("confirm")
        kiosk.click("consent")
        if want("confirm"):
            shoot(name("confirm"), w, h)
        kiosk.click("take_number")
        wait_until("ticket", lambda: kiosk.note("ticket"))
        wait_until("printed", lambda: (kiosk.item("print_state") or {}).get("text", "").startswith(("Ambil", "Take")))
        token = kiosk.note("ticket_token")
        if want("ticket"):
            shoot(name("ticket"), w, h)
        kiosk.click("done")
        kiosk.wait_step("attract")
        kiosk.click("have_ticket")
        kiosk.wait_step("ticket_scan")
        if want("ticket-scan"):
            shoot(name("ticket-scan"), w, h)
        # A keyboard-wedge scanner "types" what the QR holds, then Enter.
        kiosk.focus()
        subprocess.run(["xdotool", "type", "--delay", "10", token], check=True)
        subprocess.run(["xdotool", "key", "Return"], check=True)
        wait_until("ticket status", lambda: kiosk.note("status_state"))
        if want("ticket-status"):
            shoot(name("ticket-status"), w, h)
        kiosk.click("status_done")
        kiosk.wait_step("attract")
        # The idle warning: a page left alone (idle_timeout_s is 20 here).
        kiosk.click("start")
        kiosk.wait_step("service")
        if want("idle-warning"):
            wait_until("idle warning", lambda: kiosk.item("idle_warning"), timeout=15)
            shoot(name("idle-warning"), w, h)
        return token
    finally:
        kiosk.stop()


def printer_down_ticket(args, cfg, tmp, lang, orient):
    """The ticket screen when the printer is gone: the number stays large."""
    w, h = ORIENTATIONS[orient]
    prog = [os.path.join(args.bin, "lpse-kiosk"), "--config", cfg, "--size", f"{w}x{h}", "--pos", "0,0"]
    kiosk = Window("kiosk", prog, os.path.join(tmp, f"kiosk-pd-{lang}-{orient}.json"),
                   os.path.join(tmp, f"kiosk-pd-{lang}-{orient}.log"))
    try:
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        if lang == "en":
            kiosk.click("language")
        kiosk.click("start")
        kiosk.click("service_userid")
        kiosk.click("type_instead")
        kiosk.click("role_auditor")
        kiosk.click("next")
        kiosk.type_into("field_name", "Budi Santoso")
        kiosk.type_into("field_agency", "Inspektorat Provinsi")
        kiosk.click("next")
        kiosk.type_into("field_phone", "081298765432")
        kiosk.click("next")
        kiosk.wait_step("confirm")
        kiosk.click("consent")
        shoot(os.path.join(args.out, f"kiosk-confirm-printer-down-{lang}-{orient}.png"), w, h)
        kiosk.click("take_number")
        wait_until("print failure", lambda: kiosk.item("reprint"))
        shoot(os.path.join(args.out, f"kiosk-ticket-printer-down-{lang}-{orient}.png"), w, h)
    finally:
        kiosk.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--kiosk-only", action="store_true", help="skip the display and desk")
    ap.add_argument("--orient", choices=list(ORIENTATIONS), help="only this orientation")
    ap.add_argument("--lang", choices=["id", "en"], help="only this language")
    args = ap.parse_args()
    need_display()
    os.makedirs(args.out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="lpse-shots-")
    port = free_port()
    cfg = write_config(args.source, tmp, port)
    with open(cfg, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("idle_timeout_s = 60", "idle_timeout_s = 20")
    with open(cfg, "w", encoding="utf-8") as f:
        f.write(text)
    # A second config whose printer is unplugged (a device file that is not there).
    down_cfg = os.path.join(tmp, "printer-down.toml")
    with open(down_cfg, "w", encoding="utf-8") as f:
        f.write(text.replace('kind = "virtual"', f'kind = "file"\ndevice = "{tmp}/no-such-lp0"'))
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([os.path.join(args.bin, "lpse-server"), "--config", cfg],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    windows = []
    try:
        wait_until("server", lambda: http_json(base + "/api/health"))
        register_devices(args.bin, cfg, tmp)
        for orient in [args.orient] if args.orient else ORIENTATIONS:
            for lang in [args.lang] if args.lang else ("id", "en"):
                kiosk_flow(args, cfg, tmp, lang, orient)
                printer_down_ticket(args, down_cfg, tmp, lang, orient)
        shutil.copy(sorted(glob.glob(os.path.join(tmp, "tickets", "*.png")))[0],
                    os.path.join(args.out, "ticket-80mm.png"))
        if args.kiosk_only:
            return 0

        prog = lambda n: [os.path.join(args.bin, n), "--config", cfg]  # noqa: E731
        display = Window("display", prog("lpse-display") + ["--size", "1920x1080", "--pos", "0,0"],
                         os.path.join(tmp, "display.json"), os.path.join(tmp, "display.log"))
        desk = Window("desk", prog("lpse-desk") + ["--size", "1280x1000", "--pos", "1930,0"],
                      os.path.join(tmp, "desk.json"), os.path.join(tmp, "desk.log"))
        windows += [display, desk]
        pin = add_staff(args.bin, cfg, "petugas")
        wait_until("desk sign-in", lambda: desk.item("username"))
        time.sleep(0.5)
        shoot(os.path.join(args.out, "desk-sign-in-id.png"), 1280, 1000, 1930, 0)
        desk_sign_in(desk, "petugas", pin)
        wait_until("desk can call", lambda: (desk.item("call_next") or {}).get("enabled"))
        desk.click("call_next")
        wait_until("desk case", lambda: desk.note("case_ticket"))
        desk.click("start_check")
        wait_until("display call", lambda: display.note("called_number"))
        time.sleep(9)  # past the blinking of a fresh call
        shoot(os.path.join(args.out, "display-id.png"), 1920, 1080)
        shoot(os.path.join(args.out, "desk-id.png"), 1280, 1000, 1930, 0)
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
