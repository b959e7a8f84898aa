#!/usr/bin/env python3
"""An abandoned form is wiped: the countdown is visible, a warning comes
for the last seconds, the attract screen returns on its own, and the next
visitor finds every field empty and the keyboard closed."""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import System, need_display, wait_until  # noqa: E402

IDLE_S = 8


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    need_display()
    system = System(args, "lpse-e2e-idle-")
    system.edit_config("idle_timeout_s = 60", f"idle_timeout_s = {IDLE_S}")
    with system as s:
        kiosk = s.kiosk()
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        kiosk.click("start")
        kiosk.click("service_reset")
        kiosk.click("type_instead")
        kiosk.click("role_auditor")
        kiosk.click("next")
        kiosk.wait_step("details")
        kiosk.type_into("field_name", "Rahasia Pengunjung")
        kiosk.click("field_agency")
        kiosk.tap_keys("inspektorat")  # the keyboard is open when the visitor walks away
        assert kiosk.note("keyboard") == "agency"
        left_at = time.time()
        # The countdown is on screen while the keyboard is up.
        countdown = wait_until("countdown", lambda: (kiosk.item("idle") or {}).get("text"))
        assert "detik" in countdown, countdown
        warning = wait_until("idle warning", lambda: kiosk.item("idle_warning"), timeout=IDLE_S + 2)
        assert "Sentuh" in warning["text"], warning
        kiosk.wait_step("attract", timeout=IDLE_S + 3)
        gone = time.time() - left_at
        print(f"wiped {gone:.1f} s after the last touch (timeout {IDLE_S} s)")
        assert IDLE_S - 1.5 <= gone <= IDLE_S + 2.5, gone
        assert kiosk.item("idle_warning") is None
        # The next visitor: nothing of the previous one, keyboard closed.
        kiosk.click("start")
        kiosk.click("service_reset")
        kiosk.click("type_instead")
        kiosk.wait_step("role")
        role = kiosk.item("role_auditor")
        assert role is not None
        kiosk.click("next")
        kiosk.wait_step("details")
        assert kiosk.note("keyboard") == "", kiosk.note("keyboard")
        for f in ("field_name", "field_nip", "field_agency"):
            assert kiosk.item(f)["text"] == "", (f, kiosk.item(f))
        assert kiosk.alive()
        print("e2e kiosk idle wipe: ok")
        return 0


if __name__ == "__main__":
    sys.exit(main())
