#!/usr/bin/env python3
"""Screenshots of the kiosk for everyone (docs/screenshots): the attract
page at every screen size offices buy, and every page of a visit with large
text and high contrast (landscape 1366x768, the commonest cheap touch
monitor, and portrait 1080x1920), the accessibility panel, the keypad's
focus ring and the idle warning with "more time". Real programs, real X
input. Needs an Xvfb of at least 3840x2160: `make screenshots` style."""
import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import System, need_display, wait_until  # noqa: E402

SIZES = ["1024x768", "1280x800", "1366x768", "1920x1080", "2560x1440", "3840x2160", "1080x1920"]


def shoot(out, size):
    w, h = size.split("x")
    time.sleep(0.4)
    subprocess.run(["import", "-window", "root", "-crop", f"{w}x{h}+0+0", "+repage", out], check=True)
    print("wrote", out)


def key(k):
    subprocess.run(["xdotool", "keydown", k], check=True)
    time.sleep(0.06)
    subprocess.run(["xdotool", "keyup", k], check=True)
    time.sleep(0.15)


def access_on(kiosk):
    kiosk.click("access")
    wait_until("panel", lambda: kiosk.item("access_large_text"))
    kiosk.click("access_large_text")
    kiosk.click("access_high_contrast")
    wait_until("large+contrast", lambda: kiosk.note("access") == "large_text high_contrast")


def visit(s, out, size, tag):
    kiosk = s.kiosk(size, "0,0", name=f"kiosk-access-{tag}")
    name = lambda page: os.path.join(out, f"kiosk-access-{page}-{tag}.png")  # noqa: E731
    try:
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        kiosk.click("access")
        wait_until("panel", lambda: kiosk.item("access_large_text"))
        kiosk.click("access_large_text")
        kiosk.click("access_high_contrast")
        wait_until("large+contrast", lambda: kiosk.note("access") == "large_text high_contrast")
        shoot(name("panel"), size)
        kiosk.click("access_close")
        shoot(name("attract"), size)
        kiosk.click("start")
        kiosk.wait_step("service")
        shoot(name("service"), size)
        kiosk.click("service_reset")
        kiosk.wait_step("scan")
        shoot(name("scan"), size)
        kiosk.click("type_instead")
        kiosk.wait_step("role")
        kiosk.click("role_ppk")
        shoot(name("role"), size)
        kiosk.click("next")
        kiosk.wait_step("details")
        kiosk.type_into("field_name", "Siti Nur'aini, S.Kom.")
        kiosk.type_into("field_agency", "Dinas Pekerjaan Umum dan Penataan Ruang")
        shoot(name("details"), size)
        kiosk.click("field_nip")
        wait_until("keyboard", lambda: kiosk.note("keyboard") == "nip")
        shoot(name("keyboard"), size)
        kiosk.click("key_done")
        kiosk.click("next")
        kiosk.wait_step("contact")
        kiosk.type_into("field_phone", "081234567890")
        # The keypad's focus ring, on "Lanjut".
        kiosk.focus()
        key("KP_5")
        shoot(name("contact-focus"), size)
        kiosk.click("next")
        kiosk.wait_step("confirm")
        kiosk.click("consent")
        shoot(name("confirm"), size)
        kiosk.click("take_number")
        wait_until("ticket", lambda: kiosk.note("ticket"))
        wait_until("printed", lambda: (kiosk.item("print_state") or {}).get("text", "").startswith("Ambil"))
        shoot(name("ticket"), size)
        token = kiosk.note("ticket_token")
        kiosk.click("done")
        kiosk.wait_step("attract")
        access_on(kiosk)
        kiosk.click("access_close")
        kiosk.click("have_ticket")
        kiosk.wait_step("ticket_scan")
        shoot(name("ticket-scan"), size)
        kiosk.wedge_scan(token)
        wait_until("status", lambda: kiosk.note("status_state"))
        shoot(name("ticket-status"), size)
    finally:
        kiosk.stop()


def idle_warning(s, out, size, tag):
    cfg = s.config_copy("short-idle", "idle_timeout_s = 60", "idle_timeout_s = 17")
    kiosk = s.kiosk(size, "0,0", name=f"kiosk-idle-{tag}", cfg=cfg)
    try:
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        access_on(kiosk)
        kiosk.click("access_close")
        kiosk.click("start")
        kiosk.wait_step("service")
        wait_until("idle warning", lambda: kiosk.item("more_time"), timeout=10)
        shoot(os.path.join(out, f"kiosk-access-idle-warning-{tag}.png"), size)
    finally:
        kiosk.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", default=None)
    ap.add_argument("--sizes-only", action="store_true", help="only the attract page at each size")
    args = ap.parse_args()
    need_display()
    out = args.out or os.path.join(args.source, "docs", "screenshots")
    with System(args, "lpse-shots-access-") as s:
        for size in SIZES:
            kiosk = s.kiosk(size, "0,0", name=f"kiosk-{size}")
            try:
                wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
                time.sleep(1.5)  # the fonts for this size are built after the first frame
                shoot(os.path.join(out, f"kiosk-attract-{size}.png"), size)
            finally:
                kiosk.stop()
        if args.sizes_only:
            return 0
        visit(s, out, "1366x768", "1366x768")
        visit(s, out, "1080x1920", "portrait")
        idle_warning(s, out, "1366x768", "1366x768")
    return 0


if __name__ == "__main__":
    sys.exit(main())
