#!/usr/bin/env python3
"""A printer that is not there never leaves a visitor without a number: the
kiosk says so before the number is taken, still issues it (recorded by the
server), shows it large, and offers a reprint."""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import (Window, add_staff, desk_sign_in, device_token, free_port, http_json, kiosk_guest_book, need_display, register_devices,  # noqa: E402
                      wait_until, write_config)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    need_display()
    tmp = tempfile.mkdtemp(prefix="lpse-e2e-printer-")
    port = free_port()
    cfg = write_config(args.source, tmp, port)
    with open(cfg, encoding="utf-8") as f:
        text = f.read()
    # A device-file printer whose device does not exist: unplugged.
    text = text.replace('kind = "virtual"', f'kind = "file"\ndevice = "{tmp}/no-such-lp0"')
    with open(cfg, "w", encoding="utf-8") as f:
        f.write(text)
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([os.path.join(args.bin, "lpse-server"), "--config", cfg],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kiosk = desk = None
    try:
        wait_until("server", lambda: http_json(base + "/api/health"))
        register_devices(args.bin, cfg, tmp)
        kiosk = Window("kiosk", [os.path.join(args.bin, "lpse-kiosk"), "--config", cfg, "--size", "1280x1000",
                                 "--pos", "0,0"], os.path.join(tmp, "kiosk.json"), os.path.join(tmp, "kiosk.log"))
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
        board = http_json(base + "/api/board", device_token(tmp))
        assert board["waiting"]["reset"] == 1, board
        state = wait_until("print failure shown", lambda: (kiosk.item("print_state") or {}).get("text"))
        assert "tidak dapat dicetak" in state, state
        assert kiosk.item("reprint") is not None, "no reprint button"
        assert kiosk.alive()
        # Staff hear of it: the desk console shows the kiosk's printer problem.
        desk = Window("desk", [os.path.join(args.bin, "lpse-desk"), "--config", cfg, "--size", "1200x700",
                               "--pos", "1300,0"], os.path.join(tmp, "desk.json"), os.path.join(tmp, "desk.log"))
        desk_sign_in(desk, "petugas", add_staff(args.bin, cfg, "petugas"))
        alert = wait_until("desk alert", lambda: desk.note("device_alert"))
        assert "kiosk-1" in alert and "tidak ditemukan" in alert.lower(), alert
        print("e2e printer down: ok")
        return 0
    finally:
        for w in (kiosk, desk):
            if w:
                w.stop()
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    sys.exit(main())
