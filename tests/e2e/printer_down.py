#!/usr/bin/env python3
"""A printer that is not there never leaves a visitor without a number: the
kiosk says so before the number is taken, still issues it (recorded by the
server), shows it large, and offers a reprint."""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import (System, desk_sign_in, http_json, kiosk_guest_book, need_display, unplugged_printer,  # noqa: E402
                      wait_until)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    need_display()
    system = System(args, "lpse-e2e-printer-")
    # A device-file printer whose device does not exist: unplugged.
    system.edit_config(*unplugged_printer(system.tmp))
    with system as s:
        kiosk = s.kiosk("1280x1000", "0,0")
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        pill = wait_until("printer status known", lambda: (kiosk.item("printer_status") or {}).get("text"))
        assert pill == "Printer tidak terhubung", pill
        kiosk_guest_book(kiosk, "Budi Santoso", "Dinas PU", "081234567890")
        # Told before taking a number.
        wait_until("printer notice on the confirm page", lambda: kiosk.item("printer_notice"))
        kiosk.click("consent")
        kiosk.click("take_number")
        ticket = wait_until("number on screen", lambda: kiosk.note("ticket"))
        assert ticket == "R-001", ticket
        # Recorded by the server even though nothing printed.
        board = http_json(s.base + "/api/board", s.token())
        assert board["waiting"]["reset"] == 1, board
        state = wait_until("print failure shown", lambda: (kiosk.item("print_state") or {}).get("text"))
        assert "tidak dapat dicetak" in state, state
        assert kiosk.item("reprint") is not None, "no reprint button"
        assert kiosk.alive()
        # Staff hear of it: the desk console shows the kiosk's printer problem.
        desk = s.desk("1200x700", "1300,0")
        desk_sign_in(desk, "petugas", s.add_staff("petugas"))
        alert = wait_until("desk alert", lambda: desk.note("device_alert"))
        assert "kiosk-1" in alert and "tidak ditemukan" in alert.lower(), alert
        print("e2e printer down: ok")
        return 0


if __name__ == "__main__":
    sys.exit(main())
