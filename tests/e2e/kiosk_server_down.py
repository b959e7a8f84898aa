#!/usr/bin/env python3
"""The server goes away while a visitor is on the confirm page: the kiosk
shows it within two seconds, hands out no number (nothing would record it),
keeps the visitor's data, and recovers by itself when the server is back;
the number then taken is the first the server recorded."""
import argparse
import os
import signal
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import (Window, free_port, kiosk_guest_book, need_display, register_devices, start_server,  # noqa: E402
                      wait_until, write_config)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    need_display()
    tmp = tempfile.mkdtemp(prefix="lpse-e2e-down-")
    port = free_port()
    cfg = write_config(args.source, tmp, port)
    base = f"http://127.0.0.1:{port}"
    log = os.path.join(tmp, "server.log")
    server = start_server(args.bin, cfg, base, log)
    kiosk = None
    try:
        register_devices(args.bin, cfg, tmp)
        kiosk = Window("kiosk", [os.path.join(args.bin, "lpse-kiosk"), "--config", cfg, "--size", "1920x1080",
                                 "--pos", "0,0"], os.path.join(tmp, "kiosk.json"), os.path.join(tmp, "kiosk.log"))
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        kiosk_guest_book(kiosk, "Budi Santoso", "Dinas PU", "081234567890")
        kiosk.click("consent")
        assert kiosk.item("take_number")["enabled"]

        # The server dies (power cut on its box): no goodbye on the wire.
        server.send_signal(signal.SIGKILL)
        server.wait(5)
        t0 = time.time()
        wait_until("offline shown", lambda: (kiosk.item("server_status") or {}).get("label") == "offline",
                   timeout=5, step=0.02)
        shown = time.time() - t0
        print(f"server loss shown after {shown:.2f} s")
        assert shown <= 2.0, shown
        wait_until("button disabled", lambda: not kiosk.item("take_number")["enabled"], timeout=2)
        assert kiosk.item("offline_form") is not None, "the confirm page must say why"
        # A tap on the disabled button gives no number.
        kiosk.click("take_number")
        time.sleep(1.0)
        assert kiosk.note("ticket") is None, "a number without the server"
        assert kiosk.note("step") == "confirm"
        assert kiosk.item("value_name")["text"] == "Budi Santoso"  # the data are kept

        # The server comes back on the same port and database: the kiosk
        # reconnects by itself and the number works again.
        server = start_server(args.bin, cfg, base, log)
        t0 = time.time()
        wait_until("back online", lambda: (kiosk.item("take_number") or {}).get("enabled"), timeout=10, step=0.05)
        print(f"kiosk usable again {time.time() - t0:.2f} s after the server answered")
        assert (kiosk.item("server_status") or {}).get("label") == "online"
        kiosk.click("take_number")
        ticket = wait_until("ticket", lambda: kiosk.note("ticket"))
        assert ticket == "R-001", ticket
        db = sqlite3.connect(os.path.join(tmp, "lpse.db"))
        visits = db.execute("SELECT count(*) FROM visits").fetchone()[0]
        tickets = [r[0] for r in db.execute("SELECT ticket FROM cases")]
        db.close()
        assert visits == 1 and tickets == ["R-001"], (visits, tickets)
        assert kiosk.alive()
        print("e2e kiosk server down: ok")
        return 0
    finally:
        if kiosk:
            kiosk.stop()
        if server.poll() is None:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    sys.exit(main())
